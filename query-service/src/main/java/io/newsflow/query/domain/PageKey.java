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
 * @param floor for {@link SortOrder#RELEVANCE} when the ranking was limited to the newest matches: the oldest
 *              candidate of the first page, so that every page ranks the same candidates; else null
 */
public record PageKey(SortOrder sort, Instant time, Float rank, String id, Floor floor) {

    /**
     * The oldest article (newest-first order) among which a relevance ranking was made.
     *
     * @param time its publication time, null when undated
     * @param id   its id
     */
    public record Floor(Instant time, String id) {
    }

    public static PageKey published(Instant publishedAt, String id) {
        return new PageKey(SortOrder.PUBLISHED, publishedAt, null, id, null);
    }

    public static PageKey ingested(Instant ingestedAt, String id) {
        return new PageKey(SortOrder.INGESTED, ingestedAt, null, id, null);
    }

    public static PageKey relevance(float rank, String id) {
        return new PageKey(SortOrder.RELEVANCE, null, rank, id, null);
    }

    /** A relevance key of a ranking limited to the candidates at or above {@code floor} (null: all matches). */
    public static PageKey relevance(float rank, String id, Floor floor) {
        return new PageKey(SortOrder.RELEVANCE, null, rank, id, floor);
    }

    /** The key of a time-ordered row. */
    public static PageKey byTime(SortOrder sort, Instant time, String id) {
        return new PageKey(sort, time, null, id, null);
    }

    /** The time key of a published-order cursor (same as {@link #time()}). */
    public Instant publishedAt() {
        return time;
    }
}
