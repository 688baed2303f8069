package io.newsflow.enrich.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.Keyword;

/**
 * The mutable working object the stages read and fill in. Input fields come from the ingested envelope;
 * the rest is produced by stages. Not thread-safe: one draft per article.
 */
public final class ArticleDraft {

    public static final String CONTENT_TYPE_HTML = "text/html";
    public static final String TEXT_SOURCE_HTML = "html";
    public static final String TEXT_SOURCE_TEXT = "text";

    // --- input (from the envelope) ---
    private final String id;
    private final String url;
    private final String source;
    private final String canonicalUrl;
    private final String envelopeTitle;
    private final List<String> envelopeAuthors;
    private final Instant envelopePublishedAt;
    private final String envelopePublishedAtText;
    private final String envelopeLanguage;
    private final String contentType;
    private final String content;

    // --- working state and results ---
    private String text = "";
    /** {@link TextBlocks#paragraphs} of {@link #text}, split once and shared by the stages; null until asked. */
    private List<String> paragraphs;
    private String textSource;
    private final HtmlMetadata html = new HtmlMetadata();
    private String title;
    private List<String> authors = new ArrayList<>();
    private Instant publishedAt;
    private String publishedAtSource;
    private LocalDate publishedDate;
    private String language;
    private Double languageConfidence;
    private String lede;
    private int wordCount;
    private int readingTimeMinutes;
    private String contentHash;
    private String resolvedCanonicalUrl;
    private String resolvedSource;
    private final Map<String, String> provenance = new LinkedHashMap<>();
    private List<EntityMention> entities = List.of();
    private List<Keyword> keywords = List.of();

    private ArticleDraft(Builder b) {
        this.id = b.id;
        this.url = b.url;
        this.source = b.source;
        this.canonicalUrl = b.canonicalUrl;
        this.envelopeTitle = b.title;
        this.envelopeAuthors = b.authors == null ? List.of() : List.copyOf(b.authors);
        this.envelopePublishedAt = b.publishedAt;
        this.envelopePublishedAtText = b.publishedAtText;
        this.envelopeLanguage = b.language;
        this.contentType = b.contentType;
        this.content = b.content == null ? "" : b.content;
        this.resolvedCanonicalUrl = b.canonicalUrl;
        this.resolvedSource = b.source;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A draft for bare content (tests, previews). */
    public static ArticleDraft of(String content, String contentType) {
        return builder().content(content).contentType(contentType).build();
    }

    public String id() {
        return id;
    }

    public String url() {
        return url;
    }

    public String source() {
        return resolvedSource;
    }

    public void source(String value) {
        this.resolvedSource = value;
    }

    public String envelopeSource() {
        return source;
    }

    public String envelopeCanonicalUrl() {
        return canonicalUrl;
    }

    public String canonicalUrl() {
        return resolvedCanonicalUrl;
    }

    public void canonicalUrl(String value) {
        this.resolvedCanonicalUrl = value;
    }

    public String envelopeTitle() {
        return envelopeTitle;
    }

    public List<String> envelopeAuthors() {
        return envelopeAuthors;
    }

    public Instant envelopePublishedAt() {
        return envelopePublishedAt;
    }

    public String envelopePublishedAtText() {
        return envelopePublishedAtText;
    }

    public String envelopeLanguage() {
        return envelopeLanguage;
    }

    public String contentType() {
        return contentType;
    }

    public String content() {
        return content;
    }

    public String text() {
        return text;
    }

    public void text(String value) {
        this.text = value == null ? "" : value;
        this.paragraphs = null;
    }

    /**
     * The text's paragraphs ({@link TextBlocks#paragraphs}), split on first use and cached until the text
     * changes, so that the stages do not each re-split and re-clean the same text. Unmodifiable.
     */
    public List<String> paragraphs() {
        if (paragraphs == null) {
            paragraphs = List.copyOf(TextBlocks.paragraphs(text));
        }
        return paragraphs;
    }

    /**
     * Replaces the text by these paragraphs (each as {@link TextBlocks#paragraphs} makes them: non-empty, lines
     * cleaned, no blank line inside), keeping them as the split form so the next stage does not re-split.
     */
    public void paragraphs(List<String> value) {
        List<String> copy = List.copyOf(value);
        this.text = TextBlocks.join(copy);
        this.paragraphs = copy;
    }

    public String textSource() {
        return textSource;
    }

    public void textSource(String value) {
        this.textSource = value;
        provenance.put("text", value);
    }

    public HtmlMetadata html() {
        return html;
    }

    public String title() {
        return title;
    }

    public void title(String value, String fieldSource) {
        this.title = value;
        provenance.put("title", fieldSource);
    }

    public List<String> authors() {
        return authors;
    }

    public void authors(List<String> value, String fieldSource) {
        this.authors = new ArrayList<>(value);
        provenance.put("authors", fieldSource);
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String publishedAtSource() {
        return publishedAtSource;
    }

    /** The calendar day of {@link #publishedAt()} as the page wrote it (its own time zone); null when undated. */
    public LocalDate publishedDate() {
        return publishedDate;
    }

    /** A date with the day as written: {@code written} may differ from the UTC day when the page gave an offset. */
    public void publishedAt(Instant value, LocalDate written, String fieldSource) {
        publishedAt(value, fieldSource);
        this.publishedDate = value == null ? null : written;
    }

    public void publishedAt(Instant value, String fieldSource) {
        this.publishedDate = value == null ? null : LocalDate.ofInstant(value, ZoneOffset.UTC);
        this.publishedAt = value;
        this.publishedAtSource = fieldSource;
        provenance.put("publishedAt", fieldSource);
    }

    public String language() {
        return language;
    }

    public Double languageConfidence() {
        return languageConfidence;
    }

    public void language(String value, Double confidence, String fieldSource) {
        this.language = value;
        this.languageConfidence = confidence;
        provenance.put("language", fieldSource);
    }

    public String lede() {
        return lede;
    }

    public void lede(String value) {
        this.lede = value;
    }

    public int wordCount() {
        return wordCount;
    }

    public void wordCount(int value) {
        this.wordCount = value;
    }

    public int readingTimeMinutes() {
        return readingTimeMinutes;
    }

    public void readingTimeMinutes(int value) {
        this.readingTimeMinutes = value;
    }

    public String contentHash() {
        return contentHash;
    }

    public void contentHash(String value) {
        this.contentHash = value;
    }

    /** Named entities found by the entity stage (empty until it ran). */
    public List<EntityMention> entities() {
        return entities;
    }

    public void entities(List<EntityMention> value) {
        this.entities = List.copyOf(value);
    }

    /** Salient terms found by the keyword stage, most salient first (empty until it ran). */
    public List<Keyword> keywords() {
        return keywords;
    }

    public void keywords(List<Keyword> value) {
        this.keywords = List.copyOf(value);
    }

    public Map<String, String> provenance() {
        return provenance;
    }

    public boolean isHtml() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(CONTENT_TYPE_HTML);
    }

    public static final class Builder {
        private String id;
        private String url;
        private String source;
        private String canonicalUrl;
        private String title;
        private List<String> authors;
        private Instant publishedAt;
        private String publishedAtText;
        private String language;
        private String contentType;
        private String content;

        public Builder id(String v) {
            id = v;
            return this;
        }

        public Builder url(String v) {
            url = v;
            return this;
        }

        public Builder source(String v) {
            source = v;
            return this;
        }

        public Builder canonicalUrl(String v) {
            canonicalUrl = v;
            return this;
        }

        public Builder title(String v) {
            title = v;
            return this;
        }

        public Builder authors(List<String> v) {
            authors = v;
            return this;
        }

        public Builder publishedAt(Instant v) {
            publishedAt = v;
            return this;
        }

        public Builder publishedAtText(String v) {
            publishedAtText = v;
            return this;
        }

        public Builder language(String v) {
            language = v;
            return this;
        }

        public Builder contentType(String v) {
            contentType = v;
            return this;
        }

        public Builder content(String v) {
            content = v;
            return this;
        }

        public ArticleDraft build() {
            return new ArticleDraft(this);
        }
    }
}
