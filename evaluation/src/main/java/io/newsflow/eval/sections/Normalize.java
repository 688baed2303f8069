package io.newsflow.eval.sections;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Comparable forms of titles, author lists and dates for accuracy figures. */
final class Normalize {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern AUTHOR_SEPARATORS = Pattern.compile("\\s*(?:,|;|/|\\||&|\\band\\b|\\bund\\b|\\bet\\b)\\s*");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\D(\\d{1,2})\\D(\\d{1,2})");
    private static final String EDGE_PUNCTUATION = "[\\s\"'“”„«»‘’.:,;!?-]+";

    private Normalize() {
    }

    static String text(String s) {
        return s == null ? "" : SPACES.matcher(s.replace('\u00A0', ' ')).replaceAll(" ").strip();
    }

    static String title(String s) {
        return text(s).toLowerCase(Locale.ROOT).replaceAll("^" + EDGE_PUNCTUATION, "").replaceAll(EDGE_PUNCTUATION + "$", "");
    }

    /** Lower-case author names split on list separators. */
    static Set<String> authors(Iterable<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            for (String name : AUTHOR_SEPARATORS.split(text(v).toLowerCase(Locale.ROOT))) {
                if (!name.isBlank()) {
                    out.add(name.strip());
                }
            }
        }
        return out;
    }

    /** YYYY-MM-DD from a (possibly slightly malformed) gold date, or null. */
    static String date(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = DATE.matcher(s);
        if (!m.find()) {
            return null;
        }
        return String.format(Locale.ROOT, "%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
}
