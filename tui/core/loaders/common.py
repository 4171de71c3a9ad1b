"""Building an Article from body paragraphs and metadata, shared by the loaders."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from tui.core.loaders.errors import LoadError
from tui.core.model import Article
from tui.core.sentences import split_paragraphs, split_sentences

TITLE_MAX = 100  # a derived title is at most this long (before the ellipsis)
_TITLE_SOFT = 90
_CLAUSE = re.compile(r"[,;:]\s|\s[–—-]\s|\s\(")
_WS = re.compile(r"[ \t\f\v\u00a0]+")


@dataclass(slots=True)
class Meta:
    """What a loader found about an article besides its body."""

    title: str = ""
    source_path: str | None = None
    url: str | None = None
    site: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    boilerplate: list[str] = field(default_factory=list)
    place: str | None = None
    agency: str | None = None
    warnings: list[str] = field(default_factory=list)


def clean_line(line: str) -> str:
    """One line with runs of spaces collapsed and the ends trimmed."""
    return _WS.sub(" ", line).strip()


def make_article(paragraphs: list[str], meta: Meta) -> Article:
    """An Article whose text is the paragraphs joined by blank lines.

    Raises LoadError when no body text is left.
    """
    body = [p for p in (clean_line(p) for p in paragraphs) if p]
    if not body:
        raise LoadError("no article text found")
    text = "\n\n".join(body)
    return article_from_text(text, meta)


def article_from_text(text: str, meta: Meta) -> Article:
    """An Article over exactly this text, with spans and a title."""
    paragraphs = split_paragraphs(text)
    sentences = split_sentences(text, paragraphs)
    title = clean_line(meta.title) if meta.title else ""
    if not title:
        title = title_from_lead(text, sentences)
    return Article(
        text=text,
        title=title,
        source_path=meta.source_path,
        url=meta.url,
        site=meta.site or None,
        section=meta.section or None,
        authors=_dedupe(meta.authors),
        published=meta.published,
        updated=meta.updated,
        paragraphs=paragraphs,
        sentences=sentences,
        boilerplate=list(meta.boilerplate),
        place=meta.place,
        agency=meta.agency,
        warnings=list(meta.warnings),
    )


def title_from_lead(text: str, sentences: list[tuple[int, int]]) -> str:
    """A title from the lead sentence, shortened at a clause or word boundary."""
    if sentences:
        s, e = sentences[0]
        lead = text[s:e]
    else:
        lead = text[:1000]
    lead = " ".join(lead[:2000].split())
    if len(lead) <= TITLE_MAX:
        return lead.rstrip(" .") or lead
    # Prefer ending at a clause boundary that keeps most of the sentence's start.
    cut = None
    for m in _CLAUSE.finditer(lead, 40, TITLE_MAX + 1):
        cut = m.start()
    if cut is None:
        space = lead.rfind(" ", 0, _TITLE_SOFT + 1)
        cut = space if space >= 30 else _TITLE_SOFT
    return lead[:cut].rstrip(" ,;:.-–—(") + "…"


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        name = clean_line(name)
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out
