package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.FieldSources;
import io.newsflow.enrich.support.TestPipelines;

class TitleExtractorTest {

    private static ArticleDraft html(String page) {
        ArticleDraft d = ArticleDraft.of(page, "text/html");
        TestPipelines.htmlToText().apply(d);
        TestPipelines.title().apply(d);
        return d;
    }

    private static ArticleDraft text(String text, String envelopeTitle) {
        ArticleDraft d = ArticleDraft.builder().content(text).contentType("text/plain").title(envelopeTitle).build();
        TestPipelines.htmlToText().apply(d);
        TestPipelines.title().apply(d);
        return d;
    }

    @Test
    void envelopeTitleWinsAndItsEchoLeavesTheBody() {
        ArticleDraft d = text("Talks resume in Tokyo\n\nOfficials said talks would resume.", "Talks resume in Tokyo");
        assertEquals("Talks resume in Tokyo", d.title());
        assertEquals(FieldSources.ENVELOPE, d.provenance().get("title"));
        assertEquals("Officials said talks would resume.", d.text());
    }

    @Test
    void htmlPreferenceJsonLdThenOgThenTitleThenH1() {
        assertEquals("From JSON-LD", html("<html><head><title>T | Site</title><meta property=\"og:title\" content=\"From og\">"
                + "<script type=\"application/ld+json\">{\"headline\":\"From JSON-LD\"}</script></head><body><p>x</p></body></html>")
                .title());
        ArticleDraft og = html("<html><head><title>T | Site</title><meta property=\"og:title\" content=\"From og\"></head>"
                + "<body><p>x</p></body></html>");
        assertEquals("From og", og.title());
        assertEquals(FieldSources.HTML_META, og.provenance().get("title"));
        ArticleDraft title = html("<html><head><title>Budget passes parliament - Example News</title></head>"
                + "<body><p>Body.</p></body></html>");
        assertEquals("Budget passes parliament", title.title());
        assertEquals(FieldSources.HTML_TITLE, title.provenance().get("title"));
        ArticleDraft h1 = html("<html><body><h1>Only a heading here</h1><p>Body.</p></body></html>");
        assertEquals("Only a heading here", h1.title());
        assertEquals(FieldSources.HTML_H1, h1.provenance().get("title"));
        assertEquals("Body.", h1.text());
    }

    @Test
    void titleLineFromTextSkipsDateLinesAndDropsPageCodes() {
        ArticleDraft d = text("Monday, April 22, 2024\n\nPlan drawn up for a Taiwan emergency 130111-3.\n\nBody starts here.", null);
        assertEquals("Plan drawn up for a Taiwan emergency", d.title());
        assertEquals(FieldSources.TEXT_HEADER, d.provenance().get("title"));
        assertEquals("Monday, April 22, 2024\n\nBody starts here.", d.text());
    }

    @Test
    void noTitleWhenTheBodyStartsRightAway() {
        ArticleDraft d = text("According to experts, the United States is seeking to increase cooperation.\n"
                + "Tripartite Alliance\nMore text.", null);
        assertNull(d.title());
        assertEquals(FieldSources.NONE, d.provenance().get("title"));
    }

    @Test
    void titleLikeRules() {
        TitleExtractor t = TestPipelines.title();
        assertEquals(true, t.titleLike("US-Japan, draw up joint operation plan"));
        assertEquals(false, t.titleLike("A sentence that ends with a period."));
        assertEquals(false, t.titleLike("Short"));
        assertEquals(false, t.titleLike("1234 5678 9012"));
    }
}
