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

    private final StoryFeatures features;
    private final int articleTerms;
    private final int storyTerms;
    private final int postingsPerTerm;
    private final double threshold;
    private final Duration window;

    public StoryAssigner(StoryFeatures features, int articleTerms, int storyTerms, int postingsPerTerm, double threshold,
            Duration window) {
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
        Map<String, Double> vector = TermVectors.normalize(TermVectors.top(f.terms(), articleTerms));
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
