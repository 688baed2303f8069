package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

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
 * <p>
 * The walk goes by child index (jsoup's traversal asks every node for its next sibling, which reads the parent's
 * child list again) and normalises whitespace by appending runs of ordinary characters at once (jsoup appends code
 * point by code point); it also lists the elements in document order, so its users need no second walk for that.
 */
final class ElementTexts {

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
    private static final int INITIAL_DEPTH = 64;
    private static final char NO_BREAK_SPACE = '\u00a0';
    private static final char SOFT_HYPHEN = '\u00ad';
    private static final char ZERO_WIDTH_SPACE = '\u200b';
    /** Stretches at least this long are copied as a substring (two array copies) rather than char by char. */
    private static final int COPIED_STRETCH = 24;

    private final StringBuilder buffer = new StringBuilder();
    /** Null when only the root's text is wanted ({@link #textOf}). */
    private final List<Element> elements;
    private final List<Span> spanList;
    private Map<Element, Span> spans = Map.of();
    /** {@link #textOf(Element, Element, List)}: the walked elements, without spans; else null. */
    private List<Element> listed;
    /** The element whose text is collected; null: the walked root. */
    private Element textRoot;

    private ElementTexts(boolean indexed) {
        elements = indexed ? new ArrayList<>() : null;
        spanList = indexed ? new ArrayList<>() : null;
    }

    /** Walks {@code root} once; every element under it (itself included) can then be asked for its text. */
    static ElementTexts of(Element root) {
        ElementTexts texts = new ElementTexts(true);
        texts.walk(root);
        // sized once for the elements walked: growing it while walking re-inserted every entry several times
        Map<Element, Span> byElement = new IdentityHashMap<>(texts.elements.size());
        for (int i = 0; i < texts.elements.size(); i++) {
            byElement.put(texts.elements.get(i), texts.spanList.get(i));
        }
        texts.spans = byElement;
        return texts;
    }

    /** {@code root.text()}, by the same walk without remembering the elements. */
    static String textOf(Element root) {
        ElementTexts texts = new ElementTexts(false);
        texts.walk(root);
        return texts.buffer.toString().trim();
    }

    /**
     * {@code textRoot.text()} from a walk of {@code root}, which lists every element under {@code root} (itself
     * included) in document order into {@code elements}, as {@link DocumentOrder#elements} would: one walk of the page
     * for its element list and its body's text.
     */
    static String textOf(Element textRoot, Element root, List<Element> elements) {
        ElementTexts texts = new ElementTexts(false);
        texts.listed = elements;
        texts.textRoot = textRoot;
        texts.walk(root);
        return texts.buffer.toString().trim();
    }

    /** Whether {@code e} was under the walked root (itself included) when it was walked. */
    boolean covers(Element e) {
        return spans.containsKey(e);
    }

    /** The walked elements in document order ({@code root.getAllElements()}, root first). */
    List<Element> elements() {
        return elements;
    }

    /** Pre-order walk with jsoup's TextAccumulator rules in head and tail, by child index with an explicit stack. */
    private void walk(Element root) {
        Element[] path = new Element[INITIAL_DEPTH];
        int[] nextChild = new int[INITIAL_DEPTH];
        Span[] pathSpans = new Span[INITIAL_DEPTH];
        int top = 0;
        // depth of the text root on the path while the walk is inside it, else -1 (text is collected only inside)
        int textTop = textRoot == null || textRoot == root ? 0 : -1;
        path[0] = root;
        if (listed != null) {
            listed.add(root);
        }
        pathSpans[0] = textTop == 0 ? head(root) : null;
        while (top >= 0) {
            Element parent = path[top];
            int i = nextChild[top];
            if (i < parent.childNodeSize()) {
                nextChild[top] = i + 1;
                Node child = parent.childNode(i);
                if (child instanceof TextNode t) {
                    if (textTop >= 0) {
                        appendText(t);
                    }
                } else if (child instanceof Element e) {
                    top++;
                    if (top == path.length) {
                        path = Arrays.copyOf(path, top * 2);
                        nextChild = Arrays.copyOf(nextChild, top * 2);
                        pathSpans = Arrays.copyOf(pathSpans, top * 2);
                    }
                    path[top] = e;
                    nextChild[top] = 0;
                    if (listed != null) {
                        listed.add(e);
                    }
                    if (textTop < 0 && e == textRoot) {
                        textTop = top;
                    }
                    pathSpans[top] = textTop >= 0 ? head(e) : null;
                }
            } else {
                if (textTop >= 0) {
                    // the next sibling, as Node.nextSibling() would give it: the parent's next child (the root's own)
                    Node next;
                    if (top == 0) {
                        next = parent.nextSibling();
                    } else {
                        Element up = path[top - 1];
                        next = nextChild[top - 1] < up.childNodeSize() ? up.childNode(nextChild[top - 1]) : null;
                    }
                    tail(parent, next, pathSpans[top], top == textTop ? null : pathSpans[top - 1]);
                    if (top == textTop) {
                        textTop = -1;
                    }
                }
                top--;
            }
        }
    }

    private void appendText(TextNode t) {
        if (t instanceof CDataNode || preserveWhitespace(t.parentNode())) {
            buffer.append(t.getWholeText());
        } else {
            appendNormalised(buffer, t.getWholeText(), lastCharIsSpace());
        }
    }

    private Span head(Element e) {
        Span span = null;
        if (elements != null) {
            span = new Span();
            span.start = buffer.length();
            elements.add(e);
            spanList.add(span);
        }
        if (buffer.length() > 0 && (e.isBlock() || e.nameIs("br")) && !lastCharIsSpace()) {
            buffer.append(' ');
        }
        return span;
    }

    private void tail(Element e, Node next, Span span, Span parentSpan) {
        if (!e.tag().isInline() && (next instanceof TextNode || next instanceof Element n && n.tag().isInline())
                && !lastCharIsSpace()) {
            buffer.append(' ');
        }
        if (span == null) {
            return;
        }
        span.end = buffer.length();
        if (e.nameIs("a")) {
            span.linkChars += trimmedLength(span);
        }
        if (parentSpan != null && span.linkChars > 0) {
            parentSpan.linkChars += span.linkChars;
        }
    }

    /**
     * {@code StringUtil.appendNormalisedWhitespace(out, s, stripLeading)}: each run of whitespace (space, tab, line
     * feed, form feed, carriage return, no-break space) becomes one space, leading whitespace is dropped when
     * {@code stripLeading}, zero-width spaces and soft hyphens are dropped. jsoup's loop appends code point by code
     * point; this copies the stretches that come out unchanged (words with the single spaces between them) at once
     * and writes only where the output differs. Every character it looks at is in the BMP, so a surrogate pair is
     * never split differently.
     */
    static void appendNormalised(StringBuilder out, String s, boolean stripLeading) {
        boolean lastWasWhite = false;
        boolean reachedNonWhite = false;
        int run = 0; // start of the stretch that is copied unchanged
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean white = c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == NO_BREAK_SPACE;
            if (!white && c != SOFT_HYPHEN && c != ZERO_WIDTH_SPACE) {
                lastWasWhite = false;
                reachedNonWhite = true;
                continue;
            }
            boolean emitted = white && !lastWasWhite && (reachedNonWhite || !stripLeading);
            if (emitted && c == ' ') {
                lastWasWhite = true; // written as it is: part of the stretch
                continue;
            }
            appendStretch(out, s, run, i);
            run = i + 1;
            if (emitted) {
                out.append(' ');
                lastWasWhite = true;
            }
        }
        appendStretch(out, s, run, n);
    }

    private static void appendStretch(StringBuilder out, String s, int from, int to) {
        if (from == 0 && to == s.length()) {
            out.append(s);
        } else if (to - from >= COPIED_STRETCH) {
            out.append(s.substring(from, to)); // StringBuilder.append(s, from, to) goes char by char through charAt
        } else if (to > from) {
            out.append(s, from, to);
        }
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
        return span == null ? null : trim(span);
    }

    private int trimmedLength(Span span) {
        trim(span);
        return span.trimmedEnd - span.trimmedStart;
    }

    private Span trim(Span span) {
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
