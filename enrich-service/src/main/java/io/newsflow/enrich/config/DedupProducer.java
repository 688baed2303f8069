package io.newsflow.enrich.config;

import java.util.Set;

import io.newsflow.contracts.EntityTypes;
import io.newsflow.enrich.dedup.MinHashLsh;
import io.newsflow.enrich.dedup.NearDuplicateDetector;
import io.newsflow.enrich.dedup.Shingler;
import io.newsflow.enrich.pipeline.Gazetteer;
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
    StoryAssigner storyAssigner(DedupConfig config, EnrichConfig enrich) {
        return storyAssigner(config.stories(), countryNames(enrich.entities().gazetteerResource()));
    }

    /** Names and demonyms of countries, from the entity gazetteer (the story features weigh them as the entities do). */
    public static Set<String> countryNames(String gazetteerResource) {
        return Gazetteer.fromResource(gazetteerResource).aliasesOfType(EntityTypes.COUNTRY);
    }

    /** The story features the assigner uses (the scale benchmark also builds its filler stories with them). */
    public static EnrichmentStoryFeatures storyFeatures(DedupConfig.Stories c, Set<String> countryNames) {
        SalientTermExtractor text = new SalientTermExtractor(c.properNounWeight(), c.yearWeight(), c.titleWeight(),
                c.leadSentences(), c.leadWeight(), countryNames, c.countryShare());
        return new EnrichmentStoryFeatures(text, c.entityWeight(), c.countryShare());
    }

    /** Also used by the evaluation and benchmarks, so that they run exactly the service's settings. */
    public static NearDuplicateDetector nearDuplicateDetector(DedupConfig.NearDuplicates c) {
        return new NearDuplicateDetector(new Shingler(c.shingleSize()), new MinHashLsh(c.bands(), c.rows(), c.seed()),
                c.jaccardThreshold(), c.containmentThreshold(), c.minShingles(), c.window());
    }

    public static StoryAssigner storyAssigner(DedupConfig.Stories c, Set<String> countryNames) {
        return new StoryAssigner(storyFeatures(c, countryNames), c.articleTerms(),
                c.storyTerms(), c.postingsPerTerm(), c.threshold(), c.window(), c.populationCap(), c.idfPriorStories(),
                c.maxTermShare());
    }
}
