-- A source filter with the newest-first order walks one source's rows in order and stops after a page, instead
-- of walking every row newest-first or intersecting a large full-text bitmap with the source's rows.
-- It replaces the plain source index (its prefix).
CREATE INDEX article_source_published_idx ON ${flyway:defaultSchema}.article (source, sort_published_at DESC, id DESC);
DROP INDEX ${flyway:defaultSchema}.article_source_idx;
