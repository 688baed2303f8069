package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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
    private static final String SENTENCE_END = ".!?:;\"“”";
    /** Abbreviations whose period does not end a sentence. */
    public static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep",
            "Gov", "Lt", "Col", "Capt", "Sgt", "Adm", "Prof", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "No", "vs", "Rev", "Mt");

    private EntityTokenizer() {
    }

    /** The tokens of a text; a possessive "'s" is a token of its own. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        boolean start = true;
        String previous = "";
        while (m.find()) {
            String t = m.group();
            boolean word = Character.isLetterOrDigit(t.charAt(0));
            out.add(new Token(t, m.start(), start && word));
            if (word) {
                start = false;
            } else if (SENTENCE_END.indexOf(t.charAt(0)) >= 0 && !(".".equals(t) && ABBREVIATIONS.contains(previous))) {
                start = true;
            }
            previous = t;
        }
        return out;
    }
}
