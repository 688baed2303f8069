package io.newsflow.query.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FacetSampleTest {

    @Test
    void countsEveryMatchUpToTheExactLimit() {
        assertEquals(ArticleSearch.SAMPLE_BUCKETS, ArticleSearch.sampleBuckets(5_000, 5_000, 2_000));
        assertEquals(ArticleSearch.SAMPLE_BUCKETS, ArticleSearch.sampleBuckets(0, 0, 1));
    }

    @Test
    void samplesAboutTheRequestedNumberOfMatchesAbove() {
        // 70,000 matches, ~2,000 wanted: 30 of 1024 buckets (2.9 %, ~2,050 rows).
        assertEquals(30, ArticleSearch.sampleBuckets(70_000, 5_000, 2_000));
        assertEquals(512, ArticleSearch.sampleBuckets(10_000, 5_000, 5_000));
    }

    @Test
    void neverSamplesLessThanOneBucketNorMoreThanAll() {
        assertEquals(1, ArticleSearch.sampleBuckets(Long.MAX_VALUE, 5_000, 2_000));
        assertEquals(1, ArticleSearch.sampleBuckets(2_000_000, 0, 1));
        assertEquals(ArticleSearch.SAMPLE_BUCKETS, ArticleSearch.sampleBuckets(6_000, 5_000, 10_000));
    }

    /** At 1M rows, 2,000 sampled, an index entry at 0.025 of a counted match (the defaults). */
    private static boolean sampled(long matches) {
        ArticleSearch.Probe probe = new ArticleSearch.Probe(matches, 1_000_000);
        return ArticleSearch.sampleCheaper(probe, ArticleSearch.sampleBuckets(matches, 2_000, 2_000), 0.025);
    }

    @Test
    void samplesOnlyWhenThatCostsLessThanCountingEveryMatch() {
        assertTrue(sampled(77_000), "a common term: 28 buckets, 27,000 index entries for 77,000 matches");
        assertTrue(sampled(15_400), "football: 133 buckets");
        assertFalse(sampled(5_500), "climate: 373 buckets would read 364,000 index entries for 5,500 matches");
        // the break-even: share * (rows * cost + matches) = matches, about 8,100 matches here
        assertFalse(sampled(8_000));
        assertTrue(sampled(8_400));
        assertFalse(ArticleSearch.sampleCheaper(new ArticleSearch.Probe(5_000, 1_000_000),
                ArticleSearch.SAMPLE_BUCKETS, 0.025), "all buckets are no sample");
        assertTrue(ArticleSearch.sampleCheaper(new ArticleSearch.Probe(3, 1_000), 1, 0.025),
                "the smallest sample of a small table");
    }
}
