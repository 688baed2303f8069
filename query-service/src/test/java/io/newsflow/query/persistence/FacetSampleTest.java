package io.newsflow.query.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
