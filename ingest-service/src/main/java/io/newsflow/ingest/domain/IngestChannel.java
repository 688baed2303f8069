package io.newsflow.ingest.domain;

/** How an article reached ingest-service; its {@link #value()} is {@code IngestedArticle.channel}. */
public enum IngestChannel {
    KAFKA("kafka"),
    HTTP("http");

    private final String value;

    IngestChannel(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
