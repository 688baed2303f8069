package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.newsflow.enrich.support.RandomStrings;

class ClassWordSetsTest {

    private static final Set<String> DATES = Set.of("date", "published", "time", "byline", "meta");
    private static final Set<String> AUTHORS = Set.of("author", "byline", "fn", "vcard");
    private final ClassWordSets sets = new ClassWordSets(List.of(DATES, AUTHORS));

    /** The definition: split at whitespace, '-' and '_', lower-case each word, look it up in each set. */
    private static int expected(String attribute, int wanted) {
        int found = 0;
        for (String word : attribute.split("[-_\\p{javaWhitespace}]")) {
            String lower = word.toLowerCase(Locale.ROOT);
            found |= (DATES.contains(lower) ? 1 : 0) | (AUTHORS.contains(lower) ? 2 : 0);
        }
        return found & wanted;
    }

    @Test
    void findsWhichSetsHoldAWord() {
        assertEquals(3, sets.setsOf("post-BYLINE x", 3));
        assertEquals(1, sets.setsOf("entry_date", 3));
        assertEquals(2, sets.setsOf("vcard\tauthor-name", 3));
        assertEquals(0, sets.setsOf("dateline authorship updated", 3));
        assertEquals(1, sets.setsOf("Byline", 1));
        assertEquals(0, sets.setsOf("", 3));
    }

    @Test
    void equalsTheSplitDefinitionOnRandomAttributes() {
        String alphabet = "datebylinmfuhorpsvcTDBAF -_\t\u2003\u00A0é\u212A";
        for (String s : RandomStrings.of(alphabet, 30_000, 16, 11)) {
            for (int wanted = 1; wanted <= 3; wanted++) {
                int w = wanted;
                assertEquals(expected(s, w), sets.setsOf(s, w), () -> "'" + s + "' wanted " + w);
            }
        }
        for (String word : List.of("date", "published", "time", "byline", "meta", "author", "fn", "vcard")) {
            String s = "x-" + word.toUpperCase(Locale.ROOT) + " y";
            assertEquals(expected(s, 3), sets.setsOf(s, 3), s);
        }
    }
}
