package io.newsflow.query.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.Keyword;
import io.newsflow.query.persistence.ArticleDetail;
import io.newsflow.query.persistence.ArticleSearch;
import io.newsflow.query.persistence.ArticleSummary;

/**
 * An article as the API returns it. List items and {@code GET /articles/{id}} share this shape; only the
 * detail carries {@code text} and {@code provenance}, and only search results carry {@code snippet}.
 */
@Schema(name = "Article", description = "A stored, enriched article.")
public record ArticleView(
        @Schema(description = "Deterministic article id (16 hex characters)", examples = "3f1c0a9b7d2e4c11")
        String id,
        @Schema(description = "URL as sent by the publisher") String url,
        @Schema(description = "Canonical form of the URL (tracking parameters, AMP, www. removed)")
        String canonicalUrl,
        @Schema(description = "Publisher or site", examples = "reuters.com") String source,
        String title,
        List<String> authors,
        @Schema(description = "Publication time (ISO-8601), null when unknown") Instant publishedAt,
        @Schema(description = "Where publishedAt came from: envelope, html-meta, json-ld, text-header, dateline, "
                + "url or none")
        String publishedAtSource,
        @Schema(description = "BCP-47 language tag, und when undetermined", examples = "en") String language,
        @Schema(description = "Confidence of the language detection, 0..1") Double languageConfidence,
        @Schema(description = "First paragraph of the text") String lede,
        int wordCount,
        int readingTimeMinutes,
        @Schema(description = "Named entities (PERSON, ORG, LOCATION, COUNTRY) with mention counts")
        List<EntityMention> entities,
        @Schema(description = "Salient terms with weights") List<Keyword> keywords,
        @Schema(description = "SHA-256 of the normalised text") String contentHash,
        @Schema(description = "Id of the first-seen copy when this article is a near-duplicate, else null")
        String duplicateOf,
        @Schema(description = "near when duplicateOf is set") String duplicateKind,
        @Schema(description = "Similarity to duplicateOf (0..1), else null") Double similarity,
        @Schema(description = "Story this article belongs to") String storyId,
        @Schema(description = "1 for the first body seen under this id; bumped when the body changes")
        int version,
        Instant ingestedAt,
        Instant enrichedAt,
        @Schema(description = "When query-service last stored this version") Instant storedAt,
        String pipelineVersion,
        @Schema(description = "Search results only: up to two passages of the text's beginning around the query's"
                + " words, joined by \" … \", each matched word wrapped in <mark>...</mark> (words of an excluded"
                + " -term are not). Plain text, not HTML-escaped: the article's characters appear as stored (a \"<\""
                + " or \"&\" stays as it is) and only tag-like runs such as <br> are replaced by a space; escape it"
                + " before rendering as HTML, keeping the <mark> elements.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String snippet,
        @Schema(description = "GET /articles/{id} only: the clean main text, paragraphs separated by a blank line")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String text,
        @Schema(description = "GET /articles/{id} only: where each metadata field came from")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, String> provenance,
        @Schema(description = "collapse=story only: this article stands for its story among the matches")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Collapsed collapsed) {

    /** What a collapsed list item stands for. */
    @Schema(name = "Collapsed", description = "The story a collapsed item stands for, among the matches")
    public record Collapsed(
            @Schema(description = "The story, null for an article without one") String storyId,
            @Schema(description = "How many other matching articles the story has") int otherArticles,
            @Schema(description = "From how many distinct sources the story's matching articles come") int sources) {
    }

    /** A list item, with the search snippet when there is one. */
    static ArticleView summary(ArticleSummary a, String snippet) {
        return of(a, snippet, null, null, null);
    }

    /** A search hit, with its snippet and, when collapsed, its story group. */
    static ArticleView hit(ArticleSearch.Hit hit) {
        ArticleSearch.StoryGroup g = hit.story();
        return of(hit.article(), hit.snippet(), null, null,
                g == null ? null : new Collapsed(g.storyId(), g.otherArticles(), g.sources()));
    }

    /** The full article. */
    static ArticleView detail(ArticleDetail a) {
        return of(a.summary(), null, a.text() == null ? "" : a.text(),
                a.provenance() == null ? Map.of() : a.provenance(), null);
    }

    private static ArticleView of(ArticleSummary a, String snippet, String text, Map<String, String> provenance,
            Collapsed collapsed) {
        return new ArticleView(a.id, a.url, a.canonicalUrl, a.source, a.title, orEmpty(a.authors), a.publishedAt,
                a.publishedAtSource, a.language, a.languageConfidence, a.lede, a.wordCount, a.readingTimeMinutes,
                orEmpty(a.entities), orEmpty(a.keywords), a.contentHash, a.duplicateOf, a.duplicateKind,
                a.similarity, a.storyId, a.version, a.ingestedAt, a.enrichedAt, a.storedAt, a.pipelineVersion,
                snippet, text, provenance, collapsed);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
