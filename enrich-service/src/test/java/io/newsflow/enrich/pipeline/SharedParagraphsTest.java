package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The draft's shared paragraph split and the regex-free fast paths of TextBlocks give exactly the old results. */
class SharedParagraphsTest {

    @Test
    void paragraphsAreSplitOnceAndFollowTheText() {
        ArticleDraft d = ArticleDraft.of("", "text/plain");
        d.text("Title  line\r\n\r\nFirst\u00A0paragraph.\nSecond line.\n \nLast.");
        List<String> first = d.paragraphs();
        assertEquals(List.of("Title line", "First paragraph.\nSecond line.", "Last."), first);
        assertSame(first, d.paragraphs(), "cached until the text changes");
        d.text("Other text.");
        assertEquals(List.of("Other text."), d.paragraphs());
        d.paragraphs(List.of("A.", "B.\nC."));
        assertEquals("A.\n\nB.\nC.", d.text());
        assertEquals(TextBlocks.paragraphs(d.text()), d.paragraphs());
    }

    @Test
    void fastPathsEqualTheRegexDefinitions() {
        Pattern oddSpace = Pattern.compile("[\\u00A0\\u1680\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]");
        Pattern spaces = Pattern.compile("[ \\t\\x0B\\f]+");
        Pattern nonWord = Pattern.compile("[^\\p{L}\\p{N}]+");
        Pattern whitespace = Pattern.compile("\\s+");
        String alphabet = "aZé ß  \t\u000B\f\r\n\u00A0\u2003\u200B\u3000\uFEFF\u2028\u001F.,;-'’1½Ⅻ٣İ\u0301日本😀Ωω";
        for (String s : io.newsflow.enrich.support.RandomStrings.of(alphabet, 20_000, 12, 42)) {
            assertEquals(spaces.matcher(oddSpace.matcher(s).replaceAll(" ")).replaceAll(" ").strip(), TextBlocks.cleanLine(s),
                    () -> "cleanLine of " + escape(s));
            String lower = s.toLowerCase(Locale.ROOT);
            assertEquals(nonWord.matcher(lower).replaceAll(" ").strip(), TextBlocks.comparable(s), () -> "comparable of " + escape(s));
            assertEquals(whitespace.matcher(lower).replaceAll(" ").strip(), TextBlocks.hashable(s), () -> "hashable of " + escape(s));
        }
    }

    /** The ASCII shortcut of isLetterOrNumber answers as {@code [\\p{L}\\p{N}]} does, for every code point. */
    @Test
    void letterOrNumberEqualsTheRegexClassEverywhere() {
        Pattern letterOrNumber = Pattern.compile("[\\p{L}\\p{N}]");
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            boolean expected = letterOrNumber.matcher(new String(Character.toChars(cp))).matches();
            if (expected != TextBlocks.isLetterOrNumber(cp)) {
                throw new AssertionError("isLetterOrNumber(U+" + Integer.toHexString(cp) + ") is " + !expected);
            }
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 128 && c >= 32 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return b.toString();
    }
}
