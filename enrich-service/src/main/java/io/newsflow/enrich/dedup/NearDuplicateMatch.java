package io.newsflow.enrich.dedup;

/**
 * A verified near-duplicate decision.
 *
 * @param originalId  the first-seen copy still in the index window
 * @param similarity  the score that decided it: shingle Jaccard, or containment for a truncated/extended copy
 * @param measure     {@link #JACCARD} or {@link #CONTAINMENT}
 * @param jaccard     shingle Jaccard similarity with the original
 * @param containment share of the smaller shingle set found in the larger one
 */
public record NearDuplicateMatch(String originalId, double similarity, String measure, double jaccard, double containment) {

    public static final String JACCARD = "jaccard";
    public static final String CONTAINMENT = "containment";
}
