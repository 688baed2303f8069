package io.newsflow.eval.dedup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.enrich.pipeline.Pipeline;
import io.newsflow.enrich.story.InMemoryStoryIndex;
import io.newsflow.enrich.story.StoryAssigner;
import io.newsflow.enrich.story.StoryFeatures;
import io.newsflow.eval.EvalPipeline;
import io.newsflow.eval.EvalReport;
import io.newsflow.eval.EvalSection;

/**
 * The seed groupings: 000 and 001 one story, 003 and 004 each alone, 002 with 000/001 or alone (never with 003 or
 * 004). The seeds go through the service's default pipeline and then its story assigner,
 * in file order and in reverse order.
 */
public final class SeedStorySection implements EvalSection {

    @Override
    public String name() {
        return "stories-seeds";
    }

    @Override
    public String dataFolder() {
        return "seeds";
    }

    @Override
    public void run(Path dataRoot, EvalReport report, Path predictions) throws Exception {
        Map<String, ArticleDraft> drafts = new TreeMap<>();
        Pipeline cleaning = EvalPipeline.get();
        try (Stream<Path> files = Files.list(dataRoot.resolve(dataFolder()))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                ArticleDraft d = ArticleDraft.of(Files.readString(f), "text/plain");
                cleaning.run(d);
                drafts.put(f.getFileName().toString().substring(0, 3), d);
            }
        }
        boolean forward = holds(assign(drafts, false));
        boolean backward = holds(assign(drafts, true));
        Map<String, String> shown = assign(drafts, false);
        report.row(name(), "seed groupings hold (file order)", forward, "true", drafts.size());
        report.row(name(), "seed groupings hold (reverse order)", backward, "true", drafts.size());
        report.row(name(), "stories (file order)", shown.toString(), "", null);
        report.put("stories.seeds_ok", forward && backward);
    }

    private static Map<String, String> assign(Map<String, ArticleDraft> drafts, boolean reverse) {
        StoryAssigner assigner = new DedupSettings().storyAssigner();
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        Map<String, String> stories = new TreeMap<>();
        List<String> order = drafts.keySet().stream().sorted(reverse ? java.util.Comparator.reverseOrder()
                : java.util.Comparator.naturalOrder()).toList();
        for (String seed : order) {
            ArticleDraft d = drafts.get(seed);
            stories.put(seed, assigner.assign(seed, "seeds", new StoryFeatures.Input(d.title(), d.text(), d.entities(), d.keywords()),
                    null, index, now).storyId());
        }
        return stories;
    }

    static boolean holds(Map<String, String> s) {
        String plan = s.get("000");
        return plan != null && plan.equals(s.get("001"))
                && !s.get("003").equals(plan) && !s.get("004").equals(plan) && !s.get("003").equals(s.get("004"))
                && !s.get("002").equals(s.get("003")) && !s.get("002").equals(s.get("004"));
    }
}
