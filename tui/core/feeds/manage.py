"""Subscribing, unsubscribing and OPML import: what the `feeds` command and the app share."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.core.feeds.discovery import find_feed
from tui.core.feeds.opml import read_opml
from tui.core.feeds.subscriptions import Feed, FeedError, FeedStore
from tui.core.fetch import Fetcher, check_url
from tui.core.fetch.safety import UnsafeURL
from tui.core.library import ArticleNotFound, Library


def subscribe(
    library: Library,
    fetcher: Fetcher,
    url: str,
    *,
    title: str = "",
    tag: str = "",
    full_text: bool | None = None,
) -> Feed:
    """Subscribe to the feed at ``url``, or to the one its page links to.

    Raises FeedError (already subscribed) or NoFeed (nothing usable there), with the reason.
    """
    try:
        check_url(url)
    except UnsafeURL as exc:
        raise FeedError(str(exc)) from None
    store = FeedStore.of(library)
    try:
        if store.get(url) is not None:
            raise FeedError(f"already subscribed: {url}")
        found = find_feed(fetcher, url)
        return store.add(
            found.url,
            title=title or found.doc.title or "",
            tag=tag,
            full_text=full_text,
            site_url=found.doc.site_url,
        )
    finally:
        store.close()


def unsubscribe(library: Library, url: str, *, delete_articles: bool = False) -> int:
    """Unsubscribe; with ``delete_articles``, delete its articles unless starred or noted.

    Returns how many articles were deleted. FeedError when not subscribed.
    """
    store = FeedStore.of(library)
    try:
        feed = store.get(url)
        if feed is None:
            raise FeedError(f"not subscribed: {url}")
        doomed = store.removable_articles(feed.id) if delete_articles else []
        store.remove(feed.id)
    finally:
        store.close()
    deleted = 0
    for article_id in doomed:
        try:
            library.delete_article(article_id)
            deleted += 1
        except ArticleNotFound:
            pass
    return deleted


@dataclass(slots=True)
class OpmlImport:
    added: list[Feed] = field(default_factory=list)
    already: int = 0


def import_opml(library: Library, data: bytes) -> OpmlImport:
    """Subscribe to every feed of an OPML file (no fetch: the next refresh reads them)."""
    outlines = read_opml(data)
    result = OpmlImport()
    store = FeedStore.of(library)
    try:
        for outline in outlines:
            if store.get(outline.url) is not None:
                result.already += 1
                continue
            result.added.append(store.add(outline.url, title=outline.title, tag=outline.tag))
    finally:
        store.close()
    return result
