package io.newsflow.ingest.domain;

import java.util.regex.Pattern;

/** Tells HTML from plain text when the publisher did not say which it sent. */
final class ContentSniffer {

    /** Markup is recognisable near the start; scanning a whole 2 MiB body for it would be wasted work. */
    private static final int SNIFF_WINDOW_CHARS = 64 * 1024;

    private static final Pattern MARKUP = Pattern.compile(
            "<!doctype\\s+html|<(?:html|head|body|p|div|article|section|main|header|footer|nav|span|table|ul|ol|li"
                    + "|h[1-6]|title|blockquote|figure)(?:\\s[^>]*)?>|<br\\s*/?>|<meta\\s|<a\\s+href\\s*=",
            Pattern.CASE_INSENSITIVE);

    private ContentSniffer() {
    }

    static String sniff(String content) {
        CharSequence head = content.length() > SNIFF_WINDOW_CHARS ? content.subSequence(0, SNIFF_WINDOW_CHARS) : content;
        return MARKUP.matcher(head).find() ? MediaType.TEXT_HTML : MediaType.TEXT_PLAIN;
    }
}
