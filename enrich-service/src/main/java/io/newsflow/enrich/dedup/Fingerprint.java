package io.newsflow.enrich.dedup;

/**
 * What the near-duplicate index keeps of an article: its shingle hash set (for exact verification) and its LSH
 * band keys (for candidate lookup).
 */
public record Fingerprint(int[] shingles, long[] bandKeys) {
}
