package io.newsflow.enrich.pipeline;

/**
 * One step of the enrichment pipeline. A stage does one job on the mutable {@link ArticleDraft} and must be
 * thread-safe (one instance serves all worker threads) and free of framework types.
 */
public interface EnrichmentStage {

    /** Stable name used in configuration ({@code newsflow.enrich.stages}) and metrics. */
    String name();

    void apply(ArticleDraft draft);
}
