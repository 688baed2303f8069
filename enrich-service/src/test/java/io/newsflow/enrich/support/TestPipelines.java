package io.newsflow.enrich.support;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.newsflow.contracts.ContractJson;
import io.newsflow.enrich.pipeline.BoilerplateLineFilter;
import io.newsflow.enrich.pipeline.BoilerplateRules;
import io.newsflow.enrich.pipeline.DateTextParser;
import io.newsflow.enrich.pipeline.EnrichmentStage;
import io.newsflow.enrich.pipeline.HtmlToText;
import io.newsflow.enrich.pipeline.LanguageDetector;
import io.newsflow.enrich.pipeline.MainContentLocator;
import io.newsflow.enrich.pipeline.Pipeline;
import io.newsflow.enrich.pipeline.PublishedDateExtractor;
import io.newsflow.enrich.pipeline.RepeatedParagraphRemover;
import io.newsflow.enrich.pipeline.StandardPipeline;
import io.newsflow.enrich.pipeline.TitleExtractor;

/** Stages built with the service's default settings (see application.properties). */
public final class TestPipelines {

    public static final int HEADER_LINES = 6;
    private static LanguageDetector language;
    private static LanguageDetector linguaOnly;

    private TestPipelines() {
    }

    /** The service's default settings, read from its application.properties. */
    public static StandardPipeline.Settings settings() {
        return StandardPipeline.Settings.serviceDefaults();
    }

    public static HtmlToText htmlToText() {
        return new HtmlToText(ContractJson.mapper(), MainContentLocator.fromSettings(settings()));
    }

    public static BoilerplateLineFilter boilerplate() {
        return new BoilerplateLineFilter(BoilerplateRules.fromResource("boilerplate-rules.txt"));
    }

    public static RepeatedParagraphRemover repeated() {
        return new RepeatedParagraphRemover(40);
    }

    public static TitleExtractor title() {
        return new TitleExtractor(new DateTextParser(), HEADER_LINES, 10, 200, 30);
    }

    public static PublishedDateExtractor dates(Clock clock) {
        return new PublishedDateExtractor(new DateTextParser(), clock, Duration.ofDays(1), 1990, HEADER_LINES);
    }

    /** One detector per test JVM (the models are big and shared), set up as the service's defaults. */
    public static synchronized LanguageDetector language() {
        if (language == null) {
            StandardPipeline.Settings s = settings();
            language = new LanguageDetector(s.list("language.candidates"), true, s.bool("language.low-accuracy"),
                    s.integer("language.min-text-length"), s.decimal("language.min-confidence"),
                    s.integer("language.max-sample-length"), s.bool("language.stopword-vote"));
        }
        return language;
    }

    /** The same detector without the stop-word vote: Lingua decides every text (to compare the vote with). */
    public static synchronized LanguageDetector linguaOnly() {
        if (linguaOnly == null) {
            StandardPipeline.Settings s = settings();
            linguaOnly = new LanguageDetector(s.list("language.candidates"), true, s.bool("language.low-accuracy"),
                    s.integer("language.min-text-length"), s.decimal("language.min-confidence"),
                    s.integer("language.max-sample-length"), false);
        }
        return linguaOnly;
    }

    /** The service's default pipeline (StandardPipeline), with the language detector shared across tests. */
    public static Pipeline standard(Clock clock) {
        var known = StandardPipeline.knownStages(settings(), clock);
        List<EnrichmentStage> stages = new ArrayList<>();
        for (String name : settings().list("stages")) {
            stages.add(LanguageDetector.NAME.equals(name) ? language() : known.get(name).get());
        }
        return new Pipeline(stages);
    }
}
