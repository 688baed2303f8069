package io.newsflow.eval.dedup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.enrich.dedup.InMemoryNearDuplicateIndex;
import io.newsflow.enrich.dedup.NearDuplicateDetector;
import io.newsflow.enrich.dedup.NearDuplicateMatch;
import io.newsflow.enrich.dedup.Shingler;
import io.newsflow.eval.EvalReport;
import io.newsflow.eval.EvalSection;

/**
 * Near-duplicate precision/recall on a syndication corpus generated from the article-extraction-benchmark gold texts
 * ({@link SyndicationCorpus}). Truth: exact shingle Jaccard (word shingles as strings, no hashing) at the configured
 * threshold, or exact containment at the configured containment threshold (truncated copies). Prediction: the
 * service's {@link NearDuplicateDetector} (MinHash/LSH candidates, verification) with the in-memory index, which
 * shares the decision logic with the PostgreSQL index: the original is indexed, then the copy is detected.
 */
public final class NearDuplicateSection implements EvalSection {

    private static final long CORPUS_SEED = 7;
    private static final int MIN_BASE_WORDS = 150;

    @Override
    public String name() {
        return "near_duplicates";
    }

    @Override
    public String dataFolder() {
        return "article-extraction-benchmark";
    }

    @Override
    public void run(Path dataRoot, EvalReport report, Path predictions) throws Exception {
        JsonNode truth = new ObjectMapper().readTree(dataRoot.resolve(dataFolder()).resolve("ground-truth.json").toFile());
        List<String> bases = new ArrayList<>();
        new TreeMap<String, JsonNode>(toMap(truth)).values().forEach(n -> {
            String body = n.path("articleBody").asText("");
            if (Shingler.words(body).size() >= MIN_BASE_WORDS) {
                bases.add(body);
            }
        });
        DedupSettings settings = new DedupSettings();
        NearDuplicateDetector detector = settings.nearDuplicateDetector();
        List<SyndicationCorpus.Pair> pairs = new SyndicationCorpus(CORPUS_SEED).build(bases);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int positives = 0;
        int jaccardPositives = 0;
        int jaccardFound = 0;
        Map<String, int[]> perTransform = new TreeMap<>();
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        for (SyndicationCorpus.Pair p : pairs) {
            Set<String> a = shingleStrings(p.original(), settings.shingleSize());
            Set<String> b = shingleStrings(p.copy(), settings.shingleSize());
            double jaccard = jaccard(a, b);
            double containment = containment(a, b);
            boolean jaccardTruth = jaccard >= settings.jaccardThreshold();
            boolean truthPositive = jaccardTruth || containment >= settings.containmentThreshold();
            InMemoryNearDuplicateIndex index = new InMemoryNearDuplicateIndex();
            detector.detect("original", p.original(), index, now);
            Optional<NearDuplicateMatch> m = detector.detect("copy", p.copy(), index, now);
            boolean predicted = m.isPresent() && m.get().originalId().equals("original");
            int[] counts = perTransform.computeIfAbsent(p.transform(), k -> new int[3]);
            counts[0]++;
            counts[1] += truthPositive ? 1 : 0;
            counts[2] += predicted ? 1 : 0;
            positives += truthPositive ? 1 : 0;
            if (jaccardTruth) {
                jaccardPositives++;
                jaccardFound += predicted ? 1 : 0;
            }
            if (predicted && truthPositive) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (truthPositive) {
                fn++;
            }
        }
        double precision = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        report.row(name(), "precision", precision, ">= 0.99", pairs.size());
        report.row(name(), "recall", recall, ">= 0.95", positives);
        report.row(name(), "recall (Jaccard >= threshold only)", jaccardPositives == 0 ? 1.0
                : (double) jaccardFound / jaccardPositives, "", jaccardPositives);
        report.row(name(), "threshold (Jaccard)", settings.jaccardThreshold(), "0.8", null);
        perTransform.forEach((t, c) -> report.row(name(), "pairs " + t + " (truth+/flagged)", c[1] + "/" + c[2], "", c[0]));
        report.put("near_duplicates.precision", precision);
        report.put("near_duplicates.recall", recall);
        report.put("near_duplicates.threshold", settings.jaccardThreshold());
        report.put("near_duplicates.pairs", pairs.size());
        report.put("near_duplicates.positives", positives);
        report.put("near_duplicates.containment_threshold", settings.containmentThreshold());
    }

    private static Map<String, JsonNode> toMap(JsonNode node) {
        Map<String, JsonNode> m = new TreeMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    static Set<String> shingleStrings(String text, int size) {
        List<String> words = Shingler.words(text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + size <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + size)));
        }
        if (out.isEmpty() && !words.isEmpty()) {
            out.add(String.join(" ", words));
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        int union = a.size() + b.size() - inter.size();
        return union == 0 ? 1.0 : (double) inter.size() / union;
    }

    static double containment(Set<String> a, Set<String> b) {
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        int smaller = Math.min(a.size(), b.size());
        return smaller == 0 ? 0.0 : (double) inter.size() / smaller;
    }
}
