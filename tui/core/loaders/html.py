"""HTML pages through trafilatura: main text, title, authors, dates, site name, URL."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from tui.core.loaders.common import Meta, clean_line, make_article
from tui.core.loaders.dates import parse_timestamp
from tui.core.loaders.decode import check_text, declared_encoding, decode
from tui.core.loaders.errors import LoadError
from tui.core.loaders.htmltext import html_to_paragraphs, html_to_text, xml_safe
from tui.core.loaders.pagemeta import choose_title, clean_authors, read_page
from tui.core.loaders.text import parse_plain
from tui.core.loaders.xmlsafe import check_no_entities
from tui.core.model import Article

# Full timestamps from meta tags and JSON-LD (trafilatura keeps only the day).
_META_TIME = {
    "published": re.compile(
        r"""(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
        r"""datePublished|pubdate|publish[-_]?date|sailthru\.date|dc\.date)["'][^>]*?"""
        r"""content\s*=\s*["']([^"']{8,40})["']|"datePublished"\s*:\s*"([^"]{8,40})\"""",
        re.I,
    ),
    "updated": re.compile(
        r"""(?:property|name|itemprop)\s*=\s*["'](?:article:modified_time|og:updated_time|"""
        r"""dateModified|last-modified)["'][^>]*?content\s*=\s*["']([^"']{8,40})["']"""
        r"""|"dateModified"\s*:\s*"([^"]{8,40})\"""",
        re.I,
    ),
}
_MAX_SCAN = 512 * 1024  # metadata sits in the head; never regex-scan a huge page whole


def load(data: bytes | str, *, source_path: str | None = None, raw: bool = False) -> list[Article]:
    """One article from an HTML page."""
    if isinstance(data, bytes):
        check_no_entities(data)
        markup = decode(data, declared=declared_encoding(data))
    else:
        markup = data
    check_text(markup)
    if raw:
        from tui.core.loaders import text as text_loader

        return text_loader.load(markup, source_path=source_path, raw=True)
    return [parse_page(markup, source_path=source_path)]


def parse_page(markup: str, *, source_path: str | None = None, url: str | None = None) -> Article:
    """Main text and metadata of a page; LoadError when it holds no article."""
    import trafilatura
    from trafilatura.utils import load_html

    safe = xml_safe(markup)
    tree = load_html(safe)  # parsed once: trafilatura reads a copy, the headings come from it
    doc = trafilatura.bare_extraction(
        tree if tree is not None else safe,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,  # True keeps a process-wide cache: a page seen twice loses its text
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not _has_prose(body):
        # trafilatura gives up on bare fragments and very short pages: fall back to the
        # visible text without page chrome, if that is running prose.
        body = "\n".join(html_to_paragraphs(markup, drop_chrome=True))
        if not _has_prose(body):
            raise LoadError("no article text found")
    meta = Meta(source_path=source_path, url=url)
    if doc is not None:
        _read_metadata(doc, markup, meta, url)
    lines = body.split("\n")
    if tree is not None:
        page = read_page(tree, _body_start(lines))
        meta.title = choose_title(page, meta.site, meta.title)
        meta.authors = clean_authors(meta.authors, meta.site, page)
    lines = drop_headline(lines, meta.title)
    try:
        return parse_plain("\n".join(lines), meta=meta, header=False, furniture=True)
    except LoadError:
        # Our clean-up took every line: trafilatura's reading is better than nothing.
        meta.boilerplate.clear()
        meta.warnings.append("the clean-up left no text: the extractor's text is shown as is")
        return make_article(body.split("\n"), meta)


def _read_metadata(doc: Any, markup: str, meta: Meta, url: str | None) -> None:
    """Title, URL, site, authors, section and dates as trafilatura and the head give them."""
    meta.title = clean_line(html_to_text(doc.title or "")) if doc.title else ""
    meta.url = doc.url or url
    meta.site = clean_line(doc.sitename or "") or doc.hostname or None
    if doc.author:
        meta.authors = [a.strip() for a in re.split(r";|\s+and\s+", doc.author) if a.strip()]
    if doc.categories:
        meta.section = clean_line(str(doc.categories[0])) or None
    head = markup[:_MAX_SCAN]
    meta.published = _meta_time(head, "published") or _day(doc.date)
    meta.updated = _meta_time(head, "updated")
    meta.title = strip_site_suffix(meta.title, meta.site)


def _body_start(lines: list[str]) -> str:
    """The opening words of the first paragraph of running text, to find it in the page."""
    for line in lines[:8]:
        line = " ".join(line.split())
        if len(line) >= 80 and line.endswith((".", "!", "?", '"', "”", "'", "’")):
            return line[:40]
    return ""


def drop_headline(lines: list[str], title: str) -> list[str]:
    """The body without the headline trafilatura often keeps as its first line.

    Only a headline-shaped line goes; a paragraph that merely starts with the headline
    (a page whose text came out as one paragraph) loses just those words.
    """
    if not title:
        return lines
    for k, line in enumerate(lines[:3]):
        line = clean_line(line)
        if _same_title(line, title) and _headline_shaped(line, title):
            return lines[:k] + lines[k + 1 :]
        if line.casefold().startswith(title.casefold() + " ") and _is_prose(line[len(title) :]):
            return [*lines[:k], line[len(title) :].lstrip(" :|-–—"), *lines[k + 1 :]]
    return lines


def _headline_shaped(line: str, title: str) -> bool:
    """Short, and not a sentence unless the headline itself is one."""
    if len(line.split()) > 30:
        return False
    return line.casefold() == title.casefold() or not line.endswith((".", ",", ";"))


def _is_prose(text: str) -> bool:
    return len(text.split()) >= 8


def _has_prose(body: str) -> bool:
    """Some running text, not just the menu and button labels of a page without an article."""
    words = body.split()
    if len(words) >= 40:
        return True
    return len(words) >= 8 and any(
        len(line.split()) >= 6 and line.rstrip().endswith((".", "!", "?", '"', "”"))
        for line in body.splitlines()
    )


def strip_site_suffix(title: str, site: str | None) -> str:
    """ "Headline - Site" or "Headline | Site" without the site's name."""
    if not title or not site:
        return title
    for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
        head, found, tail = title.rpartition(sep)
        if found and head.strip() and tail.strip().casefold() == site.strip().casefold():
            return head.strip()
    return title


def _same_title(line: str, title: str) -> bool:
    a, b = " ".join(line.split()).casefold(), title.casefold()
    if not a:
        return False
    if a == b or (len(a) > 15 and (a in b or b in a)):
        return True
    from rapidfuzz import fuzz

    # Headlines are reworded between <title>/og:title and the page ("Coronavirus: ..."):
    # compare word sets, but only for a headline-shaped line.
    headline_shaped = len(a.split()) <= 25 and not a.endswith(".")
    return fuzz.ratio(a, b) >= 85 or (headline_shaped and fuzz.token_set_ratio(a, b) >= 80)


def _meta_time(head: str, kind: str) -> datetime | None:
    m = _META_TIME[kind].search(head)
    if not m:
        return None
    return parse_timestamp(m.group(1) or m.group(2))


def _day(value: str | None) -> datetime | None:
    if not value:
        return None
    return parse_timestamp(value)


def fragment_paragraphs(markup: str) -> list[str]:
    """Paragraphs of an HTML fragment (a feed entry's content).

    trafilatura drops short fragments or returns None for them; then, or when it kept far
    less than the visible text, the plain conversion is used.
    """
    plain = html_to_paragraphs(markup)
    if "<" not in markup:
        return plain
    import trafilatura

    try:
        extracted = trafilatura.extract(
            f"<html><body><article>{xml_safe(markup)}</article></body></html>",
            include_comments=False,
            include_tables=False,
            favor_recall=True,
        )
    except Exception:  # a fragment trafilatura chokes on still has text
        extracted = None
    plain_len = sum(len(p) for p in plain)
    if extracted and len(extracted) >= 0.6 * plain_len:
        return [ln for ln in extracted.split("\n") if ln.strip()]
    return plain
