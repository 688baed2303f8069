package io.newsflow.enrich.messaging;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.EnrichedArticle;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Publishes enriched articles (key = id) and waits for the broker's acknowledgement. */
@ApplicationScoped
public class EnrichedArticlePublisher {

    public static final String CHANNEL = "articles-enriched";

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> emitter;

    /** Returns once the broker has the record; throws when it could not be written. */
    public void publish(EnrichedArticle article) {
        Message<String> message = Message.of(ContractJson.write(article))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build());
        emitter.sendMessageAndAwait(message);
    }
}
