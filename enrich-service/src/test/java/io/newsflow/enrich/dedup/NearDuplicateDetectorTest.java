package io.newsflow.enrich.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.newsflow.enrich.support.Seeds;

class NearDuplicateDetectorTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private final NearDuplicateDetector detector = new NearDuplicateDetector(new Shingler(3), new MinHashLsh(42, 3, 1),
            0.8, 0.9, 20, Duration.ofDays(30));

    private static String seed() {
        return Seeds.text("000_8f5ed42a42bf4c9d.txt");
    }

    @Test
    void aWrappedCopyIsANearDuplicateOfTheFirstSeenWithItsSimilarity() {
        InMemoryNearDuplicateIndex index = new InMemoryNearDuplicateIndex();
        assertTrue(detector.detect("a", seed(), index, NOW).isEmpty());
        Optional<NearDuplicateMatch> m = detector.detect("b", "Skip to main content\n\n" + seed() + "\n\nShare this", index, NOW);
        assertTrue(m.isPresent());
        assertEquals("a", m.get().originalId());
        assertTrue(m.get().similarity() >= 0.8 && m.get().similarity() < 1.0, "similarity " + m.get().similarity());
        assertEquals(NearDuplicateMatch.JACCARD, m.get().measure());
        // the duplicate owns nothing: a third copy still points at the original
        assertEquals("a", detector.detect("c", seed() + "\n\nMore.", index, NOW).orElseThrow().originalId());
    }

    @Test
    void aTruncatedCopyMatchesByContainment() {
        InMemoryNearDuplicateIndex index = new InMemoryNearDuplicateIndex();
        detector.detect("full", seed(), index, NOW);
        String[] words = seed().split(" ");
        String half = String.join(" ", java.util.Arrays.copyOf(words, words.length / 2));
        NearDuplicateMatch m = detector.detect("half", half, index, NOW).orElseThrow();
        assertEquals(NearDuplicateMatch.CONTAINMENT, m.measure());
        assertTrue(m.jaccard() < 0.8);
    }

    @Test
    void unrelatedArticlesAndReDeliveriesAreNotDuplicates() {
        InMemoryNearDuplicateIndex index = new InMemoryNearDuplicateIndex();
        detector.detect("a", seed(), index, NOW);
        assertTrue(detector.detect("b", Seeds.text("001_929f0c25c448a132.txt"), index, NOW).isEmpty());
        assertTrue(detector.detect("a", seed(), index, NOW).isEmpty(), "the same article again is not its own copy");
    }

    @Test
    void originalsOlderThanTheWindowAreNotMatched() {
        InMemoryNearDuplicateIndex index = new InMemoryNearDuplicateIndex();
        detector.detect("old", seed(), index, NOW.minus(Duration.ofDays(31)));
        assertTrue(detector.detect("new", seed() + " x", index, NOW).isEmpty());
        assertTrue(index.expire(NOW.minus(Duration.ofDays(30))) >= 0);
    }

    @Test
    void shortTextsAreNeverCompared() {
        InMemoryNearDuplicateIndex index = new InMemoryNearDuplicateIndex();
        detector.detect("a", "Breaking: markets fall.", index, NOW);
        assertTrue(detector.detect("b", "Breaking: markets fall.", index, NOW).isEmpty());
    }

    @Test
    void setMeasuresAndBandKeys() {
        int[] a = { 1, 2, 3, 4 };
        int[] b = { 3, 4, 5 };
        assertEquals(2.0 / 5, SetSimilarity.jaccard(a, b), 1e-9);
        assertEquals(2.0 / 3, SetSimilarity.containment(a, b), 1e-9);
        MinHashLsh lsh = new MinHashLsh(42, 3, 1);
        long[] keys = lsh.bandKeys(new Shingler(3).shingles(seed()));
        for (int i = 1; i < keys.length; i++) {
            assertTrue(keys[i - 1] < keys[i], "sorted and distinct");
        }
        assertTrue(lsh.candidateProbability(0.8) > 0.999);
        assertFalse(lsh.candidateProbability(0.1) > 0.1);
    }
}
