"""Pilot tests: every path a user takes through the reader."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Tab, Tabs

from tests.conftest import SEEDS
from tests.ui.sample import hostile_article, sample_articles
from tui.app import NewsReaderApp
from tui.core.model import Article
from tui.dialogs.search import SearchDialog
from tui.screens.help import HelpScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.entities import EntitiesPanel
from tui.widgets.figures import FiguresPanel
from tui.widgets.outline import OutlinePanel
from tui.widgets.reader import ArticleView

Scenario = Callable[[NewsReaderApp, Pilot], Awaitable[None]]


def run(app: NewsReaderApp, scenario: Scenario, size: tuple[int, int] = (140, 45)) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())


def reader(app: NewsReaderApp, reader_id: str = "reader") -> ArticleView:
    return app.main.query_one(f"#{reader_id}", ArticleView)


def assert_on_screen(view: ArticleView, offset: int) -> None:
    """The row showing character ``offset`` is inside the reader's viewport."""
    row = view.row_of_offset(offset)
    top = int(view.scroll_offset.y)
    assert top <= row < top + view.scrollable_content_region.height


def test_opens_seeds_from_paths_in_a_worker() -> None:
    app = NewsReaderApp([str(SEEDS)])

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.main.entries) == 1
        view = reader(app)
        assert view.article is not None and view.article.id == app.main.entries[0].id
        assert any("S-400" in line for line in view.visible_text())
        # The side panels are on screen at 140x45 without a key press.
        for panel in ("#outline", "#entities", "#figures"):
            assert app.main.query_one(panel).region.area > 0

    run(app, scenario)


def test_failed_file_is_named_and_the_others_load(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    good = tmp_path / "good.txt"
    good.write_text("A headline\n\nSomething happened on Monday, officials said.\n")
    app = NewsReaderApp([str(tmp_path)])

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [a.source_path for a in app.articles] == [str(good)]  # (handed to memory)
        assert len(app.main.entries) == 1
        assert app.failures and app.failures[0][0] == str(empty)
        messages = [n.message for n in app._notifications]
        assert any("empty.txt" in m for m in messages)

    run(app, scenario)


def test_injected_articles_show_at_once(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert not app.main.query("ProgressBar")  # nothing to load
        listing = app.main.query_one(ArticleList)
        assert listing.option_count == 2
        assert reader(app).article is app.articles[0]
        assert app.main.query_one(OutlinePanel).option_count == 6
        text = reader(app).visible_text()
        assert text[0] == "India, Russia in talks for more S-400 deliveries"
        assert "By Swarajya Staff · Swarajya · Defence" in text

    run(app, scenario)


def test_tab_cycles_panes_and_number_keys_jump_to_panels(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert isinstance(app.focused, ArticleView)
        await pilot.press("tab")
        assert isinstance(app.focused, OutlinePanel)
        await pilot.press("tab")
        assert isinstance(app.focused, EntitiesPanel)
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("3")
        assert isinstance(app.focused, FiguresPanel)
        await pilot.press("2")
        assert isinstance(app.focused, EntitiesPanel)
        await pilot.press("1")
        assert isinstance(app.focused, OutlinePanel)

    run(app, scenario)


def test_reader_vim_keys_scroll(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        view = reader(app)
        await pilot.press("j", "j", "j")
        assert view.scroll_offset.y == 3
        await pilot.press("k")
        assert view.scroll_offset.y == 2
        await pilot.press("G")
        assert view.scroll_offset.y == view.max_scroll_y > 0
        await pilot.press("g")
        assert view.scroll_offset.y == 0
        await pilot.press("pagedown")
        assert view.scroll_offset.y > 10

    run(app, scenario, size=(120, 30))


def test_selecting_a_claim_scrolls_the_reader_to_its_sentence(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        view = reader(app)
        article = app.articles[0]
        last = max(article.analysis.claims, key=lambda c: c.span)
        assert "Operation Sindoor" in last.text
        await pilot.press("1", "G", "enter")
        await pilot.pause()
        assert view.focus_span == last.span
        row = view.row_of_offset(last.span[0])
        assert view.scroll_offset.y > 0
        top = int(view.scroll_offset.y)
        assert top <= row < top + view.scrollable_content_region.height
        assert any("Operation Sindoor" in line for line in view.visible_text())

    run(app, scenario, size=(120, 30))


def test_entity_mentions_step_with_n_and_shift_n(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        view = reader(app)
        article = app.articles[0]
        shugayev = next(e for e in article.analysis.entities if e.name == "Dmitry Shugayev")
        await pilot.press("2")
        entities = app.main.query_one(EntitiesPanel)
        index = next(i for i in range(entities.option_count) if entities.entity_at(i) is shugayev)
        entities.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert view.marks == sorted(shugayev.mentions)
        assert view.mark_index == 0
        await pilot.press("n")
        assert view.mark_index == 1
        await pilot.press("n", "n")
        assert view.mark_index == 0  # wraps round
        await pilot.press("N")
        assert view.mark_index == len(shugayev.mentions) - 1
        s, e = shugayev.mentions[-1]
        assert article.text[s:e] == "Shugayev"
        assert str(view.border_subtitle).endswith(
            f"{len(shugayev.mentions)}/{len(shugayev.mentions)}"
        )

    run(app, scenario, size=(120, 30))


def test_selecting_a_figure_jumps_to_it(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        view = reader(app)
        figures = app.articles[0].analysis.figures
        percent = next(f for f in figures if f.kind == "percent")
        await pilot.press("3", "G")
        assert app.main.query_one(FiguresPanel).figure_at(6) is percent
        await pilot.press("enter")
        assert view.focus_span == percent.span
        assert view.scroll_offset.y > 0
        assert_on_screen(view, percent.span[0])
        assert any("36 per" in line for line in view.visible_text())

    run(app, scenario, size=(120, 24))


def test_brackets_switch_articles(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        first, second = app.articles
        await pilot.press("right_square_bracket")
        assert reader(app).article is second
        assert app.main.query_one(OutlinePanel).article is second
        assert app.main.query_one(ArticleList).highlighted == 1
        await pilot.press("right_square_bracket")  # stays on the last
        assert reader(app).article is second
        await pilot.press("left_square_bracket")
        assert reader(app).article is first
        assert second.id in app.main.query_one(ArticleList).read

    run(app, scenario)


def test_tabs_and_split_view(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        first, second = app.articles
        tabs = app.main.query_one("#article-tabs", Tabs)
        assert tabs.tab_count == 1
        # t opens the highlighted article in a new tab; moving in the list then shows
        # the next article in that tab, the first tab keeps its article.
        await pilot.press("l", "t", "l", "j")
        await pilot.pause()
        assert tabs.tab_count == 2
        assert reader(app).article is second
        await pilot.press("H")
        await pilot.pause()
        assert reader(app).article is first
        await pilot.press("v")
        await pilot.pause()
        other = reader(app, "reader-2")
        assert other.display and other.region.width > 0
        assert other.article is second
        # Focusing the comparison pane makes the panels follow it.
        other.focus()
        await pilot.pause()
        assert app.main.query_one(OutlinePanel).article is second
        await pilot.press("v")
        await pilot.pause()
        assert not app.main.query_one("#reader-2").region.area
        await pilot.press("w")
        await pilot.pause()
        assert tabs.tab_count == 1

    run(app, scenario)


def test_find_in_article_is_fuzzy_and_stays_in_the_article(app: NewsReaderApp) -> None:
    """ctrl+f: the search engine over the current article only; Enter jumps, n steps."""

    async def typed(pilot: Pilot, query: str) -> SearchDialog:
        dialog = app.screen
        assert isinstance(dialog, SearchDialog)
        dialog.query_one(Input).value = ""
        for ch in query:
            await pilot.press("space" if ch == " " else ch)
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        return dialog

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await app.workers.wait_for_complete()  # the search index
        await pilot.pause()
        assert app.search_index is not None
        view = reader(app)
        seed, second = app.articles[0], app.articles[1]
        assert view.article is not None and view.article.id == seed.id
        await pilot.press("ctrl+f")
        await pilot.pause()
        # Words of the other article only: nothing from it may be listed.
        dialog = await typed(pilot, "harbor authorty ferry timetable")
        assert all(h.article_id == seed.id for h in dialog.hits)
        # A typo'd query finds the seed's sentence.
        dialog = await typed(pilot, "delivries s400")
        assert dialog.hits and {h.article_id for h in dialog.hits} == {seed.id}
        best = dialog.hits[dialog.query_one(OptionList).highlighted or 0]
        sentence = seed.text[best.span[0] : best.span[1]]
        assert "S-400" in seed.sentence_text(best.sentence) and sentence
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, ArticleView)
        assert view.article.id == seed.id  # still the same article
        assert view.marks[view.mark_index] == best.span
        assert len(view.marks) > 1
        assert all(e <= len(seed.text) for _, e in view.marks)
        assert_on_screen(view, best.span[0])
        before = view.mark_index
        await pilot.press("n")
        assert view.mark_index == (before + 1) % len(view.marks)
        assert_on_screen(view, view.marks[view.mark_index][0])
        await pilot.press("N", "N")
        assert view.mark_index == (before - 1) % len(view.marks)
        assert "delivries s400" in str(view.border_subtitle)
        # Escape closes the find without touching the reader.
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SearchDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SearchDialog)
        assert view.article.id == seed.id and second.id != seed.id

    run(app, scenario)


def test_highlight_toggles(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        view = reader(app)
        assert view.show_entities and view.show_figures and view.show_claims
        kinds = {h.component for h in view._layers}
        assert kinds == {"article-view--entity", "article-view--figure", "article-view--claim"}
        await pilot.press("e", "f", "c")
        assert not (view.show_entities or view.show_figures or view.show_claims)
        assert view._layers == []
        await pilot.press("e")
        assert view.show_entities
        assert {h.component for h in view._layers} == {"article-view--entity"}

    run(app, scenario)


def test_help_lists_every_binding_and_escape_closes(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table")
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        descriptions = {r[2] for r in rows}
        for expected in (
            "Quit",
            "Next hit",
            "Search",
            "Find in article",
            "Outline",
            "Split view",
            "Group by speaker",
            "Star article",
            "Star claim",
            "Note on claim",
            "Mark read/unread",
            "Delete article",
        ):
            assert expected in descriptions
        keys = {r[2]: r[1] for r in rows}
        assert "j" in keys["Down"]
        await pilot.press("escape")
        assert app.screen is app.main

    run(app, scenario)


def test_palette_runs_the_apps_commands(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"split view")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.screen is app.main
        assert app.main.split

    run(app, scenario)


def test_palette_export_writes_markdown(app: NewsReaderApp, tmp_path: Path) -> None:
    target = tmp_path / "out.md"

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        app.action_export_markdown()
        await pilot.pause()
        field = app.screen.query_one(Input)
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.main

    run(app, scenario)
    body = target.read_text()
    assert body.startswith("## India, Russia in talks for more S-400 deliveries")
    assert "### Claims" in body and "Dmitry Shugayev" in body


def test_open_dialog_loads_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First story\n\nThe council met on Tuesday.\n")
    (tmp_path / "b.txt").write_text("Second story\n\nThe mayor spoke on Wednesday.\n")
    app = NewsReaderApp(articles=sample_articles())

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("o")
        await pilot.pause()
        field = app.screen.query_one("#open-path", Input)
        field.value = str(tmp_path)
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is app.main
        assert len(app.main.entries) == 4

    run(app, scenario)


def test_narrow_layout_folds_panels_into_an_overlay(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        side = app.main.query_one("#side")
        assert app.main.has_class("-narrow")
        assert not side.display or side.region.area == 0
        await pilot.press("p")
        await pilot.pause()
        assert side.region.area > 0
        assert isinstance(app.focused, OutlinePanel)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.focused, EntitiesPanel)
        assert app.main.query_one("#outline").region.area == 0
        await pilot.press("escape")
        await pilot.pause()
        assert side.region.area == 0
        assert isinstance(app.focused, ArticleView)

    run(app, scenario, size=(80, 24))


def test_q_quits_with_status_zero(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("q")

    run(app, scenario)
    assert app.return_code == 0


@pytest.mark.parametrize("size", [(140, 45), (80, 24)])
def test_hostile_fields_render_inert(size: tuple[int, int]) -> None:
    app = NewsReaderApp(articles=[hostile_article()])

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        if size[0] < 110:
            await pilot.press("p")
        await pilot.pause()
        assert app.is_running  # [@click=app.quit] did nothing
        lines = reader(app).visible_text()
        joined = "\n".join(lines)
        assert "[bold red]Boom[/]" in joined  # markup shown as text
        assert "\x1b" not in joined and "\u202e" not in joined and "\u200b" not in joined
        assert "␛]0;pwned␇" in joined
        screen_text = app.export_screenshot()
        assert "\x1b]0;" not in screen_text and "\x9b" not in screen_text
        # Every other place an article-derived string is drawn: list, panels, tabs, header.
        shown: list[str] = []
        for panel in (ArticleList, OutlinePanel, EntitiesPanel, FiguresPanel):
            widget = app.main.query_one(panel)
            shown += [str(o.prompt) for o in widget.options]
        shown += [str(tab.label) for tab in app.main.query_one("#article-tabs", Tabs).query(Tab)]
        shown.append(app.main.title or "")
        joined = "\n".join(shown)
        for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\u200b"):
            assert bad not in joined
        assert "[bold red]Boom[/]" in joined and "[@click=app.quit]me[/]" in joined
        assert "[b]E[/b]␛[5m" in joined and "[link=http://x]site[/link]" in joined

    run(app, scenario, size=size)


def test_progress_bar_shows_while_many_files_load(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        from textual.widgets import ProgressBar

        app.main.show_progress(3, 10)
        await pilot.pause()
        bar = app.main.query_one(ProgressBar)
        assert bar.region.area > 0 and bar.progress == 3 and bar.total == 10
        app.main.show_progress(10, 10)
        await pilot.pause()
        assert bar.region.area == 0

    run(app, scenario)


def test_large_article_renders_only_visible_lines() -> None:
    from tui.core.sentences import split_paragraphs

    paragraph = "India and Russia are holding talks for extra deliveries of S-400 systems. "
    text = (paragraph * 6 + "\n") * 4000  # about 1.8 MB
    big = Article(text=text, title="Big", paragraphs=split_paragraphs(text))
    app = NewsReaderApp(articles=[big])

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        view = reader(app)
        await pilot.pause()
        assert view.virtual_size.height > 20_000
        height = view.scrollable_content_region.height
        assert 0 < len(view._strips) <= height
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_offset.y == view.max_scroll_y
        assert any(line.startswith("India and Russia") for line in view.visible_text())
        assert len(view._strips) <= 2 * height

    run(app, scenario)


def test_outline_groups_by_speaker(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        outline = app.main.query_one(OutlinePanel)
        await pilot.press("1", "s")
        assert outline.group_by_speaker
        headings = [
            str(outline.get_option_at_index(i).prompt)
            for i in range(outline.option_count)
            if outline.claim_at(i) is None
        ]
        assert headings[0].startswith("Dmitry Shugayev")  # the speaker with most claims
        assert outline.claim_at(outline.highlighted).speaker == "Dmitry Shugayev"
        await pilot.press("s")
        assert outline.claim_at(0) is not None  # document order, no headings

    run(app, scenario)


def test_narrow_enter_on_a_claim_closes_the_overlay(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.press("1", "j", "j", "enter")
        await pilot.pause()
        view = reader(app)
        assert isinstance(app.focused, ArticleView)
        assert app.main.query_one("#side").region.area == 0
        claim = app.main.query_one(OutlinePanel).claim_at(2)
        assert view.focus_span == claim.span
        assert_on_screen(view, claim.span[0])

    run(app, scenario, size=(80, 24))


def test_palette_toggles_the_theme(app: NewsReaderApp) -> None:
    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert app.current_theme.dark
        await pilot.press("ctrl+p", *"light / dark")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert not app.current_theme.dark
        assert app.screen is app.main

    run(app, scenario)


def test_first_paint_restores_the_collectors_threshold(app: NewsReaderApp) -> None:
    import gc

    from tui import app as app_module

    # run_reader raises the threshold while the first screen is built; the paint lowers it.
    defaults = gc.get_threshold()
    gc.set_threshold(app_module.STARTUP_GC_THRESHOLD, *defaults[1:])

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        await pilot.pause()
        assert gc.get_threshold()[0] == app_module.DEFAULT_GC_THRESHOLD

    try:
        run(app, scenario)
    finally:
        gc.set_threshold(*defaults)
