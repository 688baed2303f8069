-- Side tables for stories, entities and the live stream (schema ${flyway:defaultSchema}, owned by query-service).
-- All of them are derived from the article rows and maintained by ArticleStore in the article's transaction.

-- Stable id of an entity: the canonical id when the enricher gives one (ISO 3166 for countries), else
-- "<type>:<slug of the name>", e.g. "person:joe-biden". Mirrored by io.newsflow.query.domain.EntityKeys.
CREATE FUNCTION ${flyway:defaultSchema}.entity_id_for(type text, name text, canonical_id text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE
           WHEN nullif(btrim(canonical_id), '') IS NOT NULL THEN btrim(canonical_id)
           ELSE lower(type) || ':' || btrim(regexp_replace(lower(name), '[^[:alnum:]]+', '-', 'g'), '-')
       END
$$;

-- sort=ingested needs a total order without NULLs, like sort_published_at.
ALTER TABLE ${flyway:defaultSchema}.article
    ADD COLUMN sort_ingested_at timestamptz GENERATED ALWAYS AS (coalesce(ingested_at, '-infinity'::timestamptz)) STORED;

CREATE INDEX article_ingested_idx ON ${flyway:defaultSchema}.article (sort_ingested_at DESC, id DESC);

-- The live stream's clock: one row, bumped by every storing transaction as its LAST statement. Its row lock
-- is held until commit, so values are handed out in commit order: a reader that sees seq N also sees every
-- event with a smaller seq, and a client resuming after N misses nothing, whichever instance stored the rows.
-- (A plain sequence would not do: nextval order is not commit order.) Only the tail of each transaction is
-- serialised, not its work.
CREATE TABLE ${flyway:defaultSchema}.stream_clock (
    singleton boolean PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    seq       bigint  NOT NULL
);
INSERT INTO ${flyway:defaultSchema}.stream_clock (singleton, seq) VALUES (TRUE, 0);

-- The latest stream position of each stored article (one row per article: a new version moves it forward).
CREATE TABLE ${flyway:defaultSchema}.stream_event (
    seq        bigint PRIMARY KEY,
    article_id text COLLATE "C" NOT NULL UNIQUE
);

-- One row per (article, entity), rewritten whenever the article is stored.
CREATE TABLE ${flyway:defaultSchema}.article_entity (
    article_id        text COLLATE "C" NOT NULL,
    entity_id         text COLLATE "C" NOT NULL,
    type              text             NOT NULL,
    name              text             NOT NULL,
    name_key          text             NOT NULL,
    mentions          integer          NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entity_entity_idx ON ${flyway:defaultSchema}.article_entity (entity_id, article_id);
CREATE INDEX article_entity_name_idx ON ${flyway:defaultSchema}.article_entity (name_key, article_id);

-- Per-story aggregates, recomputed from the story's articles whenever one of them is stored.
CREATE TABLE ${flyway:defaultSchema}.story (
    story_id           text COLLATE "C" PRIMARY KEY,
    article_count      integer     NOT NULL,
    source_count       integer     NOT NULL,
    first_published_at timestamptz,
    last_activity_at   timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX story_activity_idx ON ${flyway:defaultSchema}.story (last_activity_at DESC, story_id DESC);
CREATE INDEX story_size_idx ON ${flyway:defaultSchema}.story (article_count DESC, story_id DESC);

-- Backfill for rows stored before this migration.
INSERT INTO ${flyway:defaultSchema}.article_entity (article_id, entity_id, type, name, name_key, mentions)
SELECT a.id, ${flyway:defaultSchema}.entity_id_for(e->>'type', e->>'name', e->>'canonicalId'), e->>'type', e->>'name',
       lower(e->>'name'), max(coalesce((e->>'mentions')::int, 0))
FROM ${flyway:defaultSchema}.article a, jsonb_array_elements(a.entities) e
WHERE e->>'name' IS NOT NULL AND e->>'type' IS NOT NULL
GROUP BY 1, 2, 3, 4, 5
ON CONFLICT DO NOTHING;

INSERT INTO ${flyway:defaultSchema}.story (story_id, article_count, source_count, first_published_at, last_activity_at,
                                           updated_at)
SELECT story_id, count(*), count(DISTINCT source), min(published_at), max(coalesce(published_at, stored_at)), now()
FROM ${flyway:defaultSchema}.article
WHERE story_id IS NOT NULL
GROUP BY story_id;
