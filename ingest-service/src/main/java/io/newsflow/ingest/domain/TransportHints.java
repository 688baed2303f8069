package io.newsflow.ingest.domain;

/**
 * What the transport says about a record besides its value: Kafka headers {@code source}, {@code url} and
 * {@code content-type}. Each may be null. Envelope fields win over the hints.
 */
public record TransportHints(String source, String url, String contentType) {

    public static final TransportHints NONE = new TransportHints(null, null, null);
}
