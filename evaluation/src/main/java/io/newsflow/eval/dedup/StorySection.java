package io.newsflow.eval.dedup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.enrich.story.InMemoryStoryIndex;
import io.newsflow.enrich.story.StoryAssigner;
import io.newsflow.enrich.story.StoryFeatures;
import io.newsflow.eval.EvalPipeline;
import io.newsflow.eval.EvalReport;
import io.newsflow.eval.EvalSection;

/**
 * Same-story grouping on ECB+: every document is fed once, in a fixed shuffled order, to the service's
 * {@link StoryAssigner} (in-memory index with the PostgreSQL index's semantics); the resulting story ids are scored
 * against topic + sub-topic with pairwise precision/recall/F1 and B-cubed. Each rebuilt text first goes through the
 * service's default pipeline, so its entities and keywords are the ones the service would use.
 */
public final class StorySection implements EvalSection {

    private static final long ORDER_SEED = 42;

    @Override
    public String name() {
        return "stories";
    }

    @Override
    public String dataFolder() {
        return "ecbplus";
    }

    @Override
    public void run(Path dataRoot, EvalReport report, Path predictions) throws Exception {
        List<EcbPlusCorpus.Document> docs = new ArrayList<>(EcbPlusCorpus.read(dataRoot.resolve(dataFolder())));
        Collections.shuffle(docs, new Random(ORDER_SEED));
        StoryAssigner assigner = new DedupSettings().storyAssigner();
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (EcbPlusCorpus.Document d : docs) {
            ArticleDraft draft = ArticleDraft.of(d.text(), "text/plain");
            EvalPipeline.get().run(draft);
            String story = assigner.assign(d.name(), "ecbplus", new StoryFeatures.Input(draft.title(), draft.text(),
                    draft.entities(), draft.keywords()), null, index, now).storyId();
            gold.add(d.story());
            predicted.add(story);
            lines.append(d.name()).append('\t').append(d.story()).append('\t').append(story).append('\n');
        }
        ClusterMetrics m = ClusterMetrics.of(gold, predicted);
        report.row(name(), "ecbplus pairwise precision", m.pairwisePrecision(), "", docs.size());
        report.row(name(), "ecbplus pairwise recall", m.pairwiseRecall(), "", docs.size());
        report.row(name(), "ecbplus pairwise F1", m.pairwiseF1(), ">= 0.85", docs.size());
        report.row(name(), "ecbplus B-cubed F1", m.bcubedF1(), "", docs.size());
        report.row(name(), "ecbplus stories (gold / predicted)", gold.stream().distinct().count() + " / "
                + predicted.stream().distinct().count(), "", null);
        report.put("stories.ecbplus.pairwise_precision", m.pairwisePrecision());
        report.put("stories.ecbplus.pairwise_recall", m.pairwiseRecall());
        report.put("stories.ecbplus.pairwise_f1", m.pairwiseF1());
        report.put("stories.ecbplus.bcubed_precision", m.bcubedPrecision());
        report.put("stories.ecbplus.bcubed_recall", m.bcubedRecall());
        report.put("stories.ecbplus.bcubed_f1", m.bcubedF1());
        if (predictions != null) {
            Files.writeString(predictions.resolve("stories-ecbplus.tsv"), lines.toString());
        }
    }
}
