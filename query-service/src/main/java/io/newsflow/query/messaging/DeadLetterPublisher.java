package io.newsflow.query.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.newsflow.contracts.DeadLetterHeaders;
import io.newsflow.contracts.ReasonCode;
import io.newsflow.query.config.QueryConfig;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes a rejected record to the dead-letter topic: original key and value, reason in headers. */
@ApplicationScoped
public class DeadLetterPublisher {

    static final String CHANNEL = "dead-letters";

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<byte[]> emitter;

    @Inject
    QueryConfig config;

    @Inject
    ConsumerMetrics metrics;

    @Inject
    Clock clock;

    /** Blocks until the broker has acknowledged the dead letter, so the input may be acked afterwards. */
    public void publish(SourceRecord source, ReasonCode reason, String message) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, DeadLetterHeaders.REASON_CODE, reason.code());
        header(headers, DeadLetterHeaders.REASON, message);
        header(headers, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
        header(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(source.partition()));
        header(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
        header(headers, DeadLetterHeaders.TIME, Instant.now(clock).toString());
        header(headers, DeadLetterHeaders.SERVICE, config.serviceName());
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(source.key())
                .withHeaders(headers)
                .build();
        // A tombstone (null value) is dead-lettered as an empty value: a message payload cannot be null.
        byte[] value = source.value() == null ? new byte[0] : source.value();
        emitter.sendMessageAndAwait(Message.of(value).addMetadata(metadata));
        metrics.deadLettered(reason);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }

    /** Where a record came from, and its original key and value. */
    public record SourceRecord(String topic, int partition, long offset, String key, byte[] value) {
    }
}
