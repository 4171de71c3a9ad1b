"""Feeds (no Textual here): subscriptions, refresh with dedup and full text, OPML, discovery."""

from tui.core.feeds.discovery import NoFeed, feed_links, find_feed
from tui.core.feeds.manage import import_opml, subscribe, unsubscribe
from tui.core.feeds.opml import read_opml, write_opml
from tui.core.feeds.refresh import FeedOutcome, Refresher, RefreshReport
from tui.core.feeds.subscriptions import Feed, FeedCounts, FeedError, FeedStore

__all__ = [
    "Feed",
    "FeedCounts",
    "FeedError",
    "FeedOutcome",
    "FeedStore",
    "NoFeed",
    "RefreshReport",
    "Refresher",
    "feed_links",
    "find_feed",
    "import_opml",
    "read_opml",
    "subscribe",
    "unsubscribe",
    "write_opml",
]
