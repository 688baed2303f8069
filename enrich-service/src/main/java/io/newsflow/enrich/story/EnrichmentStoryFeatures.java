package io.newsflow.enrich.story;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.Keyword;

/**
 * Story features from the enrichment's own entities and keywords when the pipeline produced them, from
 * {@link SalientTermExtractor} otherwise. Entity keys ({@code e:}) use the canonical id where there is one, so
 * "U.S." and "United States" meet; keyword keys ({@code k:}) are the lower-cased terms.
 */
public final class EnrichmentStoryFeatures implements StoryFeatures {

    public static final String ENTITY = "e:";
    public static final String KEYWORD = "k:";

    private final SalientTermExtractor fallback;
    private final double entityWeight;

    public EnrichmentStoryFeatures(SalientTermExtractor fallback, double entityWeight) {
        this.fallback = fallback;
        this.entityWeight = entityWeight;
    }

    @Override
    public Features extract(Input in) {
        if (in.entities().isEmpty() && in.keywords().isEmpty()) {
            return fallback.extract(in.title(), in.text());
        }
        Map<String, Double> terms = new HashMap<>();
        Map<String, Integer> entities = new HashMap<>();
        if (in.keywords().isEmpty()) {
            terms.putAll(fallback.extract(in.title(), in.text()).terms());
        }
        for (Keyword k : in.keywords()) {
            if (k.term() != null && !k.term().isBlank()) {
                terms.merge(KEYWORD + k.term().toLowerCase(Locale.ROOT), k.weight(), Double::sum);
            }
        }
        for (EntityMention e : in.entities()) {
            if (e.name() == null || e.name().isBlank()) {
                continue;
            }
            String key = e.canonicalId() != null ? e.canonicalId() : e.name().toLowerCase(Locale.ROOT);
            terms.merge(ENTITY + key, entityWeight * (1 + Math.log(Math.max(1, e.mentions()))), Double::sum);
            entities.merge(e.name(), Math.max(1, e.mentions()), Integer::sum);
        }
        return new Features(terms, entities);
    }
}
