package io.newsflow.ingest.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.domain.IngestChannel;
import io.newsflow.ingest.domain.Rejection;

/**
 * Counters on /q/metrics: {@code newsflow_ingest_accepted_total{channel}},
 * {@code newsflow_ingest_rejected_total{channel,reason}} and {@code newsflow_ingest_publish_retries_total}.
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(IngestChannel channel) {
        Counter.builder("newsflow.ingest.accepted")
                .description("Articles validated and published to the ingested topic")
                .tag("channel", channel.value())
                .register(registry)
                .increment();
    }

    public void rejected(IngestChannel channel, Rejection rejection) {
        Counter.builder("newsflow.ingest.rejected")
                .description("Records or envelopes rejected (Kafka: dead-lettered; HTTP: answered 4xx), by reason code")
                .tag("channel", channel.value())
                .tag("reason", rejection.code())
                .register(registry)
                .increment();
    }

    public void publishRetried() {
        Counter.builder("newsflow.ingest.publish.retries")
                .description("Publishes to Kafka retried after a transient failure")
                .register(registry)
                .increment();
    }
}
