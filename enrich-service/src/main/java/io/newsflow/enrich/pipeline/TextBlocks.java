package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text layout shared by all stages: paragraphs separated by one blank line, lines inside a paragraph
 * separated by {@code \n}. Helpers to split, rebuild and normalise it.
 */
public final class TextBlocks {

    /** Unicode spaces a feed leaves in (NBSP, thin space, zero-width, BOM) count as whitespace here. */
    private static final Pattern ODD_SPACE = Pattern.compile("[\\u00A0\\u1680\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

    private TextBlocks() {
    }

    /** Odd spaces to plain spaces, runs of spaces collapsed, trimmed (within one line). */
    public static String cleanLine(String line) {
        if (isClean(line)) {
            return line; // the common case: no copies
        }
        // odd spaces to ' ', runs of [ \t\x0B\f] to one ' ', stripped: the two regex passes as one loop (lines of
        // HTML blocks often start or end with a space or hold a no-break space: this runs on many lines of a page)
        StringBuilder out = new StringBuilder(line.length());
        boolean inRun = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (isFoldedSpace(c)) {
                if (!inRun) {
                    out.append(' ');
                    inRun = true;
                }
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString().strip();
    }

    /** True when {@link #cleanLine} would return the line unchanged (no odd space, no space run, trimmed). */
    private static boolean isClean(String line) {
        int n = line.length();
        if (n == 0) {
            return true;
        }
        if (Character.isWhitespace(line.charAt(0)) || Character.isWhitespace(line.charAt(n - 1))) {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == ' ' ? previous == ' ' : isFoldedSpace(c)) { // a single plain space stays as it is
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static boolean hasOddSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u00A0' && isOddSpace(c)) {
                return true;
            }
        }
        return false;
    }

    /** A space {@link #cleanLine} folds into one ' ' with its run: [ \t\x0B\f] or an odd space. */
    private static boolean isFoldedSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c >= '\u00A0' && isOddSpace(c);
    }

    /** The characters of {@link #ODD_SPACE}. */
    private static boolean isOddSpace(char c) {
        return c == '\u00A0' || c == '\u1680' || c >= '\u2000' && c <= '\u200B' || c == '\u202F' || c == '\u205F'
                || c == '\u3000' || c == '\uFEFF';
    }

    /** Splits text into paragraphs (non-empty, lines cleaned). */
    public static List<String> paragraphs(String text) {
        List<String> result = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return result;
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        if (hasOddSpace(unified)) { // most texts have none: skip the regex pass and the copy
            unified = ODD_SPACE.matcher(unified).replaceAll(" ");
        }
        for (String block : BLANK_LINES.split(unified)) {
            List<String> lines = new ArrayList<>();
            for (String line : block.split("\n")) {
                String clean = cleanLine(line);
                if (!clean.isEmpty()) {
                    lines.add(clean);
                }
            }
            if (!lines.isEmpty()) {
                result.add(String.join("\n", lines));
            }
        }
        return result;
    }

    public static List<String> lines(String paragraph) {
        return List.of(paragraph.split("\n"));
    }

    public static String join(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    /** Lower case, punctuation dropped, whitespace collapsed: for comparing paragraphs. */
    public static String comparable(String text) {
        // a loop equal to NON_WORD.matcher(lower).replaceAll(" ").strip(): this runs on every paragraph
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length();) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (isLetterOrNumber(cp)) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.appendCodePoint(cp);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /** The index after the code points from {@code from} on that {@code accept} takes. */
    static int skipWhile(String s, java.util.function.IntPredicate accept, int from) {
        int i = from;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!accept.test(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    static boolean isAsciiSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r';
    }

    /** {@code \p{L}} or {@code \p{N}} as java.util.regex defines them. */
    static boolean isLetterOrNumber(int cp) {
        if (cp < 0x80) {
            // ASCII, most of every text: its only letters and numbers are A-Z, a-z and 0-9
            int lower = cp | 0x20;
            return lower >= 'a' && lower <= 'z' || cp >= '0' && cp <= '9';
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Lower case with whitespace collapsed: the form the content hash is computed on. */
    public static String hashable(String text) {
        // a loop equal to ALL_WHITESPACE.matcher(lower).replaceAll(" ").strip()
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean inRun = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out.toString().strip();
    }
}
