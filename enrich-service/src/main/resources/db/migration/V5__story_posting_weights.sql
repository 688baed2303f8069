-- Candidate stories ranked in the index instead of in Java (issue 4, scale): every posting carries its story's weight
-- of the term divided by the story vector's L2 norm, so that summing (article term weight x posting weight) over the
-- postings a lookup finds is the cosine the assigner shortlists by (exact for a story found through every term it
-- shares with the article). The lookup then returns only the best few dozen story ids, and only those story rows are
-- loaded: loading ~290 scattered story rows per article was the largest cost that grew with the corpus once the
-- tables no longer fit in shared buffers.
ALTER TABLE story_term ADD COLUMN weight DOUBLE PRECISION NOT NULL DEFAULT 0;
UPDATE story_term st SET weight = v.w / v.norm
FROM (SELECT s.story_id, x.term, x.w, sqrt(sum(x.w * x.w) OVER (PARTITION BY s.story_id)) AS norm
      FROM story s CROSS JOIN LATERAL unnest(s.terms, s.weights) AS x(term, w)) AS v
WHERE st.story_id = v.story_id AND st.term = v.term AND v.norm > 0;
ALTER TABLE story_term ALTER COLUMN weight DROP DEFAULT;

-- Covering: the per-term scan (most recent postings first) reads story id and weight from the index alone
-- (index-only scan on all-visible pages) instead of fetching one scattered heap row per posting.
DROP INDEX story_term_recent_idx;
CREATE INDEX story_term_recent_idx ON story_term (term, last_updated_at DESC) INCLUDE (story_id, weight);
