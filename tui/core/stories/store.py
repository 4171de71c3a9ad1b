"""The story index in the library's SQLite tables, and placing articles as they are stored.

:func:`place_prepared` runs inside the importer's write transaction (under a savepoint, so
a failure here never loses the import: the articles stay unplaced and :func:`catch_up` places
them on the next ``newsreader stories``). Everything here takes a connection; the library's
lock and transactions stay the library's.
"""

from __future__ import annotations

import logging
import sqlite3
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from tui.core.stories.features import StoryDoc
from tui.core.stories.grouping import GroupingParams, Placement, StoryState, place

if TYPE_CHECKING:
    from tui.core.library.store import PreparedArticle

_DOCS_KEY = "stories.docs"
_SEQ_KEY = "stories.seq"
_SQL_CHUNK = 500  # host parameters per IN (...) query, well under SQLite's limit
log = logging.getLogger(__name__)


class SqliteIndex:
    """:class:`~tui.core.stories.grouping.StoryIndex` over the library's tables."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._docs = _meta_int(conn, _DOCS_KEY)
        self._seq = _meta_int(conn, _SEQ_KEY)
        self._pending_df: Counter[str] = Counter()
        # Stories read or written during this batch (one transaction): a story is often a
        # candidate for several articles of one import chunk.
        self._stories: dict[int, StoryState] = {}
        self._dirty: set[int] = set()  # stories grown in this batch, written by flush()

    def n_docs(self) -> int:
        return self._docs

    def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        terms = list(terms)
        out: dict[str, int] = {}
        for i in range(0, len(terms), _SQL_CHUNK):
            part = terms[i : i + _SQL_CHUNK]
            marks = ",".join("?" * len(part))
            sql = f"SELECT term, df FROM story_df WHERE term IN ({marks})"
            out.update(self.conn.execute(sql, part).fetchall())
        pending = self._pending_df
        for term in terms:
            if term in pending:
                out[term] = out.get(term, 0) + pending[term]
        return out

    def add_doc_freqs(self, terms: Iterable[str]) -> None:
        # Kept in memory until flush(): one write per term per batch, not per article.
        self._docs += 1
        self._pending_df.update(set(terms))

    def lookup(self, terms: Iterable[str], cap: int) -> Counter[int]:
        terms = list(terms)
        if not terms:
            return Counter()
        # One statement, each term's newest postings capped: common terms cannot flood it.
        one = (
            "SELECT * FROM (SELECT story_id FROM story_postings WHERE term = ? "
            "ORDER BY seq DESC LIMIT ?)"
        )
        sql = " UNION ALL ".join([one] * len(terms))
        params = [v for t in terms for v in (t, cap)]
        return Counter(row[0] for row in self.conn.execute(sql, params))

    def story(self, story_id: int) -> StoryState:
        cached = self._stories.get(story_id)
        if cached is not None:
            return cached
        row = self.conn.execute(
            "SELECT size, first_ts, last_ts, vector FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        size, first_ts, last_ts, vector = row
        story = StoryState(story_id, unpack_vector(vector), size, first_ts, last_ts)
        self._stories[story_id] = story
        return story

    def new_story(self) -> StoryState:
        cur = self.conn.execute("INSERT INTO stories DEFAULT VALUES")
        story = StoryState(int(cur.lastrowid or 0))
        self._stories[story.id] = story
        return story

    def save(self, story: StoryState, doc_id: str, similarity: float, terms: list[str]) -> None:
        self._seq += 1
        self._dirty.add(story.id)
        self.conn.execute(
            "INSERT OR REPLACE INTO story_members VALUES (?, ?, ?)", (doc_id, story.id, similarity)
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO story_postings VALUES (?, ?, ?)",
            [(t, story.id, self._seq) for t in terms],
        )

    def flush(self) -> None:
        """Write what is kept in memory (call once per batch, in the same transaction)."""
        self.conn.executemany(
            "UPDATE stories SET size = ?, first_ts = ?, last_ts = ?, vector = ? WHERE id = ?",
            [
                (s.size, s.first_ts, s.last_ts, pack_vector(s.vector), s.id)
                for s in (self._stories[i] for i in sorted(self._dirty))
            ],
        )
        self._dirty.clear()
        self._stories.clear()  # the next batch is another transaction: read afresh
        self.conn.executemany(
            "INSERT INTO story_df (term, df) VALUES (?, ?) "
            "ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            self._pending_df.items(),
        )
        self._pending_df.clear()
        self.conn.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [(_DOCS_KEY, str(self._docs)), (_SEQ_KEY, str(self._seq))],
        )


def pack_vector(vector: dict[str, float]) -> bytes:
    """Terms (NUL-separated UTF-8) then their weights as float32: a tenth of JSON's decode."""
    terms = "\0".join(vector).encode("utf-8")
    weights = array("f", vector.values()).tobytes()
    return len(terms).to_bytes(4, "little") + terms + weights


def unpack_vector(blob: bytes | str) -> dict[str, float]:
    if not blob or isinstance(blob, str):
        return {}  # an empty story (a new row's default)
    n = int.from_bytes(blob[:4], "little")
    terms = blob[4 : 4 + n].decode("utf-8").split("\0")
    weights = array("f")
    weights.frombytes(blob[4 + n :])
    if len(weights) != len(terms):
        raise ValueError("damaged story vector")
    return dict(zip(terms, weights, strict=True))


def _meta_int(conn: sqlite3.Connection, key: str) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else 0


def place_docs(
    conn: sqlite3.Connection, docs: Sequence[StoryDoc], params: GroupingParams | None = None
) -> list[Placement]:
    """Place articles in published order (undated ones after, in the order given)."""
    index = SqliteIndex(conn)
    ordered = sorted(docs, key=lambda d: (d.sort_ts is None, d.sort_ts or 0.0))
    placements = [place(doc, index, params) for doc in ordered]
    index.flush()
    return placements


def place_prepared(conn: sqlite3.Connection, articles: Sequence[PreparedArticle]) -> None:
    """The importer's hook: place newly stored articles, never failing the import."""
    if not articles:
        return
    conn.execute("SAVEPOINT stories")
    try:
        place_docs(conn, [doc_from_prepared(p) for p in articles])
    except (sqlite3.Error, ValueError, KeyError) as exc:
        # Left unplaced; catch_up() places them later. The import itself must go on.
        conn.execute("ROLLBACK TO stories")
        log.warning("story placement deferred: %s", exc)
    conn.execute("RELEASE stories")


def doc_from_prepared(p: PreparedArticle) -> StoryDoc:
    """A StoryDoc from the row values the importer writes."""
    published = p.article_row[6]
    names = dict.fromkeys((name, label) for _, name, label in p.entity_rows)
    return StoryDoc(
        id=p.id,
        title=p.article_row[2] or "",
        text=p.body_row[1],
        sort_ts=_published_ts(published),
        entities=[(name, label, 1) for name, label in names],
    )


def _published_ts(published: str | None) -> float | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published).timestamp()
    except ValueError:
        return None


def unplaced_docs(conn: sqlite3.Connection, limit: int = 1000) -> list[StoryDoc]:
    """Articles in the library but in no story yet (imported before stories existed)."""
    rows = conn.execute(
        "SELECT a.id, a.title, b.text, a.published FROM articles a "
        "JOIN article_bodies b ON b.article_id = a.id "
        "WHERE a.id NOT IN (SELECT article_id FROM story_members) "
        "ORDER BY a.sort_ts, a.id LIMIT ?",
        (limit,),
    ).fetchall()
    docs = []
    for article_id, title, text, published in rows:
        names = conn.execute(
            "SELECT DISTINCT name, label FROM article_entities WHERE article_id = ?",
            (article_id,),
        ).fetchall()
        docs.append(
            StoryDoc(
                article_id,
                title or "",
                text,
                _published_ts(published),
                [(n, lab, 1) for n, lab in names],
            )
        )
    return docs
