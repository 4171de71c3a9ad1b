"""The library's search index: kept beside the library file, agreeing with it.

``library.sqlite3`` keeps its index in ``library.sqlite3.index/`` (segment files and a
manifest). Imports add segments after their articles commit; a crash in between leaves
articles the index lacks, which :func:`repair` finds (the library's ids against the
index's) and indexes, while search goes on over what is indexed. Deleted articles are
hidden at once in memory and dropped from disk at the next merge.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from tui.core.library.records import ArticleNotFound, ProgressCallback
from tui.core.library.store import Library
from tui.core.search.build import build_arrays
from tui.core.search.manifest import IndexUnavailable
from tui.core.search.persistent import PersistentIndex

INDEX_SUFFIX = ".index"
REPAIR_BATCH = 500  # articles indexed per segment while repairing

__all__ = [
    "IndexUnavailable",
    "LibraryTexts",
    "index_folder",
    "open_index",
    "rebuild",
    "repair",
]


def index_folder(library_path: Path) -> Path:
    """Where the library at ``library_path`` keeps its search index."""
    return library_path.with_name(library_path.name + INDEX_SUFFIX)


class LibraryTexts:
    """Article texts read through a read-only connection of its own (thread-safe).

    Its own connection: a search showing hits never waits for an import's transaction.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def __call__(self, article_id: str) -> str:
        sql = "SELECT text FROM article_bodies WHERE article_id = ?"
        with self._lock:
            try:
                if self._conn is None:
                    uri = f"{self._path.absolute().as_uri()}?mode=ro"
                    self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                row = self._conn.execute(sql, (article_id,)).fetchone()
            except sqlite3.Error:
                return ""  # the hit still shows its title; the next search reads again
        return "" if row is None else str(row[0])

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def open_index(library: Library) -> PersistentIndex:
    """The library's index as it is on disk (no article read; nothing repaired yet)."""
    return PersistentIndex(
        index_folder(library.path), LibraryTexts(library.path), live_ids=library.article_ids
    )


def repair(
    library: Library,
    index: PersistentIndex,
    on_progress: ProgressCallback | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """Index the articles the index lacks and hide those the library no longer has.

    Works in batches, each one a segment, so search sees progress as it goes and a
    cancelled or killed repair keeps what it did. Returns the articles indexed.
    """
    missing = index.sync(library.article_ids())
    done = 0
    if on_progress:
        on_progress(0, len(missing))
    for start in range(0, len(missing), REPAIR_BATCH):
        if cancel is not None and cancel():
            break
        articles = []
        for article_id in missing[start : start + REPAIR_BATCH]:
            try:
                articles.append(library.get_article(article_id))
            except ArticleNotFound:
                continue  # deleted meanwhile
        index.add(build_arrays(articles))
        done += len(articles)
        if on_progress:
            on_progress(min(start + REPAIR_BATCH, len(missing)), len(missing))
    return done


def rebuild(
    library: Library,
    on_progress: ProgressCallback | None = None,
) -> PersistentIndex:
    """Throw the index away and index every article again (segments merge by size tier)."""
    index = open_index(library)
    with index.folder.locked():
        index.folder.commit([], index.segments)
        index.folder.remove_orphans(max_age=0)
    index.refresh()
    repair(library, index, on_progress)
    return index
