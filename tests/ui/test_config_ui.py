"""The config file and the remembered state, through the app as a user starts it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from tests.ui.sample import sample_articles
from tui.app import NewsReaderApp
from tui.core.library import resolve_library_path

Scenario = Callable[[NewsReaderApp, Pilot], Awaitable[None]]


def run(scenario: Scenario, size: tuple[int, int] = (140, 45)) -> NewsReaderApp:
    app = NewsReaderApp(articles=sample_articles())

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())
    return app


def state_file() -> Path:
    import os

    return Path(os.environ["NEWSREADER_STATE"])


def test_theme_comes_from_the_config(user_config: Path) -> None:
    user_config.write_text('[reader]\ntheme = "textual-light"\n', encoding="utf-8")

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert app.theme == "textual-light"

    run(scenario)


def test_theme_and_tabs_are_remembered_across_launches() -> None:
    opened: list[str] = []

    async def first(app: NewsReaderApp, pilot: Pilot) -> None:
        app.theme = "textual-light"
        # The list previews in the active tab: t pins a second tab, k shows the first there.
        await pilot.press("l", "j", "t", "k")
        await pilot.pause(0.3)
        opened.extend(a.id for a in app.main.deck.tab_articles.values())
        await pilot.press("ctrl+q")

    run(first)
    saved = json.loads(state_file().read_text(encoding="utf-8"))
    assert saved["theme"] == "textual-light"
    assert len(set(opened)) == 2 and saved["open_tabs"] == opened

    async def second(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.pause(0.5)
        assert app.theme == "textual-light"
        tabs = [a.id for a in app.main.deck.tab_articles.values()]
        assert sorted(tabs) == sorted(opened)
        assert app.main.reader.article is not None
        assert app.main.reader.article.id == saved["active_article"]

    run(second)


def test_side_panels_overlay_keeps_the_folded_layout_when_wide(user_config: Path) -> None:
    user_config.write_text('[layout]\nside_panels = "overlay"\n', encoding="utf-8")

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert app.main.has_class("-narrow") and not app.main.has_class("-wide")

    run(scenario, size=(140, 45))


def test_breakpoint_comes_from_the_config(user_config: Path) -> None:
    user_config.write_text("[layout]\nbreakpoint = 70\n", encoding="utf-8")

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert app.main.has_class("-wide")

    run(scenario, size=(80, 24))


def test_config_problems_are_one_notification_never_a_crash(user_config: Path) -> None:
    user_config.write_text(
        '[reader]\nmark_read_after = "soon"\n[layout]\nside_panels = "left"\n', encoding="utf-8"
    )

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.pause(0.2)
        notes = [n for n in app._notifications if n.title == "Config"]
        assert len(notes) == 1
        assert "line 2" in notes[0].message and "line 4" in notes[0].message
        assert app.main.has_class("-wide")  # the bad option kept its default

    run(scenario)


def test_help_shows_the_config_path(user_config: Path) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        hint = app.screen.query_one("#help-hint", Static)
        assert str(user_config) in str(hint.render())

    run(scenario)


def test_library_path_order(monkeypatch, tmp_path: Path) -> None:
    """--library > $NEWSREADER_LIBRARY > config > default."""
    monkeypatch.setenv("NEWSREADER_LIBRARY", str(tmp_path / "env.db"))
    assert resolve_library_path("given.db", "conf.db") == Path("given.db")
    assert resolve_library_path(None, "conf.db") == tmp_path / "env.db"
    monkeypatch.delenv("NEWSREADER_LIBRARY")
    assert resolve_library_path(None, str(tmp_path / "conf.db")) == tmp_path / "conf.db"


def test_a_remapped_key_works_and_help_shows_it(user_config: Path) -> None:
    """[keys] show_panel-figures = "9": g shows the Figures panel, help lists 9."""
    user_config.write_text('[keys]\nshow_panel-figures = "9"\n', encoding="utf-8")

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("9")
        await pilot.pause()
        assert app.main.side.current == "figures"
        await pilot.press("question_mark")
        await pilot.pause()
        from textual.widgets import DataTable

        table = app.screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert any(r[1] == "9" and r[2] == "Figures" for r in rows)

    run(scenario)


def test_unknown_ids_and_clashing_keys_are_reported(user_config: Path) -> None:
    user_config.write_text(
        '[keys]\nno_such_thing = "x"\nshow_panel-figures = "1"\n', encoding="utf-8"
    )

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.pause(0.2)
        message = next(n.message for n in app._notifications if n.title == "Config")
        assert "keys.no_such_thing: no such action" in message
        assert "keys.show_panel-figures: '1' is already the key of show_panel-outline" in message

    run(scenario)
