"""RSS 2.0, RSS 1.0 and Atom feeds through feedparser: one article per entry."""

from __future__ import annotations

from typing import Any

from tui.core.loaders.common import Meta, clean_line, make_article
from tui.core.loaders.dates import from_struct, parse_timestamp
from tui.core.loaders.decode import check_text, decode
from tui.core.loaders.errors import LoadError
from tui.core.loaders.html import fragment_paragraphs
from tui.core.loaders.htmltext import html_to_text
from tui.core.loaders.xmlsafe import check_no_entities
from tui.core.model import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def load(data: bytes | str, *, source_path: str | None = None, raw: bool = False) -> list[Article]:
    """Every entry of a feed as an article; the feed's title is their site."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if raw:
        from tui.core.loaders import text as text_loader

        return text_loader.load(data, source_path=source_path, raw=True)
    parsed = parse(data)
    site = feed_title(parsed)
    articles = [
        article
        for article in (entry_article(e, site, source_path) for e in parsed["entries"])
        if article is not None
    ]
    if not articles:
        raise LoadError("feed entries have no title or text")
    return articles


def parse(data: bytes, content_type: str | None = None) -> Any:
    """feedparser's result for feed bytes (with at least one entry), after the safety checks.

    ``content_type`` is the HTTP header, whose charset wins over the document's. Raises
    LoadError with the reason for anything that is not a usable feed.
    """
    check_text(decode(data[:4096]) if len(data) > 4096 else decode(data))
    check_no_entities(data)
    import feedparser

    headers = {"content-type": content_type} if content_type else None
    # Bytes, never a str: feedparser would take a string for a URL or file name.
    parsed = feedparser.parse(
        data, resolve_relative_uris=False, sanitize_html=True, response_headers=headers
    )
    if not parsed.get("entries"):
        exc = parsed.get("bozo_exception")
        if exc is not None and parsed.get("bozo"):
            kind = "invalid XML" if type(exc).__name__ == "SAXParseException" else "malformed feed"
            raise LoadError(f"{kind}: {_short(exc)}")
        if parsed.get("version"):
            raise LoadError("feed has no entries")
        raise LoadError("not an RSS or Atom feed")
    return parsed


def feed_title(parsed: Any) -> str | None:
    """The feed's own title as one plain line (None when it has none)."""
    return _plain((parsed.get("feed") or {}).get("title")) or None


def entry_article(entry: Any, site: str | None, source_path: str | None) -> Article | None:
    """One feed entry as an article (None when it has neither text nor title)."""
    meta = Meta(source_path=source_path, site=site)
    meta.title = _plain(entry.get("title"))
    meta.url = entry.get("link") or None
    meta.authors = _authors(entry)
    # dict.get: FeedParserDict would answer "updated" with the published date.
    meta.published = parse_timestamp(dict.get(entry, "published")) or from_struct(
        dict.get(entry, "published_parsed")
    )
    meta.updated = parse_timestamp(dict.get(entry, "updated")) or from_struct(
        dict.get(entry, "updated_parsed")
    )
    if meta.published is None:
        # RSS 1.0 (dc:date) and many Atom feeds give one date: it is the publication's.
        meta.published = meta.updated
    tags = entry.get("tags") or []
    if tags and tags[0].get("term"):
        meta.section = clean_line(str(tags[0]["term"])) or None
    paragraphs = _content(entry)
    if not paragraphs:
        # A headline-only item (podcast episodes, link lists): its title is all the text.
        if not meta.title:
            return None
        paragraphs = [meta.title]
    try:
        return make_article(paragraphs, meta)
    except LoadError:
        return None


def _content(entry: Any) -> list[str]:
    """The entry's fullest text: content over summary, HTML converted to paragraphs."""
    candidates: list[tuple[str, str]] = []
    for item in entry.get("content") or []:
        if item.get("value"):
            candidates.append((item["value"], item.get("type") or "text/html"))
    summary = entry.get("summary")
    if summary:
        detail = entry.get("summary_detail") or {}
        candidates.append((summary, detail.get("type") or "text/html"))
    if not candidates:
        return []
    value, ctype = max(candidates, key=lambda c: len(c[0]))
    if any(t in ctype for t in _HTML_TYPES) or "<" in value:
        return fragment_paragraphs(value)
    return [line for line in value.splitlines() if line.strip()]


def _authors(entry: Any) -> list[str]:
    names = [_plain(a.get("name")) for a in entry.get("authors") or [] if isinstance(a, dict)]
    names = [n for n in names if n]
    if not names and entry.get("author"):
        names = [_plain(entry["author"])]
    return names


def _plain(value: Any) -> str:
    """A feed field as one clean line of text (titles may hold HTML)."""
    if not value:
        return ""
    value = str(value)
    return clean_line(html_to_text(value) if "<" in value else value)


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
