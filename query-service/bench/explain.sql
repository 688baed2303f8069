-- EXPLAIN plans of the main queries, as ArticleSearch/SqlFilter build them (values inlined for psql).
-- psql -h 127.0.0.1 -U postgres -d <bench db> -f explain.sql
\pset pager off
-- As the service's connections (quarkus.datasource.jdbc.new-connection-sql, NEWSFLOW_DB_WORK_MEM).
SET work_mem = '32MB';
SET jit = off;
SET max_parallel_workers_per_gather = 0;
\echo '== search: q + source, newest first (page of 20 + 1, snippets for the page)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH ranked AS NOT MATERIALIZED (SELECT a.id, a.sort_published_at AS t, CAST(NULL AS real) AS rank FROM query.article a
  WHERE ((a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'climate'))
      OR (a.search_config = 'simple'::regconfig AND a.search_vector @@ websearch_to_tsquery('simple'::regconfig, 'climate')))
  AND a.source IN ('source-17.example') AND a.duplicate_of IS NULL),
page AS (SELECT m.id, m.t, m.rank FROM ranked m ORDER BY m.t DESC, m.id DESC LIMIT 21)
SELECT m.id, m.rank, ts_headline(a.search_config, left(coalesce(a.text, ''), 2000), websearch_to_tsquery(a.search_config, 'climate'),
  'MaxFragments=2, MaxWords=35, MinWords=15')
FROM page m JOIN query.article a ON a.id = m.id ORDER BY m.t DESC, m.id DESC;

\echo '== search: q alone (common term, no filter), newest first: a walk of the sort index'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM query.article a
  WHERE ((a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'election'))
      OR (a.search_config = 'simple'::regconfig AND a.search_vector @@ websearch_to_tsquery('simple'::regconfig, 'election')))
  AND a.duplicate_of IS NULL ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 11;

\echo '== search: q alone, a rarer term (the list part of a facets request, limit 10 + 1): no lang, both configurations ORed'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM query.article a
  WHERE ((a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'climate'))
      OR (a.search_config = 'simple'::regconfig AND a.search_vector @@ websearch_to_tsquery('simple'::regconfig, 'climate')))
  AND a.duplicate_of IS NULL ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 11;

\echo '== the same list as a facets request sends it when its probe estimates few matches (ListPlan.MATCHES_SORTED): every match behind a fence, fetched through the text index, then sorted'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM (SELECT a.id, a.story_id, a.sort_published_at FROM query.article a
  WHERE ((a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'climate'))
      OR (a.search_config = 'simple'::regconfig AND a.search_vector @@ websearch_to_tsquery('simple'::regconfig, 'climate')))
  AND a.duplicate_of IS NULL OFFSET 0) a ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 11;

\echo '== search: q + lang + month, newest first'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM query.article a WHERE (a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'government'))
  AND lower(a.language) IN ('en') AND a.sort_published_at >= '2023-05-01' AND a.sort_published_at < '2023-05-29'
  AND a.sort_published_at > '-infinity' AND a.duplicate_of IS NULL
  ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 21;

\echo '== search: phrase + lang + month (GIN cannot check adjacency: every row with both words is rechecked)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM query.article a WHERE (a.search_config = 'english'::regconfig
  AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, '"prime minister"'))
  AND lower(a.language) IN ('en') AND a.sort_published_at >= '2024-06-01Z' AND a.sort_published_at < '2024-06-29Z'
  AND a.sort_published_at > '-infinity' AND a.duplicate_of IS NULL
  ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 21;

\echo '== search: the same phrase as the service sends it since V6: candidates by the relaxed query (words ANDed, GIN exact, no heap re-check) in sort order behind an OFFSET 0 fence, the phrase checked on the first rows only (only with a filter bounding the rows, here the month)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM (SELECT a.id, a.story_id, a.sort_published_at, a.search_config, a.search_vector FROM query.article a
  WHERE (a.search_config = 'english'::regconfig AND (query.relaxed_tsquery(websearch_to_tsquery('english'::regconfig, '"prime minister"')) IS NULL
      OR a.search_vector @@ query.relaxed_tsquery(websearch_to_tsquery('english'::regconfig, '"prime minister"'))))
  AND lower(a.language) IN ('en') AND a.sort_published_at >= '2024-06-01Z' AND a.sort_published_at < '2024-06-29Z'
  AND a.sort_published_at > '-infinity' AND a.duplicate_of IS NULL
  ORDER BY a.sort_published_at DESC, a.id DESC OFFSET 0) a
  WHERE (a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, '"prime minister"'))
  ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 21;

\echo '== search: q + small source, no lang (both configurations ORed: with one GIN (V5) the OR stays a heap filter and each fetched row tsvector is re-checked; with a partial GIN per configuration (V6) the index predicates imply it)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM query.article a
  WHERE ((a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'school'))
      OR (a.search_config = 'simple'::regconfig AND a.search_vector @@ websearch_to_tsquery('simple'::regconfig, 'school')))
  AND a.source IN ('source-20.example') AND a.duplicate_of IS NULL ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 21;

\echo '== search: sort=relevance, ranked among the 300 newest matches (relevance-candidates)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH cand AS (SELECT a.id, a.story_id, a.sort_published_at AS t FROM query.article a
  WHERE (a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'election'))
  AND lower(a.language) IN ('en') AND a.duplicate_of IS NULL ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 300),
scored AS (SELECT c.id, c.t, ts_rank_cd(a.search_vector, websearch_to_tsquery(a.search_config, 'election')) AS rank
  FROM cand c JOIN query.article a ON a.id = c.id),
ranked AS (SELECT s.id, s.t, s.rank FROM scored s),
page AS (SELECT m.id, m.t, m.rank FROM ranked m ORDER BY m.rank DESC, m.id DESC LIMIT 21)
SELECT m.id, m.rank FROM page m JOIN query.article a ON a.id = m.id ORDER BY m.rank DESC, m.id DESC;

\echo '== search: collapse=story, newest first (a row is kept when no other match of its story is newer)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM query.article a
  WHERE (a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'police'))
  AND a.duplicate_of IS NULL
  AND (a.story_id IS NULL OR NOT EXISTS (SELECT 1 FROM query.article b WHERE b.story_id = a.story_id
       AND (b.sort_published_at, b.id) > (a.sort_published_at, a.id)
       AND (b.search_config = 'english'::regconfig AND b.search_vector @@ websearch_to_tsquery('english'::regconfig, 'police'))
       AND b.duplicate_of IS NULL))
  ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 21;

\echo '== facet: probe of 8 hash buckets of 1024 (count x 128 = estimated matches; decides exact or sampled, and the list plan with the table rows)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT (SELECT count(*) FROM (SELECT 1 FROM query.article a
  WHERE ((a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'election'))
      OR (a.search_config = 'simple'::regconfig AND a.search_vector @@ websearch_to_tsquery('simple'::regconfig, 'election')))
  AND a.duplicate_of IS NULL AND (hashtext(a.id) & 1023) < 8) p),
  (SELECT CAST(c.reltuples AS bigint) FROM pg_class c WHERE c.oid = (SELECT a.tableoid FROM query.article a LIMIT 1));

\echo '== facets=source,lang,entity,day for a common term, on the hash sample (28 of 1024 buckets, ~2,000 matches), the configurations ORed (the sample index read once)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH m AS MATERIALIZED (SELECT a.id, a.source, lower(a.language) AS lang, a.published_at, (a.entity_set).ids AS entity_ids
  FROM query.article a
  WHERE ((a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'election'))
      OR (a.search_config = 'simple'::regconfig AND a.search_vector @@ websearch_to_tsquery('simple'::regconfig, 'election')))
  AND a.duplicate_of IS NULL AND (hashtext(a.id) & 1023) < 28)
(SELECT 'source', m.source, count(*), NULL, NULL FROM m WHERE m.source IS NOT NULL GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT 20)
UNION ALL (SELECT 'lang', m.lang, count(*), NULL, NULL FROM m WHERE m.lang IS NOT NULL GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT 20)
UNION ALL (SELECT 'entity', t.entity_id, t.n, d.type, d.name FROM (SELECT e.entity_id, count(*) AS n FROM m
  CROSS JOIN LATERAL unnest(m.entity_ids) AS e(entity_id) GROUP BY 1 ORDER BY 2 DESC, e.entity_id COLLATE "C" LIMIT 20) t
  CROSS JOIN LATERAL (SELECT (s.e).types[array_position((s.e).ids, t.entity_id)] AS type,
  (s.e).names[array_position((s.e).ids, t.entity_id)] AS name FROM (SELECT x.entity_set AS e FROM query.article x
  WHERE (x.entity_set).keys @> ARRAY['i:' || t.entity_id] ORDER BY x.id LIMIT 1) s) d ORDER BY t.n DESC, t.entity_id COLLATE "C")
UNION ALL (SELECT 'day', to_char(date_trunc('day', m.published_at, 'UTC') AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*), NULL, NULL
  FROM m WHERE m.published_at IS NOT NULL GROUP BY 2 ORDER BY 2 DESC LIMIT 20);

\echo '== facets without q (source + one month), on the hash sample'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH m AS MATERIALIZED (SELECT a.id, a.source, lower(a.language) AS lang, a.published_at FROM query.article a
  WHERE a.sort_published_at >= '2024-03-01' AND a.sort_published_at < '2024-04-01' AND a.sort_published_at > '-infinity'
  AND a.duplicate_of IS NULL AND (hashtext(a.id) & 1023) < 120)
(SELECT 'source', m.source, count(*), NULL, NULL FROM m WHERE m.source IS NOT NULL GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT 20)
UNION ALL (SELECT 'day', to_char(date_trunc('day', m.published_at, 'UTC') AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*), NULL, NULL
  FROM m WHERE m.published_at IS NOT NULL GROUP BY 2 ORDER BY 2 DESC LIMIT 20);

\echo '== facet: source counts, exact (a rare term)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.source, count(*) FROM query.article a
  WHERE (a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'football'))
  AND a.duplicate_of IS NULL AND a.source IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20;

\ir explain-entities.sql

\echo '== by id'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM query.article WHERE id = (SELECT id FROM query.article LIMIT 1);

\echo '== stories by size'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.story_id FROM query.story s ORDER BY s.article_count DESC, s.story_id DESC LIMIT 21;

\echo '== stream poll (after a position, all filters)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.seq, e.article_id FROM query.stream_event e JOIN query.article a ON a.id = e.article_id
  WHERE e.seq > (SELECT seq - 500 FROM query.stream_clock) AND e.seq <= (SELECT seq FROM query.stream_clock)
  AND a.source IN ('source-0.example') AND a.duplicate_of IS NULL ORDER BY e.seq LIMIT 100;
