-- Recent band keys (issue 4, scale). A claim used to insert its ~42 band keys straight into near_dup_band's primary
-- key: random 64-bit keys, so each landed on its own leaf of a B-tree that grows with the corpus (~900 MB at 1M
-- articles). Once that index outgrows memory every claim read, dirtied and (after each checkpoint) logged in full ~42
-- leaves, and the checkpoints those images brought on slowed every commit. Claims now go into this small table, whose
-- primary key keeps "first writer wins" atomic across instances (concurrent claimers of a key always meet here); keys
-- of live articles in near_dup_band are not claimed again. The expiry task moves the keys into near_dup_band in
-- band-key order once this table holds newsflow.dedup.near-duplicates.settle-threshold of them, so each leaf of the
-- large index is written once per move for all the keys that land on it, instead of once per key. Lookups read both
-- tables in one statement (one snapshot, so a key being moved is seen in exactly one of them).
CREATE TABLE near_dup_band_recent (
    band_key      BIGINT      PRIMARY KEY,
    article_id    TEXT        NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL
);
