package io.newsflow.contracts;

/** Default topic names (each service can override them in its configuration). */
public final class Topics {
    public static final String RAW = "articles.raw";
    public static final String INGESTED = "articles.ingested";
    public static final String ENRICHED = "articles.enriched";
    public static final String DLQ = "articles.dlq";

    /** All topics the pipeline needs, in flow order. */
    public static final String[] ALL = {RAW, INGESTED, ENRICHED, DLQ};

    private Topics() {
    }
}
