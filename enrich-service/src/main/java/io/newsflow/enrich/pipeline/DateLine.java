package io.newsflow.enrich.pipeline;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a line near the top of an article carries a date: a pure date header ("Monday, April 22, 2024"), a
 * labelled prefix (" date 2021-12-25 Amid rising ..."), a leading date, or a news dateline
 * ("WASHINGTON, Dec. 23, 2021 -- ...").
 */
public record DateLine(Kind kind, Instant instant, String remainder) {

    public enum Kind {
        /** The line is only a date (with weekday, label, time): drop it from the body. */
        PURE,
        /** A label and a date start the line, body text follows: strip the prefix. */
        LABELLED_PREFIX,
        /** The line starts with a date and goes on: keep it. */
        LEADING,
        /** An upper-case place name then the date: keep it. */
        DATELINE,
        NONE
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern WEEKDAYS = Pattern.compile("\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
            + "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\b\\.?", FLAGS);
    private static final Pattern LABEL = Pattern.compile("(?:date|dated|published(?: on)?|posted(?: on)?|updated(?: on)?"
            + "|last updated|first published|datum|veröffentlicht(?: am)?|aktualisiert(?: am)?|stand|publié(?: le)?"
            + "|mis à jour(?: le)?|le|on|am)", FLAGS);
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;:|/·•()\\[\\]–—-]+");
    private static final Pattern DATELINE_PLACE = Pattern.compile("(?-i)\\p{Lu}[\\p{Lu} .'’-]{1,40}(?:,\\s*[\\p{L} .]{2,30})?[,\\s(]*",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s,;:|–—-]+");

    public static DateLine none() {
        return new DateLine(Kind.NONE, null, null);
    }

    public static DateLine analyse(String line, DateTextParser parser) {
        Optional<DateTextParser.Found> found = parser.find(line);
        if (found.isEmpty()) {
            return none();
        }
        DateTextParser.Found f = found.get();
        String before = line.substring(0, f.start());
        String after = line.substring(f.end());
        String beforeCore = strip(WEEKDAYS.matcher(before).replaceAll(" "));
        String afterCore = strip(WEEKDAYS.matcher(after).replaceAll(" "));
        boolean labelled = !beforeCore.isEmpty() && LABEL.matcher(beforeCore).matches();
        if ((beforeCore.isEmpty() || labelled) && (afterCore.isEmpty() || LABEL.matcher(afterCore).matches())) {
            return new DateLine(Kind.PURE, f.instant(), "");
        }
        if (labelled) {
            return new DateLine(Kind.LABELLED_PREFIX, f.instant(), LEADING_SEPARATORS.matcher(after).replaceFirst(""));
        }
        if (beforeCore.isEmpty()) {
            return new DateLine(Kind.LEADING, f.instant(), line);
        }
        if (DATELINE_PLACE.matcher(before).matches()) {
            return new DateLine(Kind.DATELINE, f.instant(), line);
        }
        return none();
    }

    /** True when the line is nothing but a date header. */
    public static boolean isPureDate(String line, DateTextParser parser) {
        return analyse(line, parser).kind() == Kind.PURE;
    }

    private static String strip(String s) {
        return SEPARATORS.matcher(s).replaceAll(" ").strip();
    }
}
