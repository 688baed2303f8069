package io.newsflow.enrich.config;

import java.time.Clock;
import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.newsflow.enrich.domain.Backoff;
import io.newsflow.enrich.domain.EnrichmentService;
import io.newsflow.enrich.domain.IngestedArticleReader;
import io.newsflow.enrich.pipeline.Pipeline;
import io.newsflow.enrich.pipeline.StandardPipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Builds the pipeline from configuration with {@link StandardPipeline}, the same plain-Java factory the
 * evaluation and the benchmarks use. {@link EnrichConfig} declares and validates the keys.
 */
@ApplicationScoped
public class PipelineProducer {

    private static final Logger LOG = Logger.getLogger(PipelineProducer.class);

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    Pipeline pipeline(EnrichConfig config, Clock clock) {
        Config mp = ConfigProvider.getConfig();
        StandardPipeline.Settings settings = StandardPipeline.Settings
                .from(key -> mp.getOptionalValue(key, String.class).orElse(null))
                .withExtraBoilerplateRules(config.boilerplate().extraRules().orElse(List.of()));
        long start = System.nanoTime();
        Pipeline pipeline = StandardPipeline.build(settings, clock);
        LOG.infof("enrichment pipeline %s ready in %d ms (language models preloaded: %s, low accuracy: %s)",
                pipeline.stageNames(), (System.nanoTime() - start) / 1_000_000, config.language().preload(),
                config.language().lowAccuracy());
        return pipeline;
    }

    @Produces
    @Singleton
    EnrichmentService enrichmentService(Pipeline pipeline, EnrichConfig config, Clock clock) {
        return new EnrichmentService(pipeline, config.pipelineVersion(), clock);
    }

    @Produces
    @Singleton
    IngestedArticleReader reader() {
        return new IngestedArticleReader();
    }

    @Produces
    @Singleton
    Backoff backoff(EnrichConfig config) {
        EnrichConfig.Retry r = config.retry();
        return new Backoff(r.initialBackoff(), r.maxBackoff(), r.multiplier(), r.maxAttempts());
    }
}
