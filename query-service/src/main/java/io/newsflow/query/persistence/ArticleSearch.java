package io.newsflow.query.persistence;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import io.newsflow.query.config.QueryConfig;
import io.newsflow.query.domain.Facet;
import io.newsflow.query.domain.PageKey;
import io.newsflow.query.domain.SearchCriteria;
import io.newsflow.query.domain.SortOrder;

/**
 * Article search in SQL. Statements are assembled only from fixed fragments; every value from the request is a
 * bound parameter (see {@link SqlFilter}). Pagination is keyset-based (no OFFSET): a page continues strictly
 * after the sort key of the previous page's last row, so rows inserted meanwhile never shift or repeat rows.
 */
@ApplicationScoped
public class ArticleSearch {

    private static final String ROW_QUERY = "websearch_to_tsquery(a.search_config, :q)";
    private static final String RANK = "ts_rank_cd(a.search_vector, " + ROW_QUERY + ")";
    /** Over the first snippetMaxChars of the text only: ts_headline's cost grows with the text it parses. */
    private static final String SNIPPET = "ts_headline(a.search_config, left(coalesce(a.text, ''), :snippetChars), "
            + ROW_QUERY + ", :headlineOptions)";

    private static final String AFTER_TIME = "(m.t, m.id) < (CAST(:afterTime AS timestamptz), :afterId)";
    private static final String AFTER_UNDATED = "(m.t = CAST('-infinity' AS timestamptz) AND m.id < :afterId)";
    private static final String AFTER_RANK = "(m.rank, m.id) < (CAST(:afterRank AS real), :afterId)";

    /** A story's size among the matches: how many articles and from how many sources. */
    private static final String STORY_COUNTS = "SELECT a.story_id, count(*), count(DISTINCT a.source)"
            + " FROM {h-schema}article a WHERE %s AND a.story_id IN (:pageStories) GROUP BY a.story_id";

    private static final String FACET_SOURCE = "SELECT a.source, count(*) FROM {h-schema}article a"
            + " WHERE %s AND a.source IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT :facetSize";
    private static final String FACET_LANG = "SELECT lower(a.language), count(*) FROM {h-schema}article a"
            + " WHERE %s AND a.language IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT :facetSize";
    private static final String FACET_DAY = "SELECT to_char(date_trunc('day', a.published_at, 'UTC')"
            + " AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*) FROM {h-schema}article a"
            + " WHERE %s AND a.published_at IS NOT NULL GROUP BY 1 ORDER BY 1 DESC LIMIT :facetSize";
    private static final String FACET_ENTITY = "SELECT ae.entity_id, count(*), min(ae.type), min(ae.name)"
            + " FROM {h-schema}article a JOIN {h-schema}article_entity ae ON ae.article_id = a.id"
            + " WHERE %s GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT :facetSize";

    private static final String HISTOGRAM = "SELECT to_char(date_trunc(:unit, a.published_at, 'UTC')"
            + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), count(*) FROM {h-schema}article a"
            + " WHERE %s AND a.published_at IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT :maxBuckets";

    /** How a collapsed article's story is represented among the matches. */
    public record StoryGroup(String storyId, int otherArticles, int sources) {
    }

    /** One row of a result page: the article, its rank (relevance sort), snippet (when searching), story group. */
    public record Hit(ArticleEntity article, Float rank, String snippet, StoryGroup story) {
    }

    /** A page of hits and whether more rows follow it. */
    public record Page(List<Hit> hits, boolean hasMore) {
    }

    /** One bucket of a facet; {@code type} and {@code name} only for entities. */
    public record FacetCount(String value, long count, String type, String name) {
    }

    /** A histogram bucket starting at {@code start} (UTC, ISO-8601). */
    public record Bucket(String start, long count) {
    }

    @Inject
    EntityManager em;

    @Inject
    QueryConfig config;

    public Page search(SearchCriteria c) {
        SqlFilter f = SqlFilter.of(c, em);
        boolean relevance = c.sort() == SortOrder.RELEVANCE;
        String timeColumn = c.sort() == SortOrder.INGESTED ? "a.sort_ingested_at" : "a.sort_published_at";
        String rowOrder = relevance ? RANK + " DESC, a.id DESC" : timeColumn + " DESC, a.id DESC";
        String pageOrder = relevance ? "m.rank DESC, m.id DESC" : "m.t DESC, m.id DESC";

        List<String> outer = new ArrayList<>();
        if (c.collapseStories()) {
            outer.add("m.rn = 1");
        }
        PageKey after = c.after();
        if (after != null) {
            f.params.put("afterId", after.id());
            if (relevance) {
                outer.add(AFTER_RANK);
                f.params.put("afterRank", after.rank());
            } else if (after.time() == null) {
                outer.add(AFTER_UNDATED);
            } else {
                outer.add(AFTER_TIME);
                f.params.put("afterTime", after.time());
            }
        }
        // The inner select is flattened by PostgreSQL when it has no window, so the sort indexes stay usable.
        String matched = "SELECT a.id, a.story_id, " + timeColumn + " AS t, "
                + (relevance ? RANK : "CAST(NULL AS real)") + " AS rank"
                + (c.collapseStories()
                        ? ", row_number() OVER (PARTITION BY coalesce(a.story_id, a.id) ORDER BY " + rowOrder + ") AS rn"
                        : "")
                + " FROM {h-schema}article a WHERE " + f.where();
        // The snippet is computed for the page's rows only, not for every match.
        String sql = "WITH page AS (SELECT m.id, m.t, m.rank FROM (" + matched + ") m"
                + (outer.isEmpty() ? "" : " WHERE " + String.join(" AND ", outer))
                + " ORDER BY " + pageOrder + " LIMIT :fetch)"
                + " SELECT m.id, m.rank, " + (c.hasQuery() ? SNIPPET : "CAST(NULL AS text)") + " AS snippet"
                + " FROM page m JOIN {h-schema}article a ON a.id = m.id ORDER BY " + pageOrder;
        if (c.hasQuery()) {
            f.params.put("headlineOptions", config.search().headlineOptions());
            f.params.put("snippetChars", config.search().snippetMaxChars());
        }
        f.params.put("fetch", c.limit() + 1);

        List<?> rows = f.bind(em, sql).getResultList();
        boolean hasMore = rows.size() > c.limit();
        List<Object[]> pageRows = new ArrayList<>();
        for (Object row : rows.subList(0, Math.min(rows.size(), c.limit()))) {
            pageRows.add((Object[]) row);
        }
        Map<String, ArticleEntity> byId = load(pageRows.stream().map(r -> (String) r[0]).toList());
        Map<String, StoryGroup> groups = c.collapseStories() ? storyGroups(c, byId.values()) : Map.of();
        List<Hit> hits = new ArrayList<>();
        for (Object[] r : pageRows) {
            ArticleEntity article = byId.get((String) r[0]);
            if (article != null) {
                StoryGroup group = null;
                if (c.collapseStories()) {
                    group = article.storyId == null ? new StoryGroup(null, 0, 1)
                            : groups.getOrDefault(article.storyId, new StoryGroup(article.storyId, 0, 1));
                }
                hits.add(new Hit(article, r[1] == null ? null : ((Number) r[1]).floatValue(), (String) r[2], group));
            }
        }
        return new Page(hits, hasMore);
    }

    /** The cursor key of a hit in the order of {@code c}. */
    public static PageKey keyOf(SearchCriteria c, Hit hit) {
        return switch (c.sort()) {
            case RELEVANCE -> PageKey.relevance(hit.rank(), hit.article().id);
            case INGESTED -> PageKey.ingested(hit.article().ingestedAt, hit.article().id);
            case PUBLISHED -> PageKey.published(hit.article().publishedAt, hit.article().id);
        };
    }

    private Map<String, StoryGroup> storyGroups(SearchCriteria c, java.util.Collection<ArticleEntity> articles) {
        Set<String> stories = new LinkedHashSet<>();
        articles.forEach(a -> {
            if (a.storyId != null) {
                stories.add(a.storyId);
            }
        });
        if (stories.isEmpty()) {
            return Map.of();
        }
        SqlFilter f = SqlFilter.of(c, em);
        f.listParams.put("pageStories", List.copyOf(stories));
        Map<String, StoryGroup> groups = new HashMap<>();
        for (Object row : f.bind(em, STORY_COUNTS.formatted(f.where())).getResultList()) {
            Object[] r = (Object[]) row;
            groups.put((String) r[0], new StoryGroup((String) r[0], ((Number) r[1]).intValue() - 1,
                    ((Number) r[2]).intValue()));
        }
        return groups;
    }

    /** Counts per requested facet over every article matching the filters (the cursor plays no part). */
    public Map<Facet, List<FacetCount>> facets(SearchCriteria c) {
        Map<Facet, List<FacetCount>> result = new EnumMap<>(Facet.class);
        for (Facet facet : c.facets()) {
            SqlFilter f = SqlFilter.of(c, em);
            String sql = switch (facet) {
                case SOURCE -> FACET_SOURCE;
                case LANG -> FACET_LANG;
                case DAY -> FACET_DAY;
                case ENTITY -> FACET_ENTITY;
            };
            f.params.put("facetSize", config.facets().size());
            List<FacetCount> counts = new ArrayList<>();
            for (Object row : f.bind(em, sql.formatted(f.where())).getResultList()) {
                Object[] r = (Object[]) row;
                counts.add(facet == Facet.ENTITY
                        ? new FacetCount((String) r[0], ((Number) r[1]).longValue(), (String) r[2], (String) r[3])
                        : new FacetCount((String) r[0], ((Number) r[1]).longValue(), null, null));
            }
            result.put(facet, counts);
        }
        return result;
    }

    /**
     * Articles per day or hour of publication (UTC) among the matches, oldest first; empty buckets are left
     * out. At most {@code maxBuckets} are returned.
     */
    public List<Bucket> histogram(SearchCriteria c, String unit, int maxBuckets) {
        SqlFilter f = SqlFilter.of(c, em);
        f.params.put("unit", unit);
        f.params.put("maxBuckets", maxBuckets);
        List<Bucket> buckets = new ArrayList<>();
        for (Object row : f.bind(em, HISTOGRAM.formatted(f.where())).getResultList()) {
            Object[] r = (Object[]) row;
            buckets.add(new Bucket((String) r[0], ((Number) r[1]).longValue()));
        }
        return buckets;
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

    /** Exact duplicates recorded for an article, oldest first. */
    public List<ArticleAliasEntity> aliasesOf(String articleId, int limit) {
        return ArticleAliasEntity.find("articleId = ?1 order by seenAt, aliasId", articleId).page(0, limit).list();
    }

    static Map<String, ArticleEntity> load(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<ArticleEntity> articles = ArticleEntity.list("id in ?1", ids);
        return articles.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
    }
}
