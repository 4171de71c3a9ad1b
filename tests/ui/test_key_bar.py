"""The footer key bar: the keys of the focused pane, and a click presses the key."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.ui.test_app_pilot import run
from tui.app import NewsReaderApp
from tui.screens.help import HelpScreen
from tui.widgets.key_bar import KeyBar


def bar_text(app: NewsReaderApp) -> str:
    return app.main.query_one(KeyBar).render().plain


def test_bar_follows_the_focus(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        text = bar_text(app)
        for shown in ("Outline", "Search", "Help", "Quit", "Commands"):
            assert shown in text
        assert "Go to" not in text  # the lists' Enter binding: not while reading
        await pilot.press("1")  # the Outline list takes the focus
        await pilot.pause()
        assert "Go to" in bar_text(app)
        # Keys declared with show=False stay out of the bar.
        assert "Previous pane" not in bar_text(app)

    run(app, scenario)


def test_clicking_a_key_presses_it(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        bar = app.main.query_one(KeyBar)
        bar.render()
        span = next(s for s in bar._spans if s.key == "question_mark")
        await pilot.click(KeyBar, offset=(span.start + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)

    run(app, scenario)


def test_hovering_a_key_marks_it(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        bar = app.main.query_one(KeyBar)
        bar.render()
        span = bar._spans[1]
        await pilot.hover(KeyBar, offset=(span.start, 0))
        await pilot.pause()
        assert bar._hover == 1
        await pilot.hover("#reader")
        await pilot.pause()
        assert bar._hover is None

    run(app, scenario)


def test_a_key_that_does_not_fit_is_left_out_whole(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        bar = app.main.query_one(KeyBar)
        text = bar.render().plain
        assert len(text) <= bar.size.width
        # At 80 columns not every key fits: search, help and the palette stay at the right;
        # the last of the others is left out whole, never cut.
        assert text.rstrip().endswith("/ Search  ? Help  ^p Commands")
        assert "Open" not in text
        assert all(text[s.start : s.end].rstrip()[-1].isalpha() for s in bar._spans)

    run(app, scenario, size=(80, 24))


def test_the_bar_follows_the_theme(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        bar = app.main.query_one(KeyBar)
        dark = bar.render().spans[0].style
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        await pilot.pause()
        assert bar.render().spans[0].style != dark  # the drawn line is not reused

    run(app, scenario)
