package io.newsflow.ingest.domain;

import java.text.Normalizer;

import io.newsflow.contracts.ArticleIds;

/** Unicode and line-ending normalisation of article text and short metadata fields. */
final class TextNormalizer {

    private static final char BOM = '\uFEFF';

    private TextNormalizer() {
    }

    /**
     * Body text: U+FEFF dropped (a BOM, or the deprecated zero-width no-break space: no text either way),
     * CRLF and CR turned into LF, control characters other than LF and TAB
     * dropped, Unicode NFC, surrounding whitespace trimmed.
     */
    static String normalizeContent(String content) {
        String text = content;
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                sb.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t' || !Character.isISOControl(c) && c != BOM) {
                sb.append(c);
            }
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFC).strip();
    }

    /** One-line metadata (title, author, source): NFC, whitespace runs collapsed, trimmed; null when blank. */
    static String normalizeLine(String value) {
        if (value == null) {
            return null;
        }
        String text = ArticleIds.normalizeWhitespace(
                Normalizer.normalize(value, Normalizer.Form.NFC).replaceAll("\\p{Cntrl}", " "));
        return text.isEmpty() ? null : text;
    }

    /** True when the text holds a lone UTF-16 surrogate (possible through JSON escapes like {@code \ud800}). */
    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Number of bytes the text takes in UTF-8, without encoding it. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
