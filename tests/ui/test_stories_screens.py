"""The Story view and the entity view, over a library built from our own sample stories."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import OptionList, Static

from tests.core.stories.corpus import ALL, write_articles
from tui.cli import main
from tui.core.library import Library
from tui.screens.entity import EntityScreen
from tui.screens.stories import StoriesScreen
from tui.stories_app import StoriesApp


@pytest.fixture(scope="module")
def library_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stories")
    write_articles(folder / "in", ALL)
    db = folder / "lib.sqlite3"
    assert main(["import", str(folder / "in"), "--library", str(db), "--quiet"]) == 0
    return db


def StoriesHost(db: Path, entity: str | None = None) -> StoriesApp:
    """The app `newsreader stories --view` runs, over the test library."""
    return StoriesApp(Library.open(db), entity)


def _body(app: App, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def test_story_view_lists_stories_and_shows_coverage(library_path):
    asyncio.run(_story_view(StoriesHost(library_path)))


async def _story_view(app: StoriesApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        assert listing.option_count == 3
        titles = []
        for _ in range(3):
            titles.append(_body(app, "#stories-body").splitlines()[0])
            await pilot.press("j")
            await pilot.pause()
        assert "Fire destroys warehouses at Port Elwyn harbour" in titles
        while "Port Elwyn" not in _body(app, "#stories-body").splitlines()[0]:
            await pilot.press("k")
            await pilot.pause()
        body = _body(app, "#stories-body")
        assert "first in Coastal Wire (via Coastal Wire), repeated by 2" in body
        assert "$5.5 billion in Coastal Wire; $5.43 billion in Elwyn Daily" in body
        await pilot.press("enter")
        assert app.screen.query_one("#stories-detail").has_focus
        await pilot.press("e")  # the story's most mentioned person or organisation
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)


def test_entity_view_lists_articles_newest_first(library_path):
    asyncio.run(_entity_view(StoriesHost(library_path, entity="Calder")))


async def _entity_view(app: StoriesApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        body = _body(app, "#entity-body")
        assert body.startswith("Ines Calder  PERSON, 3 articles")
        assert body.index("2026-03-03") < body.index("2026-03-02")
        assert "said: Mayor Ines Calder said the damage was estimated at $5.5 billion." in body


def test_story_view_snapshot(snap_compare, library_path):
    assert snap_compare(StoriesHost(library_path), terminal_size=(120, 36), press=["j"])


def test_entity_view_snapshot(snap_compare, library_path):
    assert snap_compare(StoriesHost(library_path, entity="Verhoek"), terminal_size=(100, 30))
