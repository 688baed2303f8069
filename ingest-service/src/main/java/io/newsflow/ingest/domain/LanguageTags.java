package io.newsflow.ingest.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Plausibility check and case normalisation of BCP-47 language tags (RFC 5646 well-formedness, no registry). */
final class LanguageTags {

    private static final Pattern WELL_FORMED = Pattern.compile(
            "[a-z]{2,3}(?:-[a-z]{3}){0,3}" // ISO 639 language (+ extlang); 4-8 letter subtags are unassigned
                    + "(?:-[a-z]{4})?" // script
                    + "(?:-(?:[a-z]{2}|\\d{3}))?" // region
                    + "(?:-(?:[a-z\\d]{5,8}|\\d[a-z\\d]{3}))*" // variants
                    + "(?:-[a-wyz\\d](?:-[a-z\\d]{2,8})+)*" // extensions
                    + "(?:-x(?:-[a-z\\d]{1,8})+)?" // private use
                    + "|x(?:-[a-z\\d]{1,8})+",
            Pattern.CASE_INSENSITIVE);

    private LanguageTags() {
    }

    /**
     * The tag in canonical case ({@code en-GB}, {@code zh-Hant-TW}), or empty when it is not well-formed.
     * Java-style underscores ({@code en_US}) are accepted as hyphens: publishers send them often enough.
     */
    static Optional<String> normalize(String tag) {
        String value = tag.strip().replace('_', '-');
        if (!WELL_FORMED.matcher(value).matches()) {
            return Optional.empty();
        }
        String[] parts = value.split("-");
        StringBuilder sb = new StringBuilder(value.length());
        boolean inExtension = false; // after a singleton (-u-, -x-) subtags keep lower case
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i > 0) {
                sb.append('-');
            }
            inExtension |= part.length() == 1;
            if (i > 0 && !inExtension && part.length() == 2 && Character.isLetter(part.charAt(0))) {
                sb.append(part.toUpperCase(Locale.ROOT));
            } else if (i > 0 && !inExtension && part.length() == 4 && part.chars().allMatch(Character::isLetter)) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(Locale.ROOT));
            } else {
                sb.append(part.toLowerCase(Locale.ROOT));
            }
        }
        return Optional.of(sb.toString());
    }
}
