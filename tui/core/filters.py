"""The article-list filter language: the search query's fields plus reading-state words.

``unread starred site:reuters since:2025-01 @putin`` -> :class:`ArticleFilter`. The fields
are parsed by :func:`tui.core.search.query.parse_query`, so ``F`` and ``/`` read them the
same way: case-insensitive, ``site:`` a part of the site name or web address, quoted
values (``@"New York"``), dates as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import replace
from urllib.parse import urlsplit

from tui.core.library.store import ArticleFilter
from tui.core.search.normalise import fold
from tui.core.search.query import parse_query

FLAGS = ("unread", "starred")
HELP = "unread  starred  site:NAME  since:YYYY-MM-DD  @entity or entity:NAME   (empty: all)"

_EMPTY_FIELD = re.compile(r"(?:^|\s)(site|since|entity|kind):(?=\s|$)", re.IGNORECASE)


class FilterError(ValueError):
    """A filter word that is not understood; the message names it."""


def parse_filter(text: str) -> ArticleFilter:
    """Parse a filter line; raises :class:`FilterError` with a short reason."""
    empty = _EMPTY_FIELD.search(text)
    if empty:
        raise FilterError(f"{empty.group(1)}: wants a value")
    q = parse_query(text)
    if q.errors:
        raise FilterError(q.errors[0])
    unknown = [w for w in q.words if w not in FLAGS] + [f'"{p}"' for p in q.phrases]
    if q.kinds:
        unknown.append("kind:")
    if unknown:
        raise FilterError(f"unknown filter word: {unknown[0]} (words: {HELP})")
    if len(q.sites) > 1 or len(q.entities) > 1:
        raise FilterError("one site: and one @entity at a time")
    f = ArticleFilter(unread="unread" in q.words, starred="starred" in q.words)
    return replace(
        f,
        site=q.sites[0] if q.sites else None,
        since=q.since,
        entity=q.entities[0] if q.entities else None,
    )


def describe_filter(f: ArticleFilter) -> str:
    """The filter as the words that make it (round-trips through :func:`parse_filter`)."""
    words = [w for w, on in (("unread", f.unread), ("starred", f.starred)) if on]
    if f.site:
        words.append(_field("site", f.site))
    if f.since:
        words.append(f"since:{f.since.isoformat()[:10]}")
    if f.entity:
        words.append(_field("entity", f.entity))
    return " ".join(words)


def _field(name: str, value: str) -> str:
    value = value.replace('"', "")
    return f'{name}:"{value}"' if any(c.isspace() for c in value) else f"{name}:{value}"


def site_names(site: str | None, url: str | None) -> str:
    """What ``site:`` is matched against: the site name and the web address's host, folded."""
    names = [site or ""]
    if url:
        with suppress(ValueError):
            names.append(urlsplit(url).netloc)
    return fold(" ".join(names))


def site_matches(wanted: str, site: str | None, url: str | None) -> bool:
    """``site:wanted`` keeps an article whose site name or host contains ``wanted``."""
    return fold(wanted) in site_names(site, url)
