package io.newsflow.enrich.pipeline;

import java.util.IdentityHashMap;
import java.util.Map;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * jsoup's {@link Element#text()} of every element of a tree, from one walk: the extraction asks for the text length
 * and link density of hundreds of nested elements per page, and each {@code text()} walks the element's whole subtree
 * again (quadratic in the nesting depth). This walks the tree once with jsoup's own text rules (whitespace normalised
 * across text nodes, a space before blocks and {@code br}, after non-inline elements followed by inline content, raw
 * text inside {@code pre}) into one buffer and remembers where each element starts and ends; an element's text is
 * its stretch of the buffer, trimmed. That equals {@code text()} exactly: the rules depend only on whether the last
 * character so far is a space, so an element's stretch and its own {@code text()} can differ only in whitespace
 * before the first visible character and after the last, which the trim removes ({@code ElementTextsTest} compares
 * every element of many pages). Valid until the tree changes: rebuild after removing elements.
 */
final class ElementTexts {

    /** Normalised text of each text node; the same nodes are walked again after removals, so it is kept between walks. */
    static final class NodeTextCache {
        private final Map<TextNode, String> normalised = new IdentityHashMap<>();

        /** {@code StringUtil.normaliseWhitespace}: leading whitespace kept as one space (stripped when it follows one). */
        String normalised(TextNode node) {
            String text = normalised.get(node);
            if (text == null) {
                text = StringUtil.normaliseWhitespace(node.getWholeText());
                normalised.put(node, text);
            }
            return text;
        }
    }

    /** Where an element's text lies in the buffer (before trimming), and the text length of the links in it. */
    private static final class Span {
        int start;
        int end;
        /** Sum of {@code a.text().length()} over every {@code a} in the element's subtree, itself included. */
        int linkChars;
        int trimmedStart = -1;
        int trimmedEnd;
        String text;
    }

    private static final int PRESERVE_WHITESPACE_LEVELS = 6; // as jsoup's Element.preserveWhitespace

    private final StringBuilder buffer = new StringBuilder();
    private final Map<Element, Span> spans = new IdentityHashMap<>();

    private ElementTexts() {
    }

    /** Walks {@code root} once; every element under it (itself included) can then be asked for its text. */
    static ElementTexts of(Node root, NodeTextCache cache) {
        ElementTexts texts = new ElementTexts();
        texts.walk(root, cache);
        return texts;
    }

    private void walk(Node root, NodeTextCache cache) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    if (t instanceof CDataNode || preserveWhitespace(t.parentNode())) {
                        buffer.append(t.getWholeText());
                    } else {
                        String text = cache.normalised(t);
                        // appendNormalisedWhitespace with stripLeading: the same text without its leading space
                        boolean skipSpace = lastCharIsSpace() && !text.isEmpty() && text.charAt(0) == ' ';
                        buffer.append(text, skipSpace ? 1 : 0, text.length());
                    }
                } else if (node instanceof Element e) {
                    Span span = new Span();
                    span.start = buffer.length();
                    spans.put(e, span);
                    if (buffer.length() > 0 && (e.isBlock() || e.nameIs("br")) && !lastCharIsSpace()) {
                        buffer.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    Node next = node.nextSibling();
                    if (!e.tag().isInline() && (next instanceof TextNode || next instanceof Element n && n.tag().isInline())
                            && !lastCharIsSpace()) {
                        buffer.append(' ');
                    }
                    Span span = spans.get(e);
                    span.end = buffer.length();
                    if (e.nameIs("a")) {
                        span.linkChars += length(e);
                    }
                    Element parent = e.parent();
                    if (parent != null && span.linkChars > 0) {
                        Span up = spans.get(parent);
                        if (up != null) {
                            up.linkChars += span.linkChars;
                        }
                    }
                }
            }
        }, root);
    }

    private boolean lastCharIsSpace() {
        return buffer.length() != 0 && buffer.charAt(buffer.length() - 1) == ' ';
    }

    private static boolean preserveWhitespace(Node node) {
        if (node instanceof Element el) {
            int level = 0;
            do {
                if (el.tag().preserveWhitespace()) {
                    return true;
                }
                el = el.parent();
                level++;
            } while (level < PRESERVE_WHITESPACE_LEVELS && el != null);
        }
        return false;
    }

    /** The span of an indexed element with its trimmed bounds set ({@link String#trim()}: chars up to ' '). */
    private Span trimmed(Element e) {
        Span span = spans.get(e);
        if (span == null) {
            return null;
        }
        if (span.trimmedStart < 0) {
            int start = span.start;
            int end = span.end;
            while (start < end && buffer.charAt(start) <= ' ') {
                start++;
            }
            while (end > start && buffer.charAt(end - 1) <= ' ') {
                end--;
            }
            span.trimmedStart = start;
            span.trimmedEnd = end;
        }
        return span;
    }

    /** {@code e.text()}; elements outside the walked tree are asked directly. */
    String text(Element e) {
        Span span = trimmed(e);
        if (span == null) {
            return e.text();
        }
        if (span.text == null) {
            span.text = buffer.substring(span.trimmedStart, span.trimmedEnd);
        }
        return span.text;
    }

    /** {@code e.text().length()} without building the string. */
    int length(Element e) {
        Span span = trimmed(e);
        return span == null ? e.text().length() : span.trimmedEnd - span.trimmedStart;
    }

    /** Occurrences of {@code c} in {@code e.text()}. */
    int count(Element e, char c) {
        Span span = trimmed(e);
        if (span == null) {
            return countIn(e.text(), c);
        }
        int n = 0;
        for (int i = span.trimmedStart; i < span.trimmedEnd; i++) {
            if (buffer.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** The text length of the links in {@code e} ({@code e.select("a")}, each counted with its own text length). */
    int linkChars(Element e) {
        Span span = spans.get(e);
        if (span == null) {
            int linked = 0;
            for (Element a : e.select("a")) {
                linked += a.text().length();
            }
            return linked;
        }
        return span.linkChars;
    }

    /** Share of an element's text that sits inside links (capped at 1: nested links count twice). */
    double linkDensity(Element e) {
        int total = length(e);
        if (total == 0) {
            return 0;
        }
        return Math.min(1.0, linkChars(e) / (double) total);
    }

    /** Occurrences of {@code c} in {@code s}. */
    static int countIn(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
