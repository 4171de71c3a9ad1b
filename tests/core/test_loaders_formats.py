"""Markdown, HTML, feeds, our JSON export, encodings, sniffing and raw mode."""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEED_ARTICLE
from tui.core.loaders import feed, html, iter_load, jsonexport, load_bytes, load_paths, sniff
from tui.core.loaders.decode import binary_reason, decode
from tui.core.loaders.htmltext import html_to_paragraphs
from tui.core.loaders.xmlsafe import check_no_entities
from tui.core.model import Article

LOADERS = FIXTURES / "loaders"
ENC = LOADERS / "encodings"


def _one(path: Path, **kwargs) -> Article:
    result = load_paths([path], **kwargs)
    assert result.errors == [], result.errors
    (article,) = result.articles
    return article


def test_markdown_front_matter() -> None:
    a = _one(LOADERS / "article.md")
    assert a.title == "Harbour council approves new ferry route"
    assert a.authors == ["Maria Lopez", "Tom Reyes"]
    assert a.published == datetime(2024, 3, 4, 18, 15, tzinfo=UTC)
    assert a.updated == datetime(2024, 3, 4, 19, 2, tzinfo=UTC)
    assert a.site == "The Harbour Gazette"
    assert a.url == "https://gazette.example/ferry-route"
    assert a.section == "Local"
    # Markdown syntax is gone, the words stay; the duplicate headline is not in the body.
    assert a.text.startswith("The harbour council voted on Monday to approve")
    assert "**" not in a.text and "](" not in a.text and "## " not in a.text
    assert "officials said" in a.text and "Boats will leave every 40 minutes." in a.text
    assert "What happens next" in a.text


def test_markdown_headline_and_byline() -> None:
    a = _one(LOADERS / "headline.md")
    assert a.title == "Storm closes mountain pass for a second day"
    assert a.authors == ["Lena Ortiz"]
    assert a.text.startswith("Heavy snow kept the Alder Pass closed")
    assert "By Lena" not in a.text


def test_html_page() -> None:
    a = _one(LOADERS / "page.html")
    assert a.title == "Harbour council approves new ferry route"
    assert a.site == "The Harbour Gazette"
    assert a.authors == ["Maria Lopez"]
    assert a.url == "https://gazette.example/ferry-route"
    assert a.published == datetime(2024, 3, 4, 18, 15, tzinfo=UTC)
    assert a.updated == datetime(2024, 3, 4, 19, 2, tzinfo=UTC)
    assert "€4.2 million" in a.text
    for junk in ("Home", "Sport", "All rights reserved", "Subscribe"):
        assert junk not in a.text
    assert not a.text.startswith("Harbour council approves")  # headline not repeated in body


def test_rss2_feed() -> None:
    result = load_paths([LOADERS / "rss2.xml"])
    assert result.errors == []
    first, second, third = result.articles
    assert {a.site for a in result.articles} == {"The Harbour Gazette"}
    assert first.title == "Harbour council approves new ferry route"
    assert first.url == "https://gazette.example/ferry-route"
    assert first.authors == ["Maria Lopez"]
    assert first.section == "Local"
    assert first.published == datetime(2024, 3, 4, 18, 15, tzinfo=timezone(timedelta(hours=1)))
    assert first.updated is None
    # content:encoded wins over the short description; scripts never become text.
    assert "€4.2 million" in first.text and "alert" not in first.text
    assert second.text == "Heavy snow closed the pass."  # escaped HTML summary, tags gone
    assert third.text == third.title == "Podcast: the week in review"  # headline-only item


def test_atom_feed() -> None:
    (a,) = load_paths([LOADERS / "atom.xml"]).articles
    assert a.title == "Storm closes mountain pass"  # type="html" title, tags stripped
    assert a.site == "Alder Valley News"
    assert a.authors == ["Lena Ortiz", "Sam Park"]
    assert a.url == "https://alder.example/storm"
    plus1 = timezone(timedelta(hours=1))
    assert a.published == datetime(2024, 3, 6, 9, 30, tzinfo=plus1)
    assert a.updated == datetime(2024, 3, 6, 10, 0, tzinfo=plus1)
    assert len(a.paragraphs) == 2


def test_rss1_feed() -> None:
    (a,) = load_paths([LOADERS / "rss1.xml"]).articles
    assert a.site == "Science Digest"
    assert a.title == "New telescope sees first light"
    assert a.authors == ["Priya Nair"]
    assert a.published == datetime(2024, 2, 2, 21, 0, tzinfo=UTC)


def test_feed_fragment_fallback_keeps_short_content() -> None:
    # Too short for trafilatura; the plain conversion keeps it.
    assert html_to_paragraphs("<p>One line.</p><p>Two <b>bold</b> words.</p>") == [
        "One line.",
        "Two bold words.",
    ]
    assert html.fragment_paragraphs("<p>Short.</p>") == ["Short."]
    assert html_to_paragraphs("no markup at all\nsecond") == ["no markup at all", "second"]


def test_sniffing_without_extension(tmp_path: Path) -> None:
    a = _one(LOADERS / "article-no-extension")
    assert a.section == "World"
    assert a.authors == ["Jane Doe", "John Roe"]
    assert a.published == datetime(2024, 1, 12, 14, 5, tzinfo=timezone(timedelta(hours=1)))
    assert a.boilerplate == ["Follow us on Instagram for more stories"]
    feed_copy = tmp_path / "feed-without-extension"
    feed_copy.write_bytes((LOADERS / "atom.xml").read_bytes())
    assert _one(feed_copy).site == "Alder Valley News"
    page_copy = tmp_path / "page.txt.download"
    page_copy.write_bytes((LOADERS / "page.html").read_bytes())
    assert _one(page_copy).site == "The Harbour Gazette"


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"<?xml version='1.0'?><rss version='2.0'></rss>", sniff.FEED),
        (b"\xef\xbb\xbf  <feed xmlns='http://www.w3.org/2005/Atom'>", sniff.FEED),
        (b"<!-- c --><rdf:RDF xmlns:rdf='x'>", sniff.FEED),
        (b"<!DOCTYPE html><html><body><p>x</p>", sniff.HTML),
        (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", sniff.HTML),
        (b"<p>A fragment</p>", sniff.HTML),
        (b"<?xml version='1.0'?><note/>", sniff.XML),
        (b'{"articles": []}', sniff.JSON),
        (b'{"something": "else"}', sniff.TEXT),
        (b"---\ntitle: x\n---\nBody", sniff.MARKDOWN),
        (b"# Headline\n\nBody text.", sniff.MARKDOWN),
        (b"Plain words. More words.", sniff.TEXT),
    ],
)
def test_sniff(data: bytes, fmt: str) -> None:
    assert sniff.sniff(data) == fmt


@pytest.mark.parametrize(
    "name", ["utf8.txt", "utf8-bom.txt", "utf16-le-bom.txt", "utf16-be-bom.txt", "cp1252.txt"]
)
def test_encodings(name: str) -> None:
    expected = (ENC / "expected.txt").read_text(encoding="utf-8")
    raw = _one(ENC / name, raw=True)
    assert raw.text == expected  # decoded exactly, BOM removed
    a = _one(ENC / name)
    assert a.title == "Café owners in Zürich protest new rent rules"
    assert a.authors == ["Renée Müller"]
    assert "€4,000" in a.text and "Jürgen Weiß" in a.text and "“We cannot" in a.text


def test_latin1() -> None:
    expected = (ENC / "expected-latin1.txt").read_text(encoding="utf-8")
    assert _one(ENC / "latin1.txt", raw=True).text == expected


def test_undecodable_bytes_are_replaced_never_raised() -> None:
    assert decode(b"caf\xc3") == "caf\ufffd"  # cut-off UTF-8
    assert decode(b"na\xefve \x81 text") == "naïve \x81 text"  # cp1252 hole -> Latin-1
    assert (
        decode("Привет, мир. Это новости дня.".encode("cp1251")) == "Привет, мир. Это новости дня."
    )


def test_binary_detection() -> None:
    assert binary_reason(b"\x00\x01\x02\x03" * 10) == "binary file, not an article"
    assert binary_reason(b"%PDF-1.7\n...") == "binary file (PDF document), not an article"
    assert binary_reason("text".encode("utf-16")) is None
    assert binary_reason(b"Plain text with a tab\tand an escape \x1b[0m.") is None
    assert binary_reason(b"MZ is how the story began.") is None  # short magic needs controls


def test_xml_entity_guard() -> None:
    check_no_entities(b"<?xml version='1.0'?><!DOCTYPE rss SYSTEM 'rss.dtd'><rss/>")
    with pytest.raises(Exception, match="unsafe XML"):
        check_no_entities('<!DOCTYPE x [<!ENTITY a "b">]><x/>'.encode("utf-16"))


def test_billion_laughs_never_reaches_the_parser(monkeypatch) -> None:
    import feedparser

    def forbidden(*args, **kwargs):
        raise AssertionError("feedparser must not see an entity-declaring document")

    monkeypatch.setattr(feedparser, "parse", forbidden)
    data = (Path(__file__).parent.parent / "hostile" / "billion-laughs.xml").read_bytes()
    with pytest.raises(Exception, match="unsafe XML"):
        feed.load(data)


def test_json_round_trip(tmp_path: Path) -> None:
    from tui.core.extract import analyse

    originals = load_paths([SEED_ARTICLE, LOADERS / "rss2.xml", LOADERS / "page.html"]).articles
    for a in originals:
        analyse(a)
    export = {
        "newsreader": "0",
        "articles": [a.to_dict() for a in originals],
        "errors": [],
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export, ensure_ascii=False))
    loaded = load_paths([path]).articles
    assert [a.to_dict() for a in loaded] == [a.to_dict() for a in originals]
    assert loaded == originals
    # A single article dict, and a list of them, load too.
    single = tmp_path / "one.json"
    single.write_text(json.dumps(originals[0].to_dict()))
    assert _one(single) == originals[0]
    listed = jsonexport.load(json.dumps([a.to_dict() for a in originals[:2]]))
    assert listed == originals[:2]


def test_raw_mode_skips_every_parser(tmp_path: Path) -> None:
    for name in ("page.html", "rss2.xml", "article.md"):
        data = (LOADERS / name).read_bytes()
        (a,) = load_paths([LOADERS / name], raw=True).articles
        assert a.text == data.decode("utf-8")
        assert a.boilerplate == [] and a.authors == [] and a.site is None
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"  Leading spaces.\r\nSecond line.\r\n\r\n")
    (a,) = load_paths([crlf], raw=True).articles
    assert a.text == "  Leading spaces.\r\nSecond line.\r\n\r\n"
    for s, e in a.sentences:
        assert a.text[s:e].strip() == a.text[s:e]


def test_stdin(monkeypatch) -> None:
    data = SEED_ARTICLE.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (a,) = load_paths(["-"]).articles
    assert a.source_path == "<stdin>"
    assert a.section == "Defence"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (raw,) = load_paths(["-"], raw=True).articles
    assert raw.text == data.decode("utf-8")


def test_progress_and_lazy_results() -> None:
    calls: list[tuple[int, int, str]] = []
    results = list(
        iter_load(
            [SEED_ARTICLE, LOADERS / "missing.txt", LOADERS / "atom.xml"],
            on_progress=lambda d, t, p: calls.append((d, t, p)),
        )
    )
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error == "no such file or directory"
    assert [(d, t) for d, t, _ in calls] == [(1, 3), (2, 3), (3, 3)]
    assert calls[0][2] == str(SEED_ARTICLE)


def test_load_bytes_entry_point() -> None:
    (a,) = load_bytes(b"The plan passed, officials said.", "pasted", suffix="")
    assert a.source_path == "pasted" and a.text == "The plan passed, officials said."


def test_json_with_forged_offsets_is_repaired(tmp_path: Path) -> None:
    doc = {
        "text": "The plan passed. Officials cheered.",
        "authors": "Ann Lee",
        "sentences": [[0, 16], [17, 35]],
        "entities": [{"name": "X", "label": "ORG", "mentions": [[0, 9999]]}],
    }
    (a,) = jsonexport.load(json.dumps(doc))
    assert a.authors == ["Ann Lee"]
    assert a.analysis.entities == []  # out-of-range mention: analysis dropped
    assert a.sentences == [(0, 16), (17, 35)]


def test_bare_html_fragment_falls_back_to_visible_prose() -> None:
    fragment = (
        b"<nav><a href='/'>Home</a></nav><p>The council approved the new budget on Monday "
        b"after a long debate, officials said. Spending on roads will rise.</p>"
    )
    (a,) = load_bytes(fragment, "fragment.html", suffix=".html")
    assert a.text.startswith("The council approved the new budget")
    assert "Home" not in a.text


def test_the_same_page_loads_the_same_twice_in_one_process(shared: Path) -> None:
    # trafilatura's deduplication keeps a process-wide cache of seen text: with it, a page
    # loaded a second time (reopened, re-imported) lost its body and metadata.
    page = shared / "corpus" / "html" / "bbc.com.52241221.html"
    first = [a.to_dict() for a in load_paths([page]).articles]
    assert first
    for _ in range(4):  # its cache counts a text as seen after a couple of loads
        assert [a.to_dict() for a in load_paths([page]).articles] == first
