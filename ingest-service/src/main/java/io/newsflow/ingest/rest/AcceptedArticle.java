package io.newsflow.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One published article: its position in the request and its deterministic id. */
@Schema(description = "An article that was validated and durably published to the ingested topic")
public record AcceptedArticle(
        @Schema(description = "0-based position in the request (line number for a batch)", examples = "0") int index,
        @Schema(description = "Deterministic article id (16 hex chars)", examples = "3f2a9c1d0b7e4a65") String id) {
}
