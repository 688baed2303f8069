-- Storage of enriched articles for the query API (schema ${flyway:defaultSchema}, owned by query-service).

-- Text-search configuration for a BCP-47 language tag (primary subtag decides). Mirrored in Java by
-- io.newsflow.query.domain.SearchLanguages: keep both in step (a test compares them).
CREATE FUNCTION ${flyway:defaultSchema}.search_config_for(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE lower(split_part(coalesce(language, ''), '-', 1))
           WHEN 'en' THEN 'pg_catalog.english'
           WHEN 'de' THEN 'pg_catalog.german'
           WHEN 'fr' THEN 'pg_catalog.french'
           WHEN 'es' THEN 'pg_catalog.spanish'
           WHEN 'it' THEN 'pg_catalog.italian'
           WHEN 'pt' THEN 'pg_catalog.portuguese'
           WHEN 'nl' THEN 'pg_catalog.dutch'
           WHEN 'sv' THEN 'pg_catalog.swedish'
           WHEN 'no' THEN 'pg_catalog.norwegian'
           WHEN 'nb' THEN 'pg_catalog.norwegian'
           WHEN 'nn' THEN 'pg_catalog.norwegian'
           WHEN 'da' THEN 'pg_catalog.danish'
           WHEN 'fi' THEN 'pg_catalog.finnish'
           WHEN 'ru' THEN 'pg_catalog.russian'
           WHEN 'hu' THEN 'pg_catalog.hungarian'
           WHEN 'ro' THEN 'pg_catalog.romanian'
           WHEN 'tr' THEN 'pg_catalog.turkish'
           ELSE 'pg_catalog.simple'
       END::regconfig
$$;

CREATE TABLE ${flyway:defaultSchema}.article (
    id                   text COLLATE "C" PRIMARY KEY,
    url                  text,
    canonical_url        text,
    source               text,
    title                text,
    authors              jsonb            NOT NULL DEFAULT '[]',
    published_at         timestamptz,
    published_at_source  text,
    language             text,
    language_confidence  double precision,
    text                 text,
    lede                 text,
    word_count           integer          NOT NULL DEFAULT 0,
    reading_time_minutes integer          NOT NULL DEFAULT 0,
    entities             jsonb            NOT NULL DEFAULT '[]',
    keywords             jsonb            NOT NULL DEFAULT '[]',
    content_hash         text,
    duplicate_of         text COLLATE "C",
    duplicate_kind       text,
    similarity           double precision,
    story_id             text COLLATE "C",
    version              integer          NOT NULL,
    ingested_at          timestamptz,
    enriched_at          timestamptz,
    stored_at            timestamptz      NOT NULL,
    pipeline_version     text,
    provenance           jsonb            NOT NULL DEFAULT '{}',
    -- Keyset pagination needs a total order without NULLs: undated articles sort after all dated ones.
    sort_published_at    timestamptz GENERATED ALWAYS AS (coalesce(published_at, '-infinity'::timestamptz)) STORED,
    search_config        regconfig GENERATED ALWAYS AS (${flyway:defaultSchema}.search_config_for(language)) STORED,
    -- Title outranks lede outranks body. The body is capped so that a huge text cannot exceed the 1 MB
    -- tsvector limit (positions stop at 16383 anyway).
    search_vector        tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(${flyway:defaultSchema}.search_config_for(language), coalesce(title, '')), 'A') ||
        setweight(to_tsvector(${flyway:defaultSchema}.search_config_for(language), coalesce(lede, '')), 'B') ||
        setweight(to_tsvector(${flyway:defaultSchema}.search_config_for(language), left(coalesce(text, ''), 500000)), 'C')
    ) STORED,
    CONSTRAINT article_version_positive CHECK (version >= 1)
);

CREATE INDEX article_published_idx ON ${flyway:defaultSchema}.article (sort_published_at DESC, id DESC);
CREATE INDEX article_published_at_idx ON ${flyway:defaultSchema}.article (published_at);
CREATE INDEX article_source_idx ON ${flyway:defaultSchema}.article (source);
CREATE INDEX article_language_idx ON ${flyway:defaultSchema}.article (lower(language));
CREATE INDEX article_canonical_url_idx ON ${flyway:defaultSchema}.article (canonical_url);
CREATE INDEX article_story_idx ON ${flyway:defaultSchema}.article (story_id, sort_published_at DESC, id DESC);
CREATE INDEX article_duplicate_of_idx ON ${flyway:defaultSchema}.article (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX article_search_idx ON ${flyway:defaultSchema}.article USING gin (search_vector);
-- Entity filters/facets: entities @> '[{"type":"PERSON","name":"..."}]'.
CREATE INDEX article_entities_idx ON ${flyway:defaultSchema}.article USING gin (entities jsonb_path_ops);

-- Exact duplicates are not stored as articles: their id (and URL) points at the first-seen copy.
CREATE TABLE ${flyway:defaultSchema}.article_alias (
    alias_id      text COLLATE "C" PRIMARY KEY,
    article_id    text COLLATE "C" NOT NULL,
    url           text,
    canonical_url text,
    seen_at       timestamptz      NOT NULL
);

CREATE INDEX article_alias_article_idx ON ${flyway:defaultSchema}.article_alias (article_id);
CREATE INDEX article_alias_canonical_url_idx ON ${flyway:defaultSchema}.article_alias (canonical_url);
