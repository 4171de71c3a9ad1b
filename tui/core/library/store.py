"""The library: articles, their cached analysis, reading state, stars and notes, in SQLite.

One file per library, in WAL mode so a reader never blocks a writer and two newsreader
processes can share it. Every change runs in one ``BEGIN IMMEDIATE`` transaction (taking the
write lock up front, so a busy library waits ``busy_timeout`` instead of failing half-way).
A file that is not one of ours, or is damaged, raises :class:`LibraryError` and is never written.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from tui.core.library.records import (
    Analyser,
    ArticleFilter,
    ArticleNotFound,
    ArticleSummary,
    ImportSummary,
    LibraryError,
    Note,
    ProgressCallback,
    _Failure,
    claim_key,
    current_extractor_version,
    default_analyser,
    notes_by_sentence,
)
from tui.core.library.rows import (
    _SUMMARY_SELECT,
    PreparedArticle,
    _analysis_from_json,
    _describe,
    _existing_id,
    _insert_article,
    _now,
    _parse_dt,
    _refresh_if_stale,
    _store_analysis,
    _summary,
    _where,
    _where_clause,
    prepare_article,
)
from tui.core.library.schema import APPLICATION_ID, SCHEMA_VERSION, migrate
from tui.core.model import Analysis, Article, Claim
from tui.core.stories.store import place_prepared

# Re-exported: callers import these from the store, as before the records moved out.
__all__ = ["Analyser", "Note", "PreparedArticle", "ProgressCallback", "notes_by_sentence"]

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 30.0
CACHE_KIB = 32 * 1024  # page cache per connection
# Pages of write-ahead log before SQLite copies it into the database: the default (1000) during a
# large import means a checkpoint, with its fsync, every few chunks; bulk() raises it.
BULK_WAL_PAGES = 16384

T = TypeVar("T")


def _check_header(path: Path) -> None:
    """Refuse, before SQLite touches it, any non-empty file that is not an SQLite database."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise LibraryError(f"{path}: cannot read the library: {exc.strerror or exc}") from None
    if head and head != SQLITE_MAGIC:
        raise LibraryError(f"{path}: not a newsreader library (not an SQLite database)")


class Library:
    """A newsreader library in one SQLite file. Use :meth:`open`; close with :meth:`close`.

    Thread-safe: one connection guarded by a lock, so the UI may call it from worker threads.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, analyser: Analyser | None) -> None:
        self.path = path
        self._conn = conn
        self._lock = threading.RLock()
        self._analyser = analyser or default_analyser
        self.last_import: ImportSummary | None = None

    # ----------------------------------------------------------------- opening and closing

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        analyser: Analyser | None = None,
        timeout: float = BUSY_TIMEOUT_S,
    ) -> Library:
        """Open the library at ``path``, creating it (and its folder) if missing.

        Raises LibraryError for a file that is not a newsreader library, is damaged, or was
        made by a newer newsreader; such a file is left exactly as it was.
        """
        path = Path(path).expanduser().absolute()
        if path.is_dir():
            raise LibraryError(f"{path}: is a folder, not a newsreader library")
        if path.exists():
            _check_header(path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"{path.parent}: cannot create: {exc.strerror}") from None
        try:
            conn = sqlite3.connect(
                f"{path.as_uri()}?mode=rwc",
                uri=True,
                timeout=timeout,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise LibraryError(f"{path}: cannot open the library: {exc}") from None
        try:
            cls._validate(path, conn)
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise LibraryError(f"{path}: cannot use write-ahead logging here ({mode})")
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: safe against crashes
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn)
        except LibraryError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise LibraryError(_describe(path, exc)) from None
        return cls(path, conn, analyser)

    @staticmethod
    def _validate(path: Path, conn: sqlite3.Connection) -> None:
        # Only reads: nothing is written until the file is known to be ours (or empty).
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            n_objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.Error as exc:
            raise LibraryError(_describe(path, exc)) from None
        if app_id != APPLICATION_ID:
            if app_id == 0 and version == 0 and n_objects == 0:
                return  # a new, empty database: ours to initialise
            raise LibraryError(f"{path}: not a newsreader library (another program's database)")
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"{path}: made by a newer newsreader (library version {version}, "
                f"this program knows up to {SCHEMA_VERSION})"
            )

    def close(self) -> None:
        """Close the connection (SQLite checkpoints the write-ahead log)."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._read(lambda c: c.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Batch many write transactions (an import): checkpoint the log less often.

        Each transaction still commits on its own; only the log copying is deferred.
        """
        with self._lock:
            previous = self._conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
            self._conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_WAL_PAGES}")
        try:
            yield
        finally:
            with self._lock:
                self._conn.execute(f"PRAGMA wal_autocheckpoint = {previous}")
                # A checkpoint is an optimisation: if the library is busy, SQLite does it later.
                with suppress(sqlite3.Error):
                    self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    # ----------------------------------------------------------------- transactions

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise LibraryError(_describe(self.path, exc)) from None
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise LibraryError(_describe(self.path, exc)) from exc
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        # SQLite may already have rolled back (e.g. after an I/O error): never mask the cause.
        with suppress(sqlite3.Error):
            self._conn.execute("ROLLBACK")

    def _read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock:
            try:
                return fn(self._conn)
            except sqlite3.Error as exc:
                raise LibraryError(_describe(self.path, exc)) from None

    # ----------------------------------------------------------------- importing

    def import_articles(
        self,
        items: Iterable[Article | _Failure],
        on_progress: ProgressCallback | None = None,
        *,
        analysed: bool = False,
        extractor_version: str | None = None,
        chunk_size: int = 100,
    ) -> ImportSummary:
        """Analyse (unless ``analysed``) and store articles, one transaction per chunk.

        ``items`` may mix Articles and load failures (objects with ``path`` and ``error``);
        failures are reported in the summary. Duplicates (same content hash or same URL)
        are not stored again; their existing id is reported.
        """
        summary = ImportSummary()
        version = extractor_version or current_extractor_version()
        batch: list[Article] = []
        for done, item in enumerate(items, 1):
            if not isinstance(item, Article):
                summary.failed.append((item.path, item.error))
            elif analysed:
                batch.append(item)
            else:
                try:
                    item.analysis = self._analyser(item)
                    batch.append(item)
                except Exception as exc:
                    summary.failed.append((_where(item), f"analysis failed: {exc}"))
            if len(batch) >= chunk_size:
                summary.merge(self.store_analysed(batch, version))
                batch = []
            if on_progress:
                on_progress(done, None)
        if batch:
            summary.merge(self.store_analysed(batch, version))
        return summary

    def store_analysed(self, articles: list[Article], extractor_version: str) -> ImportSummary:
        """Store already analysed articles in ONE transaction: all of them or none."""
        return self.store_prepared([prepare_article(a) for a in articles], extractor_version)

    def store_prepared(
        self, articles: list[PreparedArticle | str], extractor_version: str
    ) -> ImportSummary:
        """Store prepared articles (see :func:`prepare_article`) in ONE transaction.

        A plain string is the id of an article the importer found already in the library.
        """
        summary = ImportSummary()
        if all(isinstance(p, str) for p in articles):
            # Nothing to write: no transaction, so a re-import leaves the file untouched.
            summary.duplicates = len(articles)
            summary.article_ids = list(articles)  # type: ignore[arg-type]
            return summary
        added = _now()
        inserted: list[PreparedArticle] = []
        with self._write() as conn:
            for p in articles:
                if isinstance(p, str):
                    summary.duplicates += 1
                    summary.article_ids.append(p)
                    continue
                existing = _existing_id(conn, p.id, p.url)
                if existing is None:
                    _insert_article(conn, p, extractor_version, added)
                    inserted.append(p)
                    summary.imported += 1
                    summary.article_ids.append(p.id)
                else:
                    summary.duplicates += 1
                    summary.article_ids.append(existing)
                    if existing == p.id:
                        # Same content analysed by other extractors: keep the newer analysis.
                        _refresh_if_stale(conn, p, extractor_version)
            place_prepared(conn, inserted)  # stories: same transaction, deferred on failure
        return summary

    def replace_article(self, prepared: PreparedArticle, extractor_version: str) -> None:
        """Give an article new content under its id (a feed entry that was edited upstream).

        Read state, stars and notes stay; notes and stars on claims are re-anchored.
        """
        p = prepared
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE articles SET url = ?, title = ?, site = ?, section = ?, authors = ?, "
                "published = ?, updated = ?, sort_ts = ? WHERE id = ?",
                (*p.article_row[1:9], p.id),
            )
            if cur.rowcount == 0:
                raise ArticleNotFound(f"no article {p.id!r} in the library")
            conn.execute(
                "UPDATE article_bodies SET text = ?, paragraphs = ?, sentences = ?, "
                "boilerplate = ? WHERE article_id = ?",
                (*p.body_row[1:], p.id),
            )
            _store_analysis(conn, p, extractor_version)

    # ----------------------------------------------------------------- reading

    def __len__(self) -> int:
        return self._read(lambda c: c.execute("SELECT count(*) FROM articles").fetchone()[0])

    def list_articles(
        self, filter: ArticleFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[ArticleSummary]:
        """Summaries, newest first (published date, else when added). No bodies are read."""
        where, params = _where_clause(filter)
        # Undated articles (feed items without a date) below every dated one: their
        # sort_ts is when they were added, which would put them above today's news.
        sql = _SUMMARY_SELECT + where + " ORDER BY published IS NULL, sort_ts DESC, id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]

        return self._read(lambda c: [_summary(r) for r in c.execute(sql, params)])

    def get_summary(self, article_id: str) -> ArticleSummary:
        """One article's list row (flags and counts) without its body."""
        sql = _SUMMARY_SELECT + " WHERE id = ?"
        row = self._read(lambda c: c.execute(sql, (article_id,)).fetchone())
        if row is None:
            raise ArticleNotFound(f"no article {article_id!r} in the library")
        return _summary(row)

    def count_articles(self, filter: ArticleFilter | None = None) -> int:
        """How many articles match (for a list header); cheap, counts stored rows."""
        where, params = _where_clause(filter)
        sql = "SELECT count(*) FROM articles" + where
        return self._read(lambda c: c.execute(sql, params).fetchone()[0])

    def sites(self) -> list[tuple[str, int]]:
        """Each site with its number of articles, most first (for the site filter)."""
        sql = (
            "SELECT site, count(*) FROM articles WHERE site IS NOT NULL "
            "GROUP BY site ORDER BY count(*) DESC, site"
        )
        return self._read(lambda c: [(r[0], r[1]) for r in c.execute(sql)])

    def entity_names(self, prefix: str = "", limit: int = 50) -> list[tuple[str, int]]:
        """Entity names (with article counts) starting with ``prefix``, for the entity filter."""
        key = " ".join(prefix.split()).casefold()
        sql = (
            "SELECT min(name), count(DISTINCT article_id) FROM article_entities "
            "WHERE name_key >= ? AND name_key < ? GROUP BY name_key "
            "ORDER BY count(DISTINCT article_id) DESC, name_key LIMIT ?"
        )
        params = (key, key + "\uffff", limit)
        return self._read(lambda c: [(r[0], r[1]) for r in c.execute(sql, params)])

    def article_ids(self) -> list[str]:
        """Every article's id (what the search index must hold)."""
        return self._read(lambda c: [r[0] for r in c.execute("SELECT id FROM articles")])

    def text_bytes(self) -> int:
        """The UTF-8 size of every article's text (what the index's size compares with)."""
        sql = "SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM article_bodies"
        return int(self._read(lambda c: c.execute(sql).fetchone()[0]))

    def has_article(self, article_id: str) -> bool:
        sql = "SELECT 1 FROM articles WHERE id = ?"
        return self._read(lambda c: c.execute(sql, (article_id,)).fetchone() is not None)

    def get_article(self, article_id: str) -> Article:
        """The full article with its analysis (re-analysed first if the extractors changed)."""
        article = self._load_article(article_id)
        article.analysis = self._analysis(article_id, article)
        return article

    def _load_article(self, article_id: str) -> Article:
        sql = (
            "SELECT a.id, a.url, a.title, a.site, a.section, a.authors, a.published, a.updated, "
            "a.source_path, b.text, b.paragraphs, b.sentences, b.boilerplate "
            "FROM articles a JOIN article_bodies b ON b.article_id = a.id WHERE a.id = ?"
        )
        row = self._read(lambda c: c.execute(sql, (article_id,)).fetchone())
        if row is None:
            raise ArticleNotFound(f"no article {article_id!r} in the library")
        return Article(
            id=row[0],
            url=row[1],
            title=row[2],
            site=row[3],
            section=row[4],
            authors=json.loads(row[5]),
            published=_parse_dt(row[6]),
            updated=_parse_dt(row[7]),
            source_path=row[8],
            text=row[9],
            paragraphs=[(s, e) for s, e in json.loads(row[10])],
            sentences=[(s, e) for s, e in json.loads(row[11])],
            boilerplate=json.loads(row[12]),
        )

    def get_analysis(self, article_id: str) -> Analysis:
        """The cached analysis if the extractor version matches; else re-analyse and store."""
        return self._analysis(article_id, None)

    def _analysis(self, article_id: str, article: Article | None) -> Analysis:
        version = current_extractor_version()
        sql = "SELECT extractor_version, data FROM analyses WHERE article_id = ?"
        row = self._read(lambda c: c.execute(sql, (article_id,)).fetchone())
        if row is not None and row[0] == version:
            return _analysis_from_json(row[1])
        article = article or self._load_article(article_id)
        try:
            article.analysis = self._analyser(article)
        except Exception as exc:
            if row is not None:
                return _analysis_from_json(row[1])  # older analysis beats none
            raise LibraryError(f"article {article_id!r}: analysis failed: {exc}") from exc
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                _store_analysis(conn, prepare_article(article), version)
        return article.analysis

    # ----------------------------------------------------------------- reading state

    def mark_read(self, article_id: str, read: bool = True) -> None:
        self._set_flag(article_id, "read", read)

    def star_article(self, article_id: str, starred: bool = True) -> None:
        self._set_flag(article_id, "starred", starred)

    def _set_flag(self, article_id: str, column: str, value: bool) -> None:
        with self._write() as conn:
            cur = conn.execute(
                f"UPDATE articles SET {column} = ? WHERE id = ?", (int(value), article_id)
            )
            if cur.rowcount == 0:
                raise ArticleNotFound(f"no article {article_id!r} in the library")

    def star_claim(self, article_id: str, key: str, starred: bool = True) -> None:
        """Star (or unstar) the claim with this :func:`claim_key`."""
        if not starred:
            with self._write() as conn:
                conn.execute(
                    "DELETE FROM claim_stars WHERE article_id = ? AND claim_key = ?",
                    (article_id, key),
                )
            return
        claim = self._claim(article_id, key)
        with self._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO claim_stars VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, key, claim.text, claim.span[0], claim.span[1], _now()),
            )

    def starred_claims(self, article_id: str) -> set[str]:
        sql = "SELECT claim_key FROM claim_stars WHERE article_id = ?"
        return self._read(lambda c: {r[0] for r in c.execute(sql, (article_id,))})

    def articles_with_starred_claims(self) -> set[str]:
        sql = "SELECT DISTINCT article_id FROM claim_stars"
        return self._read(lambda c: {r[0] for r in c.execute(sql)})

    def _claim(self, article_id: str, key: str) -> Claim:
        for claim in self.get_analysis(article_id).claims:
            if claim_key(claim) == key:
                return claim
        if not self.has_article(article_id):
            raise ArticleNotFound(f"no article {article_id!r} in the library")
        raise LibraryError(f"article {article_id!r} has no claim {key!r}")

    # ----------------------------------------------------------------- notes

    def set_note(self, article_id: str, key: str | None, text: str) -> None:
        """Write the note on the article (``key`` None) or on a claim; blank text deletes it."""
        db_key = key or ""
        if not text.strip():
            with self._write() as conn:
                conn.execute(
                    "DELETE FROM notes WHERE article_id = ? AND claim_key = ?", (article_id, db_key)
                )
            return
        anchor, start, end = "", -1, -1
        if key:
            try:
                claim = self._claim(article_id, key)
                anchor, (start, end) = claim.text, claim.span
            except ArticleNotFound:
                raise
            except LibraryError:
                # An orphaned note (its claim vanished in a re-analysis) may still be edited.
                if key not in {n.claim_key for n in self.notes_for(article_id)}:
                    raise
                anchor = ""
        elif not self.has_article(article_id):
            raise ArticleNotFound(f"no article {article_id!r} in the library")
        now = _now()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO notes (article_id, claim_key, text, anchor_text, span_start, "
                "span_end, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (article_id, claim_key) DO UPDATE SET text = excluded.text, "
                "updated_at = excluded.updated_at, "
                "anchor_text = CASE WHEN excluded.anchor_text = '' THEN anchor_text "
                "ELSE excluded.anchor_text END",
                (article_id, db_key, text, anchor, start, end, now, now),
            )

    def notes_for(self, article_id: str) -> list[Note]:
        """The article's notes: the article note first, then claim notes in text order."""
        sql = (
            "SELECT claim_key, text, anchor_text, span_start, span_end, created_at, updated_at "
            "FROM notes WHERE article_id = ? ORDER BY claim_key != '', span_start, claim_key"
        )

        def run(c: sqlite3.Connection) -> list[Note]:
            out = []
            for key, text, anchor, s, e, created, updated in c.execute(sql, (article_id,)):
                made = _parse_dt(created) or datetime.now(UTC)
                out.append(
                    Note(
                        article_id=article_id,
                        claim_key=key or None,
                        text=text,
                        anchor_text=anchor,
                        span=(s, e) if s >= 0 else None,
                        created_at=made,
                        updated_at=_parse_dt(updated) or made,
                    )
                )
            return out

        return self._read(run)

    def note_count(self) -> int:
        return self._read(lambda c: c.execute("SELECT count(*) FROM notes").fetchone()[0])

    # ----------------------------------------------------------------- deleting, meta

    def delete_article(self, article_id: str) -> None:
        """Delete an article with its body, analysis, stars and notes."""
        with self._write() as conn:
            cur = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            if cur.rowcount == 0:
                raise ArticleNotFound(f"no article {article_id!r} in the library")

    def get_meta(self, key: str) -> str | None:
        sql = "SELECT value FROM meta WHERE key = ?"
        row = self._read(lambda c: c.execute(sql, (key,)).fetchone())
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def integrity_check(self) -> str:
        """SQLite's own full check: 'ok' when the file is sound."""
        return self._read(lambda c: c.execute("PRAGMA integrity_check").fetchone()[0])
