-- One GIN index for the full-text match together with the filters it is combined with (btree_gin provides GIN
-- operator classes for plain columns). It replaces the single-column GIN on search_vector: a multicolumn GIN
-- serves a condition on any subset of its columns as well as a single-column one, and adds only three entries per
-- row to the ~400 of its tsvector.
--  * search_config: a query without a language filter is matched per configuration, ORed
--    ((config = english AND vector @@ q_en) OR (config = simple AND vector @@ q_simple)). With the configuration
--    in the index every branch is resolved inside it, the OR is implied by the index conditions and drops out of
--    the heap filter; before, PostgreSQL re-checked it on every fetched row, which detoasts that row's ~3 KB
--    tsvector (q=school + one source at 1M rows: 411 fetched rows, 149 ms, now ~1/7 of it).
--  * source: q + source is intersected inside the index instead of ANDing a bitmap of all the source's rows.
--  * the facet sample bucket (expression identical to article_sample_bucket_idx and ArticleSearch.SAMPLE_BUCKET):
--    the facet probe and the sampled facet rows no longer build a bitmap of every match of a common term
--    (q=president: 20 ms for the whole term's bitmap at 90,000 rows, 1.5 ms for the sampled part inside GIN).
-- Results are unchanged: the same conditions, other access paths.
CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA ${flyway:defaultSchema};

-- The build sorts its entries in memory: for this migration's transaction only (at 1M rows the default 64 MB
-- makes it flush and merge many times).
SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX article_search_filter_idx ON ${flyway:defaultSchema}.article
    USING gin (search_config, source, (hashtext(id) & 1023), search_vector);
DROP INDEX ${flyway:defaultSchema}.article_search_idx;
ANALYZE ${flyway:defaultSchema}.article;
