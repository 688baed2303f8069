package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.Keyword;
import io.newsflow.enrich.support.TestPipelines;

class KeywordAndLocatorTest {

    @Test
    void recurringPhrasesRankFirstWithWeightsUpToOne() {
        List<Keyword> k = new KeywordExtractor(5, 3, 2).extract("The joint operation plan was drafted. "
                + "Officials said the joint operation plan covers Taiwan. A joint operation plan needs approval. "
                + "Taiwan is near.");
        assertEquals("joint operation plan", k.get(0).term());
        assertEquals(1.0, k.get(0).weight());
        assertTrue(k.stream().anyMatch(x -> x.term().equals("taiwan")), k.toString());
        assertTrue(k.stream().allMatch(x -> x.weight() > 0 && x.weight() <= 1));
    }

    @Test
    void tokenizerLoopEqualsTheTokenRegex() {
        String alphabet = "aZé1½٣'’.-.-  \t\n\u00A0,;!日😀𝐀Ω";
        for (String s : io.newsflow.enrich.support.RandomStrings.of(alphabet, 20_000, 30, 11)) {
            List<String> expected = new java.util.ArrayList<>();
            java.util.regex.Matcher m = KeywordExtractor.tokenPattern().matcher(s);
            while (m.find()) {
                expected.add(m.group());
            }
            assertEquals(expected, KeywordExtractor.tokens(s), s);
        }
        String joined = "a" + "-b".repeat(20);
        java.util.regex.Matcher m = KeywordExtractor.tokenPattern().matcher(joined);
        List<String> expected = new java.util.ArrayList<>();
        while (m.find()) {
            expected.add(m.group());
        }
        assertEquals(expected, KeywordExtractor.tokens(joined), "more joined parts than the regex's bound");
    }

    @Test
    void locatorKeepsTheArticleAndDropsRelatedLinksAndShareBars() {
        String body = "<p>" + "The council met on Tuesday, and members debated the budget, the schools and the roads. ".repeat(3)
                + "</p>";
        String page = "<html><body><div class=\"menu\"><a href=\"/a\">Home</a> <a href=\"/b\">World</a></div>"
                + "<div class=\"story-body\">" + body + body + "<div class=\"share-bar\">Share on Facebook</div></div>"
                + "<div class=\"related-articles\"><ul><li><a href=\"/x\">Another story about something else entirely here</a></li>"
                + "<li><a href=\"/y\">Yet another story about something else entirely</a></li></ul></div>"
                + "<p class=\"caption\">Photo: the hall.</p></body></html>";
        ArticleDraft d = ArticleDraft.of(page, "text/html");
        new HtmlToText(ContractJson.mapper(), MainContentLocator.fromSettings(TestPipelines.settings())).apply(d);
        assertTrue(d.text().startsWith("The council met on Tuesday"), d.text());
        assertFalse(d.text().contains("Another story"), d.text());
        assertFalse(d.text().contains("Share on Facebook"), d.text());
        assertFalse(d.text().contains("Home"), d.text());
        assertFalse(d.text().contains("Photo:"), d.text());
    }

    @Test
    void standardPipelineUsesTheServiceDefaults() {
        Pipeline p = StandardPipeline.build(TestPipelines.settings(), java.time.Clock.systemUTC());
        assertEquals(TestPipelines.settings().list("stages"), p.stageNames());
        assertEquals("x", StandardPipeline.resolveDefaults("${NOT_SET_ANYWHERE:x}"));
    }
}
