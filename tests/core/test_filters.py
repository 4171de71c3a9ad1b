"""One filter language for `F` and search: parsing, and the site match in both stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.filters import FilterError, describe_filter, parse_filter, site_matches
from tui.core.library import ArticleFilter, Library
from tui.core.library.memory import MemoryStore
from tui.core.library.protocol import ArticleStore
from tui.core.library.store import current_extractor_version
from tui.core.model import Article


def _articles() -> list[Article]:
    return [
        Article(text="One.", title="A", site="Reuters", url="https://www.reuters.com/world/a"),
        Article(text="Two.", title="B", site=None, url="https://bbc.co.uk/news/reuters-b"),
        Article(text="Three.", title="C", site="The Hindu", url=None),
    ]


def _stores(tmp_path: Path) -> list[ArticleStore]:
    library = Library.open(tmp_path / "lib.sqlite3")
    library.store_analysed(_articles(), current_extractor_version())
    return [library, MemoryStore(_articles())]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("site:reuters", ["A"]),  # the site name, any case
        ("site:REUTERS.COM", ["A"]),  # the host
        ("site:bbc", ["B"]),  # a part of the host; never the address's path
        ("site:hindu", ["C"]),
        ('site:"the hindu"', ["C"]),
        ("site:nowhere", []),
    ],
)
def test_site_filter_is_a_partial_case_insensitive_match_in_both_stores(
    tmp_path: Path, text: str, titles: list[str]
) -> None:
    f = parse_filter(text)
    for store in _stores(tmp_path):
        assert sorted(s.title for s in store.list_articles(f)) == titles, type(store).__name__
        store.close()


def test_filter_reads_the_search_fields_and_flags() -> None:
    f = parse_filter("UNREAD Starred site:Reuters since:2025-01 @putin")
    assert (f.unread, f.starred, f.site, f.entity) == (True, True, "reuters", "putin")
    assert f.since is not None and (f.since.year, f.since.month) == (2025, 1)
    assert parse_filter(describe_filter(f)) == f
    spaced = ArticleFilter(site="the hindu", entity="New York")
    assert parse_filter(describe_filter(spaced)) == spaced


@pytest.mark.parametrize("text", ["kind:claim", '"a phrase"', "since:", "@a @b", "hello"])
def test_filter_rejects_search_only_words(text: str) -> None:
    with pytest.raises(FilterError):
        parse_filter(text)


def test_site_match_agrees_with_the_address_host() -> None:
    assert site_matches("Reuters", None, "https://www.reuters.com/x")
    assert not site_matches("world", None, "https://www.reuters.com/world/x")
    assert site_matches("münchen", "Münchner Merkur", None) is False
    assert site_matches("munchner", "Münchner Merkur", None)
