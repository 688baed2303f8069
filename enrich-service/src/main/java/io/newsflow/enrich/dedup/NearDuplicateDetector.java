package io.newsflow.enrich.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an article is a near-duplicate (syndicated copy, small edits, truncation, other chrome) of an
 * earlier one: MinHash/LSH band keys find candidates, exact shingle Jaccard and containment verify them. The
 * same logic runs against the PostgreSQL index in the service and the in-memory one in the evaluation.
 */
public final class NearDuplicateDetector {

    private final Shingler shingler;
    private final MinHashLsh lsh;
    private final double jaccardThreshold;
    private final double containmentThreshold;
    private final int minShingles;
    private final Duration window;

    public NearDuplicateDetector(Shingler shingler, MinHashLsh lsh, double jaccardThreshold, double containmentThreshold,
            int minShingles, Duration window) {
        this.shingler = shingler;
        this.lsh = lsh;
        this.jaccardThreshold = jaccardThreshold;
        this.containmentThreshold = containmentThreshold;
        this.minShingles = minShingles;
        this.window = window;
    }

    public Fingerprint fingerprint(String text) {
        int[] shingles = shingler.shingles(text);
        return new Fingerprint(shingles, lsh.bandKeys(shingles));
    }

    /** True when the text is long enough for a meaningful comparison (else it is never indexed nor matched). */
    public boolean comparable(Fingerprint fp) {
        return fp.shingles().length >= minShingles;
    }

    /**
     * Registers the article in {@code index} and returns the original it duplicates, if any. Idempotent: the same
     * article again gets the same answer (its own keys are not a match).
     */
    public Optional<NearDuplicateMatch> detect(String articleId, String text, NearDuplicateIndex index, Instant now) {
        Fingerprint fp = fingerprint(text);
        if (!comparable(fp)) {
            return Optional.empty();
        }
        Set<String> owners = index.claim(articleId, fp, now, now.minus(window));
        if (owners.isEmpty()) {
            return Optional.empty();
        }
        Optional<NearDuplicateMatch> best = bestMatch(fp.shingles(), index.shingles(owners));
        best.ifPresent(m -> index.release(articleId, fp.bandKeys()));
        return best;
    }

    /** The most similar verified candidate (ties: smallest id, so every instance picks the same one). */
    public Optional<NearDuplicateMatch> bestMatch(int[] shingles, Map<String, int[]> candidates) {
        NearDuplicateMatch best = null;
        for (Map.Entry<String, int[]> c : candidates.entrySet()) {
            Optional<NearDuplicateMatch> m = verify(c.getKey(), shingles, c.getValue());
            if (m.isPresent() && (best == null || m.get().similarity() > best.similarity()
                    || m.get().similarity() == best.similarity() && m.get().originalId().compareTo(best.originalId()) < 0)) {
                best = m.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The decision rule on exact set measures: Jaccard at the threshold, or containment of the smaller text. */
    public Optional<NearDuplicateMatch> verify(String candidateId, int[] shingles, int[] candidate) {
        if (candidate.length < minShingles) {
            return Optional.empty();
        }
        double jaccard = SetSimilarity.jaccard(shingles, candidate);
        double containment = SetSimilarity.containment(shingles, candidate);
        if (jaccard >= jaccardThreshold) {
            return Optional.of(new NearDuplicateMatch(candidateId, jaccard, NearDuplicateMatch.JACCARD, jaccard, containment));
        }
        if (containment >= containmentThreshold) {
            return Optional.of(new NearDuplicateMatch(candidateId, containment, NearDuplicateMatch.CONTAINMENT, jaccard,
                    containment));
        }
        return Optional.empty();
    }

    public boolean isDuplicate(int[] a, int[] b) {
        return verify("", a, b).isPresent();
    }

    public Shingler shingler() {
        return shingler;
    }

    public double jaccardThreshold() {
        return jaccardThreshold;
    }

    public double containmentThreshold() {
        return containmentThreshold;
    }

    public Duration window() {
        return window;
    }
}
