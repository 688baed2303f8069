package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Pattern;

import io.newsflow.contracts.Keyword;

/**
 * Salient terms with RAKE (rapid automatic keyword extraction): candidates are runs of content words between
 * stop words and punctuation; a word scores its degree (co-occurrence within candidates) over its frequency, a
 * phrase the sum of its words, so that recurring multi-word terms rise. Terms are lower case; weights are
 * scaled so that the best term has 1.0.
 */
public final class KeywordExtractor implements EnrichmentStage {

    public static final String NAME = "keywords";

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]++(?:['’.-][\\p{L}\\p{N}]++){0,16}|[^\\s\\p{L}\\p{N}]");
    private static final String STOPWORDS_RESOURCE = "keyword-stopwords.txt";
    private static final int MIN_WORD_LENGTH = 2;
    /** The {0,16} of {@link #TOKEN}: joined parts ("u.s.", "state-of-the-art") a token may have. */
    private static final int MAX_JOINED_PARTS = 16;
    /** Indexes into a word's counts. */
    private static final int FREQUENCY = 0;
    private static final int DEGREE = 1;
    /** Best score first, ties by term. */
    private static final Comparator<Map.Entry<String, Double>> RANKING =
            Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private final int maxKeywords;
    private final int maxPhraseWords;
    private final int minFrequency;
    private final Set<String> stopwords;

    public KeywordExtractor(int maxKeywords, int maxPhraseWords, int minFrequency) {
        this.maxKeywords = maxKeywords;
        this.maxPhraseWords = maxPhraseWords;
        this.minFrequency = minFrequency;
        this.stopwords = loadStopwords();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        String text = draft.title() == null ? draft.text() : draft.title() + "\n\n" + draft.text();
        draft.keywords(extract(text));
    }

    public List<Keyword> extract(String text) {
        List<List<String>> candidates = new ArrayList<>();
        List<String> current = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        // the tokens of tokens(lower), each cut out only when it is a word: most others are punctuation
        forEachToken(lower, (start, end) -> {
            String t = Character.isLetter(lower.charAt(start)) && end - start >= MIN_WORD_LENGTH ? lower.substring(start, end) : null;
            if (t == null || stopwords.contains(t)) {
                close(current, candidates);
            } else {
                current.add(t);
            }
        });
        close(current, candidates);
        Map<String, int[]> wordCounts = new HashMap<>(); // word -> {frequency, degree}
        for (List<String> c : candidates) {
            for (String w : c) {
                int[] counts = wordCounts.computeIfAbsent(w, k -> new int[2]);
                counts[FREQUENCY]++;
                counts[DEGREE] += c.size();
            }
        }
        Map<String, PhraseTally> phrases = new LinkedHashMap<>();
        for (List<String> c : candidates) {
            String phrase = c.size() == 1 ? c.get(0) : String.join(" ", c);
            phrases.computeIfAbsent(phrase, k -> new PhraseTally(c)).count++;
        }
        Map<String, Double> scores = new HashMap<>();
        for (Map.Entry<String, PhraseTally> p : phrases.entrySet()) {
            List<String> words = p.getValue().words;
            int count = p.getValue().count;
            if (count < minFrequency && (words.size() == 1 || wordCounts.get(words.get(0))[FREQUENCY] < minFrequency)) {
                continue;
            }
            double s = 0;
            for (String w : words) {
                int[] counts = wordCounts.get(w);
                s += counts[DEGREE] / (double) counts[FREQUENCY];
            }
            // a phrase that recurs is more salient than one seen once
            scores.put(p.getKey(), s * Math.log(1 + count));
        }
        // frequent single words are terms too, even when they mostly occur inside longer phrases
        for (Map.Entry<String, int[]> w : wordCounts.entrySet()) {
            int frequency = w.getValue()[FREQUENCY];
            if (frequency >= minFrequency) {
                scores.putIfAbsent(w.getKey(), w.getValue()[DEGREE] / (double) frequency * Math.log(1 + frequency));
            }
        }
        return top(scores);
    }

    /** The maxKeywords best-scored terms, best first, weights scaled so that the best has 1.0. */
    private List<Keyword> top(Map<String, Double> scores) {
        double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        // a bounded heap instead of sorting every term: the ranking is a total order, so the same terms come out
        PriorityQueue<Map.Entry<String, Double>> kept = new PriorityQueue<>(RANKING.reversed());
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            kept.add(e);
            if (kept.size() > maxKeywords) {
                kept.poll();
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(kept);
        ranked.sort(RANKING);
        List<Keyword> out = new ArrayList<>(ranked.size());
        for (Map.Entry<String, Double> e : ranked) {
            out.add(new Keyword(e.getKey(), Math.round(e.getValue() / best * 1000) / 1000.0));
        }
        return List.copyOf(out);
    }

    /** How often a candidate phrase occurs, and its words. */
    private static final class PhraseTally {
        final List<String> words;
        int count;

        PhraseTally(List<String> words) {
            this.words = words;
        }
    }

    /**
     * The matches of {@code TOKEN}, found by a loop (this runs over every article): a word (letters and digits,
     * joined by ' ’ . - to at most 16 more parts) or any one other character that is not an ASCII space.
     */
    static List<String> tokens(String s) {
        List<String> tokens = new ArrayList<>();
        forEachToken(s, (start, end) -> tokens.add(s.substring(start, end)));
        return tokens;
    }

    /** Receives where a token starts and ends. */
    private interface TokenSink {
        void accept(int start, int end);
    }

    /** The bounds of each token of {@link #tokens}, in order, without cutting them out. */
    private static void forEachToken(String s, TokenSink sink) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int start = i;
            i += Character.charCount(cp);
            if (!TextBlocks.isAsciiSpace(cp)) {
                i = tokenEnd(s, cp, i);
                sink.accept(start, i);
            }
        }
    }

    /** The end of the token that starts with code point {@code cp}, no ASCII space, which ends at {@code after}. */
    private static int tokenEnd(String s, int cp, int after) {
        int len = s.length();
        int i = after;
        if (TextBlocks.isLetterOrNumber(cp)) {
            i = TextBlocks.skipWhile(s, TextBlocks::isLetterOrNumber, i);
            for (int part = 0; part < MAX_JOINED_PARTS && i + 1 < len; part++) {
                char c = s.charAt(i);
                if (c != '\'' && c != '’' && c != '.' && c != '-' || !TextBlocks.isLetterOrNumber(s.codePointAt(i + 1))) {
                    break;
                }
                i = TextBlocks.skipWhile(s, TextBlocks::isLetterOrNumber, i + 1);
            }
        }
        return i;
    }

    /** Regex {@code TOKEN}, kept as the definition the tokenizer loop follows (and the tests compare with). */
    static Pattern tokenPattern() {
        return TOKEN;
    }

    private void close(List<String> current, List<List<String>> candidates) {
        if (!current.isEmpty()) {
            if (current.size() <= maxPhraseWords) {
                candidates.add(new ArrayList<>(current));
            } else {
                for (int i = 0; i < current.size(); i += maxPhraseWords) {
                    candidates.add(new ArrayList<>(current.subList(i, Math.min(current.size(), i + maxPhraseWords))));
                }
            }
            current.clear();
        }
    }

    private static Set<String> loadStopwords() {
        List<String> lines = ClasspathLines.read(KeywordExtractor.class, STOPWORDS_RESOURCE).orElseThrow(
                () -> new IllegalStateException("keyword stop words resource not found: " + STOPWORDS_RESOURCE));
        Set<String> words = new HashSet<>();
        lines.stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> words.addAll(List.of(l.strip().split("\\s+"))));
        return Set.copyOf(words);
    }
}
