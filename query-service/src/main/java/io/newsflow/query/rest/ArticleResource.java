package io.newsflow.query.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.newsflow.contracts.Problem;
import io.newsflow.query.config.QueryConfig;
import io.newsflow.query.domain.CursorCodec;
import io.newsflow.query.domain.InvalidParametersException;
import io.newsflow.query.domain.Facet;
import io.newsflow.query.domain.SearchCriteria;
import io.newsflow.query.domain.SearchParameters;
import io.newsflow.query.domain.SearchRequestParser;
import io.newsflow.query.persistence.ArticleEntity;
import io.newsflow.query.persistence.ArticleSearch;

/** Search and retrieval of stored articles. */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Search, filter and fetch stored articles")
public class ArticleResource {

    private static final String PAGE_EXAMPLE = """
            {"items":[{"id":"3f1c0a9b7d2e4c11","url":"https://www.example.com/news/quake?utm_source=rss",
            "canonicalUrl":"https://example.com/news/quake","source":"example.com",
            "title":"Strong earthquake hits coastal region","authors":["Jane Doe"],
            "publishedAt":"2024-05-01T08:30:00Z","publishedAtSource":"json-ld","language":"en",
            "languageConfidence":0.99,"lede":"A strong earthquake struck the coast early on Wednesday.",
            "wordCount":412,"readingTimeMinutes":2,
            "entities":[{"type":"COUNTRY","name":"Japan","canonicalId":"JP","mentions":3}],
            "keywords":[{"term":"earthquake","weight":0.82}],"contentHash":"9b1d...","duplicateOf":null,
            "duplicateKind":null,"similarity":null,"storyId":"s-5e0c2f","version":1,
            "ingestedAt":"2024-05-01T08:31:02Z","enrichedAt":"2024-05-01T08:31:03Z",
            "storedAt":"2024-05-01T08:31:03Z","pipelineVersion":"1",
            "snippet":"A strong <mark>earthquake</mark> struck the coast"}],
            "nextCursor":"eyJzIjoicHVibGlzaGVkIiwicCI6IjIwMjQtMDUtMDFUMDg6MzA6MDBaIiwiaSI6IjNmMWMwYTliN2QyZTRjMTEifQ.q2w8...",
            "facets":{"source":[{"value":"example.com","count":12}],"lang":[{"value":"en","count":12}],
            "entity":[{"value":"JP","count":9,"type":"COUNTRY","name":"Japan"}],"day":[{"value":"2024-05-01","count":7}]}}
            """;
    private static final String BAD_REQUEST_EXAMPLE = """
            {"type":"urn:newsflow:problem:bad-parameter","title":"Invalid request parameters","status":400,
            "detail":"limit: limit must be between 1 and 100","instance":"/articles",
            "errors":[{"field":"limit","code":"out-of-range","message":"limit must be between 1 and 100"}]}
            """;
    private static final String DUPLICATES_EXAMPLE = """
            {"articleId":"3f1c0a9b7d2e4c11","items":[{"id":"77aa01c2d3e4f5a6","source":"wire.example",
            "title":"Strong earthquake hits coastal region","duplicateOf":"3f1c0a9b7d2e4c11","duplicateKind":"near",
            "similarity":0.93,"storyId":"s-5e0c2f","version":1}],"nextCursor":null,
            "exactDuplicates":[{"id":"9c0d11aa22bb33cc","url":"https://mirror.example.net/quake",
            "canonicalUrl":"https://mirror.example.net/quake","seenAt":"2024-05-01T08:35:00Z"}]}
            """;
    private static final String NOT_FOUND_EXAMPLE = """
            {"type":"urn:newsflow:problem:not-found","title":"Not Found","status":404,
            "detail":"no article with id 0000000000000000","instance":"/articles/0000000000000000"}
            """;

    @Inject
    SearchRequestParser parser;

    @Inject
    ArticleSearch search;

    @Inject
    CursorCodec cursors;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Search and list articles",
            description = "Full-text search (PostgreSQL websearch syntax: \"quoted phrase\", OR, -exclusion) with "
                    + "filters, newest first or by relevance. Pagination is by opaque cursor and stays stable "
                    + "while new articles arrive: follow nextCursor until it is null.")
    @APIResponse(responseCode = "200", description = "A page of articles",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticlePage.class),
                    examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors name each one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad limit", value = BAD_REQUEST_EXAMPLE)))
    public ArticlePage list(
            @Parameter(description = "Full-text query in web-search syntax: words (all must match), "
                    + "\"quoted phrases\", OR, and -word to exclude. Title matches rank above body matches. "
                    + "At most 500 characters (configurable).",
                    example = "earthquake \"tsunami warning\" -drill")
            @QueryParam("q") String q,
            @Parameter(description = "Keep only these sources (repeatable)", example = "reuters.com")
            @QueryParam("source") List<String> source,
            @Parameter(description = "Keep only these languages, BCP-47 tags (repeatable)", example = "en")
            @QueryParam("lang") List<String> lang,
            @Parameter(description = "Published on or after: ISO date (UTC day) or date-time",
                    example = "2024-05-01")
            @QueryParam("from") String from,
            @Parameter(description = "Published on or before: ISO date (the whole UTC day) or date-time",
                    example = "2024-05-31T23:59:59Z")
            @QueryParam("to") String to,
            @Parameter(description = "Find the article published under this URL (canonicalised; also finds "
                    + "exact duplicates' URLs). Implies duplicates=include unless duplicates is given.",
                    example = "https://www.example.com/news/quake?utm_source=rss")
            @QueryParam("url") String url,
            @Parameter(description = "Near-duplicates: exclude (default), include, or only",
                    schema = @Schema(enumeration = {"exclude", "include", "only"}, defaultValue = "exclude"),
                    example = "include")
            @QueryParam("duplicates") String duplicates,
            @Parameter(description = "Order: published (newest first, default), relevance (needs q) or ingested "
                    + "(most recently ingested first)",
                    schema = @Schema(enumeration = {"published", "relevance", "ingested"},
                            defaultValue = "published"),
                    example = "relevance")
            @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1..100 (default 20)",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
                            minimum = "1", maximum = "100", defaultValue = "20"),
                    example = "50")
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page, with the same sort",
                    example = "eyJzIjoicHVibGlzaGVkIiwicCI6IjIwMjQtMDUtMDFUMDg6MzA6MDBaIiwiaSI6IjNmMWMwYTliN2QyZTRjMTEifQ.q2w8")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Keep only articles mentioning this entity, by entity id (GET /entities) or "
                    + "canonical name, case-insensitive (repeatable: all must be mentioned)", example = "JP")
            @QueryParam("entity") List<String> entity,
            @Parameter(description = "Keep only articles of these stories (repeatable)",
                    example = "us-japan-taiwan-plan-2021-12")
            @QueryParam("story") List<String> story,
            @Parameter(description = "story: one article per story (the first in the chosen order), with how many "
                    + "other matching articles the story has and from how many sources",
                    schema = @Schema(enumeration = {"story"}), example = "story")
            @QueryParam("collapse") String collapse,
            @Parameter(description = "Comma-separated (or repeated) facets to count over every match: source, "
                    + "lang, entity, day", example = "source,lang,entity,day")
            @QueryParam("facets") List<String> facets) throws InvalidParametersException {
        SearchCriteria criteria = parser.parse(new SearchParameters(q, source, lang, from, to, url, duplicates, sort,
                limit, cursor, entity, story, collapse, facets));
        return page(criteria);
    }

    /** A page of the search, with its next cursor and the requested facets. */
    public ArticlePage page(SearchCriteria criteria) {
        ArticleSearch.PageAndFacets found = criteria.facets().isEmpty()
                ? new ArticleSearch.PageAndFacets(search.search(criteria), null) : search.searchWithFacets(criteria);
        ArticleSearch.Page page = found.page();
        List<ArticleView> items = page.hits().stream().map(ArticleView::hit).toList();
        String nextCursor = null;
        if (page.hasMore() && !page.hits().isEmpty()) {
            nextCursor = cursors.encode(
                    ArticleSearch.keyOf(criteria, page, page.hits().get(page.hits().size() - 1)));
        }
        Map<String, List<ArticlePage.FacetValue>> facets = null;
        Boolean facetsApproximate = null;
        if (!criteria.facets().isEmpty()) {
            facets = new LinkedHashMap<>();
            ArticleSearch.Facets counted = found.facets();
            for (Map.Entry<Facet, List<ArticleSearch.FacetCount>> e : counted.counts().entrySet()) {
                facets.put(e.getKey().parameterValue(), e.getValue().stream()
                        .map(c -> new ArticlePage.FacetValue(c.value(), c.count(), c.type(), c.name())).toList());
            }
            facetsApproximate = counted.approximate();
        }
        Integer rankedAmong = page.relevanceFloor() == null ? null : config.search().relevanceCandidates();
        return new ArticlePage(items, nextCursor, facets, facetsApproximate, rankedAmong);
    }

    @GET
    @Path("/{id}/duplicates")
    @Operation(summary = "Copies of an article",
            description = "Near-duplicates (stored articles whose duplicateOf is this article: syndicated copies, "
                    + "small edits), newest first and cursor-paged, plus the exact duplicates recorded as aliases "
                    + "(same content under another id or URL).")
    @APIResponse(responseCode = "200", description = "The article's copies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DuplicatesPage.class),
                    examples = @ExampleObject(name = "copies", value = DUPLICATES_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad limit", value = BAD_REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No article or alias with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = NOT_FOUND_EXAMPLE)))
    public DuplicatesPage duplicates(
            @Parameter(description = "Article id (an alias id resolves to its original)", example = "3f1c0a9b7d2e4c11")
            @PathParam("id") String id,
            @Parameter(description = "Page size of the near-duplicates, 1..100 (default 20)", example = "20")
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page", example = "eyJzIjoicHVibGlzaGVkIn0.q2w8")
            @QueryParam("cursor") String cursor) throws InvalidParametersException {
        SearchCriteria criteria = parser.parse(new SearchParameters(null, null, null, null, null, null, null, null,
                limit, cursor));
        ArticleEntity original = search.findByIdOrAlias(id)
                .orElseThrow(() -> new NotFoundException("no article with id " + id));
        ArticlePage near = page(criteria.duplicatesOf(original.id));
        List<DuplicatesPage.ExactDuplicate> exact = criteria.after() != null ? List.of()
                : search.aliasesOf(original.id, criteria.limit()).stream()
                        .map(al -> new DuplicatesPage.ExactDuplicate(al.aliasId, al.url, al.canonicalUrl, al.seenAt))
                        .toList();
        return new DuplicatesPage(original.id, near.items(), near.nextCursor(), exact);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Fetch one article with its text",
            description = "The id of an exact duplicate (an alias) returns the original article.")
    @APIResponse(responseCode = "200", description = "The article, including text",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No article or alias with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = NOT_FOUND_EXAMPLE)))
    public ArticleView get(
            @Parameter(description = "Article id, or the id of an exact duplicate", example = "3f1c0a9b7d2e4c11")
            @PathParam("id") String id) {
        return search.detailByIdOrAlias(id).map(ArticleView::detail)
                .orElseThrow(() -> new NotFoundException("no article with id " + id));
    }
}
