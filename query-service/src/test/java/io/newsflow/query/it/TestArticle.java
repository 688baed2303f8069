package io.newsflow.query.it;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.Keyword;

/** Builds EnrichedArticle events for tests, with plausible defaults. */
final class TestArticle {

    String id = randomId();
    String url;
    String canonicalUrl;
    String source = "test.example";
    String title = "Untitled";
    List<String> authors = new ArrayList<>(List.of("A. Writer"));
    Instant publishedAt = Instant.parse("2024-05-01T08:00:00Z");
    String publishedAtSource = "envelope";
    String language = "en";
    Double languageConfidence = 0.98;
    String text = "Plain body text.";
    String lede;
    List<EntityMention> entities = new ArrayList<>(List.of(new EntityMention("COUNTRY", "Japan", "JP", 2)));
    List<Keyword> keywords = new ArrayList<>(List.of(new Keyword("body", 0.5)));
    String duplicateOf;
    String duplicateKind;
    Double similarity;
    String storyId;
    int version = 1;
    Instant ingestedAt = Instant.parse("2024-05-01T08:01:00Z");
    Map<String, String> provenance = new HashMap<>(Map.of("title", "envelope"));

    static String randomId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    TestArticle id(String v) {
        id = v;
        return this;
    }

    TestArticle url(String v) {
        url = v;
        canonicalUrl = io.newsflow.contracts.UrlCanonicalizer.canonicalize(v).orElse(null);
        return this;
    }

    TestArticle source(String v) {
        source = v;
        return this;
    }

    TestArticle title(String v) {
        title = v;
        return this;
    }

    TestArticle text(String v) {
        text = v;
        return this;
    }

    TestArticle lede(String v) {
        lede = v;
        return this;
    }

    TestArticle language(String v) {
        language = v;
        return this;
    }

    TestArticle publishedAt(Instant v) {
        publishedAt = v;
        return this;
    }

    TestArticle version(int v) {
        version = v;
        return this;
    }

    TestArticle storyId(String v) {
        storyId = v;
        return this;
    }

    TestArticle entities(List<EntityMention> v) {
        entities = new ArrayList<>(v);
        return this;
    }

    TestArticle ingestedAt(Instant v) {
        ingestedAt = v;
        return this;
    }

    TestArticle nearDuplicateOf(String original, double sim) {
        duplicateOf = original;
        duplicateKind = "near";
        similarity = sim;
        return this;
    }

    TestArticle exactDuplicateOf(String original) {
        duplicateOf = original;
        duplicateKind = "exact";
        similarity = 1.0;
        return this;
    }

    EnrichedArticle event() {
        String body = text == null ? "" : text;
        String firstParagraph = lede != null ? lede : body.split("\n\n", 2)[0];
        int words = body.isBlank() ? 0 : body.trim().split("\\s+").length;
        return new EnrichedArticle(id, url, canonicalUrl, source, title, authors, publishedAt, publishedAtSource,
                language, languageConfidence, text, firstParagraph, words, Math.max(1, words / 200), entities,
                keywords, "hash-" + Integer.toHexString(body.hashCode()), duplicateOf, duplicateKind, similarity,
                storyId, version, ingestedAt, Instant.parse("2024-05-01T08:01:01Z"),
                "test-1", provenance);
    }

    String json() {
        return ContractJson.write(event());
    }
}
