package io.newsflow.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrfCounterTest {

    @Test
    void precisionRecallF1() {
        PrfCounter c = new PrfCounter();
        c.add(8, 2, 8);
        assertEquals(0.8, c.precision(), 1e-9);
        assertEquals(0.5, c.recall(), 1e-9);
        assertEquals(2 * 0.8 * 0.5 / 1.3, c.f1(), 1e-9);
    }

    @Test
    void emptyIsZero() {
        PrfCounter c = new PrfCounter();
        assertEquals(0, c.f1());
    }
}
