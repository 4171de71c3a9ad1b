"""Hostile articles in every loader format, opened in the reader: nothing is interpreted (issue 7).

Each test loads a crafted file (tests/hostile_payloads.py) through the real loading worker and
walks what the compositor would send to the terminal: no ESC or other control character, no
bidi or zero-width character, no link or click action from article text; the markup stays
visible as literal text, and the app keeps running.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static, Tab, Tabs

from tests.hostile_payloads import FORMATS, MARKUP_TEXT, write_hostile_files
from tests.ui.hostile_screen import (
    assert_content_inert,
    assert_segments_inert,
    screen_segments,
    screen_text,
)
from tui.app import NewsReaderApp
from tui.screens.help import HelpScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.entities import EntitiesPanel
from tui.widgets.figures import FiguresPanel
from tui.widgets.outline import OutlinePanel
from tui.widgets.reader import ArticleView

# Formats whose text can carry C0 controls (XML 1.0 forbids them; HTML parsers drop them).
WITH_ESC = {"txt", "md", "json"}


@pytest.fixture(autouse=True)
def _tmp_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Whatever the reader stores goes to a throwaway library, never the user's.
    monkeypatch.setenv("NEWSREADER_LIBRARY", str(tmp_path / "library.db"))


def _open(path: Path, size: tuple[int, int], scenario) -> NewsReaderApp:
    app = NewsReaderApp([str(path)])

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause(0.1)
            await scenario(app, pilot)

    asyncio.run(main())
    return app


def _panel_contents(app: NewsReaderApp) -> list[object]:
    """Everything the lists, tabs and header hold, on screen or scrolled away."""
    shown: list[object] = []
    for panel in (ArticleList, OutlinePanel, EntitiesPanel, FiguresPanel):
        shown += [option.prompt for option in app.main.query_one(panel).options]
    shown += [tab.label for tab in app.main.query_one("#article-tabs", Tabs).query(Tab)]
    shown.append(app.main.title or "")
    for view in app.main.query(ArticleView):
        shown += [view.border_title or "", view.border_subtitle or ""]
    return shown


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_panel_renders_the_hostile_file_inert(fmt: str, tmp_path: Path) -> None:
    path = write_hostile_files(tmp_path / "in")[fmt]

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert app.is_running and not app.failures, app.failures
        assert app.main.articles, "the hostile file did not load"
        # The wide layout shows list, reader, outline, entities and figures at once.
        for panel in ("#article-list", "#reader", "#outline", "#entities", "#figures"):
            assert app.main.query_one(panel).region.area > 0
        assert_segments_inert(screen_segments(app))
        text = screen_text(app)
        for markup in MARKUP_TEXT[:2]:
            assert markup in text.replace("\n", ""), f"{markup} not shown literally"
        if fmt in WITH_ESC:
            assert "␛]52;c;" in text and "␛[31mRED" in text  # visible, never sent
        for content in _panel_contents(app):
            assert_content_inert(content)
        # Reader: every line of the article, scrolled or not.
        view = app.main.query_one("#reader", ArticleView)
        if fmt != "txt":  # the byline: hostile author and site names, shown literally
            article = app.main.articles[0]
            assert article.authors and article.site, (article.authors, article.site)
            byline = " ".join(view.visible_text())
            assert "Author" in byline and "Site [bold]B0LD[/bold]" in byline
        for y in range(view.virtual_size.height):
            assert_segments_inert(list(view.render_line(y - int(view.scroll_offset.y))))
        # Walk the panels: the selected claim / entity / figure names reach the reader's border.
        for key in ("1", "enter", "2", "enter", "3", "enter"):
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running
        assert_segments_inert(screen_segments(app))
        # The help screen's title names the article.
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        title = app.screen.query_one("#help-title", Static)
        assert "reading: Headline [bold]B0LD[/bold]" in str(title.render())
        assert_content_inert(title.render())
        assert_segments_inert(screen_segments(app))
        await pilot.press("escape")
        await pilot.press("q")

    app = _open(path, (140, 45), scenario)
    assert app.return_code == 0


def test_narrow_overlay_renders_inert(tmp_path: Path) -> None:
    path = write_hostile_files(tmp_path / "in")["json"]

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert_segments_inert(screen_segments(app))
        for key in ("p", "2", "3", "1"):
            await pilot.press(key)
            await pilot.pause()
            assert_segments_inert(screen_segments(app))
        assert "[bold]B0LD[/bold]" in screen_text(app).replace("\n", "")
        assert app.is_running

    _open(path, (80, 24), scenario)


def test_clicking_the_literal_click_markup_does_nothing(tmp_path: Path) -> None:
    """A mouse click on the text "[@click=app.quit]" anywhere on screen: the app keeps running."""
    path = write_hostile_files(tmp_path / "in")["txt"]

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        rows = screen_text(app).split("\n")
        spots = [(row.index("[@click"), y) for y, row in enumerate(rows) if "[@click" in row]
        assert spots
        for x, y in spots[:6]:
            await pilot.click(offset=(x + 2, y))
            await pilot.pause()
            assert app.is_running and app.return_code is None

    _open(path, (140, 45), scenario)
