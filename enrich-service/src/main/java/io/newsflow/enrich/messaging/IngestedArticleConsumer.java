package io.newsflow.enrich.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.newsflow.contracts.DuplicateKinds;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.IngestedArticle;
import io.newsflow.contracts.ReasonCode;
import io.newsflow.enrich.config.PipelineMetrics;
import io.newsflow.enrich.domain.ArticleRegistry;
import io.newsflow.enrich.domain.Backoff;
import io.newsflow.enrich.domain.EnrichmentService;
import io.newsflow.enrich.domain.IngestedArticleReader;
import io.newsflow.enrich.domain.Registration;
import io.newsflow.enrich.domain.Rejection;
import io.newsflow.enrich.domain.RejectedRecordException;
import io.newsflow.enrich.pipeline.ArticleDraft;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Consumes articles.ingested. Each record is enriched on a worker thread (records of one partition one after
 * the other, partitions in parallel), registered for versions and duplicates, and published; the input is
 * acknowledged only when the output (or the dead letter) is on the broker. Poison goes to the dead-letter
 * topic; database and broker outages are retried, never dead-lettered.
 */
@ApplicationScoped
public class IngestedArticleConsumer {

    public static final String CHANNEL = "articles-ingested";
    public static final String WORKER_POOL = "enrich-workers";
    private static final Logger LOG = Logger.getLogger(IngestedArticleConsumer.class);

    @Inject
    IngestedArticleReader reader;

    @Inject
    EnrichmentService service;

    @Inject
    ArticleRegistry registry;

    @Inject
    Backoff backoff;

    @Inject
    PipelineMetrics metrics;

    @Inject
    EnrichedArticlePublisher publisher;

    @Inject
    DuplicatesAndStories duplicatesAndStories;

    @Inject
    DeadLetterPublisher deadLetters;

    @Incoming(CHANNEL)
    @Blocking(value = WORKER_POOL, ordered = false)
    public void consume(ConsumerRecord<byte[], byte[]> record) {
        IngestedArticle in;
        try {
            in = reader.read(record.value());
        } catch (RejectedRecordException e) {
            deadLetter(record, e.rejection());
            return;
        }
        ArticleDraft draft;
        try {
            draft = service.prepare(in, metrics);
        } catch (RuntimeException e) {
            // A stage failing on this content is a property of the record, not of the infrastructure.
            LOG.errorf(e, "enrichment failed for article %s (%s-%d@%d)", in.id(), record.topic(), record.partition(),
                    record.offset());
            deadLetter(record, new Rejection(ReasonCode.PROCESSING_FAILED,
                    "enrichment failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
            return;
        }
        Registration registration = backoff.call(() -> registry.register(in.id(), draft.contentHash()),
                (attempt, error, delay) -> retrying("register", in.id(), attempt, error, delay));
        EnrichedArticle out = duplicatesAndStories.decide(service.complete(in, draft, registration), this::withRetries);
        backoff.call(() -> {
            publisher.publish(out);
            return null;
        }, (attempt, error, delay) -> retrying("publish", in.id(), attempt, error, delay));
        metrics.processed(out.duplicateOf() != null ? "duplicate" : "enriched");
        if (DuplicateKinds.EXACT.equals(out.duplicateKind())) {
            metrics.exactDuplicate();
        }
        if (out.version() > 1) {
            metrics.newVersion();
        }
        LOG.debugf("enriched %s v%d (hash %s, duplicateOf %s)", out.id(), out.version(), out.contentHash(),
                out.duplicateOf());
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, Rejection rejection) {
        LOG.warnf("dead-lettering %s-%d@%d: %s (%s)", record.topic(), record.partition(), record.offset(),
                rejection.reason().code(), rejection.message());
        backoff.call(() -> {
            deadLetters.publish(record, rejection);
            return null;
        }, (attempt, error, delay) -> retrying("dead-letter", record.topic() + "-" + record.partition() + "@"
                + record.offset(), attempt, error, delay));
        metrics.deadLettered(rejection.reason().code());
    }

    private <T> T withRetries(String operation, String articleId, java.util.function.Supplier<T> call) {
        return backoff.call(call, (attempt, error, delay) -> retrying(operation, articleId, attempt, error, delay));
    }

    private void retrying(String operation, String what, int attempt, RuntimeException error, java.time.Duration delay) {
        metrics.retried(operation);
        LOG.warnf("%s of %s failed (attempt %d), retrying in %d ms: %s", operation, what, attempt, delay.toMillis(),
                error.toString());
    }
}
