package io.newsflow.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Tunables of ingest-service ({@code newsflow.ingest.*}); defaults live in application.properties. */
@ConfigMapping(prefix = "newsflow.ingest")
public interface IngestConfig {

    /** Largest accepted article content, in UTF-8 bytes (env NEWSFLOW_MAX_CONTENT_BYTES). */
    long maxContentBytes();

    /** Largest accepted HTTP request body, single or batch, in bytes (env NEWSFLOW_MAX_BATCH_BYTES). */
    long maxBatchBytes();

    /** Most envelopes in one NDJSON batch (env NEWSFLOW_MAX_BATCH_ITEMS). */
    int maxBatchItems();

    /** How many articles of one batch are in flight to Kafka at once. */
    int publishConcurrency();

    /** How long one publish may wait for the broker's ack before it counts as failed. */
    Duration publishTimeout();

    /** Backoff between retries of a publish that failed for a transient reason (broker unreachable). */
    Retry retry();

    /** Name written into the dlq-service header. */
    String serviceName();

    interface Retry {
        Duration initialBackoff();

        Duration maxBackoff();
    }
}
