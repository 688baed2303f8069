package io.newsflow.query.rest;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import io.newsflow.query.domain.InvalidParametersException;
import io.newsflow.query.domain.ParameterErrors;
import io.newsflow.query.domain.SearchCriteria;
import io.newsflow.query.domain.SearchRequestParser;
import io.newsflow.query.persistence.ArticleSearch;

/** Article counts over time for a query. */
@Path("/histogram")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class HistogramResource {

    private static final String EXAMPLE = """
            {"interval":"day","buckets":[{"start":"2024-05-01T00:00:00Z","count":42},
            {"start":"2024-05-02T00:00:00Z","count":17}]}
            """;
    private static final String BAD_EXAMPLE = """
            {"type":"urn:newsflow:problem:bad-parameter","title":"Invalid request parameters","status":400,
            "detail":"interval: interval must be day or hour","instance":"/histogram",
            "errors":[{"field":"interval","code":"unknown-value","message":"interval must be day or hour"}]}
            """;

    @Inject
    SearchRequestParser parser;

    @Inject
    ArticleSearch search;

    @Inject
    QueryConfig config;

    @Schema(name = "Histogram", description = "Matching articles per publication day or hour (UTC); empty buckets "
            + "are left out")
    public record Histogram(String interval, List<Bucket> buckets) {
    }

    @Schema(name = "Bucket")
    public record Bucket(@Schema(description = "Start of the bucket (UTC)") String start, long count) {
    }

    @GET
    @Operation(summary = "Articles over time",
            description = "How many articles matching the query and filters were published per day or hour (UTC), "
                    + "oldest first. Undated articles are not counted.")
    @APIResponse(responseCode = "200", description = "The histogram",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Histogram.class),
                    examples = @ExampleObject(name = "per day", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid, or the range has too many buckets",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad interval", value = BAD_EXAMPLE)))
    public Histogram histogram(@BeanParam FilterParams filters,
            @Parameter(description = "Bucket size: day (default) or hour",
                    schema = @Schema(enumeration = {"day", "hour"}, defaultValue = "day"), example = "hour")
            @QueryParam("interval") String interval) throws InvalidParametersException {
        String unit = interval == null || interval.isBlank() ? "day" : interval.trim().toLowerCase(Locale.ROOT);
        if (!unit.equals("day") && !unit.equals("hour")) {
            throw SearchRequestParser.invalid("interval", ParameterErrors.UNKNOWN_VALUE, "interval must be day or hour");
        }
        SearchCriteria criteria = parser.parseFilters(filters.toParameters());
        int max = config.histogram().maxBuckets();
        List<ArticleSearch.Bucket> buckets = search.histogram(criteria, unit, max + 1);
        if (buckets.size() > max) {
            throw SearchRequestParser.invalid("interval", ParameterErrors.OUT_OF_RANGE, "more than " + max
                    + " buckets: narrow from/to or use a coarser interval");
        }
        return new Histogram(unit, buckets.stream().map(b -> new Bucket(b.start(), b.count())).toList());
    }
}
