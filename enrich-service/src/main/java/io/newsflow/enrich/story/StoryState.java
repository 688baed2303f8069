package io.newsflow.enrich.story;

import java.time.Instant;
import java.util.Map;

/**
 * A story as the grouping sees it.
 *
 * @param terms        the story's term vector: sum of its articles' normalised vectors, top terms only
 * @param articleCount how many articles joined it
 */
public record StoryState(String storyId, Map<String, Double> terms, int articleCount, Instant firstSeenAt,
        Instant lastUpdatedAt) {
}
