package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.FieldSources;
import io.newsflow.enrich.support.TestPipelines;

class HtmlToTextTest {

    private static final String PAGE = """
            <!doctype html><html><head>
            <title>Talks resume in Tokyo | Example News</title>
            <meta property="og:title" content="Talks resume in Tokyo">
            <meta name="twitter:title" content="Talks resume (Twitter)">
            <meta property="og:site_name" content="Example News">
            <meta property="article:published_time" content="2024-03-05T08:00:00+09:00">
            <meta name="author" content="Jane Roe">
            <link rel="canonical" href="https://www.example.com/news/talks?utm_source=x">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
              "headline":"Talks resume in Tokyo after pause","datePublished":"2024-03-04T23:00:00Z",
              "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}]}]}</script>
            <script>var tracking = "do not keep";</script><style>p{color:red}</style>
            </head><body>
            <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
            <article><h1>Talks resume in Tokyo</h1>
            <p>Officials said on <time datetime="2024-03-05">Tuesday</time> that talks would resume.</p>
            <p>The next round   starts <b>next week</b>.<br>A second line.</p>
            <aside>Most read: other things</aside><form><input name="q"></form>
            <div>Closing words.</div></article>
            <footer>Copyright 2024 Example</footer>
            <noscript>enable js</noscript><iframe src="x"></iframe>
            </body></html>""";

    private static ArticleDraft run(String content, String type) {
        ArticleDraft d = ArticleDraft.of(content, type);
        TestPipelines.htmlToText().apply(d);
        return d;
    }

    @Test
    void htmlBecomesParagraphsWithoutChrome() {
        ArticleDraft d = run(PAGE, "text/html");
        assertEquals(List.of("Talks resume in Tokyo", "Officials said on Tuesday that talks would resume.",
                "The next round starts next week.\nA second line.", "Closing words."), TextBlocks.paragraphs(d.text()));
        assertFalse(d.text().contains("tracking"));
        assertFalse(d.text().contains("Most read"));
        assertFalse(d.text().contains("Copyright"));
        assertFalse(d.text().contains("Home"));
        assertEquals(ArticleDraft.TEXT_SOURCE_HTML, d.textSource());
    }

    @Test
    void collectsHtmlMetadata() {
        HtmlMetadata m = run(PAGE, "text/html").html();
        assertEquals("Talks resume in Tokyo | Example News", m.htmlTitle);
        assertEquals("Talks resume in Tokyo", m.ogTitle);
        assertEquals("Talks resume (Twitter)", m.twitterTitle);
        assertEquals("Talks resume in Tokyo after pause", m.jsonLdHeadline);
        assertEquals("Talks resume in Tokyo", m.h1);
        assertEquals("Example News", m.siteName);
        assertEquals("https://www.example.com/news/talks?utm_source=x", m.canonicalLink);
        assertEquals(List.of("Jane Roe", "John Doe"), m.jsonLdAuthors);
        assertEquals(List.of("Jane Roe"), m.metaAuthors);
        assertEquals(new HtmlMetadata.DateCandidate("2024-03-04T23:00:00Z", FieldSources.JSON_LD), m.dateCandidates.get(0));
        assertEquals(new HtmlMetadata.DateCandidate("2024-03-05T08:00:00+09:00", FieldSources.HTML_META),
                m.dateCandidates.get(1));
        assertEquals(new HtmlMetadata.DateCandidate("2024-03-05", FieldSources.TIME_ELEMENT), m.dateCandidates.get(2));
    }

    @Test
    void brokenJsonLdIsIgnored() {
        ArticleDraft d = run("<html><head><script type=\"application/ld+json\">{oops</script></head>"
                + "<body><p>Body text here.</p></body></html>", "text/html");
        assertEquals("Body text here.", d.text());
    }

    @Test
    void plainTextPassesThroughOneParagraphPerLine() {
        ArticleDraft d = run("First line.\nSecond line.\n\n\n\u00A0\nThird   line.  ", "text/plain");
        assertEquals("First line.\n\nSecond line.\n\nThird line.", d.text());
        assertEquals(ArticleDraft.TEXT_SOURCE_TEXT, d.textSource());
        assertTrue(d.html().dateCandidates.isEmpty());
    }

    @Test
    void hardWrappedPlainTextIsRejoined() {
        String wrapped = "The ministry said the plan would be reviewed by a committee of\n"
                + "experts before the end of the year, and that a decision on the\nbudget would follow.";
        assertEquals("The ministry said the plan would be reviewed by a committee of experts before the end of the "
                + "year, and that a decision on the budget would follow.", run(wrapped, "text/plain").text());
    }

    @Test
    void htmlWithoutContentTypeIsSniffed() {
        assertEquals(ArticleDraft.TEXT_SOURCE_HTML, run("<html><body><p>Hi there.</p></body></html>", null).textSource());
        assertEquals(ArticleDraft.TEXT_SOURCE_TEXT, run("Just text", null).textSource());
    }

    @Test
    void dateAndAuthorFromBylineElementsAndPageText() {
        ArticleDraft d = ArticleDraft.builder().contentType("text/html").url("https://blog.example.org/post")
                .content("<html><body><div class=\"post\"><h1>A post title here</h1>"
                        + "<p class=\"entry-meta\">von <span class=\"author vcard\">Jane Blogger</span> · 22. Oktober 2019</p>"
                        + "<p>Body text of the post, long enough to be the main content of this small page.</p></div>"
                        + "<ul class=\"related\"><li><span class=\"date\">01.01.2018</span> <span class=\"author\">Other One</span></li></ul>"
                        + "</body></html>").build();
        TestPipelines.htmlToText().apply(d);
        assertEquals(List.of("Jane Blogger"), d.html().bylineElementAuthors);
        assertEquals(new HtmlMetadata.DateCandidate("von Jane Blogger · 22. Oktober 2019", FieldSources.DATE_ELEMENT),
                d.html().dateCandidates.get(0));
        assertTrue(d.html().pageTextHead.contains("22. Oktober 2019"));
    }

    @Test
    void aFormOrHeaderHoldingThePageIsNotChrome() {
        String body = "<p>" + "The whole article sits inside the one form of an ASP.NET page, sentence after sentence. ".repeat(4) + "</p>";
        ArticleDraft d = run("<html><body><form id=\"aspnetForm\"><nav><a href=\"/\">Home</a></nav><div>" + body
                + "</div></form><footer>Imprint</footer></body></html>", "text/html");
        assertTrue(d.text().contains("The whole article sits inside"), d.text());
        assertFalse(d.text().contains("Home"));
        assertFalse(d.text().contains("Imprint"));
    }

    @Test
    void sourceLineBreaksAreSpacesAndTableRowsAreLines() {
        ArticleDraft d = run("<html><body><div><p>Shares of construction goods giant\n   <a href=\"/q\">Home Depot</a>\n"
                + "   are dropping in premarket trading, the company said on Tuesday.</p>"
                + "<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr><tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr></table>"
                + "<pre>line one\nline two</pre></div></body></html>", "text/html");
        assertEquals(List.of("Shares of construction goods giant Home Depot are dropping in premarket trading, the company said on Tuesday.",
                "Pos. Driver Points", "1 Kyle Busch 5040", "line one\nline two"), TextBlocks.paragraphs(d.text()));
    }

    @Test
    void scriptStateDatesComeAfterTheStatedOnes() {
        HtmlMetadata m = run("<html><head><meta name=\"date\" content=\"2024-02-01\">"
                + "<script>window.__STATE__={\"publishedAt\":\"2024-01-31T22:00:00Z\"}</script></head><body><p>x</p></body></html>",
                "text/html").html();
        assertEquals(List.of(new HtmlMetadata.DateCandidate("2024-02-01", FieldSources.HTML_META),
                new HtmlMetadata.DateCandidate("2024-01-31T22:00:00Z", FieldSources.HTML_META)), m.dateCandidates);
    }

    @Test
    void aNoscriptHoldingThePostIsKeptAnEnableJavascriptNoteIsNot() {
        String paragraph = "<p>" + "The post is rendered by script, and this static copy is all a crawler gets to read. ".repeat(3) + "</p>";
        ArticleDraft d = run("<html><body><noscript>Please enable JavaScript to view the comments.</noscript>"
                + "<div class=\"post-body\"><noscript>" + paragraph + paragraph + "</noscript></div></body></html>", "text/html");
        assertTrue(d.text().startsWith("The post is rendered by script"), d.text());
        assertFalse(d.text().contains("enable JavaScript"), d.text());
    }

    /** The stage hands its blocks on already split: they must be what splitting the joined text gives. */
    @Test
    void handsOnParagraphsInTheirSplitForm() {
        String odd = "<html><body><article><p>One\u00A0 two\t three  <br> <br>\u2003four\u200B</p>"
                + "<pre>  kept\n\n   layout  </pre><table><tr><td>a</td><td> b </td></tr></table>"
                + "<p>\u3000</p><div>tail <span>end</span>\r\n</div></article></body></html>";
        for (String page : List.of(PAGE, odd)) {
            ArticleDraft d = run(page, "text/html");
            assertEquals(TextBlocks.paragraphs(d.text()), d.paragraphs(), page);
        }
        ArticleDraft text = run("A hard-wrapped line that goes on and on and on and on and on and on\nand ends here.\n\n"
                + "\u00A0Second  paragraph\t\r\n\r\nThird.", "text/plain");
        assertEquals(TextBlocks.paragraphs(text.text()), text.paragraphs());
    }

    /** The by-name checks of the removal candidates match what the selectors they replace match, element by element. */
    @Test
    void removalCandidateChecksEqualTheirSelectors() throws java.io.IOException {
        org.jsoup.select.Evaluator nonContent = org.jsoup.select.Selector.evaluatorOf(
                "script, style, iframe, template, svg, button, select");
        org.jsoup.select.Evaluator chrome = org.jsoup.select.Selector.evaluatorOf(
                "nav, header, footer, aside, form, [hidden], [aria-hidden=true]");
        String[] tags = {"div", "nav", "NAV", "header", "footer", "aside", "form", "script", "style", "iframe", "template",
            "svg", "button", "select", "noscript", "p", "span", "section", "math", "option"};
        String[] attributes = {"", " hidden", " HIDDEN=x", " aria-hidden=true", " aria-hidden=\" TRUE \"", " Aria-Hidden=True",
            " aria-hidden=false", " aria-hidden", " aria-hidden=\"true \u00a0\"", " data-hidden=true", " class=hidden"};
        java.util.Random random = new java.util.Random(5);
        StringBuilder html = new StringBuilder("<html><head><style>s</style></head><body>");
        for (int i = 0; i < 3_000; i++) {
            String tag = tags[random.nextInt(tags.length)];
            html.append('<').append(tag).append(attributes[random.nextInt(attributes.length)]).append('>').append("t");
            if (random.nextInt(3) == 0) {
                html.append("</").append(tag).append('>');
            }
        }
        List<org.jsoup.nodes.Document> docs = new java.util.ArrayList<>();
        docs.add(org.jsoup.Jsoup.parse(html + "</body></html>"));
        String base = System.getProperty("newsflow.shared.data");
        java.nio.file.Path dir = base == null ? null : java.nio.file.Path.of(base, "article-extraction-benchmark", "html");
        if (dir != null && java.nio.file.Files.isDirectory(dir)) {
            try (java.util.stream.Stream<java.nio.file.Path> pages = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path page : pages.sorted().toList()) {
                    try (java.io.InputStream in = page.toString().endsWith(".gz")
                            ? new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(page))
                            : java.nio.file.Files.newInputStream(page)) {
                        docs.add(org.jsoup.Jsoup.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        int chromeSeen = 0;
        for (org.jsoup.nodes.Document doc : docs) {
            for (org.jsoup.nodes.Element e : doc.getAllElements()) {
                assertEquals(nonContent.matches(doc, e), HtmlToText.isNonContent(e), e::toString);
                assertEquals(chrome.matches(doc, e), HtmlToText.isChrome(e), () -> e.tagName() + " " + e.attributes());
                chromeSeen += HtmlToText.isChrome(e) ? 1 : 0;
            }
        }
        assertTrue(chromeSeen > 100, "chrome elements seen: " + chromeSeen);
    }
}
