package io.newsflow.enrich.domain;

import java.time.Clock;
import java.util.List;

import io.newsflow.contracts.DuplicateKinds;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.IngestedArticle;
import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.enrich.pipeline.Pipeline;
import io.newsflow.enrich.pipeline.StageObserver;

/**
 * Enriches one article: runs the pipeline on a draft made from the ingested envelope, then assembles the
 * {@link EnrichedArticle} with what the registry says about versions and exact duplicates.
 */
public final class EnrichmentService {

    private static final double EXACT_SIMILARITY = 1.0;

    private final Pipeline pipeline;
    private final String pipelineVersion;
    private final Clock clock;

    public EnrichmentService(Pipeline pipeline, String pipelineVersion, Clock clock) {
        this.pipeline = pipeline;
        this.pipelineVersion = pipelineVersion;
        this.clock = clock;
    }

    public ArticleDraft prepare(IngestedArticle in, StageObserver observer) {
        ArticleDraft draft = ArticleDraft.builder()
                .id(in.id())
                .url(in.url())
                .canonicalUrl(in.canonicalUrl())
                .source(in.source())
                .title(in.title())
                .authors(in.authors())
                .publishedAt(in.publishedAt())
                .publishedAtText(in.publishedAtText())
                .language(in.language())
                .contentType(in.contentType())
                .content(in.content())
                .build();
        pipeline.run(draft, observer);
        if (draft.contentHash() == null) {
            throw new IllegalStateException("the pipeline produced no content hash; is the content-hash stage configured?");
        }
        return draft;
    }

    public EnrichedArticle complete(IngestedArticle in, ArticleDraft d, Registration registration) {
        boolean duplicate = registration.isExactDuplicateOf(in.id());
        return new EnrichedArticle(
                in.id(),
                in.url(),
                d.canonicalUrl(),
                d.source(),
                d.title(),
                d.authors(),
                d.publishedAt(),
                d.publishedAtSource(),
                d.language(),
                d.languageConfidence(),
                d.text(),
                d.lede(),
                d.wordCount(),
                d.readingTimeMinutes(),
                d.entities(),
                d.keywords(),
                d.contentHash(),
                duplicate ? registration.firstIdForHash() : null,
                duplicate ? DuplicateKinds.EXACT : null,
                duplicate ? EXACT_SIMILARITY : null,
                null,
                registration.version(),
                in.ingestedAt(),
                clock.instant(),
                pipelineVersion,
                withoutNulls(d.provenance()),
                d.publishedDate());
    }

    private static java.util.Map<String, String> withoutNulls(java.util.Map<String, String> map) {
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    public String pipelineVersion() {
        return pipelineVersion;
    }
}
