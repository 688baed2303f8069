package io.newsflow.query.rest;

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

import io.newsflow.contracts.EntityTypes;
import io.newsflow.contracts.Problem;
import io.newsflow.query.domain.InvalidParametersException;
import io.newsflow.query.domain.ParameterErrors;
import io.newsflow.query.domain.SearchCriteria;
import io.newsflow.query.domain.SearchParameters;
import io.newsflow.query.domain.SearchRequestParser;
import io.newsflow.query.persistence.StoryQueries;

/** Named entities (people, organisations, places, countries) found in the stored articles. */
@Path("/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entities", description = "Who and what the articles mention")
public class EntityResource {

    private static final String LIST_EXAMPLE = """
            {"items":[{"id":"JP","type":"COUNTRY","name":"Japan","articles":1250},
            {"id":"person:fumio-kishida","type":"PERSON","name":"Fumio Kishida","articles":310}],"nextCursor":null}
            """;
    private static final String BAD_TYPE_EXAMPLE = """
            {"type":"urn:newsflow:problem:bad-parameter","title":"Invalid request parameters","status":400,
            "detail":"type: type must be one of PERSON, ORG, LOCATION, COUNTRY","instance":"/entities",
            "errors":[{"field":"type","code":"unknown-value","message":"type must be one of PERSON, ORG, LOCATION, COUNTRY"}]}
            """;
    private static final String NOT_FOUND_EXAMPLE = """
            {"type":"urn:newsflow:problem:not-found","title":"Not Found","status":404,
            "detail":"no article mentions entity nobody","instance":"/entities/nobody/articles"}
            """;
    private static final List<String> TYPES = List.of(EntityTypes.PERSON, EntityTypes.ORG, EntityTypes.LOCATION,
            EntityTypes.COUNTRY);

    @Inject
    SearchRequestParser parser;

    @Inject
    StoryQueries queries;

    @Inject
    ArticleResource articles;

    @Schema(name = "Entity", description = "An entity and how many matching articles mention it")
    public record EntityView(
            @Schema(description = "Entity id: the canonical id (ISO 3166 alpha-2 for countries) or "
                    + "<type>:<slug of the name>", examples = "JP") String id,
            @Schema(description = "PERSON, ORG, LOCATION or COUNTRY") String type,
            @Schema(description = "Canonical name") String name,
            @Schema(description = "Matching articles that mention it") long articles) {

        static EntityView of(StoryQueries.EntityCount c) {
            return new EntityView(c.id(), c.type(), c.name(), c.articles());
        }
    }

    @Schema(name = "EntityList", description = "Top entities (a ranking: nextCursor is always null)")
    public record EntityList(List<EntityView> items, @Schema(nullable = true) String nextCursor) {
    }

    @GET
    @Operation(summary = "Top entities",
            description = "The entities mentioned by the most articles matching the query, filters and date range, "
                    + "optionally of one type.")
    @APIResponse(responseCode = "200", description = "Entities, most mentioned first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntityList.class),
                    examples = @ExampleObject(name = "entities", value = LIST_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad type", value = BAD_TYPE_EXAMPLE)))
    public EntityList list(@BeanParam FilterParams filters,
            @Parameter(description = "Only this type: PERSON, ORG, LOCATION or COUNTRY",
                    schema = @Schema(enumeration = {"PERSON", "ORG", "LOCATION", "COUNTRY"}), example = "PERSON")
            @QueryParam("type") String type,
            @Parameter(description = "How many, 1..100 (default 20)", example = "10")
            @QueryParam("limit") String limit) throws InvalidParametersException {
        SearchCriteria criteria = parser.parseFilters(filters.toParameters());
        String entityType = null;
        if (type != null && !type.isBlank()) {
            entityType = type.trim().toUpperCase(Locale.ROOT);
            if (!TYPES.contains(entityType)) {
                throw SearchRequestParser.invalid("type", ParameterErrors.UNKNOWN_VALUE,
                        "type must be one of " + String.join(", ", TYPES));
            }
        }
        int size = parser.parseLimit(limit);
        return new EntityList(queries.topEntities(criteria, entityType, size).stream().map(EntityView::of).toList(),
                null);
    }

    @GET
    @Path("/{id}/articles")
    @Operation(summary = "Articles mentioning an entity",
            description = "Same as GET /articles?entity={id} (all its parameters apply), 404 when no stored "
                    + "article mentions the entity. The id may also be the canonical name.")
    @APIResponse(responseCode = "200", description = "A page of articles",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticlePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No stored article mentions this entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown entity", value = NOT_FOUND_EXAMPLE)))
    public ArticlePage articles(
            @Parameter(description = "Entity id or canonical name", example = "JP") @PathParam("id") String id,
            @BeanParam FilterParams filters,
            @Parameter(description = "published (default), relevance (needs q) or ingested", example = "published")
            @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1..100 (default 20)", example = "20")
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page", example = "eyJzIjoicHVibGlzaGVkIn0.q2w8")
            @QueryParam("cursor") String cursor) throws InvalidParametersException {
        SearchParameters p = filters.toParameters();
        List<String> entities = new java.util.ArrayList<>(p.entity());
        entities.add(0, id);
        SearchCriteria criteria = parser.parse(new SearchParameters(p.q(), p.source(), p.lang(), p.from(), p.to(),
                null, p.duplicates(), sort, limit, cursor, entities, p.story(), null, null));
        if (!queries.entityExists(id)) {
            throw new NotFoundException("no article mentions entity " + id);
        }
        return articles.page(criteria);
    }
}
