package io.newsflow.query.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.HungarianStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RomanianStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

/**
 * The lexeme PostgreSQL's built-in text-search configurations give a word: lower-cased, then, for a
 * language's configuration, dropped when it is one of the language's stop words, else stemmed by the language's
 * Snowball stemmer ({@code <language>_stem}). The stop-word lists are PostgreSQL's own ({@code tsearch_data/*.stop}
 * of PostgreSQL 15, bundled); the stemmers are Snowball's, as PostgreSQL uses them. The {@code simple}
 * configuration and unknown ones only lower-case. A stemmer is not thread-safe: use one instance per thread.
 */
public final class TextSearchLexemes {

    /** PostgreSQL hands longer strings to no stemmer (they are not words); lower-cased only. */
    private static final int MAX_STEMMED_LENGTH = 1000;

    private record Language(Supplier<SnowballStemmer> stemmer, Set<String> stopWords) {
    }

    private static final Map<String, Language> LANGUAGES = new HashMap<>();
    /** Configurations whose words of ASCII letters take another language's dictionary. */
    private static final Map<String, String> ASCII_WORDS = new HashMap<>();

    static {
        add("english", EnglishStemmer::new, true);
        add("german", GermanStemmer::new, true);
        add("french", FrenchStemmer::new, true);
        add("spanish", SpanishStemmer::new, true);
        add("italian", ItalianStemmer::new, true);
        add("portuguese", PortugueseStemmer::new, true);
        add("dutch", DutchStemmer::new, true);
        add("swedish", SwedishStemmer::new, true);
        add("norwegian", NorwegianStemmer::new, true);
        add("danish", DanishStemmer::new, true);
        add("finnish", FinnishStemmer::new, true);
        add("russian", RussianStemmer::new, true);
        // PostgreSQL's russian configuration sends words of ASCII letters to english_stem
        ASCII_WORDS.put("russian", "english");
        add("hungarian", HungarianStemmer::new, true);
        add("romanian", RomanianStemmer::new, false); // romanian_stem has no stop-word list
        add("turkish", TurkishStemmer::new, true);
    }

    private static void add(String config, Supplier<SnowballStemmer> stemmer, boolean stopWords) {
        LANGUAGES.put(config, new Language(stemmer, stopWords ? stopWords(config) : Set.of()));
    }

    private static Set<String> stopWords(String language) {
        String resource = "tsearch/" + language + ".stop";
        try (InputStream in = TextSearchLexemes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.trim().toLowerCase(Locale.ROOT);
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stems already computed, per configuration, shared by all threads: most words of a text are common words, and
     * Snowball was ~60 % of a snippet's CPU. Bounded: emptied when it reaches {@code maxWords} words per
     * configuration (a miss only costs a stemming).
     */
    public static final class StemCache {
        private final int maxWords;
        private final Map<String, Map<String, String>> byConfig = new java.util.concurrent.ConcurrentHashMap<>();

        public StemCache(int maxWords) {
            this.maxWords = maxWords;
        }

        Map<String, String> of(String config) {
            return byConfig.computeIfAbsent(config, c -> new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    private final SnowballStemmer stemmer;
    private final Set<String> stopWords;
    /** The lexemes of words of ASCII letters when another dictionary's (russian), else null. */
    private final TextSearchLexemes asciiWords;
    private final Map<String, String> cache;
    private final int cacheMaxWords;
    /**
     * The lexemes this instance gave, by the word as written (null with no shared cache): an instance serves one
     * page, whose words repeat, and this small map stays in the CPU's caches where the shared one (~100,000 words)
     * did not — its lookups were ~11 % of the request threads' samples (JFR, search paths at 1M).
     */
    private final Map<String, String> given;

    private TextSearchLexemes(SnowballStemmer stemmer, Set<String> stopWords, TextSearchLexemes asciiWords,
            Map<String, String> cache, int cacheMaxWords) {
        this.stemmer = stemmer;
        this.stopWords = stopWords;
        this.asciiWords = asciiWords;
        this.cache = cache;
        this.cacheMaxWords = cacheMaxWords;
        this.given = cache == null ? null : new HashMap<>();
    }

    /** Stands for a stop word's null lexeme in {@link #given}. */
    private static final String STOP_WORD = new String("stop word");

    /** The lexemes of configuration {@code config} (a fresh stemmer: keep it to one thread), without a cache. */
    public static TextSearchLexemes of(String config) {
        return of(config, null);
    }

    /** The lexemes of configuration {@code config}, reusing and filling {@code cache} (may be null). */
    public static TextSearchLexemes of(String config, StemCache cache) {
        Language language = config == null ? null : LANGUAGES.get(config);
        if (language == null) {
            return new TextSearchLexemes(null, Set.of(), null, null, 0);
        }
        String ascii = ASCII_WORDS.get(config);
        return new TextSearchLexemes(language.stemmer().get(), language.stopWords(),
                ascii == null ? null : of(ascii, cache), cache == null ? null : cache.of(config),
                cache == null ? 0 : cache.maxWords);
    }

    /** True when the configuration has a stemmer (not {@code simple}). */
    public boolean stems() {
        return stemmer != null;
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The word lower-cased, as the {@code simple} dictionary gives it. */
    public static String lowerCase(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    /** The lexeme of a word through the configuration's stemmer; null for a stop word. */
    public String stem(String word) {
        if (given == null) {
            return lexeme(word);
        }
        String known = given.get(word);
        if (known == null) {
            String lexeme = lexeme(word);
            known = lexeme == null ? STOP_WORD : lexeme;
            given.put(word, known);
        }
        return known == STOP_WORD ? null : known;
    }

    private String lexeme(String word) {
        if (asciiWords != null && isAscii(word)) {
            return asciiWords.stem(word);
        }
        String lower = lowerCase(word);
        if (stemmer == null || lower.length() > MAX_STEMMED_LENGTH) {
            return lower;
        }
        if (lower.isEmpty() || stopWords.contains(lower)) {
            return null;
        }
        String known = cache == null ? null : cache.get(lower);
        if (known != null) {
            return known;
        }
        stemmer.setCurrent(lower);
        stemmer.stem();
        String stem = stemmer.getCurrent();
        if (cache != null) {
            if (cache.size() >= cacheMaxWords) {
                cache.clear();
            }
            cache.put(lower, stem);
        }
        return stem;
    }
}
