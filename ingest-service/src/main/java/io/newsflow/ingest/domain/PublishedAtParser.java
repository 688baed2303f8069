package io.newsflow.ingest.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ISO-8601 dates from the envelope. Anything else is left to enrichment (which knows many more formats), so
 * this parser is deliberately strict: a wrong guess here would hide the original text.
 */
final class PublishedAtParser {

    /** RFC 3339 allows a space between date and time; ISO parsers want the 'T'. */
    private static final Pattern SPACE_SEPARATOR = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:)");

    /** Offsets written without a colon ({@code +0100}), as many feeds do. */
    private static final DateTimeFormatter BASIC_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHmm", "Z")
            .toFormatter();

    private PublishedAtParser() {
    }

    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = SPACE_SEPARATOR.matcher(text.strip()).replaceFirst("$1T$2");
        try {
            return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next ISO shape
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next ISO shape
        }
        try {
            return Optional.of(OffsetDateTime.parse(value, BASIC_OFFSET).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next ISO shape
        }
        try {
            return Optional.of(LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try the next ISO shape
        }
        try {
            return Optional.of(LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC)
                    .toInstant());
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }
}
