"""The library's SQLite schema and its migrations.

``MIGRATIONS[i]`` takes a database from ``user_version == i`` to ``i + 1``. Entries are never
edited once released: a change to the schema is a new entry at the end, so any older library
can be brought up to date step by step (and a test can build a version-1 database from
``MIGRATIONS[:1]``).
"""

from __future__ import annotations

import sqlite3

# "NWSR" as a big-endian integer: `PRAGMA application_id` tells our files from other SQLite files.
APPLICATION_ID = 0x4E575352

_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Small listing columns only: the body lives in article_bodies so listing never reads it.
CREATE TABLE articles (
    id           TEXT PRIMARY KEY,          -- content hash (Article.id)
    url          TEXT,
    title        TEXT NOT NULL DEFAULT '',
    site         TEXT,
    section      TEXT,
    authors      TEXT NOT NULL DEFAULT '[]', -- JSON list
    published    TEXT,                      -- ISO 8601 as given
    updated      TEXT,
    sort_ts      REAL NOT NULL,             -- published (else added) as a UTC timestamp
    source_path  TEXT,
    added_at     TEXT NOT NULL,
    read         INTEGER NOT NULL DEFAULT 0,
    starred      INTEGER NOT NULL DEFAULT 0,
    n_claims     INTEGER NOT NULL DEFAULT 0,
    n_entities   INTEGER NOT NULL DEFAULT 0,
    n_figures    INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_sort ON articles(sort_ts DESC);

CREATE TABLE article_bodies (
    article_id   TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    text         TEXT NOT NULL,
    paragraphs   TEXT NOT NULL,             -- JSON [[start, end], ...]
    sentences    TEXT NOT NULL,
    boilerplate  TEXT NOT NULL
);

-- The cached analysis of an article's content (keyed by its content hash) and the version
-- of the extractors that produced it; a different version is re-analysed on first use.
CREATE TABLE analyses (
    article_id         TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    extractor_version  TEXT NOT NULL,
    data               BLOB NOT NULL        -- zlib'd JSON {entities, figures, claims}
);

CREATE TABLE article_entities (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name_key    TEXT NOT NULL,              -- casefolded name or alias
    name        TEXT NOT NULL,
    label       TEXT NOT NULL,
    PRIMARY KEY (name_key, article_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_article ON article_entities(article_id);

-- Claims are identified by a hash of their text, never by list position; the anchor (text and
-- span) lets a note or star find its claim again after an extractor changes the claim's text.
CREATE TABLE claim_stars (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    claim_key    TEXT NOT NULL,
    anchor_text  TEXT NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (article_id, claim_key)
);

CREATE TABLE notes (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    claim_key    TEXT NOT NULL DEFAULT '',  -- '' is the note on the article itself
    text         TEXT NOT NULL,
    anchor_text  TEXT NOT NULL DEFAULT '',
    span_start   INTEGER NOT NULL DEFAULT -1,
    span_end     INTEGER NOT NULL DEFAULT -1,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (article_id, claim_key)
);
"""

# Version 2: notes remember when they were last edited (version 1 only kept the creation time,
# so an edited note looked as old as its first draft), and the site filter gets an index.
_V2 = """
ALTER TABLE notes ADD COLUMN updated_at TEXT;
UPDATE notes SET updated_at = created_at WHERE updated_at IS NULL;
CREATE INDEX articles_site ON articles(site, sort_ts DESC);
"""

# Feeds (issue 14): subscriptions with their HTTP validators and politeness state, and the
# entries each feed has given (GUID, else link, else content hash) -> the article made of them.
_FEEDS = """
CREATE TABLE feeds (
    id             INTEGER PRIMARY KEY,
    url            TEXT NOT NULL UNIQUE,
    title          TEXT NOT NULL DEFAULT '',
    site_url       TEXT,
    tag            TEXT NOT NULL DEFAULT '',
    full_text      INTEGER,                 -- 1 on, 0 off, NULL: on when entries are summaries
    etag           TEXT,
    last_modified  TEXT,
    min_interval   REAL NOT NULL DEFAULT 0, -- seconds, from <ttl>, sy:update*, max-age
    added_at       TEXT NOT NULL,
    last_fetched   TEXT,
    last_error     TEXT,
    failures       INTEGER NOT NULL DEFAULT 0,
    retry_at       REAL NOT NULL DEFAULT 0  -- no request before (Retry-After, backoff)
);
CREATE TABLE feed_entries (
    feed_id       INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    entry_key     TEXT NOT NULL,
    link          TEXT,
    content_hash  TEXT NOT NULL,
    article_id    TEXT NOT NULL,            -- no foreign key: the user may delete the article
    seen_at       TEXT NOT NULL,
    PRIMARY KEY (feed_id, entry_key)
) WITHOUT ROWID;
CREATE INDEX feed_entries_article ON feed_entries(article_id);
CREATE INDEX feed_entries_link ON feed_entries(feed_id, link);
CREATE INDEX feed_entries_hash ON feed_entries(feed_id, content_hash);
"""

# Stories (issue 16): which story each article belongs to, each story's term vector, the
# inverted index over articles' most telling terms, and document frequencies seen so far.
_V_STORIES = """
CREATE TABLE stories (
    id        INTEGER PRIMARY KEY,
    size      INTEGER NOT NULL DEFAULT 0,
    first_ts  REAL,
    last_ts   REAL,
    vector    BLOB NOT NULL DEFAULT ''     -- summed TF-IDF weights (stories.store.pack_vector)
);
CREATE TABLE story_members (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id    INTEGER NOT NULL REFERENCES stories(id),
    similarity  REAL NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id);
CREATE TABLE story_postings (
    term      TEXT NOT NULL,
    story_id  INTEGER NOT NULL,
    seq       INTEGER NOT NULL,             -- placement counter: newest stories read first
    PRIMARY KEY (term, story_id)
) WITHOUT ROWID;
CREATE INDEX story_postings_recent ON story_postings(term, seq DESC);
CREATE TABLE story_df (
    term  TEXT PRIMARY KEY,
    df    INTEGER NOT NULL
) WITHOUT ROWID;
"""

# The article list's order (undated articles last) read from an index, not sorted per query:
# without it the first screen of a 100,000-article library sorted every row.
_V_DATED_ORDER = """
CREATE INDEX articles_dated_order ON articles((published IS NULL), sort_ts DESC, id);
"""

MIGRATIONS: list[str] = [_V1, _V2, _FEEDS, _V_STORIES, _V_DATED_ORDER]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, *, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing migrations, each in its own transaction; return the new version.

    The connection must be in autocommit mode (``isolation_level=None``).
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read under the write lock: another process may have migrated meanwhile.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version < target:
                for statement in _statements(MIGRATIONS[version]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT our transaction; split on complete statements instead.
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
