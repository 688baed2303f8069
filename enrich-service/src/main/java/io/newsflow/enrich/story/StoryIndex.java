package io.newsflow.enrich.story;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shared story store: story records, their term vectors and an inverted index term -> stories. One
 * assignment is one atomic unit (a database transaction in the service).
 */
public interface StoryIndex {

    /** The story an article was already put in (re-delivery is idempotent). */
    Optional<String> storyOfArticle(String articleId);

    /**
     * Serialises concurrent assignments whose articles share a term (the only ones that could join each other's
     * new story); {@code terms} arrive sorted so that locks are always taken in one global order.
     */
    void lockTerms(List<String> sortedTerms);

    /**
     * Stories updated at or after {@code notBefore} that contain any term of {@code vector}, at most
     * {@code perTermLimit} (the most recently updated) per term so that cost does not grow with the corpus; of those,
     * the {@code limit} with the highest score, best first (ties by story id). The score is the sum, over the postings
     * found, of the article's term weight times the story's L2-normalised weight of that term: the cosine of
     * {@code vector} (unit length) and the story's terms, exact for a story found through every term they share (a
     * story missed in one term's most recent postings scores without that term). Only these are then loaded.
     */
    Set<String> candidates(Map<String, Double> vector, Instant notBefore, int perTermLimit, int limit);

    /**
     * For each term, in how many stored stories it is a top term, at most {@code cap} (a term that common is background
     * anyway). Stored = not yet expired: stories leave the index when the expiry task removes them, so this can lag
     * the window by one expiry interval; in exchange it is one counter lookup per term, not a count of postings.
     */
    Map<String, Integer> storyFrequencies(Collection<String> terms, int cap);

    /** How many stories are stored (not yet expired, as for {@link #storyFrequencies}), at most {@code cap}. */
    int storedStories(int cap);

    Map<String, StoryState> load(Collection<String> storyIds);

    /** The story's current state, locked against concurrent joins until the unit ends. */
    StoryState lockStory(String storyId);

    /**
     * Creates ({@code state.articleCount() == 1}) or updates the story record with its new term vector, and records
     * that the article belongs to it (with its similarity), with the article's source and entities.
     */
    void save(String articleId, double similarity, StoryState state, String source, Map<String, Integer> entities, Instant now);

    /** Drops stories (and their index entries) not updated since {@code cutoff}; returns how many. */
    int expire(Instant cutoff);
}
