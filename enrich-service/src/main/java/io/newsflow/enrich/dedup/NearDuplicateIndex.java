package io.newsflow.enrich.dedup;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The shared near-duplicate index. Band keys are owned by the first article that claimed them ("first writer
 * wins", atomic per key); implementations must make {@link #claim} and {@link #release} of one detection part
 * of one atomic unit (a database transaction), with keys claimed in ascending order so that two concurrent
 * claimers sharing keys serialise on the smallest shared key instead of deadlocking.
 */
public interface NearDuplicateIndex {

    /**
     * Claims every band key of {@code fingerprint} not owned by a live (seen at or after {@code notBefore})
     * article, stores the article's shingles, and returns the other live owners of any of its keys.
     */
    Set<String> claim(String articleId, Fingerprint fingerprint, Instant now, Instant notBefore);

    /** Shingle sets of the given articles (missing ids are left out). */
    Map<String, int[]> shingles(Collection<String> articleIds);

    /** Gives up the article's keys and shingles: it is a duplicate, later copies must match its original. */
    void release(String articleId, long[] bandKeys);

    /** Deletes entries first seen before {@code cutoff}; returns how many were removed. */
    int expire(Instant cutoff);
}
