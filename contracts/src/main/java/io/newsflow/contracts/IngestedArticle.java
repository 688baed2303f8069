package io.newsflow.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A validated, normalised article on {@link Topics#INGESTED}; key = {@link #id()}.
 *
 * @param id              deterministic id (see {@link ArticleIds})
 * @param publisherId     the publisher's own id from the envelope, if any
 * @param url             the URL as sent
 * @param canonicalUrl    {@link UrlCanonicalizer canonical} form of the URL, or null
 * @param source          publisher/site name or domain (envelope, header, else the URL's host)
 * @param title           title from the envelope, if any
 * @param authors         authors from the envelope (empty when none)
 * @param publishedAt     envelope date when it parsed as ISO-8601
 * @param publishedAtText envelope date text as sent when it did not parse (left for enrichment)
 * @param language        language hint from the envelope (BCP-47), if any
 * @param contentType     {@code text/plain} or {@code text/html} (declared or sniffed)
 * @param content         the body, NFC-normalised with {@code \n} line endings
 * @param ingestedAt      when ingest-service accepted it
 * @param channel         {@code kafka} or {@code http}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestedArticle(
        String id,
        String publisherId,
        String url,
        String canonicalUrl,
        String source,
        String title,
        List<String> authors,
        Instant publishedAt,
        String publishedAtText,
        String language,
        String contentType,
        String content,
        Instant ingestedAt,
        String channel) {

    public IngestedArticle {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
