package io.newsflow.query.domain;

import java.time.Instant;

/**
 * The sort key of the last row of a page, from which the next page continues (keyset pagination).
 *
 * @param sort        the order the key belongs to
 * @param publishedAt for {@link SortOrder#PUBLISHED}: the row's publication time, null for an undated row
 * @param rank        for {@link SortOrder#RELEVANCE}: the row's rank (PostgreSQL real), else null
 * @param id          the row's id (tie-breaker)
 */
public record PageKey(SortOrder sort, Instant publishedAt, Float rank, String id) {

    public static PageKey published(Instant publishedAt, String id) {
        return new PageKey(SortOrder.PUBLISHED, publishedAt, null, id);
    }

    public static PageKey relevance(float rank, String id) {
        return new PageKey(SortOrder.RELEVANCE, null, rank, id);
    }
}
