-- Inverse story frequency from a counter per term instead of counting postings: counting up to 50 postings for each of
-- ~190 terms per article touched thousands of scattered story_term pages, which stay cached only while the index is
-- small (issue 4, scale). The story index keeps the counter in step with story_term in the same transaction
-- (postings added +1, removed -1, rows locked in term order); rows at 0 are swept by the expiry task. No CHECK
-- (stories >= 0): an upsert checks its proposed row, and a decrement proposes -1.
CREATE TABLE story_term_count (
    term    TEXT    PRIMARY KEY,
    stories INTEGER NOT NULL
);
INSERT INTO story_term_count (term, stories) SELECT term, count(*) FROM story_term GROUP BY term;

-- The population for the same formula (how many stories the index holds), as 16 counter rows picked by a hash of the
-- story id: counting live stories read up to 10,000 story rows per article, and a single counter row would serialise
-- every story creation across instances. Writers lock a shard before any term counter (expiry: shards in order).
CREATE TABLE story_count_shard (
    shard   SMALLINT PRIMARY KEY,
    stories INTEGER  NOT NULL
);
INSERT INTO story_count_shard (shard, stories)
SELECT s, (SELECT count(*) FROM story WHERE (hashtext(story_id) & 15) = s) FROM generate_series(0, 15) AS s;
