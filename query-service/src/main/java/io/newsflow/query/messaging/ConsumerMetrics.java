package io.newsflow.query.messaging;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.contracts.ReasonCode;
import io.newsflow.query.persistence.StoreOutcome;
import io.quarkus.runtime.StartupEvent;

/** The consumer's meters, registered at start so that dashboards see zeros rather than gaps. */
@ApplicationScoped
public class ConsumerMetrics {

    private final Map<StoreOutcome, Counter> outcomes = new EnumMap<>(StoreOutcome.class);
    private final Map<ReasonCode, Counter> deadLettered = new EnumMap<>(ReasonCode.class);
    private final Counter retries;
    private final Timer storeDuration;

    ConsumerMetrics(MeterRegistry registry) {
        outcomes.put(StoreOutcome.INSERTED, Counter.builder("newsflow.query.articles.stored").tag("kind", "inserted")
                .description("Articles stored as a new row").register(registry));
        outcomes.put(StoreOutcome.UPDATED, Counter.builder("newsflow.query.articles.stored").tag("kind", "updated")
                .description("Articles overwritten by the same or a newer version").register(registry));
        outcomes.put(StoreOutcome.STALE, Counter.builder("newsflow.query.stale.ignored")
                .description("Events ignored because a newer version is stored").register(registry));
        outcomes.put(StoreOutcome.ALIAS_RECORDED, Counter.builder("newsflow.query.aliases.recorded")
                .description("Exact duplicates recorded as aliases of their original").register(registry));
        for (ReasonCode reason : ReasonCode.values()) {
            deadLettered.put(reason, Counter.builder("newsflow.query.dead.lettered").tag("reason", reason.code())
                    .description("Records sent to the dead-letter topic").register(registry));
        }
        retries = Counter.builder("newsflow.query.retries")
                .description("Store or dead-letter attempts retried after a transient failure").register(registry);
        storeDuration = Timer.builder("newsflow.query.store.duration")
                .description("Time to store one event, retries included").register(registry);
    }

    void registerAtStartup(@Observes StartupEvent event) {
        // observing the event is enough to create the bean and its meters
    }

    void stored(StoreOutcome outcome) {
        outcomes.get(outcome).increment();
    }

    void deadLettered(ReasonCode reason) {
        deadLettered.get(reason).increment();
    }

    void retried() {
        retries.increment();
    }

    Timer storeDuration() {
        return storeDuration;
    }
}
