"""A fetched feed as entries with stable keys: GUID, else link, else a hash of the content.

``parse_feed`` runs in a worker process: feedparser and the article builder are CPU work.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from tui.core.feeds.data import (
    READ_MORE_PREFIXES,
    SUMMARY_MAX_CHARS,
    TRUNCATION_ENDINGS,
    UPDATE_PERIODS,
)
from tui.core.loaders import feed as feed_loader
from tui.core.loaders.errors import LoadError
from tui.core.model import Article

# Never poll a feed less often than daily, whatever its <ttl> says.
MAX_INTERVAL_S = 86400.0


@dataclass(slots=True)
class Entry:
    """One feed entry: its identity, and the article its own text makes (if any)."""

    key: str
    link: str | None
    content_hash: str
    summary_only: bool
    article: Article | None


@dataclass(slots=True)
class FeedDoc:
    """What one fetch of a feed gave."""

    title: str | None = None
    site_url: str | None = None
    min_interval: float = 0.0  # seconds the feed asks between polls (<ttl>, sy:update*)
    entries: list[Entry] = field(default_factory=list)

    @property
    def mostly_summaries(self) -> bool:
        """Whether most entries carry only a teaser (full text then defaults to on)."""
        n = len(self.entries)
        return n > 0 and sum(e.summary_only for e in self.entries) * 2 > n


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> FeedDoc:
    """Parse a feed's bytes; an empty feed gives no entries; LoadError for anything else bad."""
    try:
        parsed = feed_loader.parse(body, content_type)
    except LoadError as exc:
        if str(exc) == "feed has no entries":
            return FeedDoc()
        raise
    info = parsed.get("feed") or {}
    site = feed_loader.feed_title(parsed)
    doc = FeedDoc(title=site, site_url=info.get("link") or None, min_interval=_interval(info))
    seen: set[str] = set()
    for raw in parsed["entries"]:
        article = feed_loader.entry_article(raw, site, None)
        if article is None:
            continue
        entry = _entry(raw, article)
        if entry.key not in seen:  # a feed repeating an entry lists it once
            seen.add(entry.key)
            doc.entries.append(entry)
    return doc


def _entry(raw: Any, article: Article) -> Entry:
    digest = content_hash(raw)
    guid = str(raw.get("id") or "").strip()
    link = str(raw.get("link") or "").strip() or None
    key = f"g:{guid}" if guid else f"l:{link}" if link else f"h:{digest}"
    return Entry(key, link, digest, looks_like_summary(article.text), article)


def content_hash(raw: Any) -> str:
    """A hash of what the entry says: title, link, summary and content."""
    parts = [str(raw.get("title") or ""), str(raw.get("link") or "")]
    parts.append(str(raw.get("summary") or ""))
    parts.extend(str(c.get("value") or "") for c in raw.get("content") or [])
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "replace")).hexdigest()[:20]


def looks_like_summary(text: str) -> bool:
    """A teaser: short, cut off with an ellipsis, or ending with a "Read more" line."""
    body = text.strip()
    if len(body) < SUMMARY_MAX_CHARS or body.endswith(TRUNCATION_ENDINGS):
        return True
    last = body.rsplit("\n", 1)[-1].strip().casefold()
    return last.startswith(READ_MORE_PREFIXES) and len(last) < 200


def _interval(info: Any) -> float:
    """Seconds between polls the feed asks for: <ttl> minutes or sy:updatePeriod/Frequency."""
    seconds = 0.0
    ttl = str(info.get("ttl") or "").strip()
    if ttl.isdigit():
        seconds = float(ttl) * 60
    period = UPDATE_PERIODS.get(str(info.get("sy_updateperiod") or "").strip().lower())
    if period:
        freq = str(info.get("sy_updatefrequency") or "1").strip()
        seconds = max(seconds, period / max(1, int(freq) if freq.isdigit() else 1))
    return min(seconds, MAX_INTERVAL_S)
