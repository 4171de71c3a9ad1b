"""The library dialogs, driven by a pilot inside a tiny host app."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static, TextArea

from tui.dialogs.library_confirm import ConfirmDelete
from tui.dialogs.library_note import NoteEditor

HOSTILE = "[bold]loud[/bold] [@click=app.quit]x[/] \x1b]52;c;ZXZpbA==\x07 \u202eevil"


def sync(fn: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async pilot test with asyncio.run (no pytest async plugin needed)."""

    @functools.wraps(fn)
    def wrapper(*args: object, **kwargs: object) -> None:
        asyncio.run(fn(*args, **kwargs))

    return wrapper


class Host(App[None]):
    def __init__(self, make: Callable[[], Screen]) -> None:
        super().__init__()
        self.make = make
        self.results: list[object] = []

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(self.make(), self.results.append)


def rendered(widget: Static) -> str:
    visual = widget.render()
    return getattr(visual, "plain", str(visual))


@sync
async def test_note_editor_saves_with_ctrl_s() -> None:
    app = Host(lambda: NoteEditor("first", title="Note on a claim", quote="Prices rose 3%."))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        await pilot.press("space", "t", "w", "o")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == ["first two"]


@sync
async def test_note_editor_save_button_and_cancel() -> None:
    app = Host(lambda: NoteEditor("keep"))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.click("#note-save")
        await pilot.pause()
        assert app.results == ["keep"]
        app.push_screen(NoteEditor("draft"), app.results.append)
        await pilot.pause()
        await pilot.press("x", "escape")
        await pilot.pause()
        assert app.results == ["keep"]  # typed text: the first escape only warns
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == ["keep", None]
        app.push_screen(NoteEditor("draft"), app.results.append)
        await pilot.pause()
        await pilot.click("#note-cancel")
        await pilot.pause()
    assert app.results == ["keep", None, None]


@sync
async def test_note_editor_shows_hostile_text_inertly() -> None:
    app = Host(lambda: NoteEditor(HOSTILE, title=HOSTILE, quote=HOSTILE))
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        for widget_id in ("#note-title", "#note-quote"):
            shown = rendered(screen.query_one(widget_id, Static))
            assert "[bold]loud[/bold]" in shown and "[@click=app.quit]" in shown
            assert "\x1b" not in shown and "\u202e" not in shown
            assert "\\x1b]52" in shown
        # In the editor too: markup stays text, control characters become visible escapes,
        # whether they come with the note, are typed or pasted (every edit goes through edit()).
        area = screen.query_one(TextArea)
        area.insert("\n" + HOSTILE)
        drawn = "".join(seg.text for y in range(2) for seg in area.render_line(y))
        assert "[bold]loud[/bold]" in drawn and "\\x1b]52" in drawn
        assert not any(ch in area.text + drawn for ch in "\x1b\x07\x9b\u202e")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running  # the [@click=app.quit] was never an action
    (saved,) = app.results
    assert saved.count("\\x1b]52;c;ZXZpbA==\\x07") == 2 and "\x1b" not in saved


@pytest.mark.parametrize(
    ("keys", "expected"),
    [(["y"], True), (["n"], False), (["escape"], False), (["enter"], False)],
)
@sync
async def test_confirm_delete_keys(keys, expected) -> None:
    app = Host(lambda: ConfirmDelete("An article"))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
    assert app.results == [expected]


@sync
async def test_confirm_delete_buttons_and_inert_title() -> None:
    app = Host(lambda: ConfirmDelete(HOSTILE))
    async with app.run_test() as pilot:
        await pilot.pause()
        shown = rendered(app.screen.query_one("#confirm-question", Static))
        assert "[bold]loud[/bold]" in shown and "\x1b" not in shown
        await pilot.click("#confirm-delete")
        await pilot.pause()
        app.push_screen(ConfirmDelete("other"), app.results.append)
        await pilot.pause()
        await pilot.click("#confirm-cancel")
        await pilot.pause()
    assert app.results == [True, False]
