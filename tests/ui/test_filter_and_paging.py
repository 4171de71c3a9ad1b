"""The list filter language, the in-memory store's filters, and paging a long library list."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.ui.sample import sample_articles
from tui.app import NewsReaderApp
from tui.core.filters import describe_filter, parse_filter
from tui.core.library import ArticleFilter, Library
from tui.core.library.memory import MemoryStore
from tui.core.library.store import current_extractor_version
from tui.screens.library_actions import LIST_PAGE
from tui.widgets.article_list import ArticleList


def test_parse_filter_words() -> None:
    f = parse_filter('unread site:bbc.co.uk since:2025-01-02 entity:"Dmitry Shugayev"')
    assert f == ArticleFilter(
        unread=True, site="bbc.co.uk", since=datetime(2025, 1, 2), entity="Dmitry Shugayev"
    )
    assert parse_filter("starred @TASS") == ArticleFilter(starred=True, entity="TASS")
    assert parse_filter("") == ArticleFilter()
    assert parse_filter(describe_filter(f)) == f


@pytest.mark.parametrize("text", ["since:yesterday", "bogus", "site:"])
def test_parse_filter_rejects_what_it_does_not_understand(text: str) -> None:
    with pytest.raises(ValueError):
        parse_filter(text)


def test_memory_store_filters_like_the_library() -> None:
    seed, ferry = sample_articles()
    store = MemoryStore([seed, ferry])
    assert [s.id for s in store.list_articles()] == [seed.id, ferry.id]
    store.mark_read(seed.id)
    store.star_article(ferry.id)
    assert [s.id for s in store.list_articles(ArticleFilter(unread=True))] == [ferry.id]
    assert [s.id for s in store.list_articles(ArticleFilter(starred=True))] == [ferry.id]
    assert [s.id for s in store.list_articles(ArticleFilter(entity="dmitry shugayev"))] == [seed.id]
    assert [s.id for s in store.list_articles(ArticleFilter(site=seed.site))] == [seed.id]
    later = max(seed.published, ferry.published) + timedelta(days=1)  # type: ignore[operator]
    assert store.list_articles(ArticleFilter(since=later)) == []
    store.delete_article(seed.id)
    assert store.count_articles() == 1


def _long_library(db: Path, n: int) -> list[str]:
    seed = sample_articles()[0]
    articles = []
    for i in range(n):
        extra = f" Edition {i}."
        article = replace(
            seed,
            id="",
            title=f"{seed.title} ({i})",
            text=seed.text + extra,
            published=datetime(2025, 9, 3) - timedelta(hours=i),
        )
        article.__post_init__()
        articles.append(article)
    with Library.open(db) as library:
        library.store_analysed(articles, current_extractor_version())
        library.set_meta("seeded", "test")
    return [a.id for a in articles]


def test_long_library_lists_a_page_and_reads_more_at_the_end(tmp_path: Path) -> None:
    db = tmp_path / "long.sqlite3"
    ids = _long_library(db, 230)
    library = Library.open(db)
    app = NewsReaderApp(library=library)

    async def main() -> None:
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            listing = app.main.query_one(ArticleList)
            assert len(listing.entries) == LIST_PAGE and listing.total == 230
            assert [e.id for e in listing.entries] == ids[:LIST_PAGE]  # newest first
            assert "230 articles" in app.main.sub_title
            await pilot.press("l")
            for _ in range(5):  # each G reaches the end of what is loaded, which reads more
                await pilot.press("G")
                await pilot.pause()
            assert len(listing.entries) == 230
            assert listing.current_id == ids[-1]

    try:
        asyncio.run(main())
    finally:
        library.close()
