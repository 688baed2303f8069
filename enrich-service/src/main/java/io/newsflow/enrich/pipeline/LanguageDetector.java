package io.newsflow.enrich.pipeline;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import io.newsflow.contracts.FieldSources;

/**
 * Language of the clean text with Lingua, restricted to a configured set of languages (memory is spent on
 * those models only). "und" when the text is too short or the best confidence is below the threshold. An
 * envelope language wins; its detected confidence is still reported when the detector knows the language.
 * Optionally a {@link StopwordLanguageVote} goes first: a clear function-word vote in Latin-script text decides
 * without Lingua (a fraction of the cost); an unclear one falls through to Lingua.
 */
public final class LanguageDetector implements EnrichmentStage {

    public static final String NAME = "language";
    public static final String UNDETERMINED = "und";

    private final com.github.pemistahl.lingua.api.LanguageDetector detector;
    private final int minTextLength;
    private final double minConfidence;
    private final int maxSampleLength;
    /** Null when the stop-word vote is off. */
    private final StopwordLanguageVote vote;
    private final java.util.Set<String> candidates;

    /**
     * @param isoCodes        ISO 639-1 codes of the candidate languages (at least two)
     * @param preload         load all models now rather than on first use
     * @param lowAccuracy     trigram models only (much less memory, weaker on short texts)
     * @param minTextLength   shorter texts (letters and spaces, trimmed) get "und"
     * @param minConfidence   a best language less than this far ahead of the runner-up gets "und"
     * @param maxSampleLength only this many leading characters are examined (bounds CPU on long texts)
     */
    public LanguageDetector(Collection<String> isoCodes, boolean preload, boolean lowAccuracy, int minTextLength,
            double minConfidence, int maxSampleLength) {
        this(isoCodes, preload, lowAccuracy, minTextLength, minConfidence, maxSampleLength, false);
    }

    /** @param stopwordVote try the {@link StopwordLanguageVote} first, Lingua only when it is inconclusive */
    public LanguageDetector(Collection<String> isoCodes, boolean preload, boolean lowAccuracy, int minTextLength,
            double minConfidence, int maxSampleLength, boolean stopwordVote) {
        IsoCode639_1[] codes = isoCodes.stream().map(c -> IsoCode639_1.valueOf(c.strip().toUpperCase(Locale.ROOT)))
                .toArray(IsoCode639_1[]::new);
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromIsoCodes639_1(codes);
        if (preload) {
            builder = builder.withPreloadedLanguageModels();
        }
        if (lowAccuracy) {
            // trigram models only: a fraction of the memory, still reliable on article-length texts
            builder = builder.withLowAccuracyMode();
        }
        this.detector = builder.build();
        this.minTextLength = minTextLength;
        this.minConfidence = minConfidence;
        this.maxSampleLength = maxSampleLength;
        this.vote = stopwordVote ? StopwordLanguageVote.forCandidates(isoCodes) : null;
        this.candidates = java.util.Set.copyOf(isoCodes.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        String envelope = primarySubtag(draft.envelopeLanguage());
        String text = draft.text();
        String sample = text.length() > maxSampleLength ? text.substring(0, maxSampleLength) : text;
        boolean tooShort = sample.strip().length() < minTextLength;
        Optional<StopwordLanguageVote.Result> quick = tooShort || vote == null ? Optional.empty() : vote.decide(sample);
        if (quick.isPresent()) {
            StopwordLanguageVote.Result r = quick.get();
            if (envelope == null) {
                draft.language(r.iso(), r.confidence(), FieldSources.DETECTED);
            } else {
                // as with Lingua: the envelope's language is 0 when another one clearly won, unknown if no candidate
                Double confidence = r.iso().equals(envelope) ? r.confidence() : candidates.contains(envelope) ? 0.0 : null;
                draft.language(envelope, confidence, FieldSources.ENVELOPE);
            }
            return;
        }
        SortedMap<Language, Double> values = tooShort ? null : detector.computeLanguageConfidenceValues(sample);
        if (envelope != null) {
            draft.language(envelope, confidenceOf(values, envelope), FieldSources.ENVELOPE);
            return;
        }
        if (values == null || values.isEmpty()) {
            draft.language(UNDETERMINED, null, FieldSources.DETECTED);
            return;
        }
        Map.Entry<Language, Double> best = values.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        double confidence = margin(values, best.getKey());
        if (best.getKey() == Language.UNKNOWN || confidence < minConfidence) {
            draft.language(UNDETERMINED, confidence, FieldSources.DETECTED);
        } else {
            draft.language(iso(best.getKey()), confidence, FieldSources.DETECTED);
        }
    }

    /**
     * What the stop-word vote alone says about the text's sample (empty: too short, vote off or inconclusive, so
     * Lingua decides). For measuring how often the cheap path decides.
     */
    public Optional<String> votedLanguage(String text) {
        String sample = text.length() > maxSampleLength ? text.substring(0, maxSampleLength) : text;
        if (vote == null || sample.strip().length() < minTextLength) {
            return Optional.empty();
        }
        return vote.decide(sample).map(StopwordLanguageVote.Result::iso);
    }

    /**
     * Lingua's values are relative (the best language scores 1.0, the others a fraction of it), so the
     * confidence in a language is how far it is ahead of the best other one: 1 - other/its own value, in 0..1
     * (Lingua's own "relative distance"). 0 when it is not the best.
     */
    private static double margin(SortedMap<Language, Double> values, Language language) {
        double own = values.getOrDefault(language, 0.0);
        double other = values.entrySet().stream().filter(e -> e.getKey() != language)
                .mapToDouble(Map.Entry::getValue).max().orElse(0.0);
        return own <= 0 || other >= own ? 0.0 : 1.0 - other / own;
    }

    private static Double confidenceOf(SortedMap<Language, Double> values, String iso) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.keySet().stream().filter(l -> iso.equals(iso(l))).map(l -> margin(values, l)).findFirst()
                .orElse(null);
    }

    private static String iso(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /** "en-US" to "en"; null for blank. */
    static String primarySubtag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return primary.isEmpty() ? null : primary;
    }
}
