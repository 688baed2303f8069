package io.newsflow.eval.dedup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pairwise and B-cubed scores of a predicted clustering against a gold one (same item order). */
public record ClusterMetrics(double pairwisePrecision, double pairwiseRecall, double pairwiseF1, double bcubedPrecision,
        double bcubedRecall, double bcubedF1) {

    public static ClusterMetrics of(List<String> gold, List<String> predicted) {
        int n = gold.size();
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean g = gold.get(i).equals(gold.get(j));
                boolean p = predicted.get(i).equals(predicted.get(j));
                if (g && p) {
                    tp++;
                } else if (p) {
                    fp++;
                } else if (g) {
                    fn++;
                }
            }
        }
        double pp = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double pr = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        Map<String, Integer> goldSize = new HashMap<>();
        Map<String, Integer> predSize = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        for (int i = 0; i < n; i++) {
            goldSize.merge(gold.get(i), 1, Integer::sum);
            predSize.merge(predicted.get(i), 1, Integer::sum);
            both.merge(gold.get(i) + "\u0000" + predicted.get(i), 1, Integer::sum);
        }
        double bp = 0;
        double br = 0;
        for (int i = 0; i < n; i++) {
            int common = both.get(gold.get(i) + "\u0000" + predicted.get(i));
            bp += (double) common / predSize.get(predicted.get(i));
            br += (double) common / goldSize.get(gold.get(i));
        }
        bp /= n;
        br /= n;
        return new ClusterMetrics(pp, pr, f1(pp, pr), bp, br, f1(bp, br));
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
