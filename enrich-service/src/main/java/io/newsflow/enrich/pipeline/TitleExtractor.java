package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.newsflow.contracts.FieldSources;

/**
 * Picks the title: envelope, then JSON-LD headline / og:title / twitter:title, then {@code <title>} or h1,
 * then a title-like line at the top of the text (short, no closing period, not a date). A title taken
 * from the text is removed from the body; a leading paragraph that repeats the chosen title is removed too.
 */
public final class TitleExtractor implements EnrichmentStage {

    public static final String NAME = "title";

    /** Trailing page or print codes ("... 130111-3.") are not part of a headline. */
    private static final Pattern TRAILING_CODE = Pattern.compile("\\s+(?:\\d+(?:[-/]\\d+)+|\\d{5,})\\.?$");
    private static final Pattern TITLE_SITE_SUFFIX = Pattern.compile("\\s+[|–—-]\\s+[^|–—-]{2,60}$");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final String NO_TITLE_ENDINGS = ".;:,";

    private final DateTextParser dates;
    private final int headerLines;
    private final int minLength;
    private final int maxLength;
    private final int maxWords;

    public TitleExtractor(DateTextParser dates, int headerLines, int minLength, int maxLength, int maxWords) {
        this.dates = dates;
        this.headerLines = headerLines;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.maxWords = maxWords;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        HtmlMetadata html = draft.html();
        if (!isBlank(draft.envelopeTitle())) {
            setAndDropEcho(draft, draft.envelopeTitle().strip(), FieldSources.ENVELOPE);
        } else if (!isBlank(html.jsonLdHeadline)) {
            setAndDropEcho(draft, html.jsonLdHeadline, FieldSources.JSON_LD);
        } else if (!isBlank(html.ogTitle)) {
            setAndDropEcho(draft, html.ogTitle, FieldSources.HTML_META);
        } else if (!isBlank(html.twitterTitle)) {
            setAndDropEcho(draft, html.twitterTitle, FieldSources.HTML_META);
        } else if (!isBlank(html.htmlTitle)) {
            String cleaned = TITLE_SITE_SUFFIX.matcher(html.htmlTitle).replaceFirst("");
            if (html.h1 != null && cleaned.contains(html.h1)) {
                setAndDropEcho(draft, html.h1, FieldSources.HTML_H1);
            } else {
                setAndDropEcho(draft, cleaned, FieldSources.HTML_TITLE);
            }
        } else if (!isBlank(html.h1)) {
            setAndDropEcho(draft, html.h1, FieldSources.HTML_H1);
        } else if (!fromTextHeader(draft)) {
            draft.title(null, FieldSources.NONE);
        }
    }

    private boolean fromTextHeader(ArticleDraft draft) {
        List<String> paragraphs = new ArrayList<>(draft.paragraphs());
        int seen = 0;
        for (int p = 0; p < paragraphs.size() && seen < headerLines; p++) {
            List<String> lines = new ArrayList<>(TextBlocks.lines(paragraphs.get(p)));
            for (int l = 0; l < lines.size() && seen < headerLines; l++, seen++) {
                String line = lines.get(l);
                if (DateLine.isPureDate(line, dates)) {
                    continue;
                }
                String candidate = TRAILING_CODE.matcher(line).replaceFirst("").strip();
                if (!titleLike(candidate)) {
                    return false; // the body has started: no title above it
                }
                lines.remove(l);
                if (lines.isEmpty()) {
                    paragraphs.remove(p);
                } else {
                    paragraphs.set(p, String.join("\n", lines));
                }
                draft.paragraphs(paragraphs);
                draft.title(candidate, FieldSources.TEXT_HEADER);
                return true;
            }
        }
        return false;
    }

    boolean titleLike(String line) {
        if (line.length() < minLength || line.length() > maxLength || !LETTER.matcher(line).find()) {
            return false;
        }
        int words = line.split("\\s+").length;
        char last = line.charAt(line.length() - 1);
        return words >= 2 && words <= maxWords && NO_TITLE_ENDINGS.indexOf(last) < 0;
    }

    private void setAndDropEcho(ArticleDraft draft, String title, String source) {
        String clean = TextBlocks.cleanLine(title);
        draft.title(clean, source);
        List<String> paragraphs = draft.paragraphs();
        String wanted = TextBlocks.comparable(clean);
        for (int p = 0; p < Math.min(paragraphs.size(), headerLines); p++) {
            if (TextBlocks.comparable(paragraphs.get(p)).equals(wanted)) {
                List<String> rest = new ArrayList<>(paragraphs);
                rest.remove(p);
                draft.paragraphs(rest);
                return;
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
