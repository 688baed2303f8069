package io.newsflow.query.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Lexemes as PostgreSQL's configurations give them (to_tsvector's output, checked with psql). */
class TextSearchLexemesTest {

    @Test
    void stemsDropsStopWordsAndLowerCases() {
        TextSearchLexemes english = TextSearchLexemes.of("english");
        assertEquals("earthquak", english.stem("Earthquakes"));
        assertEquals("happi", english.stem("happy"));
        assertNull(english.stem("The"));
        assertEquals("erdbeb", TextSearchLexemes.of("german").stem("Erdbeben"));
        assertNull(TextSearchLexemes.of("german").stem("und"));
        assertEquals("the", TextSearchLexemes.of("simple").stem("The"));
        assertEquals("elect", TextSearchLexemes.of("russian").stem("Elections"));
        assertEquals("выбор", TextSearchLexemes.of("russian").stem("выборы"));
    }

    @Test
    void theCacheGivesTheSameStemsAndStaysBounded() {
        TextSearchLexemes.StemCache cache = new TextSearchLexemes.StemCache(3);
        TextSearchLexemes cached = TextSearchLexemes.of("english", cache);
        TextSearchLexemes plain = TextSearchLexemes.of("english");
        for (String w : new String[] {"running", "Running", "quakes", "cities", "policies", "running", "happier"}) {
            assertEquals(plain.stem(w), cached.stem(w), w);
        }
        assertEquals(plain.stem("running"), TextSearchLexemes.of("english", cache).stem("running"));
    }
}
