package io.newsflow.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.IngestedArticle;
import io.newsflow.contracts.ReasonCode;

class ArticleIngestorTest {

    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    private static final int LIMIT = 64 * 1024;

    private final ArticleIngestor ingestor = new ArticleIngestor(new ArticleNormalizer(LIMIT));

    private IngestOutcome record(byte[] value, TransportHints hints) {
        return ingestor.ingestRecord(value, hints, IngestChannel.KAFKA, NOW);
    }

    private IngestedArticle accepted(IngestOutcome outcome) {
        return assertInstanceOf(IngestOutcome.Accepted.class, outcome, outcome::toString).article();
    }

    private Rejection rejected(IngestOutcome outcome) {
        return assertInstanceOf(IngestOutcome.Rejected.class, outcome, outcome::toString).rejection();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bareTextTakesSourceAndUrlFromHeaders() {
        IngestedArticle a = accepted(record(utf8("Some news text."),
                new TransportHints("Wire", "https://www.example.com/n/1", null)));
        assertEquals("Wire", a.source());
        assertEquals("https://example.com/n/1", a.canonicalUrl());
        assertEquals("text/plain", a.contentType());
        assertEquals("kafka", a.channel());
        assertEquals(ArticleIds.derive("https://www.example.com/n/1", "Wire", null, "Some news text."), a.id());
    }

    @Test
    void envelopeFieldsWinOverHeaders() {
        String json = "{\"source\":\"Envelope\",\"url\":\"https://a.example/x\",\"content\":\"text\"}";
        IngestedArticle a = accepted(record(utf8(json), new TransportHints("Header", "https://b.example/y", null)));
        assertEquals("Envelope", a.source());
        assertEquals("https://a.example/x", a.url());
        // headers fill what the envelope leaves out
        IngestedArticle b = accepted(record(utf8("{\"content\":\"text\"}"),
                new TransportHints("Header", "https://b.example/y", null)));
        assertEquals("Header", b.source());
        assertEquals("https://b.example/y", b.url());
    }

    @Test
    void bomAndLeadingWhitespaceBeforeAnEnvelope() {
        byte[] value = utf8("\uFEFF  \n {\"content\":\"text\",\"title\":\"T\"}");
        assertEquals("T", accepted(record(value, TransportHints.NONE)).title());
    }

    @ParameterizedTest
    @ValueSource(strings = { "{", "{\"content\": \"x\"", "{content: 'x'}", "{\"content\":\"x\"} trailing",
            "{\"content\":\"x\",}", "{\"content\": \"unterminated", "{\"title\": \"x\", \"content\": tru}" })
    void malformedJsonIsInvalidJson(String json) {
        assertEquals(ReasonCode.INVALID_JSON, rejected(record(utf8(json), TransportHints.NONE)).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"content\":\"x\",\"title\":42}", "{\"content\":{\"text\":\"x\"}}",
            "{\"content\":\"x\",\"authors\":\"Jane\"}", "{\"content\":\"x\",\"authors\":[1]}",
            "{\"content\":true}", "{\"content\":\"x\",\"id\":12.5}" })
    void wrongFieldTypesAreInvalidEnvelope(String json) {
        Rejection r = rejected(record(utf8(json), TransportHints.NONE));
        assertEquals(ReasonCode.INVALID_ENVELOPE, r.reason(), r.message());
        assertTrue(r.field() != null && !r.field().isEmpty(), "names the field: " + r);
    }

    @Test
    void envelopeWithoutContentIsEmpty() {
        assertEquals(ReasonCode.EMPTY, rejected(record(utf8("{\"title\":\"only a title\"}"), null)).reason());
        assertEquals(ReasonCode.EMPTY, rejected(record(utf8("{\"content\":null}"), null)).reason());
    }

    @Test
    void emptyOrNullValueIsEmpty() {
        assertEquals(ReasonCode.EMPTY, rejected(record(new byte[0], null)).reason());
        assertEquals(ReasonCode.EMPTY, rejected(record(null, null)).reason());
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] value = { 'H', 'i', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF };
        Rejection r = rejected(record(value, null));
        assertEquals(ReasonCode.INVALID_UTF8, r.reason());
        assertTrue(r.message().contains("byte 3"), r.message());
    }

    @Test
    void declaredCharsetIsHonoured() {
        byte[] latin1 = "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        // not valid UTF-8 on its own ...
        assertEquals(ReasonCode.INVALID_UTF8, rejected(record(latin1, null)).reason());
        // ... but fine as declared
        IngestedArticle a = accepted(record(latin1, new TransportHints(null, null, "text/plain; charset=ISO-8859-1")));
        assertEquals("Caf\u00e9 au lait", a.content());
        assertEquals("text/plain", a.contentType());
    }

    @Test
    void unknownCharsetIsUnsupported() {
        assertEquals(ReasonCode.UNSUPPORTED_CONTENT_TYPE, rejected(record(utf8("x"),
                new TransportHints(null, null, "text/plain; charset=klingon-8"))).reason());
    }

    @Test
    void headerContentTypeOfBareContent() {
        assertEquals("text/html", accepted(record(utf8("just words"),
                new TransportHints(null, null, "text/html"))).contentType());
        assertEquals(ReasonCode.UNSUPPORTED_CONTENT_TYPE, rejected(record(utf8("just words"),
                new TransportHints(null, null, "application/octet-stream"))).reason());
        assertEquals(ReasonCode.INVALID_JSON, rejected(record(utf8("[1,2]"),
                new TransportHints(null, null, "application/json"))).reason());
    }

    @Test
    void oversizedBareRecordIsTooLarge() {
        byte[] value = new byte[LIMIT + 1];
        java.util.Arrays.fill(value, (byte) 'a');
        assertEquals(ReasonCode.TOO_LARGE, rejected(record(value, null)).reason());
    }

    @Test
    void badUrlHeaderIsInvalidEnvelope() {
        Rejection r = rejected(record(utf8("text"), new TransportHints(null, "example.com/no-scheme", null)));
        assertEquals(ReasonCode.INVALID_ENVELOPE, r.reason());
        assertEquals("url", r.field());
    }

    @Test
    void httpEnvelopeMustBeAnObject() {
        assertEquals(ReasonCode.INVALID_JSON,
                rejected(ingestor.ingestEnvelope(utf8("plain text"), null, IngestChannel.HTTP, NOW)).reason());
        assertEquals(ReasonCode.INVALID_JSON,
                rejected(ingestor.ingestEnvelope(new byte[0], null, IngestChannel.HTTP, NOW)).reason());
        IngestedArticle a = accepted(ingestor.ingestEnvelope(utf8("{\"content\":\"x\"}"), null, IngestChannel.HTTP,
                NOW));
        assertEquals("http", a.channel());
    }

    @Test
    void seedFileIsIngestedInPlace() throws IOException {
        String root = System.getProperty("newsflow.shared.data");
        Assumptions.assumeTrue(root != null, "newsflow.shared.data not set");
        Path seed = Path.of(root, "seeds", "000_8f5ed42a42bf4c9d.txt");
        Assumptions.assumeTrue(Files.isRegularFile(seed), "seed file absent: " + seed);

        byte[] bytes = Files.readAllBytes(seed);
        IngestedArticle a = accepted(record(bytes, new TransportHints("seeds", null, null)));
        assertEquals("text/plain", a.contentType());
        assertEquals("seeds", a.source());
        assertNull(a.url());
        assertTrue(a.content().contains("US-Japan, draw up joint operation plan for any Taiwan emergency"));
        assertTrue(a.content().indexOf('\r') < 0);
        assertEquals(a.content(), java.text.Normalizer.normalize(a.content(), java.text.Normalizer.Form.NFC));
        // the same bytes again: the same id (idempotent re-delivery)
        assertEquals(a.id(), accepted(record(bytes, new TransportHints("seeds", null, null))).id());
        assertEquals(ArticleIds.derive(null, "seeds", null, a.content()), a.id());
    }
}
