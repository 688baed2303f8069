package io.newsflow.enrich.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Near-duplicate detection and same-story grouping tunables (defaults live in application.properties). */
@ConfigMapping(prefix = "newsflow.dedup")
public interface DedupConfig {

    NearDuplicates nearDuplicates();

    Stories stories();

    Expiry expiry();

    /** Schema of the index tables (the service's own, migrated by Flyway). */
    String schema();

    interface NearDuplicates {
        /** Turn near-duplicate detection off (exact duplicates are still found). */
        boolean enabled();

        /** Words per shingle. */
        int shingleSize();

        /** LSH bands x rows = MinHash signature length. */
        int bands();

        int rows();

        /** MinHash seed: all instances must agree (it is part of the stored band keys). */
        long seed();

        /** Verified shingle Jaccard similarity from which a copy is a near-duplicate. */
        double jaccardThreshold();

        /** Share of the smaller text's shingles found in the other from which a truncated copy is a near-duplicate. */
        double containmentThreshold();

        /** Texts with fewer shingles are neither indexed nor matched. */
        int minShingles();

        /** Only originals first seen within this window are matched. */
        Duration window();
    }

    interface Stories {
        boolean enabled();

        /** Stories not updated within this window are not joined any more. */
        Duration window();

        /** Cosine similarity (article terms vs story terms) from which an article joins a story. */
        double threshold();

        /** Salient terms kept per article. */
        int articleTerms();

        /** Terms kept in a story's vector (and its postings). */
        int storyTerms();

        /** Most recently updated stories read per term: bounds the lookup cost whatever the corpus size. */
        int postingsPerTerm();

        /** Weight of a proper-noun term relative to a common content word (text-only features). */
        double properNounWeight();

        /** Weight of a year in the text relative to a common content word (years tell similar events apart). */
        double yearWeight();

        /** Weight of terms in the title relative to the body. */
        double titleWeight();

        /** Body sentences that count as the lead (who, what, where, when; background comes later). */
        int leadSentences();

        /** Weight of terms in the lead relative to the rest of the body. */
        double leadWeight();

        /** Largest share of a compared vector's length that one term may have: a join must rest on several terms. */
        double maxTermShare();

        /** Weight of an enrichment entity relative to a keyword (when the pipeline provides them). */
        double entityWeight();

        /** Weight of a COUNTRY entity relative to other entity types, and of a country name or demonym in the text. */
        double countryShare();

        /** Live stories counted at most for the inverse story frequency (bounded cost). */
        int populationCap();

        /** Background stories assumed in the inverse story frequency (smoothing for a sparse window). */
        int idfPriorStories();

        /** Entity names shown on a story record. */
        int topEntities();

        /** Entity names of one article added to its story's counts. */
        int entitiesPerArticle();
    }

    interface Expiry {
        /** How often old index entries are deleted. */
        Duration interval();

        /** Rows deleted per statement (short transactions). */
        int batchSize();
    }
}
