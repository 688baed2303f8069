package io.newsflow.query.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.Problem;
import io.newsflow.contracts.UrlCanonicalizer;

/**
 * Turns raw search parameters into {@link SearchCriteria}, collecting every problem (not just the first) so a
 * client can fix its request in one go.
 */
public final class SearchRequestParser {

    /** BCP-47-ish: a 2-3 letter primary subtag (or "und") and optional subtags. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8})*");

    /**
     * Limits of a search request.
     *
     * @param maxQueryLength       longest accepted {@code q}
     * @param maxFilterValues      most values of one repeatable filter
     * @param maxFilterValueLength longest value of a filter
     * @param defaultLimit         page size when {@code limit} is absent
     * @param maxLimit             largest accepted {@code limit}
     */
    public record Limits(int maxQueryLength, int maxFilterValues, int maxFilterValueLength, int defaultLimit,
            int maxLimit) {
    }

    private final Limits limits;
    private final CursorCodec cursors;

    public SearchRequestParser(Limits limits, CursorCodec cursors) {
        this.limits = limits;
        this.cursors = cursors;
    }

    public SearchCriteria parse(SearchParameters p) throws InvalidParametersException {
        List<Problem.ItemError> errors = new ArrayList<>();

        String query = blankToNull(p.q());
        if (query != null && query.length() > limits.maxQueryLength()) {
            errors.add(error("q", ParameterErrors.TOO_LONG,
                    "q is " + query.length() + " characters long; at most " + limits.maxQueryLength() + " allowed"));
        }

        List<String> sources = filterValues("source", p.source(), errors);
        List<String> languages = new ArrayList<>();
        for (String lang : filterValues("lang", p.lang(), errors)) {
            String tag = lang.toLowerCase(Locale.ROOT).replace('_', '-');
            if (LANGUAGE_TAG.matcher(tag).matches()) {
                languages.add(tag);
            } else {
                errors.add(error("lang", ParameterErrors.BAD_LANGUAGE,
                        "'" + lang + "' is not a language tag such as en or de"));
            }
        }

        Instant from = parseTime("from", p.from(), false, errors);
        Instant before = parseTime("to", p.to(), true, errors);
        if (from != null && before != null && !from.isBefore(before)) {
            errors.add(error("from", ParameterErrors.BAD_RANGE, "from must not be after to"));
        }

        String canonicalUrl = null;
        String urlArticleId = null;
        String url = blankToNull(p.url());
        if (url != null) {
            Optional<String> canonical = url.length() > limits.maxFilterValueLength()
                    ? Optional.empty()
                    : UrlCanonicalizer.canonicalize(url);
            if (canonical.isPresent()) {
                canonicalUrl = canonical.get();
                urlArticleId = ArticleIds.derive(url, null, null, null);
            } else {
                errors.add(error("url", ParameterErrors.BAD_URL, "url must be an absolute http(s) URL of at most "
                        + limits.maxFilterValueLength() + " characters"));
            }
        }

        DuplicatesMode duplicates = url != null ? DuplicatesMode.INCLUDE : DuplicatesMode.EXCLUDE;
        String duplicatesValue = blankToNull(p.duplicates());
        if (duplicatesValue != null) {
            Optional<DuplicatesMode> mode = DuplicatesMode.fromParameter(duplicatesValue);
            if (mode.isPresent()) {
                duplicates = mode.get();
            } else {
                errors.add(error("duplicates", ParameterErrors.UNKNOWN_VALUE,
                        "duplicates must be one of exclude, include, only"));
            }
        }

        SortOrder sort = SortOrder.PUBLISHED;
        String sortValue = blankToNull(p.sort());
        if (sortValue != null) {
            Optional<SortOrder> parsed = SortOrder.fromParameter(sortValue);
            if (parsed.isEmpty()) {
                errors.add(error("sort", ParameterErrors.UNKNOWN_VALUE,
                        "sort must be one of published, relevance, ingested"));
            } else if (parsed.get() == SortOrder.RELEVANCE && query == null) {
                errors.add(error("sort", ParameterErrors.NEEDS_QUERY, "sort=relevance needs a query q"));
            } else {
                sort = parsed.get();
            }
        }

        int limit = parseLimit(p.limit(), errors);

        PageKey after = null;
        String cursor = blankToNull(p.cursor());
        if (cursor != null) {
            try {
                after = cursors.decode(cursor);
                if (after.sort() != sort) {
                    errors.add(error("cursor", ParameterErrors.BAD_CURSOR,
                            "cursor belongs to sort=" + after.sort().parameterValue()));
                }
            } catch (InvalidCursorException e) {
                errors.add(error("cursor", ParameterErrors.BAD_CURSOR, e.getMessage()));
            }
        }

        List<String> entities = filterValues("entity", p.entity(), errors);
        List<String> stories = filterValues("story", p.story(), errors);

        boolean collapse = false;
        String collapseValue = blankToNull(p.collapse());
        if (collapseValue != null) {
            if ("story".equals(collapseValue.toLowerCase(Locale.ROOT))) {
                collapse = true;
            } else {
                errors.add(error("collapse", ParameterErrors.UNKNOWN_VALUE, "collapse must be story"));
            }
        }

        Set<Facet> facets = EnumSet.noneOf(Facet.class);
        for (String raw : p.facets()) {
            for (String name : raw == null ? new String[0] : raw.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                Optional<Facet> facet = name.length() > limits.maxFilterValueLength()
                        ? Optional.empty() : Facet.fromParameter(name);
                if (facet.isPresent()) {
                    facets.add(facet.get());
                } else {
                    errors.add(error("facets", ParameterErrors.UNKNOWN_VALUE,
                            "unknown facet '" + abbreviate(name.trim()) + "'; facets are source, lang, entity, day"));
                }
            }
        }

        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return new SearchCriteria(query, sources, languages, from, before, canonicalUrl, urlArticleId, duplicates,
                sort, limit, after, entities, stories, null, collapse, facets);
    }

    /** Echoing a client's value in an error is useful, echoing megabytes is not. */
    private static String abbreviate(String value) {
        int max = 40;
        return value.length() <= max ? value : value.substring(0, max) + "…";
    }

    /**
     * Parses only the filters shared by every list (q, source, lang, entity, story, from/to, duplicates); for
     * endpoints that have their own paging and ordering (stories, entities, histogram, stream).
     */
    public SearchCriteria parseFilters(SearchParameters p) throws InvalidParametersException {
        return parse(new SearchParameters(p.q(), p.source(), p.lang(), p.from(), p.to(), p.url(), p.duplicates(),
                null, null, null, p.entity(), p.story(), null, null));
    }

    /** A limit parameter of another list, with this parser's bounds. */
    public int parseLimit(String raw) throws InvalidParametersException {
        List<Problem.ItemError> errors = new ArrayList<>();
        int limit = parseLimit(raw, errors);
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return limit;
    }

    /** An error about one parameter, as the parser reports it. */
    public static InvalidParametersException invalid(String field, String code, String message) {
        return new InvalidParametersException(List.of(error(field, code, message)));
    }

    private List<String> filterValues(String name, List<String> raw, List<Problem.ItemError> errors) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String value : raw) {
            String v = blankToNull(value);
            if (v == null) {
                continue;
            }
            if (v.length() > limits.maxFilterValueLength()) {
                errors.add(error(name, ParameterErrors.TOO_LONG,
                        name + " values are at most " + limits.maxFilterValueLength() + " characters"));
            } else {
                values.add(v);
            }
        }
        if (values.size() > limits.maxFilterValues()) {
            errors.add(error(name, ParameterErrors.TOO_MANY,
                    "at most " + limits.maxFilterValues() + " values of " + name + " allowed"));
        }
        return new ArrayList<>(values);
    }

    /**
     * An ISO date or date-time as an instant. Dates and zone-less date-times are UTC. As an upper bound
     * ({@code exclusiveEnd}) the value is inclusive: a date covers its whole day, a date-time its microsecond
     * (PostgreSQL's precision), so the returned instant is the first one after it.
     */
    private static Instant parseTime(String name, String raw, boolean exclusiveEnd, List<Problem.ItemError> errors) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            LocalDate start = exclusiveEnd ? date.plusDays(1) : date;
            return start.atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            // try date-time forms below
        }
        Instant instant = null;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                instant = LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                errors.add(error(name, ParameterErrors.BAD_DATE,
                        name + " must be an ISO date (2024-05-01) or date-time (2024-05-01T12:00:00Z)"));
                return null;
            }
        }
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return exclusiveEnd ? micros.plus(1, ChronoUnit.MICROS) : micros;
    }

    private int parseLimit(String raw, List<Problem.ItemError> errors) {
        String value = blankToNull(raw);
        if (value == null) {
            return limits.defaultLimit();
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            errors.add(error("limit", ParameterErrors.NOT_A_NUMBER, "limit must be a whole number"));
            return limits.defaultLimit();
        }
        if (limit < 1 || limit > limits.maxLimit()) {
            errors.add(error("limit", ParameterErrors.OUT_OF_RANGE,
                    "limit must be between 1 and " + limits.maxLimit()));
        }
        return limit;
    }

    private static Problem.ItemError error(String field, String code, String message) {
        return new Problem.ItemError(null, field, code, message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
