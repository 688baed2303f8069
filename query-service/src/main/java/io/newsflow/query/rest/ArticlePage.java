package io.newsflow.query.rest;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of a list. */
@Schema(name = "ArticlePage", description = "A page of articles; follow nextCursor for the next page.")
public record ArticlePage(
        List<ArticleView> items,
        @Schema(description = "Opaque cursor of the next page (pass as cursor=), null on the last page",
                nullable = true)
        String nextCursor,
        @Schema(description = "Only when facets= was given: per facet (source, lang, entity, day) the counts over "
                + "every article matching the query and filters, largest first (day: newest first)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, List<FacetValue>> facets,
        @Schema(description = "Only when facets= was given: true when the query matches so many articles that the "
                + "counts were estimated from a sample of the store and scaled up; false when they are exact",
                nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean facetsApproximate,
        @Schema(description = "Only for sort=relevance when the query matches more articles than are ranked: "
                + "the results are the most relevant among this many newest matches (and stay so on later pages)",
                nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Integer rankedAmongNewest) {

    public ArticlePage(List<ArticleView> items, String nextCursor) {
        this(items, nextCursor, null, null, null);
    }

    /** One bucket of a facet. */
    @Schema(name = "FacetValue", description = "A facet bucket")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FacetValue(
            @Schema(description = "Source, language tag, entity id, or day (YYYY-MM-DD, UTC)") String value,
            @Schema(description = "Matching articles") long count,
            @Schema(description = "Entity facet only: the entity type") String type,
            @Schema(description = "Entity facet only: the canonical name") String name) {
    }
}
