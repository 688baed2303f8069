package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextStatisticsTest {

    private static ArticleDraft run(String text, int wpm, int ledeMax) {
        ArticleDraft d = ArticleDraft.of("", "text/plain");
        d.text(text);
        new TextStatistics(wpm, ledeMax).apply(d);
        return d;
    }

    @Test
    void countsWordsAndReadingTime() {
        ArticleDraft d = run("U.S. troops — 50,000 of them — aren't leaving.\n\nSecond paragraph here.", 4, 300);
        assertEquals(10, d.wordCount());
        assertEquals(3, d.readingTimeMinutes());
        assertEquals(1, run("One word", 230, 300).readingTimeMinutes(), "at least one minute for non-empty text");
        ArticleDraft empty = run("", 230, 300);
        assertEquals(0, empty.wordCount());
        assertEquals(0, empty.readingTimeMinutes());
        assertNull(empty.lede());
    }

    @Test
    void wordCountLoopEqualsTheWordRegex() {
        String alphabet = "aZé1½٣.,.,'’--  \n\u0301\u20DD日😀Ω";
        for (String s : io.newsflow.enrich.support.RandomStrings.of(alphabet, 20_000, 40, 7)) {
            java.util.regex.Matcher m = TextStatistics.wordPattern().matcher(s);
            int expected = 0;
            while (m.find()) {
                expected++;
            }
            assertEquals(expected, TextStatistics.countWords(s), s);
        }
        String dotted = "a" + ".b".repeat(40) + " end";
        java.util.regex.Matcher m = TextStatistics.wordPattern().matcher(dotted);
        int expected = 0;
        while (m.find()) {
            expected++;
        }
        assertEquals(expected, TextStatistics.countWords(dotted), "more dotted parts than the regex's bound");
    }

    @Test
    void ledeIsTheFirstParagraphCutAtASentenceEnd() {
        assertEquals("Short lede.", run("Short lede.\n\nMore.", 230, 300).lede());
        assertEquals("First sentence here. Second one.", run("First sentence here. Second one. Third sentence is long.\n\nx",
                230, 40).lede());
        assertEquals("Nosentenceendhere at all in this…", run("Nosentenceendhere at all in this long text", 230, 35).lede());
    }
}
