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
from tui.core.search import SearchIndex

QUERIES = REPO / "benchmarks" / "search_queries.json"


@pytest.fixture(scope="module")
def corpus_index(shared: Path) -> SearchIndex:
    articles = load_html_corpus(shared / "corpus" / "html")
    if not articles:
        pytest.skip("no pages could be loaded from ../shared/corpus/html")
    for article in articles:
        analyse(article)
    return SearchIndex(articles)


def test_query_set_is_large_and_well_formed() -> None:
    items = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    assert len(items) >= 50
    for item in items:
        assert item["query"].strip() and item["anchor"].strip()
        assert item["file"].endswith(".html")
        # Queries are typed by hand, not copied: never the anchor itself.
        assert item["query"].casefold() != item["anchor"].casefold()


def test_targets_in_top_three(corpus_index: SearchIndex) -> None:
    items = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    misses = []
    for item in items:
        hits = corpus_index.search(item["query"], limit=3)
        found = any(
            Path(corpus_index.articles[h.article_index].source_path or "").name == item["file"]
            and item["anchor"] in h.text
            for h in hits
        )
        if not found:
            misses.append((item["query"], [h.text[:60] for h in hits]))
    rate = 1 - len(misses) / len(items)
    assert rate >= 0.95, f"top-3 rate {rate:.1%}; misses: {misses}"
