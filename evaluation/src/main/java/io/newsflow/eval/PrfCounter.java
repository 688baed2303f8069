package io.newsflow.eval;

/** True/false positives and false negatives, with precision, recall and F1. */
public final class PrfCounter {

    private int tp;
    private int fp;
    private int fn;

    public void tp() {
        tp++;
    }

    public void fp() {
        fp++;
    }

    public void fn() {
        fn++;
    }

    public void add(int truePositives, int falsePositives, int falseNegatives) {
        tp += truePositives;
        fp += falsePositives;
        fn += falseNegatives;
    }

    public int truePositives() {
        return tp;
    }

    public int falsePositives() {
        return fp;
    }

    public int falseNegatives() {
        return fn;
    }

    public double precision() {
        return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
