package io.newsflow.query.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.Problem;

/** entity, story, collapse, facets and sort=ingested parameters; cursors of other lists. */
class QueryExtensionsParserTest {

    private final CursorCodec cursors = new CursorCodec("k", 1024);
    private final SearchRequestParser parser =
            new SearchRequestParser(new SearchRequestParser.Limits(500, 3, 100, 20, 100), cursors);

    private static SearchParameters p(List<String> entity, List<String> story, String collapse, List<String> facets,
            String sort, String cursor) {
        return new SearchParameters(null, null, null, null, null, null, null, sort, null, cursor, entity, story,
                collapse, facets);
    }

    private List<Problem.ItemError> errors(SearchParameters params) {
        return assertThrows(InvalidParametersException.class, () -> parser.parse(params)).errors();
    }

    @Test
    void entitiesStoriesCollapseAndFacetsAreParsed() throws Exception {
        SearchCriteria c = parser.parse(p(List.of("JP", " Fumio Kishida ", "JP"), List.of("s1"), "Story",
                List.of("source,lang", "entity", " day ,"), null, null));
        assertEquals(List.of("JP", "Fumio Kishida"), c.entities());
        assertEquals(List.of("s1"), c.stories());
        assertTrue(c.collapseStories());
        assertEquals(EnumSet.allOf(Facet.class), c.facets());
        SearchCriteria plain = parser.parse(p(null, null, null, null, null, null));
        assertFalse(plain.collapseStories());
        assertTrue(plain.facets().isEmpty());
    }

    @Test
    void unknownFacetOrCollapseAndTooManyEntitiesAreRejected() {
        List<Problem.ItemError> e = errors(p(List.of("a", "b", "c", "d"), null, "source", List.of("source,colour"),
                null, null));
        assertTrue(e.stream().anyMatch(x -> x.field().equals("facets") && x.code().equals("unknown-value")), e::toString);
        assertTrue(e.stream().anyMatch(x -> x.field().equals("collapse")), e::toString);
        assertTrue(e.stream().anyMatch(x -> x.field().equals("entity") && x.code().equals("too-many-values")),
                e::toString);
    }

    @Test
    void ingestedSortHasItsOwnCursor() throws Exception {
        String ingested = cursors.encode(PageKey.ingested(Instant.parse("2024-05-01T00:00:00Z"), "a"));
        SearchCriteria c = parser.parse(p(null, null, null, null, "ingested", ingested));
        assertEquals(SortOrder.INGESTED, c.sort());
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), c.after().time());
        assertTrue(errors(p(null, null, null, null, "published", ingested)).stream()
                .anyMatch(x -> x.field().equals("cursor")));
    }

    @Test
    void listCursorsAreSignedAndBoundToTheirList() throws Exception {
        String cursor = cursors.encodeList("stories:size", List.of("12", "story-a"));
        assertEquals(List.of("12", "story-a"), cursors.decodeList("stories:size", cursor));
        assertThrows(InvalidCursorException.class, () -> cursors.decodeList("stories:activity", cursor));
        assertThrows(InvalidCursorException.class, () -> cursors.decode(cursor), "not an article cursor");
        String article = cursors.encode(PageKey.published(Instant.now(), "a"));
        assertThrows(InvalidCursorException.class, () -> cursors.decodeList("stories:size", article));
        assertThrows(InvalidCursorException.class, () -> cursors.decodeList("stories:size", "x" + cursor));
    }
}
