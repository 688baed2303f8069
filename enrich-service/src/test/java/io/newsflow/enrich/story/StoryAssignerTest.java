package io.newsflow.enrich.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.EntityMention;

class StoryAssignerTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private final StoryAssigner assigner = new StoryAssigner(new EnrichmentStoryFeatures(new SalientTermExtractor(3, 2), 3, 0.3),
            25, 40, 50, 0.3, Duration.ofDays(3), 10_000, 50);

    private static StoryFeatures.Input text(String t) {
        return new StoryFeatures.Input(null, t, null, null);
    }

    private static final String QUAKE_1 = "A magnitude 6.1 earthquake struck Lake County, California, on Sunday. "
            + "The quake near Clearlake damaged homes and the USGS said aftershocks followed. Residents of Clearlake "
            + "reported cracked walls after the Lake County earthquake.";
    private static final String QUAKE_2 = "Residents of Clearlake in Lake County were shaken by a 6.1 earthquake. The "
            + "USGS recorded several aftershocks; the Clearlake quake cracked walls and damaged homes in Lake County.";
    private static final String REHAB = "Actress Lindsay Lohan checked into the Betty Ford rehab center in Rancho "
            + "Mirage. Lohan's lawyer said the actress would stay at Betty Ford for ninety days.";

    @Test
    void articlesAboutOneEventShareAStoryOthersOpenTheirOwn() {
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        StoryDecision first = assigner.assign("q1", "a.example", text(QUAKE_1), null, index, NOW);
        assertTrue(first.created());
        assertEquals("s-q1", first.storyId());
        StoryDecision second = assigner.assign("q2", "b.example", text(QUAKE_2), null, index, NOW);
        assertEquals("s-q1", second.storyId());
        StoryDecision other = assigner.assign("r1", "c.example", text(REHAB), null, index, NOW);
        assertNotEquals("s-q1", other.storyId());
        InMemoryStoryIndex.StoryRecord story = index.stories().get("s-q1");
        assertEquals(2, story.state().articleCount());
        assertEquals(List.of("a.example", "b.example"), List.copyOf(story.sources()));
        assertTrue(story.entities().containsKey("Clearlake"), story.entities().toString());
        // re-delivery is idempotent
        assertEquals("s-q1", assigner.assign("q2", "b.example", text(QUAKE_2), null, index, NOW).storyId());
        assertEquals(2, index.stories().get("s-q1").state().articleCount());
    }

    @Test
    void aDuplicateFollowsItsOriginalAndOldStoriesAreNotJoined() {
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        assigner.assign("q1", null, text(QUAKE_1), null, index, NOW.minus(Duration.ofDays(4)));
        assertEquals("s-q2", assigner.assign("q2", null, text(QUAKE_2), null, index, NOW).storyId());
        assertEquals("s-q1", assigner.assign("copy", null, text(REHAB), "q1", index, NOW).storyId());
        assertEquals(0, index.expire(NOW.minus(Duration.ofDays(3))), "the copy refreshed the old story");
        assertEquals(2, index.expire(NOW.plusSeconds(1)));
    }

    @Test
    void aCopyJoinsItsOriginalsStoryWithoutChangingItsTerms() {
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        assigner.assign("q1", null, text(QUAKE_1), null, index, NOW);
        var before = index.stories().get("s-q1").state().terms();
        assertEquals("s-q1", assigner.assign("copy", null, text(REHAB), "q1", index, NOW).storyId());
        assertEquals(before, index.stories().get("s-q1").state().terms());
        assertEquals(2, index.stories().get("s-q1").state().articleCount());
    }

    @Test
    void theGroupingDoesNotDependOnArrivalOrder() {
        for (List<String> order : List.of(List.of("q1", "q2", "r1"), List.of("r1", "q2", "q1"), List.of("q2", "r1", "q1"))) {
            InMemoryStoryIndex index = new InMemoryStoryIndex();
            Map<String, String> story = new java.util.HashMap<>();
            for (String id : order) {
                String t = id.equals("q1") ? QUAKE_1 : id.equals("q2") ? QUAKE_2 : REHAB;
                story.put(id, assigner.assign(id, null, text(t), null, index, NOW).storyId());
            }
            assertEquals(story.get("q1"), story.get("q2"), order.toString());
            assertNotEquals(story.get("q1"), story.get("r1"), order.toString());
        }
    }

    @Test
    void enrichmentEntitiesAndKeywordsReplaceTheTextOnlyTerms() {
        EnrichmentStoryFeatures f = new EnrichmentStoryFeatures(new SalientTermExtractor(3, 2), 3, 0.3);
        StoryFeatures.Features out = f.extract(new StoryFeatures.Input("t", "Some text about Tokyo.",
                List.of(new EntityMention("COUNTRY", "Japan", "JP", 3)), List.of(new io.newsflow.contracts.Keyword("defense", 0.8))));
        assertTrue(out.terms().containsKey("e:JP"));
        assertTrue(out.terms().containsKey("k:defense"));
        assertEquals(3, out.entities().get("Japan"));
    }

    @Test
    void aCandidateStoryThatExpiresBeforeItIsLockedMakesTheArticleOpenItsOwn() {
        InMemoryStoryIndex stored = new InMemoryStoryIndex();
        assigner.assign("q1", null, text(QUAKE_1), null, stored, NOW);
        StoryIndex expiringOnLock = new ExpiresBeforeLock(stored, NOW.plusSeconds(1));
        StoryDecision decision = assigner.assign("q2", null, text(QUAKE_2), null, expiringOnLock, NOW);
        assertTrue(decision.created(), "the story it matched is gone, so it opens one");
        assertEquals("s-q2", decision.storyId());
        assertEquals(List.of("s-q2"), List.copyOf(stored.stories().keySet()));
    }

    /** The expiry task running between the candidate read and the lock (a race the database index can meet). */
    private record ExpiresBeforeLock(InMemoryStoryIndex delegate, Instant cutoff) implements StoryIndex {
        @Override
        public Optional<String> storyOfArticle(String articleId) {
            return delegate.storyOfArticle(articleId);
        }

        @Override
        public void lockTerms(List<String> sortedTerms) {
            delegate.lockTerms(sortedTerms);
        }

        @Override
        public Set<String> candidates(Map<String, Double> vector, Instant notBefore, int perTermLimit, int limit) {
            return delegate.candidates(vector, notBefore, perTermLimit, limit);
        }

        @Override
        public Map<String, Integer> storyFrequencies(Collection<String> terms, int cap) {
            return delegate.storyFrequencies(terms, cap);
        }

        @Override
        public int storedStories(int cap) {
            return delegate.storedStories(cap);
        }

        @Override
        public Map<String, StoryState> load(Collection<String> storyIds) {
            return delegate.load(storyIds);
        }

        @Override
        public StoryState lockStory(String storyId) {
            delegate.expire(cutoff);
            return delegate.lockStory(storyId);
        }

        @Override
        public void save(String articleId, double similarity, StoryState state, String source,
                Map<String, Integer> entities, Instant now) {
            delegate.save(articleId, similarity, state, source, entities, now);
        }

        @Override
        public int expire(Instant before) {
            return delegate.expire(before);
        }
    }
}
