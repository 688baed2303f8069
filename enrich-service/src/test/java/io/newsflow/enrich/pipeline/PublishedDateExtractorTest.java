package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.FieldSources;
import io.newsflow.enrich.support.TestPipelines;

class PublishedDateExtractorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    private static ArticleDraft run(ArticleDraft.Builder builder) {
        ArticleDraft d = builder.build();
        TestPipelines.htmlToText().apply(d);
        TestPipelines.dates(CLOCK).apply(d);
        return d;
    }

    private static ArticleDraft text(String text) {
        return run(ArticleDraft.builder().content(text).contentType("text/plain"));
    }

    @Test
    void envelopeFirstThenEnvelopeText() {
        ArticleDraft d = run(ArticleDraft.builder().content("Monday, April 22, 2024\n\nBody.").contentType("text/plain")
                .publishedAt(Instant.parse("2024-04-21T10:00:00Z")));
        assertEquals(Instant.parse("2024-04-21T10:00:00Z"), d.publishedAt());
        assertEquals(FieldSources.ENVELOPE, d.publishedAtSource());
        assertEquals("Body.", d.text(), "a pure date header still leaves the body");
        ArticleDraft t = run(ArticleDraft.builder().content("Body.").contentType("text/plain")
                .publishedAtText("22. April 2024"));
        assertEquals(Instant.parse("2024-04-22T00:00:00Z"), t.publishedAt());
        assertEquals(FieldSources.ENVELOPE, t.provenance().get("publishedAt"));
    }

    @Test
    void htmlSourcesInOrder() {
        ArticleDraft jsonLd = run(ArticleDraft.builder().contentType("text/html").content(
                "<html><head><meta property=\"article:published_time\" content=\"2024-03-05T08:00:00Z\">"
                        + "<script type=\"application/ld+json\">{\"datePublished\":\"2024-03-04\"}</script></head>"
                        + "<body><p>x</p></body></html>"));
        assertEquals(Instant.parse("2024-03-04T00:00:00Z"), jsonLd.publishedAt());
        assertEquals(FieldSources.JSON_LD, jsonLd.publishedAtSource());
        ArticleDraft meta = run(ArticleDraft.builder().contentType("text/html").content(
                "<html><head><meta property=\"article:published_time\" content=\"2024-03-05T08:00:00Z\"></head>"
                        + "<body><time datetime=\"2024-01-01\">x</time></body></html>"));
        assertEquals(FieldSources.HTML_META, meta.publishedAtSource());
        ArticleDraft time = run(ArticleDraft.builder().contentType("text/html").content(
                "<html><body><p>Posted <time datetime=\"2024-01-01T10:00:00Z\">Jan 1</time></p></body></html>"));
        assertEquals(Instant.parse("2024-01-01T10:00:00Z"), time.publishedAt());
        assertEquals(FieldSources.TIME_ELEMENT, time.publishedAtSource());
    }

    @Test
    void textHeaderVariants() {
        ArticleDraft pure = text("Monday, April 22, 2024\n\nTitle line here\n\nBody.");
        assertEquals(Instant.parse("2024-04-22T00:00:00Z"), pure.publishedAt());
        assertEquals(FieldSources.TEXT_HEADER, pure.publishedAtSource());
        assertEquals("Title line here\n\nBody.", pure.text());
        ArticleDraft labelled = text(" date 2021-12-25 Amid rising tensions, the plan was made.\n\nMore.");
        assertEquals(Instant.parse("2021-12-25T00:00:00Z"), labelled.publishedAt());
        assertEquals("Amid rising tensions, the plan was made.\n\nMore.", labelled.text());
        ArticleDraft dateline = text("WASHINGTON, Dec. 23, 2021 - The allies agreed on a plan.");
        assertEquals(Instant.parse("2021-12-23T00:00:00Z"), dateline.publishedAt());
        assertEquals(FieldSources.DATELINE, dateline.publishedAtSource());
        assertEquals("WASHINGTON, Dec. 23, 2021 - The allies agreed on a plan.", dateline.text());
    }

    @Test
    void implausibleDatesAreIgnored() {
        assertNull(text("Monday, April 22, 2030\n\nBody.").publishedAt(), "future");
        assertNull(text("April 22, 1985\n\nBody.").publishedAt(), "before 1990");
        ArticleDraft skew = text("June 2, 2024 00:00\n\nBody.");
        assertEquals(Instant.parse("2024-06-02T00:00:00Z"), skew.publishedAt(), "within the allowed skew");
        ArticleDraft future = run(ArticleDraft.builder().content("Body.").contentType("text/plain")
                .publishedAt(Instant.parse("2031-01-01T00:00:00Z")));
        assertNull(future.publishedAt());
        assertEquals(FieldSources.NONE, future.publishedAtSource());
    }

    @Test
    void noYearMeansNoDate() {
        ArticleDraft d = text("On Wednesday, April 10, the leaders will meet.\nNo more dates.");
        assertNull(d.publishedAt());
        assertEquals(FieldSources.NONE, d.provenance().get("publishedAt"));
    }

    @Test
    void dateInTheUrlIsALastResort() {
        ArticleDraft d = run(ArticleDraft.builder().content("Body.").contentType("text/plain")
                .url("https://example.com/2023/07/14/some-story"));
        assertEquals(Instant.parse("2023-07-14T00:00:00Z"), d.publishedAt());
        assertEquals(FieldSources.URL, d.publishedAtSource());
    }

    @Test
    void aUrlDayFarFromTheMetadataWins() {
        ArticleDraft d = run(ArticleDraft.builder().contentType("text/html").url("https://blog.example.org/2017/7/12/a-post")
                .content("<html><head><script type=\"application/ld+json\">{\"datePublished\":\"2019-06-17T10:00:00Z\"}"
                        + "</script></head><body><p>Body text.</p></body></html>"));
        assertEquals(java.time.LocalDate.of(2017, 7, 12), d.publishedDate());
        assertEquals(FieldSources.URL, d.publishedAtSource());
        ArticleDraft near = run(ArticleDraft.builder().contentType("text/html").url("https://example.org/2019/06/16/a-post")
                .content("<html><head><script type=\"application/ld+json\">{\"datePublished\":\"2019-06-17T01:00:00Z\"}"
                        + "</script></head><body><p>Body text.</p></body></html>"));
        assertEquals(FieldSources.JSON_LD, near.publishedAtSource(), "a day apart is the same moment in another zone");
    }

    @Test
    void aVisibleUpdateWinsOverAnInvisibleStatedDate() {
        String head = "<html><head><script type=\"application/ld+json\">{\"datePublished\":\"2024-01-10T08:00:00Z\","
                + "\"dateModified\":\"2024-03-06T09:00:00Z\"}</script></head>";
        ArticleDraft shownUpdate = run(ArticleDraft.builder().contentType("text/html")
                .content(head + "<body><p>Aktualisiert am 06.03.2024</p><p>Body text.</p></body></html>"));
        assertEquals(java.time.LocalDate.of(2024, 3, 6), shownUpdate.publishedDate());
        assertEquals(FieldSources.MODIFIED_DATE, shownUpdate.publishedAtSource());
        ArticleDraft bothShown = run(ArticleDraft.builder().contentType("text/html")
                .content(head + "<body><p>Published 10.01.2024, updated 06.03.2024</p><p>Body text.</p></body></html>"));
        assertEquals(java.time.LocalDate.of(2024, 1, 10), bothShown.publishedDate(), "the stated date is shown: it stays");
    }

    private static ArticleDraft page(String head, String body) {
        return run(ArticleDraft.builder().contentType("text/html")
                .content("<html><head>" + head + "</head><body>" + body + "<p>Body text.</p></body></html>"));
    }

    @Test
    void aVisibleDateElementWinsOverAnInvisibleMetaDate() {
        ArticleDraft d = page("<meta property=\"article:published_time\" content=\"2021-12-20T08:00:00Z\">",
                "<span class=\"date\">27.01.2022</span>");
        assertEquals(java.time.LocalDate.of(2022, 1, 27), d.publishedDate());
        assertEquals(FieldSources.DATE_ELEMENT, d.publishedAtSource());
    }

    @Test
    void aPublicationDateInScriptStateIsTheLastStatedSource() {
        ArticleDraft d = page("<script>var meta = {\"product\":{\"published_at\":\"2019-03-02T06:22:28+01:00\"}};</script>", "");
        assertEquals(java.time.LocalDate.of(2019, 3, 2), d.publishedDate());
    }
}
