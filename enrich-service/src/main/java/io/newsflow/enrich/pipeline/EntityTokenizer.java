package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits text into the tokens entity matching works on: dotted acronyms ("U.S."), initials ("M."), words with
 * inner hyphens or apostrophes ("Self-Defense", "O'Neill"), numbers, and single punctuation marks. Each token
 * knows whether it starts a sentence.
 */
public final class EntityTokenizer {

    /** A token, its offset in the text, and whether it is the first word of a sentence. */
    public record Token(String text, int start, boolean sentenceStart) {
        public boolean capitalized() {
            return Character.isUpperCase(text.charAt(0));
        }

        public int end() {
            return start + text.length();
        }

        public boolean isWord() {
            return Character.isLetterOrDigit(text.charAt(0));
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\p{Lu}(?:\\.\\p{Lu})+\\.?|\\p{Lu}\\.(?=\\s+\\p{Lu})|[\\p{L}\\p{N}]++(?:[-'’](?![sS](?![\\p{L}\\p{N}]))[\\p{L}\\p{N}]++){0,16}"
                    + "|['’][sS](?![\\p{L}\\p{N}])|[^\\s\\p{L}\\p{N}]");
    /** The {0,16} of {@link #TOKEN}: joined parts a word may have. */
    private static final int MAX_JOINED_PARTS = 16;
    private static final String SENTENCE_END = ".!?:;\"“”";
    /** Abbreviations whose period does not end a sentence. */
    public static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep",
            "Gov", "Lt", "Col", "Capt", "Sgt", "Adm", "Prof", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "No", "vs", "Rev", "Mt");

    private EntityTokenizer() {
    }

    /** The tokens of a text; a possessive "'s" is a token of its own. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        boolean start = true;
        String previous = "";
        int i = 0;
        while (i < text.length()) {
            int from = i;
            int cp = text.codePointAt(i);
            if (TextBlocks.isAsciiSpace(cp)) {
                i++;
                continue;
            }
            i = tokenEnd(text, i, cp);
            String t = text.substring(from, i);
            boolean word = Character.isLetterOrDigit(t.charAt(0));
            out.add(new Token(t, from, start && word));
            if (word) {
                start = false;
            } else if (SENTENCE_END.indexOf(t.charAt(0)) >= 0 && !(".".equals(t) && ABBREVIATIONS.contains(previous))) {
                start = true;
            }
            previous = t;
        }
        return out;
    }

    /**
     * Where the match of {@link #TOKEN} that starts at {@code i} (a code point {@code cp} that is no ASCII space)
     * ends: its alternatives tried in order, as the regex tries them. A loop: this runs over every article's text.
     */
    static int tokenEnd(String s, int i, int cp) {
        int len = s.length();
        int after = i + Character.charCount(cp);
        if (isUpper(cp)) {
            // \p{Lu}(?:\.\p{Lu})+\.?
            int end = after;
            while (end + 1 < len && s.charAt(end) == '.' && isUpper(s.codePointAt(end + 1))) {
                end += 1 + Character.charCount(s.codePointAt(end + 1));
            }
            if (end > after) {
                return end < len && s.charAt(end) == '.' ? end + 1 : end;
            }
            // \p{Lu}\.(?=\s+\p{Lu})
            if (after < len && s.charAt(after) == '.') {
                int k = after + 1;
                while (k < len && TextBlocks.isAsciiSpace(s.charAt(k))) {
                    k++;
                }
                if (k > after + 1 && k < len && isUpper(s.codePointAt(k))) {
                    return after + 1;
                }
            }
        }
        if (TextBlocks.isLetterOrNumber(cp)) {
            // [\p{L}\p{N}]++(?:[-'’](?![sS](?![\p{L}\p{N}]))[\p{L}\p{N}]++){0,16}
            int end = TextBlocks.skipWhile(s, TextBlocks::isLetterOrNumber, after);
            for (int part = 0; part < MAX_JOINED_PARTS && end + 1 < len; part++) {
                char joiner = s.charAt(end);
                if (joiner != '-' && joiner != '\'' && joiner != '’' || isPossessiveS(s, end + 1)
                        || !TextBlocks.isLetterOrNumber(s.codePointAt(end + 1))) {
                    break;
                }
                end = TextBlocks.skipWhile(s, TextBlocks::isLetterOrNumber, end + 1);
            }
            return end;
        }
        // ['’][sS](?![\p{L}\p{N}])
        if ((cp == '\'' || cp == '’') && isPossessiveS(s, after)) {
            return after + 1;
        }
        // [^\s\p{L}\p{N}]: one code point
        return after;
    }

    /** An 's' or 'S' at {@code i} that no letter or digit follows. */
    private static boolean isPossessiveS(String s, int i) {
        return i < s.length() && (s.charAt(i) == 's' || s.charAt(i) == 'S')
                && (i + 1 >= s.length() || !TextBlocks.isLetterOrNumber(s.codePointAt(i + 1)));
    }

    /** {@code \p{Lu}}. */
    private static boolean isUpper(int cp) {
        return Character.getType(cp) == Character.UPPERCASE_LETTER;
    }

    /** Regex {@code TOKEN}, kept as the definition the tokenizer loop follows (and the tests compare with). */
    static Pattern tokenPattern() {
        return TOKEN;
    }
}
