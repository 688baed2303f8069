package io.newsflow.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.IngestedArticle;
import io.newsflow.ingest.config.IngestConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes accepted articles to the ingested topic (key = id); the Uni completes when the broker acked. */
@ApplicationScoped
public class ArticlePublisher {

    // Unbounded: what is buffered is bounded by the records in process and the HTTP bodies already in memory.
    @Channel("ingested-articles")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> emitter;

    private final IngestConfig config;

    public ArticlePublisher(IngestConfig config) {
        this.config = config;
    }

    /** One attempt; fails with a timeout when no ack arrives within {@code newsflow.ingest.publish-timeout}. */
    public Uni<Void> publish(IngestedArticle article) {
        return Uni.createFrom().deferred(() -> {
            String json = ContractJson.write(article);
            Message<String> message = Message.of(json).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build());
            return emitter.sendMessage(message);
        }).ifNoItem().after(config.publishTimeout()).fail();
    }
}
