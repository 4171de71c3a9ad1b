"""Issue 13's defects, each through the path a user takes (pilot)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.sample import sample_articles
from tui.app import NewsReaderApp
from tui.widgets.article_list import ArticleList
from tui.widgets.outline import OutlinePanel

Scenario = Callable[[NewsReaderApp, Pilot], Awaitable[None]]


def run(scenario: Scenario, size: tuple[int, int] = (140, 45), theme: str = "") -> None:
    app = NewsReaderApp(articles=sample_articles())

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            if theme:
                app.theme = theme
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())


def painted_lines(outline: OutlinePanel) -> list[str]:
    """Every line the Outline paints, scrolling it from top to bottom."""
    height = outline.scrollable_content_region.height
    lines: list[str] = []
    top = 0
    while True:
        outline.scroll_to(y=top, animate=False, immediate=True)
        offset = int(outline.scroll_offset.y)
        lines += [outline.render_line(y).text for y in range(height)][len(lines) - offset :]
        if offset + height >= outline.virtual_size.height:
            return lines
        top = offset + height


def words(text: str) -> list[str]:
    return text.split()


# ------------------------------------------------------------------ 1. claim text cut


@pytest.mark.parametrize("width", [80, 100, 120, 140])
@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_every_claim_is_shown_in_full_in_the_outline(width: int, theme: str) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("1")  # the Outline (an overlay below 110 columns)
        await pilot.pause()
        outline = app.main.query_one(OutlinePanel)
        article = outline.article
        assert article is not None and article.analysis.claims
        shown = words(" ".join(painted_lines(outline)))
        text = " ".join(shown)
        for claim in article.analysis.claims:
            assert " ".join(words(claim.text)) in text, (width, claim.text)
        # With and without a scrollbar: the same claims in a panel tall enough for all.
        assert outline.virtual_size.height > outline.scrollable_content_region.height or (
            width >= 110
        )

    run(scenario, size=(width, 45 if width >= 110 else 24), theme=theme)


# ------------------------------------------------------------------ 2. read when read


def read_ids(app: NewsReaderApp) -> set[str]:
    return {s.id for s in app.store.list_articles() if s.read}


@pytest.fixture
def slow_reading(user_config: Path) -> None:
    """Articles are read only after a minute on screen (a loaded machine is slow)."""
    user_config.write_text("[reader]\nmark_read_after = 60\n", encoding="utf-8")


@pytest.mark.usefixtures("slow_reading")
def test_moving_through_the_list_marks_nothing_read() -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("l", "j", "k", "j", "k")
        await pilot.pause()
        assert read_ids(app) == set()
        assert app.main.query_one(ArticleList).read == set()
        await pilot.press("u")  # the unread view shows the first one: not read by that
        await pilot.pause()
        assert read_ids(app) == set()

    run(scenario)


@pytest.mark.usefixtures("slow_reading")
def test_enter_marks_read_at_once() -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("l", "j", "enter")
        await pilot.pause()
        second = app.main.entries[1].id
        assert read_ids(app) == {second}
        assert app.main.query_one(ArticleList).read == {second}

    run(scenario)


def test_an_article_shown_for_a_while_is_read(user_config: Path) -> None:
    """The delay comes from the config's [reader] mark_read_after."""
    user_config.write_text("[reader]\nmark_read_after = 0.3\n", encoding="utf-8")

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        first = app.main.entries[0].id
        await pilot.pause(0.6)
        assert read_ids(app) == {first}  # shown at start, and left on screen

    run(scenario)


@pytest.mark.usefixtures("slow_reading")
def test_a_scrolled_article_is_read() -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        first = app.main.entries[0].id
        assert read_ids(app) == set()
        await pilot.press("j", "j")  # the reader has the focus: it scrolls
        await pilot.pause()
        assert read_ids(app) == {first}
        assert app.main.query_one(ArticleList).read == {first}

    run(scenario)


# ------------------------------------------------------------------ 3. keys in a burst


def test_keys_after_a_focus_key_go_to_the_new_pane_in_order() -> None:
    from textual import events

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        reader = app.main.query_one("#reader")
        assert app.focused is reader
        listing = app.main.query_one(ArticleList)
        assert listing.highlighted == 0
        # One burst, as a fast typist or a pasted sequence sends it.
        for key in ("l", "j"):
            app.post_message(events.Key(key, key))
        await pilot.pause()
        await pilot.pause()
        assert app.focused is listing
        assert listing.highlighted == 1, "j went to the reader, not the list"
        assert reader.scroll_offset.y == 0

    run(scenario)


# ------------------------------------------------------------------ 4. tabs


def test_enter_on_the_article_shown_does_not_open_a_second_tab() -> None:
    from textual.widgets import Tabs

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        tabs = app.main.query_one("#article-tabs", Tabs)
        await pilot.press("l", "enter")
        await pilot.pause()
        assert tabs.tab_count == 1
        await pilot.press("l", "j", "t", "l", "k", "enter")  # the first one has a tab
        await pilot.pause()
        assert tabs.tab_count == 2
        shown = app.main.query_one("#reader").article  # type: ignore[attr-defined]
        assert shown is not None and shown.id == app.main.entries[0].id

    run(scenario)


def test_the_active_tab_is_scrolled_into_view() -> None:
    from textual.widgets import Tabs

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        for _ in range(5):
            await pilot.press("l", "t", "j", "t", "k")
        await pilot.pause()
        await pilot.pause()
        tabs = app.main.query_one("#article-tabs", Tabs)
        assert tabs.tab_count >= 8
        active = tabs.active_tab
        assert active is not None
        strip = tabs.query_one("#tabs-scroll").region
        assert strip.contains_region(active.region), (strip, active.region)

    run(scenario, size=(80, 24))


# ------------------------------------------------------------------ 5. open dialog


def test_open_dialog_takes_a_typed_path_with_tab_completion_and_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Input

    from tui.dialogs.open_file import OpenDialog

    home = tmp_path / "home"
    (home / "news-inbox").mkdir(parents=True)
    (home / "news-inbox" / "story.txt").write_text("Ferry story\n\nThe ferry left at noon.\n")
    (home / "notes").mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenDialog)
        field = app.screen.query_one("#open-path", Input)
        assert app.focused is field  # typing goes to the path at once
        await pilot.press(*"~/ne", "tab")
        assert field.value == "~/news-inbox/"
        await pilot.press("s", "tab", "enter")
        assert field.value == "~/news-inbox/story.txt"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is app.main
        assert len(app.main.entries) == 3  # the two samples and the story

    run(scenario)


def test_tab_lists_the_choices_when_several_match(tmp_path: Path) -> None:
    from tui.core.paths import complete_path

    (tmp_path / "alpha").mkdir()
    (tmp_path / "alpine.txt").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    assert complete_path("al", tmp_path) == ("alp", ["alpha", "alpine.txt"])
    assert complete_path("alph", tmp_path) == ("alpha/", ["alpha"])
    assert complete_path("", tmp_path) == ("alp", ["alpha", "alpine.txt"])
    assert complete_path(".h", tmp_path) == (".hidden", [".hidden"])
    assert complete_path("missing/x", tmp_path) == ("missing/x", [])


# ------------------------------------------------------------------ 6. import progress


def test_import_progress_moves_file_by_file_with_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.screens.main import MainScreen

    for i in range(5):
        (tmp_path / f"story-{i}.txt").write_text(f"Story {i}\n\nThe council met on day {i}.\n")
    (tmp_path / "broken.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    calls: list[tuple[int, int, int]] = []
    show = MainScreen.show_progress

    def record(self: MainScreen, done: int, total: int, failed: int = 0) -> None:
        calls.append((done, total, failed))
        show(self, done, total, failed)

    monkeypatch.setattr(MainScreen, "show_progress", record)
    app = NewsReaderApp([str(tmp_path)])

    async def main() -> None:
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert len(app.main.entries) == 5

    asyncio.run(main())
    steps = [(done, failed) for done, total, failed in calls if total == 6]
    assert [done for done, _ in steps] == [0, 1, 2, 3, 4, 5, 6]  # one step a file
    assert steps[-1][1] == 1  # the unreadable one is counted as it fails


# ------------------------------------------------------------------ 8. smaller items


@pytest.mark.usefixtures("slow_reading")
def test_small_items_toasts_and_the_claim_label() -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("e")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "Entity highlights off" in messages
        await pilot.press("1", "enter")
        await pilot.pause()
        reader = app.main.query_one("#reader")
        assert str(reader.border_subtitle).startswith("claim: ")
        await pilot.press("l")  # leaving the Outline for another pane
        await pilot.pause()
        assert str(reader.border_subtitle) == ""

    run(scenario)


# ------------------------------------------------------------------ 7. one filter language


@pytest.mark.usefixtures("slow_reading")
def test_filter_site_is_a_part_of_the_name_in_any_case() -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert len(app.main.entries) == 2
        await pilot.press("F", *"site:SWARAJ", "enter")  # the site is "Swarajya"
        await pilot.pause()
        assert [e.site for e in app.main.entries] == ["Swarajya"]
        await pilot.press("F", "ctrl+u", *"kind:claim", "enter")  # search-only: said so
        await pilot.pause()
        error = app.screen.query_one("#filter-error")
        assert "unknown filter word" in str(error.render())

    run(scenario)


@pytest.mark.usefixtures("slow_reading")
def test_escape_in_the_note_editor_asks_before_discarding_typed_text() -> None:
    from tui.dialogs.library_note import NoteEditor

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("a", *"a thought", "escape")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)  # not lost on the first escape
        assert any("escape again" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main
        await pilot.press("a", "escape")  # nothing typed: one escape closes
        await pilot.pause()
        assert app.screen is app.main

    run(scenario)


def test_an_import_from_another_terminal_shows_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.app
    from tui.core.library import Library
    from tui.core.library.store import current_extractor_version
    from tui.core.model import Article

    monkeypatch.setattr(tui.app, "LIBRARY_CHECK_SECONDS", 0.2)
    db = tmp_path / "lib.sqlite3"
    library = Library.open(db)
    app = NewsReaderApp(library=library)

    async def main() -> None:
        async with app.run_test(size=(140, 45)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            before = len(app.main.entries)
            with Library.open(db) as other:  # `newsreader import` in another terminal
                other.store_analysed(
                    [Article(text="The ferry left at noon.", title="Late ferry")],
                    current_extractor_version(),
                )
            await pilot.pause(0.8)
            assert len(app.main.entries) == before + 1
            assert f"{before + 1} article" in app.main.sub_title

    try:
        asyncio.run(main())
    finally:
        library.close()
