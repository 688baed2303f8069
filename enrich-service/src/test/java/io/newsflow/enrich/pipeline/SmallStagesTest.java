package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.FieldSources;
import io.newsflow.enrich.support.TestPipelines;

/** ContentHasher, AuthorExtractor, SiteMetadata and Pipeline itself. */
class SmallStagesTest {

    @Test
    void contentHashIgnoresCaseAndWhitespace() {
        ArticleDraft a = ArticleDraft.of("", null);
        a.text("Hello   World.\n\nSecond.");
        ArticleDraft b = ArticleDraft.of("", null);
        b.text("hello world. second.");
        new ContentHasher().apply(a);
        new ContentHasher().apply(b);
        assertEquals(a.contentHash(), b.contentHash());
        assertEquals(ArticleIds.sha256Hex("hello world. second."), a.contentHash());
    }

    @Test
    void authorsFromEnvelopeJsonLdMetaOrByline() {
        ArticleDraft env = ArticleDraft.builder().content("x").authors(List.of("A. Writer", "A. Writer")).build();
        new AuthorExtractor(6).apply(env);
        assertEquals(List.of("A. Writer"), env.authors());
        assertEquals(FieldSources.ENVELOPE, env.provenance().get("authors"));

        ArticleDraft byline = ArticleDraft.of("", "text/plain");
        byline.text("Headline here\n\nBy Joe Gould and Jane Roe\n\nBody text.");
        new AuthorExtractor(6).apply(byline);
        assertEquals(List.of("Joe Gould", "Jane Roe"), byline.authors());
        assertEquals(FieldSources.BYLINE, byline.provenance().get("authors"));
        assertEquals("Headline here\n\nBody text.", byline.text());

        ArticleDraft none = ArticleDraft.of("", "text/plain");
        none.text("By the way, nothing here names an author.");
        new AuthorExtractor(6).apply(none);
        assertTrue(none.authors().isEmpty());
        assertEquals(FieldSources.NONE, none.provenance().get("authors"));
    }

    @Test
    void authorFromTrailingBioKeepsTheBio() {
        String bio = "Joe Gould is a senior Pentagon reporter for Defense News, covering national security policy.";
        ArticleDraft d = ArticleDraft.of("", "text/plain");
        d.text("Headline here\n\nBody text. More body.\n\nWith reporting from The Associated Press.\n\n" + bio);
        new AuthorExtractor(6).apply(d);
        assertEquals(List.of("Joe Gould"), d.authors());
        assertEquals(FieldSources.BYLINE, d.provenance().get("authors"));
        assertTrue(d.text().endsWith(bio));

        ArticleDraft notBio = ArticleDraft.of("", "text/plain");
        notBio.text("Body.\n\nThe President is a frequent critic of the press.\n\nJohn Smith is a farmer in Iowa.");
        new AuthorExtractor(6).apply(notBio);
        assertTrue(notBio.authors().isEmpty(), "no newsroom job, no author: " + notBio.authors());
    }

    @Test
    void siteMetadataCanonicalUrlAndSource() {
        ArticleDraft d = ArticleDraft.builder().contentType("text/html").url("https://www.example.com/a?utm_source=x")
                .content("<html><head><link rel=canonical href=\"https://example.com/story/\">"
                        + "<meta property=\"og:site_name\" content=\"Example\"></head><body>x</body></html>").build();
        TestPipelines.htmlToText().apply(d);
        new SiteMetadata().apply(d);
        assertEquals("https://example.com/story", d.canonicalUrl());
        assertEquals("Example", d.source());
        ArticleDraft plain = ArticleDraft.builder().content("x").url("https://www.news.example.org/x").build();
        new SiteMetadata().apply(plain);
        assertEquals("news.example.org", plain.source());
        assertEquals("https://news.example.org/x", plain.canonicalUrl());
    }

    @Test
    void pipelineRunsStagesInOrderAndTimesThem() {
        List<String> calls = new ArrayList<>();
        EnrichmentStage a = stage("a", calls);
        EnrichmentStage b = stage("b", calls);
        List<String> observed = new ArrayList<>();
        var timings = new Pipeline(List.of(a, b)).run(ArticleDraft.of("x", null), (s, n) -> observed.add(s));
        assertEquals(List.of("a", "b"), calls);
        assertEquals(List.of("a", "b"), observed);
        assertEquals(List.of("a", "b"), List.copyOf(timings.keySet()));
        assertTrue(timings.values().stream().allMatch(n -> n >= 0));
    }

    private static EnrichmentStage stage(String name, List<String> calls) {
        return new EnrichmentStage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void apply(ArticleDraft draft) {
                calls.add(name);
            }
        };
    }
}
