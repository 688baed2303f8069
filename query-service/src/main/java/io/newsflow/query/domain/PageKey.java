package io.newsflow.query.domain;

import java.time.Instant;

/**
 * The sort key of the last row of a page, from which the next page continues (keyset pagination).
 *
 * @param sort the order the key belongs to
 * @param time for {@link SortOrder#PUBLISHED} / {@link SortOrder#INGESTED}: the row's publication / ingestion
 *             time, null when the row has none (such rows sort last)
 * @param rank for {@link SortOrder#RELEVANCE}: the row's rank (PostgreSQL real), else null
 * @param id   the row's id (tie-breaker)
 */
public record PageKey(SortOrder sort, Instant time, Float rank, String id) {

    public static PageKey published(Instant publishedAt, String id) {
        return new PageKey(SortOrder.PUBLISHED, publishedAt, null, id);
    }

    public static PageKey ingested(Instant ingestedAt, String id) {
        return new PageKey(SortOrder.INGESTED, ingestedAt, null, id);
    }

    public static PageKey relevance(float rank, String id) {
        return new PageKey(SortOrder.RELEVANCE, null, rank, id);
    }

    /** The key of a time-ordered row. */
    public static PageKey byTime(SortOrder sort, Instant time, String id) {
        return new PageKey(sort, time, null, id);
    }

    /** The time key of a published-order cursor (same as {@link #time()}). */
    public Instant publishedAt() {
        return time;
    }
}
