package io.newsflow.query.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The copies of one article: near-duplicates as a paged list, exact duplicates as aliases. */
@Schema(name = "DuplicatesPage", description = "Near-duplicates (paged) and exact duplicates of an article")
public record DuplicatesPage(
        @Schema(description = "The original article's id") String articleId,
        @Schema(description = "Near-duplicates, newest first") List<ArticleView> items,
        @Schema(description = "Cursor of the next page of near-duplicates, null on the last page", nullable = true)
        String nextCursor,
        @Schema(description = "Exact duplicates (first page only): ids and URLs under which the same content came in")
        List<ExactDuplicate> exactDuplicates) {

    /** An id (and URL) under which the same content was published again. */
    @Schema(name = "ExactDuplicate")
    public record ExactDuplicate(String id, String url, String canonicalUrl, Instant seenAt) {
    }
}
