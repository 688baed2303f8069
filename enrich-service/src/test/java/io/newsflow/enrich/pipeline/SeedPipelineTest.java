package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.FieldSources;
import io.newsflow.enrich.support.Seeds;
import io.newsflow.enrich.support.TestPipelines;

/** The whole default pipeline on the five hand-labelled seed articles. */
class SeedPipelineTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Pattern SENTENCE_SPLIT = Pattern.compile("(?<=[.!?\"”])\\s+(?=[\\p{Lu}“\"])");
    /** A labelled date header that starts a body line (seed 001: " date 2021-12-25 Amid ..."). */
    private static final Pattern DATE_PREFIX = Pattern.compile("^\\s*date \\d{4}-\\d{2}-\\d{2}\\s*");

    /**
     * Header lines that are neither body nor listed as boilerplate: date headers, the title line, and stray
     * page fragments. Everything else in a seed is body and must survive.
     */
    private static final Map<String, Set<String>> HEADER_LINES = Map.of(
            "000_8f5ed42a42bf4c9d.txt", Set.of("Monday, April 22, 2024"),
            "003_6be6a4849add33df.txt", Set.of("| 2011", "a", "Thursday, January 13, 2011, 20:26 PM",
                    // the headline repeated as the first body line: a repeat of the title line
                    "Japanese military wants to cooperate in unprecedented ways with the United States."));

    static List<String> seeds() {
        return Seeds.names();
    }

    private static ArticleDraft run(String name) {
        ArticleDraft draft = ArticleDraft.of(Seeds.text(name), "text/plain");
        TestPipelines.standard(CLOCK).run(draft);
        return draft;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void authorsAsLabelled(String name) {
        JsonNode author = Seeds.label(name).path("author");
        List<String> expected = author.isTextual() ? List.of(author.asText()) : List.of();
        assertEquals(expected, run(name).authors(), name);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void boilerplateFromLabelsIsRemoved(String name) {
        JsonNode label = Seeds.label(name);
        String text = run(name).text();
        for (JsonNode line : label.path("boilerplate")) {
            assertFalse(text.contains(line.asText().strip()), name + " still contains boilerplate: " + line.asText());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyBodySentenceIsKept(String name) {
        JsonNode label = Seeds.label(name);
        ArticleDraft draft = run(name);
        String text = ArticleIds.normalizeWhitespace(draft.text());
        List<String> skip = new ArrayList<>();
        label.path("boilerplate").forEach(b -> skip.add(b.asText().strip()));
        skip.addAll(HEADER_LINES.getOrDefault(name, Set.of()));
        String title = label.path("title").isTextual() ? label.path("title").asText() : null;
        int checked = 0;
        for (String raw : Seeds.text(name).split("\n")) {
            String line = ArticleIds.normalizeWhitespace(DATE_PREFIX.matcher(raw.replace('\u00A0', ' ')).replaceFirst(""));
            if (line.isEmpty() || skip.contains(line) || title != null && line.startsWith(title)
                    || line.matches("date \\d{4}-\\d{2}-\\d{2}")) {
                continue;
            }
            for (String sentence : SENTENCE_SPLIT.split(line)) {
                assertTrue(text.contains(sentence.strip()), name + " lost a body sentence: " + sentence);
                checked++;
            }
        }
        assertTrue(checked > 5, "too few sentences checked in " + name);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void repeatedParagraphAppearsOnce(String name) {
        JsonNode label = Seeds.label(name);
        String text = ArticleIds.normalizeWhitespace(run(name).text());
        if (label.path("repeated_paragraph").isTextual()) {
            String repeated = label.path("repeated_paragraph").asText();
            int count = text.split(Pattern.quote(repeated), -1).length - 1;
            assertEquals(1, count, "repeated paragraph should remain exactly once in " + name);
            assertEquals(2, Seeds.text(name).split(Pattern.quote(repeated), -1).length - 1,
                    "the seed itself has the paragraph twice");
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void titleAsLabelled(String name) {
        JsonNode label = Seeds.label(name);
        ArticleDraft draft = run(name);
        if (label.path("title").isNull()) {
            assertNull(draft.title(), name);
            assertEquals(FieldSources.NONE, draft.provenance().get("title"));
        } else {
            assertEquals(label.path("title").asText(), draft.title(), name);
            assertEquals(FieldSources.TEXT_HEADER, draft.provenance().get("title"));
            assertFalse(draft.text().startsWith(label.path("title").asText()), "title line left in the body");
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void dateAsLabelled(String name) {
        JsonNode label = Seeds.label(name);
        ArticleDraft draft = run(name);
        if (label.path("date").isNull()) {
            assertNull(draft.publishedAt(), name);
            assertEquals(FieldSources.NONE, draft.publishedAtSource());
        } else {
            assertNotNull(draft.publishedAt(), name);
            assertEquals(label.path("date").asText(), draft.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                    name);
            assertEquals(FieldSources.TEXT_HEADER, draft.publishedAtSource());
            assertFalse(draft.text().matches("(?s)^\\s*date \\d{4}.*"), "date header left in the body of " + name);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void languageStatisticsAndHash(String name) {
        ArticleDraft draft = run(name);
        assertEquals("en", draft.language(), name);
        assertTrue(draft.languageConfidence() > 0.1, name + " confidence " + draft.languageConfidence());
        assertTrue(draft.wordCount() > 200, name + " words " + draft.wordCount());
        assertTrue(draft.readingTimeMinutes() >= 1);
        assertNotNull(draft.lede());
        assertTrue(draft.lede().length() <= 300);
        assertEquals(ArticleIds.sha256Hex(TextBlocks.hashable(draft.text())), draft.contentHash());
        assertEquals(ArticleDraft.TEXT_SOURCE_TEXT, draft.provenance().get("text"));
    }
}
