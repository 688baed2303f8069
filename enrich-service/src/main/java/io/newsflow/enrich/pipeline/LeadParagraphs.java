package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * The lead (standfirst, intro, "chapo", abstract) of an article: a short paragraph that news and magazine templates
 * put in its own element before the body, often in a sibling of the body's container or in the article header, so
 * the density score, which picks the body container, leaves it out. It is part of the article text: readers see it
 * first, and it usually states the news.
 * <p>
 * An element counts as a lead when its class or id has one of {@link #LEAD_WORDS} as a word (split at '-', '_',
 * spaces and lower-to-upper case changes: {@code ce_articleIntro}, {@code story-lead-text}, {@code hlFld-Abstract})
 * or its {@code itemprop} is {@code description} or {@code abstract}, and its text reads as a paragraph rather than
 * a label or a list of links.
 */
final class LeadParagraphs {

    /** Class/id words of lead paragraphs, lower case. */
    static final Set<String> LEAD_WORDS = Set.of("lead", "lede", "intro", "introduction", "excerpt", "summary", "abstract",
            "standfirst", "chapo", "chapeau", "subtitle", "subheadline", "subhead", "deck", "dek", "epigraph", "preface",
            "einleitung", "vorspann", "teaser");
    /** "sub" followed by one of these words ({@code article--sub-headline}) is a subtitle too. */
    private static final Set<String> AFTER_SUB = Set.of("headline", "title", "heading");
    private static final Set<String> LEAD_ITEMPROPS = Set.of("description", "abstract");
    /** Attribute set on leads found by their place rather than their class ({@link #markAsLead}). */
    static final String LEAD_MARK = "data-newsflow-lead";
    /** Shorter text is a label ("Intro"), a date or a kicker, not a lead. */
    static final int MIN_LENGTH = 40;
    /** Longer text in a lead-classed element is a whole teaser block or the article itself, which the locator scores. */
    static final int MAX_LENGTH = 1200;
    /** A lead is prose; a "teaser" that is mostly link text is a list of other articles. */
    static final double MAX_LINK_DENSITY = 0.25;
    /** How far above the body's first element a lead may sit (the article container of most templates). */
    static final int SCOPE_LEVELS = 3;
    /** How far above the body's first element a lead moved out of an article header may sit. */
    static final int HEADER_LEAD_SCOPE_LEVELS = 6;
    /** A paragraph under a header's headline without a lead class must be this long: shorter ones are kickers or taglines. */
    static final int PLAIN_LEAD_MIN_LENGTH = 80;

    private LeadParagraphs() {
    }

    /**
     * Inside a lead-classed element, these mean it is the article's header block (title, byline, date: metadata, not
     * text) rather than the lead itself: {@code intro-container} around the h1, a {@code subhead} holding the byline.
     */
    private static final Evaluator HEADER_PARTS = Selector.evaluatorOf(
            "h1, time, [class~=(?i)author|byline], [itemprop=author]");

    /**
     * Whether the element's class/id or itemprop marks it as a lead and it is neither a link (a promo) nor a header
     * block holding the title or byline (its text length is not checked).
     */
    static boolean isLeadElement(Element e) {
        return isLeadMarked(e) && isNeitherLinkNorHeaderBlock(e);
    }

    /**
     * Whether an unmarked element can be a lead by its place alone (a paragraph under an article header's headline):
     * a {@code p} that is neither a link nor a byline or date.
     */
    static boolean isPlainLead(Element e) {
        return e.nameIs("p") && isNeitherLinkNorHeaderBlock(e);
    }

    /** Not inside a link (a promo) and holding no headline, time or byline (a header block): a lead is text of its own. */
    private static boolean isNeitherLinkNorHeaderBlock(Element e) {
        return e.closest("a") == null && e.selectFirst(HEADER_PARTS) == null;
    }

    /** Marks a lead found by its place, so {@link #withLeads} takes it as it takes class-marked ones. */
    static void markAsLead(Element e) {
        e.attr(LEAD_MARK, "");
    }

    private static boolean isLeadMarked(Element e) {
        if (e.hasAttr(LEAD_MARK)) {
            return true;
        }
        if (LEAD_ITEMPROPS.contains(e.attr("itemprop").strip().toLowerCase(Locale.ROOT)) && !"meta".equals(e.normalName())) {
            return true;
        }
        return hasLeadWord(e.className()) || hasLeadWord(e.id());
    }

    /** Whether one of the words of a class/id value is a lead word. */
    static boolean hasLeadWord(String hints) {
        if (hints.isEmpty()) {
            return false;
        }
        String previous = "";
        int n = hints.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? hints.charAt(i) : ' ';
            boolean letter = Character.isLetter(c);
            // a word ends at a non-letter or before an upper-case letter that follows a lower-case one (articleIntro)
            boolean camelBreak = letter && start >= 0 && Character.isUpperCase(c) && Character.isLowerCase(hints.charAt(i - 1));
            if (start >= 0 && (!letter || camelBreak)) {
                String word = hints.substring(start, i).toLowerCase(Locale.ROOT);
                if (LEAD_WORDS.contains(word) || "sub".equals(previous) && AFTER_SUB.contains(word)) {
                    return true;
                }
                previous = word;
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        return false;
    }

    /** Whether a lead-marked element's text reads as a lead paragraph. */
    static boolean readsAsLead(int length, double linkDensity) {
        return length >= MIN_LENGTH && length <= MAX_LENGTH && linkDensity <= MAX_LINK_DENSITY;
    }

    /**
     * The located body elements with the leads that precede the first of them, close above it, in document order.
     *
     * @param located the body elements (document order), as the locator found them
     */
    static List<Element> withLeads(List<Element> located, ElementTexts texts) {
        return withLeads(located, texts, List.of());
    }

    /**
     * As {@link #withLeads(List, ElementTexts)}, plus the leads moved out of article headers that precede the body
     * and sit under the same container, at most {@link #HEADER_LEAD_SCOPE_LEVELS} above the body's first element
     * (templates often put the header a level or two outside the body's column).
     *
     * @param headerLeads leads moved out of removed headers, in document order (possibly pruned since)
     */
    static List<Element> withLeads(List<Element> located, ElementTexts texts, List<Element> headerLeads) {
        if (located.isEmpty()) {
            return located;
        }
        Element first = located.get(0);
        Set<Element> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
        Element scope = first;
        for (int level = 0; level < SCOPE_LEVELS && scope.parent() != null && !"body".equals(scope.parent().normalName())
                && !"html".equals(scope.parent().normalName()); level++) {
            scope = scope.parent();
        }
        for (Element p = first.parent(); p != null; p = p.parent()) {
            ancestors.add(p);
        }
        List<Element> leads = new ArrayList<>();
        Element taken = null;
        for (Element e : DocumentOrder.elements(scope)) {
            if (e == first) {
                break;
            }
            if (ancestors.contains(e) || taken != null && isUnder(e, taken) || !isLeadElement(e)) {
                continue;
            }
            if (readsAsLead(texts.length(e), texts.linkDensity(e))) {
                leads.add(e);
                taken = e;
            }
        }
        List<Element> outside = headerLeadsBefore(first, scope, headerLeads);
        if (leads.isEmpty() && outside.isEmpty()) {
            return located;
        }
        outside.addAll(leads);
        outside.addAll(located);
        return outside;
    }

    /**
     * The header leads outside {@code scope} (those inside were met by its walk) that still belong to the page,
     * precede {@code first} and share a container with it below the page's top; they precede the whole scope.
     */
    private static List<Element> headerLeadsBefore(Element first, Element scope, List<Element> headerLeads) {
        List<Element> out = new ArrayList<>();
        if (headerLeads.isEmpty()) {
            return out;
        }
        List<Element> firstChain = new ArrayList<>(); // first's ancestors, nearest first
        for (Element p = first.parent(); p != null; p = p.parent()) {
            firstChain.add(p);
        }
        for (Element lead : headerLeads) {
            if (lead.ownerDocument() == null || isUnder(lead, scope) || lead.parent() == null) {
                continue;
            }
            // the nearest common ancestor, and the child of it on the lead's side
            Element child = lead;
            Element ancestor = lead.parent();
            int level = firstChain.indexOf(ancestor);
            while (level < 0 && ancestor.parent() != null) {
                child = ancestor;
                ancestor = ancestor.parent();
                level = firstChain.indexOf(ancestor);
            }
            if (level < 0 || level >= HEADER_LEAD_SCOPE_LEVELS || "body".equals(ancestor.normalName())
                    || "html".equals(ancestor.normalName())) {
                continue;
            }
            Element firstSide = level == 0 ? first : firstChain.get(level - 1);
            if (child.siblingIndex() < firstSide.siblingIndex()) {
                out.add(lead);
            }
        }
        return out;
    }

    static boolean isUnder(Element e, Element ancestor) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
