package io.newsflow.enrich.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tunables of enrich-service (defaults live in application.properties). */
@ConfigMapping(prefix = "newsflow.enrich")
public interface EnrichConfig {

    /** Written into every EnrichedArticle; bump when the pipeline's output changes meaningfully. */
    String pipelineVersion();

    /** Service name written into dead-letter headers. */
    String serviceName();

    /** Ordered stage names (see PipelineProducer for the known ones). */
    List<String> stages();

    /** How many leading lines count as the article's header for titles, dates and bylines. */
    int headerLines();

    Boilerplate boilerplate();

    Repeated repeated();

    Title title();

    Dates dates();

    Language language();

    Stats stats();

    Retry retry();

    Extraction extraction();

    Entities entities();

    Keywords keywords();

    Preview preview();

    interface Boilerplate {
        /** Class-path resource with the built-in rules. */
        String rulesResource();

        /** Extra rules, each "name = regex", appended to the built-in ones. */
        Optional<List<String>> extraRules();
    }

    interface Repeated {
        /** Shortest paragraph (comparable characters) removed for being contained in an earlier one. */
        int minContainedLength();
    }

    interface Title {
        int minLength();

        int maxLength();

        int maxWords();
    }

    interface Dates {
        /** Dates later than now plus this are ignored. */
        Duration maxFutureSkew();

        /** Dates before this year are ignored. */
        int minYear();
    }

    interface Language {
        /** ISO 639-1 codes of the languages the detector chooses from. */
        List<String> candidates();

        /** Load all models at startup (recommended: first messages are not slowed down). */
        @WithDefault("true")
        boolean preload();

        /**
         * Trigram models only: a few MB instead of about 25 MB per language. Same results for texts of 120+
         * characters (Lingua uses only trigrams there), weaker on shorter ones.
         */
        @WithDefault("true")
        boolean lowAccuracy();

        /** Texts shorter than this (characters) get "und". */
        int minTextLength();

        /** A best language less than this far ahead of the runner-up (relative distance, 0..1) gives "und". */
        double minConfidence();

        /** Only this many leading characters are examined. */
        int maxSampleLength();

        /** A clear stop-word vote decides Latin-script texts without Lingua (language-stopwords.txt). */
        @WithDefault("true")
        boolean stopwordVote();
    }

    interface Stats {
        int wordsPerMinute();

        int ledeMaxLength();
    }

    /** Main-text extraction from HTML (MainContentLocator). */
    interface Extraction {
        /** Shorter paragraphs (characters) do not vote for the container they sit in. */
        int minParagraphLength();

        /** A sibling of the best container scoring at least this share of its score is body too. */
        double siblingScoreShare();

        /** A block whose text is more link text than this share is navigation and dropped. */
        double maxBlockLinkDensity();
    }

    interface Entities {
        /** Class-path resource with the gazetteer (TYPE | name | id | aliases). */
        String gazetteerResource();

        /** Classpath resource with the entity tagger's weights (trained on GUM Wikinews). */
        String modelResource();

        /** Classpath resource with the English word list the tagger uses as a feature. */
        String wordsResource();

        /** At most this many entities per article, most mentioned first. */
        int maxEntities();
    }

    interface Keywords {
        int maxKeywords();

        /** Longer candidate phrases are split. */
        int maxPhraseWords();

        /** Single words seen fewer times than this are not keywords. */
        int minFrequency();
    }

    interface Retry {
        /** First delay after a failed database or broker operation. */
        Duration initialBackoff();

        Duration maxBackoff();

        double multiplier();

        /** 0 = retry until it works (good data is never dead-lettered for an outage). */
        int maxAttempts();
    }

    interface Preview {
        /** Largest body accepted by POST /enrich/preview, in bytes. */
        int maxBytes();
    }
}
