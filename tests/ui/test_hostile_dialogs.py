"""The search dialog, the note editor and the delete question over hostile text (issue 7).

Each dialog runs in a tiny host app (like tests/ui/test_search_dialog.py); the checks walk the
segments the compositor would write to the terminal.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static, TextArea

from tests.hostile_payloads import FORMATS, PAYLOAD, unsafe_characters, write_hostile_files
from tests.ui.hostile_screen import assert_segments_inert, screen_segments, screen_text
from tui.core.extract import analyse
from tui.core.loaders import load_paths
from tui.core.search import SearchIndex
from tui.dialogs.library_confirm import ConfirmDelete
from tui.dialogs.library_note import NoteEditor
from tui.dialogs.open_file import OpenDialog
from tui.dialogs.search import MATCH_STYLE, SearchDialog, render_hit


class Host(App[None]):
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.dialog = screen
        self.results: list[object] = []

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


@pytest.fixture(scope="module")
def hostile_articles(tmp_path_factory: pytest.TempPathFactory) -> list:
    files = write_hostile_files(tmp_path_factory.mktemp("hostile"))
    result = load_paths([str(files[f]) for f in FORMATS])
    assert not result.errors, result.errors
    for article in result.articles:
        analyse(article)
    return result.articles


async def _settle(app: Host, pilot) -> None:
    await pilot.pause(0.1)
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("query", ["B0LD", "click quit", "PWNED", "", "desrever", '"[bold]"'])
def test_search_results_are_inert(hostile_articles: list, query: str) -> None:
    async def main() -> None:
        app = Host(SearchDialog(SearchIndex(hostile_articles)))
        async with app.run_test(size=(120, 40)) as pilot:
            await _settle(app, pilot)
            for ch in query:
                await pilot.press({" ": "space", '"': "quotation_mark"}.get(ch, ch))
            await _settle(app, pilot)
            dialog = app.dialog
            if query:
                assert dialog.hits, f"no hits for {query!r}"
            assert_segments_inert(screen_segments(app))
            for option in dialog.query_one(OptionList).options:
                assert not unsafe_characters(option.prompt.plain)
            if query == "B0LD":
                assert "[bold]B0LD[/bold]" in screen_text(app)
            await pilot.press("escape")
        assert app.is_running is False and app.results == [None]

    asyncio.run(main())


def test_matched_positions_follow_the_sanitized_text(hostile_articles: list) -> None:
    """Dropped invisible characters shift the text: the highlight still marks the match."""
    index = SearchIndex(hostile_articles)
    for query in ("desrever", "joiner", "PWNED"):
        for hit in index.search(query, limit=20):
            row = render_hit(hit)
            assert not unsafe_characters(row.plain)
            marked = "".join(
                row.plain[i]
                for span in row.spans
                if span.style == MATCH_STYLE
                for i in range(span.start, span.end)
            )
            assert marked, (query, hit.text)
            assert set(marked.casefold()) <= set(query.casefold()) | {"␛", " "}


def test_note_editor_with_hostile_title_quote_note_and_paste() -> None:
    async def main() -> None:
        editor = NoteEditor(PAYLOAD, title=f"Note on {PAYLOAD}", quote=PAYLOAD)
        app = Host(editor)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            assert_segments_inert(screen_segments(app))
            area = editor.query_one("#note-text", TextArea)
            assert not unsafe_characters(area.text.replace("\n", "").replace("\t", ""))
            assert "[@click=app.quit]QUIT[/]" in area.text
            # Typed and pasted text gets the same treatment.
            area.insert("\x1b]52;c;cGFzdGU=\x07\u202e")
            await pilot.press("x")
            await pilot.pause()
            assert "\x1b" not in area.text and "\u202e" not in area.text
            assert "\\x1b]52;c;cGFzdGU=\\x07" in area.text
            assert_segments_inert(screen_segments(app))
            title = str(editor.query_one("#note-title", Static).render())
            assert "[bold]B0LD[/bold]" in title
            await pilot.press("ctrl+s")
        assert app.results and isinstance(app.results[0], str)
        assert "\x1b" not in app.results[0]

    asyncio.run(main())


def test_delete_question_with_hostile_title() -> None:
    async def main() -> None:
        app = Host(ConfirmDelete(PAYLOAD))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert_segments_inert(screen_segments(app))
            assert "[bold]B0LD[/bold]" in screen_text(app)
            await pilot.press("n")
        assert app.results == [False]

    asyncio.run(main())


def test_hostile_files_are_real_inputs(tmp_path: Path) -> None:
    """The corpus itself carries what it claims to: ESC, OSC 52, bidi and zero-width."""
    files = write_hostile_files(tmp_path)
    raw = files["txt"].read_text(encoding="utf-8")
    for needle in ("\x1b]52;c;", "\x1b]8;;", "\x1b]0;", "\u202e", "\u200b", "[@click=app.quit]"):
        assert needle in raw


def test_open_dialog_shows_hostile_file_names_inert(tmp_path: Path) -> None:
    """File names are hostile input too: the picker neither parses them as markup nor sends
    their escapes; choosing one returns the real path."""
    folder = tmp_path / "picker"
    folder.mkdir()
    names = [
        "[@click=app.quit]QUIT\x1b]0;PWNED\x07.txt",
        "[link=file:\\etc\\passwd]PASSWD[\\link]\u202eevil.txt",
        "[bold]B0LD\x1b[2J\x9b1m.md",
    ]
    for name in names:
        (folder / name).write_text("The council met on Monday and approved the budget.\n")
    (folder / "dir\x1b[31mred").mkdir()

    async def main() -> None:
        app = Host(OpenDialog(folder))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(0.3)
            assert_segments_inert(screen_segments(app))
            shown = screen_text(app)
            assert "[@click=app.quit]QUIT␛]0;PWNED␇.txt" in shown
            assert "[bold]B0LD␛[2J" in shown and "dir␛[31mred" in shown
            row = next(y for y, line in enumerate(shown.split("\n")) if "[@click" in line)
            x = shown.split("\n")[row].index("[@click")
            await pilot.click(offset=(x + 3, row))  # click the "@click" text itself
            await pilot.pause()
            assert app.is_running and app.return_code is None
        # A click on a file picks it (the real name, unchanged), nothing else happens.
        assert app.results in ([], [str(folder / names[0])])

    asyncio.run(main())


PASTE = "a\x1b]52;c;SGk=\x07b\u202ec\u200bd [bold]e[/bold]\x9b2J"


@pytest.mark.parametrize("which", ["find", "search", "open", "export"])
def test_pasting_hostile_text_into_any_input_stays_inert(which: str, tmp_path: Path) -> None:
    """Clipboard text copied from a web page can carry escapes: every input takes it inert."""
    from textual import events
    from textual.widgets import Input

    from tui.dialogs.export import ExportDialog

    screen = {
        "find": lambda: SearchDialog(SearchIndex([]), article_id="current"),
        "search": lambda: SearchDialog(SearchIndex([])),
        "open": lambda: OpenDialog(tmp_path),
        "export": lambda: ExportDialog("article.md"),
    }[which]()
    app = Host(screen)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            field = app.screen.query(Input).first()
            field.focus()
            field.value = ""
            field.post_message(events.Paste(PASTE))
            await pilot.pause(0.1)
            assert field.value == "a␛]52;c;SGk=␇bcd [bold]e[/bold]\ufffd2J"
            assert field.cursor_position == len(field.value)
            field.value = "\x1b[2Jset\u202e"
            await pilot.pause()
            assert field.value == "␛[2Jset"
            assert_segments_inert(screen_segments(app))

    asyncio.run(main())
