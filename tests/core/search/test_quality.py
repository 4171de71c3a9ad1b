"""Search quality: hand-written typo and partial queries over ../shared/corpus/html.

Each query names the page and a short anchor of the sentence it must find; the target
must be among the top 3 hits for at least 95% of the queries, all pages indexed together.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.search_corpus import load_html_corpus
from tests.conftest import REPO
from tui.core.extract import analyse
from tui.core.model import Article
from tui.core.search import SearchIndex
from tui.core.search.build import build_arrays
from tui.core.search.persistent import PersistentIndex

QUERIES = REPO / "benchmarks" / "search_queries.json"


@pytest.fixture(scope="module")
def corpus(shared: Path) -> list[Article]:
    articles = load_html_corpus(shared / "corpus" / "html")
    if not articles:
        pytest.skip("no pages could be loaded from ../shared/corpus/html")
    for article in articles:
        analyse(article)
    return articles


@pytest.fixture(scope="module")
def corpus_index(corpus: list[Article]) -> SearchIndex:
    return SearchIndex(corpus)


def test_query_set_is_large_and_well_formed() -> None:
    items = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    assert len(items) >= 50
    for item in items:
        assert item["query"].strip() and item["anchor"].strip()
        assert item["file"].endswith(".html")
        # Queries are typed by hand, not copied: never the anchor itself.
        assert item["query"].casefold() != item["anchor"].casefold()


@pytest.fixture(scope="module")
def segmented_index(corpus: list[Article], tmp_path_factory) -> PersistentIndex:
    """The same pages as three segments on disk, searched as one (the library's index)."""
    folder = tmp_path_factory.mktemp("segments")
    texts = {a.id: a.text for a in corpus}
    index = PersistentIndex(folder, texts.__getitem__)
    for part in (corpus[::3], corpus[1::3], corpus[2::3]):
        index.add(build_arrays(part))
    assert len(index.segments) == 3
    return index


@pytest.mark.parametrize("which", ["memory", "segments"])
def test_targets_in_top_three(
    which: str, corpus_index: SearchIndex, segmented_index: PersistentIndex
) -> None:
    items = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    file_of = {a.id: Path(a.source_path or "").name for a in corpus_index.articles}
    index = corpus_index if which == "memory" else segmented_index
    misses = []
    for item in items:
        hits = index.search(item["query"], limit=3)
        found = any(
            file_of[h.article_id] == item["file"] and item["anchor"] in h.text for h in hits
        )
        if not found:
            misses.append((item["query"], [h.text[:60] for h in hits]))
    rate = 1 - len(misses) / len(items)
    assert rate >= 0.95, f"top-3 rate {rate:.1%}; misses: {misses}"
