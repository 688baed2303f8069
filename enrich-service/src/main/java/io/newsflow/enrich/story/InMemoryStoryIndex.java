package io.newsflow.enrich.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A single-process {@link StoryIndex} with the same semantics as the PostgreSQL one. For evaluation and tests.
 */
public final class InMemoryStoryIndex implements StoryIndex {

    /** A story record as stored. */
    public record StoryRecord(StoryState state, Set<String> sources, Map<String, Integer> entities) {
    }

    private final Map<String, StoryRecord> stories = new HashMap<>();
    private final Map<String, Set<String>> postings = new HashMap<>();
    private final Map<String, String> articleStory = new HashMap<>();

    @Override
    public synchronized Optional<String> storyOfArticle(String articleId) {
        return Optional.ofNullable(articleStory.get(articleId));
    }

    @Override
    public void lockTerms(List<String> sortedTerms) {
        // one process, one caller at a time: nothing to serialise
    }

    @Override
    public synchronized Set<String> candidates(Map<String, Double> vector, Instant notBefore, int perTermLimit, int limit) {
        Map<String, Double> scores = new HashMap<>();
        vector.forEach((t, w) -> postings.getOrDefault(t, Set.of()).stream()
                .map(stories::get)
                .filter(r -> !r.state().lastUpdatedAt().isBefore(notBefore))
                .sorted(Comparator.comparing((StoryRecord r) -> r.state().lastUpdatedAt()).reversed()
                        .thenComparing(r -> r.state().storyId()))
                .limit(perTermLimit)
                .forEach(r -> scores.merge(r.state().storyId(), w * normalisedWeight(r.state(), t), Double::sum)));
        Set<String> out = new LinkedHashSet<>();
        scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .forEach(e -> out.add(e.getKey()));
        return out;
    }

    /** What the database index stores per posting: the story's weight of the term over its vector's L2 norm. */
    private static double normalisedWeight(StoryState story, String term) {
        double norm = Math.sqrt(story.terms().values().stream().mapToDouble(x -> x * x).sum());
        return norm == 0 ? 0 : story.terms().getOrDefault(term, 0.0) / norm;
    }

    @Override
    public synchronized Map<String, Integer> storyFrequencies(Collection<String> terms, int cap) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String t : terms) {
            out.put(t, Math.min(cap, postings.getOrDefault(t, Set.of()).size()));
        }
        return out;
    }

    @Override
    public synchronized int storedStories(int cap) {
        return Math.min(cap, stories.size());
    }

    @Override
    public synchronized Map<String, StoryState> load(Collection<String> storyIds) {
        Map<String, StoryState> out = new LinkedHashMap<>();
        for (String id : storyIds) {
            StoryRecord r = stories.get(id);
            if (r != null) {
                out.put(id, r.state());
            }
        }
        return out;
    }

    @Override
    public synchronized StoryState lockStory(String storyId) {
        StoryRecord r = stories.get(storyId);
        return r == null ? null : r.state();
    }

    @Override
    public synchronized void save(String articleId, double similarity, StoryState state, String source, Map<String, Integer> entities,
            Instant now) {
        StoryRecord old = stories.get(state.storyId());
        if (old != null) {
            for (String t : old.state().terms().keySet()) {
                Set<String> p = postings.get(t);
                if (p != null) {
                    p.remove(state.storyId());
                }
            }
        }
        Set<String> sources = old == null ? new LinkedHashSet<>() : new LinkedHashSet<>(old.sources());
        if (source != null) {
            sources.add(source);
        }
        Map<String, Integer> ents = old == null ? new TreeMap<>() : new TreeMap<>(old.entities());
        entities.forEach((k, v) -> ents.merge(k, v, Integer::sum));
        stories.put(state.storyId(), new StoryRecord(state, sources, ents));
        for (String t : state.terms().keySet()) {
            postings.computeIfAbsent(t, k -> new HashSet<>()).add(state.storyId());
        }
        articleStory.put(articleId, state.storyId());
    }

    @Override
    public synchronized int expire(Instant cutoff) {
        List<String> old = new ArrayList<>();
        stories.forEach((id, r) -> {
            if (r.state().lastUpdatedAt().isBefore(cutoff)) {
                old.add(id);
            }
        });
        for (String id : old) {
            StoryRecord r = stories.remove(id);
            r.state().terms().keySet().forEach(t -> postings.getOrDefault(t, new HashSet<>()).remove(id));
        }
        articleStory.values().removeIf(old::contains);
        return old.size();
    }

    public synchronized Map<String, StoryRecord> stories() {
        return Map.copyOf(stories);
    }
}
