package io.newsflow.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShingleScorerTest {

    @Test
    void identicalTextsScoreOne() {
        ShingleScorer s = new ShingleScorer();
        s.add("one two three four five", "one, two; three four five!");
        assertEquals(1.0, s.precision(), 1e-9);
        assertEquals(1.0, s.recall(), 1e-9);
        assertEquals(1.0, s.f1(), 1e-9);
    }

    @Test
    void countsFourGramMultisetsNormalisedPerDocument() {
        // gold 4-grams: (a b c d), (b c d e); predicted: (a b c d), (b c d x)
        ShingleScorer.Counts c = ShingleScorer.match("a b c d e", "a b c d x");
        assertEquals(1 / 3.0, c.tp(), 1e-9);
        assertEquals(1 / 3.0, c.fp(), 1e-9);
        assertEquals(1 / 3.0, c.fn(), 1e-9);
    }

    @Test
    void averagesPrecisionAndRecallOverDocumentsAndSkipsEmptyPredictionsForPrecision() {
        ShingleScorer s = new ShingleScorer();
        s.add("a b c d e", "a b c d e extra words here now"); // P = 2/6, R = 1
        s.add("a b c d e", ""); // no prediction: recall 0, not part of precision
        assertEquals(2 / 6.0, s.precision(), 1e-9);
        assertEquals(0.5, s.recall(), 1e-9);
        assertEquals(2, s.documents());
    }

    @Test
    void tokensAreUnicodeWords() {
        assertEquals(java.util.List.of("Müller", "sagte", "ça", "va"), ShingleScorer.tokens("Müller sagte: «ça va»"));
    }
}
