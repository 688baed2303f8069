package io.newsflow.query.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import io.newsflow.contracts.EnrichedArticle;

/**
 * Keeps the tables derived from article rows (story, stream_event, search_config_seen) in step, inside the
 * transaction that stored the articles. The configurations are recorded by the bulk path's statement
 * ({@link DerivedRows}); entities need no side rows (the article row carries them, V8). Aggregates are recomputed
 * from the stored rows (never incremented), so re-deliveries and concurrent instances cannot make them drift.
 */
@ApplicationScoped
public class DerivedTables {

    /** Serialises writers of one story so that the recount below sees every committed article of it. */
    private static final String LOCK_STORY = "SELECT CAST(pg_advisory_xact_lock(hashtextextended(:storyId, 0)) AS text)";

    private static final String REFRESH_STORY = """
            WITH agg AS (
                SELECT count(*) AS n, count(DISTINCT source) AS sources, min(published_at) AS first_published,
                       max(coalesce(published_at, stored_at)) AS last_activity
                FROM {h-schema}article WHERE story_id = :storyId),
            gone AS (DELETE FROM {h-schema}story WHERE story_id = :storyId AND (SELECT n FROM agg) = 0)
            INSERT INTO {h-schema}story AS s (story_id, article_count, source_count, first_published_at,
                                              last_activity_at, updated_at)
            SELECT :storyId, n, sources, first_published, last_activity, CAST(:now AS timestamptz) FROM agg WHERE n > 0
            ON CONFLICT (story_id) DO UPDATE SET article_count = excluded.article_count,
                source_count = excluded.source_count, first_published_at = excluded.first_published_at,
                last_activity_at = excluded.last_activity_at, updated_at = excluded.updated_at
            """;

    /** Reserves {@code :n} stream positions; must be the transaction's last write (see stream_clock). */
    private static final String TICK = "UPDATE {h-schema}stream_clock SET seq = seq + :n RETURNING seq";
    private static final String DELETE_EVENTS = "DELETE FROM {h-schema}stream_event WHERE article_id IN (:ids)";
    private static final String INSERT_EVENTS = """
            INSERT INTO {h-schema}stream_event (seq, article_id)
            SELECT CAST(:first AS bigint) + t.ord - 1, t.id FROM unnest(CAST(:ids AS text[])) WITH ORDINALITY AS t(id, ord)
            """;

    @Inject
    EntityManager em;

    /** The schema {h-schema} stands for, for the JDBC statements shared with the bulk path. */
    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    /**
     * Records the search configurations of these just-written articles, with the bulk path's statement
     * ({@link DerivedRows}) on this transaction's connection. (Their entities are part of the article row.)
     */
    public void recordConfigs(List<EnrichedArticle> articles) {
        if (articles.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> DerivedRows.recordConfigs(connection, schema, articles));
    }

    /** Recomputes these stories' aggregates (a story without articles left is removed). */
    public void refreshStories(Collection<String> storyIds, Instant now) {
        // Locks in a fixed order, so two transactions touching the same stories cannot deadlock.
        TreeSet<String> sorted = new TreeSet<>();
        storyIds.stream().filter(Objects::nonNull).forEach(sorted::add);
        for (String storyId : sorted) {
            em.createNativeQuery(LOCK_STORY).setParameter("storyId", storyId).getSingleResult();
        }
        // A separate statement per story after the lock: in READ COMMITTED each one sees what committed before.
        for (String storyId : sorted) {
            em.createNativeQuery(REFRESH_STORY).setParameter("storyId", storyId).setParameter("now", now)
                    .executeUpdate();
        }
    }

    /**
     * Appends these articles to the live stream, in the given order. Call last in the transaction: from here
     * to commit, other storing transactions wait for the clock row.
     */
    public void appendToStream(List<String> articleIds) {
        if (articleIds.isEmpty()) {
            return;
        }
        em.createNativeQuery(DELETE_EVENTS).setParameter("ids", articleIds).executeUpdate();
        long last = ((Number) em.createNativeQuery(TICK).setParameter("n", articleIds.size()).getSingleResult())
                .longValue();
        em.createNativeQuery(INSERT_EVENTS).setParameter("first", last - articleIds.size() + 1)
                .setParameter("ids", articleIds.toArray(String[]::new)).executeUpdate();
    }
}
