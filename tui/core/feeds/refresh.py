"""Refresh subscriptions: fetch each feed (conditionally), store new and changed entries.

Feeds are fetched on a few threads (the fetcher keeps to 2 requests per host); parsing,
page extraction and analysis run in worker processes. Nothing is ever deleted by a refresh,
and a feed's validators (ETag, Last-Modified) are saved only after its entries are stored, so
a refresh killed at any point is completed by the next one.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from tui.core.feeds.entries import Entry, FeedDoc, parse_feed
from tui.core.feeds.fulltext import BuildJob, Built, Page, build
from tui.core.feeds.subscriptions import Feed, FeedStore, KnownEntry
from tui.core.fetch import Fetcher, FetchError
from tui.core.fetch.politeness import backoff_seconds
from tui.core.library import Library, LibraryError
from tui.core.library.store import current_extractor_version
from tui.core.loaders.errors import LoadError

FEED_THREADS = 8
STORE_BATCH = 50
R = TypeVar("R")


@dataclass(slots=True)
class FeedOutcome:
    """What refreshing one feed did."""

    feed: Feed
    status: str  # "updated", "not modified", "failed", "skipped"
    new: int = 0
    changed: int = 0
    pages: int = 0
    error: str | None = None


@dataclass(slots=True)
class RefreshReport:
    """The outcome of each feed, and totals."""

    outcomes: list[FeedOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def new(self) -> int:
        return sum(o.new for o in self.outcomes)

    @property
    def changed(self) -> int:
        return sum(o.changed for o in self.outcomes)

    @property
    def pages(self) -> int:
        return sum(o.pages for o in self.outcomes)

    @property
    def failed(self) -> list[FeedOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


# (feeds done, feeds total, articles stored so far)
ProgressCallback = Callable[[int, int, int], None]
# The ids of articles just stored (new or changed), for a list to show them as they come.
ArticlesCallback = Callable[[list[str]], None]


class Refresher:
    """Refreshes feeds into a library. One refresh at a time per Refresher."""

    def __init__(
        self,
        library: Library,
        fetcher: Fetcher,
        *,
        workers: int = 2,
        on_progress: ProgressCallback | None = None,
        on_articles: ArticlesCallback | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.library = library
        self.store = FeedStore.of(library)
        self.fetcher = fetcher
        self.workers = workers
        self.on_progress = on_progress
        self.on_articles = on_articles
        self.stop = stop or threading.Event()
        self._pool: Executor | None = None
        self._lock = threading.Lock()
        self._stored = 0
        self._version = current_extractor_version()

    def close(self) -> None:
        self.store.close()

    def refresh(self, feeds: list[Feed], *, force: bool = False) -> RefreshReport:
        """Refresh these feeds; ``force`` ignores each feed's minimum interval (not Retry-After)."""
        report = RefreshReport()
        if not feeds:
            return report
        self._pool = _cpu_pool(self.workers) if self.workers > 1 and len(feeds) > 1 else None
        done = 0
        try:
            with ThreadPoolExecutor(min(FEED_THREADS, len(feeds))) as threads:
                futures = [threads.submit(self._refresh_safely, f, force) for f in feeds]
                for future in futures:
                    report.outcomes.append(future.result())
                    done += 1
                    if self.on_progress:
                        self.on_progress(done, len(feeds), self._stored)
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
        return report

    # ------------------------------------------------------------------ one feed

    def _refresh_safely(self, feed: Feed, force: bool) -> FeedOutcome:
        try:
            return self._refresh_feed(feed, force)
        except (LibraryError, BrokenProcessPool) as exc:
            reason = str(exc) or "a worker process died (out of memory?)"
            return FeedOutcome(feed, "failed", error=reason)
        except Exception as exc:  # a bug must cost one feed, never the refresh
            reason = f"internal error ({type(exc).__name__}: {exc})"
            self.store.record_failure(feed.id, reason, 0.0)
            return FeedOutcome(feed, "failed", error=reason)

    def _refresh_feed(self, feed: Feed, force: bool) -> FeedOutcome:
        now = time.time()
        if feed.retry_at > now:
            wait = f"the server asked to wait until {_clock(feed.retry_at)}"
            return FeedOutcome(feed, "skipped", error=wait)
        if not force and _not_due(feed, now):
            return FeedOutcome(feed, "skipped", error="not due yet (the feed's refresh interval)")
        if self.stop.is_set():
            return FeedOutcome(feed, "skipped", error="refresh stopped")
        try:
            result = self.fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        except FetchError as exc:
            self.store.record_failure(feed.id, str(exc), _retry_at(exc, feed.failures + 1))
            return FeedOutcome(feed, "failed", error=str(exc))
        interval = max(feed.min_interval, result.max_age or 0.0)
        if result.not_modified:
            self.store.record_success(feed.id, min_interval=interval)
            return FeedOutcome(feed, "not modified")
        try:
            content_type = result.content_type + (
                f"; charset={result.charset}" if result.charset else ""
            )
            doc = self._call(parse_feed, result.body, result.url, content_type).result()
        except LoadError as exc:
            reason = f"not a usable feed: {exc}"
            self.store.record_failure(feed.id, reason, 0.0)
            return FeedOutcome(feed, "failed", error=reason)
        outcome = self._store_entries(feed, doc)
        fields: dict[str, Any] = {
            "etag": result.etag,
            "last_modified": result.last_modified,
            "min_interval": max(doc.min_interval, result.max_age or 0.0),
        }
        if not feed.title and doc.title:
            fields["title"] = doc.title
        if doc.site_url:
            fields["site_url"] = doc.site_url
        if result.moved_to and self.store.get(result.moved_to) is None:
            fields["url"] = result.moved_to  # a permanent redirect: follow the feed's move
        if not self.stop.is_set():  # validators only once every entry is in
            self.store.record_success(feed.id, **fields)
        return outcome

    def _store_entries(self, feed: Feed, doc: FeedDoc) -> FeedOutcome:
        outcome = FeedOutcome(feed, "updated")
        known = self.store.known_entries(
            feed.id, [(e.key, e.link, e.content_hash) for e in doc.entries]
        )
        full_text = doc.mostly_summaries if feed.full_text is None else feed.full_text
        pending: list[tuple[Entry, KnownEntry | None, Future[Built]]] = []
        for entry in doc.entries:
            old = known.get(entry.key)
            if old is not None and old.content_hash == entry.content_hash:
                continue
            if self.stop.is_set():
                break
            page = self._page(entry) if full_text and entry.summary_only else None
            outcome.pages += page is not None
            assert entry.article is not None
            job = BuildJob(entry.key, entry.article, page, old.article_id if old else None)
            pending.append((entry, old, self._call(build, job)))
        for start in range(0, len(pending), STORE_BATCH):
            self._write_batch(feed, pending[start : start + STORE_BATCH], outcome)
        return outcome

    def _page(self, entry: Entry) -> Page | None:
        """The entry's linked page, or None (the summary is kept) when it cannot be fetched."""
        if not entry.link:
            return None
        try:
            result = self.fetcher.get(entry.link)
        except FetchError:
            return None
        return Page(result.url, result.body, result.charset)

    def _write_batch(
        self,
        feed: Feed,
        batch: list[tuple[Entry, KnownEntry | None, Future[Built]]],
        outcome: FeedOutcome,
    ) -> None:
        fresh: list[tuple[Entry, Any]] = []
        rows: list[tuple[str, str | None, str, str]] = []
        for entry, old, future in batch:
            built = future.result()
            if built.prepared is None:
                continue
            if old is None:
                fresh.append((entry, built.prepared))
                continue
            try:
                self.library.replace_article(built.prepared, self._version)
                outcome.changed += 1
            except LibraryError:
                pass  # the user deleted it (or its new URL is another article's): leave it
            rows.append((entry.key, entry.link, entry.content_hash, old.article_id))
        ids: list[str] = []
        if fresh:
            summary = self.library.store_prepared([p for _, p in fresh], self._version)
            outcome.new += summary.imported
            ids = summary.article_ids
            rows.extend(
                (e.key, e.link, e.content_hash, aid) for (e, _), aid in zip(fresh, ids, strict=True)
            )
        if rows:
            self.store.record_entries(feed.id, rows)
            with self._lock:
                self._stored += len(rows)
            if self.on_articles:
                self.on_articles([r[3] for r in rows])

    def _call(self, fn: Callable[..., R], *args: Any) -> Future[R]:
        """Run CPU work in the worker pool, or right here when there is none."""
        if self._pool is not None:
            return self._pool.submit(fn, *args)
        future: Future[R] = Future()
        try:
            future.set_result(fn(*args))
        except Exception as exc:
            future.set_exception(exc)
        return future


def _cpu_pool(workers: int) -> Executor:
    # spawn, not fork: the caller may be a Textual app with threads running.
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def _not_due(feed: Feed, now: float) -> bool:
    if not feed.last_fetched or feed.min_interval <= 0:
        return False
    try:
        last = datetime.fromisoformat(feed.last_fetched).timestamp()
    except ValueError:
        return False
    return last + feed.min_interval > now


def _retry_at(exc: FetchError, failures: int) -> float:
    """When to try a failing feed again: as the server asks, else back off on 429/503."""
    if exc.retry_after is not None:
        return time.time() + exc.retry_after
    if exc.status in (429, 503):
        return time.time() + backoff_seconds(failures)
    return 0.0


def _clock(ts: float) -> str:
    return datetime.fromtimestamp(ts).strftime("%H:%M:%S")
