-- Fewer index entries per article (issue 4, scale). Every entry an article writes into a large B-tree lands on a leaf
-- chosen by its key; once the indexes outgrow memory, each such leaf is a page to read, dirty, log in full after a
-- checkpoint and write back. Indexes no statement reads are dropped, and the postings' two term-first indexes become one.

-- story_term was indexed three times: (term, story_id) as primary key, (term, last_updated_at DESC) INCLUDE (story_id,
-- weight) for candidate lookups, and (story_id) for a story's own postings. Every posting written (~38 per article:
-- a join rewrites all of its story's postings, their time being in an index key) went into both term-first indexes, i.e.
-- ~38 scattered leaves each. The primary key is now (story_id, term): the same uniqueness, and it serves a story's own
-- postings (sync on save, expiry, ON DELETE CASCADE) from one or two adjacent leaves, so story_term_story_idx goes.
CREATE UNIQUE INDEX story_term_story_term_key ON story_term (story_id, term);
ALTER TABLE story_term DROP CONSTRAINT story_term_pkey;
ALTER TABLE story_term ADD CONSTRAINT story_term_pkey PRIMARY KEY USING INDEX story_term_story_term_key;
DROP INDEX story_term_story_idx;

-- Band keys are read by key (primary key) and expired by time (near_dup_band_seen_idx); no statement looks them up by
-- article (a release names its keys), so the per-article index only cost a write per original and ~1 GB at 1M articles.
DROP INDEX near_dup_band_article_idx;

-- Assignments are read by article (primary key) and expired by time; nothing in the enrich service reads them by story.
DROP INDEX article_story_story_idx;
