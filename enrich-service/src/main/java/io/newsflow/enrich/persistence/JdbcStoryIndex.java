package io.newsflow.enrich.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.newsflow.enrich.dedup.Hashing;
import io.newsflow.enrich.story.StoryIndex;
import io.newsflow.enrich.story.StoryState;

/**
 * {@link StoryIndex} on PostgreSQL over one JDBC connection whose transaction the caller owns. Concurrent
 * assignments that share a term serialise on transaction-scoped advisory locks (taken in ascending key order);
 * joins of one story serialise on its row lock.
 */
public final class JdbcStoryIndex implements StoryIndex {

    private static final String STORY_OF_ARTICLE = "SELECT story_id FROM %1$s.article_story WHERE article_id = ?";
    private static final String LOCK_TERMS = """
            SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest(?::bigint[]) AS k ORDER BY k) AS keys""";
    /**
     * The most recent postings per term, index-only from story_term_recent_idx (which carries story id and weight),
     * scored per story in the database: only the best {@code limit} story ids leave it (see V5__story_posting_weights.sql).
     * Ties by story id in code-point order, as Java's String order.
     */
    private static final String CANDIDATES = """
            SELECT p.story_id FROM unnest(?::text[], ?::double precision[]) AS t(term, weight)
            CROSS JOIN LATERAL (SELECT st.story_id, st.weight FROM %1$s.story_term st
                                WHERE st.term = t.term AND st.last_updated_at >= ?
                                ORDER BY st.last_updated_at DESC LIMIT ?) AS p
            GROUP BY p.story_id ORDER BY sum(t.weight * p.weight) DESC, p.story_id COLLATE "C" LIMIT ?""";
    /** One counter row per term (story_term_count, kept in step with the postings): no postings are counted. */
    private static final String FREQUENCIES = """
            SELECT t.term, least(coalesce(c.stories, 0), ?) FROM unnest(?::text[]) AS t(term)
            LEFT JOIN %1$s.story_term_count c ON c.term = t.term""";
    /** The stories the index holds, from the shard counters (see V4__story_term_counts.sql). */
    private static final String STORED = "SELECT least(coalesce(sum(stories), 0), ?)::int FROM %1$s.story_count_shard";
    private static final String COUNT_NEW_STORY = """
            UPDATE %1$s.story_count_shard SET stories = stories + 1 WHERE shard = (hashtext(?) & 15)""";
    private static final String LOCK_SHARDS = """
            SELECT count(*) FROM (SELECT 1 FROM %1$s.story_count_shard
                                  WHERE shard IN (SELECT hashtext(id) & 15 FROM unnest(?::text[]) AS id)
                                  ORDER BY shard FOR UPDATE) AS locked""";
    private static final String DECREMENT_SHARDS = """
            UPDATE %1$s.story_count_shard c SET stories = c.stories - gone.n
            FROM (SELECT (hashtext(id) & 15) AS shard, count(*)::int AS n FROM unnest(?::text[]) AS id GROUP BY 1) AS gone
            WHERE c.shard = gone.shard""";
    private static final String LOAD = """
            SELECT story_id, terms, weights, article_count, first_seen_at, last_updated_at
            FROM %1$s.story WHERE story_id = ANY(?::text[])""";
    private static final String LOCK_STORY = """
            SELECT story_id, terms, weights, article_count, first_seen_at, last_updated_at
            FROM %1$s.story WHERE story_id = ? FOR UPDATE""";
    private static final String UPSERT_STORY = """
            INSERT INTO %1$s.story AS s (story_id, first_seen_at, last_updated_at, article_count, sources, terms, weights)
            VALUES (?, ?, ?, ?, ?::text[], ?::text[], ?::double precision[])
            ON CONFLICT (story_id) DO UPDATE SET last_updated_at = EXCLUDED.last_updated_at,
                article_count = EXCLUDED.article_count, terms = EXCLUDED.terms, weights = EXCLUDED.weights,
                sources = ARRAY(SELECT DISTINCT x FROM unnest(s.sources || EXCLUDED.sources) AS x ORDER BY x)""";
    /**
     * The story's postings become its new top terms (with their new normalised weights) in one statement: postings of
     * dropped terms go, kept ones get the new time and weight, new ones are added, and the per-term counters change by
     * the difference only (locked in term order, so two transactions never wait on each other's counters in opposite
     * orders).
     */
    private static final String SYNC_POSTINGS = """
            WITH target AS (SELECT * FROM unnest(?::text[], ?::double precision[]) AS x(term, weight)),
                 removed AS (DELETE FROM %1$s.story_term WHERE story_id = ? AND term NOT IN (SELECT term FROM target)
                             RETURNING term),
                 kept AS (UPDATE %1$s.story_term st SET last_updated_at = ?, weight = x.weight FROM target x
                          WHERE st.story_id = ? AND st.term = x.term RETURNING st.term),
                 added AS (INSERT INTO %1$s.story_term (term, story_id, last_updated_at, weight)
                           SELECT x.term, ?, ?, x.weight FROM target x WHERE x.term NOT IN (SELECT term FROM kept)
                           RETURNING term),
                 delta AS (SELECT term, 1 AS d FROM added UNION ALL SELECT term, -1 FROM removed)
            INSERT INTO %1$s.story_term_count AS c (term, stories)
            SELECT term, sum(d)::int FROM delta GROUP BY term ORDER BY term
            ON CONFLICT (term) DO UPDATE SET stories = c.stories + EXCLUDED.stories""";
    private static final String ADD_ENTITIES = """
            INSERT INTO %1$s.story_entity (story_id, name, mentions)
            SELECT ?, n, m FROM unnest(?::text[], ?::int[]) AS x(n, m)
            ON CONFLICT (story_id, name) DO UPDATE SET mentions = story_entity.mentions + EXCLUDED.mentions""";
    private static final String TOP_ENTITIES = """
            UPDATE %1$s.story SET top_entities = ARRAY(SELECT name FROM %1$s.story_entity WHERE story_id = ?
                                                       ORDER BY mentions DESC, name LIMIT ?)
            WHERE story_id = ?""";
    private static final String ASSIGN = """
            INSERT INTO %1$s.article_story (article_id, story_id, similarity, assigned_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (article_id) DO NOTHING""";
    private static final String EXPIRED_STORIES = """
            SELECT story_id FROM %1$s.story WHERE last_updated_at < ? ORDER BY story_id LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String EXPIRE_POSTINGS = """
            WITH gone AS (DELETE FROM %1$s.story_term WHERE story_id = ANY(?::text[]) RETURNING term)
            SELECT term, count(*)::int FROM gone GROUP BY term ORDER BY term""";
    /** Counters of the expired postings, locked in term order like every other writer of them. */
    private static final String LOCK_COUNTS = """
            SELECT count(*) FROM (SELECT 1 FROM %1$s.story_term_count WHERE term = ANY(?::text[]) ORDER BY term FOR UPDATE)
            AS locked""";
    private static final String DECREMENT_COUNTS = """
            UPDATE %1$s.story_term_count c SET stories = c.stories - x.n
            FROM unnest(?::text[], ?::int[]) AS x(term, n) WHERE c.term = x.term""";
    /** Terms no live story has any more (after joins or expiry); rows a writer holds are left for the next sweep. */
    private static final String DROP_ZERO_COUNTS = """
            DELETE FROM %1$s.story_term_count WHERE term IN
                (SELECT term FROM %1$s.story_term_count WHERE stories <= 0 ORDER BY term LIMIT ? FOR UPDATE SKIP LOCKED)""";
    private static final String EXPIRE_STORIES = "DELETE FROM %1$s.story WHERE story_id = ANY(?::text[])";
    private static final String EXPIRE_ASSIGNMENTS = """
            DELETE FROM %1$s.article_story WHERE article_id IN
                (SELECT article_id FROM %1$s.article_story WHERE assigned_at < ? LIMIT ?)""";

    private final Connection connection;
    private final String schema;
    private final int topEntities;
    private final int entitiesPerArticle;
    private final int expiryBatch;

    public JdbcStoryIndex(Connection connection, String schema, int topEntities, int entitiesPerArticle, int expiryBatch) {
        this.connection = connection;
        this.schema = schema;
        this.topEntities = topEntities;
        this.entitiesPerArticle = entitiesPerArticle;
        this.expiryBatch = expiryBatch;
    }

    @Override
    public Optional<String> storyOfArticle(String articleId) {
        try (PreparedStatement ps = connection.prepareStatement(STORY_OF_ARTICLE.formatted(schema))) {
            ps.setString(1, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IndexUnavailableException("story lookup failed", e);
        }
    }

    @Override
    public void lockTerms(List<String> sortedTerms) {
        if (sortedTerms.isEmpty()) {
            return;
        }
        Long[] keys = sortedTerms.stream().map(t -> Hashing.hash64("story-term:" + t)).sorted().toArray(Long[]::new);
        try (PreparedStatement ps = connection.prepareStatement(LOCK_TERMS)) {
            ps.setArray(1, connection.createArrayOf("bigint", keys));
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new IndexUnavailableException("story term locks failed", e);
        }
    }

    @Override
    public Set<String> candidates(Map<String, Double> vector, Instant notBefore, int perTermLimit, int limit) {
        Set<String> out = new LinkedHashSet<>();
        if (vector.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = connection.prepareStatement(CANDIDATES.formatted(schema))) {
            ps.setArray(1, connection.createArrayOf("text", vector.keySet().toArray()));
            ps.setArray(2, connection.createArrayOf("float8", vector.values().toArray()));
            ps.setTimestamp(3, Timestamp.from(notBefore));
            ps.setInt(4, perTermLimit);
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IndexUnavailableException("story candidate lookup failed", e);
        }
    }

    @Override
    public Map<String, Integer> storyFrequencies(Collection<String> terms, int cap) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (terms.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = connection.prepareStatement(FREQUENCIES.formatted(schema))) {
            ps.setInt(1, cap);
            ps.setArray(2, connection.createArrayOf("text", terms.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IndexUnavailableException("story term frequencies failed", e);
        }
    }

    @Override
    public int storedStories(int cap) {
        try (PreparedStatement ps = connection.prepareStatement(STORED.formatted(schema))) {
            ps.setInt(1, cap);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IndexUnavailableException("story count failed", e);
        }
    }

    @Override
    public Map<String, StoryState> load(Collection<String> storyIds) {
        Map<String, StoryState> out = new LinkedHashMap<>();
        if (storyIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = connection.prepareStatement(LOAD.formatted(schema))) {
            ps.setArray(1, connection.createArrayOf("text", storyIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoryState s = state(rs);
                    out.put(s.storyId(), s);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IndexUnavailableException("story load failed", e);
        }
    }

    @Override
    public StoryState lockStory(String storyId) {
        try (PreparedStatement ps = connection.prepareStatement(LOCK_STORY.formatted(schema))) {
            ps.setString(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? state(rs) : null;
            }
        } catch (SQLException e) {
            throw new IndexUnavailableException("story lock failed", e);
        }
    }

    @Override
    public void save(String articleId, double similarity, StoryState state, String source, Map<String, Integer> entities,
            Instant now) {
        String[] terms = state.terms().keySet().toArray(String[]::new);
        Double[] weights = state.terms().values().toArray(Double[]::new);
        Timestamp at = Timestamp.from(now);
        try {
            try (PreparedStatement ps = connection.prepareStatement(UPSERT_STORY.formatted(schema))) {
                ps.setString(1, state.storyId());
                ps.setTimestamp(2, Timestamp.from(state.firstSeenAt()));
                ps.setTimestamp(3, Timestamp.from(state.lastUpdatedAt()));
                ps.setInt(4, state.articleCount());
                ps.setArray(5, connection.createArrayOf("text", source == null ? new String[0] : new String[] { source }));
                ps.setArray(6, connection.createArrayOf("text", terms));
                ps.setArray(7, connection.createArrayOf("float8", weights));
                ps.executeUpdate();
            }
            if (state.articleCount() == 1) {
                // shard counter before any term counter: the one lock order every writer follows
                try (PreparedStatement ps = connection.prepareStatement(COUNT_NEW_STORY.formatted(schema))) {
                    ps.setString(1, state.storyId());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(SYNC_POSTINGS.formatted(schema))) {
                ps.setArray(1, connection.createArrayOf("text", terms));
                ps.setArray(2, connection.createArrayOf("float8", normalised(weights)));
                ps.setString(3, state.storyId());
                ps.setTimestamp(4, at);
                ps.setString(5, state.storyId());
                ps.setString(6, state.storyId());
                ps.setTimestamp(7, at);
                ps.executeUpdate();
            }
            List<Map.Entry<String, Integer>> top = entities.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(entitiesPerArticle).toList();
            if (!top.isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(ADD_ENTITIES.formatted(schema))) {
                    ps.setString(1, state.storyId());
                    ps.setArray(2, connection.createArrayOf("text", top.stream().map(Map.Entry::getKey).toArray()));
                    ps.setArray(3, connection.createArrayOf("int4", top.stream().map(Map.Entry::getValue).toArray()));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = connection.prepareStatement(TOP_ENTITIES.formatted(schema))) {
                    ps.setString(1, state.storyId());
                    ps.setInt(2, topEntities);
                    ps.setString(3, state.storyId());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(ASSIGN.formatted(schema))) {
                ps.setString(1, articleId);
                ps.setString(2, state.storyId());
                ps.setDouble(3, similarity);
                ps.setTimestamp(4, at);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IndexUnavailableException("story save failed", e);
        }
    }

    /**
     * Deletes one batch of stale stories (their postings first, so that the term counters can be decremented) and
     * of stale assignments; callers loop, committing in between.
     */
    @Override
    public int expire(Instant cutoff) {
        try {
            List<String> stale = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(EXPIRED_STORIES.formatted(schema))) {
                ps.setTimestamp(1, Timestamp.from(cutoff));
                ps.setInt(2, expiryBatch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stale.add(rs.getString(1));
                    }
                }
            }
            int removed = 0;
            if (!stale.isEmpty()) {
                Array ids = connection.createArrayOf("text", stale.toArray());
                List<String> terms = new ArrayList<>();
                List<Integer> counts = new ArrayList<>();
                try (PreparedStatement ps = connection.prepareStatement(EXPIRE_POSTINGS.formatted(schema))) {
                    ps.setArray(1, ids);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            terms.add(rs.getString(1));
                            counts.add(rs.getInt(2));
                        }
                    }
                }
                try (PreparedStatement ps = connection.prepareStatement(LOCK_SHARDS.formatted(schema))) {
                    ps.setArray(1, ids);
                    ps.executeQuery().close();
                }
                try (PreparedStatement ps = connection.prepareStatement(DECREMENT_SHARDS.formatted(schema))) {
                    ps.setArray(1, ids);
                    ps.executeUpdate();
                }
                decrementCounts(terms, counts);
                try (PreparedStatement ps = connection.prepareStatement(EXPIRE_STORIES.formatted(schema))) {
                    ps.setArray(1, ids);
                    removed += ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(EXPIRE_ASSIGNMENTS.formatted(schema))) {
                ps.setTimestamp(1, Timestamp.from(cutoff));
                ps.setInt(2, expiryBatch);
                removed += ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(DROP_ZERO_COUNTS.formatted(schema))) {
                ps.setInt(1, expiryBatch);
                removed += ps.executeUpdate();
            }
            return removed;
        } catch (SQLException e) {
            throw new IndexUnavailableException("story expiry failed", e);
        }
    }

    private void decrementCounts(List<String> terms, List<Integer> counts) throws SQLException {
        if (terms.isEmpty()) {
            return;
        }
        Array termArray = connection.createArrayOf("text", terms.toArray());
        try (PreparedStatement ps = connection.prepareStatement(LOCK_COUNTS.formatted(schema))) {
            ps.setArray(1, termArray);
            ps.executeQuery().close();
        }
        try (PreparedStatement ps = connection.prepareStatement(DECREMENT_COUNTS.formatted(schema))) {
            ps.setArray(1, termArray);
            ps.setArray(2, connection.createArrayOf("int4", counts.toArray()));
            ps.executeUpdate();
        }
    }

    /** A posting's weight: the story's weight of the term over the story vector's L2 norm. */
    private static Double[] normalised(Double[] weights) {
        double norm = Math.sqrt(Arrays.stream(weights).mapToDouble(w -> w * w).sum());
        return Arrays.stream(weights).map(w -> norm == 0 ? 0.0 : w / norm).toArray(Double[]::new);
    }

    private static StoryState state(ResultSet rs) throws SQLException {
        String[] terms = (String[]) rs.getArray(2).getArray();
        Double[] weights = (Double[]) rs.getArray(3).getArray();
        Map<String, Double> vector = new LinkedHashMap<>();
        for (int i = 0; i < terms.length; i++) {
            vector.put(terms[i], weights[i]);
        }
        return new StoryState(rs.getString(1), vector, rs.getInt(4), rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6).toInstant());
    }

}
