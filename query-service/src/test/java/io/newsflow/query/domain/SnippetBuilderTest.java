package io.newsflow.query.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The service's snippets. Expected outputs are what PostgreSQL 15's {@code ts_headline} returns for the same text,
 * query and options (checked by hand with psql; {@code SnippetParityTest} compares thousands of pairs), except
 * where noted.
 */
class SnippetBuilderTest {

    private static final String OPTIONS = "MaxFragments=2, MaxWords=35, MinWords=15, FragmentDelimiter=\" … \","
            + " StartSel=<mark>, StopSel=</mark>";
    private final SnippetBuilder builder = new SnippetBuilder(SnippetBuilder.Options.parse(OPTIONS));

    private String snippet(String config, String text, String tsquery) {
        return builder.build(text, TsQuery.parse(tsquery), TextSearchLexemes.of(config));
    }

    @Test
    void optionsParseLikeTsHeadline() {
        SnippetBuilder.Options o = builder.options();
        assertEquals(2, o.maxFragments());
        assertEquals(35, o.maxWords());
        assertEquals(15, o.minWords());
        assertEquals(3, o.shortWord());
        assertEquals(" … ", o.fragmentDelimiter());
        assertEquals("<mark>", o.startSel());
        assertEquals("</mark>", o.stopSel());
        assertThrows(IllegalArgumentException.class, () -> SnippetBuilder.Options.parse("MaxWords=5, MinWords=5"));
        assertThrows(IllegalArgumentException.class, () -> SnippetBuilder.Options.parse("Colour=red"));
        assertEquals("<b>", SnippetBuilder.Options.parse("").startSel());
    }

    @Test
    void marksEveryFormOfAStemmedWord() {
        // a fragment does not start or end at a word of ShortWord (3) characters or fewer, nor take the last "."
        assertEquals("strong <mark>earthquake</mark> struck; <mark>Earthquakes</mark> are common here",
                snippet("english", "A strong earthquake struck; Earthquakes are common here.", "'earthquak'"));
    }

    @Test
    void stopWordsAreNeverMarked() {
        // 'will' is an english stop word: its text never yields the lexeme, even if a query had it
        assertEquals("They will <mark>wills</mark>", snippet("english", "They will wills it", "'will'"));
    }

    @Test
    void negatedTermsAreNotMarked() {
        // ts_headline marks "dog" here too; the service marks only what the query asks for
        assertEquals("<mark>cat</mark> and dog", snippet("english", "the cat and dog", "'cat' & !'dog'"));
    }

    @Test
    void phrasesMarkTheirWords() {
        assertEquals("<mark>big</mark> <mark>dog</mark> and a <mark>big</mark>",
                snippet("english", "a big dog and a big cat", "'big' <-> 'dog'"));
    }

    @Test
    void hyphenatedWordsMatchAsWholeAndParts() {
        assertEquals("<mark>well</mark>-<mark>known</mark> case",
                snippet("english", "a well-known case", "'well-known' <-> 'well' <-> 'known'"));
        assertEquals("well-<mark>known</mark> case", snippet("english", "a well-known case", "'known'"));
    }

    @Test
    void simpleConfigurationOnlyLowerCases() {
        assertEquals("<mark>Running</mark> runs", snippet("simple", "Running runs", "'running'"));
        assertEquals("<mark>Running</mark> <mark>runs</mark>", snippet("english", "Running runs", "'run'"));
    }

    @Test
    void russianConfigurationStemsLatinWordsAsEnglish() {
        assertEquals("<mark>Elections</mark> и <mark>выборы</mark>",
                snippet("russian", "Elections и выборы", "'elect' | 'выбор'"));
    }

    @Test
    void distantMatchesMakeTwoFragments() {
        String filler = " lorem".repeat(60);
        String text = "Start of the text." + filler + " the earthquake hit." + filler + " a tsunami followed." + filler;
        String s = snippet("english", text, "'earthquak' | 'tsunami'");
        assertTrue(s.contains("<mark>earthquake</mark>"), s);
        assertTrue(s.contains("<mark>tsunami</mark>"), s);
        assertTrue(s.contains(" … "), s);
        assertFalse(s.startsWith("Start"), s);
    }

    @Test
    void withoutAMatchTheSnippetIsTheFirstMinWords() {
        String text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
                + " sixteen seventeen";
        assertEquals("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
                snippet("english", text, "'absent'"));
        assertEquals("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
                snippet("english", text, ""));
        assertEquals("", snippet("english", "", "'absent'"));
    }

    @Test
    void textAroundTheMarksIsNotEscapedButTagsBecomeSpaces() {
        assertEquals("Quarterly <mark>profits</mark> rose  sharply  at Smith & Sons, where 5 < 6 always holds",
                snippet("english", "Quarterly profits rose <b>sharply</b> at Smith & Sons, where 5 < 6 always holds",
                        "'profit'"));
    }

    @Test
    void withoutFragmentsOneHeadlineAroundTheBestCover() {
        SnippetBuilder single = new SnippetBuilder(SnippetBuilder.Options.parse(
                "MaxWords=6, MinWords=3, StartSel=[, StopSel=]"));
        assertEquals("[quake] struck the city",
                single.build("Yesterday a quake struck the city at noon today", TsQuery.parse("'quak'"),
                        TextSearchLexemes.of("english")));
    }

    @Test
    void tokensFollowThePostgresParser() {
        // as ts_debug('english', ...) splits it
        List<String> tokens = HeadlineTokens.of("COVID-19 19-year-old U.S. 3.5 don't x@y.com 1-1/2 a - b")
                .stream().map(HeadlineTokens.Token::text).toList();
        assertEquals(List.of("COVID", "-19", " ", "19", "-", "year-old", "year", "-", "old", " ", "U.S", ". ", "3.5",
                " ", "don", "'", "t", " ", "x@y.com", " ", "1", "-1", "/2", " ", "a", " ", "- ", "b"), tokens);
    }
}
