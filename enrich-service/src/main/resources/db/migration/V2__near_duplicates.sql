-- Near-duplicate index (MinHash/LSH). Each band key is owned by the first live article that claimed it: the primary
-- key makes "first writer wins" atomic across any number of enrich-service instances. Duplicates own no keys.
CREATE TABLE near_dup_band (
    band_key      BIGINT      PRIMARY KEY,
    article_id    TEXT        NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX near_dup_band_article_idx ON near_dup_band (article_id);
CREATE INDEX near_dup_band_seen_idx ON near_dup_band (first_seen_at);

-- Shingle hash sets (sorted 32-bit big-endian ints) of indexed originals, for exact verification of candidates.
CREATE TABLE near_dup_fingerprint (
    article_id    TEXT        PRIMARY KEY,
    shingles      BYTEA       NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX near_dup_fingerprint_seen_idx ON near_dup_fingerprint (first_seen_at);
