package io.newsflow.query.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.Problem;

class SearchRequestParserTest {

    private static final int MAX_Q = 500;
    private final CursorCodec cursors = new CursorCodec("k", 1024);
    private final SearchRequestParser parser =
            new SearchRequestParser(new SearchRequestParser.Limits(MAX_Q, 3, 100, 20, 100), cursors);

    private static SearchParameters params() {
        return new SearchParameters(null, null, null, null, null, null, null, null, null, null);
    }

    private static SearchParameters with(String name, String value) {
        SearchParameters p = params();
        return new SearchParameters(
                name.equals("q") ? value : p.q(),
                name.equals("source") ? List.of(value) : p.source(),
                name.equals("lang") ? List.of(value) : p.lang(),
                name.equals("from") ? value : p.from(),
                name.equals("to") ? value : p.to(),
                name.equals("url") ? value : p.url(),
                name.equals("duplicates") ? value : p.duplicates(),
                name.equals("sort") ? value : p.sort(),
                name.equals("limit") ? value : p.limit(),
                name.equals("cursor") ? value : p.cursor());
    }

    private List<Problem.ItemError> errorsOf(SearchParameters p) {
        return assertThrows(InvalidParametersException.class, () -> parser.parse(p)).errors();
    }

    private void assertRejected(SearchParameters p, String field, String code) {
        List<Problem.ItemError> errors = errorsOf(p);
        assertTrue(errors.stream().anyMatch(e -> field.equals(e.field()) && code.equals(e.code())),
                () -> "expected " + field + "/" + code + " in " + errors);
    }

    @Test
    void defaults() throws Exception {
        SearchCriteria c = parser.parse(params());
        assertNull(c.query());
        assertEquals(20, c.limit());
        assertEquals(SortOrder.PUBLISHED, c.sort());
        assertEquals(DuplicatesMode.EXCLUDE, c.duplicates());
        assertTrue(c.sources().isEmpty());
        assertNull(c.after());
    }

    @Test
    void blankValuesCountAsAbsent() throws Exception {
        SearchCriteria c = parser.parse(new SearchParameters("  ", List.of(""), List.of(" "), "", " ", "", "", "",
                "", ""));
        assertNull(c.query());
        assertTrue(c.sources().isEmpty());
        assertTrue(c.languages().isEmpty());
        assertEquals(20, c.limit());
    }

    @Test
    void queryLengthIsLimited() throws Exception {
        assertEquals("x".repeat(MAX_Q), parser.parse(with("q", "x".repeat(MAX_Q))).query());
        assertRejected(with("q", "x".repeat(MAX_Q + 1)), "q", ParameterErrors.TOO_LONG);
    }

    @Test
    void limitMustBeAWholeNumberInRange() throws Exception {
        assertEquals(1, parser.parse(with("limit", "1")).limit());
        assertEquals(100, parser.parse(with("limit", "100")).limit());
        assertRejected(with("limit", "0"), "limit", ParameterErrors.OUT_OF_RANGE);
        assertRejected(with("limit", "101"), "limit", ParameterErrors.OUT_OF_RANGE);
        assertRejected(with("limit", "-5"), "limit", ParameterErrors.OUT_OF_RANGE);
        assertRejected(with("limit", "ten"), "limit", ParameterErrors.NOT_A_NUMBER);
        assertRejected(with("limit", "99999999999"), "limit", ParameterErrors.NOT_A_NUMBER);
    }

    @Test
    void datesAndDateTimes() throws Exception {
        SearchParameters p = new SearchParameters(null, null, null, "2024-05-01", "2024-05-31", null, null, null,
                null, null);
        SearchCriteria c = parser.parse(p);
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), c.publishedFrom());
        // "to" a date covers the whole day
        assertEquals(Instant.parse("2024-06-01T00:00:00Z"), c.publishedBefore());

        c = parser.parse(new SearchParameters(null, null, null, "2024-05-01T10:00:00+02:00",
                "2024-05-01T12:00:00Z", null, null, null, null, null));
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"), c.publishedFrom());
        // "to" a date-time is inclusive to the microsecond
        assertEquals(Instant.parse("2024-05-01T12:00:00.000001Z"), c.publishedBefore());

        assertEquals(Instant.parse("2024-05-01T10:15:30Z"),
                parser.parse(with("from", "2024-05-01T10:15:30")).publishedFrom());
    }

    @Test
    void badDatesAreRejected() {
        for (String bad : new String[] {"yesterday", "2024-13-01", "2024-02-30", "01/05/2024", "2024-05-01T25:00Z"}) {
            assertRejected(with("from", bad), "from", ParameterErrors.BAD_DATE);
            assertRejected(with("to", bad), "to", ParameterErrors.BAD_DATE);
        }
    }

    @Test
    void fromAfterToIsRejected() {
        assertRejected(new SearchParameters(null, null, null, "2024-06-01", "2024-05-01", null, null, null, null,
                null), "from", ParameterErrors.BAD_RANGE);
    }

    @Test
    void sortAndDuplicatesValues() throws Exception {
        assertEquals(DuplicatesMode.ONLY, parser.parse(with("duplicates", "only")).duplicates());
        assertEquals(DuplicatesMode.INCLUDE, parser.parse(with("duplicates", "INCLUDE")).duplicates());
        assertRejected(with("duplicates", "maybe"), "duplicates", ParameterErrors.UNKNOWN_VALUE);
        assertRejected(with("sort", "newest"), "sort", ParameterErrors.UNKNOWN_VALUE);
        assertRejected(with("sort", "relevance"), "sort", ParameterErrors.NEEDS_QUERY);
        SearchCriteria c = parser.parse(new SearchParameters("quake", null, null, null, null, null, null,
                "relevance", null, null));
        assertEquals(SortOrder.RELEVANCE, c.sort());
    }

    @Test
    void urlIsCanonicalisedAndImpliesDuplicatesInclude() throws Exception {
        SearchCriteria c = parser.parse(with("url", "https://www.Example.com/news/a/?utm_source=x#top"));
        assertEquals("https://example.com/news/a", c.canonicalUrl());
        assertEquals(ArticleIds.derive("http://example.com/news/a", null, null, null), c.urlArticleId());
        assertEquals(DuplicatesMode.INCLUDE, c.duplicates());
        SearchCriteria explicit = parser.parse(new SearchParameters(null, null, null, null, null,
                "https://example.com/a", "exclude", null, null, null));
        assertEquals(DuplicatesMode.EXCLUDE, explicit.duplicates());
        assertRejected(with("url", "not a url"), "url", ParameterErrors.BAD_URL);
        assertRejected(with("url", "ftp://example.com/file"), "url", ParameterErrors.BAD_URL);
    }

    @Test
    void languagesAreNormalisedAndValidated() throws Exception {
        SearchCriteria c = parser.parse(new SearchParameters(null, null, List.of("EN", "de_AT", "und"), null, null,
                null, null, null, null, null));
        assertEquals(List.of("en", "de-at", "und"), c.languages());
        assertRejected(with("lang", "english!"), "lang", ParameterErrors.BAD_LANGUAGE);
    }

    @Test
    void repeatableFiltersAreDeduplicatedAndCapped() throws Exception {
        SearchCriteria c = parser.parse(new SearchParameters(null, List.of("a", "b", "a"), null, null, null, null,
                null, null, null, null));
        assertEquals(List.of("a", "b"), c.sources());
        assertRejected(new SearchParameters(null, Arrays.asList("a", "b", "c", "d"), null, null, null, null, null,
                null, null, null), "source", ParameterErrors.TOO_MANY);
        assertRejected(with("source", "s".repeat(101)), "source", ParameterErrors.TOO_LONG);
    }

    @Test
    void cursorMustBeValidAndMatchTheSort() throws Exception {
        String published = cursors.encode(PageKey.published(Instant.parse("2024-05-01T00:00:00Z"), "a"));
        SearchCriteria c = parser.parse(with("cursor", published));
        assertNotNull(c.after());
        assertEquals("a", c.after().id());
        assertRejected(with("cursor", published + "x"), "cursor", ParameterErrors.BAD_CURSOR);
        assertRejected(new SearchParameters("q", null, null, null, null, null, null, "relevance", null, published),
                "cursor", ParameterErrors.BAD_CURSOR);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<Problem.ItemError> errors = errorsOf(new SearchParameters(null, null, null, "nope", null, null, "x",
                "y", "0", "garbage"));
        assertEquals(List.of("from", "duplicates", "sort", "limit", "cursor"),
                errors.stream().map(Problem.ItemError::field).toList());
    }
}
