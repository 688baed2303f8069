package io.newsflow.query.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** tsquery text as PostgreSQL prints it (websearch_to_tsquery's output). */
class TsQueryTest {

    @Test
    void precedenceIsNotThenPhraseThenAndThenOr() {
        TsQuery q = TsQuery.parse("'a' | 'b' & !'c' <-> 'd'");
        TsQuery.Or or = (TsQuery.Or) q.root();
        assertEquals("a", ((TsQuery.Operand) or.left()).lexeme());
        TsQuery.And and = (TsQuery.And) or.right();
        TsQuery.Phrase phrase = (TsQuery.Phrase) and.right();
        assertEquals(1, phrase.distance());
        assertTrue(((TsQuery.Operand) ((TsQuery.Not) phrase.left()).arg()).negated());
        assertEquals(4, q.operands().size());
    }

    @Test
    void readsQuotedLexemesDistancesAndPrefixes() {
        TsQuery q = TsQuery.parse("( 'it''s' <2> 'x\\\\y' ) & 'pre':*");
        assertEquals("it's", q.operands().get(0).lexeme());
        assertEquals("x\\y", q.operands().get(1).lexeme());
        assertTrue(q.operands().get(2).prefix());
        assertEquals(2, ((TsQuery.Phrase) ((TsQuery.And) q.root()).left()).distance());
    }

    @Test
    void emptyTextIsTheEmptyQueryAndGarbageIsRefused() {
        assertNull(TsQuery.parse("").root());
        assertThrows(IllegalArgumentException.class, () -> TsQuery.parse("'a' &"));
        assertThrows(IllegalArgumentException.class, () -> TsQuery.parse("'a"));
    }
}
