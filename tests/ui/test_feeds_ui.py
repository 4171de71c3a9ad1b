"""The Feeds pane and the background refresh in the app, against a loopback feed server."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.core.feeds import fakesite
from tests.core.feeds.conftest import base
from tests.ui.test_library_reader import run_app, settle
from tui.app import NewsReaderApp
from tui.core.feeds import FeedStore
from tui.core.library import Library
from tui.dialogs.feeds import FeedsDialog
from tui.widgets.article_list import ArticleList

RSS = "application/rss+xml"


def _subscribe(db: Path, *urls: str) -> None:
    with Library.open(db) as library:
        library.set_meta("seeded", "yes")  # no seeds: the feeds' articles are the library
        store = FeedStore.of(library)
        for url in urls:
            store.add(url, full_text=False)
        store.close()


def test_R_refreshes_in_the_background_and_the_reader_stays(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    body = fakesite.rss(base(httpserver), range(3), summaries=False)
    httpserver.expect_request("/feed.xml").respond_with_data(body, content_type=RSS)
    httpserver.expect_request("/gone.xml").respond_with_data("no", status=404)
    db = tmp_path / "lib.sqlite3"
    page = tmp_path / "mine.txt"
    page.write_text("My own article\n\nThe council said on Monday that it would spend $4 million.")
    _subscribe(db, httpserver.url_for("/feed.xml"), httpserver.url_for("/gone.xml"))
    seen: dict[str, object] = {}

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        before = app.main.reader.article
        assert before is not None and before.title == "My own article"
        await pilot.press("R")
        await settle(app, pilot, timeout=120)
        seen["rows"] = app.main.query_one(ArticleList).option_count
        seen["reader"] = app.main.reader.article.id if app.main.reader.article else None
        seen["before"] = before.id
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FeedsDialog)
        options = dialog.query_one(OptionList)
        seen["lines"] = [str(options.get_option_at_index(i).prompt) for i in range(2)]
        await pilot.press("enter")  # the first feed: the list shows its articles only
        await pilot.pause()
        seen["filtered"] = app.main.query_one(ArticleList).option_count
        seen["subtitle"] = app.main.sub_title

    run_app(db, scenario, paths=[str(page)])
    assert seen["rows"] == 4 and seen["reader"] == seen["before"]
    lines = seen["lines"]
    assert "3 unread / 3" in lines[0]  # type: ignore[index]
    assert "✗ HTTP 404" in lines[1]  # type: ignore[index]
    assert seen["filtered"] == 3 and "The Example Courier" in str(seen["subtitle"])


def test_feeds_pane_without_subscriptions(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    _subscribe(db)
    seen: dict[str, object] = {}

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("s")
        await pilot.pause()
        seen["help"] = str(app.screen.query_one("#feeds-help").render())
        await pilot.press("escape")
        await pilot.press("O")  # no article open: a message, nothing else
        await pilot.pause()

    run_app(db, scenario)
    assert "No subscriptions" in str(seen["help"])


def test_o_opens_a_url(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/story/5").respond_with_data(
        fakesite.page_html(5), content_type="text/html"
    )
    db = tmp_path / "lib.sqlite3"
    _subscribe(db)
    url = httpserver.url_for("/story/5")
    seen: dict[str, object] = {}

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("o")
        await pilot.pause()
        await pilot.click("#open-path")
        await pilot.press(*url, "enter")
        await settle(app, pilot, timeout=60)
        article = app.main.reader.article
        seen["url"] = article.url if article else None

    run_app(db, scenario)
    assert seen["url"] == url


def test_refresh_interval_from_config_or_environment(tmp_path: Path, monkeypatch) -> None:
    from tui.feeds_actions import REFRESH_ENV, refresh_minutes

    config = tmp_path / "config.toml"
    config.write_text("[feeds]\nrefresh_minutes = 15\n")
    monkeypatch.setenv("NEWSREADER_CONFIG", str(config))
    monkeypatch.delenv(REFRESH_ENV, raising=False)
    assert refresh_minutes() == 15
    monkeypatch.setenv(REFRESH_ENV, "2.5")
    assert refresh_minutes() == 2.5
    monkeypatch.setenv(REFRESH_ENV, "often")
    assert refresh_minutes() == 0
