package io.newsflow.enrich.story;

import java.util.List;
import java.util.Map;

import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.Keyword;

/**
 * What story grouping looks at in an article: weighted salient terms (the vector compared with stories) and
 * the named entities shown on the story record. Implementations decide where they come from (the enrichment's
 * entities and keywords, or terms computed from the text).
 */
public interface StoryFeatures {

    /** The article as story grouping sees it. */
    record Input(String title, String text, List<EntityMention> entities, List<Keyword> keywords) {
        public Input {
            entities = entities == null ? List.of() : entities;
            keywords = keywords == null ? List.of() : keywords;
        }
    }

    /**
     * @param terms    term key to weight (unnormalised, higher is more salient); keys carry a kind prefix
     * @param entities display name to mention count
     */
    record Features(Map<String, Double> terms, Map<String, Integer> entities) {
    }

    Features extract(Input input);
}
