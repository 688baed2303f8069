package io.newsflow.query.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.newsflow.contracts.EnrichedArticle;

/**
 * The search configurations of articles just written, shared by the single upsert ({@link DerivedTables}) and the
 * bulk path ({@link BulkArticleWriter}). Plain JDBC in the caller's transaction, from the cleaned languages the
 * rows were written with (not read back); the rule stays in SQL ({@code search_config_for}). Entities need no
 * side rows: the article row carries them (V8, {@code entity_set}).
 */
final class DerivedRows {

    /** The configurations of the written rows' languages, as the generated column search_config computes them. */
    private static final String RECORD_CONFIGS = """
            INSERT INTO %1$s.search_config_seen (config)
            SELECT DISTINCT CAST(%1$s.search_config_for(t.language) AS text) FROM unnest(CAST(? AS text[])) AS t(language)
            ON CONFLICT DO NOTHING
            """;

    private DerivedRows() {
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
