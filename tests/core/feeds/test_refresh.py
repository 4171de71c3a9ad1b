"""Subscribing and refreshing against the loopback site: dedup, full text, 304, failures."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.core.feeds import fakesite
from tests.core.feeds.conftest import base, with_etag
from tui.cli import main
from tui.core.feeds import FeedStore, Refresher, RefreshReport, subscribe
from tui.core.fetch import Fetcher, FetchSettings
from tui.core.library import Library

RSS = "application/rss+xml"


class MutableFeed:
    """A feed whose body, status and headers a test changes between refreshes."""

    def __init__(self, body: bytes) -> None:
        self.body, self.status, self.headers = body, 200, {"ETag": '"1"'}
        self.content_type = RSS
        self.requests = 0

    def change(self, body: bytes) -> None:
        """New content under a new ETag."""
        self.body = body
        self.headers = {"ETag": f'"{self.requests}-changed"'}

    def __call__(self, request: Request) -> Response:
        self.requests += 1
        etag = self.headers.get("ETag")
        if self.status == 200 and etag and request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers=self.headers)
        return Response(
            self.body, status=self.status, content_type=self.content_type, headers=self.headers
        )


def _feed(site: HTTPServer, path: str, feed: MutableFeed) -> str:
    site.expect_request(path).respond_with_handler(feed)
    return site.url_for(path)


@contextmanager
def subscribed(
    site: HTTPServer, feed: MutableFeed, library_path: Path, path: str = "/feed.xml", **kw: Any
) -> Iterator[Library]:
    """A library subscribed to ``feed`` served at ``path``."""
    url = _feed(site, path, feed)
    with Library.open(library_path) as library, Fetcher() as fetcher:
        subscribe(library, fetcher, url, **kw)
        yield library


def _refresh(library: Library, *, force: bool = True) -> RefreshReport:
    store = FeedStore.of(library)
    feeds = store.feeds()
    store.close()
    settings = FetchSettings(read_timeout=2.0, total_timeout=5.0)
    with Fetcher(settings) as fetcher:
        refresher = Refresher(library, fetcher, workers=1)
        try:
            return refresher.refresh(feeds, force=force)
        finally:
            refresher.close()


def _texts(library: Library) -> dict[str, str]:
    return {s.title: library.get_article(s.id).text for s in library.list_articles()}


def test_cli_add_refresh_list_end_to_end(site: HTTPServer, capsys: pytest.CaptureFixture) -> None:
    url = _feed(site, "/feed.xml", MutableFeed(fakesite.rss(base(site), range(5))))
    assert main(["feeds", "add", url, "--tag", "news"]) == 0
    out = capsys.readouterr().out
    assert "subscribed: The Example Courier" in out and "5 new articles" in out
    assert main(["feeds", "refresh"]) == 0
    again = capsys.readouterr().out
    assert "0 new articles" in again and "1 not modified" in again
    assert main(["feeds", "list"]) == 0
    listing = capsys.readouterr().out
    assert "[news]" in listing and "5 articles, 5 unread" in listing and url in listing


def test_second_refresh_is_all_304(site: HTTPServer, _private_library: Path) -> None:
    feed = MutableFeed(fakesite.rss(base(site), range(3)))
    with subscribed(site, feed, _private_library) as library:
        first = _refresh(library)
        second = _refresh(library)
    assert first.new == 3 and second.count("not modified") == 1 and second.new == 0


def test_summaries_get_full_text_and_keep_the_feed_metadata(
    site: HTTPServer, _private_library: Path
) -> None:
    with subscribed(
        site, MutableFeed(fakesite.rss(base(site), range(4))), _private_library
    ) as library:
        stored = FeedStore.of(library)
        assert stored.feeds()[0].full_text is None  # auto: the entries are teasers
        stored.close()
        report = _refresh(library)
        assert report.pages == 4
        texts = _texts(library)
    story = texts["Story 2: Osaka budget row"]
    assert story.count("\n\n") >= 5  # the page's six paragraphs, not the teaser
    assert "Home" not in story and "Copyright" not in story  # page chrome left out


def test_full_text_off_keeps_summaries(site: HTTPServer, _private_library: Path) -> None:
    with subscribed(
        site, MutableFeed(fakesite.rss(base(site), range(2))), _private_library, full_text=False
    ) as library:
        assert _refresh(library).pages == 0
        assert all(t.endswith("...") for t in _texts(library).values())


def test_full_entries_need_no_page(site: HTTPServer, _private_library: Path) -> None:
    body = fakesite.rss(base(site), range(3), summaries=False)
    with subscribed(site, MutableFeed(body), _private_library) as library:
        report = _refresh(library)
    assert report.new == 3 and report.pages == 0


def test_changed_entry_keeps_its_id_and_read_state(
    site: HTTPServer, _private_library: Path
) -> None:
    feed = MutableFeed(fakesite.rss(base(site), range(3), summaries=False))
    with subscribed(site, feed, _private_library) as library:
        _refresh(library)
        before = {s.title: s.id for s in library.list_articles()}
        story = before["Story 1: Nairobi budget row"]
        library.mark_read(story)
        library.star_article(story)
        library.set_note(story, None, "check the 2024 baseline")
        feed.change(fakesite.rss(base(site), range(3), summaries=False, edited={1}))
        report = _refresh(library)
        assert report.changed == 1 and report.new == 0
        after = {s.title: s.id for s in library.list_articles()}
        assert after == before  # same articles, same ids
        summary = library.get_summary(story)
        assert summary.read and summary.starred
        assert "corrected the figures" in library.get_article(story).text
        assert [n.text for n in library.notes_for(story)] == ["check the 2024 baseline"]


def test_dedup_by_link_when_guid_changes(site: HTTPServer, _private_library: Path) -> None:
    feed = MutableFeed(fakesite.rss(base(site), range(2), summaries=False))
    with subscribed(site, feed, _private_library) as library:
        _refresh(library)
        feed.change(feed.body.replace(b"courier-", b"renamed-guid-"))
        report = _refresh(library)
        assert report.new == 0 and len(library) == 2


@pytest.mark.parametrize(
    ("status", "body", "content_type", "reason"),
    [
        (404, b"gone", "text/plain", "HTTP 404"),
        (410, b"gone", "text/plain", "HTTP 410"),
        (500, b"oops", "text/plain", "HTTP 500"),
        (200, fakesite.page_html(1).encode(), "text/html", "not a usable feed"),
        (200, b'<?xml version="1.0"?><rss version="2.0"><channel><title>Bro</ti', RSS, "not a"),
        (200, b"\x00\x01garbage\xff" * 50, "application/octet-stream", "not a usable feed"),
    ],
)
def test_a_broken_feed_is_marked_and_deletes_nothing(
    site: HTTPServer,
    _private_library: Path,
    status: int,
    body: bytes,
    content_type: str,
    reason: str,
) -> None:
    feed = MutableFeed(fakesite.rss(base(site), range(3), summaries=False))
    with subscribed(site, feed, _private_library) as library:
        _refresh(library)
        feed.body, feed.status, feed.content_type, feed.headers = body, status, content_type, {}
        report = _refresh(library)
        assert len(report.failed) == 1 and reason in (report.failed[0].error or "")
        assert len(library) == 3
        stored = FeedStore.of(library)
        assert reason in (stored.feeds()[0].last_error or "")
        stored.close()


def test_empty_feed_is_not_an_error_and_deletes_nothing(
    site: HTTPServer, _private_library: Path
) -> None:
    feed = MutableFeed(fakesite.rss(base(site), range(2), summaries=False))
    with subscribed(site, feed, _private_library) as library:
        _refresh(library)
        feed.body, feed.headers = fakesite.rss(base(site), []), {}
        report = _refresh(library)
        assert not report.failed and len(library) == 2


def test_wrong_content_type_still_read_as_a_feed(site: HTTPServer, _private_library: Path) -> None:
    feed = MutableFeed(fakesite.rss(base(site), range(2), summaries=False))
    feed.content_type = "text/plain"
    with subscribed(site, feed, _private_library, path="/feed.txt") as library:
        assert _refresh(library).new == 2


def test_429_retry_after_is_honoured(site: HTTPServer, _private_library: Path) -> None:
    feed = MutableFeed(fakesite.rss(base(site), range(2), summaries=False))
    with subscribed(site, feed, _private_library) as library:
        feed.status, feed.headers = 429, {"Retry-After": "600"}
        report = _refresh(library)
        assert "retry after 600 s" in (report.failed[0].error or "")
        asked = feed.requests
        again = _refresh(library)
        assert feed.requests == asked  # not asked again before the time it gave
        assert again.count("skipped") == 1
        assert "asked to wait" in (again.outcomes[0].error or "")


def test_ttl_sets_the_minimum_interval(site: HTTPServer, _private_library: Path) -> None:
    feed = MutableFeed(fakesite.rss(base(site), range(1), summaries=False, ttl=30))
    with subscribed(site, feed, _private_library) as library:
        _refresh(library)
        store = FeedStore.of(library)
        feeds = store.feeds()
        store.close()
        assert feeds[0].min_interval == 30 * 60
        report = _refresh(library, force=False)
    assert report.count("skipped") == 1 and "not due" in (report.outcomes[0].error or "")


def test_home_page_discovery(site: HTTPServer, capsys: pytest.CaptureFixture) -> None:
    _feed(site, "/rss", MutableFeed(fakesite.rss(base(site), range(2), summaries=False)))
    site.expect_request("/").respond_with_data(fakesite.home_html("/rss"), content_type="text/html")
    assert main(["feeds", "add", site.url_for("/")]) == 0
    out = capsys.readouterr().out
    assert site.url_for("/rss") in out and "2 new articles" in out


def test_page_without_feed_is_a_clear_error(
    site: HTTPServer, capsys: pytest.CaptureFixture
) -> None:
    site.expect_request("/plain").respond_with_data(fakesite.page_html(3), content_type="text/html")
    assert main(["feeds", "add", site.url_for("/plain")]) == 1
    err = capsys.readouterr().err
    assert "links to no RSS or Atom feed" in err and "Traceback" not in err


def test_cli_remove_keeps_starred_and_noted(
    site: HTTPServer, _private_library: Path, capsys: pytest.CaptureFixture
) -> None:
    url = _feed(site, "/feed.xml", MutableFeed(fakesite.rss(base(site), range(4), summaries=False)))
    assert main(["feeds", "add", url]) == 0
    with Library.open(_private_library) as library:
        ids = [s.id for s in library.list_articles()]
        library.star_article(ids[0])
        library.set_note(ids[1], None, "keep")
    assert main(["feeds", "remove", url, "--delete-articles"]) == 0
    assert "2 articles deleted" in capsys.readouterr().out
    with Library.open(_private_library) as library:
        assert {s.id for s in library.list_articles()} == {ids[0], ids[1]}
    assert main(["feeds", "remove", url]) == 1
    assert "not subscribed" in capsys.readouterr().err


def test_cli_remove_without_flag_keeps_articles(site: HTTPServer, _private_library: Path) -> None:
    url = _feed(site, "/feed.xml", MutableFeed(fakesite.rss(base(site), range(2), summaries=False)))
    assert main(["feeds", "add", url]) == 0
    assert main(["feeds", "remove", url]) == 0
    with Library.open(_private_library) as library:
        assert len(library) == 2
    conn = sqlite3.connect(_private_library)
    assert conn.execute("SELECT count(*) FROM feed_entries").fetchone()[0] == 0
    conn.close()


def test_add_twice_and_bad_scheme(site: HTTPServer, capsys: pytest.CaptureFixture) -> None:
    url = _feed(site, "/feed.xml", MutableFeed(fakesite.rss(base(site), range(1), summaries=False)))
    assert main(["feeds", "add", url, "--no-refresh"]) == 0
    assert main(["feeds", "add", url]) == 1
    assert main(["feeds", "add", "file:///etc/passwd"]) == 1
    err = capsys.readouterr().err
    assert "already subscribed" in err and "only http and https" in err


def test_served_with_etag_helper(site: HTTPServer, _private_library: Path) -> None:
    body = fakesite.rss(base(site), range(1), summaries=False)
    site.expect_request("/e.xml").respond_with_handler(with_etag(body, RSS, '"x"'))
    with Library.open(_private_library) as library, Fetcher() as fetcher:
        subscribe(library, fetcher, site.url_for("/e.xml"))
        assert _refresh(library).new == 1
        assert _refresh(library).count("not modified") == 1
