"""OPML subscription lists in and out (listparser reads; the standard library writes)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

from tui.core.feeds.subscriptions import Feed
from tui.core.fetch import UnsafeURL, check_url
from tui.core.loaders.errors import LoadError
from tui.core.loaders.xmlsafe import check_no_entities


@dataclass(slots=True, frozen=True)
class Outline:
    """One feed of an OPML file."""

    url: str
    title: str
    tag: str


def read_opml(data: bytes) -> list[Outline]:
    """The feeds an OPML file lists (tag: its folder); LoadError when it lists none."""
    import listparser

    check_no_entities(data)  # entity declarations are never parsed
    # Bytes, never a str: listparser would fetch a string that looks like a URL.
    result = listparser.parse(bytes(data))
    outlines: list[Outline] = []
    seen: set[str] = set()
    for item in result.get("feeds") or []:
        url = str(item.get("url") or "").strip()
        if not _fetchable(url) or url in seen:
            continue  # file:, javascript: and the like are never subscribed to
        seen.add(url)
        tags = [t for t in item.get("tags") or [] if t]
        title = " ".join(str(item.get("title") or "").split())
        outlines.append(Outline(url, title if title != url else "", str(tags[0]) if tags else ""))
    if not outlines:
        exc = result.get("bozo_exception")
        why = f" ({exc})" if exc else ""
        raise LoadError(f"no feeds found in the OPML file{why}")
    return outlines


def _fetchable(url: str) -> bool:
    try:
        check_url(url)
    except UnsafeURL:
        return False
    return True


def write_opml(feeds: list[Feed], title: str = "newsreader subscriptions") -> bytes:
    """An OPML 2.0 document of the subscriptions, one folder per tag."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC))
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        parent = body
        if feed.tag:
            if feed.tag not in folders:
                folders[feed.tag] = ET.SubElement(body, "outline", text=feed.tag, title=feed.tag)
            parent = folders[feed.tag]
        attrs = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.site_url:
            attrs["htmlUrl"] = feed.site_url
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
