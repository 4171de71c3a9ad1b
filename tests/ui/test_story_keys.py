"""The Story view (S) and the entity view (E in Entities) opened from inside the reader; escape
comes back to the reader, not out of the app."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Static

from tests.core.stories.corpus import DUNMORE, write_articles
from tests.ui.sample import sample_articles
from tests.ui.test_library_reader import run_app
from tui.app import NewsReaderApp
from tui.screens.entity import EntityScreen
from tui.screens.main import MainScreen
from tui.screens.stories import StoriesScreen
from tui.widgets.entities import EntitiesPanel


def test_s_lists_the_story_and_e_opens_the_entity_view(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", DUNMORE)  # two articles about one event, our own text

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)
        listing = app.screen.query_one(OptionList)
        assert listing.option_count == 1
        assert "Dunmore quay" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.is_running

        await pilot.press("2")
        panel = app.main.query_one(EntitiesPanel)
        entity = panel.entity_at(panel.highlighted)
        assert entity is not None and panel.has_focus
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
        body = str(app.screen.query_one("#entity-body", Static).render())
        assert body.startswith(entity.name)
        await pilot.press("q")  # q closes the view; it does not quit the reader
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.is_running

        for command, screen in (("stories", StoriesScreen), ("entity view", EntityScreen)):
            await pilot.press("ctrl+p", *command)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, screen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)

    run_app(tmp_path / "lib.sqlite3", scenario, paths=[str(tmp_path / "in")])


def test_without_a_library_file_s_and_e_say_so() -> None:
    async def main() -> None:
        app = NewsReaderApp(articles=sample_articles())
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            await pilot.press("S", "2", "E")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            messages = [n.message for n in app._notifications]
            assert sum("only in memory" in m for m in messages) == 2
            await pilot.press("question_mark")  # the help lists both views' keys
            await pilot.pause()
            table = app.screen.query_one(DataTable)
            places = {str(table.get_row_at(i)[0]).strip() for i in range(table.row_count)}
            assert {"Story view", "Entity view"} <= places

    asyncio.run(main())
