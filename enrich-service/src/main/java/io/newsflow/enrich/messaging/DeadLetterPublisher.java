package io.newsflow.enrich.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.newsflow.contracts.DeadLetterHeaders;
import io.newsflow.enrich.config.EnrichConfig;
import io.newsflow.enrich.domain.Rejection;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends a rejected input record to the dead-letter topic: original key, value and headers byte for byte,
 * plus the {@link DeadLetterHeaders}. Waits for the broker's acknowledgement.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String CHANNEL = "articles-dlq";
    private static final int MAX_REASON_LENGTH = 1000;

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<byte[]> emitter;

    @Inject
    EnrichConfig config;

    @Inject
    Clock clock;

    public void publish(ConsumerRecord<byte[], byte[]> record, Rejection rejection) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            if (!h.key().startsWith("dlq-")) {
                headers.add(h.key(), h.value());
            }
        }
        add(headers, DeadLetterHeaders.REASON_CODE, rejection.reason().code());
        add(headers, DeadLetterHeaders.REASON, truncate(rejection.message()));
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, record.topic());
        add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(record.partition()));
        add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(record.offset()));
        add(headers, DeadLetterHeaders.TIME, clock.instant().toString());
        add(headers, DeadLetterHeaders.SERVICE, config.serviceName());
        // A tombstone (null value) cannot travel as a message payload; an empty value stands for it.
        byte[] value = record.value() == null ? new byte[0] : record.value();
        Message<byte[]> message = Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withKey(record.key()).withHeaders(headers).build());
        emitter.sendMessageAndAwait(message);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String s) {
        return s.length() <= MAX_REASON_LENGTH ? s : s.substring(0, MAX_REASON_LENGTH);
    }
}
