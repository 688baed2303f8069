package io.newsflow.eval.dedup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
 * 004). The seeds go through the service's default pipeline and then its story assigner, in every one of the 120
 * arrival orders (online grouping must not depend on which article came first); {@code seeds_ok} needs all of them.
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
        List<String> fileOrder = List.copyOf(drafts.keySet());
        List<List<String>> orders = new ArrayList<>();
        permutations(new ArrayList<>(fileOrder), 0, orders);
        int holding = 0;
        Map<String, String> firstFailure = null;
        for (List<String> order : orders) {
            Map<String, String> stories = assign(drafts, order);
            if (holds(stories)) {
                holding++;
            } else if (firstFailure == null) {
                firstFailure = stories;
            }
        }
        boolean forward = holds(assign(drafts, fileOrder));
        List<String> reverseOrder = new ArrayList<>(fileOrder);
        Collections.reverse(reverseOrder);
        boolean backward = holds(assign(drafts, reverseOrder));
        report.row(name(), "seed groupings hold (file order)", forward, "true", drafts.size());
        report.row(name(), "seed groupings hold (reverse order)", backward, "true", drafts.size());
        report.row(name(), "seed groupings hold (orders of all " + orders.size() + ")", holding,
                String.valueOf(orders.size()), orders.size());
        report.row(name(), "stories (file order)", assign(drafts, fileOrder).toString(), "", null);
        if (firstFailure != null) {
            report.row(name(), "first failing order's stories", firstFailure.toString(), "", null);
        }
        report.put("stories.seeds_orders_ok", holding);
        report.put("stories.seeds_orders", orders.size());
        report.put("stories.seeds_ok", holding == orders.size());
    }

    /** Every order of {@code items} (from position {@code from} on) into {@code out}. */
    static <T> void permutations(List<T> items, int from, List<List<T>> out) {
        if (from == items.size()) {
            out.add(List.copyOf(items));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            Collections.swap(items, from, i);
            permutations(items, from + 1, out);
            Collections.swap(items, from, i);
        }
    }

    private static Map<String, String> assign(Map<String, ArticleDraft> drafts, List<String> order) {
        StoryAssigner assigner = new DedupSettings().storyAssigner();
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        Map<String, String> stories = new TreeMap<>();
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
