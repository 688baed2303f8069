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
