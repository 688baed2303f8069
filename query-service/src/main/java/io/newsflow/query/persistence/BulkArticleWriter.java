package io.newsflow.query.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
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
 * (the search columns are computed by PostgreSQL as for the single upsert), then the derived tables (entities,
 * stories, stream) updated set-wise for the whole batch. Plain JDBC on a caller-owned connection, so it runs
 * inside or outside the service. Insert-only: a batch containing an id that is already stored fails as a whole
 * (use {@link ArticleStore} for updates and re-deliveries).
 */
public final class BulkArticleWriter {

    /** The columns written, in COPY order. */
    static final String COLUMNS = "id, url, canonical_url, source, title, authors, published_at, published_at_source,"
            + " language, language_confidence, text, lede, word_count, reading_time_minutes, entities, keywords,"
            + " content_hash, duplicate_of, duplicate_kind, similarity, story_id, version, ingested_at, enriched_at,"
            + " stored_at, pipeline_version, provenance";

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
        Array idArray = connection.createArrayOf("text", ids);
        try (PreparedStatement entities = connection.prepareStatement("""
                INSERT INTO %1$s.article_entity (article_id, entity_id, type, name, name_key, mentions)
                SELECT a.id, %1$s.entity_id_for(e->>'type', e->>'name', e->>'canonicalId'),
                       min(e->>'type'), min(e->>'name'), lower(min(e->>'name')), max(coalesce((e->>'mentions')::int, 0))
                FROM %1$s.article a CROSS JOIN LATERAL jsonb_array_elements(a.entities) e
                WHERE a.id = ANY(?) AND e->>'type' IS NOT NULL AND nullif(btrim(e->>'name'), '') IS NOT NULL
                GROUP BY a.id, 2
                """.formatted(schema))) {
            entities.setArray(1, idArray);
            entities.executeUpdate();
        }
        try (PreparedStatement configs = connection.prepareStatement("INSERT INTO " + schema
                + ".search_config_seen (config) SELECT DISTINCT CAST(a.search_config AS text) FROM " + schema
                + ".article a WHERE a.id = ANY(?) ON CONFLICT DO NOTHING")) {
            configs.setArray(1, idArray);
            configs.executeUpdate();
        }
        if (!stories.isEmpty()) {
            // Same locking as DerivedTables (sorted, per story), then one set-wise recount.
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                for (String story : stories) {
                    lock.setString(1, story);
                    lock.execute();
                }
            }
            try (PreparedStatement refresh = connection.prepareStatement("""
                    INSERT INTO %1$s.story AS s (story_id, article_count, source_count, first_published_at,
                                                 last_activity_at, updated_at)
                    SELECT story_id, count(*), count(DISTINCT source), min(published_at),
                           max(coalesce(published_at, stored_at)), ?
                    FROM %1$s.article WHERE story_id = ANY(?) GROUP BY story_id
                    ON CONFLICT (story_id) DO UPDATE SET article_count = excluded.article_count,
                        source_count = excluded.source_count, first_published_at = excluded.first_published_at,
                        last_activity_at = excluded.last_activity_at, updated_at = excluded.updated_at
                    """.formatted(schema))) {
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
            events.setArray(2, idArray);
            events.executeUpdate();
        }
        return written;
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
