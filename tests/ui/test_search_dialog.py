"""The search overlay, driven with the pilot in a tiny host app."""

from __future__ import annotations

import asyncio

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App
from textual.widgets import Input, OptionList

from tui.core.model import Analysis, Article, Claim
from tui.core.search import Hit, SearchIndex
from tui.core.sentences import split_paragraphs, split_sentences
from tui.dialogs.search import WIDTH, SearchDialog, _window, render_hit


def _article(title: str, text: str, claims: tuple[int, ...] = ()) -> Article:
    paragraphs = split_paragraphs(text)
    sentences = split_sentences(text, paragraphs)
    article = Article(text=text, title=title, paragraphs=paragraphs, sentences=sentences)
    article.analysis = Analysis(
        claims=[
            Claim(text=article.sentence_text(i), span=sentences[i], sentence=i, score=0.9)
            for i in claims
        ]
    )
    return article


ARTICLES = [
    _article(
        "India and Russia discuss more missiles",
        "India and Russia are holding talks. They discuss extra deliveries of S-400 systems. "
        "The deal was signed in 2018.",
        claims=(2,),
    ),
    _article(
        "Rain in the valley",
        "Heavy rain fell over the valley. Farmers expect a late harvest this year.",
    ),
]


class Host(App[None]):
    # The palette's ctrl+p is an app-level priority binding; the reader rebinds or disables
    # it so that ctrl+p reaches the dialog.
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, dialog: SearchDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[Hit | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


async def _settle(app: Host, pilot) -> None:
    await pilot.pause(0.1)
    await app.workers.wait_for_complete()
    await pilot.pause()


def test_typo_query_finds_hit_and_enter_returns_it() -> None:
    asyncio.run(_test_typo_query_finds_hit_and_enter_returns_it())


async def _test_typo_query_finds_hit_and_enter_returns_it() -> None:
    app = Host(SearchDialog(SearchIndex(ARTICLES)))
    async with app.run_test() as pilot:
        await _settle(app, pilot)
        for ch in "delivries s400":
            await pilot.press("space" if ch == " " else ch)
        await _settle(app, pilot)
        dialog = app.dialog
        assert dialog.hits, "no hits for a typo'd query"
        assert "deliveries of S-400" in dialog.hits[0].text
        options = dialog.query_one(OptionList)
        assert options.option_count == len(dialog.hits)
        await pilot.press("enter")
        await pilot.pause()
    assert len(app.results) == 1
    hit = app.results[0]
    assert hit is not None
    assert hit.article_id == ARTICLES[0].id
    assert hit.sentence == 1
    assert ARTICLES[0].text[hit.span[0] : hit.span[1]] == hit.text


def test_down_moves_selection_and_escape_closes() -> None:
    asyncio.run(_test_down_moves_selection_and_escape_closes())


async def _test_down_moves_selection_and_escape_closes() -> None:
    app = Host(SearchDialog(SearchIndex(ARTICLES), query="the"))
    async with app.run_test() as pilot:
        await _settle(app, pilot)
        dialog = app.dialog
        assert len(dialog.hits) >= 2
        await pilot.press("ctrl+n")
        assert dialog.query_one(OptionList).highlighted == 1
        await pilot.press("up")
        assert dialog.query_one(OptionList).highlighted == 0
        await pilot.press("down")
        assert dialog.query_one(OptionList).highlighted == 1
        await pilot.press("ctrl+p")
        assert dialog.query_one(OptionList).highlighted == 0
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.results and app.results[0] == app.dialog.hits[1]

    app = Host(SearchDialog(SearchIndex(ARTICLES)))
    async with app.run_test() as pilot:
        await _settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


def test_empty_query_shows_recent_claims() -> None:
    asyncio.run(_test_empty_query_shows_recent_claims())


async def _test_empty_query_shows_recent_claims() -> None:
    app = Host(SearchDialog(SearchIndex(ARTICLES)))
    async with app.run_test() as pilot:
        await _settle(app, pilot)
        assert [h.kind for h in app.dialog.hits] == ["claim"]


def test_find_in_article_stays_in_that_article() -> None:
    asyncio.run(_test_find_in_article_stays_in_that_article())


async def _test_find_in_article_stays_in_that_article() -> None:
    index = SearchIndex(ARTICLES)
    app = Host(SearchDialog(index, article_id=ARTICLES[1].id))
    async with app.run_test() as pilot:
        await _settle(app, pilot)
        app.dialog.query_one(Input).value = "the"
        await _settle(app, pilot)
        hits = app.dialog.hits
        assert hits
        assert {h.article_id for h in hits} == {ARTICLES[1].id}


def test_render_hit_styles_only_matched_characters_and_keeps_text_plain() -> None:
    article = _article("[bold]t[/bold]", "A [red]markup[/red] lookalike about rain.")
    hit = SearchIndex([article]).search("rain", limit=1)[0]
    row = render_hit(hit)
    assert "[red]markup[/red]" in row.plain
    assert "[bold]t[/bold]" in row.plain
    styled = {
        i for span in row.spans if span.style == "bold reverse" for i in range(span.start, span.end)
    }
    assert "".join(row.plain[i] for i in sorted(styled)) == "rain"


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=600), st.data())
def test_long_rows_keep_positions_inside_the_window(text: str, data: st.DataObject) -> None:
    positions = tuple(sorted(set(data.draw(st.lists(st.integers(0, len(text) - 1), max_size=20)))))
    body, kept = _window(text, positions)
    assert len(body) <= WIDTH + 2
    assert all(0 <= p < len(body) for p in kept)
    if len(text) <= WIDTH:
        assert body == text and kept == list(positions)
    else:
        chars = [text[p] for p in positions]
        got = [body[p] for p in kept]
        assert any(chars[i : i + len(got)] == got for i in range(len(chars) - len(got) + 1))
