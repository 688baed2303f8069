package io.newsflow.enrich.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void retriesWithGrowingCappedDelaysUntilItWorks() {
        List<Duration> slept = new ArrayList<>();
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(300), 2.0, 0, slept::add);
        AtomicInteger calls = new AtomicInteger();
        List<Integer> attempts = new ArrayList<>();
        String result = backoff.call(() -> {
            if (calls.incrementAndGet() < 5) {
                throw new IllegalStateException("database down");
            }
            return "ok";
        }, (attempt, error, delay) -> attempts.add(attempt));
        assertEquals("ok", result);
        assertEquals(List.of(1, 2, 3, 4), attempts);
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300)),
                slept);
    }

    @Test
    void givesUpAfterMaxAttemptsWhenLimited() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 2.0, 3, d -> { });
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> backoff.call(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("still down");
        }, (a, e, d) -> { }));
        assertEquals(3, calls.get());
    }
}
