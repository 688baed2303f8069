package io.newsflow.enrich.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.newsflow.enrich.config.DedupConfig;
import io.newsflow.enrich.dedup.NearDuplicateDetector;
import io.newsflow.enrich.dedup.NearDuplicateMatch;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The two levels of the band-key index (V7__recent_band_keys.sql): claims land in the recent table; the expiry task's
 * move ({@link DedupStore#settleBandKeys}) takes them into the large table, after which a copy still finds its original,
 * claims none of the original's keys again, and the keys still expire; when a move meets a key the large table already
 * holds, a live owner keeps it and an expired one gives it up (as a claim would).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class BandKeySettlingTest {

    @Inject
    DataSource dataSource;

    @Inject
    DedupStore store;

    @Inject
    DedupConfig config;

    @Inject
    NearDuplicateDetector detector;

    @Test
    void movedKeysStillFindTheirOriginalAreNotClaimedAgainAndExpire() throws Exception {
        Instant now = Instant.now();
        String original = text(7);
        int keys = detector.fingerprint(original).bandKeys().length;
        assertTrue(detect("settle-original", original, now).isEmpty());
        assertEquals(List.of(keys, 0), owned("settle-original"), "a claim lands in the recent table");

        settleAll();
        assertEquals(List.of(0, keys), owned("settle-original"), "moved into the large table, none left behind");

        Optional<NearDuplicateMatch> copy = detect("settle-copy", original + " And one more closing sentence.",
                now.plusSeconds(60));
        assertEquals("settle-original", copy.map(NearDuplicateMatch::originalId).orElse(null),
                "a later copy finds its original through the moved keys");
        assertEquals(List.of(0, 0), owned("settle-copy"), "the copy holds no keys (it released those it claimed)");

        String other = text(8);
        assertTrue(detect("settle-other", other, now.plusSeconds(120)).isEmpty());
        assertEquals(List.of(detector.fingerprint(other).bandKeys().length, 0), owned("settle-other"));

        // the same keys, first seen before the window: expiry removes them from both levels
        Instant old = now.minus(config.nearDuplicates().window()).minus(Duration.ofHours(1));
        String stale = text(9);
        assertTrue(detect("settle-stale-moved", stale, old).isEmpty());
        settleAll();
        assertTrue(detect("settle-stale-recent", text(10), old).isEmpty());
        while (store.expireBatch() > 0) {
            // batches until nothing is left to expire
        }
        assertEquals(List.of(0, 0), owned("settle-stale-moved"));
        assertEquals(List.of(0, 0), owned("settle-stale-recent"));
        assertEquals(List.of(0, keys), owned("settle-original"), "live keys stay");
    }

    @Test
    void aLiveOwnerInTheLargeTableKeepsItsKeyAndAnExpiredOneGivesItUp() throws Exception {
        Instant now = Instant.now();
        Instant expired = now.minus(config.nearDuplicates().window()).minus(Duration.ofDays(1));
        long liveKey = 7_300_000_000_000_000_001L;
        long expiredKey = 7_300_000_000_000_000_002L;
        insert("near_dup_band", liveKey, "settle-live-owner", now.minusSeconds(600));
        insert("near_dup_band", expiredKey, "settle-expired-owner", expired);
        // two owners of one key arise only when a claim raced a move; the recent one is the later
        insert("near_dup_band_recent", liveKey, "settle-racer", now);
        insert("near_dup_band_recent", expiredKey, "settle-newer", now);

        settleAll();
        assertEquals(List.of("settle-live-owner"), ownerOf(liveKey));
        assertEquals(List.of("settle-newer"), ownerOf(expiredKey));
    }

    private Optional<NearDuplicateMatch> detect(String id, String text, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return detector.detect(id, text, new JdbcNearDuplicateIndex(c, config.schema(), config.expiry().batchSize()), at);
        }
    }

    private void settleAll() {
        JdbcNearDuplicateIndex.Settled range = new JdbcNearDuplicateIndex.Settled(0, Long.MIN_VALUE);
        do {
            range = store.settleBandKeys(range.lastKey());
        } while (range.keys() > 0);
        assertEquals(0, store.recentBandKeys(1));
    }

    /** Band keys the article holds in the recent and in the large table. */
    private List<Integer> owned(String articleId) throws SQLException {
        List<Integer> out = new ArrayList<>();
        for (String table : List.of("near_dup_band_recent", "near_dup_band")) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM enrich." + table + " WHERE article_id = ?")) {
                ps.setString(1, articleId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.add(rs.getInt(1));
                }
            }
        }
        return out;
    }

    private List<String> ownerOf(long key) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT article_id FROM enrich.near_dup_band_recent WHERE band_key = ?
                UNION ALL SELECT article_id FROM enrich.near_dup_band WHERE band_key = ?""")) {
            ps.setLong(1, key);
            ps.setLong(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private void insert(String table, long key, String articleId, Instant seen) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO enrich." + table + " (band_key, article_id, first_seen_at) VALUES (?, ?, ?)")) {
            ps.setLong(1, key);
            ps.setString(2, articleId);
            ps.setTimestamp(3, Timestamp.from(seen));
            ps.executeUpdate();
        }
    }

    /** An article of 300 letter-only words drawn from a vocabulary of its own: unrelated to the other seeds' texts. */
    private static String text(int seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            b.append(letters(seed)).append('x').append(letters(r.nextInt(3000))).append(i % 12 == 11 ? ". " : " ");
        }
        return b.toString();
    }

    private static String letters(int n) {
        StringBuilder b = new StringBuilder();
        do {
            b.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return b.toString();
    }
}
