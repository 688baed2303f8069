package io.newsflow.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * article-extraction-benchmark's scoring: {@code \w+} tokens (Unicode, as Python's re), word 4-gram multisets,
 * TP/FP/FN per document normalised to sum to 1, precision and recall averaged over documents, F1 of the averages.
 */
public final class ShingleScorer {

    public static final int N = 4;
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    /** Per-document fractions. */
    public record Counts(double tp, double fp, double fn) {
    }

    private double sumPrecision;
    private double sumRecall;
    private int precisionDocuments;
    private int recallDocuments;
    private int documents;

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = tokens(text);
        Map<List<String>, Integer> out = new HashMap<>();
        if (tokens.isEmpty()) {
            return out;
        }
        // as upstream: a text shorter than N still yields one (short) shingle
        int count = Math.max(1, tokens.size() - N + 1);
        for (int i = 0; i < count; i++) {
            out.merge(List.copyOf(tokens.subList(i, Math.min(tokens.size(), i + N))), 1, Integer::sum);
        }
        return out;
    }

    public static Counts match(String expected, String predicted) {
        Map<List<String>, Integer> t = shingles(expected);
        Map<List<String>, Integer> p = shingles(predicted);
        Set<List<String>> keys = new HashSet<>(t.keySet());
        keys.addAll(p.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (List<String> k : keys) {
            int tc = t.getOrDefault(k, 0);
            int pc = p.getOrDefault(k, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double sum = tp + fp + fn;
        return sum > 0 ? new Counts(tp / sum, fp / sum, fn / sum) : new Counts(0, 0, 0);
    }

    /**
     * Adds one document. As upstream: precision is averaged over documents with a prediction (tp + fp > 0), recall
     * over documents with an expected text (tp + fn > 0); a perfect match (fp = fn = 0) scores 1.
     */
    public void add(String expected, String predicted) {
        Counts c = match(expected, predicted);
        if (c.tp() + c.fp() > 0) {
            sumPrecision += c.fp() == 0 && c.fn() == 0 ? 1 : c.tp() / (c.tp() + c.fp());
            precisionDocuments++;
        }
        if (c.tp() + c.fn() > 0) {
            sumRecall += c.fp() == 0 && c.fn() == 0 ? 1 : c.tp() / (c.tp() + c.fn());
            recallDocuments++;
        }
        documents++;
    }

    public int documents() {
        return documents;
    }

    public double precision() {
        return precisionDocuments == 0 ? 0 : sumPrecision / precisionDocuments;
    }

    public double recall() {
        return recallDocuments == 0 ? 0 : sumRecall / recallDocuments;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
