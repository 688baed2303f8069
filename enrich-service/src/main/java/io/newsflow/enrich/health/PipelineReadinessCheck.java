package io.newsflow.enrich.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.newsflow.enrich.domain.EnrichmentService;
import io.newsflow.enrich.pipeline.Pipeline;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Builds the pipeline at startup (so language models are loaded before the first record, not during it)
 * and reports it in readiness. Kafka and the datasource have their own readiness checks.
 */
@Readiness
@ApplicationScoped
public class PipelineReadinessCheck implements HealthCheck {

    @Inject
    Pipeline pipeline;

    @Inject
    EnrichmentService service;

    void buildAtStartup(@Observes StartupEvent event) {
        pipeline.stageNames();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("enrichment-pipeline").up()
                .withData("stages", String.join(",", pipeline.stageNames()))
                .withData("pipelineVersion", service.pipelineVersion())
                .build();
    }
}
