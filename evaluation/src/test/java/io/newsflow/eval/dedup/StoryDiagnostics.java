package io.newsflow.eval.dedup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.enrich.story.InMemoryStoryIndex;
import io.newsflow.enrich.story.StoryAssigner;
import io.newsflow.enrich.story.StoryFeatures;
import io.newsflow.eval.EvalPipeline;

/**
 * Error analysis for same-story grouping (a development tool, not a test): runs the pipeline once over ECB+ and the
 * seeds (cached as JSON, so that variants run in seconds), then the service's assigner — settings from enrich-service's
 * application.properties, each overridable by a system property of the same name — over several shuffled arrival
 * orders, all topics and the even/odd-numbered topics apart, and the seeds in all 120 orders. With {@code -Dverbose}
 * it prints, per topic, how the two sub-topics were grouped (merges = hard negatives joined, splits = recall losses)
 * for the eval's order, or for the n-th order with {@code -Dexplain-order=n} (0 = the eval's; 1-9 = shuffle seeds 1-9);
 * with {@code -Dseed-thresholds=0.18,0.2,...} it also counts, per join threshold, the seed orders that hold.
 *
 * <pre>
 * java -Dnewsflow.shared.data=../shared/data -cp evaluation/target/test-classes:evaluation/target/classes:... \
 *   io.newsflow.eval.dedup.StoryDiagnostics /tmp/story-cache.json
 * </pre>
 */
public final class StoryDiagnostics {

    /** One cached pipeline result. */
    public record Item(String name, String story, StoryFeatures.Input input) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THRESHOLD = "newsflow.dedup.stories.threshold";

    private StoryDiagnostics() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("newsflow.shared.data", "../shared/data"));
        Path cache = Path.of(args.length > 0 ? args[0] : "/tmp/story-diagnostics-cache.json");
        Map<String, List<Item>> items = load(data, cache);
        List<Item> ecb = items.get("ecbplus");
        List<Item> seeds = items.get("seeds");
        if (System.getProperty("dump") != null) {
            List<Item> both = new ArrayList<>(ecb);
            both.addAll(seeds);
            dump(both, Path.of(System.getProperty("dump")));
            return;
        }
        int orders = Integer.getInteger("orders", 5);
        boolean verbose = Boolean.getBoolean("verbose");
        List<double[]> all = new ArrayList<>();
        for (int o = 0; o < orders; o++) {
            long seed = o == 0 ? 42 : o;
            List<Item> docs = new ArrayList<>(ecb);
            Collections.shuffle(docs, new Random(seed));
            Map<String, String> predicted = run(docs);
            double[] m = metrics(docs, predicted, null);
            double[] even = metrics(docs, run(docs.stream().filter(d -> topic(d) % 2 == 0).toList()), 0);
            double[] odd = metrics(docs, run(docs.stream().filter(d -> topic(d) % 2 == 1).toList()), 1);
            all.add(new double[] {m[2], m[3], even[2], odd[2]});
            System.out.printf("order %2d: P %.3f R %.3f F1 %.3f B3 %.3f | even F1 %.3f odd F1 %.3f | predicted %d%n", seed,
                    m[0], m[1], m[2], m[3], even[2], odd[2], predicted.values().stream().distinct().count());
            if (verbose && o == Integer.getInteger("explain-order", 0)) {
                explain(docs, predicted);
            }
        }
        System.out.printf("mean    : F1 %.3f B3 %.3f | even %.3f odd %.3f | min F1 %.3f%n", mean(all, 0), mean(all, 1),
                mean(all, 2), mean(all, 3), all.stream().mapToDouble(a -> a[0]).min().orElse(0));
        System.out.printf("seeds   : %d of 120 orders hold%n", seedOrders(seeds));
        String margin = System.getProperty("seed-thresholds");
        if (margin != null) {
            // the seeds' threshold margin: which join thresholds keep all 120 arrival orders
            for (String t : margin.split(",")) {
                System.setProperty(THRESHOLD, t.trim());
                System.out.printf("seeds at threshold %s: %d of 120 orders hold%n", t.trim(), seedOrders(seeds));
            }
        }
    }

    /** Writes each document's story features (for analysis outside Java). */
    private static void dump(List<Item> docs, Path out) throws Exception {
        StoryFeatures features = new DedupSettings().storyFeatures();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Item d : docs) {
            rows.add(Map.of("name", d.name(), "story", d.story(), "terms", features.extract(d.input()).terms()));
        }
        JSON.writeValue(out.toFile(), rows);
    }

    private static int topic(Item d) {
        return Integer.parseInt(d.story().substring(0, d.story().indexOf('-')));
    }

    private static double mean(List<double[]> a, int i) {
        return a.stream().mapToDouble(x -> x[i]).average().orElse(0);
    }

    private static Map<String, String> run(List<Item> docs) {
        return run(docs, "ecbplus");
    }

    /** Document name to story id, the documents assigned in the given order by a fresh assigner and index. */
    private static Map<String, String> run(List<Item> docs, String source) {
        StoryAssigner assigner = new DedupSettings().storyAssigner();
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        Map<String, String> out = new LinkedHashMap<>();
        for (Item d : docs) {
            out.put(d.name(), assigner.assign(d.name(), source, d.input(), null, index, now).storyId());
        }
        return out;
    }

    /** P, R, F1, B3 over the documents of {@code predicted} (topics of one parity when {@code parity} is set). */
    private static double[] metrics(List<Item> docs, Map<String, String> predicted, Integer parity) {
        List<String> gold = new ArrayList<>();
        List<String> pred = new ArrayList<>();
        for (Item d : docs) {
            if (predicted.containsKey(d.name()) && (parity == null || topic(d) % 2 == parity)) {
                gold.add(d.story());
                pred.add(predicted.get(d.name()));
            }
        }
        ClusterMetrics m = ClusterMetrics.of(gold, pred);
        return new double[] {m.pairwisePrecision(), m.pairwiseRecall(), m.pairwiseF1(), m.bcubedF1()};
    }

    private static void explain(List<Item> docs, Map<String, String> predicted) {
        Map<Integer, Map<String, Map<String, Integer>>> byTopic = new TreeMap<>();
        for (Item d : docs) {
            byTopic.computeIfAbsent(topic(d), k -> new TreeMap<>()).computeIfAbsent(d.story(), k -> new TreeMap<>())
                    .merge(predicted.get(d.name()), 1, Integer::sum);
        }
        Map<String, List<String>> clusterGold = new TreeMap<>();
        for (Item d : docs) {
            clusterGold.computeIfAbsent(predicted.get(d.name()), k -> new ArrayList<>()).add(d.story());
        }
        long falsePairsTotal = 0;
        for (Map.Entry<String, List<String>> c : clusterGold.entrySet()) {
            Map<String, Long> counts = new TreeMap<>();
            c.getValue().forEach(g -> counts.merge(g, 1L, Long::sum));
            long n = c.getValue().size();
            long same = counts.values().stream().mapToLong(x -> x * (x - 1) / 2).sum();
            long wrong = n * (n - 1) / 2 - same;
            if (wrong > 0) {
                falsePairsTotal += wrong;
                System.out.printf("  merge %-12s false pairs %4d : %s%n", c.getKey(), wrong, counts);
            }
        }
        System.out.printf("  false pairs total %d%n", falsePairsTotal);
        for (Map.Entry<Integer, Map<String, Map<String, Integer>>> t : byTopic.entrySet()) {
            for (Map.Entry<String, Map<String, Integer>> g : t.getValue().entrySet()) {
                if (g.getValue().size() > 1) {
                    int n = g.getValue().values().stream().mapToInt(Integer::intValue).sum();
                    long kept = g.getValue().values().stream().mapToLong(x -> (long) x * (x - 1) / 2).sum();
                    System.out.printf("  split %-10s lost pairs %4d : %s%n", g.getKey(), (long) n * (n - 1) / 2 - kept,
                            g.getValue().values());
                }
            }
        }
    }

    private static int seedOrders(List<Item> seeds) {
        List<List<Item>> orders = new ArrayList<>();
        SeedStorySection.permutations(new ArrayList<>(seeds), 0, orders);
        int holding = 0;
        for (List<Item> order : orders) {
            holding += SeedStorySection.holds(new TreeMap<>(run(order, "seeds"))) ? 1 : 0;
        }
        return holding;
    }

    private static Map<String, List<Item>> load(Path data, Path cache) throws Exception {
        if (Files.exists(cache)) {
            return JSON.readValue(cache.toFile(), new TypeReference<Map<String, List<Item>>>() { });
        }
        Map<String, List<Item>> out = new LinkedHashMap<>();
        List<Item> ecb = new ArrayList<>();
        for (EcbPlusCorpus.Document d : EcbPlusCorpus.read(data.resolve("ecbplus"))) {
            ecb.add(item(d.name(), d.story(), d.text()));
        }
        out.put("ecbplus", ecb);
        List<Item> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(data.resolve("seeds"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                seeds.add(item(f.getFileName().toString().substring(0, 3), "seed", Files.readString(f)));
            }
        }
        out.put("seeds", seeds);
        JSON.writeValue(cache.toFile(), out);
        return out;
    }

    private static Item item(String name, String story, String text) {
        ArticleDraft d = ArticleDraft.of(text, "text/plain");
        EvalPipeline.get().run(d);
        return new Item(name, story, new StoryFeatures.Input(d.title(), d.text(), d.entities(), d.keywords()));
    }
}
