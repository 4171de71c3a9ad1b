"""Finding a site's feed: the ``<link rel="alternate">`` tags a home page advertises."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from tui.core.feeds.entries import FeedDoc, parse_feed
from tui.core.fetch import Fetcher, FetchError, FetchResult, redact
from tui.core.loaders import sniff
from tui.core.loaders.decode import declared_encoding, decode
from tui.core.loaders.errors import LoadError

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
MAX_CANDIDATES = 3  # feed links tried from one page: bounded work for a hostile page
_HEAD_BYTES = 512 * 1024


class NoFeed(Exception):
    """The URL is neither a feed nor a page that links to one; the message says why."""


@dataclass(slots=True)
class FoundFeed:
    url: str
    doc: FeedDoc


def feed_links(page: bytes, base_url: str, charset: str | None = None) -> list[str]:
    """Absolute URLs of the feeds a page advertises, in page order, without repeats."""
    import lxml.html

    head = page[:_HEAD_BYTES]
    markup = decode(head, declared=charset or declared_encoding(head))
    try:
        root = lxml.html.document_fromstring(markup)
    except (ValueError, lxml.etree.ParserError):
        return []
    links: list[str] = []
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in FEED_TYPES and href:
            url = urljoin(base_url, href)
            if url not in links:
                links.append(url)
    return links


def find_feed(fetcher: Fetcher, url: str) -> FoundFeed:
    """The feed at ``url``, or the first working feed its page links to; NoFeed otherwise."""
    try:
        result = fetcher.get(url)
    except FetchError as exc:
        raise NoFeed(f"{redact(url)}: {exc}") from None
    if _is_feed(result):
        return FoundFeed(result.moved_to or url, _parse(result, url))
    candidates = feed_links(result.body, result.url, result.charset)
    if not candidates:
        raise NoFeed(f"{redact(url)}: not a feed, and the page links to no RSS or Atom feed")
    reasons: list[str] = []
    for candidate in candidates[:MAX_CANDIDATES]:
        try:
            found = fetcher.get(candidate)
            return FoundFeed(found.moved_to or candidate, _parse(found, candidate))
        except (FetchError, NoFeed) as exc:
            reasons.append(f"{redact(candidate)}: {exc}")
    raise NoFeed("the feeds the page links to do not work: " + "; ".join(reasons))


def _is_feed(result: FetchResult) -> bool:
    # Anything but a web page is tried as a feed, so garbage gets the parser's reason.
    return sniff.format_for("", result.body) != sniff.HTML


def _parse(result: FetchResult, url: str) -> FeedDoc:
    content_type = result.content_type + (f"; charset={result.charset}" if result.charset else "")
    try:
        return parse_feed(result.body, url, content_type)
    except LoadError as exc:
        raise NoFeed(f"{redact(url)}: not a usable feed ({exc})") from None
