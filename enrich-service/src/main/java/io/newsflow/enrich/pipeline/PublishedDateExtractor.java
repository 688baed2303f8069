package io.newsflow.enrich.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.contracts.FieldSources;

/**
 * Finds when the article was published: envelope date, envelope date text, JSON-LD, HTML meta, time
 * element, a date header or dateline near the top of the text, a date in the URL; else none. A date in the
 * future (beyond the allowed clock skew) or before the minimum year is ignored. A pure date header line is
 * removed from the body, a labelled date prefix is cut off its line.
 */
public final class PublishedDateExtractor implements EnrichmentStage {

    public static final String NAME = "published-date";

    private static final Pattern URL_DATE = Pattern.compile("/(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})(?:[/-]|$)");

    /** Date candidates that come from elements the reader sees. */
    private static final java.util.Set<String> VISIBLE_SOURCES = java.util.Set.of(FieldSources.TIME_ELEMENT, FieldSources.DATE_ELEMENT);

    private final DateTextParser parser;
    private final Clock clock;
    private final Duration maxFutureSkew;
    private final int minYear;
    private final int headerLines;

    public PublishedDateExtractor(DateTextParser parser, Clock clock, Duration maxFutureSkew, int minYear, int headerLines) {
        this.parser = parser;
        this.clock = clock;
        this.maxFutureSkew = maxFutureSkew;
        this.minYear = minYear;
        this.headerLines = headerLines;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        HeaderScan header = scanHeader(draft);
        if (header.cleanedText() != null) {
            draft.text(header.cleanedText());
        }
        Optional<Instant> fromEnvelope = Optional.ofNullable(draft.envelopePublishedAt()).filter(this::plausible);
        if (fromEnvelope.isPresent()) {
            draft.publishedAt(fromEnvelope.get(), FieldSources.ENVELOPE);
            return;
        }
        Optional<DateTextParser.Parsed> fromText = parser.parseWritten(draft.envelopePublishedAtText())
                .filter(p -> plausible(p.instant()));
        if (fromText.isPresent()) {
            draft.publishedAt(fromText.get().instant(), fromText.get().written(), FieldSources.ENVELOPE);
            return;
        }
        Optional<Choice> fromPage = firstPlausible(draft.html().dateCandidates, draft.url());
        if (fromPage.isPresent()) {
            Choice chosen = preferUrlOrVisibleUpdate(fromPage.get(), draft);
            draft.publishedAt(chosen.instant(), chosen.day(), chosen.source());
            return;
        }
        if (header.date() != null) {
            draft.publishedAt(header.date(), header.source());
            return;
        }
        Optional<Instant> fromUrl = urlDate(draft.url()).filter(this::plausible);
        if (fromUrl.isPresent()) {
            draft.publishedAt(fromUrl.get(), FieldSources.URL);
            return;
        }
        Optional<Choice> last = firstPlausible(draft.html().modifiedDateCandidates, draft.url());
        if (last.isEmpty() && draft.html().pageTextHead != null) {
            last = firstPlausible(List.of(new HtmlMetadata.DateCandidate(draft.html().pageTextHead, FieldSources.PAGE_TEXT)),
                    draft.url());
        }
        if (last.isPresent()) {
            draft.publishedAt(last.get().instant(), last.get().day(), last.get().source());
            return;
        }
        draft.publishedAt(null, FieldSources.NONE);
    }

    private record Choice(Instant instant, LocalDate day, String source) {
    }

    /** The first candidate that parses to a plausible date. */
    private Optional<Choice> firstPlausible(List<HtmlMetadata.DateCandidate> candidates, String url) {
        for (HtmlMetadata.DateCandidate c : candidates) {
            Optional<DateTextParser.Parsed> d = parser.parseWritten(c.text()).filter(p -> plausible(p.instant()));
            if (d.isPresent()) {
                return Optional.of(new Choice(d.get().instant(), localDay(d.get(), url), c.source()));
            }
        }
        return Optional.empty();
    }

    /**
     * Second opinions on the page's stated date. A full date in the URL path that is more than a day away wins: it
     * was fixed when the article was created, while metadata gets rewritten by re-publishing. Else, a later
     * modification date, or else the date of a time/date element, that the page shows its reader, where the stated
     * (meta or JSON-LD) date appears nowhere in the visible text, is the date the page presents as its own.
     */
    private Choice preferUrlOrVisibleUpdate(Choice stated, ArticleDraft draft) {
        Optional<Instant> fromUrl = urlDate(draft.url()).filter(this::plausible);
        if (fromUrl.isPresent()) {
            LocalDate urlDay = LocalDate.ofInstant(fromUrl.get(), ZoneOffset.UTC);
            return Math.abs(ChronoUnit.DAYS.between(stated.day(), urlDay)) > 1
                    ? new Choice(fromUrl.get(), urlDay, FieldSources.URL) : stated;
        }
        String visible = draft.html().pageTextHead;
        if (visible == null || visible.isEmpty()) {
            return stated;
        }
        Optional<Choice> updated = firstPlausible(draft.html().modifiedDateCandidates, draft.url())
                .filter(u -> u.day().isAfter(stated.day()));
        Optional<Choice> element = FieldSources.JSON_LD.equals(stated.source()) || FieldSources.HTML_META.equals(stated.source())
                ? firstPlausible(draft.html().dateCandidates.stream().filter(c -> VISIBLE_SOURCES.contains(c.source())).toList(),
                        draft.url()).filter(e -> !e.day().equals(stated.day()))
                : Optional.empty();
        if (updated.isEmpty() && element.isEmpty()) {
            return stated;
        }
        if (parser.mentions(visible, stated.day())) {
            return stated;
        }
        if (updated.isPresent() && parser.mentions(visible, updated.get().day())) {
            return updated.get();
        }
        return element.isPresent() && parser.mentions(visible, element.get().day()) ? element.get() : stated;
    }

    /**
     * The page's own calendar day: metadata often gives the instant in UTC, while the URL path carries the
     * publisher's local day; a URL day one day off the UTC day is that same moment seen from the publisher's zone.
     */
    private LocalDate localDay(DateTextParser.Parsed parsed, String url) {
        Optional<LocalDate> fromUrl = urlDate(url).map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC));
        if (fromUrl.isPresent() && Math.abs(ChronoUnit.DAYS.between(parsed.written(), fromUrl.get())) == 1) {
            return fromUrl.get();
        }
        return parsed.written();
    }

    /** @param cleanedText the text without the date header, null when the text stays as it is */
    private record HeaderScan(Instant date, String source, String cleanedText) {
    }

    /** Looks at the first lines for a date header; drops a pure one, cuts a labelled prefix. */
    private HeaderScan scanHeader(ArticleDraft draft) {
        List<String> paragraphs = new ArrayList<>(draft.paragraphs());
        int seen = 0;
        for (int p = 0; p < paragraphs.size() && seen < headerLines; p++) {
            List<String> lines = new ArrayList<>(TextBlocks.lines(paragraphs.get(p)));
            for (int l = 0; l < lines.size() && seen < headerLines; l++, seen++) {
                DateLine dl = DateLine.analyse(lines.get(l), parser);
                if (dl.kind() == DateLine.Kind.NONE || !plausible(dl.instant())) {
                    continue;
                }
                String source = dl.kind() == DateLine.Kind.DATELINE ? FieldSources.DATELINE : FieldSources.TEXT_HEADER;
                if (dl.kind() == DateLine.Kind.PURE) {
                    lines.remove(l);
                } else if (dl.kind() == DateLine.Kind.LABELLED_PREFIX) {
                    lines.set(l, dl.remainder());
                }
                if (lines.isEmpty()) {
                    paragraphs.remove(p);
                } else {
                    paragraphs.set(p, String.join("\n", lines));
                }
                return new HeaderScan(dl.instant(), source, TextBlocks.join(paragraphs));
            }
        }
        return new HeaderScan(null, null, null); // unchanged: the draft keeps its split paragraphs for the next stages
    }

    private Optional<Instant> urlDate(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private boolean plausible(Instant instant) {
        return instant != null
                && !instant.isAfter(clock.instant().plus(maxFutureSkew))
                && instant.atZone(ZoneOffset.UTC).getYear() >= minYear;
    }
}
