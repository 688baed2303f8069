package io.newsflow.ingest.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 202 body: everything in the request was published and acked by the broker. */
@Schema(description = "All articles of the request were published (acked by Kafka)")
public record IngestAccepted(List<AcceptedArticle> accepted) {
}
