package io.newsflow.query.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into tokens the way PostgreSQL's default text-search parser does, closely enough for snippets:
 * words (ASCII or not), words with digits, hyphenated words (the whole word, then its parts with the hyphens
 * between), numbers (integers, signed integers, decimals, versions), host-, path- and e-mail-like tokens, URLs
 * (protocol, whole URL, host, path), things like XML tags, and the blanks between them (runs of anything else, kept verbatim so the
 * snippet reproduces the text). Not covered: XML entities and scientific numbers, which news text rarely
 * holds; URLs and paths are split more simply than the parser does.
 */
public final class HeadlineTokens {

    /** Token classes that matter for a headline. */
    public enum Kind {
        /** A run of characters between tokens; never a lexeme, not counted as a word. */
        BLANK,
        /** A word of letters: the configuration's stemmer (and stop words) applies. */
        WORD,
        /** A word with digits, a host or an e-mail: lower-cased only (the {@code simple} dictionary). */
        SIMPLE,
        /** A number: lower-cased only, and a bad place to end a fragment. */
        NUMBER,
        /** A URL's {@code scheme://}: counted as a word but without a lexeme or a position. */
        PROTOCOL,
        /** Something like an XML tag: not a word, printed as one space. */
        TAG,
        /**
         * A whole hyphenated word (its parts follow as their own tokens): has a lexeme and a position but is not
         * printed nor counted as a word. {@code stemmed} tells whether it goes through the stemmer.
         */
        COMPOUND
    }

    /**
     * A token: where it is in the text ({@code start} to {@code end}), its kind and whether its lexeme comes from
     * the stemmer. Offsets, not a string per token: only words need their text (for their lexeme), blanks are
     * about half the tokens.
     */
    public record Token(String source, int start, int end, Kind kind, boolean stemmed) {

        Token(String source, int start, int end, Kind kind) {
            this(source, start, end, kind, false);
        }

        /** The token's text. */
        public String text() {
            return source.substring(start, end);
        }
    }

    /** Characters at which the parser ends a blank and starts a new one (they could begin a token). */
    private static final String BLANK_BREAKS = "-/+";

    private HeadlineTokens() {
    }

    /** Longest text read as one tag. */
    private static final int MAX_TAG_LENGTH = 512;

    /** The end of a tag ({@code <name ...>} or {@code </name>}) starting at {@code i}, or -1. */
    private static int tagEnd(String text, int i) {
        int at = i + 1;
        if (at < text.length() && text.charAt(at) == '/') {
            at++;
        }
        if (at >= text.length() || !isAsciiLetter(text.charAt(at))) {
            return -1;
        }
        for (int end = at; end < text.length() && end - i < MAX_TAG_LENGTH; end++) {
            char c = text.charAt(end);
            if (c == '>') {
                return end + 1;
            }
            if (c == '<' || c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** The end of {@code scheme://} starting at {@code i}, or -1. */
    private static int protocolEnd(String text, int i) {
        int end = i;
        while (end < text.length() && isLetter(text.charAt(end))) {
            end++;
        }
        return text.startsWith("://", end) && end + 3 < text.length() && isAlnum(text.codePointAt(end + 3))
                ? end + 3 : -1;
    }

    /**
     * A URL after its protocol, up to white space (less trailing punctuation): the whole URL (not printed, like
     * a hyphenated word), then its host and its path, each a lower-cased token.
     */
    private static int url(String text, int start, List<Token> tokens) {
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        while (end > start && ".,;:!?)]}\"'”’".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        int slash = text.indexOf('/', start);
        if (slash < 0 || slash >= end - 1) {
            tokens.add(new Token(text, start, end, Kind.SIMPLE));
            return end;
        }
        tokens.add(new Token(text, start, end, Kind.COMPOUND));
        tokens.add(new Token(text, start, slash, Kind.SIMPLE));
        tokens.add(new Token(text, slash, end, Kind.SIMPLE));
        return end;
    }

    /**
     * Characters per token in prose, about (a word of ~5 and its blank: 2 tokens in ~6 characters): sizes the token
     * list once instead of growing it ~15 times for a 2,000-character snippet source.
     */
    private static final int CHARS_PER_TOKEN = 3;

    public static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>(text.length() / CHARS_PER_TOKEN + 1);
        int n = text.length();
        int i = 0;
        int blankStart = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            boolean signedNumber = (c == '-' || c == '+') && i + 1 < n && isDigit(text.charAt(i + 1));
            int protocolEnd = isLetter(c) ? protocolEnd(text, i) : -1;
            boolean path = c == '/' && i + 1 < n && isAlnum(text.codePointAt(i + 1));
            int tagEnd = c == '<' ? tagEnd(text, i) : -1;
            if (tagEnd > 0) {
                if (blankStart < i) {
                    tokens.add(new Token(text, blankStart, i, Kind.BLANK));
                }
                tokens.add(new Token(text, i, tagEnd, Kind.TAG));
                i = tagEnd;
                blankStart = i;
                continue;
            }
            if (!signedNumber && !path && !isAlnum(c)) {
                // the parser starts a new blank where a token could have begun
                if (blankStart < i && BLANK_BREAKS.indexOf(c) >= 0) {
                    tokens.add(new Token(text, blankStart, i, Kind.BLANK));
                    blankStart = i;
                }
                i += Character.charCount(c);
                continue;
            }
            if (blankStart < i) {
                tokens.add(new Token(text, blankStart, i, Kind.BLANK));
            }
            if (protocolEnd > 0) {
                tokens.add(new Token(text, i, protocolEnd, Kind.PROTOCOL));
                i = url(text, protocolEnd, tokens);
            } else if (path) {
                i = path(text, i, tokens);
            } else {
                i = signedNumber ? number(text, i + 1, tokens, i) : token(text, i, tokens);
            }
            blankStart = i;
        }
        if (blankStart < n) {
            tokens.add(new Token(text, blankStart, n, Kind.BLANK));
        }
        return tokens;
    }

    /** Reads the token starting at {@code start} (an alphanumeric character); returns where it ends. */
    private static int token(String text, int start, List<Token> tokens) {
        int end = alnumEnd(text, start);
        int n = text.length();
        if (end + 1 < n && text.charAt(end) == '/' && isAlnum(text.codePointAt(end + 1))) {
            return path(text, start, tokens);
        }
        if (allDigits(text, start, end)) {
            return number(text, start, tokens, start);
        }
        if (end + 1 < n && text.charAt(end) == '@' && isAlnum(text.codePointAt(end + 1))) {
            int hostEnd = dottedEnd(text, alnumEnd(text, end + 1));
            tokens.add(new Token(text, start, hostEnd, Kind.SIMPLE));
            return hostEnd;
        }
        if (end + 1 < n && text.charAt(end) == '.' && isAlnum(text.codePointAt(end + 1))) {
            int hostEnd = dottedEnd(text, end);
            tokens.add(new Token(text, start, hostEnd, Kind.SIMPLE));
            return hostEnd;
        }
        List<int[]> parts = new ArrayList<>();
        parts.add(new int[] {start, end});
        while (end + 1 < n && text.charAt(end) == '-' && isLetter(text.codePointAt(end + 1))) {
            int partEnd = alnumEnd(text, end + 1);
            parts.add(new int[] {end + 1, partEnd});
            end = partEnd;
        }
        if (parts.size() == 1) {
            boolean digits = hasDigit(text, start, end);
            tokens.add(new Token(text, start, end, digits ? Kind.SIMPLE : Kind.WORD, !digits));
            return end;
        }
        tokens.add(new Token(text, start, end, Kind.COMPOUND, !hasDigit(text, start, end)));
        for (int p = 0; p < parts.size(); p++) {
            int[] part = parts.get(p);
            if (p > 0) {
                tokens.add(new Token(text, part[0] - 1, part[0], Kind.BLANK)); // the hyphen
            }
            boolean digits = hasDigit(text, part[0], part[1]);
            tokens.add(new Token(text, part[0], part[1], digits ? Kind.SIMPLE : Kind.WORD, !digits));
        }
        return end;
    }

    /** Digits from {@code digitsStart}, with {@code .digits} groups (decimal, version); token from {@code start}. */
    private static int number(String text, int digitsStart, List<Token> tokens, int start) {
        int end = digitEnd(text, digitsStart);
        while (end + 1 < text.length() && text.charAt(end) == '.' && isDigit(text.charAt(end + 1))) {
            end = digitEnd(text, end + 1);
        }
        tokens.add(new Token(text, start, end, Kind.NUMBER));
        return end;
    }

    /** A path such as {@code a/b} or {@code 9/11} (the parser's file token): lower-cased. */
    private static int path(String text, int start, List<Token> tokens) {
        int end = alnumEnd(text, start);
        while (end + 1 < text.length() && (text.charAt(end) == '/' || text.charAt(end) == '.')
                && isAlnum(text.codePointAt(end + 1))) {
            end = alnumEnd(text, end + 1);
        }
        tokens.add(new Token(text, start, end, Kind.SIMPLE));
        return end;
    }

    /** The end of {@code .alnum} groups following {@code end}. */
    private static int dottedEnd(String text, int end) {
        while (end + 1 < text.length() && text.charAt(end) == '.' && isAlnum(text.codePointAt(end + 1))) {
            end = alnumEnd(text, end + 1);
        }
        return end;
    }

    private static int alnumEnd(String text, int i) {
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!isAlnum(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    private static int digitEnd(String text, int i) {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isLetter(int c) {
        return Character.isLetter(c);
    }

    private static boolean isAlnum(int c) {
        return isDigit(c) || Character.isLetter(c);
    }
}
