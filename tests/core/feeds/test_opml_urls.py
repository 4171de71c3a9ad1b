"""OPML in and out, opening URLs as files, discovery links, teaser detection, shared feeds."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pytest_httpserver import HTTPServer

from tests.core.feeds import fakesite
from tests.core.feeds.conftest import base
from tui.cli import main
from tui.core.feeds import FeedStore, feed_links, read_opml
from tui.core.feeds.entries import looks_like_summary
from tui.core.library import Library, open_default_library
from tui.core.loaders import LoadError

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="World"><outline type="rss" text="Courier" xmlUrl="http://127.0.0.1:1/a.xml"/>
    <outline type="rss" text="Herald" xmlUrl="http://127.0.0.1:1/b.xml"/></outline>
  <outline type="rss" text="Loose" xmlUrl="http://127.0.0.1:1/c.xml"/>
  <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
</body></opml>"""


def test_opml_import_then_export_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = tmp_path / "in.opml"
    source.write_bytes(OPML)
    assert main(["feeds", "import", str(source)]) == 0
    assert "subscribed to 3 feeds (0 already subscribed)" in capsys.readouterr().out
    assert main(["feeds", "import", str(source)]) == 0
    assert "0 feeds (3 already" in capsys.readouterr().out
    out = tmp_path / "out.opml"
    assert main(["feeds", "export", "-o", str(out)]) == 0
    back = read_opml(out.read_bytes())
    assert [(o.url, o.title, o.tag) for o in back] == [
        ("http://127.0.0.1:1/a.xml", "Courier", "World"),
        ("http://127.0.0.1:1/b.xml", "Herald", "World"),
        ("http://127.0.0.1:1/c.xml", "Loose", ""),
    ]
    assert main(["feeds", "export"]) == 0
    assert b"xmlUrl" in capsys.readouterr().out.encode()


def test_opml_with_entities_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bomb = tmp_path / "bomb.opml"
    bomb.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;">]><opml><body><outline xmlUrl="http://x/&b;"/></body></opml>'
    )
    assert main(["feeds", "import", str(bomb)]) == 1
    assert "declares entities" in capsys.readouterr().err
    with pytest.raises(LoadError, match="no feeds"):
        read_opml(b"<opml><body></body></opml>")
    assert main(["feeds", "import", str(tmp_path / "missing.opml")]) == 1


def test_import_url_page_keeps_its_url_once(site: HTTPServer, _private_library: Path) -> None:
    url = site.url_for("/story/7")
    assert main(["import", url, "-q"]) == 0
    assert main(["import", url, "-q"]) == 0
    with Library.open(_private_library) as library:
        rows = library.list_articles()
    assert len(rows) == 1 and rows[0].url == url and rows[0].title.startswith("Story 7")


def test_canonical_url_is_kept(httpserver: HTTPServer, _private_library: Path) -> None:
    page = fakesite.page_html(3).replace(
        "<title>", '<link rel="canonical" href="http://127.0.0.1/stories/3"><title>'
    )
    httpserver.expect_request("/s3").respond_with_data(page, content_type="text/html")
    assert main(["import", httpserver.url_for("/s3?utm_source=x"), "-q"]) == 0
    with Library.open(_private_library) as library:
        assert library.list_articles()[0].url == "http://127.0.0.1/stories/3"


def test_import_url_failures_are_reported(site: HTTPServer, capsys: pytest.CaptureFixture) -> None:
    site.expect_request("/nope").respond_with_data("no", status=404)
    assert main(["import", site.url_for("/nope"), "ftp://example.org/x", "-q"]) == 1
    err = capsys.readouterr().err
    assert "HTTP 404" in err and "only http and https" in err and "Traceback" not in err


def test_reader_opens_a_url_as_a_file(site: HTTPServer, _private_library: Path) -> None:
    feed = fakesite.rss(base(site), range(3), summaries=False)
    site.expect_request("/feed").respond_with_data(feed, content_type="application/rss+xml")
    library, ids = open_default_library([site.url_for("/feed")], _private_library)
    try:
        assert len(ids) == 3
        assert {library.get_summary(i).url for i in ids} == {
            f"{base(site)}/story/{n}" for n in range(3)
        }
    finally:
        library.close()


def test_feed_links_of_a_page() -> None:
    page = (
        b'<html><head><link rel="alternate" type="application/atom+xml" href="/atom">'
        b'<link rel="stylesheet" href="/s.css"><link rel="alternate" type="text/html" href="/m">'
        b'<link rel="Alternate" type="application/rss+xml; charset=utf-8" href="rss.xml">'
        b'<link rel="alternate" type="application/rss+xml" href="/atom"></head></html>'
    )
    assert feed_links(page, "http://127.0.0.1/news/") == [
        "http://127.0.0.1/atom",
        "http://127.0.0.1/news/rss.xml",
    ]
    assert feed_links(b"", "http://127.0.0.1/") == []


@pytest.mark.parametrize(
    ("text", "teaser"),
    [
        ("Short teaser about the budget.", True),
        ("A long paragraph. " * 60 + "and then it stops...", True),
        ("A long paragraph. " * 60 + "\n\nRead more at The Courier", True),
        ("A long paragraph. " * 60 + "\n\nThe post Budget appeared first on Courier.", True),
        ("A long paragraph. " * 60, False),
    ],
)
def test_looks_like_summary(text: str, teaser: bool) -> None:
    assert looks_like_summary(text) is teaser


def test_shared_corpus_feeds_refresh(
    shared: Path, httpserver: HTTPServer, _private_library: Path, capsys: pytest.CaptureFixture
) -> None:
    """The real feeds of ../shared/corpus served over loopback (their links are never fetched)."""
    feeds = sorted((shared / "corpus" / "feeds").glob("*.xml"))
    for path in feeds:
        httpserver.expect_request(f"/{path.name}").respond_with_data(
            path.read_bytes(), content_type="application/xml"
        )
        assert main(["feeds", "add", httpserver.url_for(f"/{path.name}"), "--no-full-text"]) == 0
    with Library.open(_private_library) as library:
        store = FeedStore.of(library)
        listed, counts = store.feeds(), store.counts()
        store.close()
    assert len(listed) == len(feeds)
    assert all(f.last_error is None for f in listed)
    expected = {  # feed-rs's own parse of each feed: how many entries it holds
        f"/{f.name}": len(json.loads(f.with_suffix(".expected.serde.json").read_text())["entries"])
        for f in feeds
    }
    assert {urlsplit(f.url).path: counts[f.id].articles for f in listed} == expected
    assert main(["feeds", "refresh", "-q"]) == 0
    assert "0 new articles" in capsys.readouterr().out


def test_charset_from_the_header_then_the_document(
    httpserver: HTTPServer, _private_library: Path
) -> None:
    prose = " ".join(["The café owners in Zürich said prices rose by 12% this year."] * 8)
    page = f"<html><head><title>Café prices</title></head><body><p>{prose}</p></body></html>"
    httpserver.expect_request("/header").respond_with_data(
        page.encode("cp1252"), content_type="text/html; charset=windows-1252"
    )
    declared = page.replace("<head>", '<head><meta charset="iso-8859-1">').replace("12%", "9%")
    httpserver.expect_request("/meta").respond_with_data(
        declared.encode("iso-8859-1"), content_type="text/html"
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Zürich Zeitung</title>'
        f"<item><title>Café Zürich</title><link>{base(httpserver)}/x</link>"
        f"<description>{prose}</description></item></channel></rss>"
    )
    httpserver.expect_request("/feed").respond_with_data(
        feed.encode("iso-8859-1"), content_type="application/rss+xml; charset=iso-8859-1"
    )
    urls = [httpserver.url_for(p) for p in ("/header", "/meta", "/feed")]
    assert main(["import", *urls, "-q"]) == 0
    with Library.open(_private_library) as library:
        rows = library.list_articles()
        texts = [library.get_article(r.id).text for r in rows]
    assert len(rows) == 3 and all("café owners in Zürich" in t for t in texts)
    assert "Café Zürich" in {r.title for r in rows}
