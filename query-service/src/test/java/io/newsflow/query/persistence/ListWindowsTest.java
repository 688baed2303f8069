package io.newsflow.query.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.newsflow.query.domain.DuplicatesMode;
import io.newsflow.query.domain.SearchCriteria;
import io.newsflow.query.domain.SortOrder;

class ListWindowsTest {

    private static final Instant NEWEST = Instant.parse("2024-12-31T12:00:00Z");

    @Test
    void boundsGrowBackwardsFromTheNewestTime() {
        assertEquals(List.of(Instant.parse("2024-12-30T12:00:00Z"), Instant.parse("2024-12-27T12:00:00Z"),
                Instant.parse("2024-12-15T12:00:00Z")),
                ArticleSearch.windowBounds(NEWEST, null, Duration.ofDays(1), 4, 4));
    }

    @Test
    void stopsAtTheLowerDateBound() {
        // from 2024-12-20: the 16-day bound (12-15) would only hold filtered-out rows; the last window takes the rest.
        assertEquals(List.of(Instant.parse("2024-12-30T12:00:00Z"), Instant.parse("2024-12-27T12:00:00Z")),
                ArticleSearch.windowBounds(NEWEST, Instant.parse("2024-12-20T00:00:00Z"), Duration.ofDays(1), 4, 6));
        assertEquals(List.of(), ArticleSearch.windowBounds(NEWEST, NEWEST.minusSeconds(60), Duration.ofDays(1), 4, 6));
    }

    @Test
    void noWindowsWithoutAnUpperTimeOrWithOneWindow() {
        assertEquals(List.of(), ArticleSearch.windowBounds(null, null, Duration.ofDays(1), 4, 6));
        assertEquals(List.of(), ArticleSearch.windowBounds(NEWEST, null, Duration.ofDays(1), 4, 1));
        assertEquals(List.of(), ArticleSearch.windowBounds(NEWEST, null, Duration.ZERO, 4, 6));
    }

    @Test
    void hugeSettingsStopBeforeOverflowing() {
        assertEquals(1, ArticleSearch.windowBounds(NEWEST, null, Duration.ofDays(300_000), 1_000, 50).size());
        assertEquals(1, ArticleSearch.windowBounds(NEWEST, null, Duration.ofDays(300), Integer.MAX_VALUE, 50).size());
    }

    @Test
    void windowsOnlyWithSerialConnections() {
        SearchCriteria bySource = new SearchCriteria("climate", List.of("source-0.example"), List.of(), null, null, null,
                null, DuplicatesMode.EXCLUDE, SortOrder.PUBLISHED, 20, null, List.of(), List.of(), null, false, Set.of());
        assertTrue(ArticleSearch.windowsServe(bySource, 0));
        // a Parallel Append does not read the windows in order, so the LIMIT over them would not be newest-first
        assertFalse(ArticleSearch.windowsServe(bySource, 2));
    }
}
