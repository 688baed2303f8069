package io.newsflow.enrich.domain;

/**
 * The shared memory of the enrichment step: which body each article id had (versions) and which id first
 * carried each content hash (exact duplicates). Implementations must be correct when several enrich
 * instances register concurrently, and idempotent: registering the same id and hash again returns the same
 * answer.
 */
public interface ArticleRegistry {

    /**
     * Records that article {@code id} now has content {@code contentHash}.
     *
     * @throws RuntimeException when the store cannot be reached (the caller retries)
     */
    Registration register(String id, String contentHash);
}
