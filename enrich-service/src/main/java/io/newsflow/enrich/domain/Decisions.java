package io.newsflow.enrich.domain;

import io.newsflow.contracts.DuplicateKinds;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.enrich.dedup.NearDuplicateMatch;

/** Stamps near-duplicate and story decisions onto an enriched article. */
public final class Decisions {

    private Decisions() {
    }

    public static EnrichedArticle withNearDuplicate(EnrichedArticle a, NearDuplicateMatch m) {
        return copy(a, m.originalId(), DuplicateKinds.NEAR, m.similarity(), a.storyId());
    }

    public static EnrichedArticle withStory(EnrichedArticle a, String storyId) {
        return copy(a, a.duplicateOf(), a.duplicateKind(), a.similarity(), storyId);
    }

    private static EnrichedArticle copy(EnrichedArticle a, String duplicateOf, String kind, Double similarity,
            String storyId) {
        return new EnrichedArticle(a.id(), a.url(), a.canonicalUrl(), a.source(), a.title(), a.authors(),
                a.publishedAt(), a.publishedAtSource(), a.language(), a.languageConfidence(), a.text(), a.lede(),
                a.wordCount(), a.readingTimeMinutes(), a.entities(), a.keywords(), a.contentHash(), duplicateOf, kind,
                similarity, storyId, a.version(), a.ingestedAt(), a.enrichedAt(), a.pipelineVersion(), a.provenance(),
                a.publishedDate());
    }
}
