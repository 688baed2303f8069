-- Same-story grouping: story records, their term vectors, an inverted index term -> stories, and which story each
-- article joined.
CREATE TABLE story (
    story_id        TEXT               PRIMARY KEY,
    first_seen_at   TIMESTAMPTZ        NOT NULL,
    last_updated_at TIMESTAMPTZ        NOT NULL,
    article_count   INTEGER            NOT NULL CHECK (article_count >= 1),
    sources         TEXT[]             NOT NULL DEFAULT '{}',
    top_entities    TEXT[]             NOT NULL DEFAULT '{}',
    terms           TEXT[]             NOT NULL,
    weights         DOUBLE PRECISION[] NOT NULL
);
CREATE INDEX story_updated_idx ON story (last_updated_at);

-- Postings: the story's current top terms. Lookups read the most recently updated stories per term only.
CREATE TABLE story_term (
    term            TEXT        NOT NULL,
    story_id        TEXT        NOT NULL REFERENCES story (story_id) ON DELETE CASCADE,
    last_updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (term, story_id)
);
CREATE INDEX story_term_recent_idx ON story_term (term, last_updated_at DESC);
CREATE INDEX story_term_story_idx ON story_term (story_id);

CREATE TABLE story_entity (
    story_id TEXT    NOT NULL REFERENCES story (story_id) ON DELETE CASCADE,
    name     TEXT    NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (story_id, name)
);

CREATE TABLE article_story (
    article_id  TEXT             PRIMARY KEY,
    story_id    TEXT             NOT NULL,
    similarity  DOUBLE PRECISION NOT NULL,
    assigned_at TIMESTAMPTZ      NOT NULL
);
CREATE INDEX article_story_story_idx ON article_story (story_id);
CREATE INDEX article_story_assigned_idx ON article_story (assigned_at);
