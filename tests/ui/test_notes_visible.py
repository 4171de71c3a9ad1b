"""Notes are seen, not just marked: a claim's note under the claim in the Outline, the
article's note at the top of the reader; both plain text, and both back after a restart."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.ui.test_library_reader import reader, run_app
from tui.app import NewsReaderApp
from tui.dialogs.library_note import NoteEditor
from tui.widgets.outline import OutlinePanel

CLAIM_NOTE = "check [b]the[/b] 2019 baseline"  # markup-like: must show as typed
ARTICLE_NOTE = "ask the ministry for the source"


def prompt_lines(outline: OutlinePanel) -> list[str]:
    assert outline.highlighted is not None
    return str(outline.get_option_at_index(outline.highlighted).prompt).splitlines()


def reader_rows(app: NewsReaderApp, count: int = 8) -> list[str]:
    return [line.strip() for line in reader(app).visible_text()[:count]]


def test_notes_show_under_the_claim_and_at_the_top_of_the_reader(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    state: dict[str, str] = {}

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        outline = app.main.query_one(OutlinePanel)
        await pilot.press("1")
        claim = outline.current_claim
        assert claim is not None
        state["claim"] = claim.text
        assert not any(line.startswith("✎ ") for line in prompt_lines(outline))
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*CLAIM_NOTE, "ctrl+s")
        await pilot.pause()
        lines = prompt_lines(outline)
        assert lines[-1] == "✎ " + CLAIM_NOTE  # the note, under the claim
        assert claim.text[:40] in "\n".join(lines)  # the claim is still there
        # The article's own note, from the reader: shown under the title and dates.
        assert not any(row.startswith("✎ ") for row in reader_rows(app))
        reader(app).focus()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*ARTICLE_NOTE, "ctrl+s")
        await pilot.pause()
        assert "✎ " + ARTICLE_NOTE in reader_rows(app)

    run_app(db, scenario)

    async def reopened(app: NewsReaderApp, pilot: Pilot) -> None:
        assert "✎ " + ARTICLE_NOTE in reader_rows(app)
        outline = app.main.query_one(OutlinePanel)
        prompts = [
            str(outline.get_option_at_index(i).prompt) for i in range(outline.option_count)
        ]
        noted = [p for p in prompts if p.endswith("✎ " + CLAIM_NOTE)]
        assert len(noted) == 1 and state["claim"][:40] in noted[0]
        # Deleting the article's note (saving it empty) takes it off the reader.
        reader(app).focus()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*["backspace"] * len(ARTICLE_NOTE), "ctrl+s")
        await pilot.pause()
        assert not any(row.startswith("✎ ") for row in reader_rows(app))

    run_app(db, reopened)
