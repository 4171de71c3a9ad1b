"""SVG snapshots of the reader over the hand-made sample articles (no real extractors).

Update with ``--snapshot-update`` and look at the pictures (``rsvg-convert``) before accepting.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from tests.conftest import REPO, SEEDS
from tests.ui.sample import sample_articles
from tui.app import NewsReaderApp


@pytest.fixture(autouse=True)
def _fixed_config(monkeypatch: pytest.MonkeyPatch) -> None:
    """A config whose path (shown in help) is the same on every run: relative to the repo."""
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("NEWSREADER_CONFIG", "tests/fixtures/snapshot_config.toml")


def make_app() -> NewsReaderApp:
    return NewsReaderApp(articles=sample_articles())


def test_main_screen_120x40(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40))


def test_main_screen_80x24(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_narrow_panel_overlay_80x24(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["p", "2"])


def test_help_screen(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), press=["question_mark"])


def test_entity_selected_light_theme_140x45(snap_compare) -> None:
    async def light(pilot: Pilot) -> None:
        pilot.app.theme = "textual-light"
        await pilot.press("2", "j", "enter", "n")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(140, 45), run_before=light)


# ------------------------------------------------------------------ every screen and dialog,
# 80x24 and 140x45, dark and light (issue 13).

SMALL, LARGE = (80, 24), (140, 45)


def _themed(theme: str, *keys: str) -> Callable[[Pilot], Awaitable[None]]:
    async def before(pilot: Pilot) -> None:
        pilot.app.theme = theme
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause()

    return before


DARK, LIGHT = "textual-dark", "textual-light"


@pytest.mark.parametrize(
    ("name", "size", "theme", "keys"),
    [
        ("main", LARGE, DARK, ()),
        ("main", SMALL, LIGHT, ()),
        ("outline_overlay", SMALL, LIGHT, ("1",)),
        ("split", LARGE, DARK, ("v",)),
        ("split", LARGE, LIGHT, ("l", "t", "j", "v")),
        ("filter", SMALL, DARK, ("F",)),
        ("filter_error", LARGE, LIGHT, ("F", *"kind:claim", "enter")),
        ("note", SMALL, DARK, ("a",)),
        ("note", LARGE, LIGHT, ("a", *"check the figure")),
        ("delete", SMALL, DARK, ("D",)),
        ("delete", LARGE, LIGHT, ("D",)),
        ("search", LARGE, DARK, ("slash", *"S-400")),
        ("search", SMALL, LIGHT, ("slash", *"ferry")),
        ("help", SMALL, LIGHT, ("question_mark",)),
        ("help", LARGE, DARK, ("question_mark",)),
    ],
)
def test_screen(snap_compare, name: str, size: tuple[int, int], theme: str, keys: tuple) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=_themed(theme, *keys))


@pytest.mark.parametrize(("size", "theme"), [(SMALL, DARK), (LARGE, LIGHT)])
def test_open_dialog(snap_compare, monkeypatch, size: tuple[int, int], theme: str) -> None:
    monkeypatch.chdir(SEEDS)  # a folder whose listing does not change
    monkeypatch.setenv("NEWSREADER_CONFIG", str(REPO / "tests/fixtures/snapshot_config.toml"))
    assert snap_compare(make_app(), terminal_size=size, run_before=_themed(theme, "o", "s"))


@pytest.mark.parametrize(("size", "theme"), [(SMALL, LIGHT), (LARGE, DARK)])
def test_export_dialog(snap_compare, size: tuple[int, int], theme: str) -> None:
    async def before(pilot: Pilot) -> None:
        pilot.app.theme = theme
        await pilot.pause()
        await pilot.app.run_action("export_markdown")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=before)
