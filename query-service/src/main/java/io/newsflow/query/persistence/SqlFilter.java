package io.newsflow.query.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;

import org.hibernate.query.NativeQuery;

import io.newsflow.query.domain.SearchCriteria;
import io.newsflow.query.domain.SearchLanguages;

/**
 * The WHERE clause of a search's filters over {@code article a}, shared by lists, facets, stories, entities,
 * the histogram and the stream. Assembled only from the fixed fragments below; every value from the request
 * is a bound parameter.
 */
final class SqlFilter {

    /**
     * A query is matched per text-search configuration: each row is indexed with its language's configuration,
     * and the query must be stemmed the same way. One branch per configuration keeps the GIN index usable
     * (PostgreSQL ORs the branches' bitmap index scans).
     */
    private static final String MATCH_BRANCH = "(a.search_config = CAST('%1$s' AS regconfig)"
            + " AND a.search_vector @@ websearch_to_tsquery(CAST('%1$s' AS regconfig), :q))";

    /**
     * A superset of {@link #MATCH_BRANCH} that the GIN index answers without a heap re-check: phrases relaxed to
     * AND, negations dropped ({@code relaxed_tsquery}, V6; NULL = every row of the configuration is a candidate).
     * The configuration stays a literal so that the branch's partial GIN index applies.
     */
    private static final String RELAXED_MATCH_BRANCH = "(a.search_config = CAST('%1$s' AS regconfig) AND"
            + " ({h-schema}relaxed_tsquery(websearch_to_tsquery(CAST('%1$s' AS regconfig), :q)) IS NULL"
            + " OR a.search_vector @@ {h-schema}relaxed_tsquery(websearch_to_tsquery(CAST('%1$s' AS regconfig), :q))))";

    /**
     * Query text that may parse into a tsquery with positions: a quoted phrase, or a word with inner punctuation
     * (PostgreSQL splits compounds such as "covid-19" into a phrase of their parts). Erring towards true only
     * changes the plan's shape, never the result.
     */
    private static final java.util.regex.Pattern MAY_NEED_POSITIONS =
            java.util.regex.Pattern.compile("\"|[\\p{L}\\p{N}][^\\s\\p{L}\\p{N}]+[\\p{L}\\p{N}]");

    /** Written as one id set (not ORs across tables) so that each branch uses its own index. */
    private static final String URL_MATCH = "a.id IN (SELECT u.id FROM {h-schema}article u"
            + " WHERE u.canonical_url = :canonicalUrl"
            + " UNION ALL SELECT CAST(:urlArticleId AS text)"
            + " UNION ALL SELECT al.article_id FROM {h-schema}article_alias al"
            + " WHERE al.canonical_url = :canonicalUrl OR al.alias_id = :urlArticleId)";

    final List<String> conditions = new ArrayList<>();
    /** One full-text condition per text-search configuration (empty without q); ORed in {@link #conditions}. */
    private final List<String> matchBranches = new ArrayList<>();
    /** {@link #RELAXED_MATCH_BRANCH} per configuration, in the order of {@link #matchBranches}. */
    private final List<String> relaxedBranches = new ArrayList<>();
    private boolean mayNeedPositions;
    /** A filter other than the language bounds the rows (source, dates, url, entity, story, duplicate of). */
    private boolean narrowed;
    /** Where the ORed match sits in {@link #conditions}, or -1. */
    private int matchIndex = -1;
    final Map<String, Object> params = new HashMap<>();
    final Map<String, List<String>> listParams = new HashMap<>();

    SqlFilter() {
    }

    private static final String CONFIGS_SEEN = "SELECT config FROM {h-schema}search_config_seen";

    static SqlFilter of(SearchCriteria c, EntityManager em) {
        return of(c, () -> em.createNativeQuery(CONFIGS_SEEN).getResultList());
    }

    /**
     * The filter, the configurations seen read over a pooled JDBC connection of {@code dataSource} (tables in
     * {@code schema}): for the list statement, which then needs no Hibernate session at all.
     */
    static SqlFilter of(SearchCriteria c, DataSource dataSource, String schema) {
        return of(c, () -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            CONFIGS_SEEN.replace("{h-schema}", schema + "."));
                    ResultSet rs = statement.executeQuery()) {
                List<Object> configs = new ArrayList<>();
                while (rs.next()) {
                    configs.add(rs.getString(1));
                }
                return configs;
            } catch (SQLException e) {
                throw new PersistenceException("reading the text-search configurations seen", e);
            }
        });
    }

    private static SqlFilter of(SearchCriteria c, Supplier<List<?>> configsSeen) {
        SqlFilter f = new SqlFilter();
        if (c.hasQuery()) {
            Set<String> configs = new LinkedHashSet<>(SearchLanguages.configsFor(c.languages()));
            if (c.languages().isEmpty()) {
                // Only configurations some row has (written with the row, so never stale).
                Set<String> seen = new HashSet<>();
                for (Object config : configsSeen.get()) {
                    seen.add(((String) config).replace("pg_catalog.", ""));
                }
                configs.retainAll(seen);
            }
            f.matchBranches.addAll(configs.stream().map(MATCH_BRANCH::formatted).toList());
            f.relaxedBranches.addAll(configs.stream().map(RELAXED_MATCH_BRANCH::formatted).toList());
            f.mayNeedPositions = MAY_NEED_POSITIONS.matcher(c.query()).find();
            f.matchIndex = f.conditions.size();
            f.conditions.add(configs.isEmpty() ? "FALSE" : f.matchBranches.stream()
                    .collect(Collectors.joining(" OR ", "(", ")")));
            f.params.put("q", c.query());
        }
        if (!c.sources().isEmpty()) {
            f.conditions.add("a.source IN (:sources)");
            f.listParams.put("sources", c.sources());
        }
        if (!c.languages().isEmpty()) {
            f.conditions.add("lower(a.language) IN (:languages)");
            f.listParams.put("languages", c.languages());
        }
        if (c.publishedFrom() != null) {
            // On the sort column, so that a newest-first index walk is bounded by the range.
            f.conditions.add("a.sort_published_at >= CAST(:publishedFrom AS timestamptz)");
            f.params.put("publishedFrom", c.publishedFrom());
        }
        if (c.publishedBefore() != null) {
            f.conditions.add("a.sort_published_at < CAST(:publishedBefore AS timestamptz)"
                    + " AND a.sort_published_at > CAST('-infinity' AS timestamptz)");
            f.params.put("publishedBefore", c.publishedBefore());
        }
        if (c.canonicalUrl() != null) {
            f.conditions.add(URL_MATCH);
            f.params.put("canonicalUrl", c.canonicalUrl());
            f.params.put("urlArticleId", c.urlArticleId());
        }
        for (int i = 0; i < c.entities().size(); i++) {
            // an entity given by id or by canonical name (case-insensitive); one condition per value, all must hold
            f.conditions.add(EntityKeys.mentionedIn("a", "entity" + i));
            f.params.put("entity" + i, c.entities().get(i));
        }
        f.narrowed = !c.sources().isEmpty() || c.publishedFrom() != null || c.publishedBefore() != null
                || c.canonicalUrl() != null || !c.entities().isEmpty() || !c.stories().isEmpty()
                || c.duplicateOf() != null;
        if (!c.stories().isEmpty()) {
            f.conditions.add("a.story_id IN (:stories)");
            f.listParams.put("stories", c.stories());
        }
        if (c.duplicateOf() != null) {
            f.conditions.add("a.duplicate_of = :duplicateOf");
            f.params.put("duplicateOf", c.duplicateOf());
        }
        switch (c.duplicates()) {
            case EXCLUDE -> f.conditions.add("a.duplicate_of IS NULL");
            case ONLY -> f.conditions.add("a.duplicate_of IS NOT NULL");
            case INCLUDE -> {
                // no condition
            }
        }
        return f;
    }

    /** The conditions joined with AND ({@code TRUE} when there are none). */
    String where() {
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    /**
     * True when the full-text condition may need word positions (a phrase), which the GIN index cannot check:
     * then every row holding the words is re-checked against its TOASTed tsvector, unless the candidates are
     * taken with {@link #whereRelaxed()} and only the rows a page needs are checked with {@link #match()}.
     */
    boolean matchMayNeedPositions() {
        return mayNeedPositions;
    }

    /**
     * True when a filter other than the language bounds the rows: then the matches of the relaxed query among them
     * are few enough to fetch and sort whole (a language alone keeps ~95 % of the rows).
     */
    boolean isNarrowed() {
        return narrowed;
    }

    /** The conditions with the full-text match relaxed (a superset of {@link #where()}'s rows). */
    String whereRelaxed() {
        if (matchIndex < 0) {
            return where();
        }
        List<String> relaxed = new ArrayList<>(conditions);
        relaxed.set(matchIndex, relaxedBranches.isEmpty() ? "FALSE"
                : relaxedBranches.stream().collect(Collectors.joining(" OR ", "(", ")")));
        return String.join(" AND ", relaxed);
    }

    /** The full-text condition alone ({@code TRUE} without q). */
    String match() {
        return matchIndex < 0 ? "TRUE" : conditions.get(matchIndex);
    }

    /**
     * The same conditions over another alias of {@code article} (for correlated subqueries); the fragments
     * above refer to the article only as {@code a.}.
     */
    String where(String alias) {
        return OF_ARTICLE.matcher(where()).replaceAll(alias + ".");
    }

    private static final java.util.regex.Pattern OF_ARTICLE = java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])a\\.");

    /** True when nothing restricts the rows. */
    boolean isEmpty() {
        return conditions.isEmpty();
    }

    /**
     * {@code sql} with {@code {h-schema}} replaced and each named parameter replaced by {@code ?} (a list parameter by
     * one per value); the values to bind, in order, are added to {@code values}.
     */
    String positional(String sql, String schema, List<Object> values) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        String text = sql.replace("{h-schema}", schema + ".");
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '\'' || ch == '"') {
                int end = text.indexOf(ch, i + 1);
                end = end < 0 ? text.length() : end + 1;
                jdbc.append(text, i, end);
                i = end;
            } else if (text.startsWith("::", i)) {
                jdbc.append("::"); // a PostgreSQL cast (x::text), not a parameter
                i += 2;
            } else if (ch == ':' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String name = text.substring(i + 1, end);
                List<String> list = listParams.get(name);
                if (list != null) {
                    jdbc.append(String.join(", ", java.util.Collections.nCopies(list.size(), "?")));
                    values.addAll(list);
                } else if (params.containsKey(name)) {
                    jdbc.append('?');
                    values.add(params.get(name));
                } else {
                    throw new IllegalArgumentException("no value for parameter :" + name);
                }
                i = end;
            } else {
                jdbc.append(ch);
                i++;
            }
        }
        return jdbc.toString();
    }

    /**
     * {@code sql} as a statement over plain JDBC, its parameters bound: {@code {h-schema}} becomes {@code schema},
     * each {@code :name} outside quotes a {@code ?} (a list parameter one per value), bound in order, the same
     * values {@link #bind} gives Hibernate. For the list statement, whose rows are read without a Hibernate session.
     */
    PreparedStatement prepare(Connection connection, String sql, String schema) throws SQLException {
        List<Object> values = new ArrayList<>();
        PreparedStatement statement = connection.prepareStatement(positional(sql, schema, values));
        try {
            for (int v = 0; v < values.size(); v++) {
                Object value = values.get(v);
                // pgjdbc has no binding of its own for Instant; the offset form is the same timestamptz.
                statement.setObject(v + 1, value instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : value);
            }
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    NativeQuery<?> bind(EntityManager em, String sql) {
        NativeQuery<?> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        params.forEach(query::setParameter);
        listParams.forEach((name, values) -> query.setParameterList(name, values, String.class));
        return query;
    }
}
