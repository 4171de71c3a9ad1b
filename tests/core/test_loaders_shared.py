"""Loaders over the real pages and feeds in ../shared/corpus (skipped when absent)."""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path

import pytest

from tui.core.loaders import load_paths


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def html_results(shared: Path):
    gold = json.loads((shared / "corpus" / "html" / "gold.json").read_text())
    out = {}
    for entry in gold.values():
        path = shared / "corpus" / "html" / entry["file"]
        out[entry["file"]] = (entry, load_paths([path]))
    return out


def test_every_page_loads(html_results) -> None:
    for name, (_, result) in html_results.items():
        assert result.errors == [], name
        (article,) = result.articles
        assert article.title, name
        assert article.site, name
        for s, e in [*article.paragraphs, *article.sentences]:
            assert 0 <= s < e <= len(article.text)


def test_gold_snippets(html_results) -> None:
    """Main text keeps the gold `with` snippets and drops the `without` ones.

    Measured on the 40 pages: with 113/114, without 110/121 (see the report); the bounds
    leave a little room for trafilatura releases.
    """
    met_with = total_with = met_without = total_without = 0
    for entry, result in html_results.values():
        text = _norm(result.articles[0].text)
        for snippet in entry.get("with", []):
            total_with += 1
            met_with += _norm(snippet) in text
        for snippet in entry.get("without", []):
            total_without += 1
            met_without += _norm(snippet) not in text
    assert met_with / total_with >= 0.95
    assert met_without / total_without >= 0.85


def test_gold_titles(html_results) -> None:
    titled = [(e, r) for e, r in html_results.values() if e.get("title")]
    same = sum(r.articles[0].title.casefold() == e["title"].casefold() for e, r in titled)
    assert same / len(titled) >= 0.75


def _feeds(shared: Path) -> list[Path]:
    return sorted((shared / "corpus" / "feeds").glob("*.xml"))


def test_feeds_match_feed_rs_expectations(shared: Path) -> None:
    feeds = _feeds(shared)
    assert feeds
    for path in feeds:
        expected = json.loads((path.parent / f"{path.stem}.expected.serde.json").read_text())
        result = load_paths([path])
        assert result.errors == [], path.name
        entries = expected["entries"]
        assert len(result.articles) == len(entries), path.name
        site = (expected.get("title") or {}).get("content")
        for article, entry in zip(result.articles, entries, strict=True):
            if site:
                assert article.site == _norm(site), path.name
            title = (entry.get("title") or {}).get("content")
            if title:
                assert article.title == _norm(title), path.name
            links = [link["href"] for link in entry.get("links", [])]
            if links:
                assert article.url in links, path.name
            assert article.text.strip()
            for s, e in article.sentences:
                assert 0 <= s < e <= len(article.text)


def test_feed_dates_keep_their_zone(shared: Path) -> None:
    """Same instant as feedparser's UTC tuples, but with the offset the feed stated."""
    import feedparser

    checked = 0
    for path in _feeds(shared):
        parsed = feedparser.parse(path.read_bytes())
        articles = load_paths([path]).articles
        for article, entry in zip(articles, parsed.entries, strict=True):
            utc = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
            if not utc or article.published is None:
                continue
            checked += 1
            if article.published.tzinfo is None:  # a bare date: no zone to keep
                assert article.published.timetuple()[:3] == tuple(utc[:3]), path.name
            else:
                as_utc = article.published.astimezone(UTC).timetuple()[:6]
                assert as_utc == tuple(utc[:6]), path.name
    assert checked >= 20


def test_whole_corpus_directory(shared: Path) -> None:
    """The corpus folder as one input: pages and feeds load, foreign JSON fails cleanly."""
    result = load_paths([shared / "corpus"])
    assert len(result.articles) >= 80
    assert {Path(f.path).suffix for f in result.errors} == {".json"}
    assert all("not a newsreader export" in f.error for f in result.errors)
