-- One batch of the bulk path as statements, with its WAL and buffers, rolled back: ~1 % of the stored rows (822 at
-- 105,000) copied under new ids. -v v7=1 on a store before V8 adds the article_entity rows main writes for them.
-- psql -h 127.0.0.1 -U postgres -d <bench db> -v v7=0 -f batch-wal.sql
\set cols 'id, url, canonical_url, source, title, authors, published_at, published_at_source, language, language_confidence, text, lede, word_count, reading_time_minutes, entities, keywords, content_hash, duplicate_of, duplicate_kind, similarity, story_id, version, ingested_at, enriched_at, stored_at, pipeline_version, provenance'
BEGIN;
CREATE TEMP TABLE src AS SELECT id || '-w' AS id, url, canonical_url, source, title, authors, published_at, published_at_source, language, language_confidence, text, lede, word_count, reading_time_minutes, entities, keywords, content_hash, duplicate_of, duplicate_kind, similarity, story_id, version, ingested_at, enriched_at, stored_at, pipeline_version, provenance FROM query.article WHERE hashtext(id) & 127 = 5 LIMIT 1000;
\echo == article rows (as COPY writes them)
EXPLAIN (ANALYZE, BUFFERS, WAL, COSTS OFF, TIMING OFF, SUMMARY OFF) INSERT INTO query.article (:cols) SELECT :cols FROM src;
\if :v7
\echo == article_entity rows (main: DerivedRows, here from the jsonb as the backfill does)
EXPLAIN (ANALYZE, BUFFERS, WAL, COSTS OFF, TIMING OFF, SUMMARY OFF)
INSERT INTO query.article_entity (article_id, entity_id, type, name, name_key, mentions)
SELECT a.id, query.entity_id_for(e->>'type', e->>'name', e->>'canonicalId'), min(e->>'type'), min(e->>'name'), lower(min(e->>'name')), max(coalesce((e->>'mentions')::int, 0))
FROM src a CROSS JOIN LATERAL jsonb_array_elements(a.entities) e
WHERE e->>'type' IS NOT NULL AND nullif(btrim(e->>'name'), '') IS NOT NULL GROUP BY a.id, 2;
\endif
ROLLBACK;
