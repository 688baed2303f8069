package io.newsflow.enrich.dedup;

/** Exact set measures over sorted distinct int arrays (shingle hash sets). */
public final class SetSimilarity {

    private SetSimilarity() {
    }

    public static int intersection(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    public static double jaccard(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1.0;
        }
        int inter = intersection(a, b);
        return (double) inter / (a.length + b.length - inter);
    }

    /** Share of the smaller set found in the larger one: 1.0 for a truncated copy. */
    public static double containment(int[] a, int[] b) {
        int smaller = Math.min(a.length, b.length);
        return smaller == 0 ? 0.0 : (double) intersection(a, b) / smaller;
    }
}
