-- The entities an article mentions are kept on its own row, derived from its entities jsonb by the database,
-- instead of one article_entity row per (article, entity) in a table of its own (V2).
-- Why: that table was almost all of the insert path's work beyond the article row itself (~5,500 rows into a heap
-- and three B-trees per 1,000 articles, docs/benchmarks.md). Now a write is the article row and nothing else for
-- entities: the set below is computed with the row (as the search columns are) and indexed by one GIN.
-- The same rules as article_entity had: which mentions count (a type and a non-blank name), the entity id
-- (entity_id_for), and per article and entity id the smallest type and name and the lower-cased smallest name.

-- One article's entities: ids, types and names are parallel (one element per entity id, ordered by id);
-- keys are what the entity filter looks up ('i:' || id, 'n:' || lower-cased name), the only part that is indexed.
CREATE TYPE ${flyway:defaultSchema}.entity_set AS (
    keys  text[],
    ids   text[],
    types text[],
    names text[]
);

CREATE FUNCTION ${flyway:defaultSchema}.entity_set_of(entities jsonb) RETURNS ${flyway:defaultSchema}.entity_set
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CAST(ROW(coalesce(array_agg('i:' || g.id ORDER BY g.id) || array_agg('n:' || lower(g.name) ORDER BY g.id),
                         '{}'),
                coalesce(array_agg(g.id ORDER BY g.id), '{}'),
                coalesce(array_agg(g.type ORDER BY g.id), '{}'),
                coalesce(array_agg(g.name ORDER BY g.id), '{}')) AS ${flyway:defaultSchema}.entity_set)
FROM (SELECT ${flyway:defaultSchema}.entity_id_for(e->>'type', e->>'name', e->>'canonicalId') COLLATE "C" AS id,
             min(e->>'type') AS type, min(e->>'name') AS name
      FROM jsonb_array_elements(entities) e
      WHERE e->>'type' IS NOT NULL AND nullif(btrim(e->>'name'), '') IS NOT NULL
      GROUP BY 1) g
$$;

-- The text-search configuration as constants of type regconfig (V1 cast a text CASE to regconfig at run time, a
-- stable input function, which kept PostgreSQL from inlining this function: the generated columns made four
-- SQL-function calls per written row). Same configurations for the same languages.
CREATE OR REPLACE FUNCTION ${flyway:defaultSchema}.search_config_for(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE lower(split_part(coalesce(language, ''), '-', 1))
           WHEN 'en' THEN CAST('pg_catalog.english' AS regconfig)
           WHEN 'de' THEN CAST('pg_catalog.german' AS regconfig)
           WHEN 'fr' THEN CAST('pg_catalog.french' AS regconfig)
           WHEN 'es' THEN CAST('pg_catalog.spanish' AS regconfig)
           WHEN 'it' THEN CAST('pg_catalog.italian' AS regconfig)
           WHEN 'pt' THEN CAST('pg_catalog.portuguese' AS regconfig)
           WHEN 'nl' THEN CAST('pg_catalog.dutch' AS regconfig)
           WHEN 'sv' THEN CAST('pg_catalog.swedish' AS regconfig)
           WHEN 'no' THEN CAST('pg_catalog.norwegian' AS regconfig)
           WHEN 'nb' THEN CAST('pg_catalog.norwegian' AS regconfig)
           WHEN 'nn' THEN CAST('pg_catalog.norwegian' AS regconfig)
           WHEN 'da' THEN CAST('pg_catalog.danish' AS regconfig)
           WHEN 'fi' THEN CAST('pg_catalog.finnish' AS regconfig)
           WHEN 'ru' THEN CAST('pg_catalog.russian' AS regconfig)
           WHEN 'hu' THEN CAST('pg_catalog.hungarian' AS regconfig)
           WHEN 'ro' THEN CAST('pg_catalog.romanian' AS regconfig)
           WHEN 'tr' THEN CAST('pg_catalog.turkish' AS regconfig)
           ELSE CAST('pg_catalog.simple' AS regconfig)
       END
$$;

-- The jsonb GIN of V1 was read by no statement (entity filters went through article_entity): an index nobody
-- reads is insert work for every writer. Dropped before the rewrite below, so that it is not rebuilt.
DROP INDEX ${flyway:defaultSchema}.article_entities_idx;
DROP TABLE ${flyway:defaultSchema}.article_entity;

-- Rewrites the table once (a stored generated column), computing the set from each row's jsonb.
SET LOCAL maintenance_work_mem = '256MB';
ALTER TABLE ${flyway:defaultSchema}.article
    ADD COLUMN entity_set ${flyway:defaultSchema}.entity_set
        GENERATED ALWAYS AS (${flyway:defaultSchema}.entity_set_of(entities)) STORED;
CREATE INDEX article_entity_keys_idx ON ${flyway:defaultSchema}.article USING gin (((entity_set).keys));
ANALYZE ${flyway:defaultSchema}.article;
