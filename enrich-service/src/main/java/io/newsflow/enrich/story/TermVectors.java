package io.newsflow.enrich.story;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sparse term vectors (term to weight): top-k, L2 normalisation, share cap, cosine, sum. */
public final class TermVectors {


    private TermVectors() {
    }

    /** The k heaviest terms (ties broken by term, so the result is deterministic), heaviest first. */
    public static Map<String, Double> top(Map<String, Double> v, int k) {
        Map<String, Double> out = new LinkedHashMap<>();
        v.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(k)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public static Map<String, Double> normalize(Map<String, Double> v) {
        double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        Map<String, Double> out = new LinkedHashMap<>();
        if (norm == 0) {
            return out;
        }
        v.forEach((k, x) -> out.put(k, x / norm));
        return out;
    }

    /**
     * The unit vector closest in direction to {@code v} with no element above {@code maxShare}: the heaviest elements are
     * set to the cap and the rest scaled up together until the length is 1 again. When the cap is below what the vector's
     * size allows (1/sqrt(size)), the result is the flat vector. {@code maxShare >= 1} only normalises.
     */
    public static Map<String, Double> capped(Map<String, Double> v, double maxShare) {
        Map<String, Double> unit = normalize(v);
        if (maxShare >= 1 || unit.values().stream().allMatch(x -> x <= maxShare)) {
            return unit;
        }
        List<Double> desc = unit.values().stream().sorted(Comparator.reverseOrder()).toList();
        double rest = desc.stream().mapToDouble(x -> x * x).sum();
        for (int clipped = 1; clipped < desc.size(); clipped++) {
            rest -= desc.get(clipped - 1) * desc.get(clipped - 1);
            double left = 1 - clipped * maxShare * maxShare;
            if (left <= 0 || rest <= 0) {
                break;
            }
            double scale = Math.sqrt(left / rest);
            if (desc.get(clipped) * scale <= maxShare) {
                double threshold = desc.get(clipped - 1);
                Map<String, Double> out = new LinkedHashMap<>();
                unit.forEach((k, x) -> out.put(k, x >= threshold ? maxShare : x * scale));
                return out;
            }
        }
        Map<String, Double> flat = new LinkedHashMap<>();
        unit.keySet().forEach(k -> flat.put(k, 1 / Math.sqrt(unit.size())));
        return flat;
    }

    public static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double y = large.get(e.getKey());
            if (y != null) {
                dot += e.getValue() * y;
            }
        }
        double na = Math.sqrt(a.values().stream().mapToDouble(x -> x * x).sum());
        double nb = Math.sqrt(b.values().stream().mapToDouble(x -> x * x).sum());
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }

    public static Map<String, Double> plus(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> out = new LinkedHashMap<>(a);
        b.forEach((k, x) -> out.merge(k, x, Double::sum));
        return out;
    }
}
