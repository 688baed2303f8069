package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.ContractJson;
import io.newsflow.enrich.support.TestPipelines;

class MainContentLocatorTest {

    private static final String SENTENCE = "The council met on Tuesday, and members debated the budget, the schools and the roads. ";

    private static String text(String page) {
        ArticleDraft d = ArticleDraft.of(page, "text/html");
        new HtmlToText(ContractJson.mapper(), MainContentLocator.fromSettings(TestPipelines.settings())).apply(d);
        return d.text();
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
}
