package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Metadata found in an HTML document, collected by {@link HtmlToText} for later stages. Null or empty when
 * absent (always empty for plain text).
 */
public final class HtmlMetadata {

    /** A date candidate and the kind of element it came from ({@code FieldSources} value). */
    public record DateCandidate(String text, String source) {
    }

    public String htmlTitle;
    public String h1;
    public String ogTitle;
    public String twitterTitle;
    public String jsonLdHeadline;
    public String canonicalLink;
    public String siteName;
    public final List<String> jsonLdAuthors = new ArrayList<>();
    public final List<String> metaAuthors = new ArrayList<>();
    /** Names in the page's byline elements (rel=author, itemprop=author, class "author"/"byline"), document order. */
    public final List<String> bylineElementAuthors = new ArrayList<>();
    /**
     * Candidates in preference order: JSON-LD first, then meta tags, then time elements, then elements marked
     * as dates by class or id (in document order each).
     */
    public final List<DateCandidate> dateCandidates = new ArrayList<>();
    /** Modification dates: a last resort when no other date is found (a page's update is near its publication). */
    public final List<DateCandidate> modifiedDateCandidates = new ArrayList<>();
    /** The start of the page's visible text (chrome included), searched for a date as a last resort. */
    public String pageTextHead;
}
