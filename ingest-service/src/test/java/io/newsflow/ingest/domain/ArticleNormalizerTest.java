package io.newsflow.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.newsflow.contracts.IngestedArticle;
import io.newsflow.contracts.RawArticle;
import io.newsflow.contracts.ReasonCode;

class ArticleNormalizerTest {

    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    private static final int LIMIT = 1024;

    private final ArticleNormalizer normalizer = new ArticleNormalizer(LIMIT);

    private static RawArticle envelope(String url, String source, String language, String contentType,
            String publishedAt, String content) {
        return new RawArticle(null, url, source, null, null, null, publishedAt, language, contentType, content);
    }

    private static RawArticle content(String content) {
        return RawArticle.bare(content, null, null);
    }

    private IngestedArticle accept(RawArticle raw) {
        IngestOutcome outcome = normalizer.normalize(raw, IngestChannel.KAFKA, NOW);
        return assertInstanceOf(IngestOutcome.Accepted.class, outcome, () -> outcome.toString()).article();
    }

    private Rejection reject(RawArticle raw) {
        IngestOutcome outcome = normalizer.normalize(raw, IngestChannel.KAFKA, NOW);
        return assertInstanceOf(IngestOutcome.Rejected.class, outcome, () -> outcome.toString()).rejection();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "\n\t \r\n" })
    void blankContentIsEmpty(String body) {
        assertEquals(ReasonCode.EMPTY, reject(content(body)).reason());
    }

    @Test
    void nullContentIsEmpty() {
        assertEquals(ReasonCode.EMPTY, reject(content(null)).reason());
    }

    @Test
    void controlCharactersOnlyIsEmpty() {
        assertEquals(ReasonCode.EMPTY, reject(content("\u0000\u0001\u0007")).reason());
    }

    @Test
    void contentOverTheLimitIsTooLarge() {
        char[] chars = new char[LIMIT + 1];
        Arrays.fill(chars, 'a');
        Rejection r = reject(content(new String(chars)));
        assertEquals(ReasonCode.TOO_LARGE, r.reason());
        assertEquals("content", r.field());
        // exactly at the limit is fine
        assertEquals(LIMIT, accept(content(new String(chars, 0, LIMIT))).content().length());
    }

    @Test
    void limitCountsUtf8BytesNotChars() {
        // 400 x 'é' (2 bytes each) + 400 x '€' (3 bytes) = 2000 bytes but 800 chars
        String body = "é".repeat(400) + "€".repeat(400);
        assertEquals(ReasonCode.TOO_LARGE, reject(content(body)).reason());
    }

    @Test
    void loneSurrogateIsInvalidUtf8() {
        assertEquals(ReasonCode.INVALID_UTF8, reject(content("broken \ud800 text")).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = { "not a url", "ftp://example.com/a", "/relative/path", "http://" })
    void urlMustBeAbsoluteHttp(String url) {
        Rejection r = reject(envelope(url, null, null, null, null, "body"));
        assertEquals(ReasonCode.INVALID_ENVELOPE, r.reason());
        assertEquals("url", r.field());
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/pdf", "text/markdown", "image/png", "html" })
    void unsupportedContentType(String type) {
        Rejection r = reject(envelope(null, null, null, type, null, "body"));
        assertEquals(ReasonCode.UNSUPPORTED_CONTENT_TYPE, r.reason());
        assertEquals("contentType", r.field());
    }

    @ParameterizedTest
    @CsvSource({ "text/plain,text/plain", "TEXT/HTML; charset=utf-8,text/html", "text/html,text/html" })
    void supportedContentTypeIsKeptWithoutParameters(String declared, String expected) {
        assertEquals(expected, accept(envelope(null, null, null, declared, null, "body")).contentType());
    }

    @ParameterizedTest
    @ValueSource(strings = { "english", "e", "en-", "12", "en--US", "en US", "toolonglanguage" })
    void implausibleLanguageIsInvalidEnvelope(String language) {
        Rejection r = reject(envelope(null, null, language, null, null, "body"));
        assertEquals(ReasonCode.INVALID_ENVELOPE, r.reason());
        assertEquals("language", r.field());
    }

    @ParameterizedTest
    @CsvSource({ "en,en", "EN-gb,en-GB", "pt_BR,pt-BR", "zh-hant-tw,zh-Hant-TW", "es-419,es-419",
            "de-CH-1996,de-ch-1996", "en-US-x-twain,en-US-x-twain" })
    void plausibleLanguageIsNormalised(String language, String expected) {
        // variants are lower case in canonical form; de-CH-1996 keeps region upper case
        String actual = accept(envelope(null, null, language, null, null, "body")).language();
        assertEquals(expected.equals("de-ch-1996") ? "de-CH-1996" : expected, actual);
    }

    @Test
    void contentIsNfcNormalised() {
        String decomposed = "Cafe\u0301 cre\u0300me"; // e + combining acute / grave
        String content = accept(content(decomposed)).content();
        assertEquals("Caf\u00e9 cr\u00e8me", content);
    }

    @Test
    void lineEndingsAndControlCharactersAreNormalised() {
        String content = accept(content("  \uFEFFline one\r\nline two\rline\u0000 three\n\tindented\u0007  ")).content();
        assertEquals("line one\nline two\nline three\n\tindented", content);
    }

    @ParameterizedTest
    @ValueSource(strings = { "<!DOCTYPE html><html><body>x</body></html>", "<p>A paragraph</p>",
            "Intro\n<div class=\"body\">text</div>", "<article>text</article>", "text<br/>more" })
    void htmlIsSniffed(String body) {
        assertEquals("text/html", accept(content(body)).contentType());
    }

    @ParameterizedTest
    @ValueSource(strings = { "Plain text about 3 < 4 and 5 > 2.", "An email <jane@example.com> in text",
            "TOKYO - Japanese and American troops" })
    void plainTextIsSniffed(String body) {
        assertEquals("text/plain", accept(content(body)).contentType());
    }

    @Test
    void declaredTypeWinsOverSniffing() {
        assertEquals("text/plain", accept(envelope(null, null, null, "text/plain", null, "<p>x</p>")).contentType());
    }

    @ParameterizedTest
    @CsvSource({
            "2024-04-22T08:30:00Z,2024-04-22T08:30:00Z",
            "2024-04-22T10:30:00+02:00,2024-04-22T08:30:00Z",
            "2024-04-22T10:30:00.250+02:00,2024-04-22T08:30:00.250Z",
            "2024-04-22T10:30:00+0200,2024-04-22T08:30:00Z",
            "2024-04-22 08:30:00Z,2024-04-22T08:30:00Z",
            "2024-04-22T08:30:00,2024-04-22T08:30:00Z",
            "2024-04-22T10:30:00+02:00[Europe/Paris],2024-04-22T08:30:00Z",
            "2024-04-22,2024-04-22T00:00:00Z" })
    void isoDatesAreParsed(String text, String expected) {
        IngestedArticle a = accept(envelope(null, null, null, null, text, "body"));
        assertEquals(Instant.parse(expected), a.publishedAt());
        assertNull(a.publishedAtText());
    }

    @ParameterizedTest
    @ValueSource(strings = { "Monday, April 22, 2024", "22/04/2024", "yesterday", "2024-13-45" })
    void otherDatesAreKeptVerbatim(String text) {
        IngestedArticle a = accept(envelope(null, null, null, null, text, "body"));
        assertNull(a.publishedAt());
        assertEquals(text, a.publishedAtText());
    }

    @Test
    void authorsListWinsAndIsCleaned() {
        RawArticle raw = new RawArticle(null, null, null, null, "Ignored Author",
                Arrays.asList("  Jane   Doe ", "", null, "jane doe", "John Roe"), null, null, null, "body");
        assertEquals(List.of("Jane Doe", "John Roe"), accept(raw).authors());
    }

    @Test
    void singleAuthorBecomesOneElementList() {
        RawArticle raw = new RawArticle(null, null, null, null, " Jane Doe, John Roe ", null, null, null, null, "b");
        assertEquals(List.of("Jane Doe, John Roe"), accept(raw).authors());
        assertEquals(List.of(), accept(content("b")).authors());
    }

    @Test
    void sourceFallsBackToUrlHostWithoutWww() {
        IngestedArticle a = accept(envelope("https://WWW.Example.com/news/1?utm_source=x#top", null, null, null, null,
                "body"));
        assertEquals("example.com", a.source());
        assertEquals("https://example.com/news/1", a.canonicalUrl());
        assertEquals("https://WWW.Example.com/news/1?utm_source=x#top", a.url());
        assertEquals("wire", accept(envelope("https://www.example.com/x", " wire ", null, null, null, "b")).source());
    }

    @Test
    void fieldsAreCarriedThrough() {
        RawArticle raw = new RawArticle(" pub-1 ", null, "Reuters", "  A   title\n", null, null, null, null, null,
                "body");
        IngestedArticle a = normalizer.normalize(raw, IngestChannel.HTTP, NOW) instanceof IngestOutcome.Accepted acc
                ? acc.article() : null;
        assertEquals("pub-1", a.publisherId());
        assertEquals("A title", a.title());
        assertEquals("http", a.channel());
        assertEquals(NOW, a.ingestedAt());
        assertNull(a.url());
        assertNull(a.canonicalUrl());
    }

    @Test
    void idIsDeterministic() {
        String url = "https://www.example.com/a?utm_medium=feed";
        String first = accept(envelope(url, "src", null, null, null, "one body")).id();
        // same canonical URL, other tracking params, scheme and body: same article
        assertEquals(first, accept(envelope("http://example.com/a/", "src", null, null, null, "other body")).id());
        // no URL: from source + normalised content; whitespace and line-ending differences do not matter
        String byContent = accept(envelope(null, "src", null, null, null, "Hello  world\r\nagain")).id();
        assertEquals(byContent, accept(envelope(null, "src", null, null, null, "Hello world\nagain ")).id());
        assertNotEquals(byContent, accept(envelope(null, "other", null, null, null, "Hello world\nagain")).id());
        assertTrue(byContent.matches("[0-9a-f]{16}"));
        // NFC before hashing: composed and decomposed forms are one article
        assertEquals(accept(content("Caf\u00e9")).id(), accept(content("Cafe\u0301")).id());
    }
}
