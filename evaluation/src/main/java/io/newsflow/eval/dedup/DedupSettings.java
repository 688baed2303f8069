package io.newsflow.eval.dedup;

import io.newsflow.enrich.config.DedupConfig;
import io.newsflow.enrich.config.DedupProducer;
import io.newsflow.enrich.config.OfflineDedupConfig;
import io.newsflow.enrich.dedup.NearDuplicateDetector;
import io.newsflow.enrich.story.StoryAssigner;
import io.newsflow.enrich.story.StoryFeatures;

/**
 * The near-duplicate detector and story assigner built from enrich-service's own application.properties (shipped
 * defaults of {@code ${ENV:default}} expressions; system properties override), through the service's own factories,
 * so that the evaluation measures exactly what the service runs.
 */
public final class DedupSettings {

    private final OfflineDedupConfig config = new OfflineDedupConfig();
    private final DedupConfig dedup = config.dedup();

    public double jaccardThreshold() {
        return dedup.nearDuplicates().jaccardThreshold();
    }

    public double containmentThreshold() {
        return dedup.nearDuplicates().containmentThreshold();
    }

    public int shingleSize() {
        return dedup.nearDuplicates().shingleSize();
    }

    public NearDuplicateDetector nearDuplicateDetector() {
        return DedupProducer.nearDuplicateDetector(dedup.nearDuplicates());
    }

    public StoryAssigner storyAssigner() {
        return DedupProducer.storyAssigner(dedup.stories(), DedupProducer.countryNames(config.gazetteerResource()));
    }

    public StoryFeatures storyFeatures() {
        return DedupProducer.storyFeatures(dedup.stories(), DedupProducer.countryNames(config.gazetteerResource()));
    }
}
