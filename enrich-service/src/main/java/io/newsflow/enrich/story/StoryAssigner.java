package io.newsflow.enrich.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Online same-story grouping: an article joins the most similar story (cosine of salient-term vectors) updated
 * within the time window if the similarity reaches the threshold, else it opens a new story. Candidates come
 * from an inverted index (term -> stories), never from a scan. Near-duplicates follow their original. The same
 * logic runs against the PostgreSQL index in the service and the in-memory one in the evaluation.
 */
public final class StoryAssigner {

    public static final String STORY_ID_PREFIX = "s-";
    /** Terms considered before weighting, per term kept. */
    private static final int CANDIDATE_TERM_FACTOR = 3;

    private final StoryFeatures features;
    private final int articleTerms;
    private final int storyTerms;
    private final int postingsPerTerm;
    private final double threshold;
    private final Duration window;
    private final int populationCap;

    public StoryAssigner(StoryFeatures features, int articleTerms, int storyTerms, int postingsPerTerm, double threshold,
            Duration window, int populationCap) {
        this.populationCap = populationCap;
        this.features = features;
        this.articleTerms = articleTerms;
        this.storyTerms = storyTerms;
        this.postingsPerTerm = postingsPerTerm;
        this.threshold = threshold;
        this.window = window;
    }

    public StoryDecision assign(String articleId, String source, StoryFeatures.Input input, String duplicateOf,
            StoryIndex index, Instant now) {
        Optional<String> known = index.storyOfArticle(articleId);
        if (known.isPresent()) {
            return new StoryDecision(known.get(), 1.0, false);
        }
        StoryFeatures.Features f = features.extract(input);
        Map<String, Double> vector = weighted(f.terms(), index, now.minus(window));
        if (duplicateOf != null) {
            Optional<String> originals = index.storyOfArticle(duplicateOf);
            if (originals.isPresent()) {
                StoryState story = index.lockStory(originals.get());
                if (story != null) {
                    return join(articleId, source, f, vector, story, TermVectors.cosine(vector, story.terms()), index, now);
                }
            }
        }
        List<String> terms = new ArrayList<>(vector.keySet());
        Collections.sort(terms);
        index.lockTerms(terms);
        StoryState best = null;
        double bestScore = -1;
        if (!vector.isEmpty()) {
            Map<String, StoryState> candidates = index.load(index.candidates(terms, now.minus(window), postingsPerTerm));
            for (StoryState s : candidates.values()) {
                double score = TermVectors.cosine(vector, s.terms());
                if (score > bestScore || score == bestScore && best != null && s.storyId().compareTo(best.storyId()) < 0) {
                    best = s;
                    bestScore = score;
                }
            }
        }
        if (best != null && bestScore >= threshold) {
            StoryState story = index.lockStory(best.storyId());
            return join(articleId, source, f, vector, story, bestScore, index, now);
        }
        String storyId = STORY_ID_PREFIX + articleId;
        index.save(articleId, 1.0, new StoryState(storyId, TermVectors.top(vector, storyTerms), 1, now, now), source,
                f.entities(), now);
        return new StoryDecision(storyId, 1.0, true);
    }

    /**
     * The article's vector: its strongest terms weighted by an inverse story frequency from the live window, so that
     * terms every story has (a country in international news) count less than those of this event. Frequencies
     * and the population are counted up to caps, so the cost does not grow with the corpus.
     */
    private Map<String, Double> weighted(Map<String, Double> terms, StoryIndex index, Instant notBefore) {
        Map<String, Double> strongest = TermVectors.top(terms, articleTerms * CANDIDATE_TERM_FACTOR);
        if (strongest.isEmpty()) {
            return strongest;
        }
        Map<String, Integer> df = index.storyFrequencies(strongest.keySet(), notBefore, postingsPerTerm);
        int population = index.liveStories(notBefore, populationCap);
        Map<String, Double> weighted = new java.util.HashMap<>();
        strongest.forEach((t, w) -> weighted.put(t, w * Math.log(1 + (population + 1.0) / (df.getOrDefault(t, 0) + 1.0))));
        return TermVectors.normalize(TermVectors.top(weighted, articleTerms));
    }

    private StoryDecision join(String articleId, String source, StoryFeatures.Features f, Map<String, Double> vector,
            StoryState story, double score, StoryIndex index, Instant now) {
        Map<String, Double> terms = TermVectors.top(TermVectors.plus(story.terms(), vector), storyTerms);
        index.save(articleId, score, new StoryState(story.storyId(), terms, story.articleCount() + 1, story.firstSeenAt(), now),
                source, f.entities(), now);
        return new StoryDecision(story.storyId(), score, false);
    }

    public Duration window() {
        return window;
    }

    public double threshold() {
        return threshold;
    }
}
