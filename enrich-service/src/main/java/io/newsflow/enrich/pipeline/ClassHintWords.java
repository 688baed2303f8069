package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds one of a list of words as a whole word of a class/id hint string, as the regex
 * {@code (?:^|[-_ ])(?:w1|w2|...)(?:$|[-_ ])} with {@code CASE_INSENSITIVE} finds it, without the regex engine (it ran
 * on every distinct class name of every page). A word is ASCII letters and '-', where a letter or '-' may be followed
 * by {@code ?} (optional) and the word may end in {@code \w*} (any ASCII word characters follow). Case is folded for
 * ASCII letters only, as the regex does without {@code UNICODE_CASE}.
 */
final class ClassHintWords {

    private static final String ANY_WORD_CHARS = "\\w*";
    private static final int ASCII = 128;

    /** A word without its optional parts (each variant spelled out), lower case, and whether {@code \w*} follows. */
    private record Variant(String literal, boolean wordCharsFollow) {
    }

    /** Variants by their first (lower-case ASCII) character. */
    @SuppressWarnings("unchecked")
    private final List<Variant>[] byFirst = new List[ASCII];

    private ClassHintWords(List<Variant> variants) {
        for (Variant v : variants) {
            char first = v.literal().charAt(0);
            if (byFirst[first] == null) {
                byFirst[first] = new ArrayList<>();
            }
            byFirst[first].add(v);
        }
    }

    /** @param words as in the regex: letters, '-', a trailing {@code ?} after one of them, a trailing {@code \w*} */
    static ClassHintWords of(String... words) {
        List<Variant> variants = new ArrayList<>();
        for (String w : words) {
            boolean wordChars = w.endsWith(ANY_WORD_CHARS);
            String core = wordChars ? w.substring(0, w.length() - ANY_WORD_CHARS.length()) : w;
            for (String literal : spelled(core.toLowerCase(java.util.Locale.ROOT))) {
                variants.add(new Variant(literal, wordChars));
            }
        }
        return new ClassHintWords(variants);
    }

    /** Every spelling of a word whose characters may be marked optional with a following '?'. */
    private static List<String> spelled(String word) {
        List<String> out = new ArrayList<>(List.of(""));
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '-')) {
                throw new IllegalArgumentException("unsupported class word " + word);
            }
            boolean optional = i + 1 < word.length() && word.charAt(i + 1) == '?';
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                next.add(prefix + c);
                if (optional) {
                    next.add(prefix);
                }
            }
            out = next;
            if (optional) {
                i++;
            }
        }
        return out;
    }

    /** Whether one of the words occurs in {@code hints} as the regex would find it. */
    boolean find(String hints) {
        int n = hints.length();
        for (int p = 0; p < n; p++) {
            if (p > 0 && !isSeparator(hints.charAt(p - 1))) {
                continue;
            }
            char c = lowerAscii(hints.charAt(p));
            List<Variant> candidates = c < ASCII ? byFirst[c] : null;
            if (candidates == null) {
                continue;
            }
            for (Variant v : candidates) {
                if (matchesAt(hints, p, v)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesAt(String hints, int p, Variant v) {
        String literal = v.literal();
        int end = p + literal.length();
        if (end > hints.length()) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (lowerAscii(hints.charAt(p + i)) != literal.charAt(i)) {
                return false;
            }
        }
        if (!v.wordCharsFollow()) {
            return end == hints.length() || isSeparator(hints.charAt(end));
        }
        // \w* then end or [-_ ]: '_' is a word character too, so the match can stop before any '_' of the run
        int q = end;
        while (q < hints.length() && isWordChar(hints.charAt(q))) {
            if (hints.charAt(q) == '_') {
                return true;
            }
            q++;
        }
        return q == hints.length() || isSeparator(hints.charAt(q));
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == ' ';
    }

    /** {@code \w} without UNICODE_CHARACTER_CLASS. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
