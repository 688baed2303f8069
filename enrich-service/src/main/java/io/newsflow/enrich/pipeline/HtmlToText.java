package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.Selector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.contracts.FieldSources;

/**
 * Turns the content into the working text. HTML: metadata is collected first (title, og/twitter title,
 * date metas, time elements, JSON-LD, canonical link, site name), chrome elements are dropped and block
 * elements become paragraphs. Plain text: one paragraph per line, except hard-wrapped blocks, which are
 * re-joined.
 */
public final class HtmlToText implements EnrichmentStage {

    public static final String NAME = "html-to-text";

    /** Never content: the selector {@code script, style, iframe, template, svg, button, select}. */
    private static final Set<String> NON_CONTENT_TAGS = Set.of("script", "style", "iframe", "template", "svg", "button", "select");
    /**
     * Page chrome by tag or attribute, the selector {@code nav, header, footer, aside, form, [hidden],
     * [aria-hidden=true]}; dropped unless it holds most of the page's text (ASP.NET pages wrap the whole page in one
     * form, some themes put the article inside a header or aside).
     */
    private static final Set<String> CHROME_TAGS = Set.of("nav", "header", "footer", "aside", "form");
    /** A chrome element holding more than this share of the page's text is the page, not chrome. */
    private static final double CHROME_MAX_TEXT_SHARE = 0.5;
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3",
            "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr",
            "figure", "figcaption", "address", "hr", "body", "center");
    /** Table cells: one row is one line, its cells separated by a space. */
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Set<String> DATE_META_NAMES = Set.of("article:published_time", "og:published_time",
            "og:article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
            "publication_date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
            "citation_publication_date", "article.published", "dcterms.date", "dcterms.issued", "date.created",
            "dc.date.created", "og:pubdate", "pdate", "publish_date", "article_date_original", "originalpublicationdate",
            "release_date", "displaydate", "datecreated", "created", "cxenseparse:recs:publishtime", "dateposted");
    private static final Set<String> MODIFIED_META_NAMES = Set.of("article:modified_time", "og:updated_time",
            "datemodified", "last-modified", "lastmod", "dcterms.modified", "dc.date.modified", "modified");
    /**
     * Elements whose class or id says they hold a date ("entry-date", "post-date", "published", "datum", ...): one of
     * the words of the class or id (split at spaces, '-' and '_'); their datetime/title/content attribute or short own
     * text is a candidate. Related-article lists (li) and page chrome are skipped: their dates belong to other articles.
     */
    private static final Set<String> DATE_CLASS_WORDS = Set.of("date", "datum", "published", "pubdate", "posted",
            "timestamp", "dateline", "time", "zeit", "datetime", "updated", "meta", "byline", "submitted", "created");
    /** RDFa/microdata publication dates outside meta tags (Drupal's schema:dateCreated spans, ...). */
    private static final Set<String> SCHEMA_DATE_PROPERTIES = Set.of("datepublished", "datecreated", "schema:datepublished",
            "schema:datecreated");
    private static final Evaluator NOT_ARTICLE_DATE_CONTEXT = Selector.evaluatorOf("li, nav, aside");
    private static final int MAX_DATE_ELEMENT_TEXT = 80;
    private static final int MAX_DATE_ELEMENTS = 5;
    /** Byline elements: rel=author, itemprop=author, or a class word below; the name is their (short) text. */
    private static final Set<String> AUTHOR_CLASS_WORDS = Set.of("author", "byline", "autor", "auteur", "authorname", "fn",
            "vcard");
    /** Bits of {@link #CLASS_WORDS}: the date words and the author words, asked in one scan of the class attribute. */
    private static final int DATE_WORD = 1;
    private static final int AUTHOR_WORD = 2;
    private static final ClassWordSets CLASS_WORDS = new ClassWordSets(List.of(DATE_CLASS_WORDS, AUTHOR_CLASS_WORDS));
    /** Where a name belongs to someone else: comments, related lists, page chrome. */
    private static final Evaluator NOT_ARTICLE_AUTHOR_CONTEXT = Selector.evaluatorOf(
            "li, nav, aside, [class~=(?i)comment], [id~=(?i)comment]");
    private static final Evaluator ITEMPROP_NAME = Selector.evaluatorOf("[itemprop=name]");
    private static final int MAX_BYLINE_ELEMENTS = 5;
    /** Characters of visible page text kept for the last-resort date search (the article header is near the top). */
    private static final int PAGE_TEXT_HEAD = 20_000;
    private static final Set<String> AUTHOR_META_NAMES = Set.of("author", "article:author", "dc.creator",
            "parsely-author", "sailthru.author", "byl");
    /** Publication dates in JSON-LD, best first (uploadDate: videos; dateCreated: some CMSs). */
    private static final List<String> JSON_LD_DATE_FIELDS = List.of("datePublished", "dateCreated", "uploadDate");
    /** Publication-date keys in a script's JSON state, with an ISO date value. */
    private static final Pattern SCRIPT_DATE_KEY = Pattern.compile(
            "[\"'](?:datePublished|published_at|publishedAt|publish_date|publishDate|publishedDate|published_date"
                    + "|firstPublishedAt|first_published_at|cmsPublishingDate)[\"']\\s*:\\s*[\"'](\\d{4}-\\d{2}-\\d{2}[^\"']{0,30})[\"']");
    /** In every key of SCRIPT_DATE_KEY, this many characters after the quote: 2 ('published_at') to 8 ('first_published_at'). */
    private static final String KEY_CORE = "ublish";
    private static final int KEY_CORE_MIN_OFFSET = 2;
    private static final int KEY_CORE_MAX_OFFSET = 8;
    private static final double WRAPPED_LINE_SHARE = 0.6;
    private static final int WRAPPED_MAX_LINE_LENGTH = 100;

    private final ObjectMapper json;
    private final MainContentLocator locator;

    public HtmlToText(ObjectMapper json, MainContentLocator locator) {
        this.json = json;
        this.locator = locator;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        if (draft.isHtml() || draft.contentType() == null && looksLikeHtml(draft.content())) {
            Document doc = Jsoup.parse(draft.content(), draft.url() == null ? "" : draft.url());
            List<String> paragraphs = new ArrayList<>();
            for (Element root : locateBody(doc, draft.html())) {
                paragraphs.addAll(blocksOf(root, locator.maxBlockLinkDensity()));
            }
            // blocks are already split and cleaned as TextBlocks.paragraphs would split their join: handed on as such
            draft.paragraphs(paragraphs);
            draft.textSource(ArticleDraft.TEXT_SOURCE_HTML);
        } else {
            draft.paragraphs(plainParagraphs(draft.content()));
            draft.textSource(ArticleDraft.TEXT_SOURCE_TEXT);
        }
    }

    /**
     * Collects the page's metadata into {@code meta}, removes scripts, chrome and pruned blocks from {@code doc} and
     * returns the elements holding the body, in document order (public for the evaluation's error analysis, which
     * needs the elements, not only their text).
     */
    public List<Element> locateBody(Document doc, HtmlMetadata meta) {
        PageScan scan = collectMetadata(doc, meta);
        scan.nonContent.forEach(Element::remove);
        // the locator asks for the texts of many nested elements: it reads them from one walk (ElementTexts)
        // per state of the tree
        removeNoscript(doc, scan.noscript);
        List<Element> headerLeads = removeChrome(doc, scan.chrome, scan.pageChars);
        locator.prune(doc);
        return locator.locate(doc, headerLeads);
    }

    /**
     * noscript is usually a "please enable JavaScript" note or a tracking pixel, but some blogs render the post with
     * script and put the only static copy of the body there: that one stays.
     */
    private static void removeNoscript(Document doc, List<Element> noscript) {
        for (Element e : noscript) {
            if (isIn(doc, e) && !MainContentLocator.holdsBodyParagraphs(e, ElementTexts.of(e))) {
                e.remove();
            }
        }
    }

    /**
     * @param chrome    the elements CHROME matched when the metadata was collected, in document order
     * @param pageChars length of the page's visible text (as collected with the metadata)
     * @return the leads moved out of removed headers, in document order
     */
    private static List<Element> removeChrome(Document doc, List<Element> chrome, int pageChars) {
        int total = Math.max(1, pageChars);
        List<Element> leads = new ArrayList<>();
        // a few small elements per page: a walk of each is cheaper than a walk of the whole page with every span
        for (Element e : chrome) {
            if (isIn(doc, e) && ElementTexts.textOf(e).length() <= CHROME_MAX_TEXT_SHARE * total) {
                if (e.nameIs("header")) {
                    leads.addAll(keepLeads(e));
                }
                e.remove();
            }
        }
        return leads;
    }

    /**
     * An article header holds the title, byline and date, which are metadata, but often the lead too, which is text:
     * the leads are moved out in front of the header before it goes (the locator then finds them before the body).
     */
    private static List<Element> keepLeads(Element header) {
        List<Element> leads = new ArrayList<>();
        boolean afterHeadline = false;
        for (Element e : DocumentOrder.elements(header)) {
            afterHeadline |= e.nameIs("h1");
            if (e == header || !leads.isEmpty() && LeadParagraphs.isUnder(e, leads.get(leads.size() - 1))) {
                continue;
            }
            boolean marked = LeadParagraphs.isLeadElement(e);
            // an unmarked paragraph under the article's headline is its standfirst (a site header has no h1 before
            // its paragraphs; bylines and dates are excluded as in marked leads)
            if (!marked && !(afterHeadline && LeadParagraphs.isPlainLead(e))) {
                continue;
            }
            // a few small elements per header: a walk of each is cheap
            ElementTexts texts = ElementTexts.of(e);
            if (LeadParagraphs.readsAsLead(texts.length(e), texts.linkDensity(e))
                    && (marked || texts.length(e) >= LeadParagraphs.PLAIN_LEAD_MIN_LENGTH)) {
                if (!marked) {
                    LeadParagraphs.markAsLead(e);
                }
                leads.add(e);
            }
        }
        for (Element lead : leads) {
            header.before(lead); // moves it: the lead goes in front of the header, in document order
        }
        return leads;
    }

    /**
     * Whether {@code e} is still in the document: candidates are collected in the first walk, before removals, and
     * one inside a removed subtree is no longer part of the page (a select after the removal would not find it).
     */
    private static boolean isIn(Document doc, Element e) {
        Element top = e;
        while (top.parent() != null) {
            top = top.parent();
        }
        return top == doc;
    }

    static boolean looksLikeHtml(String content) {
        String head = content.stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<body")
                || head.startsWith("<p") || head.startsWith("<div") || head.startsWith("<article");
    }

    /** One paragraph per line; a block whose lines look hard-wrapped is joined back into one paragraph. */
    static List<String> plainParagraphs(String content) {
        List<String> result = new ArrayList<>();
        for (String block : TextBlocks.paragraphs(content)) {
            List<String> lines = TextBlocks.lines(block);
            if (lines.size() > 1 && looksHardWrapped(lines)) {
                result.add(String.join(" ", lines));
            } else {
                result.addAll(lines);
            }
        }
        return result;
    }

    private static boolean looksHardWrapped(List<String> lines) {
        int open = 0;
        for (int i = 0; i < lines.size() - 1; i++) {
            String line = lines.get(i);
            if (line.length() > WRAPPED_MAX_LINE_LENGTH) {
                return false;
            }
            if (!endsSentence(line)) {
                open++;
            }
        }
        return open >= WRAPPED_LINE_SHARE * (lines.size() - 1) && lines.get(0).length() > WRAPPED_MAX_LINE_LENGTH / 2;
    }

    private static boolean endsSentence(String line) {
        char last = line.charAt(line.length() - 1);
        return ".!?:\"”’»)".indexOf(last) >= 0;
    }

    /** Block elements become paragraphs; a block that is mostly link text (a list of links) is dropped. */
    private static List<String> blocksOf(Element root, double maxLinkDensity) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int[] linkDepth = {0};
        int[] linked = {0};
        int[] preDepth = {0};
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    // a line break in the source is a space in HTML, except inside pre
                    String text = preDepth[0] > 0 ? t.getWholeText() : t.getWholeText().replace('\n', ' ');
                    current.append(text);
                    if (linkDepth[0] > 0) {
                        linked[0] += text.strip().length();
                    }
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if ("br".equals(tag)) {
                        current.append('\n');
                    } else if ("a".equals(tag)) {
                        linkDepth[0]++;
                    } else if (CELLS.contains(tag)) {
                        current.append(' ');
                    } else if (BLOCKS.contains(tag)) {
                        flush();
                        if ("pre".equals(tag)) {
                            preDepth[0]++;
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if ("a".equals(tag)) {
                        linkDepth[0]--;
                    } else if (CELLS.contains(tag)) {
                        current.append(' ');
                    } else if (BLOCKS.contains(tag)) {
                        flush();
                        if ("pre".equals(tag)) {
                            preDepth[0]--;
                        }
                    }
                }
            }

            private void flush() {
                List<String> lines = new ArrayList<>();
                int length = 0;
                for (String line : current.toString().split("\n")) {
                    String clean = TextBlocks.cleanLine(collapseWhitespace(line));
                    if (!clean.isEmpty()) {
                        lines.add(clean);
                        length += clean.length();
                    }
                }
                if (!lines.isEmpty() && (length == 0 || linked[0] / (double) length <= maxLinkDensity)) {
                    paragraphs.add(String.join("\n", lines));
                }
                current.setLength(0);
                linked[0] = 0;
            }
        });
        if (!current.isEmpty()) {
            String rest = TextBlocks.cleanLine(collapseWhitespace(current.toString()));
            if (!rest.isEmpty()) {
                paragraphs.add(rest);
            }
        }
        return paragraphs;
    }

    /** {@code line.replaceAll("\\s+", " ")} as a loop: runs once per line of every extracted block. */
    static String collapseWhitespace(String line) {
        // the usual line has only single plain spaces: return it as it is
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (isRegexSpace(c) && (c != ' ' || i + 1 < n && isRegexSpace(line.charAt(i + 1)))) {
                return collapseFrom(line, i);
            }
        }
        return line;
    }

    private static String collapseFrom(String line, int from) {
        StringBuilder out = new StringBuilder(line.length());
        out.append(line, 0, from);
        boolean inRun = false;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!isRegexSpace(c)) {
                out.append(c);
                inRun = false;
            } else if (!inRun) {
                out.append(' ');
                inRun = true;
            }
        }
        return out.toString();
    }

    /** {@code \\s} of java.util.regex: {@code [ \\t\\n\\x0B\\f\\r]}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * What the first walk found besides metadata: the elements to remove next (in document order, as a select over
     * the page would give them) and the length of the page's visible text.
     */
    private record PageScan(List<Element> nonContent, List<Element> noscript, List<Element> chrome, int pageChars) {
    }

    /** One walk over the elements collects every kind of metadata and the removal candidates; lists keep document order. */
    private PageScan collectMetadata(Document doc, HtmlMetadata meta) {
        meta.htmlTitle = blankToNull(doc.title());
        List<HtmlMetadata.DateCandidate> jsonLdDates = new ArrayList<>();
        List<HtmlMetadata.DateCandidate> itempropDates = new ArrayList<>();
        List<HtmlMetadata.DateCandidate> timeDates = new ArrayList<>();
        List<HtmlMetadata.DateCandidate> scriptDates = new ArrayList<>();
        List<Element> dateElements = new ArrayList<>();
        List<Element> bylineElements = new ArrayList<>();
        List<Element> nonContent = new ArrayList<>();
        List<Element> noscript = new ArrayList<>();
        List<Element> chrome = new ArrayList<>();
        Element canonical = null;
        // one walk lists the page's elements and collects its visible text (the body's) for the date search
        Element body = doc.body();
        List<Element> elements = new ArrayList<>();
        String pageText = ElementTexts.textOf(body, doc, elements);
        for (Element e : elements) {
            if (isNonContent(e)) {
                nonContent.add(e);
            } else if (e.nameIs("noscript")) {
                noscript.add(e);
            }
            if (isChrome(e)) {
                chrome.add(e);
            }
            switch (e.normalName()) {
                case "meta" -> readMeta(e, meta);
                case "h1" -> {
                    if (meta.h1 == null) {
                        meta.h1 = blankToNull(e.text());
                    }
                }
                case "time" -> {
                    if (e.hasAttr("datetime")) {
                        timeDates.add(new HtmlMetadata.DateCandidate(e.attr("datetime"), FieldSources.TIME_ELEMENT));
                    }
                }
                case "link" -> {
                    if (canonical == null && "canonical".equalsIgnoreCase(e.attr("rel")) && e.hasAttr("href")) {
                        canonical = e;
                    }
                }
                case "script" -> {
                    if ("application/ld+json".equalsIgnoreCase(e.attr("type"))) {
                        readJsonLd(e.data(), meta, jsonLdDates);
                    } else if (scriptDates.isEmpty()) {
                        scriptDate(e.data()).ifPresent(d -> scriptDates.add(new HtmlMetadata.DateCandidate(d, FieldSources.HTML_META)));
                    }
                }
                default -> {
                }
            }
            if (e.attributesSize() == 0) {
                continue; // no itemprop, property, rel, class or id: none of the checks below applies
            }
            if ("datePublished".equalsIgnoreCase(e.attr("itemprop")) && (e.hasAttr("datetime") || !"meta".equals(e.normalName()))) {
                String value = firstNonBlank(e.attr("datetime"), e.text());
                if (!value.isBlank()) {
                    itempropDates.add(new HtmlMetadata.DateCandidate(value, FieldSources.HTML_META));
                }
            }
            int classSets = CLASS_WORDS.setsOf(e.className(), DATE_WORD | AUTHOR_WORD);
            if ((classSets & DATE_WORD) != 0 || isDateElement(e)) {
                dateElements.add(e);
            }
            if ((classSets & AUTHOR_WORD) != 0 || isBylineElement(e)) {
                bylineElements.add(e);
            }
        }
        meta.dateCandidates.addAll(itempropDates);
        meta.dateCandidates.addAll(timeDates);
        collectDateElements(dateElements, meta);
        collectBylineAuthors(bylineElements, meta);
        meta.pageTextHead = pageText.length() > PAGE_TEXT_HEAD ? pageText.substring(0, PAGE_TEXT_HEAD) : pageText;
        if (canonical != null) {
            String absolute = canonical.absUrl("href"); // resolving parses URLs: once
            meta.canonicalLink = blankToNull(absolute.isEmpty() ? canonical.attr("href") : absolute);
        }
        // JSON-LD is the most deliberate statement of the date, so it goes first; app state in scripts is the last resort
        meta.dateCandidates.addAll(0, jsonLdDates);
        meta.dateCandidates.addAll(scriptDates);
        return new PageScan(nonContent, noscript, chrome, pageText.length());
    }

    /**
     * What the selector of {@link #NON_CONTENT_TAGS} matches, asked by name: the combined selector evaluator tried
     * each of its seven parts on every element of the page.
     */
    static boolean isNonContent(Element e) {
        return NON_CONTENT_TAGS.contains(e.normalName());
    }

    /** What the selector of {@link #CHROME_TAGS} matches (jsoup's {@code [k=v]}: the trimmed value, any case). */
    static boolean isChrome(Element e) {
        return CHROME_TAGS.contains(e.normalName()) || e.attributesSize() > 0 && (e.hasAttr("hidden")
                || e.hasAttr("aria-hidden") && "true".equalsIgnoreCase(e.attr("aria-hidden").trim()));
    }

    private static void readMeta(Element m, HtmlMetadata meta) {
        if (!m.hasAttr("content")) {
            return;
        }
        String key = firstNonBlank(m.attr("property"), m.attr("name"), m.attr("itemprop")).toLowerCase(Locale.ROOT);
        String content = m.attr("content").strip();
        if (content.isEmpty()) {
            return;
        }
        switch (key) {
            case "og:title" -> meta.ogTitle = firstNonNull(meta.ogTitle, content);
            case "twitter:title" -> meta.twitterTitle = firstNonNull(meta.twitterTitle, content);
            case "og:site_name" -> meta.siteName = firstNonNull(meta.siteName, content);
            default -> {
                if (DATE_META_NAMES.contains(key)) {
                    meta.dateCandidates.add(new HtmlMetadata.DateCandidate(content, FieldSources.HTML_META));
                } else if (MODIFIED_META_NAMES.contains(key)) {
                    meta.modifiedDateCandidates.add(new HtmlMetadata.DateCandidate(content, FieldSources.MODIFIED_DATE));
                } else if (AUTHOR_META_NAMES.contains(key) && !content.startsWith("http")) {
                    meta.metaAuthors.add(content);
                }
            }
        }
    }

    private static boolean isDateElement(Element e) {
        if (e.hasAttr("content") && (SCHEMA_DATE_PROPERTIES.contains(e.attr("property").strip().toLowerCase(Locale.ROOT))
                || !"meta".equals(e.normalName()) && SCHEMA_DATE_PROPERTIES.contains(e.attr("itemprop").strip().toLowerCase(Locale.ROOT)))) {
            return true;
        }
        return CLASS_WORDS.setsOf(e.id(), DATE_WORD) != 0;
    }

    /** rel=author or itemprop=author (the class words are checked with the date words, in one scan). */
    private static boolean isBylineElement(Element e) {
        return "author".equalsIgnoreCase(e.attr("rel")) || "author".equalsIgnoreCase(e.attr("itemprop"));
    }

    /** The first publication-date key in a script's JSON state (Shopify, Next.js, analytics data layers). */
    private static java.util.Optional<String> scriptDate(String data) {
        // Every key contains KEY_CORE a few characters after the opening quote, so a match can only start just
        // before an occurrence of it: trying those starts in order finds the same first match as Matcher.find,
        // without running the pattern at every position of large script bundles.
        Matcher m = null;
        int nextStart = 0;
        for (int core = data.indexOf(KEY_CORE); core >= 0; core = data.indexOf(KEY_CORE, core + 1)) {
            for (int start = Math.max(nextStart, core - KEY_CORE_MAX_OFFSET); start <= core - KEY_CORE_MIN_OFFSET; start++) {
                char c = data.charAt(start);
                if (c == '"' || c == '\'') {
                    m = m == null ? SCRIPT_DATE_KEY.matcher(data) : m;
                    if (m.region(start, data.length()).lookingAt()) {
                        return java.util.Optional.of(m.group(1));
                    }
                }
            }
            nextStart = Math.max(nextStart, core - KEY_CORE_MIN_OFFSET + 1);
        }
        return java.util.Optional.empty();
    }

    private void readJsonLd(String data, HtmlMetadata meta, List<HtmlMetadata.DateCandidate> dates) {
        JsonNode root;
        try {
            root = json.readTree(data);
        } catch (Exception e) {
            return; // broken JSON-LD is common; the rest of the page is still usable
        }
        List<JsonNode> nodes = new ArrayList<>();
        flattenJsonLd(root, nodes);
        for (JsonNode node : nodes) {
            if (meta.jsonLdHeadline == null && node.path("headline").isTextual()) {
                meta.jsonLdHeadline = blankToNull(node.path("headline").asText());
            }
            for (String field : JSON_LD_DATE_FIELDS) {
                if (node.path(field).isTextual()) {
                    dates.add(new HtmlMetadata.DateCandidate(node.path(field).asText(), FieldSources.JSON_LD));
                }
            }
            if (node.path("dateModified").isTextual()) {
                meta.modifiedDateCandidates.add(new HtmlMetadata.DateCandidate(node.path("dateModified").asText(),
                        FieldSources.MODIFIED_DATE));
            }
            if (meta.jsonLdAuthors.isEmpty() && node.has("author")) {
                collectAuthors(node.get("author"), meta.jsonLdAuthors);
            }
        }
    }

    /** Names from byline elements outside comments, lists and chrome; see {@link BylineName}. */
    private static void collectBylineAuthors(List<Element> bylineElements, HtmlMetadata meta) {
        int seen = 0;
        for (Element e : bylineElements) {
            if (seen >= MAX_BYLINE_ELEMENTS || !meta.bylineElementAuthors.isEmpty()) {
                break;
            }
            if (e.closest(NOT_ARTICLE_AUTHOR_CONTEXT) != null || "meta".equals(e.normalName()) || "link".equals(e.normalName())) {
                continue;
            }
            seen++;
            Element named = e.selectFirst(ITEMPROP_NAME);
            BylineName.names((named != null ? named : e).text()).forEach(meta.bylineElementAuthors::add);
        }
    }

    /** Dates in elements marked as dates by class or id, outside lists, links and page chrome; document order. */
    private static void collectDateElements(List<Element> dateElements, HtmlMetadata meta) {
        int taken = 0;
        for (Element e : dateElements) {
            if (taken >= MAX_DATE_ELEMENTS) {
                break;
            }
            if (e.closest(NOT_ARTICLE_DATE_CONTEXT) != null || "meta".equals(e.normalName())) {
                continue;
            }
            String own = e.text();
            String value = firstNonBlank(e.attr("datetime"), e.attr("content"), e.attr("title"),
                    own.length() <= MAX_DATE_ELEMENT_TEXT ? own : "");
            if (!value.isBlank()) {
                meta.dateCandidates.add(new HtmlMetadata.DateCandidate(value, FieldSources.DATE_ELEMENT));
                taken++;
            }
        }
    }

    private static void flattenJsonLd(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> flattenJsonLd(n, out));
        } else if (node.isObject()) {
            out.add(node);
            if (node.has("@graph")) {
                flattenJsonLd(node.get("@graph"), out);
            }
        }
    }

    private static void collectAuthors(JsonNode author, List<String> out) {
        if (author.isTextual() && !author.asText().isBlank()) {
            out.add(author.asText().strip());
        } else if (author.isArray()) {
            author.forEach(a -> collectAuthors(a, out));
        } else if (author.isObject() && author.path("name").isTextual()) {
            out.add(author.path("name").asText().strip());
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static String firstNonNull(String current, String candidate) {
        return current != null ? current : candidate;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
