package io.newsflow.enrich.pipeline;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and parses dates in text: ISO-8601, RFC 1123, numeric (2021-12-25, 2021/12/25, 2021.12.25, 25.12.2021,
 * 25.12.21, and 25/12/2021 or 12/25/2021 when the order is unambiguous) and
 * written dates with English, German or French month names ("Monday, April 22, 2024", "22. April 2024",
 * "1er janvier 2024"), with an optional time. A date without a year is not a date here. Dates without a
 * zone are taken as UTC.
 */
public final class DateTextParser {

    /**
     * A date found in a text, with the span it covers (including a trailing time, if any) and the calendar day as
     * written (which differs from the UTC day when an offset moves the instant across midnight).
     */
    public record Found(Instant instant, int start, int end, LocalDate written) {
    }

    /** A parsed date: the instant and the calendar day as written. */
    public record Parsed(Instant instant, LocalDate written) {
    }

    private static final Map<String, Integer> MONTHS = new LinkedHashMap<>();

    static {
        String[][] names = {
                {"january", "jan", "januar", "jänner", "jän", "janvier", "janv"},
                {"february", "feb", "februar", "feber", "février", "fevrier", "févr", "fevr"},
                {"march", "mar", "märz", "maerz", "mars"},
                {"april", "apr", "avril", "avr"},
                {"may", "mai"},
                {"june", "jun", "juni", "juin"},
                {"july", "jul", "juli", "juillet", "juil"},
                {"august", "aug", "août", "aout"},
                {"september", "sep", "sept", "septembre"},
                {"october", "oct", "oktober", "okt", "octobre"},
                {"november", "nov", "novembre"},
                {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc"}};
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                MONTHS.put(n, i + 1);
            }
        }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    /**
     * A month is any 3-9 letter word here, checked against {@link #MONTHS} after the match: a plain letter run is
     * far cheaper for the regex engine than an alternation of sixty case-insensitive names.
     */
    private static final String MONTH_ALT = "\\p{L}{3,9}";
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "\\b(?<m>" + MONTH_ALT + ")\\.?\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>\\d{4})\\b", FLAGS);
    private static final Pattern DAY_FIRST = Pattern.compile(
            "\\b(?<d>\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?<m>" + MONTH_ALT + ")\\.?,?\\s+(?<y>\\d{4})\\b", FLAGS);
    private static final Pattern ISO_DATE = Pattern.compile(
            "(?<![\\d-])(?<y>\\d{4})-(?<mo>\\d{1,2})-(?<d>\\d{1,2})(?![\\d-])", FLAGS);
    private static final Pattern SLASH_YMD = Pattern.compile(
            "(?<![\\d/])(?<y>\\d{4})/(?<mo>\\d{1,2})/(?<d>\\d{1,2})(?![\\d/])", FLAGS);
    private static final Pattern DOTTED_YMD = Pattern.compile(
            "(?<![\\d.])(?<y>\\d{4})\\.(?<mo>\\d{1,2})\\.(?<d>\\d{1,2})(?!\\d|\\.\\d)", FLAGS);
    private static final Pattern DOTTED_DMY = Pattern.compile(
            "(?<![\\d.])(?<d>\\d{1,2})\\.(?<mo>\\d{1,2})\\.(?<y>\\d{4})(?!\\d|\\.\\d)", FLAGS);
    /** "28.01.22": two-digit years only with two-digit day and month (less like a version number). */
    private static final Pattern DOTTED_DMY_SHORT_YEAR = Pattern.compile(
            "(?<![\\d.])(?<d>\\d{2})\\.(?<mo>\\d{2})\\.(?<y>\\d{2})(?![\\d.])", FLAGS);
    /** 17/03/2020 or 03/17/2020: taken only when the order is unambiguous (one part above 12, or both equal). */
    private static final Pattern SLASH_DAY_MONTH_YEAR = Pattern.compile(
            "(?<![\\d/])(?<a>\\d{1,2})/(?<b>\\d{1,2})/(?<y>\\d{4})(?![\\d/])", FLAGS);
    static final List<Pattern> DATE_PATTERNS = List.of(MONTH_FIRST, DAY_FIRST, ISO_DATE, SLASH_YMD, DOTTED_YMD,
            DOTTED_DMY, DOTTED_DMY_SHORT_YEAR, SLASH_DAY_MONTH_YEAR);
    /**
     * Non-space code points a match can hold before its year: day (2), ordinal suffix (2), month name (9), dot and
     * comma (MONTH_FIRST, DAY_FIRST).
     */
    private static final int MAX_BEFORE_YEAR = 15;
    /** Chars a match can hold after its year: "-12-31" as six code points of up to two chars each (ISO, y/m/d). */
    private static final int MAX_AFTER_YEAR = 12;
    /** Chars of {@code dd.dd.yy} after its first two digits: ".dd.yy", six code points of up to two chars each. */
    private static final int SHORT_DATE_AFTER_DAY = 12;
    /** U+0085, white space for {@code \\s} but neither {@link Character#isWhitespace} nor a space char. */
    private static final int NEXT_LINE = 0x85;
    private static final int MONTHS_IN_YEAR = 12;
    /** Characters around a year that hold the rest of its date ("Wednesday, 12. September 2024", "2024-09-12"). */
    private static final int BEFORE_YEAR = 24;
    private static final int AFTER_YEAR = 7;
    /** Two-digit years up to this are 20xx, above it 19xx (future dates are rejected later anyway). */
    private static final int TWO_DIGIT_YEAR_PIVOT = 69;
    private static final Pattern TIME = Pattern.compile(
            "^(?:\\s*[,;]?\\s*(?:at|um|à|a las|-|–|T)?\\s*)(?<h>\\d{1,2})[:h.](?<mi>\\d{2})(?::(?<s>\\d{2}))?"
                    + "(?:\\.\\d+)?\\s*(?<ap>[ap]\\.?\\s?m\\.?)?(?:\\s*(?<z>Z|UTC|GMT|[+-]\\d{2}:?\\d{2}))?(?!\\d)",
            FLAGS);
    private static final int NOON = 12;
    /** Offsets written without a colon ("+0100"), which the ISO parser rejects. */
    private static final DateTimeFormatter MACHINE_OFFSET_PATTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    /** Parses a whole value as a machine date (meta tags, JSON-LD, envelope), else finds a date in it. */
    public Optional<Instant> parse(String value) {
        return parseWritten(value).map(Parsed::instant);
    }

    /** Like {@link #parse(String)}, keeping the calendar day as written. */
    public Optional<Parsed> parseWritten(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        // a format that cannot parse the first character is not tried: each failed parse throws, which costs
        boolean yearFirst = startsLikeYear(v.charAt(0));
        boolean rfc = Character.isLetter(v.charAt(0)) || isAsciiDigit(v.charAt(0));
        for (var parser : List.<java.util.function.Function<String, Parsed>>of(
                s -> yearFirst ? offset(OffsetDateTime.parse(s)) : null,
                s -> yearFirst ? utc(Instant.parse(s)) : null,
                s -> yearFirst ? utc(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC)) : null,
                s -> yearFirst ? utc(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC)) : null,
                s -> rfc ? offset(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime()) : null,
                s -> yearFirst ? offset(OffsetDateTime.parse(s, MACHINE_OFFSET_PATTERN)) : null)) {
            try {
                Parsed parsed = parser.apply(v);
                if (parsed != null) {
                    return Optional.of(parsed);
                }
            } catch (DateTimeException e) {
                // try the next format
            }
        }
        return find(v).map(f -> new Parsed(f.instant(), f.written()));
    }

    /**
     * Whether an ISO value or the yyyy pattern could start with {@code c}: they begin with the year, ASCII digits with
     * an optional sign. (RFC 1123 begins with a day name, parsed case-insensitively, or the day of the month.)
     */
    static boolean startsLikeYear(char c) {
        return isAsciiDigit(c) || c == '+' || c == '-';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Parsed offset(OffsetDateTime t) {
        return new Parsed(t.toInstant(), t.toLocalDate());
    }

    private static Parsed utc(Instant instant) {
        return new Parsed(instant, LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /** The calendar days of every date written in {@code text} (one pass per format). */
    public java.util.Set<LocalDate> daysIn(String text) {
        java.util.Set<LocalDate> days = new java.util.HashSet<>();
        for (Pattern p : DATE_PATTERNS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                toFound(text, m, p).ifPresent(f -> days.add(f.written()));
            }
        }
        return days;
    }

    /**
     * Whether {@code text} shows {@code day} as a written date. Only the surroundings of each occurrence of its year
     * are parsed, which keeps this cheap on a whole page's text.
     */
    public boolean mentions(String text, LocalDate day) {
        String year = Integer.toString(day.getYear());
        for (int at = text.indexOf(year); at >= 0; at = text.indexOf(year, at + year.length())) {
            String around = text.substring(Math.max(0, at - BEFORE_YEAR), Math.min(text.length(), at + year.length() + AFTER_YEAR));
            if (daysIn(around).contains(day)) {
                return true;
            }
        }
        String shortYear = String.format(Locale.ROOT, "%02d.%02d.%02d", day.getDayOfMonth(), day.getMonthValue(), day.getYear() % 100);
        return text.contains(shortYear) && daysIn(text.substring(Math.max(0, text.indexOf(shortYear) - 1),
                Math.min(text.length(), text.indexOf(shortYear) + shortYear.length() + 1))).contains(day);
    }

    /** The earliest date in {@code text}, if any. */
    public Optional<Found> find(String text) {
        if (!mayHoldDate(text)) {
            return Optional.empty(); // most header lines: eight Unicode-aware regex scans saved
        }
        List<Found> found = new ArrayList<>();
        int[] yearSpans = null;
        int[] shortYearSpans = null;
        for (Pattern p : DATE_PATTERNS) {
            int[] spans;
            if (p == DOTTED_DMY_SHORT_YEAR) {
                spans = shortYearSpans = shortYearSpans == null ? shortYearSpans(text) : shortYearSpans;
            } else {
                spans = yearSpans = yearSpans == null ? yearSpans(text) : yearSpans;
            }
            Found[] first = new Found[1];
            forEachMatch(text, p, spans, m -> {
                toFound(text, m, p).ifPresent(f -> first[0] = f);
                return first[0] != null;
            });
            if (first[0] != null) {
                found.add(first[0]);
            }
        }
        return found.stream().min(Comparator.comparingInt(Found::start));
    }

    /**
     * The matches of {@code p} in {@code text} in the order and with the bounds {@code find()} gives them, until
     * {@code stop} says so, searching only the spans that can hold a match (see {@link #yearSpans}): on a page's text
     * the eight patterns otherwise try every position of 20,000 characters. Each span is searched as a region with
     * transparent bounds, so look-behinds, look-aheads and word boundaries see the text around it.
     *
     * @param spans start and end of each span, in order, not overlapping
     */
    static void forEachMatch(String text, Pattern p, int[] spans, java.util.function.Predicate<Matcher> stop) {
        Matcher m = null;
        for (int i = 0; i < spans.length; i += 2) {
            m = m == null ? p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false) : m;
            m.region(spans[i], spans[i + 1]);
            while (m.find()) {
                if (stop.test(m)) {
                    return;
                }
            }
        }
    }

    /**
     * Where a match of the seven patterns with a four-digit year can lie. Its year ({@code \\d{4}}, any Unicode decimal
     * digits) lies in a run of four or more digits; before the year come at most {@link #MAX_BEFORE_YEAR} code points
     * that are not white space ("Wednesday, 12th", month names up to nine letters), after it at most
     * {@link #MAX_AFTER_YEAR} chars ("-09-12"). So every match lies in {@code [w, e)} of such a run, w found by walking
     * back from the run's start over that many non-space code points (any space counts as possibly {@code \\s}), e the
     * run's end plus that many chars; overlapping spans are merged, so each match lies in one. (A run of more than four
     * digits is kept too: a look-behind steps back one char, so a supplementary digit before a year does not count.)
     */
    static int[] yearSpans(String text) {
        return spans(text, 4, false, MAX_BEFORE_YEAR, MAX_AFTER_YEAR);
    }

    /** The same for {@code dd.dd.yy}: its day ends a run of two or more digits followed by a dot. */
    static int[] shortYearSpans(String text) {
        return spans(text, 2, true, 0, SHORT_DATE_AFTER_DAY);
    }

    /**
     * Spans around every run of {@code digits} or more digits (followed by a dot when {@code dotAfter}): from
     * {@code before} non-space code points before the run to {@code after} chars (at most two per code point) after it.
     */
    private static int[] spans(String text, int digits, boolean dotAfter, int before, int after) {
        int[] out = new int[8];
        int n = 0;
        int run = 0;
        int runStart = 0;
        for (int i = 0; i <= text.length(); ) {
            int c = i < text.length() ? text.codePointAt(i) : -1;
            if (c >= 0 && Character.isDigit(c)) {
                if (run++ == 0) {
                    runStart = i;
                }
                i += Character.charCount(c);
                continue;
            }
            if (run >= digits && (!dotAfter || c == '.')) {
                int start = backOverNonSpace(text, runStart, before);
                int end = Math.min(text.length(), i + after);
                if (n > 0 && start <= out[n - 1]) {
                    out[n - 1] = Math.max(out[n - 1], end);
                } else {
                    if (n == out.length) {
                        out = java.util.Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = start;
                    out[n++] = end;
                }
            }
            run = 0;
            i += c >= 0 ? Character.charCount(c) : 1;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The start of the stretch before {@code at} that holds {@code count} code points that are not white space. */
    private static int backOverNonSpace(String text, int at, int count) {
        int i = at;
        int seen = 0;
        while (i > 0) {
            int c = text.codePointBefore(i);
            if (!mayBeSpace(c)) {
                if (seen == count) {
                    break;
                }
                seen++;
            }
            i -= Character.charCount(c);
        }
        return i;
    }

    /** Every code point {@code \s} matches with UNICODE_CHARACTER_CLASS (White_Space), and a few more. */
    static boolean mayBeSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == NEXT_LINE;
    }

    /**
     * False when no pattern of {@link #DATE_PATTERNS} can match: each needs a year of four digits, except the short
     * dotted form, which needs two digits followed by a dot ({@code \\d} is any Unicode decimal digit here).
     */
    static boolean mayHoldDate(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isDigit(c)) {
                if (++run == 4) {
                    return true;
                }
            } else {
                if (c == '.' && run >= 2) {
                    return true;
                }
                run = 0;
            }
        }
        return false;
    }

    private static Optional<Found> toFound(String text, Matcher m, Pattern p) {
        int month;
        int day;
        int year = Integer.parseInt(m.group("y"));
        if (p == MONTH_FIRST || p == DAY_FIRST) {
            Integer byName = MONTHS.get(m.group("m").toLowerCase(Locale.ROOT));
            if (byName == null) {
                return Optional.empty();
            }
            month = byName;
            day = Integer.parseInt(m.group("d"));
        } else if (p == SLASH_DAY_MONTH_YEAR) {
            int a = Integer.parseInt(m.group("a"));
            int b = Integer.parseInt(m.group("b"));
            if (a > MONTHS_IN_YEAR && b <= MONTHS_IN_YEAR || a == b) {
                day = a;
                month = b;
            } else if (b > MONTHS_IN_YEAR && a <= MONTHS_IN_YEAR) {
                day = b;
                month = a;
            } else {
                return Optional.empty();
            }
        } else {
            month = Integer.parseInt(m.group("mo"));
            day = Integer.parseInt(m.group("d"));
        }
        if (p == DOTTED_DMY_SHORT_YEAR) {
            year += year <= TWO_DIGIT_YEAR_PIVOT ? 2000 : 1900;
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        int end = m.end();
        LocalTime time = LocalTime.MIDNIGHT;
        ZoneOffset zone = ZoneOffset.UTC;
        Matcher t = TIME.matcher(text).region(end, text.length()); // ^ anchors at the region start
        if (t.find()) {
            Optional<LocalTime> parsed = time(t);
            if (parsed.isPresent()) {
                time = parsed.get();
                zone = zone(t.group("z"));
                end = t.end();
            }
        }
        return Optional.of(new Found(date.atTime(time).toInstant(zone), m.start(), end, date));
    }

    private static Optional<LocalTime> time(Matcher t) {
        int hour = Integer.parseInt(t.group("h"));
        int minute = Integer.parseInt(t.group("mi"));
        int second = t.group("s") == null ? 0 : Integer.parseInt(t.group("s"));
        String ampm = t.group("ap");
        // "20:26 PM" happens: an hour past noon already is 24-hour time, so the marker is ignored.
        if (ampm != null && hour <= NOON) {
            boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
            hour = pm ? (hour == NOON ? NOON : hour + NOON) : (hour == NOON ? 0 : hour);
        }
        try {
            return Optional.of(LocalTime.of(hour, minute, second));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static ZoneOffset zone(String z) {
        if (z == null || z.equalsIgnoreCase("Z") || z.equalsIgnoreCase("UTC") || z.equalsIgnoreCase("GMT")) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneOffset.of(z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
