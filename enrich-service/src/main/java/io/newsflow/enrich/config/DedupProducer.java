package io.newsflow.enrich.config;

import io.newsflow.enrich.dedup.MinHashLsh;
import io.newsflow.enrich.dedup.NearDuplicateDetector;
import io.newsflow.enrich.dedup.Shingler;
import io.newsflow.enrich.story.EnrichmentStoryFeatures;
import io.newsflow.enrich.story.SalientTermExtractor;
import io.newsflow.enrich.story.StoryAssigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the near-duplicate detector and the story assigner from configuration. */
@ApplicationScoped
public class DedupProducer {

    @Produces
    @Singleton
    NearDuplicateDetector nearDuplicateDetector(DedupConfig config) {
        return nearDuplicateDetector(config.nearDuplicates());
    }

    @Produces
    @Singleton
    StoryAssigner storyAssigner(DedupConfig config) {
        return storyAssigner(config.stories());
    }

    /** Also used by the evaluation and benchmarks, so that they run exactly the service's settings. */
    public static NearDuplicateDetector nearDuplicateDetector(DedupConfig.NearDuplicates c) {
        return new NearDuplicateDetector(new Shingler(c.shingleSize()), new MinHashLsh(c.bands(), c.rows(), c.seed()),
                c.jaccardThreshold(), c.containmentThreshold(), c.minShingles(), c.window());
    }

    public static StoryAssigner storyAssigner(DedupConfig.Stories c) {
        return new StoryAssigner(new EnrichmentStoryFeatures(new SalientTermExtractor(c.properNounWeight(), c.titleWeight()),
                c.entityWeight(), c.countryShare()), c.articleTerms(), c.storyTerms(), c.postingsPerTerm(), c.threshold(), c.window(), c.populationCap(),
                c.idfPriorStories());
    }
}
