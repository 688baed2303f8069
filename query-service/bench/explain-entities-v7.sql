-- The requests of explain-entities.sql as the service built them before V8 (over article_entity), for a store at V7:
-- psql -h 127.0.0.1 -U postgres -d <bench db at V7> -v common=JP -v rare=person:... -f explain-entities-v7.sql
\ir explain-entities-setup.sql

\echo '== entity filter, common entity (by id; the name key is looked up too), newest first'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM query.article a WHERE a.id IN (SELECT ae.article_id FROM query.article_entity ae WHERE ae.entity_id = :'common' UNION ALL SELECT ae.article_id FROM query.article_entity ae WHERE ae.name_key = lower(:'common')) AND a.duplicate_of IS NULL
  ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 21;

\echo '== entity filter, rarer entity, newest first'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM query.article a WHERE a.id IN (SELECT ae.article_id FROM query.article_entity ae WHERE ae.entity_id = :'rare' UNION ALL SELECT ae.article_id FROM query.article_entity ae WHERE ae.name_key = lower(:'rare')) AND a.duplicate_of IS NULL
  ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 21;

\echo '== entity filter + q (common term) + common entity'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM query.article a
  WHERE ((a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'election'))
      OR (a.search_config = 'simple'::regconfig AND a.search_vector @@ websearch_to_tsquery('simple'::regconfig, 'election')))
  AND a.id IN (SELECT ae.article_id FROM query.article_entity ae WHERE ae.entity_id = :'common' UNION ALL SELECT ae.article_id FROM query.article_entity ae WHERE ae.name_key = lower(:'common')) AND a.duplicate_of IS NULL
  ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 21;

\echo '== entity facet alone, exact, source + one month (the matches read whole)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH m AS MATERIALIZED (SELECT a.id, a.source, lower(a.language) AS lang, a.published_at
  FROM query.article a WHERE a.source IN ('source-3.example') AND a.sort_published_at >= '2024-03-01'
  AND a.sort_published_at < '2024-04-01' AND a.sort_published_at > '-infinity' AND a.duplicate_of IS NULL)
SELECT 'entity', t.entity_id, t.n, d.type, d.name FROM (SELECT ae.entity_id, count(*) AS n FROM m
  CROSS JOIN LATERAL (SELECT ae.entity_id FROM query.article_entity ae WHERE ae.article_id = m.id OFFSET 0) ae
  GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20) t
  CROSS JOIN LATERAL (SELECT ae.type, ae.name FROM query.article_entity ae WHERE ae.entity_id = t.entity_id
  ORDER BY ae.article_id LIMIT 1) d ORDER BY t.n DESC, t.entity_id;

\echo '== /entities?q=election (top 20 among the matches)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT ae.entity_id, min(ae.type), min(ae.name), count(*) FROM query.article a JOIN query.article_entity ae ON ae.article_id = a.id
  WHERE ((a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'election'))
      OR (a.search_config = 'simple'::regconfig AND a.search_vector @@ websearch_to_tsquery('simple'::regconfig, 'election')))
  AND a.duplicate_of IS NULL GROUP BY 1 ORDER BY 4 DESC, 1 LIMIT 20;

\echo '== /entities?from=2024-03-01&to=2024-03-08&type=PERSON'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT ae.entity_id, min(ae.type), min(ae.name), count(*) FROM query.article a JOIN query.article_entity ae ON ae.article_id = a.id
  WHERE a.sort_published_at >= '2024-03-01' AND a.sort_published_at < '2024-03-08' AND a.sort_published_at > '-infinity'
  AND a.duplicate_of IS NULL AND ae.type = 'PERSON' GROUP BY 1 ORDER BY 4 DESC, 1 LIMIT 20;

SELECT story_id AS bigstory FROM query.story ORDER BY article_count DESC, story_id DESC LIMIT 1 \gset
\echo '== a story top entities (the biggest story)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT ae.entity_id, min(ae.type), min(ae.name), count(*) FROM query.article a JOIN query.article_entity ae ON ae.article_id = a.id
  WHERE a.story_id IN (:'bigstory')
  GROUP BY 1 ORDER BY 4 DESC, 1 LIMIT 10;

\echo '== /entities/{id}/articles: does any article mention the rarer entity (404 check)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT 1 FROM query.article_entity ae WHERE ae.entity_id = :'rare' OR ae.name_key = lower(:'rare') LIMIT 1;
