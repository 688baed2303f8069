package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.newsflow.contracts.ContractJson;
import io.newsflow.enrich.support.TestPipelines;

class MainContentLocatorTest {

    static final String SENTENCE = "The council met on Tuesday, and members debated the budget, the schools and the roads. ";

    /** The clean text HtmlToText makes of a page, with the service's locator settings. */
    static String text(String page) {
        ArticleDraft d = ArticleDraft.of(page, "text/html");
        new HtmlToText(ContractJson.mapper(), MainContentLocator.fromSettings(TestPipelines.settings())).apply(d);
        return d.text();
    }

    /** The page's text keeps the body sentence and drops {@code chrome}. */
    private static void assertBodyWithout(String page, String chrome) {
        String text = text(page);
        assertFalse(text.contains(chrome), text);
        assertTrue(text.contains(SENTENCE.strip()), text);
    }

    @Test
    void aWeaklyNegativeContainerHoldingBodyParagraphsIsKept() {
        String paragraph = "<p>" + SENTENCE.repeat(2) + "</p>";
        String page = "<html><body><div class=\"article\"><p>" + SENTENCE + "</p>"
                + "<div class=\"paywall\">" + paragraph + paragraph + paragraph + "</div></div>"
                + "<div class=\"paywall-offer\"><p>Subscribe now for one euro.</p></div>"
                + "<div class=\"comments\">" + paragraph + paragraph + paragraph + "</div></body></html>";
        String text = text(page);
        assertFalse(text.contains("Subscribe now"), text);
        assertTrue(text.split("The council met").length - 1 >= 7, "the paywall div's paragraphs are body: " + text);
    }

    @Test
    void authorBoxesArePruned() {
        String page = "<html><body><article><div class=\"entry-content\"><p>" + SENTENCE.repeat(3) + "</p><p>"
                + SENTENCE.repeat(3) + "</p><div class=\"author-box\"><p>Jane Roe writes about the city council for the paper,"
                + " and before that she covered schools.</p></div></div></article></body></html>";
        assertBodyWithout(page, "Jane Roe writes");
    }

    @Test
    void consentLayersGoWhateverShareOfThePageTheyHold() {
        String policy = "<p>We and our partners store and read cookies on your device, and we process your data for"
                + " measurement, personalised advertising and content, as our privacy policy describes in detail. </p>";
        String page = "<html><body><div class=\"cookie-banner\"><div class=\"policy-content\">" + policy.repeat(12)
                + "</div></div><article><h1>Council raises school budget</h1><p>" + SENTENCE.repeat(3) + "</p></article>"
                + "</body></html>";
        assertBodyWithout(page, "our partners");
        String wrapper = "<html><body><div class=\"cookies-accepted\"><article><h1>Council raises school budget</h1><p>"
                + SENTENCE.repeat(3) + "</p></article></div></body></html>";
        assertTrue(text(wrapper).contains(SENTENCE.strip()), "a wrapper holding the article stays: " + text(wrapper));
    }

    @Test
    void aNegatedClassWordIsNoChromeHint() {
        String page = "<html><body><div class=\"intro-links\">" + "Elephants live in the zoo in the north of the town. ".repeat(15)
                + "</div><div class=\"layout no-sidebar\"><div>" + SENTENCE.repeat(3) + "</div><div>" + SENTENCE.repeat(3)
                + "</div></div></body></html>";
        String text = text(page);
        assertTrue(text.contains(SENTENCE.strip()), text);
        assertFalse(text.contains("Elephants"), text);
    }

    @Test
    void figureCaptionsAreNotBodyText() {
        String page = "<html><body><article><p>" + SENTENCE.repeat(3) + "</p><figure><img src=\"a.jpg\"><figcaption>"
                + "The council chamber on Tuesday evening, before the vote.</figcaption></figure><p>" + SENTENCE.repeat(3)
                + "</p></article></body></html>";
        assertBodyWithout(page, "council chamber");
    }

    @Test
    void aDialogIsNeverTheArticle() {
        String disclosure = "<p>The authors report grants, fees and support from many companies and agencies, all of"
                + " them listed here, outside the submitted work, and they declare no other interests at all. </p>";
        // under half the page, and long paragraphs: a weakly negative block with these is kept as body
        String page = "<html><body><article><h1>Council raises school budget</h1>" + ("<p>" + SENTENCE.repeat(3) + "</p>").repeat(3)
                + "<div class=\"modal disclosures\"><div class=\"modal__body\">" + disclosure.repeat(3) + "</div></div>"
                + "</article></body></html>";
        assertBodyWithout(page, "The authors report");
    }

    @Test
    void consentPlaceholdersOfEmbedsAreRemoved() {
        String page = "<html><body><article><p>" + SENTENCE.repeat(3) + "</p><div class=\"third-party-services--placeholder\">"
                + "<div class=\"message\">Wir respektieren deine Privatsphäre und zeigen dieses Video erst nach deiner"
                + " Zustimmung, denn der Anbieter setzt Cookies.</div></div><p>" + SENTENCE.repeat(3) + "</p></article></body></html>";
        assertBodyWithout(page, "Privatsphäre");
    }

    @Test
    void anAuthorBoxIsChromeEvenUnderAPositiveWord() {
        String bio = "<p>Jane Roe writes about the city council for the paper, and before that she covered the schools"
                + " of the valley for ten years, with a break for a book about its rivers and their bridges.</p>";
        String page = "<html><body><article><div class=\"entry-content\"><p>" + SENTENCE.repeat(3) + "</p><p>"
                + SENTENCE.repeat(3) + "</p><div class=\"post-author row\"><div class=\"post-author__bio\">" + bio
                + "</div></div></div></article></body></html>";
        assertBodyWithout(page, "Jane Roe writes");
    }

    @Test
    void aBodySplitOverRepeatedBlocksIsJoined() {
        // the second block scores well under the first (no shared-ancestor climb), but as body text
        String block = "<div class=\"paragraph paragraph--text\"><div class=\"text-formatted\">%s</div></div>";
        String first = SENTENCE.repeat(3);
        String second = "The mayor said on Wednesday, after the vote, that the roads would come first, then the parks. ".repeat(2);
        String page = "<html><body><div class=\"related\"><a href=\"/a\">Another story</a></div><div class=\"field\">"
                + String.format(block, ("<p>" + first + "</p>").repeat(4))
                + "<div class=\"paragraph paragraph--image\"><img src=\"a.jpg\"></div>"
                + String.format(block, ("<p>" + second + "</p>").repeat(2)) + "</div><div class=\"teaser-list\"><div class=\"text-formatted\"><p>"
                + "Elsewhere: the zoo has a new elephant, and it is called Benjamin, and visitors love it.</p></div></div>"
                + "</body></html>";
        String text = text(page);
        assertTrue(text.contains(first.strip()), text);
        assertTrue(text.contains(second.strip()), "the second block is body too: " + text);
        assertFalse(text.contains("elephant"), "a block of another family is not: " + text);
    }

    @Test
    void commentsStayChromeWhateverTheyHold() {
        String paragraph = "<p>" + SENTENCE.repeat(2) + "</p>";
        String page = "<html><body><article><p>" + SENTENCE.repeat(3) + "</p><p>" + SENTENCE.repeat(3) + "</p></article>"
                + "<div class=\"comments\"><p>" + "A reader wrote a long comment here, with many words, and more. ".repeat(3)
                + "</p>" + paragraph + "</div></body></html>";
        assertFalse(text(page).contains("A reader wrote"), text(page));
    }

    @Test
    void looseTextSeparatedByLineBreaksIsScored() {
        String page = "<html><body><div class=\"teasers\"><p>Short teaser one, about one thing.</p></div>"
                + "<div id=\"n1\"><div class=\"image\"><img src=\"x.jpg\"></div>"
                + SENTENCE.repeat(3) + "<br><br>" + SENTENCE.repeat(3) + "<br><br>" + SENTENCE.repeat(3)
                + "</div><div class=\"print-note\"><p>Printed from example.org on a sunny day.</p></div></body></html>";
        String text = text(page);
        assertTrue(text.startsWith("The council met"), text);
        assertFalse(text.contains("Printed from"), text);
    }

    /** The class-word patterns as regexes: the definition {@link ClassHintWords} follows. */
    private static final Pattern NEGATIVE_AS_WRITTEN = Pattern.compile(
            "(?:^|[-_ ])(?:ad|ads|advert\\w*|banner|breadcrumbs?|byline|caption|cmt|combx|comments?|community|contact|cookie\\w*"
                    + "|disqus|footer|gdpr|masthead|menu|meta|modal|most-?popular|nav|navbar|navigation|newsletter|outbrain"
                    + "|pager|pagination|paywall|popular|popup|promo\\w*|recirc\\w*|related|remark|replies|rss|share|sharing"
                    + "|shoutbox|sidebar|skyscraper|social|sponsor\\w*|subscribe|subscription|tags?|taboola|teaser|toolbar"
                    + "|tools|trending|widget|read-?more|more-?stories|author-?bio|signup|inline-?ad|video-?player"
                    + "|credit|print-?only|hidden|visually-?hidden|sr-only|screen-?reader\\w*"
                    + "|author-?box|author-?info|author-?card|about-?the-?author|post-?author)(?:$|[-_ ])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE_AS_WRITTEN = Pattern.compile(
            "(?:^|[-_ ])(?:article|articlebody|article-?body|article-?content|body|content|entry|entry-?content|main"
                    + "|post|post-?body|post-?content|story|story-?body|text|blog|page)(?:$|[-_ ])",
            Pattern.CASE_INSENSITIVE);

    @Test
    void classWordMatcherFindsWhatTheWrittenPatternsFind() throws IOException {
        ClassHintWords negative = ClassHintWords.of(MainContentLocator.NEGATIVE_WORDS);
        ClassHintWords positive = ClassHintWords.of(MainContentLocator.POSITIVE_WORDS);
        List<String> hints = new ArrayList<>(List.of("", "ad", "AD", "x-ad", "ad_x", "adx", "advertisement_box", "advert-",
                "most-popular", "mostpopular", "most--popular", "sr-only", "sronly", "screen-reader-text", "screenreader_x",
                "article-body", "Article_Content", "entry content", "post-bodyx", "tag tags tagsx", "main-nav", "navmain"));
        String[] parts = {"ad", "ads", "nav", "most", "popular", "article", "body", "x", "é", "-", "_", " ", "\t", "reader",
            "screen", "-?", "content", "Ä", "more", "stories", "ß", "K", "_x1", "9", "\u212A", "\u0131", "\u017F", "advert",
            "cookies", "promo", "tag", "credit", "ADVERT", "Sr", "only", "visually", "hidden", "bio", "author", "s", "box", "info", "card", "about", "the", "post"};
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder h = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                h.append(parts[random.nextInt(parts.length)]);
            }
            hints.add(h.toString());
        }
        hints.addAll(realPageHints());
        for (String h : hints) {
            assertEquals(NEGATIVE_AS_WRITTEN.matcher(h).find(), negative.find(h), h);
            assertEquals(POSITIVE_AS_WRITTEN.matcher(h).find(), positive.find(h), h);
        }
    }

    /** "class id" of every element of the article-extraction-benchmark pages, when the shared data is there. */
    private static List<String> realPageHints() throws IOException {
        String base = System.getProperty("newsflow.shared.data");
        Path dir = base == null ? null : Path.of(base, "article-extraction-benchmark", "html");
        List<String> hints = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return hints;
        }
        List<Path> pages;
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.sorted().toList();
        }
        for (Path page : pages) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                for (Element e : Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAllElements()) {
                    hints.add(e.className() + " " + e.id());
                }
            }
        }
        return hints;
    }
}
