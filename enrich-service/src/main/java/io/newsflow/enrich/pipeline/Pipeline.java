package io.newsflow.enrich.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs an ordered list of stages over a draft and records how long each one took. */
public final class Pipeline {

    private final List<EnrichmentStage> stages;

    public Pipeline(List<EnrichmentStage> stages) {
        this.stages = List.copyOf(stages);
    }

    public List<String> stageNames() {
        return stages.stream().map(EnrichmentStage::name).toList();
    }

    /**
     * Applies every stage in order.
     *
     * @return stage name to elapsed nanoseconds, in execution order
     */
    public Map<String, Long> run(ArticleDraft draft, StageObserver observer) {
        Map<String, Long> timings = new LinkedHashMap<>();
        for (EnrichmentStage stage : stages) {
            long start = System.nanoTime();
            stage.apply(draft);
            long elapsed = System.nanoTime() - start;
            timings.put(stage.name(), elapsed);
            observer.stageCompleted(stage.name(), elapsed);
        }
        return timings;
    }

    public Map<String, Long> run(ArticleDraft draft) {
        return run(draft, StageObserver.NONE);
    }
}
