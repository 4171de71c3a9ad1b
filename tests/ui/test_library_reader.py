"""The reader on a library: seeds on first run, reading state, stars, notes, filters, delete,
and `/` search across articles. Every test uses its own temporary library file."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList
from textual.worker import WorkerState

from tests.conftest import REPO
from tests.ui.sample import sample_articles
from tui.app import NewsReaderApp
from tui.core.library import Library, claim_key
from tui.dialogs.library_confirm import ConfirmDelete
from tui.dialogs.library_note import NoteEditor
from tui.dialogs.search import SearchDialog
from tui.widgets.article_list import ArticleList
from tui.widgets.outline import OutlinePanel
from tui.widgets.reader import ArticleView

Scenario = Callable[[NewsReaderApp, Pilot], Awaitable[None]]


def run_app(
    db: Path, scenario: Scenario, paths: list[str] | None = None, size=(140, 45)
) -> NewsReaderApp:
    """Run the reader on the library ``db`` until the scenario ends; the library is closed."""
    library = Library.open(db)
    app = NewsReaderApp(paths, library=library)

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            await scenario(app, pilot)

    try:
        asyncio.run(main())
    finally:
        library.close()
    return app


async def settle(app: NewsReaderApp, pilot: Pilot, timeout: float = 30.0) -> None:
    """Wait until no worker is pending or running: one worker's end may start the next
    (an import starts the index build), so a single wait can return too early."""
    deadline = time.monotonic() + timeout
    while True:
        await pilot.pause()
        # Bounded: a worker that never ends must fail the test, not hang the suite.
        with contextlib.suppress(TimeoutError):
            remaining = max(0.1, deadline - time.monotonic())
            await asyncio.wait_for(app.workers.wait_for_complete(), remaining)
        await pilot.pause()
        busy = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)
        if not busy or time.monotonic() > deadline:
            return


def reader(app: NewsReaderApp) -> ArticleView:
    return app.main.query_one("#reader", ArticleView)


def write_story(folder: Path, name: str, title: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


def test_first_run_imports_the_seeds_second_run_shows_them(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"

    async def first(app: NewsReaderApp, pilot: Pilot) -> None:
        assert app.library is not None and app.library.last_import is not None
        assert app.library.last_import.imported == 1
        entries = app.main.entries
        assert len(entries) == 1 and "S-400" in entries[0].title
        assert reader(app).article is not None and reader(app).article.id == entries[0].id
        assert app.search_index is not None  # built after the import

    run_app(db, first)

    async def second(app: NewsReaderApp, pilot: Pilot) -> None:
        assert app.library is not None and app.library.last_import is None  # no import
        assert len(app.main.entries) == 1

    run_app(db, second)


def test_paths_are_imported_and_opened(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    story = write_story(tmp_path, "ferry.txt", "Ferry timetable changes", "Ferries run later.")
    missing = tmp_path / "missing.txt"

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert len(app.main.entries) == 1
        article = reader(app).article
        assert article is not None and article.id == app.main.entries[0].id
        assert "Ferries run later" in article.text
        assert app.main.entries[0].read  # opened because it was asked for
        assert any("missing.txt" in n.message for n in app._notifications)

    run_app(db, scenario, paths=[str(story), str(missing)])


def test_several_paths_open_one_tab_each(tmp_path: Path) -> None:
    from textual.widgets import Tab, Tabs

    a = write_story(tmp_path, "a.txt", "Ferry", "The ferry sailed on Monday.")
    b = write_story(tmp_path, "b.txt", "Council", "The council met on Tuesday.")

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        tabs = app.main.query_one("#article-tabs", Tabs)

        def opened() -> bool:
            article = reader(app).article
            return (
                tabs.tab_count == 2
                and tabs.active_tab is tabs.query(Tab).first()
                and article is not None
                and "ferry sailed" in article.text
                and all(e.read for e in app.main.entries)
            )

        # The tabs open one after the other, each article read in a worker: on a loaded
        # machine that takes a while, so wait on the outcome rather than a number of steps.
        deadline = time.monotonic() + 30
        while not opened() and time.monotonic() < deadline:
            await settle(app, pilot)
        assert tabs.tab_count == 2
        article = reader(app).article
        assert article is not None and "ferry sailed" in article.text
        assert all(e.read for e in app.main.entries)

    run_app(tmp_path / "lib.sqlite3", scenario, paths=[str(a), str(b)])


def test_read_state_toggles_and_persists_across_restarts(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"

    async def first(app: NewsReaderApp, pilot: Pilot) -> None:
        article_id = app.main.entries[0].id
        # Shown at start-up, not chosen: still unread.
        assert not app.main.entries[0].read
        await pilot.press("m")
        assert app.main.query_one(ArticleList).entry(article_id).read
        await pilot.press("m", "m")
        await pilot.press("m")  # read, unread, read, unread
        assert not app.main.query_one(ArticleList).entry(article_id).read

    run_app(db, first)
    with Library.open(db) as library:
        assert not library.list_articles()[0].read
        library.mark_read(library.list_articles()[0].id)

    async def second(app: NewsReaderApp, pilot: Pilot) -> None:
        assert app.main.entries[0].read
        await pilot.press("m")

    run_app(db, second)
    with Library.open(db) as library:
        assert not library.list_articles()[0].read


def test_star_article_star_claim_and_note_are_saved_and_marked(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    state: dict[str, str] = {}

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        article = reader(app).article
        assert article is not None and article.analysis.claims
        state["id"] = article.id
        await pilot.press("asterisk")
        assert app.main.entries[0].starred
        outline = app.main.query_one(OutlinePanel)
        await pilot.press("1")
        assert app.focused is outline
        claim = outline.current_claim
        assert claim is not None
        state["key"] = claim_key(claim)
        await pilot.press("asterisk")
        await pilot.pause()
        prompt = str(outline.get_option_at_index(outline.highlighted).prompt)
        assert prompt.startswith("★ ")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"check the date", "ctrl+s")
        await pilot.pause()
        assert app.screen is app.main
        prompt = str(outline.get_option_at_index(outline.highlighted).prompt)
        assert prompt.startswith("★ ✎ ")
        # A note on the article itself, from the reader.
        reader(app).focus()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"whole story", "ctrl+s")
        await pilot.pause()

    run_app(db, scenario)
    with Library.open(db) as library:
        assert library.get_summary(state["id"]).starred
        assert library.starred_claims(state["id"]) == {state["key"]}
        notes = {n.claim_key: n.text for n in library.notes_for(state["id"])}
        assert notes == {None: "whole story", state["key"]: "check the date"}

    async def reopened(app: NewsReaderApp, pilot: Pilot) -> None:
        outline = app.main.query_one(OutlinePanel)
        marked = [
            str(outline.get_option_at_index(i).prompt)
            for i in range(outline.option_count)
            if str(outline.get_option_at_index(i).prompt).startswith("★ ✎ ")
        ]
        assert len(marked) == 1

    run_app(db, reopened)


def test_filter_unread_and_starred(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    stories = tmp_path / "stories"
    stories.mkdir()
    for i, word in enumerate(("Ferry", "Council", "Harbour")):
        write_story(stories, f"{i}.txt", f"{word} news", f"The {word.lower()} met on Monday.")
    with Library.open(db) as library:
        from tui.core.library import import_paths

        import_paths(library, [stories], workers=1)
        library.set_meta("seeded", "yes")
        ids = [s.id for s in library.list_articles()]
        library.mark_read(ids[0])
        library.star_article(ids[1])

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert len(app.main.entries) == 3
        await pilot.press("u")  # unread
        assert {e.id for e in app.main.entries} == set(ids[1:])
        await pilot.press("u")  # starred
        assert [e.id for e in app.main.entries] == [ids[1]]
        await pilot.press("u")  # all
        assert len(app.main.entries) == 3
        # The filter line: a site nobody has, then back to all.
        await pilot.press("F")
        await pilot.pause()
        await pilot.press(*"site:nowhere.example", "enter")
        await pilot.pause()
        assert app.main.entries == []
        listing = app.main.query_one(ArticleList)
        assert "No article matches" in str(listing.get_option_at_index(0).prompt)
        assert listing.current_id is None
        await pilot.press("F")
        await pilot.pause()
        app.screen.query_one("#filter-input").value = "starred"
        await pilot.press("enter")
        await pilot.pause()
        assert [e.id for e in app.main.entries] == [ids[1]]

    run_app(db, scenario)


def test_delete_asks_first_and_cancel_keeps_the_article(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    write_story(tmp_path, "a.txt", "Ferry news", "The ferry sailed on Monday.")
    write_story(tmp_path, "b.txt", "Council news", "The council met on Tuesday.")
    with Library.open(db) as library:
        from tui.core.library import import_paths

        import_paths(library, [tmp_path / "a.txt", tmp_path / "b.txt"], workers=1)
        library.set_meta("seeded", "yes")

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        first = reader(app).article
        assert first is not None and len(app.main.entries) == 2
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.main.entries) == 2
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert [e.id for e in app.main.entries] != [] and first.id not in {
            e.id for e in app.main.entries
        }
        assert reader(app).article is not None and reader(app).article.id != first.id
        assert app.search_index is not None
        # Gone from search at once (the library's index hides it; no rebuild).
        hits = app.search_index.search("ferry council")
        assert hits and first.id not in {h.article_id for h in hits}

    run_app(db, scenario)
    with Library.open(db) as library:
        assert len(library) == 1


def test_slash_search_opens_the_hit_highlighted_and_n_steps() -> None:
    app = NewsReaderApp(articles=sample_articles())

    async def main() -> None:
        async with app.run_test(size=(140, 45)) as pilot:
            await settle(app, pilot)
            assert app.search_index is not None
            # Show the other article first: the hit must switch to the seed.
            await pilot.press("right_square_bracket")
            await pilot.press("slash")
            await pilot.pause()
            assert isinstance(app.screen, SearchDialog)
            for ch in "delivries s400":
                await pilot.press("space" if ch == " " else ch)
            await pilot.pause(0.2)
            await app.workers.wait_for_complete()
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, SearchDialog) and dialog.hits
            hit = dialog.hits[dialog.query_one(OptionList).highlighted or 0]
            await pilot.press("enter")
            await settle(app, pilot)
            view = reader(app)
            seed = sample_articles()[0]
            assert view.article is not None and view.article.id == hit.article_id == seed.id
            assert view.marks[view.mark_index] == hit.span
            assert len(view.marks) > 1
            row = view.row_of_offset(hit.span[0])
            top = int(view.scroll_offset.y)
            assert top <= row < top + view.scrollable_content_region.height
            before = view.mark_index
            await pilot.press("n")
            assert view.mark_index == (before + 1) % len(view.marks)
            assert "delivries s400" in str(view.border_subtitle)

    asyncio.run(main())


def test_slash_before_the_index_is_ready_takes_the_query_and_searches_when_ready() -> None:
    from textual.widgets import Input, Static

    from tui.core.search import SearchIndex

    app = NewsReaderApp(articles=sample_articles())

    async def main() -> None:
        async with app.run_test(size=(140, 45)) as pilot:
            await settle(app, pilot)
            ready = app.search_index
            app.search_index = None  # as if still building
            await pilot.press("slash")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, SearchDialog)
            assert "building" in str(dialog.query_one("#search-status", Static).render())
            await pilot.press(*"shugayev")  # typed into the box, not run as reader keys
            await pilot.press("enter")  # nothing to choose yet: the dialog stays
            await pilot.pause(0.2)
            assert app.screen is dialog and dialog.query_one(Input).value == "shugayev"
            assert app.main.filter is None and not dialog.hits
            app._index_ready(ready or SearchIndex(sample_articles()))
            await pilot.pause(0.2)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert dialog.hits and "Shugayev" in dialog.hits[0].text
            await pilot.press("enter")
            await settle(app, pilot)
            assert app.screen is app.main
            assert reader(app).marks and reader(app).mark_index >= 0

    asyncio.run(main())


def test_not_a_library_exits_1_with_one_line_and_leaves_the_file(tmp_path: Path) -> None:
    bogus = tmp_path / "notalibrary.txt"
    bogus.write_text("my shopping list\n", encoding="utf-8")
    before = bogus.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(bogus)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "TERM": "dumb"},
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "not a newsreader library" in lines[0]
    assert "Traceback" not in result.stderr
    assert bogus.read_bytes() == before
    assert not list(tmp_path.glob("notalibrary.txt-*"))  # no -wal / -shm beside it


def test_palette_stars_the_article_and_ctrl_p_in_search_moves_up(tmp_path: Path) -> None:
    from textual.command import CommandPalette

    db = tmp_path / "lib.sqlite3"

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"star / unstar")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.main
        assert app.main.entries[0].starred
        # In the search dialog ctrl+p / ctrl+n move through the hits, not the palette.
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"russia")
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SearchDialog) and len(dialog.hits) > 2
        results = dialog.query_one(OptionList)
        await pilot.press("ctrl+n", "ctrl+n")
        assert results.highlighted == 2
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen is dialog and results.highlighted == 1

    run_app(db, scenario)


def test_many_paths_import_with_the_process_pool_inside_the_app(tmp_path: Path) -> None:
    """Enough files for the importer's process pool, started from inside the running app."""
    from tui.core.library.importer import POOL_THRESHOLD

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(POOL_THRESHOLD + 2):
        write_story(folder, f"{i}.txt", f"Story {i}", f"The council of town {i} met on Monday.")

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert not app.failures
        assert len(app.main.entries) == POOL_THRESHOLD + 2
        assert app.search_index is not None
        assert len(app.search_index.indexed_ids()) == POOL_THRESHOLD + 2  # type: ignore[attr-defined]

    run_app(tmp_path / "lib.sqlite3", scenario, paths=[str(folder)])


def test_tests_never_use_the_real_library(tmp_path_factory) -> None:
    from tui.core.library import default_library_path, resolve_library_path

    path = resolve_library_path()
    assert path != default_library_path()
    assert path.is_relative_to(tmp_path_factory.getbasetemp())
