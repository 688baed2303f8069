package io.newsflow.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.newsflow.contracts.DeadLetterHeaders;
import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.domain.Rejection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Writes a rejected input record to the DLQ topic byte for byte (key, value, original headers) plus the
 * {@link DeadLetterHeaders}; the Uni completes when the broker acked.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    @Channel("dead-letters")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<byte[]> emitter;

    private final IngestConfig config;

    public DeadLetterPublisher(IngestConfig config) {
        this.config = config;
    }

    public Uni<Void> deadLetter(ConsumerRecord<byte[], byte[]> record, Rejection rejection, Instant now) {
        return Uni.createFrom().deferred(() -> {
            RecordHeaders headers = new RecordHeaders();
            for (Header h : record.headers()) {
                headers.add(h.key(), h.value());
            }
            add(headers, DeadLetterHeaders.REASON_CODE, rejection.code());
            add(headers, DeadLetterHeaders.REASON, rejection.message());
            add(headers, DeadLetterHeaders.SOURCE_TOPIC, record.topic());
            add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(record.partition()));
            add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(record.offset()));
            add(headers, DeadLetterHeaders.TIME, now.toString());
            add(headers, DeadLetterHeaders.SERVICE, config.serviceName());
            Message<byte[]> message = Message.of(record.value()).addMetadata(
                    OutgoingKafkaRecordMetadata.<byte[]>builder().withKey(record.key()).withHeaders(headers).build());
            return emitter.sendMessage(message);
        }).ifNoItem().after(config.publishTimeout()).fail();
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.remove(name); // a re-dead-lettered record carries the latest reason only
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
