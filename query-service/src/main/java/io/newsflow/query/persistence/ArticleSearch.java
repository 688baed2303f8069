package io.newsflow.query.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import io.newsflow.query.config.QueryConfig;
import io.newsflow.query.domain.PageKey;
import io.newsflow.query.domain.SearchCriteria;
import io.newsflow.query.domain.SearchLanguages;
import io.newsflow.query.domain.SortOrder;

/**
 * Article search in SQL. The statement is assembled only from the fixed fragments below; every value from the
 * request is a bound parameter. Pagination is keyset-based (no OFFSET): a page continues strictly after the
 * sort key of the previous page's last row, so rows inserted meanwhile never shift or repeat rows.
 */
@ApplicationScoped
public class ArticleSearch {

    /**
     * A query is matched per text-search configuration: each row is indexed with its language's configuration,
     * and the query must be stemmed the same way. One branch per configuration keeps the GIN index usable
     * (PostgreSQL ORs the branches' bitmap index scans).
     */
    private static final String MATCH_BRANCH = "(a.search_config = CAST('%1$s' AS regconfig)"
            + " AND a.search_vector @@ websearch_to_tsquery(CAST('%1$s' AS regconfig), :q))";
    private static final String ROW_QUERY = "websearch_to_tsquery(a.search_config, :q)";
    private static final String RANK = "ts_rank_cd(a.search_vector, " + ROW_QUERY + ")";
    private static final String SNIPPET = "ts_headline(a.search_config, coalesce(a.text, ''), " + ROW_QUERY
            + ", :headlineOptions)";

    /** Written as one id set (not ORs across tables) so that each branch uses its own index. */
    private static final String URL_MATCH = "a.id IN (SELECT u.id FROM {h-schema}article u"
            + " WHERE u.canonical_url = :canonicalUrl"
            + " UNION ALL SELECT CAST(:urlArticleId AS text)"
            + " UNION ALL SELECT al.article_id FROM {h-schema}article_alias al"
            + " WHERE al.canonical_url = :canonicalUrl OR al.alias_id = :urlArticleId)";

    private static final String AFTER_PUBLISHED = "(a.sort_published_at, a.id)"
            + " < (CAST(:afterPublishedAt AS timestamptz), :afterId)";
    private static final String AFTER_UNDATED = "(a.sort_published_at = CAST('-infinity' AS timestamptz)"
            + " AND a.id < :afterId)";
    private static final String AFTER_RANK = "(" + RANK + ", a.id) < (CAST(:afterRank AS real), :afterId)";

    private static final String ORDER_PUBLISHED = "a.sort_published_at DESC, a.id DESC";
    private static final String ORDER_RELEVANCE = "rank DESC, a.id DESC";
    private static final String PAGE_ORDER_PUBLISHED = "page.sort_published_at DESC, page.id DESC";
    private static final String PAGE_ORDER_RELEVANCE = "page.rank DESC, page.id DESC";

    /** One row of a result page: the article with its rank (relevance sort) and snippet (when searching). */
    public record Hit(ArticleEntity article, Float rank, String snippet) {
    }

    /** A page of hits and whether more rows follow it. */
    public record Page(List<Hit> hits, boolean hasMore) {
    }

    @Inject
    EntityManager em;

    @Inject
    QueryConfig config;

    public Page search(SearchCriteria c) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        Map<String, List<String>> listParams = new HashMap<>();

        if (c.hasQuery()) {
            conditions.add(SearchLanguages.configsFor(c.languages()).stream()
                    .map(MATCH_BRANCH::formatted)
                    .collect(Collectors.joining(" OR ", "(", ")")));
            params.put("q", c.query());
        }
        if (!c.sources().isEmpty()) {
            conditions.add("a.source IN (:sources)");
            listParams.put("sources", c.sources());
        }
        if (!c.languages().isEmpty()) {
            conditions.add("lower(a.language) IN (:languages)");
            listParams.put("languages", c.languages());
        }
        if (c.publishedFrom() != null) {
            conditions.add("a.published_at >= CAST(:publishedFrom AS timestamptz)");
            params.put("publishedFrom", c.publishedFrom());
        }
        if (c.publishedBefore() != null) {
            conditions.add("a.published_at < CAST(:publishedBefore AS timestamptz)");
            params.put("publishedBefore", c.publishedBefore());
        }
        if (c.canonicalUrl() != null) {
            conditions.add(URL_MATCH);
            params.put("canonicalUrl", c.canonicalUrl());
            params.put("urlArticleId", c.urlArticleId());
        }
        switch (c.duplicates()) {
            case EXCLUDE -> conditions.add("a.duplicate_of IS NULL");
            case ONLY -> conditions.add("a.duplicate_of IS NOT NULL");
            case INCLUDE -> {
                // no condition
            }
        }
        PageKey after = c.after();
        if (after != null) {
            params.put("afterId", after.id());
            if (c.sort() == SortOrder.RELEVANCE) {
                conditions.add(AFTER_RANK);
                params.put("afterRank", after.rank());
            } else if (after.publishedAt() == null) {
                conditions.add(AFTER_UNDATED);
            } else {
                conditions.add(AFTER_PUBLISHED);
                params.put("afterPublishedAt", after.publishedAt());
            }
        }

        boolean relevance = c.sort() == SortOrder.RELEVANCE;
        String order = relevance ? ORDER_RELEVANCE : ORDER_PUBLISHED;
        String where = conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
        // The snippet is computed for the page's rows only, not for every match.
        String sql = "WITH page AS (SELECT a.id, a.sort_published_at, "
                + (relevance ? RANK : "CAST(NULL AS real)") + " AS rank"
                + " FROM {h-schema}article a WHERE " + where
                + " ORDER BY " + order + " LIMIT :fetch)"
                + " SELECT page.id, page.rank, " + (c.hasQuery() ? SNIPPET : "CAST(NULL AS text)") + " AS snippet"
                + " FROM page JOIN {h-schema}article a ON a.id = page.id"
                + " ORDER BY " + (relevance ? PAGE_ORDER_RELEVANCE : PAGE_ORDER_PUBLISHED);
        if (c.hasQuery()) {
            params.put("headlineOptions", config.search().headlineOptions());
        }
        params.put("fetch", c.limit() + 1);

        NativeQuery<?> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        params.forEach(query::setParameter);
        listParams.forEach((name, values) -> query.setParameterList(name, values, String.class));

        List<?> rows = query.getResultList();
        boolean hasMore = rows.size() > c.limit();
        List<Object[]> pageRows = new ArrayList<>();
        for (Object row : rows.subList(0, Math.min(rows.size(), c.limit()))) {
            pageRows.add((Object[]) row);
        }
        Map<String, ArticleEntity> byId = load(pageRows.stream().map(r -> (String) r[0]).toList());
        List<Hit> hits = new ArrayList<>();
        for (Object[] r : pageRows) {
            ArticleEntity article = byId.get((String) r[0]);
            if (article != null) {
                hits.add(new Hit(article, r[1] == null ? null : ((Number) r[1]).floatValue(), (String) r[2]));
            }
        }
        return new Page(hits, hasMore);
    }

    /** The article with this id, or the original article when the id is an alias (exact duplicate). */
    public Optional<ArticleEntity> findByIdOrAlias(String id) {
        ArticleEntity article = ArticleEntity.findById(id);
        if (article != null) {
            return Optional.of(article);
        }
        ArticleAliasEntity alias = ArticleAliasEntity.findById(id);
        return alias == null ? Optional.empty() : ArticleEntity.<ArticleEntity>findByIdOptional(alias.articleId);
    }

    private static Map<String, ArticleEntity> load(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<ArticleEntity> articles = ArticleEntity.list("id in ?1", ids);
        return articles.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
    }
}
