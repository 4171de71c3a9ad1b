"""Markdown articles: optional YAML-ish front matter, a ``#`` headline, Markdown body."""

from __future__ import annotations

import re

from tui.core.loaders.boilerplate import parse_byline
from tui.core.loaders.common import Meta
from tui.core.loaders.dates import parse_timestamp
from tui.core.loaders.decode import check_text, decode
from tui.core.loaders.text import parse_plain
from tui.core.model import Article

_FRONT = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*[:=]\s*(?P<value>.*)$")
_LIST_ITEM = re.compile(r"^\s*-\s+(?P<value>.+)$")
_ATX = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<text>.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])"
)
_CODE = re.compile(r"`([^`]+)`")
_BLOCK_PREFIX = re.compile(r"^\s{0,3}(?:>\s?)+|^\s*(?:[-*+]|\d+[.)])\s+")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]{0,200}>")

_KEYS = {
    "title": "title", "headline": "title",
    "author": "authors", "authors": "authors", "byline": "authors", "by": "authors",
    "date": "published", "published": "published", "pubdate": "published",
    "published_at": "published", "created": "published",
    "updated": "updated", "modified": "updated", "lastmod": "updated", "updated_at": "updated",
    "site": "site", "site_name": "site", "publication": "site", "source": "site",
    "url": "url", "link": "url", "canonical_url": "url", "permalink": "url",
    "section": "section", "category": "section", "categories": "section",
}  # fmt: skip


def load(data: bytes | str, *, source_path: str | None = None, raw: bool = False) -> list[Article]:
    """One article from a Markdown file."""
    text = decode(data) if isinstance(data, bytes) else data
    check_text(text)
    if raw:
        from tui.core.loaders import text as text_loader

        return text_loader.load(text, source_path=source_path, raw=True)
    meta = Meta(source_path=source_path)
    m = _FRONT.match(text)
    if m:
        _front_matter(m.group("body"), meta)
        text = text[m.end() :]
    return [parse_plain(markdown_to_text(text, meta), meta=meta, header=False)]


def _front_matter(block: str, meta: Meta) -> None:
    key: str | None = None
    for line in block.splitlines():
        item = _LIST_ITEM.match(line)
        if item and key:
            _set(meta, key, item.group("value"))
            continue
        kv = _KEY.match(line)
        if not kv:
            continue
        key = _KEYS.get(kv.group("key").lower())
        value = kv.group("value").strip()
        if key and value:
            if value.startswith("[") and value.endswith("]"):
                for part in value[1:-1].split(","):
                    _set(meta, key, part)
            else:
                _set(meta, key, value)


def _set(meta: Meta, key: str, value: str) -> None:
    value = value.strip().strip("'\"").strip()
    if not value:
        return
    if key == "authors":
        meta.authors.append(value)
    elif key in ("published", "updated"):
        if getattr(meta, key) is None:
            setattr(meta, key, parse_timestamp(value))
    elif key == "section":
        meta.section = meta.section or value
    elif not getattr(meta, key):
        setattr(meta, key, value)


def markdown_to_text(text: str, meta: Meta) -> str:
    """Plain paragraphs from Markdown; the first level-1 heading becomes the title."""
    out: list[str] = []
    lines = text.splitlines()
    in_code = False
    for n, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            out.append("")
            continue
        if in_code:
            out.append(line)
            continue
        if _REF_DEF.match(line) or (_RULE.match(line) and not (out and out[-1].strip())):
            out.append("")
            continue
        nxt = lines[n + 1] if n + 1 < len(lines) else ""
        heading = _ATX.match(line)
        if heading:
            title = _inline(heading.group("text"))
            if len(heading.group("hashes")) == 1 and not meta.title:
                meta.title = title
            elif title.casefold() != meta.title.casefold():
                out.extend(["", title, ""])
            continue
        if line.strip() and _SETEXT.match(nxt) and not _RULE.match(line):
            if nxt.strip().startswith("=") and not meta.title:
                meta.title = _inline(line)
                continue
            out.extend(["", _inline(line), ""])
            continue
        if _SETEXT.match(line) and n > 0 and lines[n - 1].strip():
            out.append("")
            continue
        stripped = _BLOCK_PREFIX.sub("", line)
        if stripped != line and out and out[-1].strip():
            out.append("")  # list items and quotes are paragraphs of their own
        out.append(_inline(stripped))
    body = "\n".join(out)
    if not meta.authors:
        # A "By ..." line right under the headline.
        first = next((ln for ln in body.splitlines() if ln.strip()), "")
        byline = parse_byline(first, loose=False) if first.lower().startswith("by") else None
        if byline:
            meta.authors, site = byline
            meta.site = meta.site or site
            body = body.replace(first, "", 1)
    return body


def _inline(text: str) -> str:
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    for _ in range(2):
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    text = _HTML_TAG.sub("", text)
    return text.replace("\\", "") if "\\" in text else text
