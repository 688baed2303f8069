package io.newsflow.eval.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.enrich.config.DedupProducer;
import io.newsflow.enrich.dedup.MinHashLsh;
import io.newsflow.enrich.dedup.NearDuplicateDetector;
import io.newsflow.enrich.dedup.Shingler;
import io.newsflow.enrich.story.EnrichmentStoryFeatures;
import io.newsflow.enrich.story.SalientTermExtractor;
import io.newsflow.enrich.story.StoryAssigner;
import io.newsflow.enrich.story.StoryFeatures;

/**
 * The near-duplicate detector and story assigner built from enrich-service's own application.properties (defaults of
 * {@code ${ENV:default}} expressions), so that the evaluation measures exactly what the service runs.
 */
public final class DedupSettings {

    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{[A-Z0-9_]+:([^}]*)}");
    private final Properties props = new Properties();

    public DedupSettings() {
        try (InputStream in = DedupSettings.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                throw new IllegalStateException("enrich-service's application.properties is not on the class path");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String get(String key) {
        // a system property of the same name overrides the service default (for tuning experiments)
        String v = System.getProperty(key, props.getProperty(key));
        if (v == null) {
            throw new IllegalStateException("missing " + key + " in enrich-service's application.properties");
        }
        Matcher m = ENV_DEFAULT.matcher(v.strip());
        return m.matches() ? m.group(1) : v.strip();
    }

    private int integer(String key) {
        return Integer.parseInt(get(key));
    }

    private double real(String key) {
        return Double.parseDouble(get(key));
    }

    public double jaccardThreshold() {
        return real("newsflow.dedup.near-duplicates.jaccard-threshold");
    }

    public double containmentThreshold() {
        return real("newsflow.dedup.near-duplicates.containment-threshold");
    }

    public int shingleSize() {
        return integer("newsflow.dedup.near-duplicates.shingle-size");
    }

    public NearDuplicateDetector nearDuplicateDetector() {
        String p = "newsflow.dedup.near-duplicates.";
        return new NearDuplicateDetector(new Shingler(integer(p + "shingle-size")),
                new MinHashLsh(integer(p + "bands"), integer(p + "rows"), Long.parseLong(get(p + "seed"))),
                jaccardThreshold(), containmentThreshold(), integer(p + "min-shingles"), Duration.parse(get(p + "window")));
    }

    public StoryAssigner storyAssigner() {
        String p = "newsflow.dedup.stories.";
        return new StoryAssigner(storyFeatures(),
                integer(p + "article-terms"), integer(p + "story-terms"), integer(p + "postings-per-term"),
                real(p + "threshold"), Duration.parse(get(p + "window")),
                integer(p + "population-cap"), integer(p + "idf-prior-stories"), real(p + "max-term-share"));
    }

    public StoryFeatures storyFeatures() {
        String p = "newsflow.dedup.stories.";
        SalientTermExtractor text = new SalientTermExtractor(real(p + "proper-noun-weight"), real(p + "title-weight"),
                integer(p + "lead-sentences"), real(p + "lead-weight"),
                DedupProducer.countryNames(get("newsflow.enrich.entities.gazetteer-resource")), real(p + "country-share"));
        return new EnrichmentStoryFeatures(text, real(p + "entity-weight"), real(p + "country-share"));
    }
}
