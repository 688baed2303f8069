package io.newsflow.enrich.messaging;

import java.util.Optional;
import java.util.function.Supplier;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.enrich.config.DedupConfig;
import io.newsflow.enrich.config.PipelineMetrics;
import io.newsflow.enrich.dedup.NearDuplicateMatch;
import io.newsflow.enrich.domain.Decisions;
import io.newsflow.enrich.persistence.DedupStore;
import io.newsflow.enrich.story.StoryDecision;
import io.newsflow.enrich.story.StoryFeatures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The near-duplicate and story steps after the exact-duplicate registry: an exact duplicate keeps its decision, any
 * other article is checked against the near-duplicate index, then every article gets a story (a duplicate follows
 * its original's story).
 */
@ApplicationScoped
public class DuplicatesAndStories {

    /** Runs a database call with the consumer's retry policy. */
    public interface Retrying {
        <T> T call(String operation, String articleId, Supplier<T> call);
    }

    @Inject
    DedupStore store;

    @Inject
    DedupConfig config;

    @Inject
    PipelineMetrics metrics;

    public EnrichedArticle decide(EnrichedArticle article, Retrying retrying) {
        EnrichedArticle out = article;
        if (out.duplicateOf() == null && config.nearDuplicates().enabled()) {
            String text = out.text();
            Optional<NearDuplicateMatch> match = retrying.call("near-duplicate", article.id(), () -> store.nearDuplicate(article.id(), text));
            if (match.isPresent()) {
                out = Decisions.withNearDuplicate(out, match.get());
                metrics.nearDuplicate(match.get().measure());
            }
        }
        if (config.stories().enabled()) {
            EnrichedArticle current = out;
            StoryFeatures.Input input = new StoryFeatures.Input(current.title(), current.text(), current.entities(),
                    current.keywords());
            StoryDecision story = retrying.call("story", current.id(), () -> store.story(current.id(), current.source(), input,
                    current.duplicateOf()));
            out = Decisions.withStory(out, story.storyId());
            metrics.story(story.created());
        }
        return out;
    }
}
