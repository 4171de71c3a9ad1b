"""SVG snapshots of the reader over the hand-made sample articles (no real extractors).

Update with ``--snapshot-update`` and look at the pictures (``rsvg-convert``) before accepting.
"""

from __future__ import annotations

from textual.pilot import Pilot

from tests.ui.sample import sample_articles
from tui.app import NewsReaderApp


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
