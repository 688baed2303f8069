package io.newsflow.enrich.config;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.enrich.pipeline.StageObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The service's own meters: processed, dead-lettered by reason, exact duplicates, per-stage time, retries. */
@ApplicationScoped
public class PipelineMetrics implements StageObserver {

    private final ConcurrentMap<String, Timer> stageTimers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> deadLettered = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry registry;

    @Override
    public void stageCompleted(String stage, long nanos) {
        stageTimers.computeIfAbsent(stage, s -> Timer.builder("newsflow.enrich.stage")
                .description("Time spent in one enrichment stage").tag("stage", s).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void processed(String outcome) {
        registry.counter("newsflow.enrich.processed", "outcome", outcome).increment();
    }

    public void exactDuplicate() {
        // same tag keys as near duplicates: Prometheus rejects a second tag-key set under one name
        registry.counter("newsflow.enrich.duplicates", "kind", "exact", "measure", "exact").increment();
    }

    public void nearDuplicate(String measure) {
        registry.counter("newsflow.enrich.duplicates", "kind", "near", "measure", measure).increment();
    }

    public void story(boolean created) {
        registry.counter("newsflow.enrich.stories", "outcome", created ? "created" : "joined").increment();
    }

    public void newVersion() {
        registry.counter("newsflow.enrich.versions.bumped").increment();
    }

    public void deadLettered(String reasonCode) {
        deadLettered.computeIfAbsent(reasonCode, r -> Counter.builder("newsflow.enrich.dead.lettered")
                .description("Records sent to the dead-letter topic").tag("reason", r).register(registry)).increment();
    }

    public void retried(String operation) {
        registry.counter("newsflow.enrich.retries", "operation", operation).increment();
    }
}
