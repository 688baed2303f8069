package io.newsflow.query.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.EnrichedArticle;

/**
 * The bulk path into the article store, for initial loads and backfills: one COPY of new article rows per batch
 * (the search columns and the entity set are computed by PostgreSQL as for the single upsert), then the derived
 * tables (search configurations, stories, stream) updated set-wise for the whole batch. Plain JDBC on a caller-owned connection, so it runs
 * inside or outside the service. Insert-only: a batch containing an id that is already stored fails as a whole
 * (use {@link ArticleStore} for updates and re-deliveries).
 */
public final class BulkArticleWriter {

    /** The columns written, in COPY order. */
    static final String COLUMNS = "id, url, canonical_url, source, title, authors, published_at, published_at_source,"
            + " language, language_confidence, text, lede, word_count, reading_time_minutes, entities, keywords,"
            + " content_hash, duplicate_of, duplicate_kind, similarity, story_id, version, ingested_at, enriched_at,"
            + " stored_at, pipeline_version, provenance";

    /** Recounts the stories matching %2$s (schema %1$s); the one parameter before it is the update time. */
    private static final String UPSERT_STORIES = """
            INSERT INTO %1$s.story AS s (story_id, article_count, source_count, first_published_at,
                                         last_activity_at, updated_at)
            SELECT story_id, count(*), count(DISTINCT source), min(published_at),
                   max(coalesce(published_at, stored_at)), ?
            FROM %1$s.article WHERE %2$s GROUP BY story_id
            ON CONFLICT (story_id) DO UPDATE SET article_count = excluded.article_count,
                source_count = excluded.source_count, first_published_at = excluded.first_published_at,
                last_activity_at = excluded.last_activity_at, updated_at = excluded.updated_at
            """;

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String schema;

    /** @param schema the service's schema (normally {@code query}) */
    public BulkArticleWriter(String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a plain schema name: " + schema);
        }
        this.schema = schema;
    }

    /**
     * Writes a batch and its derived rows in the connection's current transaction (the caller commits).
     *
     * @return the number of articles written
     */
    public long write(Connection connection, List<EnrichedArticle> batch, Instant now)
            throws SQLException, IOException {
        if (batch.isEmpty()) {
            return 0;
        }
        long written = copyArticles(connection, batch, now);
        String[] ids = batch.stream().map(a -> ArticleStore.clean(a.id())).toArray(String[]::new);
        TreeSet<String> stories = new TreeSet<>();
        batch.forEach(a -> {
            if (a.storyId() != null) {
                stories.add(ArticleStore.clean(a.storyId()));
            }
        });
        // Configurations from the batch in hand (the rows just copied are not read back); the entities are part of
        // the rows (V8).
        DerivedRows.recordConfigs(connection, schema, batch);
        if (!stories.isEmpty()) {
            // Same locks as DerivedTables, in the same sorted order, taken by one statement (a round trip per
            // story made a batch wait on the network more than on the work); then one set-wise recount.
            // OFFSET 0 keeps the sorted subquery from being flattened, so the locks are taken in its order.
            try (PreparedStatement lock = connection.prepareStatement("SELECT count(pg_advisory_xact_lock("
                    + "hashtextextended(s.id, 0))) FROM (SELECT id FROM unnest(?) AS t(id) ORDER BY id COLLATE \"C\""
                    + " OFFSET 0) s")) {
                lock.setArray(1, connection.createArrayOf("text", stories.toArray(String[]::new)));
                lock.execute();
            }
            try (PreparedStatement refresh = connection.prepareStatement(
                    UPSERT_STORIES.formatted(schema, "story_id = ANY(?)"))) {
                refresh.setObject(1, java.sql.Timestamp.from(now));
                refresh.setArray(2, connection.createArrayOf("text", stories.toArray(String[]::new)));
                refresh.executeUpdate();
            }
        }
        // Last: the stream clock (held until commit, see stream_clock).
        long last;
        try (PreparedStatement tick = connection.prepareStatement(
                "UPDATE " + schema + ".stream_clock SET seq = seq + ? RETURNING seq")) {
            tick.setLong(1, ids.length);
            try (ResultSet rs = tick.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
        }
        try (PreparedStatement events = connection.prepareStatement("INSERT INTO " + schema
                + ".stream_event (seq, article_id) SELECT ? + t.ord - 1, t.id FROM unnest(?) WITH ORDINALITY AS t(id, ord)")) {
            events.setLong(1, last - ids.length + 1);
            events.setArray(2, connection.createArrayOf("text", ids));
            events.executeUpdate();
        }
        return written;
    }

    /**
     * Recomputes every derived row (search configurations seen, stories, stream) from the stored
     * articles, set-wise over the whole table, in the connection's current transaction. For an initial fill that
     * COPYed article rows only ({@link #copyArticles}) with the secondary indexes dropped: one pass over the table
     * instead of one statement set per batch. Articles already in the stream keep their position; the others are
     * appended in ingestion order.
     */
    public void backfillDerived(Connection connection, Instant now) throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute("INSERT INTO %1$s.search_config_seen (config) SELECT DISTINCT CAST(search_config AS text)"
                    .formatted(schema) + " FROM %s.article ON CONFLICT DO NOTHING".formatted(schema));
        }
        try (PreparedStatement stories = connection.prepareStatement(
                UPSERT_STORIES.formatted(schema, "story_id IS NOT NULL"))) {
            stories.setObject(1, java.sql.Timestamp.from(now));
            stories.executeUpdate();
        }
        try (var st = connection.createStatement()) {
            // Last, as in write(): the clock row is held until commit.
            st.execute("""
                    WITH missing AS (
                        SELECT a.id, row_number() OVER (ORDER BY a.sort_ingested_at, a.id) AS ord
                        FROM %1$s.article a WHERE NOT EXISTS (SELECT 1 FROM %1$s.stream_event e WHERE e.article_id = a.id)),
                    tick AS (UPDATE %1$s.stream_clock SET seq = seq + (SELECT count(*) FROM missing)
                             RETURNING seq - (SELECT count(*) FROM missing) AS base)
                    INSERT INTO %1$s.stream_event (seq, article_id)
                    SELECT tick.base + missing.ord, missing.id FROM missing, tick
                    """.formatted(schema));
        }
    }

    /** Only the article rows, by COPY (no derived rows): the baseline the bulk path is measured against. */
    public long copyArticles(Connection connection, List<EnrichedArticle> batch, Instant now)
            throws SQLException, IOException {
        StringBuilder rows = new StringBuilder(batch.size() * 4096);
        for (EnrichedArticle a : batch) {
            appendRow(rows, a, now);
        }
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY " + schema + ".article (" + COLUMNS + ") FROM STDIN", new StringReader(rows.toString()));
    }

    private static void appendRow(StringBuilder out, EnrichedArticle a, Instant now) {
        List<Object> values = new ArrayList<>(27);
        values.add(a.id());
        values.add(a.url());
        values.add(a.canonicalUrl());
        values.add(a.source());
        values.add(a.title());
        values.add(ContractJson.write(a.authors()));
        values.add(a.publishedAt());
        values.add(a.publishedAtSource());
        values.add(a.language());
        values.add(a.languageConfidence());
        values.add(a.text());
        values.add(a.lede());
        values.add(a.wordCount());
        values.add(a.readingTimeMinutes());
        values.add(ContractJson.write(ArticleStore.cleanEntities(a.entities())));
        values.add(ContractJson.write(ArticleStore.cleanKeywords(a.keywords())));
        values.add(a.contentHash());
        values.add(a.duplicateOf());
        values.add(a.duplicateKind());
        values.add(a.similarity());
        values.add(a.storyId());
        values.add(a.version());
        values.add(a.ingestedAt());
        values.add(a.enrichedAt());
        values.add(now);
        values.add(a.pipelineVersion());
        values.add(ContractJson.write(ArticleStore.cleanMap(a.provenance())));
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            appendValue(out, values.get(i));
        }
        out.append('\n');
    }

    /** COPY text format: \N for NULL; backslash, tab, newline and carriage return escaped; NUL dropped. */
    private static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String s = value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> {
                    // PostgreSQL text cannot hold NUL
                }
                default -> out.append(c);
            }
        }
    }
}
