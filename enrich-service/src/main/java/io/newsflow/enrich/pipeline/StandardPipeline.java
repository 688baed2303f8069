package io.newsflow.enrich.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.contracts.ContractJson;
import io.newsflow.enrich.pipeline.entities.EntityTagModel;
import io.newsflow.enrich.pipeline.entities.EntityTagger;
import io.newsflow.enrich.pipeline.entities.WordClasses;

/**
 * Builds the default enrichment pipeline from {@code newsflow.enrich.*} settings without any framework: the
 * service (PipelineProducer) passes its configuration, the evaluation and the benchmarks pass the defaults of
 * the service's own application.properties, so that they measure exactly what the service runs.
 */
public final class StandardPipeline {

    public static final String PREFIX = "newsflow.enrich.";
    private static final String DEFAULTS_RESOURCE = "/application.properties";
    /** {@code ${ENV_NAME:default}}: the default is what the service runs with when the variable is unset. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^:}]+:([^}]*)}");

    private StandardPipeline() {
    }

    /** The stage settings, looked up by key relative to {@code newsflow.enrich.}; every key must be present. */
    public static final class Settings {
        private final Function<String, String> lookup;
        private final List<String> extraBoilerplateRules;

        private Settings(Function<String, String> lookup, List<String> extraBoilerplateRules) {
            this.lookup = lookup;
            this.extraBoilerplateRules = List.copyOf(extraBoilerplateRules);
        }

        /**
         * These settings plus extra boilerplate rules ("name = regex"; passed as a list because a regex may
         * contain commas).
         */
        public Settings withExtraBoilerplateRules(List<String> rules) {
            return new Settings(lookup, rules);
        }

        /** @param lookup full property key to raw value (lists comma-separated), null when absent */
        public static Settings from(Function<String, String> lookup) {
            return new Settings(lookup, List.of());
        }

        /** The defaults of the service's application.properties (environment overrides ignored). */
        public static Settings serviceDefaults() {
            Properties props = new Properties();
            try (InputStream in = StandardPipeline.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("enrich-service " + DEFAULTS_RESOURCE + " not on the class path");
                }
                props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Settings(key -> {
                String raw = props.getProperty(key);
                return raw == null ? null : resolveDefaults(raw);
            }, List.of());
        }

        public String string(String key) {
            String v = lookup.apply(PREFIX + key);
            if (v == null) {
                throw new IllegalArgumentException("missing setting " + PREFIX + key);
            }
            return v.strip();
        }

        public int integer(String key) {
            return Integer.parseInt(string(key));
        }

        public double decimal(String key) {
            return Double.parseDouble(string(key));
        }

        public boolean bool(String key) {
            return Boolean.parseBoolean(string(key));
        }

        public Duration duration(String key) {
            return Duration.parse(string(key));
        }

        public List<String> list(String key) {
            return Arrays.stream(string(key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    static String resolveDefaults(String raw) {
        String value = raw;
        for (int i = 0; i < 3; i++) { // nested defaults are rare; a few rounds are plenty
            Matcher m = EXPRESSION.matcher(value);
            if (!m.find()) {
                break;
            }
            value = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
        }
        return value;
    }

    /** Stage name to factory, for every stage the service knows. */
    public static Map<String, Supplier<EnrichmentStage>> knownStages(Settings s, Clock clock) {
        DateTextParser dates = new DateTextParser();
        int headerLines = s.integer("header-lines");
        Map<String, Supplier<EnrichmentStage>> known = new LinkedHashMap<>();
        known.put(HtmlToText.NAME, () -> new HtmlToText(ContractJson.mapper(), MainContentLocator.fromSettings(s)));
        known.put(BoilerplateLineFilter.NAME, () -> new BoilerplateLineFilter(boilerplateRules(s)));
        known.put(RepeatedParagraphRemover.NAME, () -> new RepeatedParagraphRemover(s.integer("repeated.min-contained-length")));
        known.put(TitleExtractor.NAME, () -> new TitleExtractor(dates, headerLines, s.integer("title.min-length"),
                s.integer("title.max-length"), s.integer("title.max-words")));
        known.put(AuthorExtractor.NAME, () -> new AuthorExtractor(headerLines));
        known.put(SiteMetadata.NAME, SiteMetadata::new);
        known.put(PublishedDateExtractor.NAME, () -> new PublishedDateExtractor(dates, clock,
                s.duration("dates.max-future-skew"), s.integer("dates.min-year"), headerLines));
        known.put(LanguageDetector.NAME, () -> new LanguageDetector(s.list("language.candidates"),
                s.bool("language.preload"), s.bool("language.low-accuracy"), s.integer("language.min-text-length"),
                s.decimal("language.min-confidence"), s.integer("language.max-sample-length"),
                s.bool("language.stopword-vote")));
        known.put(TextStatistics.NAME, () -> new TextStatistics(s.integer("stats.words-per-minute"),
                s.integer("stats.lede-max-length")));
        known.put(EntityExtractor.NAME, () -> new EntityExtractor(Gazetteer.fromResource(s.string("entities.gazetteer-resource")),
                new EntityTagger(EntityTagModel.fromResource(s.string("entities.model-resource")),
                        WordClasses.fromResource(s.string("entities.words-resource"))),
                s.integer("entities.max-entities")));
        known.put(KeywordExtractor.NAME, () -> new KeywordExtractor(s.integer("keywords.max-keywords"),
                s.integer("keywords.max-phrase-words"), s.integer("keywords.min-frequency")));
        known.put(ContentHasher.NAME, ContentHasher::new);
        return known;
    }

    /** The pipeline with the configured stage list ({@code newsflow.enrich.stages}). */
    public static Pipeline build(Settings s, Clock clock) {
        Map<String, Supplier<EnrichmentStage>> known = knownStages(s, clock);
        List<EnrichmentStage> stages = new ArrayList<>();
        List<String> names = s.list("stages");
        for (String name : names) {
            Supplier<EnrichmentStage> factory = known.get(name);
            if (factory == null) {
                throw new IllegalArgumentException("unknown enrichment stage '" + name + "' in " + PREFIX + "stages; known: "
                        + known.keySet());
            }
            stages.add(factory.get());
        }
        if (!names.contains(ContentHasher.NAME)) {
            throw new IllegalArgumentException(PREFIX + "stages must include " + ContentHasher.NAME
                    + ": versions and duplicates are keyed on the content hash");
        }
        return new Pipeline(stages);
    }

    /** The pipeline exactly as the service runs it with its default configuration. */
    public static Pipeline withServiceDefaults(Clock clock) {
        return build(Settings.serviceDefaults(), clock);
    }

    private static BoilerplateRules boilerplateRules(Settings s) {
        BoilerplateRules rules = BoilerplateRules.fromResource(s.string("boilerplate.rules-resource"));
        return s.extraBoilerplateRules.isEmpty() ? rules : rules.with(s.extraBoilerplateRules);
    }
}
