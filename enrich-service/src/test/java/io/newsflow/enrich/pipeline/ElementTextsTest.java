package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** {@link ElementTexts} answers exactly what jsoup's {@code text()} and {@code select("a")} answer, element by element. */
class ElementTextsTest {

    private static final String[] TRICKY = {
        "<p>One <b>two</b>three</p><div>Four</div>Five<span> six </span> <br>seven",
        "<div>  lead  <p> para </p> tail <pre>  keep\n  this  </pre> after</div>",
        "<ul><li>a</li><li> b <a href=x>link <a>nested</a></a></li></ul>text<table><tr><td>c1</td><td> c2 </td></tr></table>",
        "<p>\u00a0nbsp\u00a0 and\u200b zero\u00adwidth</p><p> </p><div> <span> </span> </div>",
        "<div><![CDATA[ raw  cdata ]]> after</div><textarea>  area\n text </textarea><pre><code> deep\n<b> code </b></code></pre>",
        "<h1>Title</h1><br><br><p>x<br>y</p><img alt=z>after image<hr>rule",
        "<article><header><a href=/>Home</a> | <a href=/n>News</a></header><p>Body, with commas, here.</p>"
                + "<footer> \u2003em space\u2003 </footer></article>",
    };
    private static final String[] TAGS = {"div", "p", "span", "a", "b", "pre", "li", "ul", "td", "tr", "table", "br",
        "h2", "em", "section", "code", "blockquote"};
    private static final String[] WORDS = {"word", " ", "  ", "\n", "\u00a0", "\u200b", "a,b", "\t", "x ", " y", "\u2003", "."};

    @Test
    void trickyFragmentsMatchJsoup() {
        for (String html : TRICKY) {
            assertSameAsJsoup(Jsoup.parse(html));
        }
    }

    @Test
    void randomTreesMatchJsoup() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            StringBuilder html = new StringBuilder();
            randomTree(random, html, 0);
            assertSameAsJsoup(Jsoup.parse(html.toString()));
        }
    }

    @Test
    void rebuiltAfterRemovalsMatchesJsoup() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            StringBuilder html = new StringBuilder();
            randomTree(random, html, 0);
            Document doc = Jsoup.parse(html.toString());
            ElementTexts.of(doc); // a walk before the removals, as the pipeline does
            for (Element e : doc.select("b, li, pre")) {
                if (random.nextBoolean()) {
                    e.remove();
                }
            }
            assertSameAsJsoup(doc);
        }
    }

    /** The run-appending normaliser equals jsoup's code-point loop, with and without stripping leading whitespace. */
    @Test
    void normalisedWhitespaceMatchesJsoup() {
        char[] alphabet = {'a', 'Z', '1', ' ', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u0001', '\u00a0', '\u00ad', '\u200b',
            '\u2003', '\u3000', '\u00e9', '\ud83d', '\ude00', '\udc00', ',', '.'};
        Random random = new Random(11);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(i % 2 == 0 ? 24 : 120);
            for (int k = 0; k < length; k++) {
                // half of the strings mostly letters and plain spaces: the long stretches copied at once
                s.append(i % 2 == 0 || random.nextInt(8) == 0 ? alphabet[random.nextInt(alphabet.length)]
                        : random.nextInt(6) == 0 ? ' ' : 'w');
            }
            for (boolean strip : new boolean[] {false, true}) {
                String prefix = random.nextBoolean() ? "" : "x ";
                StringBuilder expected = new StringBuilder(prefix);
                org.jsoup.internal.StringUtil.appendNormalisedWhitespace(expected, s.toString(), strip);
                StringBuilder actual = new StringBuilder(prefix);
                ElementTexts.appendNormalised(actual, s.toString(), strip);
                assertEquals(expected.toString(), actual.toString(), () -> "normalising " + s.toString().chars().boxed().toList());
            }
        }
    }

    /** Every element of the article-extraction-benchmark pages, when the shared data is there. */
    @Test
    void realPagesMatchJsoup() throws IOException {
        String base = System.getProperty("newsflow.shared.data");
        assumeTrue(base != null, "newsflow.shared.data is not set");
        Path dir = Path.of(base, "article-extraction-benchmark", "html");
        assumeTrue(Files.isDirectory(dir), "no pages at " + dir);
        List<Path> pages;
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.sorted().toList();
        }
        assertTrue(pages.size() > 10);
        for (Path page : pages) {
            assertSameAsJsoup(Jsoup.parse(read(page)));
        }
    }

    private static String read(Path page) throws IOException {
        try (InputStream in = page.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(page))
                : Files.newInputStream(page)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertSameAsJsoup(Document doc) {
        ElementTexts texts = ElementTexts.of(doc);
        // the walks in document order list what jsoup's getAllElements lists, from any root
        assertEquals(doc.getAllElements(), DocumentOrder.elements(doc));
        assertEquals(doc.getAllElements(), texts.elements());
        if (doc.body() != null) {
            assertEquals(doc.body().getAllElements(), DocumentOrder.elements(doc.body()));
            assertEquals(doc.body().getAllElements(), ElementTexts.of(doc.body()).elements());
        }
        // the text of one element from a walk of the whole page, which lists the page's elements on the way
        List<Element> all = doc.getAllElements();
        for (int k = 0; k < all.size(); k++) {
            Element e = all.get(k);
            if (k % 37 == 0 || e == doc.body()) {
                List<Element> listed = new java.util.ArrayList<>();
                assertEquals(e.text(), ElementTexts.textOf(e, doc, listed), () -> "text of <" + e.normalName() + "> in a page walk");
                assertEquals(all, listed);
            }
        }
        for (Element e : doc.getAllElements()) {
            String expected = e.text();
            assertEquals(expected, texts.text(e), () -> "text of <" + e.normalName() + "> in " + doc.body().html());
            assertEquals(expected, ElementTexts.textOf(e), () -> "own walk of <" + e.normalName() + ">");
            assertEquals(expected.length(), texts.length(e));
            assertEquals(expected.chars().filter(c -> c == ',').count(), texts.count(e, ','));
            int linked = 0;
            for (Element a : e.select("a")) {
                linked += a.text().length();
            }
            assertEquals(linked, texts.linkChars(e), () -> "links of <" + e.normalName() + ">");
        }
        // a subtree walked on its own gives the same texts as the whole page's walk
        Element body = doc.body();
        if (body != null && body.childrenSize() > 0) {
            Element first = body.child(0);
            ElementTexts sub = ElementTexts.of(first);
            for (Element e : first.getAllElements()) {
                assertEquals(e.text(), sub.text(e));
            }
        }
    }

    private static void randomTree(Random random, StringBuilder html, int depth) {
        int children = random.nextInt(depth < 4 ? 5 : 2);
        for (int i = 0; i < children; i++) {
            if (depth < 6 && random.nextInt(3) > 0) {
                String tag = TAGS[random.nextInt(TAGS.length)];
                if ("br".equals(tag)) {
                    html.append("<br>");
                    continue;
                }
                html.append('<').append(tag).append(random.nextBoolean() ? " class=c>" : ">");
                randomTree(random, html, depth + 1);
                html.append("</").append(tag).append('>');
            } else {
                html.append(WORDS[random.nextInt(WORDS.length)]);
            }
        }
    }
}
