package io.newsflow.query.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;

import io.newsflow.contracts.ContractJson;

/**
 * A stored article with its {@code text} and {@code provenance}: what {@code GET /articles/{id}} shows. Read as
 * plain columns of one statement ({@link ArticleSummary#COLUMNS} plus the two) over a pooled JDBC connection, not
 * as an {@link ArticleEntity}: the request then opens no Hibernate session at all. Loading the entity, and a native
 * query through the session too, cost the same JVM CPU (~4.6-5.4 ms a request at 1M); Hibernate was ~28 % of the
 * request threads' samples of the native query, the session's lifecycle included. Over JDBC: ~3.8 ms.
 */
public record ArticleDetail(ArticleSummary summary, String text, Map<String, String> provenance) {

    private static final String BY_ID = "SELECT " + ArticleSummary.COLUMNS + ", a.text,"
            + " CAST(a.provenance AS text) FROM %1$s.article a WHERE a.id = ?";
    /** The original of an exact duplicate: the alias row names it (no article row exists for an alias). */
    private static final String BY_ALIAS = "SELECT " + ArticleSummary.COLUMNS + ", a.text,"
            + " CAST(a.provenance AS text) FROM %1$s.article_alias al JOIN %1$s.article a ON a.id = al.article_id"
            + " WHERE al.alias_id = ?";
    private static final int COLUMNS = ArticleSummary.COLUMN_COUNT + 2;

    private static final ObjectReader PROVENANCE = ContractJson.mapper()
            .readerFor(new TypeReference<Map<String, String>>() {
            });

    /**
     * The article with this id, or the original article when the id is an alias (exact duplicate), from the
     * tables in {@code schema}.
     */
    static Optional<ArticleDetail> findByIdOrAlias(DataSource dataSource, String schema, String id)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<ArticleDetail> article = first(connection, BY_ID.formatted(schema), id);
            return article.isPresent() ? article : first(connection, BY_ALIAS.formatted(schema), id);
        }
    }

    private static Optional<ArticleDetail> first(Connection connection, String sql, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Object[] r = new Object[COLUMNS];
                for (int i = 0; i < COLUMNS; i++) {
                    r[i] = rs.getObject(i + 1);
                }
                return Optional.of(new ArticleDetail(ArticleSummary.fromRow(r, 0),
                        (String) r[ArticleSummary.COLUMN_COUNT],
                        ArticleSummary.json(PROVENANCE, r[ArticleSummary.COLUMN_COUNT + 1])));
            }
        }
    }
}
