package io.newsflow.enrich.persistence;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.newsflow.enrich.dedup.Fingerprint;
import io.newsflow.enrich.dedup.NearDuplicateIndex;

/**
 * {@link NearDuplicateIndex} on PostgreSQL over one JDBC connection whose transaction the caller owns. The band
 * keys arrive sorted and are inserted in that order, so two transactions sharing keys queue on the smallest shared
 * key: the first commits its claims, the second then sees it as the owner (never both originals, never a deadlock).
 */
public final class JdbcNearDuplicateIndex implements NearDuplicateIndex {

    private static final String CLAIM = """
            INSERT INTO %1$s.near_dup_band AS b (band_key, article_id, first_seen_at)
            SELECT k, ?, ? FROM (SELECT k FROM unnest(?::bigint[]) AS k ORDER BY k) AS keys
            ON CONFLICT (band_key) DO UPDATE SET article_id = EXCLUDED.article_id, first_seen_at = EXCLUDED.first_seen_at
            WHERE b.first_seen_at < ?""";
    private static final String OWNERS = """
            SELECT DISTINCT article_id FROM %1$s.near_dup_band
            WHERE band_key = ANY(?::bigint[]) AND article_id <> ? AND first_seen_at >= ?""";
    private static final String STORE_SHINGLES = """
            INSERT INTO %1$s.near_dup_fingerprint (article_id, shingles, first_seen_at) VALUES (?, ?, ?)
            ON CONFLICT (article_id) DO UPDATE SET shingles = EXCLUDED.shingles""";
    private static final String LOAD_SHINGLES = """
            SELECT article_id, shingles FROM %1$s.near_dup_fingerprint WHERE article_id = ANY(?::text[])""";
    private static final String RELEASE_BANDS = """
            DELETE FROM %1$s.near_dup_band WHERE band_key = ANY(?::bigint[]) AND article_id = ?""";
    private static final String RELEASE_SHINGLES = "DELETE FROM %1$s.near_dup_fingerprint WHERE article_id = ?";
    private static final String EXPIRE = """
            DELETE FROM %1$s.%2$s WHERE ctid IN (SELECT ctid FROM %1$s.%2$s WHERE first_seen_at < ? LIMIT ?)""";

    private final Connection connection;
    private final String schema;
    private final int expiryBatch;

    public JdbcNearDuplicateIndex(Connection connection, String schema, int expiryBatch) {
        this.connection = connection;
        this.schema = schema;
        this.expiryBatch = expiryBatch;
    }

    @Override
    public Set<String> claim(String articleId, Fingerprint fp, Instant now, Instant notBefore) {
        try {
            Long[] keys = boxed(fp.bandKeys());
            try (PreparedStatement ps = connection.prepareStatement(CLAIM.formatted(schema))) {
                ps.setString(1, articleId);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setArray(3, connection.createArrayOf("bigint", keys));
                ps.setTimestamp(4, Timestamp.from(notBefore));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(STORE_SHINGLES.formatted(schema))) {
                ps.setString(1, articleId);
                ps.setBytes(2, encode(fp.shingles()));
                ps.setTimestamp(3, Timestamp.from(now));
                ps.executeUpdate();
            }
            Set<String> owners = new TreeSet<>();
            try (PreparedStatement ps = connection.prepareStatement(OWNERS.formatted(schema))) {
                ps.setArray(1, connection.createArrayOf("bigint", keys));
                ps.setString(2, articleId);
                ps.setTimestamp(3, Timestamp.from(notBefore));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        owners.add(rs.getString(1));
                    }
                }
            }
            return owners;
        } catch (SQLException e) {
            throw new IndexUnavailableException("near-duplicate claim failed", e);
        }
    }

    @Override
    public Map<String, int[]> shingles(Collection<String> articleIds) {
        Map<String, int[]> out = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = connection.prepareStatement(LOAD_SHINGLES.formatted(schema))) {
            ps.setArray(1, connection.createArrayOf("text", articleIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), decode(rs.getBytes(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IndexUnavailableException("near-duplicate lookup failed", e);
        }
    }

    @Override
    public void release(String articleId, long[] bandKeys) {
        try {
            try (PreparedStatement ps = connection.prepareStatement(RELEASE_BANDS.formatted(schema))) {
                ps.setArray(1, connection.createArrayOf("bigint", boxed(bandKeys)));
                ps.setString(2, articleId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(RELEASE_SHINGLES.formatted(schema))) {
                ps.setString(1, articleId);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IndexUnavailableException("near-duplicate release failed", e);
        }
    }

    /** Deletes one batch per table (callers loop, committing in between, so no long lock is held). */
    @Override
    public int expire(Instant cutoff) {
        int removed = 0;
        try {
            for (String table : new String[] { "near_dup_band", "near_dup_fingerprint" }) {
                try (PreparedStatement ps = connection.prepareStatement(EXPIRE.formatted(schema, table))) {
                    ps.setTimestamp(1, Timestamp.from(cutoff));
                    ps.setInt(2, expiryBatch);
                    removed += ps.executeUpdate();
                }
            }
            return removed;
        } catch (SQLException e) {
            throw new IndexUnavailableException("near-duplicate expiry failed", e);
        }
    }

    static Long[] boxed(long[] values) {
        Long[] out = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** The stored form of a shingle set (also used by the scale benchmark's bulk loader). */
    public static byte[] encode(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Integer.BYTES);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    static int[] decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int[] out = new int[bytes.length / Integer.BYTES];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getInt();
        }
        return out;
    }
}
