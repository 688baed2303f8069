-- EXPLAIN plans of the entity queries as SqlFilter/ArticleSearch/StoryQueries build them since V8 (the entity set on
-- the article row, GIN on its keys). Included by explain.sql; alone:
-- psql -h 127.0.0.1 -U postgres -d <bench db> -v common=JP -v rare=person:... -f explain-entities.sql
-- (explain-entities-v7.sql: the same requests as main built them before V8, over article_entity.)
\ir explain-entities-setup.sql

\echo '== entity filter, common entity (by id; the name key is looked up too), newest first'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM query.article a WHERE (a.entity_set).keys && ARRAY['i:' || :'common', 'n:' || lower(:'common')] AND a.duplicate_of IS NULL
  ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 21;

\echo '== entity filter, rarer entity, newest first'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM query.article a WHERE (a.entity_set).keys && ARRAY['i:' || :'rare', 'n:' || lower(:'rare')] AND a.duplicate_of IS NULL
  ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 21;

\echo '== entity filter + q (common term) + common entity'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM query.article a
  WHERE ((a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'election'))
      OR (a.search_config = 'simple'::regconfig AND a.search_vector @@ websearch_to_tsquery('simple'::regconfig, 'election')))
  AND (a.entity_set).keys && ARRAY['i:' || :'common', 'n:' || lower(:'common')] AND a.duplicate_of IS NULL
  ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 21;

\echo '== entity facet alone, exact, source + one month (the matches read whole)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH m AS MATERIALIZED (SELECT a.id, a.source, lower(a.language) AS lang, a.published_at, (a.entity_set).ids AS entity_ids
  FROM query.article a WHERE a.source IN ('source-3.example') AND a.sort_published_at >= '2024-03-01'
  AND a.sort_published_at < '2024-04-01' AND a.sort_published_at > '-infinity' AND a.duplicate_of IS NULL)
SELECT 'entity', t.entity_id, t.n, d.type, d.name FROM (SELECT e.entity_id, count(*) AS n FROM m
  CROSS JOIN LATERAL unnest(m.entity_ids) AS e(entity_id) GROUP BY 1 ORDER BY 2 DESC, e.entity_id COLLATE "C" LIMIT 20) t
  CROSS JOIN LATERAL (SELECT (s.e).types[array_position((s.e).ids, t.entity_id)] AS type,
  (s.e).names[array_position((s.e).ids, t.entity_id)] AS name FROM (SELECT x.entity_set AS e FROM query.article x
  WHERE (x.entity_set).keys @> ARRAY['i:' || t.entity_id] ORDER BY x.id LIMIT 1) s) d ORDER BY t.n DESC, t.entity_id COLLATE "C";

\echo '== /entities?q=election (top 20 among the matches)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT ae.entity_id, min(ae.type), min(ae.name), count(*) FROM query.article a
  CROSS JOIN LATERAL unnest((a.entity_set).ids, (a.entity_set).types, (a.entity_set).names) AS ae(entity_id, type, name)
  WHERE ((a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'election'))
      OR (a.search_config = 'simple'::regconfig AND a.search_vector @@ websearch_to_tsquery('simple'::regconfig, 'election')))
  AND a.duplicate_of IS NULL GROUP BY 1 ORDER BY 4 DESC, ae.entity_id COLLATE "C" LIMIT 20;

\echo '== /entities?from=2024-03-01&to=2024-03-08&type=PERSON'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT ae.entity_id, min(ae.type), min(ae.name), count(*) FROM query.article a
  CROSS JOIN LATERAL unnest((a.entity_set).ids, (a.entity_set).types, (a.entity_set).names) AS ae(entity_id, type, name)
  WHERE a.sort_published_at >= '2024-03-01' AND a.sort_published_at < '2024-03-08' AND a.sort_published_at > '-infinity'
  AND a.duplicate_of IS NULL AND ae.type = 'PERSON' GROUP BY 1 ORDER BY 4 DESC, ae.entity_id COLLATE "C" LIMIT 20;

SELECT story_id AS bigstory FROM query.story ORDER BY article_count DESC, story_id DESC LIMIT 1 \gset
\echo '== a story top entities (the biggest story)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT ae.entity_id, min(ae.type), min(ae.name), count(*) FROM query.article a
  CROSS JOIN LATERAL unnest((a.entity_set).ids, (a.entity_set).types, (a.entity_set).names) AS ae(entity_id, type, name)
  WHERE a.story_id IN (:'bigstory')
  GROUP BY 1 ORDER BY 4 DESC, ae.entity_id COLLATE "C" LIMIT 10;

\echo '== /entities/{id}/articles: does any article mention the rarer entity (404 check)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT 1 FROM query.article a WHERE (a.entity_set).keys && ARRAY['i:' || :'rare', 'n:' || lower(:'rare')] LIMIT 1;
