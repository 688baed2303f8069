package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.newsflow.enrich.support.TestPipelines;

class RepeatedParagraphRemoverTest {

    private static String run(String text) {
        ArticleDraft d = ArticleDraft.of("", "text/plain");
        d.text(text);
        TestPipelines.repeated().apply(d);
        return d.text();
    }

    @Test
    void dropsExactRepeatsKeepingTheFirst() {
        assertEquals("One.\n\nTwo.", run("One.\n\nTwo.\n\nOne."));
    }

    @Test
    void dropsAParagraphContainedInAnEarlierOne() {
        String lead = "TOKYO - Worried about North Korean belligerence, Japan's military wants to cooperate more.";
        String repeat = "Worried about North Korean belligerence, Japan's military wants to cooperate more.";
        assertEquals(lead + "\n\nNext.", run(lead + "\n\n" + repeat + "\n\nNext."));
    }

    @Test
    void shortParagraphsAreOnlyDroppedWhenEqual() {
        assertEquals("The talks in Tokyo went on.\n\nTokyo", run("The talks in Tokyo went on.\n\nTokyo"));
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        assertEquals("A long enough paragraph about the summit in Washington, DC.",
                run("A long enough paragraph about the summit in Washington, DC.\n\na long enough paragraph about the "
                        + "summit in washington dc"));
    }
}
