package io.newsflow.query.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.newsflow.query.config.QueryConfig;
import io.newsflow.query.domain.Facet;
import io.newsflow.query.domain.PageKey;
import io.newsflow.query.domain.SearchCriteria;
import io.newsflow.query.domain.SnippetBuilder;
import io.newsflow.query.domain.TextSearchLexemes;
import io.newsflow.query.domain.TsQuery;
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
    /**
     * What a shown row's snippet is built from in the service ({@link SnippetBuilder}; ts_headline here cost ~0.33 ms
     * of database CPU a row): the text's first snippetMaxChars characters, the row's text-search configuration, and
     * the query as PostgreSQL parses it for that configuration — once per configuration in the page (the first row
     * of each), so PostgreSQL stays the authority on the query's words and lexemes.
     */
    private static final String SNIPPET_SOURCE = "CASE WHEN m.n <= :shown THEN left(coalesce(a.text, ''), :snippetChars)"
            + " END AS snippet_text, CASE WHEN m.n <= :shown THEN CAST(a.search_config AS text) END AS snippet_config,"
            + " CASE WHEN m.n <= :shown AND row_number() OVER (PARTITION BY a.search_config ORDER BY m.n) = 1"
            + " THEN CAST(" + ROW_QUERY + " AS text) END AS snippet_query";
    private static final String NO_SNIPPET_SOURCE = "CAST(NULL AS text), CAST(NULL AS text), CAST(NULL AS text)";
    /** Columns before the summary's: id, rank, then {@link #SNIPPET_SOURCE}'s three. */
    private static final int SUMMARY_AT = 5;

    /** A candidate's sort time in microseconds since the epoch, null when undated (-infinity). */
    private static final String FLOOR_MICROS = "CASE WHEN c.t = CAST('-infinity' AS timestamptz) THEN NULL"
            + " ELSE CAST(extract(epoch FROM c.t) * 1000000 AS bigint) END";

    private static final String AFTER_TIME = "(m.t, m.id) < (CAST(:afterTime AS timestamptz), :afterId)";
    private static final String AFTER_UNDATED = "(m.t = CAST('-infinity' AS timestamptz) AND m.id < :afterId)";
    private static final String AFTER_RANK = "(m.rank, m.id) < (CAST(:afterRank AS real), :afterId)";

    /** A story's size among the matches: how many articles and from how many sources. */
    private static final String STORY_COUNTS = "SELECT a.story_id, count(*), count(DISTINCT a.source)"
            + " FROM {h-schema}article a WHERE %s AND a.story_id IN (:pageStories) GROUP BY a.story_id";

    /**
     * All requested facets from one pass over the matches: {@code m} holds the matched rows' facet columns (read
     * once, or from a sample; see {@link #matchRows}), each facet is a branch of
     * a UNION ALL over it, rows tagged with the facet's name.
     */
    private static final String FACET_MATCHES = "WITH m AS MATERIALIZED (%s) ";
    private static final String FACET_MATCH_ROWS = "SELECT a.id, a.source, lower(a.language) AS lang, a.published_at,"
            + " (a.entity_set).ids AS entity_ids FROM {h-schema}article a WHERE %s";
    /**
     * {@link #FACET_MATCH_ROWS} for a query that may need word positions: the sampled candidates by the relaxed
     * match (GIN-exact, no heap re-check) behind an {@code OFFSET 0} fence, the exact match checked above it — on
     * the sampled rows only. Without the fence the phrase was re-checked (TOASTed tsvector) on every row holding the
     * words before the sample filter applied: 1,970 rows for 18 kept in the probe's simple branch at 1M.
     */
    private static final String FENCED_FACET_MATCH_ROWS = "SELECT a.id, a.source, lower(a.language) AS lang,"
            + " a.published_at, (a.entity_set).ids AS entity_ids FROM (SELECT a.id, a.source, a.language,"
            + " a.published_at, a.entity_set, a.search_config, a.search_vector FROM {h-schema}article a WHERE %s"
            + " OFFSET 0) a WHERE %s";
    private static final String PROBE_ROWS = "SELECT 1 FROM {h-schema}article a WHERE %s";
    private static final String FENCED_PROBE_ROWS = "SELECT 1 FROM (SELECT a.search_config, a.search_vector"
            + " FROM {h-schema}article a WHERE %s OFFSET 0) a WHERE %s";
    private static final String FACET_SOURCE = "(SELECT 'source', m.source, count(*), NULL, NULL FROM m"
            + " WHERE m.source IS NOT NULL GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT :facetSize)";
    private static final String FACET_LANG = "(SELECT 'lang', m.lang, count(*), NULL, NULL FROM m"
            + " WHERE m.lang IS NOT NULL GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT :facetSize)";
    /** Grouped by the day's start, formatted for the returned days only (to_char per matched row cost ~7 µs). */
    private static final String FACET_DAY = "(SELECT 'day', to_char(d.day, 'YYYY-MM-DD'), d.n, NULL, NULL FROM"
            + " (SELECT date_trunc('day', m.published_at, 'UTC') AT TIME ZONE 'UTC' AS day, count(*) AS n FROM m"
            + " WHERE m.published_at IS NOT NULL GROUP BY 1 ORDER BY 1 DESC LIMIT :facetSize) d ORDER BY d.day DESC)";
    /**
     * Entity ids counted from the matched rows' own entity sets (V8, read with the row); type and name are then read
     * for the top entities only, from the entity set of the lowest article id that mentions the entity (GIN keys).
     */
    private static final String FACET_ENTITY = "(SELECT 'entity', t.entity_id, t.n, d.type, d.name FROM"
            + " (SELECT e.entity_id, count(*) AS n FROM m CROSS JOIN LATERAL unnest(m.entity_ids) AS e(entity_id)"
            + " GROUP BY 1 ORDER BY 2 DESC, e.entity_id COLLATE \"C\" LIMIT :facetSize) t CROSS JOIN LATERAL"
            + " (SELECT (s.e).types[array_position((s.e).ids, t.entity_id)] AS type,"
            + " (s.e).names[array_position((s.e).ids, t.entity_id)] AS name FROM (SELECT x.entity_set AS e"
            + " FROM {h-schema}article x WHERE (x.entity_set).keys @> ARRAY['" + EntityKeys.ID + "' || t.entity_id]"
            + " ORDER BY x.id LIMIT 1) s) d ORDER BY t.n DESC, t.entity_id COLLATE \"C\")";
    /**
     * The sample of an approximate facet: rows whose id hashes into the first {@code :sampleBuckets} of
     * {@link #SAMPLE_BUCKETS} buckets. Indexed (article_sample_bucket_idx, V5: keep the expression identical), so
     * the planner ANDs it with the match bitmap and reads only the sampled matches; the same rows for every
     * request, so approximate counts do not jitter between pages.
     */
    private static final String SAMPLE_BUCKET = "(hashtext(a.id) & 1023) < :sampleBuckets";
    /** Granularity of the facet sample (the smallest sample is 1/1024 of the matches); matches the index. */
    static final int SAMPLE_BUCKETS = 1024;
    /**
     * The table's rows as of its last VACUUM/ANALYZE (pg_class.reltuples; -1 when never, NULL when empty), without
     * counting them: counting the probe's buckets cost ~7,800 heap fetches at 1M (no index-only scan on an
     * expression index). The table's oid is read from a row, so no schema name is written here.
     */
    private static final String TABLE_ROWS = "(SELECT CAST(c.reltuples AS bigint) FROM pg_class c"
            + " WHERE c.oid = (SELECT a.tableoid FROM {h-schema}article a LIMIT 1))";
    /** Buckets counted to estimate the matches: 0.8 % of them, ±~35 % around the default 2,000 matches. */
    static final int PROBE_BUCKETS = 8;

    private static final String HISTOGRAM = "SELECT to_char(date_trunc(:unit, a.published_at, 'UTC')"
            + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), count(*) FROM {h-schema}article a"
            + " WHERE %s AND a.published_at IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT :maxBuckets";

    /** How a collapsed article's story is represented among the matches. */
    public record StoryGroup(String storyId, int otherArticles, int sources) {
    }

    /** One row of a result page: the article, its rank (relevance sort), snippet (when searching), story group. */
    public record Hit(ArticleSummary article, Float rank, String snippet, StoryGroup story) {
    }

    /**
     * A page of hits and whether more rows follow it. {@code relevanceFloor} is set when a relevance ranking was
     * limited to the newest matches (there were more): the page is ranked among those only.
     */
    public record Page(List<Hit> hits, boolean hasMore, PageKey.Floor relevanceFloor) {
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

    @Inject
    DataSource dataSource;

    /** The schema of the tables, as Hibernate's {@code {h-schema}} has it, for statements over plain JDBC. */
    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    private SnippetBuilder snippetBuilder;
    private TextSearchLexemes.StemCache stemCache;

    @PostConstruct
    void init() {
        snippetBuilder = new SnippetBuilder(SnippetBuilder.Options.parse(config.search().headlineOptions()));
        stemCache = new TextSearchLexemes.StemCache(config.search().snippetStemCacheWords());
    }

    /**
     * How a newest-first list with q finds its rows. Both give the same pages (cursors included); they differ in
     * what they read.
     */
    public enum ListPlan {
        /**
         * The plain condition in sort order: for q the planner walks the sort index and checks each walked row's
         * TOASTed tsvector, cheap while matches are dense (a page is full after a few dozen rows).
         */
        WALK,
        /**
         * Every match taken through the text index behind a fence, then sorted: cheap while matches are few (a
         * rarer term walked newest-first checked 4,193 rows to fill a page at 1M, 21,030 buffers, where its ~5,400
         * matches cost 2,846). The planner cannot make this choice itself: it charges nothing for the detoast.
         */
        MATCHES_SORTED,
        /**
         * The plain condition in time windows that grow backwards from the newest possible time (the cursor, the
         * {@code to} bound or the newest stored row), one UNION ALL branch per window, each planned on its own and
         * read newest-first up to a page; a window is read only when the newer ones did not fill the page. A narrow
         * window lets the planner AND the text index's bitmap with a short range of the source or date index and
         * fetch only that range's matches, where over the whole filter it ANDed every row of a big source (the
         * planner's flat estimate for words outside its most-common list) or walked every row of a month.
         * Only for searches bounded by a source or dates (else {@link #WALK}).
         */
        NEWEST_WINDOWS
    }

    /** A page and the facets of the same search. */
    public record PageAndFacets(Page page, Facets facets) {
    }

    public Page search(SearchCriteria c) {
        if (windowsServe(c, config.dbParallelWorkers())) {
            return search(c, ListPlan.NEWEST_WINDOWS);
        }
        if (c.collapseStories() && c.hasQuery() && c.sort() != SortOrder.RELEVANCE) {
            // A collapsed walk probes each walked match's story, so a rarer term walks long (climate at 1M: 54,000
            // buffers walked, 3,300 with its ~5,400 matches fetched and sorted); the facets' probe tells which.
            return search(c, probe(c).favoursSortedMatches(c.limit() + 1, config.search().walkedRowCost())
                    ? ListPlan.MATCHES_SORTED : ListPlan.WALK);
        }
        return search(c, ListPlan.WALK);
    }

    /**
     * True for a newest-first search whose filter the rows' time order serves from an index (a source: the
     * source-and-time index; dates: the time index): the searches {@link ListPlan#NEWEST_WINDOWS} is for. Other
     * filters (story, entity, url, duplicates of) bound the rows to few already. Never with parallel workers on the
     * connections: the plan's LIMIT over a UNION ALL is only newest-first when the Append reads its branches one
     * after the other, which a Parallel Append does not.
     */
    static boolean windowsServe(SearchCriteria c, int dbParallelWorkers) {
        return dbParallelWorkers == 0 && c.hasQuery() && c.sort() != SortOrder.RELEVANCE
                && (!c.sources().isEmpty() || c.publishedFrom() != null || c.publishedBefore() != null)
                && c.canonicalUrl() == null && c.entities().isEmpty() && c.stories().isEmpty()
                && c.duplicateOf() == null;
    }

    /**
     * The page and its facets. The facets' probe (an estimate of the matches and of the rows they are among)
     * also chooses the list's {@link ListPlan}: fetching and sorting every match when that reads fewer buffers
     * than walking newest-first until the page is full.
     */
    public PageAndFacets searchWithFacets(SearchCriteria c) {
        Probe probe = probe(c);
        boolean sortMatches = c.hasQuery() && c.sort() != SortOrder.RELEVANCE
                && probe.favoursSortedMatches(c.limit() + 1, config.search().walkedRowCost());
        return new PageAndFacets(search(c, sortMatches ? ListPlan.MATCHES_SORTED : ListPlan.WALK),
                facets(c, probe));
    }

    public Page search(SearchCriteria c, ListPlan plan) {
        SqlFilter f = SqlFilter.of(c, dataSource, schema);
        boolean relevance = c.sort() == SortOrder.RELEVANCE;
        String pageOrder = relevance ? "m.rank DESC, m.id DESC" : "m.t DESC, m.id DESC";

        List<String> outer = new ArrayList<>();
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
        List<Instant> windows = plan == ListPlan.NEWEST_WINDOWS && c.hasQuery() && !relevance ? windows(c)
                : List.of();
        for (int i = 0; i < windows.size(); i++) {
            f.params.put("window" + i, windows.get(i));
        }
        ListPlan listPlan = plan == ListPlan.NEWEST_WINDOWS ? ListPlan.WALK : plan; // without windows: the walk
        String ranked = relevance ? rankedCandidates(c, f)
                : windows.isEmpty() ? newestFirst(c, f, outer, listPlan)
                : newestInWindows(c, f, outer, windows.size());
        // The snippet's source is read for the page's rows only, not for every match, nor for the look-ahead row
        // that only tells whether more follow.
        // The collapsed walk's rows come out of its fence newest-first; sorting them again here would make
        // PostgreSQL plan the fence for every match (no LIMIT passes a sort), see newestFirst.
        boolean rankedInOrder = !relevance && windows.isEmpty() && collapsedWalk(c, f, listPlan);
        String sql = ranked + ", page AS (SELECT m.id, m.t, m.rank FROM ranked m"
                + (outer.isEmpty() ? "" : " WHERE " + String.join(" AND ", outer))
                + (rankedInOrder ? "" : " ORDER BY " + pageOrder) + " LIMIT :fetch)"
                + " SELECT m.id, m.rank, " + (c.hasQuery() ? SNIPPET_SOURCE : NO_SNIPPET_SOURCE) + ", "
                + ArticleSummary.COLUMNS
                + (relevance ? ", (SELECT count(*) FROM cand), (SELECT " + FLOOR_MICROS + " FROM cand c ORDER BY c.t,"
                        + " c.id LIMIT 1), (SELECT c.id FROM cand c ORDER BY c.t, c.id LIMIT 1)" : "")
                + " FROM (SELECT p.*, row_number() OVER (ORDER BY " + pageOrder.replace("m.", "p.") + ") AS n"
                + " FROM page p) m JOIN {h-schema}article a ON a.id = m.id ORDER BY " + pageOrder;
        if (c.hasQuery()) {
            f.params.put("snippetChars", config.search().snippetMaxChars());
            f.params.put("shown", c.limit());
        }
        f.params.put("fetch", c.limit() + 1);

        List<Object[]> rows = listRows(f, sql);
        boolean hasMore = rows.size() > c.limit();
        List<Object[]> pageRows = rows.subList(0, Math.min(rows.size(), c.limit()));
        PageKey.Floor floor = relevance && after != null ? after.floor() : null;
        // Columns: id, rank, the snippet's source, the summary, then (relevance) the candidates' count and floor.
        int relevanceColumns = SUMMARY_AT + ArticleSummary.COLUMN_COUNT;
        if (relevance && after == null && !pageRows.isEmpty() && ((Number) pageRows.get(0)[relevanceColumns])
                .longValue() >= config.search().relevanceCandidates()) {
            // The window was full: more matches exist than were ranked; later pages rank the same window.
            Object micros = pageRows.get(0)[relevanceColumns + 1];
            floor = new PageKey.Floor(micros == null ? null : Instant.EPOCH.plus(((Number) micros).longValue(),
                    ChronoUnit.MICROS), (String) pageRows.get(0)[relevanceColumns + 2]);
        }
        List<ArticleSummary> articles = pageRows.stream().map(r -> ArticleSummary.fromRow(r, SUMMARY_AT)).toList();
        List<String> snippets = c.hasQuery() ? snippets(pageRows) : null;
        Map<String, StoryGroup> groups = c.collapseStories() ? storyGroups(c, articles) : Map.of();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < pageRows.size(); i++) {
            Object[] r = pageRows.get(i);
            ArticleSummary article = articles.get(i);
            StoryGroup group = null;
            if (c.collapseStories()) {
                group = article.storyId == null ? new StoryGroup(null, 0, 1)
                        : groups.getOrDefault(article.storyId, new StoryGroup(article.storyId, 0, 1));
            }
            hits.add(new Hit(article, r[1] == null ? null : ((Number) r[1]).floatValue(),
                    snippets == null ? null : snippets.get(i), group));
        }
        return new Page(hits, hasMore, floor);
    }

    /**
     * The list statement's rows over a pooled JDBC connection, not a Hibernate native query: the same SQL and bound
     * values ({@link SqlFilter#prepare}), read as plain column values.
     */
    private List<Object[]> listRows(SqlFilter f, String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = f.prepare(connection, sql, schema);
                ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new PersistenceException("reading a search's page", e);
        }
    }

    /**
     * The page's snippets from {@link #SNIPPET_SOURCE}'s columns: each row's text with the query of its
     * configuration (written on the configuration's first row), one stemmer per configuration.
     */
    private List<String> snippets(List<Object[]> pageRows) {
        Map<String, TsQuery> queries = new HashMap<>();
        for (Object[] r : pageRows) {
            if (r[4] != null) {
                queries.put((String) r[3], TsQuery.parse((String) r[4]));
            }
        }
        Map<String, TextSearchLexemes> lexemes = new HashMap<>();
        List<String> snippets = new ArrayList<>(pageRows.size());
        for (Object[] r : pageRows) {
            String searchConfig = (String) r[3];
            snippets.add(snippetBuilder.build((String) r[2], queries.getOrDefault(searchConfig, TsQuery.EMPTY),
                    lexemes.computeIfAbsent(searchConfig, sc -> TextSearchLexemes.of(sc, stemCache))));
        }
        return snippets;
    }

    /**
     * {@code ranked(id, t, rank)} in newest-first (or last-ingested-first) order, one row per story when
     * collapsing: a row is kept when no other match of its story comes before it. That is a probe of the story's
     * few articles per row (article_story_idx), not a window over every match, so the sort index stays usable.
     * One ORed condition, not one SELECT per text-search configuration as for facets: the newest-first walk of the
     * sort index needs a single ordered scan (with a UNION ALL the planner sorts every match of a common term).
     * <p>
     * A query that may need word positions (a phrase) under a filter that bounds the rows (source, dates, …) takes
     * its candidates with the relaxed match, which GIN answers exactly, in sort order behind an {@code OFFSET 0}
     * fence, and checks the exact match (and the story probe) above the fence: only on the rows until the page is
     * full, instead of re-checking the TOASTed tsvector of every row that holds the words. The cursor
     * ({@code pageAfter}, over {@code m.t, m.id}) is repeated inside the fence, where it bounds the scan. Same rows,
     * same order. Only with such a filter: the fence sorts every candidate, because the page's outer ORDER BY stops
     * PostgreSQL from passing its LIMIT into the subquery. Without one, a phrase alone sorted all 38,120 rows
     * holding "prime" and "minister" at 1M (16,105 buffers, 536 ms with a LIMIT-bounded fence) where the plain walk
     * of the sort index stops after 125 rows (646 buffers); collapse=story of a common term behind a fence took
     * 1.7 s. Both with the page sorting again above the fence; the collapsed walk (below) does not.
     */
    private static String newestFirst(SearchCriteria c, SqlFilter f, List<String> pageAfter, ListPlan plan) {
        String column = sortColumn(c);
        String collapse = collapseCondition(c, f, column);
        String select = "WITH ranked AS NOT MATERIALIZED (SELECT a.id, a." + column + " AS t,"
                + " CAST(NULL AS real) AS rank FROM ";
        boolean sortMatches = plan == ListPlan.MATCHES_SORTED && c.hasQuery();
        String after = afterCondition(pageAfter, column);
        if (collapsedWalk(c, f, plan)) {
            // The matches in sort order behind a fence, the story probe above it: the probe runs only on the rows
            // read until the page is full. Unfenced, the planner's flat estimate for words outside its
            // most-common list made it take every match by bitmap and probe each one's story (school at 1M:
            // 220,000 buffers, 1 s; fenced, a walk of 5,300). The page above does not sort again, so PostgreSQL
            // passes its LIMIT into the fence and still chooses between walking the sort index and sorting. A
            // phrase takes the relaxed match inside (GIN answers it exactly; the exact match re-checked the TOASTed
            // tsvector of each of the 38,000 candidates of "prime minister": 194,000 buffers, relaxed 17,900).
            return select + (f.matchMayNeedPositions() ? phraseFence(f, column, after)
                    : plainFence(f, column, after, true)) + collapse + ")";
        }
        if (!sortMatches && (!f.matchMayNeedPositions() || !f.isNarrowed())) {
            return select + "{h-schema}article a WHERE " + f.where() + ")";
        }
        if (sortMatches && !f.matchMayNeedPositions()) {
            // Every match behind the fence: the planner takes them through the text index (bitmap) instead of
            // walking the sort index; the page's ORDER BY ... LIMIT then sorts them (top-N). Collapsed, they are
            // sorted inside the fence, so that the story probe above it runs only until the page is full.
            return select + plainFence(f, column, after, !collapse.isEmpty()) + collapse + ")";
        }
        return select + phraseFence(f, column, after) + collapse + ")";
    }

    /**
     * True when {@link #newestFirst} takes the collapsed walk: collapse=story over the plain newest-first walk
     * (not the sorted matches, nor a phrase under a bounding filter, which have fences of their own).
     */
    private static boolean collapsedWalk(SearchCriteria c, SqlFilter f, ListPlan plan) {
        return c.collapseStories() && !(plan == ListPlan.MATCHES_SORTED && c.hasQuery())
                && (!f.matchMayNeedPositions() || !f.isNarrowed());
    }

    /**
     * The rows {@code a} of a match that may need word positions, taken behind an {@code OFFSET 0} fence: the
     * relaxed match (which GIN answers exactly) and {@code bounds} in newest-first order inside, the exact match
     * checked above it, only on the rows read until the page is full.
     */
    private static String phraseFence(SqlFilter f, String column, String bounds) {
        return "(SELECT a.id, a.story_id, a." + column + ", a.search_config, a.search_vector"
                + " FROM {h-schema}article a WHERE " + f.whereRelaxed() + bounds + newestOrder(column)
                + " OFFSET 0) a WHERE " + f.match();
    }

    /**
     * The rows {@code a} of the plain match and {@code bounds} behind an {@code OFFSET 0} fence, in newest-first
     * order when {@code ordered} (else the page's ORDER BY sorts them).
     */
    private static String plainFence(SqlFilter f, String column, String bounds, boolean ordered) {
        return "(SELECT a.id, a.story_id, a." + column + " FROM {h-schema}article a WHERE " + f.where() + bounds
                + (ordered ? newestOrder(column) : "") + " OFFSET 0) a WHERE TRUE";
    }

    /** Newest first by {@code column}, ties by id: the order of every newest-first page (the page's m.t, m.id). */
    private static String newestOrder(String column) {
        return " ORDER BY a." + column + " DESC, a.id DESC";
    }

    /** The article column of {@code c}'s time order. */
    private static String sortColumn(SearchCriteria c) {
        return c.sort() == SortOrder.INGESTED ? "sort_ingested_at" : "sort_published_at";
    }

    /** For collapse=story: the row is kept when no other match of its story comes before it (else empty). */
    private static String collapseCondition(SearchCriteria c, SqlFilter f, String column) {
        if (!c.collapseStories()) {
            return "";
        }
        return " AND (a.story_id IS NULL OR NOT EXISTS (SELECT 1 FROM {h-schema}article b"
                + " WHERE b.story_id = a.story_id AND (b.%1$s, b.id) > (a.%1$s, a.id) AND %2$s))"
                .formatted(column, f.where("b"));
    }

    /** The page's cursor conditions (over {@code m.t, m.id}) over the article's own columns, each ANDed. */
    private static String afterCondition(List<String> pageAfter, String column) {
        return pageAfter.stream().map(p -> " AND " + p.replace("m.t", "a." + column).replace("m.id", "a.id"))
                .collect(Collectors.joining());
    }

    /**
     * {@code ranked(id, t, rank)} as {@link #newestFirst} gives it, from {@code windows + 1} UNION ALL branches: rows
     * at or after {@code :window0}, then those before {@code :window0} and at or after {@code :window1}, ..., then
     * every row before the last bound. The windows are disjoint and in descending time order, each branch is sorted
     * newest-first and limited to a page, so their concatenation is the newest-first order and the LIMIT above them
     * stops once the page is full: PostgreSQL's Append runs its branches one after the other (no parallel workers
     * on the service's connections) and starts a branch only when the one before it is exhausted. The cursor and
     * (for phrases) the fence of {@link #newestFirst} apply inside each branch.
     */
    private static String newestInWindows(SearchCriteria c, SqlFilter f, List<String> pageAfter, int windows) {
        String column = sortColumn(c);
        String collapse = collapseCondition(c, f, column);
        String after = afterCondition(pageAfter, column);
        List<String> branches = new ArrayList<>();
        for (int i = 0; i <= windows; i++) {
            String window = (i < windows ? " AND a." + column + " >= CAST(:window" + i + " AS timestamptz)" : "")
                    + (i > 0 ? " AND a." + column + " < CAST(:window" + (i - 1) + " AS timestamptz)" : "");
            String rows = f.matchMayNeedPositions() ? phraseFence(f, column, after + window)
                    : "{h-schema}article a WHERE " + f.where() + after + window;
            branches.add("(SELECT a.id, a." + column + " AS t, CAST(NULL AS real) AS rank FROM " + rows + collapse
                    + newestOrder(column) + " LIMIT :fetch)");
        }
        return "WITH ranked AS NOT MATERIALIZED (SELECT w.id, w.t, w.rank FROM (" + String.join(" UNION ALL ", branches)
                + ") w LIMIT :fetch)";
    }

    /** The newest stored sort time in {@code column}, or null when no row has one. */
    private static final String NEWEST = "SELECT CAST(extract(epoch FROM n.t) * 1000000 AS bigint) FROM"
            + " (SELECT max(a.%s) AS t FROM {h-schema}article a) n WHERE n.t > CAST('-infinity' AS timestamptz)";

    /**
     * The lower bounds of {@link ListPlan#NEWEST_WINDOWS}' windows for {@code c}, newest first; empty when the
     * windows cannot help (a cursor among the undated rows, no dated row).
     */
    private List<Instant> windows(SearchCriteria c) {
        Instant upper;
        if (c.after() != null) {
            upper = c.after().time();
        } else {
            upper = newest(sortColumn(c));
            if (upper != null && c.sort() == SortOrder.PUBLISHED && c.publishedBefore() != null
                    && c.publishedBefore().isBefore(upper)) {
                upper = c.publishedBefore();
            }
        }
        QueryConfig.Search s = config.search();
        return windowBounds(upper, c.sort() == SortOrder.PUBLISHED ? c.publishedFrom() : null, s.firstWindow(),
                s.windowGrowth(), s.maxWindows());
    }

    /** The newest sort time per sort column, and when it was read ({@link System#nanoTime()}). */
    private record NewestTime(Instant time, long readAt) {
    }

    private final Map<String, NewestTime> newestTimes = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The newest stored time in {@code column} (null: no dated row), read at most once per
     * {@code window-anchor-max-age}: a stale value is still correct, as the first window has no upper bound (rows
     * stored since fall into it), it only holds more rows.
     */
    private Instant newest(String column) {
        long now = System.nanoTime();
        NewestTime known = newestTimes.get(column);
        if (known != null && now - known.readAt() < config.search().windowAnchorMaxAge().toNanos()) {
            return known.time();
        }
        List<?> rows = em.createNativeQuery(NEWEST.formatted(column)).getResultList();
        Instant time = rows.isEmpty() || rows.get(0) == null ? null
                : Instant.EPOCH.plus(((Number) rows.get(0)).longValue(), ChronoUnit.MICROS);
        newestTimes.put(column, new NewestTime(time, now));
        return time;
    }

    /** Longest window considered: beyond it every row is in the last window anyway. */
    private static final java.time.Duration LONGEST_WINDOW = java.time.Duration.ofDays(366L * 1000);

    /**
     * Lower bounds {@code upper - first}, {@code upper - first * growth}, ... (at most {@code maxWindows - 1} of
     * them: the last window is unbounded below), stopping before a bound at or below {@code floor} (the rows below
     * it are filtered out anyway). Empty without an {@code upper} time.
     */
    static List<Instant> windowBounds(Instant upper, Instant floor, java.time.Duration first, int growth,
            int maxWindows) {
        List<Instant> bounds = new ArrayList<>();
        if (upper == null || first.isZero() || first.isNegative()) {
            return bounds;
        }
        int factor = Math.max(2, growth);
        java.time.Duration width = first;
        for (int i = 1; i < maxWindows && width.compareTo(LONGEST_WINDOW) <= 0; i++) {
            Instant bound = upper.minus(width);
            if (floor != null && !bound.isAfter(floor)) {
                break;
            }
            bounds.add(bound);
            if (width.compareTo(LONGEST_WINDOW.dividedBy(factor)) > 0) {
                break;
            }
            width = width.multipliedBy(factor);
        }
        return bounds;
    }

    /**
     * {@code cand}: the matches ranked for relevance — the newest {@code relevanceCandidates} of them on a first
     * page, or those at or above the cursor's floor on later pages — and {@code ranked(id, t, rank)} over them.
     * Ranking every match of a common term would read every matching row's tsvector; the newest-first walk
     * reads only the window.
     */
    private String rankedCandidates(SearchCriteria c, SqlFilter f) {
        PageKey after = c.after();
        String bound = "";
        String limit = "";
        if (after == null) {
            limit = " LIMIT :candidates";
            f.params.put("candidates", config.search().relevanceCandidates());
        } else if (after.floor() != null) {
            f.params.put("floorId", after.floor().id());
            if (after.floor().time() == null) {
                bound = " AND (a.sort_published_at > CAST('-infinity' AS timestamptz) OR a.id >= :floorId)";
            } else {
                bound = " AND (a.sort_published_at, a.id) >= (CAST(:floorTime AS timestamptz), :floorId)";
                f.params.put("floorTime", after.floor().time());
            }
        }
        return "WITH cand AS (SELECT a.id, a.story_id, a.sort_published_at AS t FROM {h-schema}article a WHERE "
                + f.where() + bound + " ORDER BY a.sort_published_at DESC, a.id DESC" + limit + "),"
                + " scored AS (SELECT c.id, c.t, " + RANK + " AS rank"
                + (c.collapseStories() ? ", row_number() OVER (PARTITION BY coalesce(c.story_id, c.id) ORDER BY "
                        + RANK + " DESC, c.id DESC) AS rn" : "")
                + " FROM cand c JOIN {h-schema}article a ON a.id = c.id),"
                + " ranked AS (SELECT s.id, s.t, s.rank FROM scored s" + (c.collapseStories() ? " WHERE s.rn = 1" : "")
                + ")";
    }

    /** The cursor key of a hit of {@code page} in the order of {@code c}. */
    public static PageKey keyOf(SearchCriteria c, Page page, Hit hit) {
        return switch (c.sort()) {
            case RELEVANCE -> PageKey.relevance(hit.rank(), hit.article().id, page.relevanceFloor());
            case INGESTED -> PageKey.ingested(hit.article().ingestedAt, hit.article().id);
            case PUBLISHED -> PageKey.published(hit.article().publishedAt, hit.article().id);
        };
    }

    private Map<String, StoryGroup> storyGroups(SearchCriteria c, java.util.Collection<ArticleSummary> articles) {
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

    /**
     * Counts per requested facet over the articles matching the filters (the cursor plays no part), and whether
     * they are estimates: when the probe's estimate of the matches is above {@code exactMaxMatches}, each facet
     * is counted on a hash sample of about {@code sampleRows} of the matches and scaled up (counting every match of
     * a common term reads every matching row) — unless the sample would cost more than counting every match
     * ({@link #sampleCheaper}).
     */
    private Facets facets(SearchCriteria c, Probe probe) {
        QueryConfig.Facets settings = config.facets();
        int sample = sampleBuckets(probe.matches(), settings.exactMaxMatches(), settings.sampleRows());
        int buckets = sampleCheaper(probe, sample, settings.sampleEntryCost()) ? sample : SAMPLE_BUCKETS;
        boolean sampled = buckets < SAMPLE_BUCKETS;
        double scale = (double) SAMPLE_BUCKETS / buckets;
        List<String> branches = new ArrayList<>();
        for (Facet facet : c.facets()) {
            branches.add(switch (facet) {
                case SOURCE -> FACET_SOURCE;
                case LANG -> FACET_LANG;
                case DAY -> FACET_DAY;
                case ENTITY -> FACET_ENTITY;
            });
        }
        SqlFilter f = SqlFilter.of(c, em);
        String rows = matchRows(f, FACET_MATCH_ROWS, FENCED_FACET_MATCH_ROWS, sampled ? SAMPLE_BUCKET : null);
        if (sampled) {
            f.params.put("sampleBuckets", buckets);
        }
        f.params.put("facetSize", settings.size());
        String sql = FACET_MATCHES.formatted(rows) + String.join(" UNION ALL ", branches);
        Map<Facet, List<FacetCount>> result = new EnumMap<>(Facet.class);
        c.facets().forEach(facet -> result.put(facet, new ArrayList<>()));
        for (Object row : f.bind(em, sql).getResultList()) {
            Object[] r = (Object[]) row;
            Facet facet = Facet.fromParameter((String) r[0]).orElseThrow();
            result.get(facet).add(new FacetCount((String) r[1], Math.round(((Number) r[2]).longValue() * scale),
                    (String) r[3], (String) r[4]));
        }
        return new Facets(result, sampled);
    }

    /**
     * The number of matches, estimated from the first {@link #PROBE_BUCKETS} hash buckets (a count over the match
     * bitmap ANDed with the sample index; all-visible pages are not even read), and the table's rows as the
     * planner's statistics have them ({@link #TABLE_ROWS}). The planner's own estimate was 14x low for a phrase
     * at 1M rows (2,708 for 38,120), which made the "sample" read most matches. A probe that finds nothing says
     * "fewer than one bucket's worth", not zero.
     */
    private Probe probe(SearchCriteria c) {
        SqlFilter f = SqlFilter.of(c, em);
        String rows = matchRows(f, PROBE_ROWS, FENCED_PROBE_ROWS, SAMPLE_BUCKET);
        f.params.put("sampleBuckets", PROBE_BUCKETS);
        Object[] counts = (Object[]) f.bind(em, "SELECT (SELECT count(*) FROM (" + rows
                + ") p), " + TABLE_ROWS).getSingleResult();
        return new Probe(Math.max(1, ((Number) counts[0]).longValue()) * SAMPLE_BUCKETS / PROBE_BUCKETS,
                counts[1] == null ? 1 : Math.max(1, ((Number) counts[1]).longValue()));
    }

    /** Estimated matches of a search (from the probe's hash buckets) and rows of the table (its statistics). */
    record Probe(long matches, long rows) {

        /**
         * True when fetching every match (~1 buffer each) reads less than walking newest-first until
         * {@code fetch} matches are found: about {@code fetch * rows / matches} walked rows at
         * {@code walkedRowCost} buffers each. The rows are the whole table's (an upper bound for a filtered
         * search, which errs towards fetching the matches; those are then fewer too).
         */
        boolean favoursSortedMatches(int fetch, int walkedRowCost) {
            return (double) matches * matches < (double) walkedRowCost * fetch * rows;
        }
    }

    /**
     * The matched rows as one SELECT: {@code plain} formatted with the conditions (plus {@code sample} when given),
     * or for a query that may need word positions {@code fenced}, formatted with the relaxed conditions (plus
     * {@code sample}) and the exact match, so that the match is re-checked on sampled rows only. One SELECT with
     * the ORed match, not one per text-search configuration: the planner ANDs the sample index's bitmap once with
     * the ORed text indexes' bitmaps. Per configuration, the sample index was read once each (27,000 entries twice
     * for a common term at 1M), and the simple configuration's branch of a phrase, estimated at 15 rows for 1,970,
     * skipped it and read all 1,888 candidates' heap pages to keep 94 (no tsvector is re-checked in the bitmap heap
     * scan either way since V6's partial indexes).
     */
    private static String matchRows(SqlFilter f, String plain, String fenced, String sample) {
        String andSample = sample == null ? "" : " AND " + sample;
        return f.matchMayNeedPositions() ? fenced.formatted(f.whereRelaxed() + andSample, f.match())
                : plain.formatted(f.where() + andSample);
    }

    /**
     * True when counting the matches in {@code buckets} of the {@link #SAMPLE_BUCKETS} hash buckets costs less than
     * counting every match: the sample reads its buckets' entries of the sample index over the whole table (its
     * share of the table's rows, at {@code entryCost} a match each) and counts its share of the matches. A rarer term
     * needs more buckets for the same sample size, so its sample reads more entries: at 1M rows "climate" (~5,500
     * matches, 365 buckets) read 355,000 entries, 42 ms of backend CPU, against 26 ms counting every match.
     */
    static boolean sampleCheaper(Probe probe, int buckets, double entryCost) {
        if (buckets >= SAMPLE_BUCKETS) {
            return false;
        }
        double share = (double) buckets / SAMPLE_BUCKETS;
        return share * (probe.rows() * entryCost + probe.matches()) < probe.matches();
    }

    /**
     * How many of the {@link #SAMPLE_BUCKETS} hash buckets to count for an estimated {@code matches}: all of them
     * (exact) up to {@code exactMaxMatches}, else enough for about {@code sampleRows} matches, at least one.
     */
    static int sampleBuckets(long matches, long exactMaxMatches, long sampleRows) {
        if (matches <= exactMaxMatches) {
            return SAMPLE_BUCKETS;
        }
        double buckets = Math.ceil((double) SAMPLE_BUCKETS * sampleRows / matches);
        return (int) Math.max(1, Math.min(SAMPLE_BUCKETS, buckets));
    }

    /** Facet counts; {@code approximate} when they were scaled up from a sample. */
    public record Facets(Map<Facet, List<FacetCount>> counts, boolean approximate) {
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

    /**
     * The article with this id, or the original article when the id is an alias (exact duplicate), with its text
     * and provenance: one statement (two for an alias) over plain JDBC, no Hibernate session.
     */
    public Optional<ArticleDetail> detailByIdOrAlias(String id) {
        try {
            return ArticleDetail.findByIdOrAlias(dataSource, schema, id);
        } catch (SQLException e) {
            throw new PersistenceException("reading article " + id, e);
        }
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
}
