"""Plain-text articles, as saved from the web or written by hand.

A saved page often starts with metadata lines (a section, a byline, a dateline) and
calls to action, and ends with more of them. Those are recognised by their shape and
wording, moved into the article's metadata and boilerplate, and the rest is the body.
"""

from __future__ import annotations

import re

from tui.core.loaders.boilerplate import (
    is_call_to_action,
    line_tokens,
    parse_byline,
    site_from_cta,
)
from tui.core.loaders.common import Meta, article_from_text, clean_line, make_article
from tui.core.loaders.dates import is_dateline, parse_dateline
from tui.core.loaders.decode import check_text, decode
from tui.core.loaders.furniture import is_furniture, split_dateline, unconfuse
from tui.core.model import Article

_HEADER_LINES = 12  # metadata never sits deeper than this in a saved page
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_LABELLED = re.compile(
    r"^(?P<key>section|category|topic|title|headline|source|site|publication)\s*:\s*(?P<value>.+)$",
    re.I,
)
_HEADLINE_START = re.compile(r"^[\"'“‘(\[]?[A-Z0-9£$€]")


def load(data: bytes | str, *, source_path: str | None = None, raw: bool = False) -> list[Article]:
    """One article from plain text; ``raw`` keeps the decoded input exactly as the body."""
    text = decode(data) if isinstance(data, bytes) else data
    check_text(text)
    if raw:
        return [article_from_text(text, Meta(source_path=source_path))]
    return [parse_plain(text, source_path=source_path)]


def parse_plain(
    text: str,
    *,
    source_path: str | None = None,
    meta: Meta | None = None,
    header: bool = True,
    furniture: bool = False,
) -> Article:
    """Split saved-page text into metadata, boilerplate and body paragraphs.

    ``header=False`` skips reading metadata lines off the top (the caller has metadata).
    ``furniture=True`` also moves credits, teasers, captions and the like to boilerplate:
    the web-page path, where trafilatura leaves them in; it costs plain-text loading ~15%.
    """
    meta = meta or Meta(source_path=source_path)
    # Header and boilerplate are judged per paragraph, so that a hard-wrapped first
    # paragraph is not mistaken for a headline.
    paragraphs = paragraphs_from_lines(text.splitlines())
    body_start = _read_header(paragraphs, meta) if header else 0
    body: list[str] = []
    for para in paragraphs[body_start:]:
        line = clean_line(para)
        tokens = line_tokens(unconfuse(line))
        if is_call_to_action(line, tokens):
            meta.boilerplate.append(line)
            meta.site = meta.site or site_from_cta(line)
        elif furniture and is_furniture(line, tokens):
            meta.boilerplate.append(line)
        else:
            body.append(para)
    if body:
        body[0] = _take_dateline(body[0], meta)
    return make_article(body, meta)


def _take_dateline(first: str, meta: Meta) -> str:
    """The first paragraph without its dateline ("LOS ANGELES (Reuters) -"), kept in meta."""
    rest, place, agency = split_dateline(first, meta.site)
    if rest is not first:
        meta.boilerplate.append(first[: len(first) - len(rest)].strip())
        meta.place, meta.agency = place, agency
    return rest


def _read_header(paragraphs: list[str], meta: Meta) -> int:
    """Take metadata and boilerplate off the top; return the index of the first body paragraph."""
    found_meta = False
    for k, para in enumerate(paragraphs[:_HEADER_LINES]):
        line = clean_line(para)
        if k + 1 >= len(paragraphs):
            return k  # the last paragraph is always body
        nxt = clean_line(paragraphs[k + 1])
        if is_call_to_action(line):
            meta.boilerplate.append(line)
            meta.site = meta.site or site_from_cta(line)
            continue
        if meta.published is None and meta.updated is None and is_dateline(line):
            meta.published, meta.updated = parse_dateline(line)
            found_meta = True
            continue
        labelled = _LABELLED.match(line)
        if labelled and len(line) <= 200:
            _apply_label(meta, labelled.group("key").lower(), labelled.group("value").strip())
            found_meta = True
            continue
        if not meta.authors:
            byline = parse_byline(line, loose=found_meta or is_dateline(nxt))
            if byline is not None:
                meta.authors, site = byline
                meta.site = meta.site or site
                found_meta = True
                continue
        if _is_body(line):
            return k
        words = len(line.split())
        # A short first line is a section ("Defence") when metadata follows it, but a
        # short headline when the body follows straight away.
        short_headline = words >= 2 and _is_body(nxt) and _is_headline(line)
        if k == 0 and words <= 3 and not short_headline and not line.endswith(("?", "!", ":", ".")):
            meta.section = line
            found_meta = True
            continue
        if not meta.title and _is_headline(line):
            meta.title = line
            found_meta = True
            continue
        return k
    return min(len(paragraphs), _HEADER_LINES)


def _apply_label(meta: Meta, key: str, value: str) -> None:
    if key in ("section", "category", "topic"):
        meta.section = meta.section or value
    elif key in ("title", "headline"):
        meta.title = meta.title or value
    else:
        meta.site = meta.site or value


def _is_body(line: str) -> bool:
    """Reads like running text: long, or a full sentence."""
    words = len(line.split())
    return words > 25 or len(line) > 200 or (words >= 8 and bool(_SENTENCE_END.search(line)))


def _is_headline(line: str) -> bool:
    """Short, no closing period, starts like a title."""
    words = len(line.split())
    return (
        2 <= words <= 25
        and len(line) <= 200
        and not line.endswith((".", ",", ";", ":"))
        and bool(_HEADLINE_START.match(line))
    )


def paragraphs_from_lines(lines: list[str]) -> list[str]:
    """Paragraphs: blank-line separated blocks, hard-wrapped blocks joined into one line.

    Without blank lines every line is a paragraph (the saved-page shape).
    """
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    paragraphs: list[str] = []
    for block in blocks:
        if len(block) > 1 and _hard_wrapped(block):
            paragraphs.append(" ".join(block))
        else:
            paragraphs.extend(block)
    return paragraphs


def _hard_wrapped(block: list[str]) -> bool:
    """Lines cut at a fixed width: all but the last are of similar, moderate length."""
    widths = [len(line) for line in block[:-1]]
    if min(widths) < 30 or max(widths) > 120:
        return False
    if max(widths) - min(widths) > 30:
        return False
    # A wrapped line rarely ends a sentence; list items and verse do.
    ends = sum(1 for line in block[:-1] if _SENTENCE_END.search(line))
    return ends <= len(block[:-1]) // 2
