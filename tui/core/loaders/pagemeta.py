"""A page's headline and authors, read from its parsed HTML tree.

The headline is the one the reader sees above the article (an h1, or the heading nearest
before the body), confirmed by the page's own metadata; failing that og:title /
twitter:title, the JSON-LD headline, then <title> without the site's name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from tui.core.loaders.furniture_words import NOT_AUTHOR_WORDS

_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " l ", " / ")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
_TEMPLATE = re.compile(r"\{\{|\}\}|\$\{|%s|^\s*untitled\b|^[a-z0-9_.-]+$", re.I)
_AGREE = 0.5  # share of a metadata title's words a heading must hold to be the headline
_WORD = re.compile(r"[\w'-]+")
_MAX_HEADINGS = 40
_BY = re.compile(r"^by\s+", re.I)
_DATE_LIKE = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d{2}\b|\b\d+\s*(?:min|mins|minutes|hours?|days?)\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d",
    re.I,
)
_BRAND_GLUE = {"the", "of", "and", "&", "de", "la", "el", "le"}
_ARTICLE_TYPE = re.compile(r"article|posting|report|blog", re.I)


@dataclass(slots=True)
class PageMeta:
    """What the tree says about the article besides trafilatura's reading."""

    # Before the body: h1s, then h2s nearest the body first; after it: h1s only.
    headings: list[str] = field(default_factory=list)
    meta_titles: list[str] = field(default_factory=list)  # og/twitter, JSON-LD, <title>
    publishers: list[str] = field(default_factory=list)


def read_page(tree: HtmlElement, body_start: str) -> PageMeta:
    """Headings, metadata titles and publisher names of a parsed page.

    ``body_start`` is the opening of the article text, to tell headings above it from the
    ones below (share boxes and teasers repeat the headline further down).
    """
    page = PageMeta()
    page.headings = _headings(tree, body_start)[:_MAX_HEADINGS]
    for xpath in (
        '//meta[@property="og:title"]/@content',
        '//meta[@name="twitter:title" or @property="twitter:title"]/@content',
    ):
        page.meta_titles.extend(_one_line(v) for v in tree.xpath(xpath)[:1])
    for obj in _ld_objects(tree):
        headline = obj.get("headline")
        if isinstance(headline, str):
            page.meta_titles.append(_one_line(headline))
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            page.publishers.append(_one_line(publisher["name"]))
    page.meta_titles.extend(_one_line(t.text_content()) for t in tree.iter("title"))
    page.meta_titles = [t for t in page.meta_titles if t]
    return page


def _headings(tree: HtmlElement, body_start: str) -> list[str]:
    above: list[tuple[str, str]] = []
    below: list[str] = []
    found = False
    for el in tree.iter("h1", "h2", "p"):
        if el.tag == "p":
            found = found or (bool(body_start) and body_start in _text(el))
        elif not found:
            above.append((el.tag, _text(el)))
        elif el.tag == "h1":
            below.append(_text(el))
    if not found:  # the body was not found as a paragraph: h1s, then h2s, in page order
        return [h for tag in ("h1", "h2") for t, h in above if t == tag and h]
    h1 = [h for t, h in above if t == "h1"]
    h2 = [h for t, h in reversed(above) if t == "h2"]
    return [h for h in (*h1, *h2, *below) if h]


def choose_title(page: PageMeta, site: str | None, fallback: str) -> str:
    """The article's headline (see the module docstring); ``fallback`` when nothing fits."""
    names = {n.casefold() for n in (site, *page.publishers) if n}
    metas = [t for t in (strip_site(t, names) for t in page.meta_titles) if _acceptable(t, names)]
    for heading in page.headings:
        heading = _strip_heading_label(heading, metas)
        if _acceptable(heading, names) and any(_agree(heading, m) for m in metas):
            return heading
    if metas:
        return metas[0]
    fallback = strip_site(fallback, names)
    if _acceptable(fallback, names):
        return fallback
    return next((h for h in page.headings if _acceptable(h, names)), "")


def strip_site(title: str, names: set[str]) -> str:
    """ "Headline | Site" or "Site - Headline" without the site's name.

    A site not named elsewhere on the page is told by its shape: a short run of
    capitalised words on one side of a separator, the headline on the other.
    """
    for sep in _SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if found and head.strip() and tail.strip().casefold() in names:
            return strip_site(head.strip(), names)
        head, found, tail = title.partition(sep)
        if found and tail.strip() and head.strip().casefold() in names:
            return tail.strip()
    for sep in _SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if found and _brand_shaped(tail) and len(head.split()) >= 2 * len(tail.split()):
            return head.strip()
        head, found, tail = title.partition(sep)
        if found and _brand_shaped(head) and len(tail.split()) >= 2 * len(head.split()):
            return tail.strip()
    return title


def _brand_shaped(text: str) -> bool:
    """ "The Harbour Gazette", "BBC News", "KBS WORLD": a few capitalised words."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(
        w[:1].isupper() or w.casefold() in _BRAND_GLUE for w in words
    )


def clean_authors(names: list[str], site: str | None, page: PageMeta) -> list[str]:
    """Personal names only: no publication, no 'Print', 'updated' or date fragments."""
    orgs = {n.casefold() for n in (site, *page.publishers) if n}
    names = [_BY.sub("", n).strip() for n in names]
    return [n for n in names if _is_person(n, orgs)]


def _is_person(name: str, orgs: set[str]) -> bool:
    """Not one word ("CNN", "Print"), not the publication, no date, not only byline words."""
    words = name.split()
    if len(words) < 2 or name.casefold() in orgs or _DATE_LIKE.search(name):
        return False
    if "http" in name.casefold() or not words[0][:1].isupper():
        return False
    return not {w.strip(".,:;()").casefold() for w in words} <= NOT_AUTHOR_WORDS


def _strip_heading_label(heading: str, metas: list[str]) -> str:
    """ "Local News | Headline" -> "Headline" when the rest is what the metadata calls it."""
    for sep in _SEPARATORS[:1]:
        label, found, rest = heading.partition(sep)
        if found and len(label.split()) <= 4 and any(_agree(rest, m) for m in metas):
            return rest.strip()
    return heading


def _acceptable(title: str, names: set[str]) -> bool:
    """Not one word, not the site's name, not a template placeholder."""
    return len(title.split()) >= 2 and title.casefold() not in names and not _TEMPLATE.search(title)


def _agree(heading: str, meta_title: str) -> bool:
    """The heading holds at least half the words of the metadata title.

    Sites reword the headline for social media ("What we learned ..." above "11 things we
    learned ..."), so equality is too strict; a site name or a label holds too few.
    """
    meta_words = _content_words(meta_title)
    if not meta_words:
        return False
    shared = meta_words & _content_words(heading)
    return len(shared) >= _AGREE * len(meta_words)


def _content_words(text: str) -> set[str]:
    words = _WORD.findall(text.translate(_QUOTES).casefold())
    return {w.removesuffix("'s") for w in words if len(w) >= 3}


def _ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Article objects of the page's JSON-LD (top level or @graph, not nested lists)."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            for obj in graph if isinstance(graph, list) else [item]:
                if isinstance(obj, dict) and _ARTICLE_TYPE.search(str(obj.get("@type", ""))):
                    yield obj


def _text(el: HtmlElement) -> str:
    return _one_line(el.text_content())


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
