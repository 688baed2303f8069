package io.newsflow.query.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The named parameters of the SQL the search builds, turned into JDBC's positional ones. */
class SqlFilterTest {

    @Test
    void namedParametersBecomePositionalOutsideQuotesAndCasts() {
        SqlFilter f = new SqlFilter();
        f.params.put("q", "war");
        f.listParams.put("sources", List.of("a.example", "b.example"));
        List<Object> values = new ArrayList<>();

        String sql = f.positional("SELECT :q::text, ':q', \"x:q\" FROM {h-schema}article"
                + " WHERE source IN (:sources) AND q = :q", "query", values);

        assertEquals("SELECT ?::text, ':q', \"x:q\" FROM query.article WHERE source IN (?, ?) AND q = ?", sql);
        assertEquals(List.of("war", "a.example", "b.example", "war"), values);
    }

    @Test
    void aParameterWithoutAValueIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> new SqlFilter().positional("SELECT :missing", "query", new ArrayList<>()));
    }
}
