-- EXPLAIN plans of the main queries, as ArticleSearch/SqlFilter build them (values inlined for psql).
\pset pager off
\echo '== search: q + source, newest first (page of 20 + 1)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH page AS (SELECT m.id, m.t, m.rank FROM (SELECT a.id, a.story_id, a.sort_published_at AS t, CAST(NULL AS real) AS rank
  FROM query.article a WHERE (a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'climate'))
  AND a.source IN ('source-3.example') AND a.duplicate_of IS NULL) m ORDER BY m.t DESC, m.id DESC LIMIT 21)
SELECT m.id, m.rank, ts_headline(a.search_config, left(coalesce(a.text, ''), 2000), websearch_to_tsquery(a.search_config, 'climate'), 'MaxFragments=2, MaxWords=35, MinWords=15')
FROM page m JOIN query.article a ON a.id = m.id ORDER BY m.t DESC, m.id DESC;

\echo '== search: q + lang + month, newest first'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id FROM query.article a WHERE (a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'government'))
  AND lower(a.language) IN ('en') AND a.sort_published_at >= '2023-05-01' AND a.sort_published_at < '2023-05-29'
  AND a.sort_published_at > '-infinity' AND a.duplicate_of IS NULL
  ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 21;

\echo '== facet: entity counts for a query'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT ae.entity_id, count(*), min(ae.type), min(ae.name) FROM query.article a JOIN query.article_entity ae ON ae.article_id = a.id
  WHERE ((a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'election'))
      OR (a.search_config = 'simple'::regconfig AND a.search_vector @@ websearch_to_tsquery('simple'::regconfig, 'election')))
  AND a.duplicate_of IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20;

\echo '== facet: source counts for a query'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.source, count(*) FROM query.article a
  WHERE (a.search_config = 'english'::regconfig AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, 'election'))
  AND a.duplicate_of IS NULL AND a.source IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20;

\echo '== by id'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM query.article WHERE id = (SELECT id FROM query.article LIMIT 1);

\echo '== stories by size'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.story_id FROM query.story s ORDER BY s.article_count DESC, s.story_id DESC LIMIT 21;

\echo '== stream poll (after a position, all filters)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.seq, e.article_id FROM query.stream_event e JOIN query.article a ON a.id = e.article_id
  WHERE e.seq > (SELECT seq - 500 FROM query.stream_clock) AND e.seq <= (SELECT seq FROM query.stream_clock)
  AND a.source IN ('source-0.example') AND a.duplicate_of IS NULL ORDER BY e.seq LIMIT 100;
