package io.newsflow.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An enriched article on {@link Topics#ENRICHED}; key = {@link #id()}. query-service stores it.
 *
 * @param provenance         where each metadata field came from: field name ("title", "authors",
 *                           "publishedAt", "language", ...) to a {@link FieldSources} value
 * @param publishedAtSource  where {@code publishedAt} came from ({@link FieldSources}; "none" when unknown)
 * @param languageConfidence 0..1; language is "und" when the text is too short to tell
 * @param text               clean main text, paragraphs separated by a blank line
 * @param duplicateOf        id of the first-seen copy when this is a duplicate, else null
 * @param duplicateKind      {@link DuplicateKinds} value when duplicateOf is set
 * @param similarity         similarity to {@code duplicateOf} (1.0 for exact), else null
 * @param version            1 for the first body seen under this id; bumped when the body changes
 * @param publishedDate      the calendar day of {@code publishedAt} as the page wrote it, in the page's own time
 *                           zone (an evening article in New York is the next day in UTC); null when undated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrichedArticle(
        String id,
        String url,
        String canonicalUrl,
        String source,
        String title,
        List<String> authors,
        Instant publishedAt,
        String publishedAtSource,
        String language,
        Double languageConfidence,
        String text,
        String lede,
        int wordCount,
        int readingTimeMinutes,
        List<EntityMention> entities,
        List<Keyword> keywords,
        String contentHash,
        String duplicateOf,
        String duplicateKind,
        Double similarity,
        String storyId,
        int version,
        Instant ingestedAt,
        Instant enrichedAt,
        String pipelineVersion,
        Map<String, String> provenance,
        LocalDate publishedDate) {

    /** Without the page-local publication day (it is then the UTC day of {@code publishedAt}). */
    public EnrichedArticle(String id, String url, String canonicalUrl, String source, String title, List<String> authors,
            Instant publishedAt, String publishedAtSource, String language, Double languageConfidence, String text,
            String lede, int wordCount, int readingTimeMinutes, List<EntityMention> entities, List<Keyword> keywords,
            String contentHash, String duplicateOf, String duplicateKind, Double similarity, String storyId, int version,
            Instant ingestedAt, Instant enrichedAt, String pipelineVersion, Map<String, String> provenance) {
        this(id, url, canonicalUrl, source, title, authors, publishedAt, publishedAtSource, language, languageConfidence,
                text, lede, wordCount, readingTimeMinutes, entities, keywords, contentHash, duplicateOf, duplicateKind,
                similarity, storyId, version, ingestedAt, enrichedAt, pipelineVersion, provenance,
                publishedAt == null ? null : LocalDate.ofInstant(publishedAt, ZoneOffset.UTC));
    }

    public EnrichedArticle {
        authors = authors == null ? List.of() : List.copyOf(authors);
        entities = entities == null ? List.of() : List.copyOf(entities);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }
}
