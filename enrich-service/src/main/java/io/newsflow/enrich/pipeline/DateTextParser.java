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
        for (Pattern p : DATE_PATTERNS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                Optional<Found> f = toFound(text, m, p);
                if (f.isPresent()) {
                    found.add(f.get());
                    break;
                }
            }
        }
        return found.stream().min(Comparator.comparingInt(Found::start));
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
