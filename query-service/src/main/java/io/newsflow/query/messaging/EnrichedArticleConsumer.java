package io.newsflow.query.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.newsflow.contracts.ReasonCode;
import io.newsflow.query.config.QueryConfig;
import io.newsflow.query.domain.EnrichedEventDecoder;
import io.newsflow.query.persistence.ArticleStore;
import io.newsflow.query.persistence.StoreFailures;
import io.newsflow.query.persistence.StoreOutcome;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Consumes {@code articles.enriched} and stores each event. A record is acknowledged (its offset becomes
 * committable) only after its transaction committed or its dead letter was acknowledged by the broker.
 * Infrastructure failures are retried with backoff indefinitely: good data is never dead-lettered.
 */
@ApplicationScoped
public class EnrichedArticleConsumer {

    static final String CHANNEL = "articles-enriched";
    private static final Logger LOG = Logger.getLogger(EnrichedArticleConsumer.class);

    @Inject
    ArticleStore store;

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    QueryConfig config;

    @Inject
    ConsumerMetrics metrics;

    @Inject
    Clock clock;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> meta = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("channel " + CHANNEL + " must be a Kafka channel"));
        DeadLetterPublisher.SourceRecord source = new DeadLetterPublisher.SourceRecord(meta.getTopic(),
                meta.getPartition(), meta.getOffset(), meta.getKey() == null ? null : meta.getKey().toString(),
                message.getPayload());
        try {
            handle(source);
        } catch (InterruptedException e) {
            // Shutting down mid-retry: neither ack nor nack, so the offset stays uncommitted and the record is
            // redelivered to whichever instance takes over the partition.
            Thread.currentThread().interrupt();
            LOG.warnf("interrupted while storing %s-%d@%d; left unacknowledged for redelivery", source.topic(),
                    source.partition(), source.offset());
            return new CompletableFuture<>();
        }
        return message.ack();
    }

    private void handle(DeadLetterPublisher.SourceRecord source) throws InterruptedException {
        EnrichedEventDecoder.Decoded decoded = EnrichedEventDecoder.decode(source.value());
        if (!decoded.isAccepted()) {
            LOG.warnf("dead-lettering %s-%d@%d: %s (%s)", source.topic(), source.partition(), source.offset(),
                    decoded.reason().code(), decoded.message());
            deadLetter(source, decoded.reason(), decoded.message());
            return;
        }
        long started = System.nanoTime();
        StoreOutcome outcome;
        try {
            outcome = retryTransient("store " + decoded.article().id(),
                    () -> store.store(decoded.article(), Instant.now(clock)));
        } catch (RecordRejectedException e) {
            LOG.warnf(e.getCause(), "database rejected %s-%d@%d (id %s); dead-lettering", source.topic(),
                    source.partition(), source.offset(), decoded.article().id());
            deadLetter(source, ReasonCode.PROCESSING_FAILED, "the database rejected the article: "
                    + rootMessage(e.getCause()));
            return;
        }
        metrics.storeDuration().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        metrics.stored(outcome);
        if (outcome == StoreOutcome.STALE) {
            LOG.debugf("ignored stale version %d of %s", decoded.article().version(), decoded.article().id());
        }
    }

    private void deadLetter(DeadLetterPublisher.SourceRecord source, ReasonCode reason, String message)
            throws InterruptedException {
        try {
            retryTransient("dead-letter " + source.topic() + "-" + source.partition() + "@" + source.offset(),
                    () -> {
                        deadLetters.publish(source, reason, message);
                        return null;
                    });
        } catch (RecordRejectedException e) {
            throw new IllegalStateException("publishing a dead letter is never rejected as data", e);
        }
    }

    /**
     * Runs {@code action} until it succeeds, sleeping with exponential backoff between attempts; a failure
     * caused by the record's own data ends the retries with {@link RecordRejectedException}.
     */
    private <T> T retryTransient(String what, Supplier<T> action) throws InterruptedException, RecordRejectedException {
        Duration backoff = config.store().retryInitialBackoff();
        for (int attempt = 1;; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (StoreFailures.isCausedByRecord(e)) {
                    throw new RecordRejectedException(e);
                }
                metrics.retried();
                LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", what, attempt, backoff.toMillis(),
                        rootMessage(e));
                Thread.sleep(backoff.toMillis());
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(config.store().retryMaxBackoff()) > 0
                        ? config.store().retryMaxBackoff()
                        : doubled;
            }
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The database rejected a record because of its data: retrying cannot help. */
    static final class RecordRejectedException extends Exception {
        RecordRejectedException(Throwable cause) {
            super(cause);
        }
    }
}
