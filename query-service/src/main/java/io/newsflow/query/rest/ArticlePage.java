package io.newsflow.query.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list. */
@Schema(name = "ArticlePage", description = "A page of articles; follow nextCursor for the next page.")
public record ArticlePage(
        List<ArticleView> items,
        @Schema(description = "Opaque cursor of the next page (pass as cursor=), null on the last page",
                nullable = true)
        String nextCursor) {
}
