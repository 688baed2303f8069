package io.newsflow.ingest.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.newsflow.contracts.ReasonCode;
import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.domain.ArticleIngestor;
import io.newsflow.ingest.domain.IngestChannel;
import io.newsflow.ingest.domain.IngestOutcome;
import io.newsflow.ingest.domain.Rejection;
import io.newsflow.ingest.domain.TransportHints;
import io.newsflow.ingest.metrics.IngestMetrics;
import io.smallrye.mutiny.Uni;

/**
 * Consumes the raw topic. Each record ends up either on the ingested topic or on the DLQ, and is acked (its
 * offset becomes committable) only once that write was acked by the broker: at-least-once, and a bad record
 * never stalls its partition. Transient broker failures are retried with backoff instead of dead-lettering.
 */
@ApplicationScoped
public class RawArticleConsumer {

    private static final Logger LOG = Logger.getLogger(RawArticleConsumer.class);

    static final String HEADER_SOURCE = "source";
    static final String HEADER_URL = "url";
    static final String HEADER_CONTENT_TYPE = "content-type";

    private final ArticleIngestor ingestor;
    private final ArticlePublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final IngestMetrics metrics;
    private final IngestConfig config;
    private final Clock clock = Clock.systemUTC();

    public RawArticleConsumer(ArticleIngestor ingestor, ArticlePublisher publisher, DeadLetterPublisher deadLetters,
            IngestMetrics metrics, IngestConfig config) {
        this.ingestor = ingestor;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * A polled batch: every record's write (ingested or DLQ) is started in record order without waiting for the
     * previous ack, then the batch is acked once all writes were acked. Throughput is then bound by the broker's
     * batching rather than by one round trip per record.
     */
    @Incoming("raw-articles")
    public Uni<Void> consume(ConsumerRecords<byte[], byte[]> records) {
        List<Uni<Void>> writes = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            writes.add(process(record));
        }
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(writes).andFailFast().replaceWithVoid();
    }

    Uni<Void> process(ConsumerRecord<byte[], byte[]> record) {
        Instant now = clock.instant();
        IngestOutcome outcome;
        try {
            TransportHints hints = new TransportHints(header(record, HEADER_SOURCE), header(record, HEADER_URL),
                    header(record, HEADER_CONTENT_TYPE));
            outcome = ingestor.ingestRecord(record.value(), hints, IngestChannel.KAFKA, now);
        } catch (RuntimeException e) {
            // A bug must not fail the whole batch (the safety-net DLQ would then take the good records too).
            LOG.errorf(e, "ingesting %s-%d@%d failed unexpectedly", record.topic(), record.partition(), record.offset());
            outcome = IngestOutcome.rejected(Rejection.of(ReasonCode.PROCESSING_FAILED,
                    "ingest-service failed on this record: " + e.getClass().getSimpleName()));
        }
        if (outcome instanceof IngestOutcome.Accepted accepted) {
            return withRetry(publisher.publish(accepted.article()))
                    .invoke(() -> metrics.accepted(IngestChannel.KAFKA));
        }
        Rejection rejection = ((IngestOutcome.Rejected) outcome).rejection();
        LOG.infof("dead-lettering %s-%d@%d: %s (%s)", record.topic(), record.partition(), record.offset(),
                rejection.code(), rejection.message());
        return withRetry(deadLetters.deadLetter(record, rejection, now))
                .invoke(() -> metrics.rejected(IngestChannel.KAFKA, rejection));
    }

    private Uni<Void> withRetry(Uni<Void> write) {
        return write
                .onFailure(TransientFailures::isTransient).invoke(e -> {
                    metrics.publishRetried();
                    LOG.warnf("publish failed transiently, retrying: %s", e.toString());
                })
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(config.retry().initialBackoff(), config.retry().maxBackoff())
                .indefinitely();
    }

    /** A header as UTF-8 text; a header that is not valid UTF-8 is ignored rather than guessed at. */
    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        if (h == null || h.value() == null) {
            return null;
        }
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(h.value())).toString().strip();
            return value.isEmpty() ? null : value;
        } catch (CharacterCodingException e) {
            LOG.debugf("ignoring header %s of %s-%d@%d: not UTF-8", name, record.topic(), record.partition(),
                    record.offset());
            return null;
        }
    }
}
