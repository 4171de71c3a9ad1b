"""The app's feed actions: the Feeds pane (s), refresh in the background (R), open (O), copy (y).

A mixin of NewsReaderApp, kept apart so the app module stays small. The refresh runs in a
thread worker (fetching) with a process pool (extraction and analysis), so the UI stays
responsive; the list is re-read as articles arrive, and the open article never moves.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Any

from textual import work

# Nothing from tui.core.fetch/feeds at import time: httpx would slow the reader's start-up.
if TYPE_CHECKING:
    from tui.config import Config
    from tui.core.feeds import RefreshReport

# Minutes between automatic refreshes, over the config's [feeds] refresh_minutes (0: none);
# each automatic refresh honours every feed's minimum interval (<ttl>, sy:update*, max-age)
# and Retry-After.
REFRESH_ENV = "NEWSREADER_REFRESH_MINUTES"
LIST_EVERY_S = 1.0  # re-read the list at most this often while articles arrive


def refresh_minutes(config: Config | None = None) -> float:
    """$NEWSREADER_REFRESH_MINUTES if set, else ``[feeds] refresh_minutes`` of ``config``
    (read from its file when None)."""
    value = os.environ.get(REFRESH_ENV, "").strip()
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            return 0.0
    if config is None:
        from tui.config import load_config

        config = load_config()
    return float(config.feeds.refresh_minutes)


class FeedsActions:
    """Actions NewsReaderApp gets from this mixin (it has library, main, notify...)."""

    _feeds_busy = False

    def start_feed_timer(self) -> None:
        """Refresh the feeds every few minutes when the config (or the environment) says so."""
        app: Any = self
        minutes = refresh_minutes(app.config)
        if minutes > 0 and app.library is not None:
            from tui.app import _start_resource_tracker

            _start_resource_tracker()
            app.set_interval(minutes * 60, lambda: self._refresh_feeds_worker(due_only=True))

    def action_feeds(self) -> None:
        """Show the subscriptions; choosing one filters the list to its articles."""
        app: Any = self
        if app.library is None:
            app.notify("Feeds need a library", severity="warning", timeout=3)
            return
        from tui.core.feeds import FeedStore
        from tui.dialogs.feeds import FeedsDialog

        store = FeedStore.of(app.library)
        try:
            feeds, counts = store.feeds(), store.counts()
        finally:
            store.close()

        def chosen(feed_id: int | None) -> None:
            if feed_id is not None:
                self._filter_by_feed(feed_id)

        app.push_screen(FeedsDialog(feeds, counts), chosen)

    def _filter_by_feed(self, feed_id: int) -> None:
        from tui.core.feeds import FeedStore
        from tui.core.library import ArticleFilter

        app: Any = self
        store = FeedStore.of(app.library)
        try:
            site = store.site_of(feed_id)
        finally:
            store.close()
        if site is None:
            app.notify("No articles from this feed yet (R refreshes)", timeout=3)
            return
        app.main.set_filter(ArticleFilter(site=site))

    def action_refresh_feeds(self) -> None:
        """Refresh every feed in the background (progress in the key bar)."""
        app: Any = self
        if app.library is None:
            app.notify("Feeds need a library", severity="warning", timeout=3)
        elif self._feeds_busy:
            app.notify("Already refreshing the feeds", timeout=2)
        else:
            from tui.app import _start_resource_tracker

            _start_resource_tracker()  # the refresh's process pool needs it (see there)
            self._refresh_feeds_worker(due_only=False)

    @work(thread=True, group="feeds", exclusive=True)
    def _refresh_feeds_worker(self, due_only: bool) -> None:
        from tui.core.feeds import FeedStore, Refresher
        from tui.core.fetch import Fetcher
        from tui.core.library import worker_count

        app: Any = self
        if self._feeds_busy:
            return
        self._feeds_busy = True
        last = 0.0

        def arrived(ids: list[str]) -> None:
            nonlocal last
            if time.monotonic() - last >= LIST_EVERY_S:
                last = time.monotonic()
                app.call_from_thread(app.main.refresh_list, None, False)

        def progress(done: int, total: int, stored: int) -> None:
            app.call_from_thread(app.main.show_progress, done, total)

        try:
            store = FeedStore.of(app.library)
            feeds = store.feeds()
            store.close()
            if not feeds:
                app.call_from_thread(app.notify, "No feeds: newsreader feeds add URL", timeout=3)
                return
            app.call_from_thread(app.notify, f"Refreshing {len(feeds)} feeds…", timeout=2)
            with Fetcher() as fetcher:
                refresher = Refresher(
                    app.library,
                    fetcher,
                    workers=worker_count(),
                    on_progress=progress,
                    on_articles=arrived,
                )
                try:
                    report = refresher.refresh(feeds, force=not due_only)
                finally:
                    refresher.close()
            app.call_from_thread(self._refreshed, report)
        except Exception as exc:  # a refresh bug must not take the reader down
            app.call_from_thread(app.notify, f"Refresh failed: {exc}", severity="error")
        finally:
            self._feeds_busy = False
            app.call_from_thread(app.main.show_progress, 1, 1)

    def _refreshed(self, report: RefreshReport) -> None:
        app: Any = self
        app.main.refresh_list(None, False)
        failed = len(report.failed)
        message = f"Feeds: {report.new} new, {report.changed} updated"
        if failed:
            message += f", {failed} failed (s shows why)"
        app.notify(message, severity="warning" if failed else "information", timeout=4)

    def _article_url(self) -> str | None:
        from tui.core.fetch.safety import is_url

        app: Any = self
        article = app.main.reader.article
        url = article.url if article is not None else None
        if not url or not is_url(url):
            app.notify("This article has no web address", severity="warning", timeout=2)
            return None
        return str(url)

    def action_open_in_browser(self) -> None:
        """Open the article's web address in the system browser."""
        url = self._article_url()
        if url:
            app: Any = self
            app.open_url(url)

    def action_copy_url(self) -> None:
        """Copy the article's web address to the clipboard."""
        url = self._article_url()
        if url:
            app: Any = self
            app.copy_to_clipboard(url)
            app.notify("Copied the article's address", timeout=2)
