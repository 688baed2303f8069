package io.newsflow.enrich.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    /** Candidates scored with the full IDF (their story-only terms' frequencies are looked up). */
    private static final int SHORTLIST = 10;
    /**
     * Candidates the index ranks by its cosine over the postings it found and returns for loading, per shortlisted
     * one: loading every candidate (~290 story rows per article) was the stage's largest cost at scale, and the index's
     * score equals the exact one below except for stories missed in some term's most recent postings.
     */
    private static final int PRESELECT_PER_SHORTLISTED = 3;

    private final StoryFeatures features;
    private final int articleTerms;
    private final int storyTerms;
    private final int postingsPerTerm;
    private final double threshold;
    private final Duration window;
    private final int populationCap;
    private final int idfPriorStories;
    private final double maxTermShare;

    /** Without a cap on one term's share of a vector (see the full constructor). */
    public StoryAssigner(StoryFeatures features, int articleTerms, int storyTerms, int postingsPerTerm, double threshold,
            Duration window, int populationCap, int idfPriorStories) {
        this(features, articleTerms, storyTerms, postingsPerTerm, threshold, window, populationCap, idfPriorStories, 1.0);
    }

    /**
     * @param maxTermShare largest share of a compared vector's length one term may have (both sides, after the IDF): a
     *                     join must rest on several shared terms, not on one heavy name (two stories about Apple, or
     *                     two fights of one boxer, share that name and little else)
     */
    public StoryAssigner(StoryFeatures features, int articleTerms, int storyTerms, int postingsPerTerm, double threshold,
            Duration window, int populationCap, int idfPriorStories, double maxTermShare) {
        this.maxTermShare = maxTermShare;
        this.populationCap = populationCap;
        this.idfPriorStories = idfPriorStories;
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
        Instant notBefore = now.minus(window);
        Map<String, Double> raw = TermVectors.normalize(TermVectors.top(f.terms(), articleTerms * CANDIDATE_TERM_FACTOR));
        // Serialise with every concurrent assignment that shares a term *before* reading anything (IDF, candidates):
        // concurrent decisions then equal those of some one-at-a-time order, as a single instance would make them.
        List<String> lockTerms = new ArrayList<>(raw.keySet());
        Collections.sort(lockTerms);
        index.lockTerms(lockTerms);
        Idf idf = new Idf(index);
        Map<String, Double> vector = TermVectors.capped(TermVectors.top(idf.apply(raw), articleTerms), maxTermShare);
        // what the story keeps: the article's selected terms with their own (not yet IDF-weighted) weights
        Map<String, Double> selected = new LinkedHashMap<>();
        vector.keySet().forEach(t -> selected.put(t, raw.get(t)));
        Map<String, Double> contribution = TermVectors.normalize(selected);
        if (duplicateOf != null) {
            Optional<String> originals = index.storyOfArticle(duplicateOf);
            if (originals.isPresent()) {
                StoryState story = index.lockStory(originals.get());
                if (story != null) {
                    // a copy adds nothing about the event: it must not pull the story's terms towards itself
                    // (syndicated copies would dominate a story, and grouping would depend on how many arrived)
                    return join(articleId, source, f, Map.of(), story, similarity(vector, story, idf), index, now);
                }
            }
        }
        StoryState best = null;
        double bestScore = -1;
        if (!vector.isEmpty()) {
            Map<String, StoryState> candidates = index.load(
                    index.candidates(vector, notBefore, postingsPerTerm, SHORTLIST * PRESELECT_PER_SHORTLISTED));
            // Stories keep unweighted terms; both sides are weighted with the same, current IDF, so a comparison does
            // not depend on what the window held when the story's articles arrived. The IDF of story-only terms
            // (they count in the story's norm) is fetched for the most promising candidates only: bounded cost.
            List<StoryState> shortlist = candidates.values().stream()
                    .sorted(Comparator.comparingDouble((StoryState s) -> -TermVectors.cosine(vector, s.terms()))
                            .thenComparing(StoryState::storyId))
                    .limit(SHORTLIST).toList();
            Set<String> storyTerms = new HashSet<>();
            shortlist.forEach(s -> storyTerms.addAll(s.terms().keySet()));
            idf.add(storyTerms);
            for (StoryState s : shortlist) {
                double score = similarity(vector, s, idf);
                if (score > bestScore || score == bestScore && best != null && s.storyId().compareTo(best.storyId()) < 0) {
                    best = s;
                    bestScore = score;
                }
            }
        }
        if (best != null && bestScore >= threshold) {
            StoryState story = index.lockStory(best.storyId());
            // null: the expiry task removed the story between the candidate read and the lock; the article then opens
            // a story of its own, as it would have had the story expired a moment earlier
            if (story != null) {
                // a copy whose original has no story yet (its story step is still running elsewhere) joins by its
                // terms, but like any copy adds none
                return join(articleId, source, f, duplicateOf == null ? contribution : Map.of(), story, bestScore,
                        index, now);
            }
        }
        String storyId = STORY_ID_PREFIX + articleId;
        index.save(articleId, 1.0, new StoryState(storyId, TermVectors.top(contribution, storyTerms), 1, now, now), source,
                f.entities(), now);
        return new StoryDecision(storyId, 1.0, true);
    }

    private double similarity(Map<String, Double> articleVector, StoryState story, Idf idf) {
        return TermVectors.cosine(articleVector, TermVectors.capped(idf.apply(story.terms()), maxTermShare));
    }

    /**
     * Inverse story frequency over the stories the index holds (expiry removes those past the window), so that terms
     * every story has (a country in international news) count less than those of this event. Frequencies and the
     * population are read from counters the index keeps (capped, as before), so the cost does not grow with the corpus. The population gets {@code idfPriorStories} background stories that contain none of
     * the terms: without them a window of a handful of stories makes every term of the one story an article is
     * compared with "common" (df 1 of 1), which pushes the two apart and makes the outcome depend on arrival order.
     */
    private final class Idf {
        private final StoryIndex index;
        private final int population;
        private final Map<String, Integer> df = new HashMap<>();

        Idf(StoryIndex index) {
            this.index = index;
            this.population = index.storedStories(populationCap);
        }

        void add(Collection<String> terms) {
            List<String> missing = terms.stream().filter(t -> !df.containsKey(t)).toList();
            if (!missing.isEmpty()) {
                Map<String, Integer> counted = index.storyFrequencies(missing, postingsPerTerm);
                missing.forEach(t -> df.put(t, counted.getOrDefault(t, 0)));
            }
        }

        Map<String, Double> apply(Map<String, Double> v) {
            add(v.keySet());
            Map<String, Double> out = new LinkedHashMap<>();
            v.forEach((t, w) -> out.put(t, w * Math.log(1 + (population + idfPriorStories + 1.0) / (df.get(t) + 1.0))));
            return out;
        }
    }

    private StoryDecision join(String articleId, String source, StoryFeatures.Features f, Map<String, Double> contribution,
            StoryState story, double score, StoryIndex index, Instant now) {
        Map<String, Double> terms = TermVectors.top(TermVectors.plus(story.terms(), contribution), storyTerms);
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
