package io.newsflow.contracts;

/** Where a metadata field's value came from (values of {@link EnrichedArticle#provenance()}). */
public final class FieldSources {
    public static final String ENVELOPE = "envelope";
    public static final String HTML_META = "html-meta";
    public static final String JSON_LD = "json-ld";
    public static final String HTML_TITLE = "html-title";
    public static final String HTML_H1 = "html-h1";
    public static final String TIME_ELEMENT = "time-element";
    /** An HTML element marked as a date by its class or id ("entry-date", "published", "datum", ...). */
    public static final String DATE_ELEMENT = "date-element";
    /** A modification date (JSON-LD dateModified, article:modified_time): used only when nothing else is found. */
    public static final String MODIFIED_DATE = "modified-date";
    /** The first date anywhere in the page's visible text: the weakest evidence, a last resort. */
    public static final String PAGE_TEXT = "page-text";
    public static final String TEXT_HEADER = "text-header";
    public static final String BYLINE = "byline";
    public static final String DATELINE = "dateline";
    public static final String URL = "url";
    public static final String DETECTED = "detected";
    public static final String NONE = "none";

    private FieldSources() {
    }
}
