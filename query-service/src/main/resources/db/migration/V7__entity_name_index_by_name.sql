-- The name index of article_entity keyed by the name alone, the article id carried as an included column.
-- It serves the same lookups as (name_key, article_id) did (entity=<name> and the 404 check of
-- /entities/{name}/articles: equality on name_key, article ids by an index-only scan, no order needed), but new
-- rows land at the end of their name's run (among equal keys B-tree entries are ordered by heap position, and
-- new rows are appended to the heap), not at a random place inside it by article id. A batch of ~5,500 entity
-- rows then dirties about one leaf page per distinct name instead of one per row: the dirty pages, their WAL
-- full-page images and the evictions were most of the bulk path's cost beyond the COPY (docs/benchmarks.md).
CREATE INDEX article_entity_name_tail_idx ON ${flyway:defaultSchema}.article_entity (name_key) INCLUDE (article_id);
DROP INDEX ${flyway:defaultSchema}.article_entity_name_idx;
ALTER INDEX ${flyway:defaultSchema}.article_entity_name_tail_idx RENAME TO article_entity_name_idx;
