"""Subscriptions and the entries each feed gave, in the library file's feed tables.

A connection of its own on the library file (WAL lets it sit beside the library's), so this
module needs nothing from the article store but its public API.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from tui.core.library import Library, LibraryError

BUSY_TIMEOUT_S = 30.0
T = TypeVar("T")


class FeedError(Exception):
    """A subscription command that cannot be done (already subscribed, not subscribed)."""


@dataclass(slots=True)
class Feed:
    """One subscription and what the last refresh left on it."""

    id: int
    url: str
    title: str
    site_url: str | None
    tag: str
    full_text: bool | None  # None: decided by whether the entries are summaries
    etag: str | None
    last_modified: str | None
    min_interval: float
    added_at: str
    last_fetched: str | None
    last_error: str | None
    failures: int
    retry_at: float

    @property
    def name(self) -> str:
        return self.title or self.url


@dataclass(slots=True, frozen=True)
class FeedCounts:
    articles: int
    unread: int


@dataclass(slots=True, frozen=True)
class KnownEntry:
    """An entry already stored: its article and the hash of the content it had."""

    article_id: str
    content_hash: str
    entry_key: str


_COLUMNS = (
    "id, url, title, site_url, tag, full_text, etag, last_modified, min_interval, added_at, "
    "last_fetched, last_error, failures, retry_at"
)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FeedStore:
    """Reads and writes the feed tables. Thread-safe; close when done."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        self._conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._lock = threading.RLock()

    @classmethod
    def of(cls, library: Library) -> FeedStore:
        """The feed tables of an open (hence migrated) library."""
        return cls(library.path)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        # sqlite3's own transaction handling: BEGIN before the first change, COMMIT on leaving
        # (ROLLBACK on an exception); the statements here never read before they write.
        with self._lock:
            try:
                with self._conn:
                    yield self._conn
            except sqlite3.Error as exc:
                raise LibraryError(f"{self.path}: {exc}") from None

    def _read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock:
            try:
                return fn(self._conn)
            except sqlite3.Error as exc:
                raise LibraryError(f"{self.path}: {exc}") from None

    # ------------------------------------------------------------------ subscriptions

    def add(
        self,
        url: str,
        *,
        title: str = "",
        tag: str = "",
        full_text: bool | None = None,
        site_url: str | None = None,
    ) -> Feed:
        """Subscribe; FeedError when already subscribed to that URL."""
        if self.get(url) is not None:
            raise FeedError(f"already subscribed: {url}")
        with self._write() as conn:
            conn.execute(
                "INSERT INTO feeds (url, title, site_url, tag, full_text, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (url, title, site_url, tag, full_text, now_iso()),
            )
        feed = self.get(url)
        assert feed is not None
        return feed

    def get(self, url: str) -> Feed | None:
        sql = f"SELECT {_COLUMNS} FROM feeds WHERE url = ?"
        row = self._read(lambda c: c.execute(sql, (url,)).fetchone())
        return None if row is None else _feed(row)

    def feeds(self, tag: str | None = None) -> list[Feed]:
        """Subscriptions in the order added (only those with ``tag`` when given)."""
        sql = f"SELECT {_COLUMNS} FROM feeds"
        params: tuple[Any, ...] = ()
        if tag is not None:
            sql += " WHERE tag = ?"
            params = (tag,)
        return self._read(lambda c: [_feed(r) for r in c.execute(sql + " ORDER BY id", params)])

    def counts(self) -> dict[int, FeedCounts]:
        """Per feed id: the articles in the library that came from it, and how many unread."""
        sql = (
            "SELECT e.feed_id, count(a.id), coalesce(sum(a.read = 0), 0) FROM feed_entries e "
            "JOIN articles a ON a.id = e.article_id GROUP BY e.feed_id"
        )
        rows = self._read(lambda c: c.execute(sql).fetchall())
        return {r[0]: FeedCounts(r[1], r[2]) for r in rows}

    def article_ids(self, feed_id: int) -> list[str]:
        """The library articles this feed gave (that still exist), newest first."""
        sql = (
            "SELECT DISTINCT a.id FROM feed_entries e JOIN articles a ON a.id = e.article_id "
            "WHERE e.feed_id = ? ORDER BY a.sort_ts DESC"
        )
        return self._read(lambda c: [r[0] for r in c.execute(sql, (feed_id,))])

    def site_of(self, feed_id: int) -> str | None:
        """The site name this feed's articles carry (for filtering the list by feed)."""
        sql = (
            "SELECT a.site FROM feed_entries e JOIN articles a ON a.id = e.article_id "
            "WHERE e.feed_id = ? AND a.site IS NOT NULL GROUP BY a.site "
            "ORDER BY count(*) DESC LIMIT 1"
        )
        row = self._read(lambda c: c.execute(sql, (feed_id,)).fetchone())
        return None if row is None else row[0]

    def removable_articles(self, feed_id: int) -> list[str]:
        """This feed's articles no other feed gave, not starred, with no note or starred claim."""
        sql = (
            "SELECT DISTINCT e.article_id FROM feed_entries e JOIN articles a "
            "ON a.id = e.article_id WHERE e.feed_id = ? AND a.starred = 0 "
            "AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id) "
            "AND NOT EXISTS (SELECT 1 FROM claim_stars s WHERE s.article_id = a.id) "
            "AND NOT EXISTS (SELECT 1 FROM feed_entries o WHERE o.article_id = a.id "
            "AND o.feed_id != e.feed_id)"
        )
        return self._read(lambda c: [r[0] for r in c.execute(sql, (feed_id,))])

    def remove(self, feed_id: int) -> None:
        """Unsubscribe (its entry records go; its articles stay in the library)."""
        with self._write() as conn:
            conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))

    # ------------------------------------------------------------------ refresh state

    def known_entries(
        self, feed_id: int, entries: Iterable[tuple[str, str | None, str]]
    ) -> dict[str, KnownEntry]:
        """For (key, link, hash) triples: the stored entry each matches, by key, link or hash."""
        out: dict[str, KnownEntry] = {}

        def run(c: sqlite3.Connection) -> None:
            for key, link, digest in entries:
                row = c.execute(
                    "SELECT article_id, content_hash, entry_key FROM feed_entries "
                    "WHERE feed_id = ? AND entry_key = ?",
                    (feed_id, key),
                ).fetchone()
                if row is None and link:
                    row = c.execute(
                        "SELECT article_id, content_hash, entry_key FROM feed_entries "
                        "WHERE feed_id = ? AND link = ? LIMIT 1",
                        (feed_id, link),
                    ).fetchone()
                if row is None:
                    row = c.execute(
                        "SELECT article_id, content_hash, entry_key FROM feed_entries "
                        "WHERE feed_id = ? AND content_hash = ? LIMIT 1",
                        (feed_id, digest),
                    ).fetchone()
                if row is not None:
                    out[key] = KnownEntry(*row)

        self._read(run)
        return out

    def record_entries(
        self, feed_id: int, rows: Iterable[tuple[str, str | None, str, str]]
    ) -> None:
        """Remember entries as (key, link, content hash, article id), in one transaction."""
        seen = now_iso()
        with self._write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO feed_entries "
                "(feed_id, entry_key, link, content_hash, article_id, seen_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(feed_id, key, link, digest, aid, seen) for key, link, digest, aid in rows],
            )

    def record_success(self, feed_id: int, **fields: Any) -> None:
        """A fetch that worked: the error and failure count are cleared, fields updated."""
        fields.update(last_fetched=now_iso(), last_error=None, failures=0, retry_at=0.0)
        self._update(feed_id, fields)

    def record_failure(self, feed_id: int, reason: str, retry_at: float) -> None:
        """A fetch that failed: the reason is kept for the user, the next try put off."""
        with self._write() as conn:
            conn.execute(
                "UPDATE feeds SET last_fetched = ?, last_error = ?, failures = failures + 1, "
                "retry_at = ? WHERE id = ?",
                (now_iso(), reason, retry_at, feed_id),
            )

    def _update(self, feed_id: int, fields: dict[str, Any]) -> None:
        unknown = set(fields) - set(_COLUMNS.split(", "))
        if unknown:
            raise ValueError(f"unknown feed fields: {sorted(unknown)}")
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self._write() as conn:
            conn.execute(
                f"UPDATE feeds SET {assignments} WHERE id = ?", (*fields.values(), feed_id)
            )


def _feed(row: tuple[Any, ...]) -> Feed:
    values = list(row)
    values[5] = None if values[5] is None else bool(values[5])
    return Feed(*values)
