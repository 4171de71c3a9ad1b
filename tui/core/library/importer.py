"""Import files into the library on both cores.

Worker processes load and analyse chunks of files; the parent writes each chunk's articles in
one transaction. A kill at any moment therefore loses at most the chunks not yet written, and
never leaves half an article behind.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import numpy as np

from tui.core.fetch.safety import is_url
from tui.core.library.indexing import IndexUnavailable, open_index
from tui.core.library.store import (
    Analyser,
    ImportSummary,
    Library,
    PreparedArticle,
    ProgressCallback,
    current_extractor_version,
    default_analyser,
    prepare_article,
)
from tui.core.loaders import load_paths
from tui.core.model import Article
from tui.core.search.build import Arrays, build_arrays
from tui.core.search.persistent import PersistentIndex
from tui.core.search.segment import merge_arrays
from tui.core.search.strings import StringTable

DEFAULT_WORKERS = 2
DEFAULT_CHUNK = 25
# Below this many files a worker pool costs more (process start-up) than it saves.
POOL_THRESHOLD = 2 * DEFAULT_CHUNK

# (articles as row values, or the library id of one it already has; failures; version;
# the search index segment of the analysed articles)
ChunkResult = tuple[list[PreparedArticle | str], list[tuple[str, str]], str, Arrays]
INDEX_FLUSH = 2000  # articles indexed per new segment during an import


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """Files named, and the files under each folder named (sorted), in order given.

    Web addresses pass through as they are (``Path`` would fold their ``//``).
    """
    out: list[str] = []
    for path in paths:
        if isinstance(path, str) and is_url(path):
            out.append(path)
            continue
        p = Path(path)
        if p.is_dir():
            try:
                out.extend(str(f) for f in sorted(p.rglob("*")) if f.is_file())
            except OSError:
                out.append(str(p))  # load_paths reports the folder's error
        else:
            out.append(str(p))
    return out


def load_and_analyse(
    files: Sequence[str],
    raw: bool = False,
    analyser: Analyser | None = None,
    library_path: str | None = None,
) -> ChunkResult:
    """Load and analyse one chunk of files (runs in a worker process).

    Returns the articles as row values (or, for an article the library at ``library_path``
    already has with a current analysis, just its id: no need to analyse it again), the
    failures as (path, reason), and the extractor version that analysed them.
    """
    analyse = analyser or default_analyser
    version = current_extractor_version()
    result = load_paths(list(files), raw=raw)
    failures = [(f.path, f.error) for f in result.errors]
    known = _KnownArticles(library_path) if library_path else None
    articles: list[PreparedArticle | str] = []
    analysed: list[Article] = []
    try:
        for article in result.articles:
            existing = known.lookup(article, version) if known else None
            if existing is not None:
                articles.append(existing)
                continue
            try:
                article.analysis = analyse(article)
                articles.append(prepare_article(article))
                analysed.append(article)
            except Exception as exc:  # one bad article must not sink its chunk
                failures.append((article.source_path or article.title, f"analysis failed: {exc}"))
    finally:
        if known:
            known.close()
    # Indexed here, in the worker: both cores share the indexing as they share the analysis.
    return articles, failures, version, build_arrays(analysed)


class _KnownArticles:
    """A read-only look into the library: which loaded articles it has already."""

    def __init__(self, path: str) -> None:
        try:
            self.conn: sqlite3.Connection | None = sqlite3.connect(
                f"{Path(path).absolute().as_uri()}?mode=ro", uri=True, timeout=5
            )
        except sqlite3.Error:
            self.conn = None  # no shortcut: every article is analysed

    def lookup(self, article: Article, version: str) -> str | None:
        """The id of this article in the library, if it needs no new analysis."""
        if self.conn is None:
            return None
        try:
            row = self.conn.execute(
                "SELECT y.extractor_version FROM analyses y WHERE y.article_id = ?",
                (article.id,),
            ).fetchone()
            if row is not None:
                return article.id if row[0] == version else None
            if article.url:
                row = self.conn.execute(
                    "SELECT id FROM articles WHERE url = ?", (article.url,)
                ).fetchone()
                return None if row is None else row[0]
        except sqlite3.Error:
            return None
        return None

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    on_progress: ProgressCallback | None = None,
    *,
    workers: int = DEFAULT_WORKERS,
    chunk_size: int = DEFAULT_CHUNK,
    raw: bool = False,
    analyser: Analyser | None = None,
    on_failure: Callable[[str, str], None] | None = None,
) -> ImportSummary:
    """Import files, folders and feeds; progress is reported as (files done, files total).

    ``on_failure(path, reason)`` hears of each file that could not be imported as soon as
    its chunk is done (the summary lists them all at the end).

    With ``workers`` > 1 and enough files, chunks are loaded and analysed in a process pool
    (the analyser must then be a module-level function, to be sent to the workers).
    """
    items = [str(p) for p in paths]
    # Web addresses are fetched (issue 14: tui.core.feeds.urls); the rest are files.
    urls = [p for p in items if is_url(p)]
    files = expand_paths(p for p in items if not is_url(p))
    with library.bulk(), _IndexWriter(library) as index:
        summary = _import_files(
            library, files, on_progress, workers, chunk_size, raw, analyser, index, on_failure
        )
    if urls:
        from tui.core.feeds.urls import import_urls

        summary.merge(import_urls(library, urls, analyser=analyser))
    return summary


def _import_files(
    library: Library,
    files: list[str],
    on_progress: ProgressCallback | None,
    workers: int,
    chunk_size: int,
    raw: bool,
    analyser: Analyser | None,
    index: _IndexWriter,
    on_failure: Callable[[str, str], None] | None = None,
) -> ImportSummary:
    chunks = [files[i : i + chunk_size] for i in range(0, len(files), chunk_size)]
    db = str(library.path)
    summary = ImportSummary()
    total, done = len(files), 0
    if on_progress:
        on_progress(0, total)

    def write(chunk: list[str], result: ChunkResult) -> None:
        nonlocal done
        articles, failures, version, arrays = result
        summary.merge(library.store_prepared(articles, version))
        index.add(arrays)
        summary.failed.extend(failures)
        if on_failure is not None:
            for path, reason in failures:
                on_failure(path, reason)
        done += len(chunk)
        if on_progress:
            on_progress(done, total)

    if "-" in files:
        # Standard input belongs to this process, not to a worker's.
        write(["-"], load_and_analyse(["-"], raw, analyser, db))
        files = [f for f in files if f != "-"]
        chunks = [files[i : i + chunk_size] for i in range(0, len(files), chunk_size)]

    if workers <= 1 or len(files) < POOL_THRESHOLD:
        for chunk in chunks:
            write(chunk, load_and_analyse(chunk, raw, analyser, db))
        return summary

    # spawn, not fork: the caller may be a Textual app with threads running.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[tuple[list[str], Future[ChunkResult]]] = deque()
        todo = iter(chunks)
        try:
            # Keep a bounded number of chunks in flight so memory stays flat on huge imports.
            for chunk in todo:
                pending.append((chunk, pool.submit(load_and_analyse, chunk, raw, analyser, db)))
                if len(pending) >= workers * 2:
                    break
            while pending:
                chunk, future = pending.popleft()
                write(chunk, future.result())
                nxt = next(todo, None)
                if nxt is not None:
                    pending.append((nxt, pool.submit(load_and_analyse, nxt, raw, analyser, db)))
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return summary


class _IndexWriter:
    """Collects the import's chunk segments; every INDEX_FLUSH articles (and at the end)
    adds them to the library's index as one segment, after their articles committed.

    The index never fails an import: if it cannot be written, repair() catches up later.
    """

    def __init__(self, library: Library) -> None:
        self.library = library
        self.pending: list[tuple[Arrays, np.ndarray]] = []
        self.count = 0
        self.index: PersistentIndex | None = None

    def __enter__(self) -> _IndexWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()

    def add(self, arrays: Arrays) -> None:
        ids = StringTable.of(arrays, "ids").tolist()
        if not ids:
            return
        # Only what the library now holds (not an article it had under another URL).
        keep = np.fromiter((self.library.has_article(i) for i in ids), dtype=bool, count=len(ids))
        self.pending.append((arrays, keep))
        self.count += len(ids)
        if self.count >= INDEX_FLUSH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        pending, self.pending, self.count = self.pending, [], 0
        try:
            if self.index is None:
                self.index = open_index(self.library)
            self.index.add(merge_arrays(pending))
        except (IndexUnavailable, OSError):
            pass  # the articles are stored; the index is repaired on its next opening


def worker_count() -> int:
    """Two workers (the design target), fewer on a one-core machine."""
    return max(1, min(DEFAULT_WORKERS, os.cpu_count() or 1))
