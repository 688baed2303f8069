package io.newsflow.enrich.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.newsflow.enrich.config.DedupConfig;
import io.newsflow.enrich.dedup.NearDuplicateDetector;
import io.newsflow.enrich.story.StoryAssigner;
import io.newsflow.enrich.story.StoryFeatures;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Old index entries go: near-duplicate fingerprints and band keys older than the configured near-duplicate window,
 * stories not updated within the story window (with their postings and assignments), through the service's own
 * expiry batch ({@link DedupStore#expireBatch()}, which the background task runs); entries inside the windows stay.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class IndexExpiryTest {

    @Inject
    DataSource dataSource;

    @Inject
    DedupStore store;

    @Inject
    DedupConfig config;

    @Inject
    NearDuplicateDetector detector;

    @Inject
    StoryAssigner stories;

    @Test
    void entriesPastTheirWindowsExpireAndRecentOnesStay() throws Exception {
        Instant now = Instant.now();
        Duration nearWindow = config.nearDuplicates().window();
        Duration storyWindow = config.stories().window();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            var near = new JdbcNearDuplicateIndex(c, config.schema(), config.expiry().batchSize());
            var story = new JdbcStoryIndex(c, config.schema(), 10, 10, config.expiry().batchSize());
            String old = text(1);
            String recent = text(2);
            detector.detect("exp-old", old, near, now.minus(nearWindow).minus(Duration.ofHours(1)));
            detector.detect("exp-new", recent, near, now.minus(nearWindow).plus(Duration.ofHours(1)));
            stories.assign("exp-old", "a.example", new StoryFeatures.Input(null, old, null, null), null, story,
                    now.minus(storyWindow).minus(Duration.ofHours(1)));
            stories.assign("exp-new", "b.example", new StoryFeatures.Input(null, recent, null, null), null, story,
                    now.minus(storyWindow).plus(Duration.ofHours(1)));
            // joins the recent story with terms of its own, so its postings (and the counters) change by a difference
            String follow = recent + " " + text(3);
            assertEquals("s-exp-new", stories.assign("exp-follow", "c.example", new StoryFeatures.Input(null, follow, null, null),
                    null, story, now.minus(storyWindow).plus(Duration.ofHours(2))).storyId());
        }
        assertEquals(List.of(), countersOutOfStep(), "per-term counters equal the postings after creates and a join");
        assertEquals(List.of(), populationOutOfStep(), "the story count equals the stories stored");
        while (store.expireBatch() > 0) {
            // batches until nothing is left to expire
        }
        assertEquals(List.of("exp-new"), column("SELECT article_id FROM enrich.near_dup_fingerprint WHERE article_id LIKE 'exp-%'"));
        assertEquals(List.of("exp-new"), column("SELECT DISTINCT article_id FROM enrich.near_dup_band WHERE article_id LIKE 'exp-%'"));
        assertEquals(List.of("s-exp-new"), column("SELECT story_id FROM enrich.story WHERE story_id LIKE 's-exp-%'"));
        assertEquals(List.of("s-exp-new"), column("SELECT DISTINCT story_id FROM enrich.story_term WHERE story_id LIKE 's-exp-%'"));
        assertEquals(List.of("exp-follow", "exp-new"),
                column("SELECT article_id FROM enrich.article_story WHERE article_id LIKE 'exp-%' ORDER BY article_id"));
        assertEquals(List.of(), countersOutOfStep(), "expiry decrements the counters of the postings it deletes");
        assertEquals(List.of(), populationOutOfStep(), "expiry decrements the story count");
        assertEquals(List.of(), column("SELECT term FROM enrich.story_term_count WHERE stories <= 0"),
                "terms no story has any more are swept");
    }

    /** The shard counters' total against the stories stored (the inverse story frequency's population). */
    private List<String> populationOutOfStep() throws Exception {
        return column("""
                SELECT 'shards ' || (SELECT sum(stories) FROM enrich.story_count_shard) || ', stories ' || count(*)
                FROM enrich.story HAVING count(*) <> (SELECT sum(stories) FROM enrich.story_count_shard)""");
    }

    /** Terms whose counter differs from the number of postings that carry them (the inverse story frequency's input). */
    private List<String> countersOutOfStep() throws Exception {
        return column("""
                SELECT coalesce(c.term, p.term) || ': counter ' || coalesce(c.stories, 0) || ', postings ' || coalesce(p.n, 0)
                FROM enrich.story_term_count c
                FULL JOIN (SELECT term, count(*) AS n FROM enrich.story_term GROUP BY term) p ON p.term = c.term
                WHERE coalesce(c.stories, 0) <> coalesce(p.n, 0)""");
    }

    private List<String> column(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String text(int seed) {
        Random r = new Random(seed);
        // two unrelated articles: no word in common, so the recent one cannot join (and so refresh) the old story; letters
        // only, since digits inside a word are split off as number terms, which every seed's text would share
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String word = Integer.toString(r.nextInt(5000), 36).chars()
                    .map(ch -> Character.isDigit(ch) ? 'q' + ch - '0' : ch)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            b.append(i % 10 == 0 ? "Place" : "w").append((char) ('a' + seed)).append(word)
                    .append(i % 10 == 9 ? ". " : " ");
        }
        return b.toString();
    }
}
