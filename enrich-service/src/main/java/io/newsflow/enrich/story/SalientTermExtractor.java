package io.newsflow.enrich.story;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salient terms computed from the text alone, for when the enrichment provides no entities or keywords: proper
 * nouns (capitalised words that are not sentence-initial common words) weigh most, other content words less;
 * stop words and newsroom filler are ignored. Term keys: {@code n:} proper-noun word, {@code w:} content word.
 * Capitalised runs ("Lindsay Lohan") are also reported as entity display names. Backdrop names (countries and their
 * demonyms: "Japan", "Japanese", "United States") weigh as proper nouns times a share, as the enrichment's COUNTRY
 * entities do: they are the setting of much international news, not what tells one event from another.
 */
public final class SalientTermExtractor {

    public static final String PROPER = "n:";
    public static final String WORD = "w:";
    public static final String NUMBER = "d:";

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’')]?)\\s+(?=[\"“‘'(]?\\p{Lu})");
    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’.-]*\\p{L}|\\p{L}|\\p{N}+(?:[.,]\\p{N}+)*");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final int MIN_WORD_LENGTH = 3;

    private final double properWeight;
    private final double yearWeight;
    private final double titleWeight;
    private final int leadSentences;
    private final double leadWeight;
    /** Lower-cased, space-joined token sequences of backdrop names. */
    private final Set<String> backdropPhrases;
    private final int longestBackdrop;
    private final double backdropShare;

    /** No lead boost and no backdrop names: every body sentence and proper noun counts the same. */
    public SalientTermExtractor(double properWeight, double titleWeight) {
        this(properWeight, titleWeight, 0, 1.0, Set.of(), 1.0);
    }

    /** A year weighs as a proper noun. */
    public SalientTermExtractor(double properWeight, double titleWeight, int leadSentences, double leadWeight,
            Collection<String> backdropNames, double backdropShare) {
        this(properWeight, properWeight, titleWeight, leadSentences, leadWeight, backdropNames, backdropShare);
    }

    /**
     * @param leadSentences body sentences that count as the lead (news puts who/what/where/when first, background later)
     * @param leadWeight    weight of a lead sentence's terms relative to the rest of the body
     * @param backdropNames names whose proper-noun terms weigh {@code backdropShare} of a proper noun (countries)
     * @param yearWeight    weight of a year ("2008") relative to a common content word: similar events of the same
     *                      kind (two quakes in one region, two rehab stays of one actress) are told apart by their year
     */
    public SalientTermExtractor(double properWeight, double yearWeight, double titleWeight, int leadSentences,
            double leadWeight, Collection<String> backdropNames, double backdropShare) {
        this.properWeight = properWeight;
        this.yearWeight = yearWeight;
        this.titleWeight = titleWeight;
        this.leadSentences = leadSentences;
        this.leadWeight = leadWeight;
        this.backdropShare = backdropShare;
        Set<String> phrases = new HashSet<>();
        int longest = 0;
        for (String name : backdropNames) {
            List<String> t = tokens(name);
            if (!t.isEmpty()) {
                phrases.add(String.join(" ", t).toLowerCase(Locale.ROOT));
                longest = Math.max(longest, t.size());
            }
        }
        this.backdropPhrases = Set.copyOf(phrases);
        this.longestBackdrop = longest;
    }

    public StoryFeatures.Features extract(String title, String text) {
        List<List<String>> sentences = new ArrayList<>();
        List<Boolean> fromTitle = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            sentences.add(tokens(title));
            fromTitle.add(true);
        }
        for (String line : (text == null ? "" : text).split("\\R")) {
            for (String s : SENTENCE_END.split(line)) {
                List<String> t = tokens(s);
                if (!t.isEmpty()) {
                    sentences.add(t);
                    fromTitle.add(false);
                }
            }
        }
        Set<String> lowerSeen = new HashSet<>();
        for (List<String> s : sentences) {
            for (String w : s) {
                if (Character.isLowerCase(w.charAt(0))) {
                    lowerSeen.add(w);
                }
            }
        }
        Map<String, Double> tf = new HashMap<>();
        Map<String, Integer> entities = new HashMap<>();
        int body = 0;
        for (int si = 0; si < sentences.size(); si++) {
            List<String> s = sentences.get(si);
            double boost = fromTitle.get(si) ? titleWeight : body++ < leadSentences ? leadWeight : 1.0;
            List<String> run = new ArrayList<>();
            boolean[] backdrop = backdropPositions(s);
            for (int i = 0; i < s.size(); i++) {
                String w = s.get(i);
                String lower = w.toLowerCase(Locale.ROOT);
                if (Character.isDigit(w.charAt(0))) {
                    // years and figures (a magnitude, a death toll) tell two similar events apart
                    flush(run, entities);
                    tf.merge(NUMBER + lower, boost * (YEAR.matcher(lower).matches() ? yearWeight : 1.0), Double::sum);
                    continue;
                }
                boolean capital = Character.isUpperCase(w.charAt(0));
                boolean proper = capital && !StopWords.contains(lower) && lower.length() > 1
                        && (i > 0 && !fromTitle.get(si) || !lowerSeen.contains(lower));
                if (proper) {
                    tf.merge(PROPER + lower, boost * properWeight * (backdrop[i] ? backdropShare : 1.0), Double::sum);
                    run.add(w);
                    continue;
                }
                flush(run, entities);
                if (!StopWords.contains(lower) && lower.length() >= MIN_WORD_LENGTH) {
                    tf.merge(WORD + stem(lower), boost, Double::sum);
                }
            }
            flush(run, entities);
        }
        Map<String, Double> weights = new HashMap<>();
        tf.forEach((k, v) -> weights.put(k, 1 + Math.log(v)));
        return new StoryFeatures.Features(weights, entities);
    }

    /** Token positions covered by a backdrop name (longest match first, left to right). */
    private boolean[] backdropPositions(List<String> sentence) {
        boolean[] out = new boolean[sentence.size()];
        int i = 0;
        while (i < sentence.size()) {
            int matched = 0;
            if (Character.isUpperCase(sentence.get(i).charAt(0))) {
                for (int len = Math.min(longestBackdrop, sentence.size() - i); len >= 1 && matched == 0; len--) {
                    String phrase = String.join(" ", sentence.subList(i, i + len)).toLowerCase(Locale.ROOT);
                    if (backdropPhrases.contains(phrase)) {
                        matched = len;
                    }
                }
            }
            for (int k = i; k < i + matched; k++) {
                out[k] = true;
            }
            i += Math.max(1, matched);
        }
        return out;
    }

    private static void flush(List<String> run, Map<String, Integer> entities) {
        if (!run.isEmpty()) {
            entities.merge(String.join(" ", run), 1, Integer::sum);
            run.clear();
        }
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            String w = m.group();
            if (w.endsWith("'s") || w.endsWith("’s")) {
                w = w.substring(0, w.length() - 2);
            }
            if (w.endsWith(".")) {
                w = w.substring(0, w.length() - 1);
            }
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** A light plural/verb-suffix fold so that "quake" and "quakes", "arrest" and "arrested" meet. */
    static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 5 && (w.endsWith("ing") || w.endsWith("ed"))) {
            return w.substring(0, w.length() - (w.endsWith("ing") ? 3 : 2));
        }
        if (w.length() > 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
