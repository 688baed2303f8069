-- One GIN index on search_vector per text-search configuration, each partial (WHERE search_config = that
-- configuration), replacing the GIN on search_vector alone. Each row enters exactly one of them, so the entries,
-- the insert cost and the total size stay those of the single index.
-- Why: a query without a language filter is matched per configuration, ORed
-- ((search_config = 'english' AND search_vector @@ q_en) OR (search_config = 'simple' AND ...), see SqlFilter).
-- With a single GIN the bitmap cannot tell which configuration a row matched under, so PostgreSQL kept the whole
-- OR as a heap filter and detoasted the ~3 KB tsvector of every fetched row. With one partial index per branch the
-- index predicate proves the branch's configuration (SqlFilter writes it as a literal), the OR is implied by the
-- bitmap and leaves the heap filter. Unlike a configuration column inside the GIN (tried: 'english' is an entry
-- of ~950,000 rows at 1M that scans had to decode), the predicate costs nothing at scan time.
-- SearchLanguages.allConfigs() must have an index here each (a test checks it).
SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX article_search_english_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.english' AS regconfig);
CREATE INDEX article_search_german_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.german' AS regconfig);
CREATE INDEX article_search_french_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.french' AS regconfig);
CREATE INDEX article_search_spanish_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.spanish' AS regconfig);
CREATE INDEX article_search_italian_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.italian' AS regconfig);
CREATE INDEX article_search_portuguese_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.portuguese' AS regconfig);
CREATE INDEX article_search_dutch_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.dutch' AS regconfig);
CREATE INDEX article_search_swedish_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.swedish' AS regconfig);
CREATE INDEX article_search_norwegian_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.norwegian' AS regconfig);
CREATE INDEX article_search_danish_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.danish' AS regconfig);
CREATE INDEX article_search_finnish_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.finnish' AS regconfig);
CREATE INDEX article_search_russian_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.russian' AS regconfig);
CREATE INDEX article_search_hungarian_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.hungarian' AS regconfig);
CREATE INDEX article_search_romanian_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.romanian' AS regconfig);
CREATE INDEX article_search_turkish_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.turkish' AS regconfig);
CREATE INDEX article_search_simple_idx ON ${flyway:defaultSchema}.article USING gin (search_vector)
    WHERE search_config = CAST('pg_catalog.simple' AS regconfig);
DROP INDEX ${flyway:defaultSchema}.article_search_idx;

-- A superset of a query's matches that GIN answers exactly: phrase operators (<->, <N>) relaxed to AND and
-- negated parts dropped (querytree), NULL when nothing positive is left (every row is a candidate). GIN cannot
-- check adjacency, so a phrase match makes the heap re-check every row holding the words (TOASTed tsvector);
-- a list takes its candidates with this query in sort order and re-checks the exact query on the first rows only
-- (ArticleSearch).
CREATE FUNCTION ${flyway:defaultSchema}.relaxed_tsquery(query tsquery) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
$$
SELECT CASE querytree(query)
           WHEN 'T' THEN NULL
           ELSE CAST(regexp_replace(querytree(query), '<[0-9]*-?>', '&', 'g') AS tsquery)
       END
$$;
