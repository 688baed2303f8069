package io.newsflow.enrich.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.newsflow.enrich.config.DedupConfig;
import io.newsflow.enrich.story.InMemoryStoryIndex;
import io.newsflow.enrich.story.StoryIndex;
import io.newsflow.enrich.story.StoryState;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Candidate stories come out of the index ranked by the cosine of the article vector and the story's terms, computed
 * from the postings' normalised weights (V5), best first and cut at the limit; a join rewrites the weights (dropped
 * terms stop counting, the new norm applies). The PostgreSQL index and the in-memory one (the evaluation's) agree.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class StoryCandidateRankingTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final Instant NOT_BEFORE = NOW.minus(Duration.ofDays(3));
    /** Unit length: 0.8² + 0.6² = 1. */
    private static final Map<String, Double> ARTICLE = vector("rk-x", 0.8, "rk-y", 0.6);

    @Inject
    DataSource dataSource;

    @Inject
    DedupConfig config;

    @Test
    void candidatesAreRankedByCosineAndCutAtTheLimitInBothIndexes() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            assertRanking(new JdbcStoryIndex(c, config.schema(), 10, 10, config.expiry().batchSize()));
        }
        assertRanking(new InMemoryStoryIndex());
    }

    private static void assertRanking(StoryIndex index) {
        // cosines with the article: a 0.8·0.6 + 0.6·0.8 = 0.96, b 0.8, c 0.6·(1/√2) ≈ 0.42; d is outside the window
        save(index, "s-rk-a", vector("rk-x", 3.0, "rk-y", 4.0), NOW);
        save(index, "s-rk-b", vector("rk-x", 1.0, "rk-w", 0.0001), NOW);
        save(index, "s-rk-c", vector("rk-y", 1.0, "rk-z", 1.0), NOW);
        save(index, "s-rk-d", vector("rk-x", 1.0, "rk-y", 1.0), NOT_BEFORE.minusSeconds(60));
        assertEquals(List.of("s-rk-a", "s-rk-b"), List.copyOf(index.candidates(ARTICLE, NOT_BEFORE, 50, 2)),
                index.getClass().getSimpleName() + ": the two best, best first");
        assertEquals(List.of("s-rk-a", "s-rk-b", "s-rk-c"), List.copyOf(index.candidates(ARTICLE, NOT_BEFORE, 50, 10)),
                index.getClass().getSimpleName() + ": every live story sharing a term, none past the window");

        // a join that drops rk-x from a: its posting goes and its rk-y weight becomes 1/√2 under the new norm, so its
        // cosine is 0.6/√2 ≈ 0.42, exactly c's: the tie goes to the smaller story id
        save(index, "s-rk-a", vector("rk-y", 1.0, "rk-v", 1.0), 2, NOW.plusSeconds(1));
        assertEquals(List.of("s-rk-b", "s-rk-a", "s-rk-c"), List.copyOf(index.candidates(ARTICLE, NOT_BEFORE, 50, 10)),
                index.getClass().getSimpleName() + ": re-ranked after the join, equal scores by story id");
        // only the most recent posting per term counts: with one per term, rk-x finds b and rk-y finds a (newest)
        assertEquals(List.of("s-rk-b", "s-rk-a"), List.copyOf(index.candidates(ARTICLE, NOT_BEFORE, 1, 10)),
                index.getClass().getSimpleName() + ": per-term limit");
    }

    private static void save(StoryIndex index, String storyId, Map<String, Double> terms, Instant at) {
        save(index, storyId, terms, 1, at);
    }

    private static void save(StoryIndex index, String storyId, Map<String, Double> terms, int articles, Instant at) {
        index.save("article-of-" + storyId + "-" + articles, 1.0, new StoryState(storyId, terms, articles, at, at),
                "rk.example", Map.of(), at);
    }

    private static Map<String, Double> vector(Object... termsAndWeights) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < termsAndWeights.length; i += 2) {
            out.put((String) termsAndWeights[i], (Double) termsAndWeights[i + 1]);
        }
        return out;
    }
}
