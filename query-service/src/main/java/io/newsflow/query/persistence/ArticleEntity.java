package io.newsflow.query.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.Keyword;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A stored article (table {@code article}). Rows are written only by {@link ArticleStore}'s version-aware
 * upsert, hence read-only here. The generated search columns (search_config, search_vector, sort_published_at)
 * are left unmapped: they are only used inside SQL.
 */
@Entity
@Immutable
@Table(name = "article")
public class ArticleEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public String id;

    @Column(name = "url")
    public String url;

    @Column(name = "canonical_url")
    public String canonicalUrl;

    @Column(name = "source")
    public String source;

    @Column(name = "title")
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "authors")
    public List<String> authors;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_at_source")
    public String publishedAtSource;

    @Column(name = "language")
    public String language;

    @Column(name = "language_confidence")
    public Double languageConfidence;

    @Column(name = "text")
    public String text;

    @Column(name = "lede")
    public String lede;

    @Column(name = "word_count")
    public int wordCount;

    @Column(name = "reading_time_minutes")
    public int readingTimeMinutes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "entities")
    public List<EntityMention> entities;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "keywords")
    public List<Keyword> keywords;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "duplicate_of")
    public String duplicateOf;

    @Column(name = "duplicate_kind")
    public String duplicateKind;

    @Column(name = "similarity")
    public Double similarity;

    @Column(name = "story_id")
    public String storyId;

    @Column(name = "version")
    public int version;

    @Column(name = "ingested_at")
    public Instant ingestedAt;

    @Column(name = "enriched_at")
    public Instant enrichedAt;

    @Column(name = "stored_at")
    public Instant storedAt;

    @Column(name = "pipeline_version")
    public String pipelineVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "provenance")
    public Map<String, String> provenance;
}
