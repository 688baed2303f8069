package io.newsflow.query.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EntityMention;

/**
 * The entity rows and search configurations of articles just written, shared by the single upsert
 * ({@link DerivedTables}) and the bulk path ({@link BulkArticleWriter}) so that both write identical rows. Plain
 * JDBC in the caller's transaction. The inputs are the cleaned values the article rows were written with, passed
 * as arrays (each distinct mention once), so the article rows are not read back; the rules stay in SQL, in one
 * place: which mentions count, the entity id ({@code entity_id_for}) and the text-search configuration
 * ({@code search_config_for}).
 */
final class DerivedRows {

    /**
     * One row per (article, entity id), as {@link BulkArticleWriter#backfillDerived} derives them from the stored
     * jsonb: {@code k} holds each distinct mention (type, name, canonical id) with its entity id; {@code m} the
     * articles' mentions, each pointing at its {@code k} row by position.
     */
    private static final String INSERT_ENTITIES = """
            WITH k AS (
                SELECT k.ord, k.type, k.name, %1$s.entity_id_for(k.type, k.name, k.canonical_id) AS entity_id
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                     WITH ORDINALITY AS k(type, name, canonical_id, ord)
                WHERE k.type IS NOT NULL AND nullif(btrim(k.name), '') IS NOT NULL)
            INSERT INTO %1$s.article_entity (article_id, entity_id, type, name, name_key, mentions)
            SELECT m.article_id, k.entity_id, min(k.type), min(k.name), lower(min(k.name)), max(m.mentions)
            FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS integer[])) AS m(article_id, mention, mentions)
            JOIN k ON k.ord = m.mention
            GROUP BY m.article_id, k.entity_id
            """;

    /** The configurations of the written rows' languages, as the generated column search_config computes them. */
    private static final String RECORD_CONFIGS = """
            INSERT INTO %1$s.search_config_seen (config)
            SELECT DISTINCT CAST(%1$s.search_config_for(t.language) AS text) FROM unnest(CAST(? AS text[])) AS t(language)
            ON CONFLICT DO NOTHING
            """;

    private DerivedRows() {
    }

    /** Inserts the entity rows of these articles (none may have entity rows yet: delete them first). */
    static void insertEntities(Connection connection, String schema, List<EnrichedArticle> articles)
            throws SQLException {
        Map<List<String>, Long> positions = new HashMap<>();
        List<String> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> canonicalIds = new ArrayList<>();
        List<String> articleIds = new ArrayList<>();
        List<Long> mentionRefs = new ArrayList<>();
        List<Integer> mentions = new ArrayList<>();
        for (EnrichedArticle a : articles) {
            String articleId = ArticleStore.clean(a.id());
            for (EntityMention e : ArticleStore.cleanEntities(a.entities())) {
                Long position = positions.computeIfAbsent(Arrays.asList(e.type(), e.name(), e.canonicalId()), key -> {
                    types.add(e.type());
                    names.add(e.name());
                    canonicalIds.add(e.canonicalId());
                    return (long) types.size();
                });
                articleIds.add(articleId);
                mentionRefs.add(position);
                mentions.add(e.mentions());
            }
        }
        if (articleIds.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTITIES.formatted(schema))) {
            insert.setArray(1, connection.createArrayOf("text", types.toArray()));
            insert.setArray(2, connection.createArrayOf("text", names.toArray()));
            insert.setArray(3, connection.createArrayOf("text", canonicalIds.toArray()));
            insert.setArray(4, connection.createArrayOf("text", articleIds.toArray()));
            insert.setArray(5, connection.createArrayOf("bigint", mentionRefs.toArray()));
            insert.setArray(6, connection.createArrayOf("integer", mentions.toArray()));
            insert.executeUpdate();
        }
    }

    /** Records the text-search configurations of these articles' languages (see V3__search_configs_seen.sql). */
    static void recordConfigs(Connection connection, String schema, List<EnrichedArticle> articles)
            throws SQLException {
        Set<String> languages = new LinkedHashSet<>();
        articles.forEach(a -> languages.add(ArticleStore.clean(a.language())));
        try (PreparedStatement insert = connection.prepareStatement(RECORD_CONFIGS.formatted(schema))) {
            insert.setArray(1, connection.createArrayOf("text", languages.toArray()));
            insert.executeUpdate();
        }
    }
}
