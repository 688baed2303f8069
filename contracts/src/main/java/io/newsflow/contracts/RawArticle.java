package io.newsflow.contracts;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The raw article envelope a publisher sends to {@link Topics#RAW} or {@code POST /articles}.
 * Every field is optional except {@code content}. {@code publishedAt} is kept as text here: it may be
 * ISO-8601 or a common date phrase, parsed downstream.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawArticle(
        String id,
        String url,
        String source,
        String title,
        String author,
        List<String> authors,
        String publishedAt,
        String language,
        String contentType,
        String content) {

    /** A bare-content record (text or HTML) with optional source and url taken from headers. */
    public static RawArticle bare(String content, String source, String url) {
        return new RawArticle(null, url, source, null, null, null, null, null, null, content);
    }
}
