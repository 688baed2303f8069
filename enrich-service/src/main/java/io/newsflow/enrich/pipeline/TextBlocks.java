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
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f]+");
    private static final Pattern ALL_WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextBlocks() {
    }

    /** Odd spaces to plain spaces, runs of spaces collapsed, trimmed (within one line). */
    public static String cleanLine(String line) {
        return SPACES.matcher(ODD_SPACE.matcher(line).replaceAll(" ")).replaceAll(" ").strip();
    }

    /** Splits text into paragraphs (non-empty, lines cleaned). */
    public static List<String> paragraphs(String text) {
        List<String> result = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return result;
        }
        String unified = ODD_SPACE.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll(" ");
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
        return NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Lower case with whitespace collapsed: the form the content hash is computed on. */
    public static String hashable(String text) {
        return ALL_WHITESPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
