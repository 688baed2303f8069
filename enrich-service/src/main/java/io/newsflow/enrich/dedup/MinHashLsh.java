package io.newsflow.enrich.dedup;

import java.util.Arrays;

/**
 * MinHash signatures of shingle sets and their LSH band keys. Two sets with Jaccard similarity J share at least
 * one band key with probability 1 - (1 - J^rows)^bands; each key also encodes its band number, so a key is a
 * single 64-bit value that can be a primary key.
 */
public final class MinHashLsh {

    private final int bands;
    private final int rows;
    private final long[] seeds;

    public MinHashLsh(int bands, int rows, long seed) {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be >= 1");
        }
        this.bands = bands;
        this.rows = rows;
        this.seeds = new long[bands * rows];
        long s = seed;
        for (int i = 0; i < seeds.length; i++) {
            s += 0x9e3779b97f4a7c15L;
            seeds[i] = Hashing.mix(s);
        }
    }

    public int bands() {
        return bands;
    }

    public int rows() {
        return rows;
    }

    public long[] signature(int[] shingles) {
        long[] sig = new long[seeds.length];
        Arrays.fill(sig, Long.MAX_VALUE);
        for (int x : shingles) {
            for (int i = 0; i < seeds.length; i++) {
                long h = Hashing.mix(x ^ seeds[i]);
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    /** Sorted band keys of a shingle set (sorted so that concurrent claims lock rows in one global order). */
    public long[] bandKeys(int[] shingles) {
        long[] sig = signature(shingles);
        long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) {
            long h = Hashing.mix(b + 1L);
            for (int r = 0; r < rows; r++) {
                h = Hashing.mix(h ^ sig[b * rows + r]);
            }
            keys[b] = h;
        }
        // distinct too: two bands hashing alike would make one insert touch a row twice
        return Arrays.stream(keys).sorted().distinct().toArray();
    }

    /** Probability that a pair with Jaccard similarity {@code j} becomes a candidate. */
    public double candidateProbability(double j) {
        return 1 - Math.pow(1 - Math.pow(j, rows), bands);
    }
}
