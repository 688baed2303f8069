package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeadParagraphsTest {

    private static final String SENTENCE = MainContentLocatorTest.SENTENCE;
    private static final String BODY = ("<p>" + SENTENCE.repeat(3) + "</p>").repeat(4);
    private static final String LEAD = "The city will spend more on schools next year, the council decided after a long night.";

    private static String text(String page) {
        return MainContentLocatorTest.text(page);
    }

    @Test
    void leadWordsAreFoundAsWordsOfClassNames() {
        assertTrue(LeadParagraphs.hasLeadWord("ce_articleIntro block"));
        assertTrue(LeadParagraphs.hasLeadWord("story-lead-text"));
        assertTrue(LeadParagraphs.hasLeadWord("hlFld-Abstract"));
        assertTrue(LeadParagraphs.hasLeadWord("article--sub-headline primus"));
        assertTrue(LeadParagraphs.hasLeadWord("DefaultEinleitung"));
        assertTrue(LeadParagraphs.hasLeadWord("paragraph--type--chapo"));
        assertFalse(LeadParagraphs.hasLeadWord("leaderboard"), "a word that only starts with 'lead'");
        assertFalse(LeadParagraphs.hasLeadWord("misleading-headline"));
        assertFalse(LeadParagraphs.hasLeadWord("headline"));
        assertFalse(LeadParagraphs.hasLeadWord(""));
    }

    @Test
    void aLeadBesideTheBodyContainerIsKeptInFront() {
        String page = "<html><body><div class=\"nav\"><a href=\"/\">Home</a></div><div class=\"article\">"
                + "<div class=\"ce_articleIntro\"><p>" + LEAD + "</p></div>"
                + "<div class=\"ce_text\">" + BODY + "</div></div><div class=\"footer\">Imprint</div></body></html>";
        String text = text(page);
        assertTrue(text.startsWith(LEAD), text);
        assertTrue(text.contains(SENTENCE.strip()), "the body stays: " + text);
        assertFalse(text.contains("Imprint"), text);
    }

    @Test
    void aLeadInTheArticleHeaderSurvivesTheHeadersRemoval() {
        String page = "<html><body><article><header class=\"entry-header\"><h1>Council raises school budget</h1>"
                + "<span class=\"byline\">By Jane Roe</span><div class=\"entry-excerpt\"><p>" + LEAD + "</p></div></header>"
                + "<div class=\"entry-content\">" + BODY + "</div></article></body></html>";
        String text = text(page);
        assertTrue(text.startsWith(LEAD), text);
        assertFalse(text.contains("Jane Roe"), "the rest of the header is still dropped: " + text);
        assertFalse(text.contains("Council raises school budget"), "the title is metadata, not text: " + text);
    }

    @Test
    void headerBlocksLinksAndLabelsAreNotLeads() {
        String page = "<html><body><div>"
                + "<div class=\"article-intro-container\"><h1>Council raises school budget after a long debate</h1>"
                + "<div class=\"author-name\">JANE ROE, 18 NOV 2019</div></div>"
                + "<div class=\"article-subhead\"><span class=\"author\">Jane Roe</span> <time>Nov. 20, 2019 at 1:35 a.m. local time</time></div>"
                + "<a href=\"/live\"><h3 class=\"show-dek\">The latest local news, weather and stories for your community.</h3></a>"
                + "<div class=\"teaser\">Intro</div>"
                + "<div class=\"entry-content\">" + BODY + "</div></div></body></html>";
        String text = text(page);
        assertFalse(text.contains("JANE ROE"), text);
        assertFalse(text.contains("1:35"), text);
        assertFalse(text.contains("latest local news"), text);
        assertFalse(text.contains("Intro"), text);
        assertTrue(text.startsWith(SENTENCE.strip().substring(0, 20)), text);
    }

    @Test
    void aTeaserListAfterTheBodyIsNotALead() {
        String page = "<html><body><div class=\"main\"><div class=\"text\">" + BODY + "</div>"
                + "<div class=\"summary\"><p>" + LEAD + " Another story entirely, told in a teaser.</p></div></div></body></html>";
        assertFalse(text(page).contains("Another story entirely"), text(page));
    }

    @Test
    void anUnmarkedParagraphUnderTheHeadersHeadlineIsTheStandfirst() {
        // the header sits a level outside the body's column, beyond the scope of class-marked leads
        String page = "<html><body><main><div class=\"wrap\"><header class=\"article-header\"><h1>Council raises school budget</h1>"
                + "<p class=\"text-xl\">" + LEAD + " Parents had asked for it for years.</p>"
                + "<p class=\"byline\">By Jane Roe, a reporter who covers the city council and its schools</p></header>"
                + "<div class=\"cols\"><div class=\"col\"><div class=\"article-body\">" + BODY + "</div></div></div>"
                + "</div></main></body></html>";
        String text = text(page);
        assertTrue(text.startsWith(LEAD), text);
        assertFalse(text.contains("Jane Roe"), "a byline paragraph is no lead: " + text);
    }

    @Test
    void aSiteHeadersParagraphIsNoStandfirst() {
        String tagline = "The independent newspaper of the river valley, with news from every town since 1890 and more.";
        String noHeadline = "<html><body><header class=\"site\"><p>" + tagline + "</p></header><main><article>"
                + "<h1>Council raises school budget</h1>" + BODY + "</article></main></body></html>";
        assertFalse(text(noHeadline).contains("independent newspaper"), "no h1 before it: " + text(noHeadline));
        String shortLine = "<html><body><main><header><h1>Council raises school budget</h1><p>News from the valley, since 1890.</p>"
                + "</header><article>" + BODY + "</article></main></body></html>";
        assertFalse(text(shortLine).contains("since 1890"), "too short for an unmarked lead: " + text(shortLine));
    }

    @Test
    void aLinklessLeadClassedTeaserIsTheLeadButLinkedTeasersStayChrome() {
        String page = "<html><body><div class=\"article\"><div class=\"ce-news--teaser\"><p>" + LEAD + "</p></div>"
                + "<div class=\"ce-text\">" + BODY + "</div></div>"
                + "<div class=\"teaser\"><a href=\"/other\">Zoo welcomes an elephant</a><p>The zoo has a new elephant called"
                + " Benjamin, and visitors love it.</p></div></body></html>";
        String text = text(page);
        assertTrue(text.startsWith(LEAD), text);
        assertFalse(text.contains("elephant"), "a teaser of another article is still pruned: " + text);
        String sidebar = "<html><body><div class=\"sidebar-teaser\"><p>" + LEAD + "</p></div><div class=\"article\">"
                + BODY + "</div></body></html>";
        assertFalse(text(sidebar).contains("next year"), "chrome by another word too: " + text(sidebar));
    }
}
