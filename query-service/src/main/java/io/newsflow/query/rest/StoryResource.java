package io.newsflow.query.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import io.newsflow.query.domain.InvalidCursorException;
import io.newsflow.query.domain.InvalidParametersException;
import io.newsflow.query.domain.ParameterErrors;
import io.newsflow.query.domain.SearchCriteria;
import io.newsflow.query.domain.SearchParameters;
import io.newsflow.query.domain.SearchRequestParser;
import io.newsflow.query.persistence.ArticleSearch;
import io.newsflow.query.persistence.StoryEntity;
import io.newsflow.query.persistence.StoryQueries;

/** Stories: groups of articles about the same event (storyId set by enrich-service). */
@Path("/stories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stories", description = "Articles grouped by the event they report")
public class StoryResource {

    private static final String LIST_EXAMPLE = """
            {"items":[{"id":"us-japan-taiwan-plan-2021-12","articleCount":2,"sourceCount":2,
            "firstPublishedAt":"2021-12-25T00:00:00Z","lastActivityAt":"2024-04-22T00:00:00Z",
            "updatedAt":"2024-05-01T08:31:03Z"}],"nextCursor":null}
            """;
    private static final String DETAIL_EXAMPLE = """
            {"id":"us-japan-taiwan-plan-2021-12","articleCount":2,"sourceCount":2,
            "firstPublishedAt":"2021-12-25T00:00:00Z","lastActivityAt":"2024-04-22T00:00:00Z",
            "updatedAt":"2024-05-01T08:31:03Z","articles":[{"id":"8f5ed42a42bf4c9d","title":"US-Japan draw up joint operation plan"}],
            "sources":[{"value":"seed-a.example","count":1},{"value":"seed-b.example","count":1}],
            "topEntities":[{"id":"JP","type":"COUNTRY","name":"Japan","articles":2}],
            "timeline":[{"value":"2021-12-25","count":1},{"value":"2024-04-22","count":1}]}
            """;
    private static final String BAD_REQUEST_EXAMPLE = """
            {"type":"urn:newsflow:problem:bad-parameter","title":"Invalid request parameters","status":400,
            "detail":"sort: sort must be activity or size","instance":"/stories",
            "errors":[{"field":"sort","code":"unknown-value","message":"sort must be activity or size"}]}
            """;
    private static final String NOT_FOUND_EXAMPLE = """
            {"type":"urn:newsflow:problem:not-found","title":"Not Found","status":404,
            "detail":"no story with id nope","instance":"/stories/nope"}
            """;

    @Inject
    SearchRequestParser parser;

    @Inject
    StoryQueries stories;

    @Inject
    ArticleSearch search;

    @Inject
    CursorCodec cursors;

    @Inject
    QueryConfig config;

    /** A story's aggregates. */
    @Schema(name = "Story", description = "A story: articles about the same event")
    public record StoryView(
            @Schema(description = "Story id (from enrich-service)") String id,
            @Schema(description = "Articles in the story, near-duplicates included") int articleCount,
            @Schema(description = "Distinct sources") int sourceCount,
            @Schema(description = "Earliest publication time, null if all undated") Instant firstPublishedAt,
            @Schema(description = "Newest publication time (storage time for undated articles)")
            Instant lastActivityAt,
            @Schema(description = "When an article of the story was last stored") Instant updatedAt) {

        static StoryView of(StoryEntity s) {
            return new StoryView(s.storyId, s.articleCount, s.sourceCount, s.firstPublishedAt, s.lastActivityAt,
                    s.updatedAt);
        }
    }

    @Schema(name = "StoryPage", description = "A page of stories; follow nextCursor for the next page")
    public record StoryPage(List<StoryView> items,
            @Schema(nullable = true, description = "Cursor of the next page, null on the last") String nextCursor) {
    }

    @Schema(name = "StoryDetail", description = "A story with its articles, sources, top entities and timeline")
    public record StoryDetail(String id, int articleCount, int sourceCount, Instant firstPublishedAt,
            Instant lastActivityAt, Instant updatedAt,
            @Schema(description = "Newest first, near-duplicates included (at most 50, configurable)")
            List<ArticleView> articles,
            @Schema(description = "Articles per source") List<Count> sources,
            @Schema(description = "Most mentioned entities") List<EntityResource.EntityView> topEntities,
            @Schema(description = "Articles per publication day (UTC)") List<Count> timeline) {
    }

    @Schema(name = "Count", description = "A value and how many articles have it")
    public record Count(String value, long count) {
    }

    @GET
    @Operation(summary = "List stories",
            description = "Stories with at least one article matching the filters, by latest activity (default) or "
                    + "by size. Cursor-paged.")
    @APIResponse(responseCode = "200", description = "A page of stories",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StoryPage.class),
                    examples = @ExampleObject(name = "stories", value = LIST_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad sort", value = BAD_REQUEST_EXAMPLE)))
    public StoryPage list(@BeanParam FilterParams filters,
            @Parameter(description = "activity (newest activity first, default) or size (most articles first)",
                    schema = @Schema(enumeration = {"activity", "size"}, defaultValue = "activity"),
                    example = "size")
            @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1..100 (default 20)", example = "20")
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page, with the same sort",
                    example = "eyJsIjoic3RvcmllczphY3Rpdml0eSJ9.x1")
            @QueryParam("cursor") String cursor) throws InvalidParametersException {
        SearchCriteria criteria = parser.parseFilters(filters.toParameters());
        StoryQueries.StoryOrder order = StoryQueries.StoryOrder.ACTIVITY;
        if (sort != null && !sort.isBlank()) {
            order = switch (sort.trim().toLowerCase(Locale.ROOT)) {
                case "activity" -> StoryQueries.StoryOrder.ACTIVITY;
                case "size" -> StoryQueries.StoryOrder.SIZE;
                default -> throw SearchRequestParser.invalid("sort", ParameterErrors.UNKNOWN_VALUE,
                        "sort must be activity or size");
            };
        }
        int pageSize = parser.parseLimit(limit);
        String listName = "stories:" + order.name().toLowerCase(Locale.ROOT);
        StoryQueries.StoryKey after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                List<String> values = cursors.decodeList(listName, cursor.trim());
                if (values.size() != 2) {
                    throw new InvalidCursorException("cursor is malformed");
                }
                after = new StoryQueries.StoryKey(values.get(0), values.get(1));
            } catch (InvalidCursorException e) {
                throw SearchRequestParser.invalid("cursor", ParameterErrors.BAD_CURSOR, e.getMessage());
            }
        }
        StoryQueries.StoryPage page = stories.stories(criteria, order, after, pageSize);
        String next = null;
        if (page.hasMore() && !page.stories().isEmpty()) {
            StoryEntity last = page.stories().get(page.stories().size() - 1);
            String value = order == StoryQueries.StoryOrder.SIZE ? Integer.toString(last.articleCount)
                    : last.lastActivityAt.toString();
            next = cursors.encodeList(listName, List.of(value, last.storyId));
        }
        return new StoryPage(page.stories().stream().map(StoryView::of).toList(), next);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One story",
            description = "The story's aggregates, its newest articles, articles per source, its most mentioned "
                    + "entities and its timeline (articles per day).")
    @APIResponse(responseCode = "200", description = "The story",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StoryDetail.class),
                    examples = @ExampleObject(name = "story", value = DETAIL_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The story id is too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such story",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown story", value = NOT_FOUND_EXAMPLE)))
    public StoryDetail get(
            @Parameter(description = "Story id", example = "us-japan-taiwan-plan-2021-12") @PathParam("id") String id)
            throws InvalidParametersException {
        StoryEntity story = stories.story(id).orElseThrow(() -> new NotFoundException("no story with id " + id));
        SearchCriteria articlesOfStory = parser.parse(new SearchParameters(null, null, null, null, null, null,
                "include", null, Integer.toString(config.stories().detailArticles()), null, null, List.of(id), null,
                null));
        List<ArticleView> articles = search.search(articlesOfStory).hits().stream().map(ArticleView::hit).toList();
        List<EntityResource.EntityView> entities = stories
                .topEntities(articlesOfStory, null, config.stories().detailEntities()).stream()
                .map(EntityResource.EntityView::of).toList();
        return new StoryDetail(story.storyId, story.articleCount, story.sourceCount, story.firstPublishedAt,
                story.lastActivityAt, story.updatedAt, articles,
                stories.storySources(id).stream().map(c -> new Count(c.value(), c.count())).toList(), entities,
                stories.storyTimeline(id).stream().map(c -> new Count(c.value(), c.count())).toList());
    }
}
