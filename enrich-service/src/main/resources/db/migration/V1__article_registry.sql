-- Versions and exact-duplicate fingerprints of enriched articles. Every decision is made by a unique
-- constraint (INSERT ... ON CONFLICT), so any number of enrich-service instances agree.

-- The latest body seen under each article id.
CREATE TABLE article_version (
    id            TEXT        PRIMARY KEY,
    content_hash  TEXT        NOT NULL,
    version       INTEGER     NOT NULL CHECK (version >= 1),
    first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every (id, body) pair ever seen with the version it got, so that a re-delivered older body gets its
-- old version back instead of a new one.
CREATE TABLE article_content_version (
    article_id    TEXT        NOT NULL,
    content_hash  TEXT        NOT NULL,
    version       INTEGER     NOT NULL CHECK (version >= 1),
    first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (article_id, content_hash)
);

-- The first article id that carried each normalised content hash.
CREATE TABLE content_fingerprint (
    content_hash  TEXT        PRIMARY KEY,
    article_id    TEXT        NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX content_fingerprint_article_idx ON content_fingerprint (article_id);
