package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTextParserTest {

    private final DateTextParser parser = new DateTextParser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2021-12-25|2021-12-25T00:00:00Z",
            "2024-03-05T08:00:00+09:00|2024-03-04T23:00:00Z",
            "2024-03-04T23:00:00.123Z|2024-03-04T23:00:00.123Z",
            "2024-03-05T08:00:00|2024-03-05T08:00:00Z",
            "2024-03-05T08:00:00+0100|2024-03-05T07:00:00Z",
            "Tue, 5 Mar 2024 08:00:00 GMT|2024-03-05T08:00:00Z",
            "5 Mar 2024 08:00:00 GMT|2024-03-05T08:00:00Z",
            "(2024-03-05)|2024-03-05T00:00:00Z",
            "Posted 2024-03-05T08:00:00Z|2024-03-05T08:00:00Z",
            "Monday, April 22, 2024|2024-04-22T00:00:00Z",
            "Thursday, January 13, 2011, 20:26 PM|2011-01-13T20:26:00Z",
            "Jan. 5, 2022 at 3:15 pm|2022-01-05T15:15:00Z",
            "22 April 2024|2024-04-22T00:00:00Z",
            "3rd March 2023|2023-03-03T00:00:00Z",
            "Montag, 22. April 2024, 14:05 Uhr|2024-04-22T14:05:00Z",
            "5. März 2024|2024-03-05T00:00:00Z",
            "1er janvier 2024|2024-01-01T00:00:00Z",
            "lundi 12 février 2024 à 10h30|2024-02-12T10:30:00Z",
            "25.12.2021|2021-12-25T00:00:00Z",
            "2021/12/25|2021-12-25T00:00:00Z",
            "2023.11.02.|2023-11-02T00:00:00Z",
            "Stand: 25.12.2021.|2021-12-25T00:00:00Z",
            "28.01.22|2022-01-28T00:00:00Z",
            "Anmeldedatum 26.10.93|1993-10-26T00:00:00Z",
            "17/03/2020|2020-03-17T00:00:00Z",
            "03/17/2020|2020-03-17T00:00:00Z",
            "08/08/2017|2017-08-08T00:00:00Z",
            " date 2021-12-25 Amid rising tensions|2021-12-25T00:00:00Z"})
    void parses(String text, String expected) {
        assertEquals(Instant.parse(expected), parser.parse(text).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wednesday, April 10", "On Thursday (Dec 23)", "2021-13-45", "in 2021", "03/04/2020", "version 1.2.22", "no date here", ""})
    void withoutAFullDateThereIsNone(String text) {
        assertTrue(parser.parse(text).isEmpty(), text);
    }

    @Test
    void writtenDayKeepsThePagesOwnZone() {
        DateTextParser parser = new DateTextParser();
        DateTextParser.Parsed evening = parser.parseWritten("2023-11-08T23:30:59-06:00").orElseThrow();
        assertEquals(java.time.Instant.parse("2023-11-09T05:30:59Z"), evening.instant());
        assertEquals(java.time.LocalDate.of(2023, 11, 8), evening.written());
        assertEquals(java.time.LocalDate.of(2020, 2, 15),
                parser.parseWritten("Sa, 15. Februar 2020, 08:10 +09:00").orElseThrow().written());
    }

    @Test
    void daysInListsEveryWrittenDate() {
        assertEquals(java.util.Set.of(java.time.LocalDate.of(2024, 1, 10), java.time.LocalDate.of(2024, 3, 6)),
                parser.daysIn("Published 10 January 2024 · updated 06.03.2024, 14:05 · no date 03/04/2024"));
    }

    /** The cheap check before the regexes never rejects a text one of them matches (digits of any script included). */
    @Test
    void digitCheckRejectsOnlyTextsWithoutADate() {
        String alphabet = "0123456789٣٤۵१𝟐 .-/,:aJnMrpyT\u00A0";
        int kept = 0;
        for (String s : io.newsflow.enrich.support.RandomStrings.of(alphabet, 30_000, 14, 7)) {
            if (DateTextParser.mayHoldDate(s)) {
                kept++;
                continue;
            }
            for (java.util.regex.Pattern p : DateTextParser.DATE_PATTERNS) {
                assertTrue(!p.matcher(s).find(), () -> p + " matches " + s);
            }
        }
        assertTrue(kept > 0 && kept < 30_000, "both outcomes occur: " + kept);
        assertTrue(DateTextParser.mayHoldDate("28.01.22") && DateTextParser.mayHoldDate("in 2021")
                && DateTextParser.mayHoldDate("٢٠٢١") && !DateTextParser.mayHoldDate("on 3.4. at 5 pm"));
    }

    /**
     * The span search finds the same matches, in the same order and with the same groups, as find() over the whole
     * text, for every pattern: random texts of dates, near-dates, odd spaces and digits of other scripts.
     */
    @Test
    void spanSearchFindsWhatAWholeTextSearchFinds() {
        List<String> pieces = List.of("2024", "12", "3", "05.", "1999-", "-", "/", ".", ",", " ", "  ", "\u2003", "\u00A0",
                "\u0085", "\u3000", "\t", "\n", "March", "Sept.", "janvier", "Mittwoch,", "1er", "3rd", "th", "ſt", "12345",
                "٢٠٢١", "𝟐𝟎𝟐𝟒", "𝟏", "x", "word", "10:30", "T", "+01:00", "20240", "4.5.", "28.01.22", "2021/12/25");
        java.util.Random random = new java.util.Random(11);
        int matched = 0;
        for (int t = 0; t < 20_000; t++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                sb.append(pieces.get(random.nextInt(pieces.size())));
            }
            String text = sb.toString();
            for (java.util.regex.Pattern p : DateTextParser.DATE_PATTERNS) {
                List<String> whole = new java.util.ArrayList<>();
                java.util.regex.Matcher m = p.matcher(text);
                while (m.find()) {
                    whole.add(m.start() + ":" + m.end() + ":" + m.group());
                }
                List<String> spanned = new java.util.ArrayList<>();
                int[] spans = p == DateTextParser.DATE_PATTERNS.get(6) ? DateTextParser.shortYearSpans(text)
                        : DateTextParser.yearSpans(text);
                DateTextParser.forEachMatch(text, p, spans, found -> {
                    spanned.add(found.start() + ":" + found.end() + ":" + found.group());
                    return false;
                });
                assertEquals(whole, spanned, () -> p + " on " + text);
                matched += whole.size();
            }
        }
        assertTrue(matched > 1_000, "the texts hold dates: " + matched);
    }

    /** The span bounds count any code point that {@code \\s} matches as possible space. */
    @Test
    void everyRegexSpaceCountsAsPossibleSpace() {
        java.util.regex.Pattern space = java.util.regex.Pattern.compile("\\s", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (space.matcher(new String(Character.toChars(c))).matches()) {
                assertTrue(DateTextParser.mayBeSpace(c), "U+" + Integer.toHexString(c));
            }
        }
    }
}
