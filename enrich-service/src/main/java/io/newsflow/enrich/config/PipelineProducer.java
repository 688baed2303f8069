package io.newsflow.enrich.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.newsflow.contracts.ContractJson;
import io.newsflow.enrich.domain.Backoff;
import io.newsflow.enrich.domain.EnrichmentService;
import io.newsflow.enrich.domain.IngestedArticleReader;
import io.newsflow.enrich.pipeline.AuthorExtractor;
import io.newsflow.enrich.pipeline.BoilerplateLineFilter;
import io.newsflow.enrich.pipeline.BoilerplateRules;
import io.newsflow.enrich.pipeline.ContentHasher;
import io.newsflow.enrich.pipeline.DateTextParser;
import io.newsflow.enrich.pipeline.EnrichmentStage;
import io.newsflow.enrich.pipeline.HtmlToText;
import io.newsflow.enrich.pipeline.LanguageDetector;
import io.newsflow.enrich.pipeline.Pipeline;
import io.newsflow.enrich.pipeline.PublishedDateExtractor;
import io.newsflow.enrich.pipeline.RepeatedParagraphRemover;
import io.newsflow.enrich.pipeline.SiteMetadata;
import io.newsflow.enrich.pipeline.TextStatistics;
import io.newsflow.enrich.pipeline.TitleExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the pipeline from configuration: the stage list and each stage's tunables. */
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
        DateTextParser dates = new DateTextParser();
        Map<String, Supplier<EnrichmentStage>> known = Map.of(
                HtmlToText.NAME, () -> new HtmlToText(ContractJson.mapper()),
                BoilerplateLineFilter.NAME, () -> new BoilerplateLineFilter(rules(config.boilerplate())),
                RepeatedParagraphRemover.NAME, () -> new RepeatedParagraphRemover(config.repeated().minContainedLength()),
                TitleExtractor.NAME, () -> new TitleExtractor(dates, config.headerLines(), config.title().minLength(),
                        config.title().maxLength(), config.title().maxWords()),
                AuthorExtractor.NAME, () -> new AuthorExtractor(config.headerLines()),
                SiteMetadata.NAME, SiteMetadata::new,
                PublishedDateExtractor.NAME, () -> new PublishedDateExtractor(dates, clock,
                        config.dates().maxFutureSkew(), config.dates().minYear(), config.headerLines()),
                LanguageDetector.NAME, () -> languageDetector(config.language()),
                TextStatistics.NAME, () -> new TextStatistics(config.stats().wordsPerMinute(),
                        config.stats().ledeMaxLength()),
                ContentHasher.NAME, ContentHasher::new);
        List<EnrichmentStage> stages = new ArrayList<>();
        for (String name : config.stages()) {
            Supplier<EnrichmentStage> factory = known.get(name.strip());
            if (factory == null) {
                throw new IllegalArgumentException("unknown enrichment stage '" + name + "' in newsflow.enrich.stages; known: "
                        + known.keySet());
            }
            stages.add(factory.get());
        }
        if (!config.stages().contains(ContentHasher.NAME)) {
            throw new IllegalArgumentException("newsflow.enrich.stages must include " + ContentHasher.NAME
                    + ": versions and duplicates are keyed on the content hash");
        }
        Pipeline pipeline = new Pipeline(stages);
        LOG.infof("enrichment pipeline: %s", pipeline.stageNames());
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

    private static BoilerplateRules rules(EnrichConfig.Boilerplate config) {
        BoilerplateRules rules = BoilerplateRules.fromResource(config.rulesResource());
        return config.extraRules().map(rules::with).orElse(rules);
    }

    private static LanguageDetector languageDetector(EnrichConfig.Language config) {
        long start = System.nanoTime();
        LanguageDetector detector = new LanguageDetector(config.candidates(), config.preload(), config.lowAccuracy(), config.minTextLength(),
                config.minConfidence(), config.maxSampleLength());
        LOG.infof("language detector for %s ready in %d ms (preloaded: %s, low accuracy: %s)", config.candidates(),
                (System.nanoTime() - start) / 1_000_000, config.preload(), config.lowAccuracy());
        return detector;
    }
}
