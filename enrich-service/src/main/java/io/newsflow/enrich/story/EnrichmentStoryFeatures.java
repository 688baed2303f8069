package io.newsflow.enrich.story;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.EntityTypes;
import io.newsflow.contracts.Keyword;

/**
 * Story features: the text's salient terms ({@link SalientTermExtractor}) plus, when the pipeline produced them, the
 * enrichment's entities (countries weighing less) and keywords (scaled to the article's strongest keyword). Entity keys ({@code e:}) use the canonical id where there is one, so
 * "U.S." and "United States" meet; keyword keys ({@code k:}) are the lower-cased terms.
 */
public final class EnrichmentStoryFeatures implements StoryFeatures {

    public static final String ENTITY = "e:";
    public static final String KEYWORD = "k:";

    private final SalientTermExtractor fallback;
    private final double entityWeight;
    private final double countryShare;

    public EnrichmentStoryFeatures(SalientTermExtractor fallback, double entityWeight, double countryShare) {
        this.fallback = fallback;
        this.entityWeight = entityWeight;
        this.countryShare = countryShare;
    }

    @Override
    public Features extract(Input in) {
        Features text = fallback.extract(in.title(), in.text());
        if (in.entities().isEmpty() && in.keywords().isEmpty()) {
            return text;
        }
        Map<String, Double> terms = new HashMap<>(text.terms());
        Map<String, Integer> entities = new HashMap<>();
        double maxKeyword = in.keywords().stream().mapToDouble(Keyword::weight).max().orElse(1.0);
        for (Keyword k : in.keywords()) {
            if (k.term() != null && !k.term().isBlank() && maxKeyword > 0) {
                terms.merge(KEYWORD + k.term().toLowerCase(Locale.ROOT), k.weight() / maxKeyword, Double::sum);
            }
        }
        for (EntityMention e : in.entities()) {
            if (e.name() == null || e.name().isBlank()) {
                continue;
            }
            String key = e.canonicalId() != null ? e.canonicalId() : e.name().toLowerCase(Locale.ROOT);
            // countries are the backdrop of most international news; people, organisations and places identify events
            double typeWeight = EntityTypes.COUNTRY.equals(e.type()) ? countryShare : 1.0;
            terms.merge(ENTITY + key, entityWeight * typeWeight * (1 + Math.log(Math.max(1, e.mentions()))), Double::sum);
            entities.merge(e.name(), Math.max(1, e.mentions()), Integer::sum);
        }
        return new Features(terms, entities);
    }
}
