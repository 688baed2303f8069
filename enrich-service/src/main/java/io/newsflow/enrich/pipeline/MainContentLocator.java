package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the element(s) that hold an HTML page's article body: a readability-style density score over the DOM
 * (text length and commas of paragraphs, propagated to their ancestors, weighed by class/id hints and link
 * density), plus the siblings of the winner that look like more of the same body. Chrome whose class or id says
 * what it is (share bars, related links, comments, captions) is pruned first, unless it holds most of the page.
 * The article's lead, when its template puts it outside the body's container, is added in front
 * ({@link LeadParagraphs}).
 */
public final class MainContentLocator {

    /** Class/id words of page chrome (each may be followed by more word characters where it ends in \\w*). */
    static final String[] NEGATIVE_WORDS = {"ad", "ads", "advert\\w*", "banner", "breadcrumbs?", "byline", "caption",
        "cmt", "combx", "comments?", "community", "contact", "cookie\\w*", "disqus", "footer", "gdpr", "masthead", "menu",
        "meta", "modal", "most-?popular", "nav", "navbar", "navigation", "newsletter", "outbrain", "pager", "pagination",
        "paywall", "popular", "popup", "promo\\w*", "recirc\\w*", "related", "remark", "replies", "rss", "share",
        "sharing", "shoutbox", "sidebar", "skyscraper", "social", "sponsor\\w*", "subscribe", "subscription", "tags?",
        "taboola", "teaser", "toolbar", "tools", "trending", "widget", "read-?more", "more-?stories", "author-?bio",
        "signup", "inline-?ad", "video-?player", "credit", "print-?only", "hidden", "visually-?hidden", "sr-only",
        "screen-?reader\\w*",
        // author boxes: a bio of the writer, not the article (embedded posts are not here: both benchmarks count
        // a quoted tweet as article text)
        "author-?box", "author-?info", "author-?card",
        "about-?the-?author", "post-?author"};
    /** Class/id words of article bodies. */
    static final String[] POSITIVE_WORDS = {"article", "articlebody", "article-?body", "article-?content", "body",
        "content", "entry", "entry-?content", "main", "post", "post-?body", "post-?content", "story", "story-?body",
        "text", "blog", "page"};
    /**
     * Class/id words of cookie and privacy consent layers and of the consent placeholders that stand for blocked
     * embeds: their text (a privacy policy, a list of trackers) can be longer than a short article's, so they go
     * whatever share of the page they hold and whatever they contain.
     */
    static final String[] CONSENT_WORDS = {"cookie\\w*", "consent\\w*", "gdpr", "dsgvo\\w*", "content-?blocker",
        "placeholder"};
    private static final ClassHintWords NEGATIVE = ClassHintWords.of(NEGATIVE_WORDS);
    private static final ClassHintWords CONSENT = ClassHintWords.of(CONSENT_WORDS);
    /** A class word negated by a "no-", "non-" or "not-" in front of it, with the prefix. */
    private static final Pattern NEGATED_WORD = Pattern.compile(
            "(?i)(?<![a-z0-9])no[nt]?-[a-z]+");
    private static final ClassHintWords NEGATIVE_BUT_TEASER = ClassHintWords.of(
            Arrays.stream(NEGATIVE_WORDS).filter(w -> !"teaser".equals(w)).toArray(String[]::new));
    private static final ClassHintWords POSITIVE = ClassHintWords.of(POSITIVE_WORDS);
    /** Bits of {@link #hintFlags}. */
    private static final int NEGATIVE_HINT = 1;
    private static final int POSITIVE_HINT = 2;
    private static final int CONSENT_HINT = 4;
    private static final Set<String> SCORED_TAGS = Set.of("p", "pre", "td", "blockquote");
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
            "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure",
            "figcaption", "address", "hr", "center", "header", "footer", "aside", "nav", "form");
    /** Containers whose loose text (outside block children) is scored like a paragraph. */
    private static final Set<String> TEXT_CONTAINERS = Set.of("div", "section", "article", "main", "td");
    private static final int CLASS_WEIGHT = 25;
    private static final int MAX_LENGTH_POINTS = 3;
    private static final int CHARS_PER_POINT = 100;
    private static final int ANCESTOR_LEVELS = 3;
    private static final double PRUNE_MAX_TEXT_SHARE = 0.5;
    private static final int LONG_SIBLING_PARAGRAPH = 80;
    private static final double SIBLING_PARAGRAPH_LINK_DENSITY = 0.25;
    private static final int SIBLING_MIN_SCORE = 10;
    /** A paragraph at least this long reads as body text rather than a teaser or a label. */
    private static final int BODY_PARAGRAPH_LENGTH = 100;
    /** Body-like paragraph text (chars) that keeps a weakly negative container from being pruned. */
    private static final int BODY_TEXT_IN_WEAK_CHROME = 400;

    private final int minParagraphLength;
    private final double siblingScoreShare;
    private final double maxBlockLinkDensity;

    /**
     * @param minParagraphLength  shorter paragraphs do not vote for their container
     * @param siblingScoreShare   a sibling of the winner scoring at least this share of its score is body too
     * @param maxBlockLinkDensity a block whose text is more link text than this is navigation, not body
     */
    public MainContentLocator(int minParagraphLength, double siblingScoreShare, double maxBlockLinkDensity) {
        this.minParagraphLength = minParagraphLength;
        this.siblingScoreShare = siblingScoreShare;
        this.maxBlockLinkDensity = maxBlockLinkDensity;
    }

    public static MainContentLocator fromSettings(StandardPipeline.Settings s) {
        return new MainContentLocator(s.integer("extraction.min-paragraph-length"),
                s.decimal("extraction.sibling-score-share"), s.decimal("extraction.max-block-link-density"));
    }

    public double maxBlockLinkDensity() {
        return maxBlockLinkDensity;
    }

    /**
     * Removes elements whose class or id marks them as chrome (but never most of the page), and consent layers and
     * figure captions whatever they hold.
     */
    public void prune(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return;
        }
        Map<String, Integer> hintMemo = new HashMap<>();
        List<Element> doomed = new ArrayList<>();
        List<Element> dropped = new ArrayList<>(); // whatever share of the page they hold
        for (Element e : DocumentOrder.elements(body)) {
            if (e == body || "article".equals(e.normalName()) || "main".equals(e.normalName())) {
                continue;
            }
            if ("figcaption".equals(e.normalName())) {
                // a caption describes a picture, as "caption" classes do; unlike them it is marked by its tag
                dropped.add(e);
                continue;
            }
            String hints = hints(e);
            if (hints.isEmpty()) {
                continue;
            }
            int flags = hintFlags(hints, hintMemo);
            if ((flags & CONSENT_HINT) != 0 && !holdsHeadline(e)) {
                dropped.add(e);
            } else if ((flags & NEGATIVE_HINT) != 0 && ((flags & POSITIVE_HINT) == 0 || strongNegative(hints))) {
                // a positive word saves a weakly negative element, not comments, related links, share bars, ...
                doomed.add(e);
            }
        }
        dropped.forEach(Element::remove);
        if (doomed.isEmpty()) {
            return;
        }
        // Only the doomed elements' texts are asked, and the page's length. Removals below change no text the loop
        // asks for later: an element is visited before its descendants, so its subtree is still as it was when the
        // loop began, and a removed element's descendants are left in a detached subtree, where removing changes
        // nothing. So one walk of an outer doomed element, made when it is visited, also answers for the doomed
        // elements inside it, and the rest of the page is walked once for its length, without an index of elements.
        int total = Math.max(1, ElementTexts.textOf(body).length());
        ElementTexts texts = null;
        for (Element e : doomed) {
            if (e.parent() == null) {
                continue;
            }
            if (texts == null || !texts.covers(e)) {
                texts = ElementTexts.of(e);
            }
            if (texts.length(e) < PRUNE_MAX_TEXT_SHARE * total && !looksLikeBody(e, texts) && !isTeaserLead(e, texts)) {
                e.remove();
            }
        }
    }

    /**
     * Weakly negative ("paywall", "meta", "widget", ...) or mixed ("entry share") containers that hold several
     * long, link-poor paragraphs are the article under an unlucky class name; pure comment/related/share blocks
     * are chrome whatever they hold.
     */
    private static boolean looksLikeBody(Element e, ElementTexts texts) {
        String hints = hints(e);
        return (!strongNegative(hints) || POSITIVE.find(hints)) && holdsBodyParagraphs(e, texts);
    }

    /**
     * A weakly negative container ("paywall", "meta", "widget", "hidden", ...) that holds several long,
     * link-poor paragraphs is the article wrapped in an unlucky class name, not chrome.
     */
    static boolean holdsBodyParagraphs(Element e, ElementTexts texts) {
        int bodyText = 0;
        for (Element p : e.getElementsByTag("p")) {
            int length = texts.length(p);
            if (length >= BODY_PARAGRAPH_LENGTH && texts.linkDensity(p) < SIBLING_PARAGRAPH_LINK_DENSITY) {
                bodyText += length;
                if (bodyText >= BODY_TEXT_IN_WEAK_CHROME) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "teaser" names both lists of other articles and the article's own lead ({@code article-teaser},
     * {@code ce-news--teaser}): one that is chrome by that word alone, marked as a lead, linkless and of a lead's
     * length is the lead (the locator then places it as one).
     */
    private static boolean isTeaserLead(Element e, ElementTexts texts) {
        return !NEGATIVE_BUT_TEASER.find(hints(e)) && LeadParagraphs.isLeadElement(e)
                && e.getElementsByTag("a").isEmpty() && LeadParagraphs.readsAsLead(texts.length(e), texts.linkDensity(e));
    }

    /**
     * A page whose wrapper's class merely mentions cookies ("cookies-accepted") holds the article's headline; a
     * consent layer does not (only the few consent-marked elements are walked).
     */
    private static boolean holdsHeadline(Element e) {
        return !e.getElementsByTag("h1").isEmpty() || !e.getElementsByTag("article").isEmpty();
    }

    private static boolean strongNegative(String hints) {
        String h = hints.toLowerCase(Locale.ROOT);
        return h.contains("comment") || h.contains("related") || h.contains("share") || h.contains("caption")
                || h.contains("newsletter") || h.contains("promo") || h.contains("social") || h.contains("author")
                // a dialog over the page (disclosures, a gallery) is never the article, whatever it holds
                || h.contains("modal");
    }

    /** The elements holding the body, in document order (the winner, possibly with sibling body parts). */
    public List<Element> locate(Document doc) {
        return locate(doc, List.of());
    }

    /**
     * As {@link #locate(Document)}, with the leads that were moved out of the page's article headers before they
     * were removed (see {@link LeadParagraphs#withLeads(List, ElementTexts, List)}).
     */
    public List<Element> locate(Document doc, List<Element> headerLeads) {
        Element body = doc.body();
        if (body == null) {
            return List.of();
        }
        ElementTexts texts = ElementTexts.of(body);
        Map<String, Integer> hintMemo = new HashMap<>();
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element e : texts.elements()) {
            boolean scored = isScored(e);
            int length;
            int commas;
            if (scored) {
                length = texts.length(e);
                commas = length < minParagraphLength ? 0 : texts.count(e, ',');
            } else if (TEXT_CONTAINERS.contains(e.normalName())) {
                // a container that also holds loose text (paragraphs separated by br only) votes for itself
                String loose = looseText(e, texts);
                length = loose.length();
                commas = length < minParagraphLength ? 0 : ElementTexts.countIn(loose, ',');
            } else {
                continue;
            }
            if (length < minParagraphLength) {
                continue;
            }
            double score = 1 + commas + Math.min(length / (double) CHARS_PER_POINT, MAX_LENGTH_POINTS);
            Element ancestor = scored ? e.parent() : e;
            for (int level = 0; ancestor != null && level < ANCESTOR_LEVELS; level++, ancestor = ancestor.parent()) {
                if (!scores.containsKey(ancestor)) {
                    scores.put(ancestor, initialScore(ancestor, hintMemo));
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, score / divider, Double::sum);
            }
        }
        Element top = null;
        double topScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double s = entry.getValue() * (1 - texts.linkDensity(entry.getKey()));
            entry.setValue(s);
            if (s > topScore) {
                topScore = s;
                top = entry.getKey();
            }
        }
        if (top == null) {
            return List.of(body);
        }
        top = climbToSharedAncestor(top, topScore, scores);
        List<Element> located = withSiblings(top, scores.getOrDefault(top, topScore), scores, texts);
        return LeadParagraphs.withLeads(withCousins(top, located, scores), texts, headerLeads);
    }

    /** When several strong candidates share a close ancestor, the body is split over them: take the ancestor. */
    private static Element climbToSharedAncestor(Element top, double topScore, Map<Element, Double> scores) {
        List<Element> strong = new ArrayList<>();
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            if (e.getKey() != top && e.getValue() >= 0.75 * topScore) {
                strong.add(e.getKey());
            }
        }
        if (strong.size() < 2) {
            return top;
        }
        Element parent = top.parent();
        while (parent != null && !"body".equals(parent.normalName())) {
            int contained = 0;
            for (Element s : strong) {
                if (isAncestor(parent, s)) {
                    contained++;
                }
            }
            if (contained >= 2) {
                return parent;
            }
            parent = parent.parent();
        }
        return top;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private List<Element> withSiblings(Element top, double topScore, Map<Element, Double> scores, ElementTexts texts) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double threshold = Math.max(SIBLING_MIN_SCORE, topScore * siblingScoreShare);
        String topClass = top.className();
        List<Element> result = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                result.add(sibling);
                continue;
            }
            double bonus = !topClass.isEmpty() && topClass.equals(sibling.className()) ? topScore * 0.2 : 0;
            Double s = scores.get(sibling);
            if (s != null && s + bonus >= threshold) {
                result.add(sibling);
            } else if ("p".equals(sibling.normalName())) {
                String text = texts.text(sibling);
                double ld = texts.linkDensity(sibling);
                if (text.length() > LONG_SIBLING_PARAGRAPH && ld < SIBLING_PARAGRAPH_LINK_DENSITY
                        || text.length() > 0 && text.length() <= LONG_SIBLING_PARAGRAPH && ld == 0 && text.matches("(?s).*[.!?]\\s*$")) {
                    result.add(sibling);
                }
            }
        }
        return result;
    }

    /**
     * Bodies split over repeated blocks (a Drupal paragraph per block, a grid row per text section, "first-paragraph"
     * and "second-paragraph" sections): the winner's parent has siblings of the same tag and first class, each with
     * its own copy of the winner's element. Those copies that score as body text join it, in document order.
     * Only the parent's siblings and their children are looked at.
     */
    private static List<Element> withCousins(Element top, List<Element> located, Map<Element, Double> scores) {
        Element parent = top.parent();
        Element grandparent = parent == null ? null : parent.parent();
        String family = parent == null ? "" : firstClass(parent);
        if (grandparent == null || family.isEmpty() || "body".equals(parent.normalName())) {
            return located;
        }
        List<Element> before = new ArrayList<>();
        List<Element> after = new ArrayList<>();
        boolean seenParent = false;
        for (Element uncle : grandparent.children()) {
            if (uncle == parent) {
                seenParent = true;
                continue;
            }
            if (!uncle.normalName().equals(parent.normalName()) || !family.equals(firstClass(uncle))) {
                continue;
            }
            Element cousin = null;
            for (Element c : uncle.children()) {
                if (c.normalName().equals(top.normalName()) && c.className().equals(top.className())
                        && scores.getOrDefault(c, 0.0) >= SIBLING_MIN_SCORE) {
                    cousin = c;
                    break;
                }
            }
            if (cousin != null) {
                (seenParent ? after : before).add(cousin);
            }
        }
        if (before.isEmpty() && after.isEmpty()) {
            return located;
        }
        before.addAll(located);
        before.addAll(after);
        return before;
    }

    private static String firstClass(Element e) {
        String cls = e.className().strip();
        int space = cls.indexOf(' ');
        return space < 0 ? cls : cls.substring(0, space);
    }

    private static boolean isScored(Element e) {
        String tag = e.normalName();
        if (SCORED_TAGS.contains(tag)) {
            return true;
        }
        // a div that holds text directly and no blocks is a paragraph in disguise
        if ("div".equals(tag) || "section".equals(tag) || "span".equals(tag) && e.parent() != null && "div".equals(e.parent().normalName())) {
            for (int i = 0; i < e.childNodeSize(); i++) { // children() would copy the child list of every element
                if (e.childNode(i) instanceof Element child && BLOCK_TAGS.contains(child.normalName())) {
                    return false;
                }
            }
            return "span".equals(tag) ? false : true;
        }
        return false;
    }

    /** Text of the element outside its block children: its direct text and inline elements. */
    private static String looseText(Element e, ElementTexts texts) {
        StringBuilder sb = new StringBuilder();
        for (org.jsoup.nodes.Node child : e.childNodes()) {
            if (child instanceof org.jsoup.nodes.TextNode t) {
                sb.append(t.text());
            } else if (child instanceof Element c && !BLOCK_TAGS.contains(c.normalName())) {
                sb.append(texts.text(c));
            }
        }
        return sb.toString().strip();
    }

    private static double initialScore(Element e, Map<String, Integer> hintMemo) {
        double score = switch (e.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if ("article".equals(e.normalName()) || "articleBody".equals(e.attr("itemprop"))) {
            score += CLASS_WEIGHT;
        }
        String hints = hints(e);
        if (!hints.isEmpty()) {
            int flags = hintFlags(hints, hintMemo);
            if ((flags & NEGATIVE_HINT) != 0) {
                score -= CLASS_WEIGHT;
            }
            if ((flags & POSITIVE_HINT) != 0) {
                score += CLASS_WEIGHT;
            }
        }
        return score;
    }

    /**
     * {@link #NEGATIVE_HINT} if NEGATIVE finds a word in the class/id hints, plus {@link #POSITIVE_HINT} if POSITIVE
     * does. Pages repeat the same class names on many elements, so each distinct one is matched once per page.
     */
    private static int hintFlags(String hints, Map<String, Integer> memo) {
        Integer flags = memo.get(hints);
        if (flags == null) {
            // "no-sidebar", "non-paywall": a negated word says what the element is not
            boolean negative = NEGATIVE.find(hints) && NEGATIVE.find(NEGATED_WORD.matcher(hints).replaceAll(" "));
            boolean positive = POSITIVE.find(hints);
            boolean consent = CONSENT.find(hints);
            flags = (negative || consent ? NEGATIVE_HINT : 0) | (positive ? POSITIVE_HINT : 0) | (consent ? CONSENT_HINT : 0);
            memo.put(hints, flags);
        }
        return flags;
    }

    private static String hints(Element e) {
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty()) {
            return id;
        }
        return id.isEmpty() ? cls : cls + " " + id;
    }
}
