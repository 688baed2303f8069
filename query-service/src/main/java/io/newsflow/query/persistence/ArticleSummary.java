package io.newsflow.query.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.Keyword;

/**
 * A stored article without its {@code text} and {@code provenance}: what a list item (search page, stream event)
 * shows. Read as plain columns of the list's own statement ({@link #COLUMNS}, {@link #fromRow}), not through the
 * entity: loading the page's {@link ArticleEntity}s was a second statement per request that also fetched (and
 * de-TOASTed) every row's full text and provenance, and hydrated them through Hibernate, for fields a list never
 * returns. The fields are named as on {@link ArticleEntity}.
 */
public final class ArticleSummary {

    /**
     * The select list of a summary over {@code article a}, in {@link #fromRow}'s order; instants as microseconds
     * since the epoch (exact, and independent of the JDBC type mapping); jsonb columns as their text, read with the
     * contracts' JSON settings (as {@link JsonColumnsFormat} does for the entity). Each column has an alias of its
     * own, so that the list statement's other columns never share a name with one.
     */
    private static final List<String> SELECTED = List.of(column("id"), column("url"), column("canonical_url"),
            column("source"), column("title"), json("authors"), micros("published_at"), column("published_at_source"),
            column("language"), column("language_confidence"), column("lede"), column("word_count"),
            column("reading_time_minutes"), json("entities"), json("keywords"), column("content_hash"),
            column("duplicate_of"), column("duplicate_kind"), column("similarity"), column("story_id"),
            column("version"), micros("ingested_at"), micros("enriched_at"), micros("stored_at"),
            column("pipeline_version"));
    public static final String COLUMNS = String.join(", ", SELECTED);

    private static String column(String name) {
        return "a." + name + " AS summary_" + name;
    }

    private static String json(String name) {
        return "CAST(a." + name + " AS text) AS summary_" + name;
    }

    private static String micros(String name) {
        return "CAST(extract(epoch FROM a." + name + ") * 1000000 AS bigint) AS summary_" + name;
    }

    /** How many columns {@link #COLUMNS} selects. */
    public static final int COLUMN_COUNT = SELECTED.size();

    private static final ObjectReader AUTHORS = ContractJson.mapper().readerFor(new TypeReference<List<String>>() {
    });
    private static final ObjectReader ENTITIES = ContractJson.mapper()
            .readerFor(new TypeReference<List<EntityMention>>() {
            });
    private static final ObjectReader KEYWORDS = ContractJson.mapper().readerFor(new TypeReference<List<Keyword>>() {
    });

    public final String id;
    public final String url;
    public final String canonicalUrl;
    public final String source;
    public final String title;
    public final List<String> authors;
    public final Instant publishedAt;
    public final String publishedAtSource;
    public final String language;
    public final Double languageConfidence;
    public final String lede;
    public final int wordCount;
    public final int readingTimeMinutes;
    public final List<EntityMention> entities;
    public final List<Keyword> keywords;
    public final String contentHash;
    public final String duplicateOf;
    public final String duplicateKind;
    public final Double similarity;
    public final String storyId;
    public final int version;
    public final Instant ingestedAt;
    public final Instant enrichedAt;
    public final Instant storedAt;
    public final String pipelineVersion;

    private ArticleSummary(Object[] r, int at) {
        id = (String) r[at];
        url = (String) r[at + 1];
        canonicalUrl = (String) r[at + 2];
        source = (String) r[at + 3];
        title = (String) r[at + 4];
        authors = json(AUTHORS, r[at + 5]);
        publishedAt = instant(r[at + 6]);
        publishedAtSource = (String) r[at + 7];
        language = (String) r[at + 8];
        languageConfidence = r[at + 9] == null ? null : ((Number) r[at + 9]).doubleValue();
        lede = (String) r[at + 10];
        wordCount = ((Number) r[at + 11]).intValue();
        readingTimeMinutes = ((Number) r[at + 12]).intValue();
        entities = json(ENTITIES, r[at + 13]);
        keywords = json(KEYWORDS, r[at + 14]);
        contentHash = (String) r[at + 15];
        duplicateOf = (String) r[at + 16];
        duplicateKind = (String) r[at + 17];
        similarity = r[at + 18] == null ? null : ((Number) r[at + 18]).doubleValue();
        storyId = (String) r[at + 19];
        version = ((Number) r[at + 20]).intValue();
        ingestedAt = instant(r[at + 21]);
        enrichedAt = instant(r[at + 22]);
        storedAt = instant(r[at + 23]);
        pipelineVersion = (String) r[at + 24];
    }

    /** The summary in {@code row}'s columns from index {@code at} on, selected with {@link #COLUMNS}. */
    public static ArticleSummary fromRow(Object[] row, int at) {
        return new ArticleSummary(row, at);
    }

    private static Instant instant(Object micros) {
        return micros == null ? null : Instant.EPOCH.plus(((Number) micros).longValue(), ChronoUnit.MICROS);
    }

    /** A jsonb column's text read with {@code reader}; null stays null. */
    static <T> T json(ObjectReader reader, Object text) {
        if (text == null) {
            return null;
        }
        try {
            return reader.readValue((String) text);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable jsonb column", e);
        }
    }
}
