"""Sentences on their way to becoming claims: quotations share one speaker and become one claim.

A quotation is often split over sentences and paragraphs: “A,” X said. “B. C.” or a paragraph
that is only a quote, continuing the speaker of the one before. These rules hand the speaker
found in the narration to every sentence of the quotation, then join the sentences of one
quoted passage into one claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from tui.core.extract.attribution import Attribution
from tui.core.model import Claim, Span

T = TypeVar("T")

MIN_WORDS = 5  # an attributed fragment shorter than this ("Shugayev told") states nothing


@dataclass(slots=True)
class Row:
    """One sentence on its way to becoming a claim."""

    index: int
    start: int
    end: int
    score: float
    att: Attribution
    quote_regions: list[int]
    hedges: list[str]
    entities: list[str]
    figures: list[int]
    para: int = 0
    key: bool = field(default=False)


def _has_speaker(r: Row) -> bool:
    return bool(r.att.speaker or r.att.pronoun)


def _take(r: Row, donor: Attribution) -> None:
    if r.att.source in (None, donor.source):
        r.att = donor  # the same object: "he" resolves once, for the whole quotation
    else:
        r.att = Attribution(donor.speaker, r.att.source, donor.pronoun)


def share_quote_attribution(
    rows: list[Row], regions: list[Span], text: str, paragraphs: list[Span]
) -> None:
    """Every sentence of a quotation takes the speaker and source found around it.

    In order: the speaker named beside the same quoted passage; else the one named in the same
    paragraph (previous sentence first); else, for a paragraph that opens with a quote, the
    speaker of the paragraph before, or of the next one when this quote runs on unclosed.
    """
    if not regions:
        return
    by_region: dict[int, list[Row]] = {}
    for r in rows:
        for k in r.quote_regions:
            by_region.setdefault(k, []).append(r)
    for members in by_region.values():
        donor = next((r.att for r in members if _has_speaker(r)), None)
        donor = donor or next((r.att for r in members if r.att.source), None)
        if donor is not None:
            for r in members:
                if not _has_speaker(r):
                    _take(r, donor)
    _share_within_paragraphs(rows)
    _share_across_paragraphs(rows, regions, text, paragraphs)


def _share_within_paragraphs(rows: list[Row]) -> None:
    for i, r in enumerate(rows):
        if not r.quote_regions or _has_speaker(r):
            continue
        donor = None
        for j in (i - 1, i + 1):
            near = rows[j] if 0 <= j < len(rows) else None
            if near and near.para == r.para and near.quote_regions and _has_speaker(near):
                donor = near.att  # a quoted neighbour: narration may name someone else
                break
        if donor is not None:
            _take(r, donor)


def _share_across_paragraphs(
    rows: list[Row], regions: list[Span], text: str, paragraphs: list[Span]
) -> None:
    by_para: dict[int, list[Row]] = {}
    for r in rows:
        by_para.setdefault(r.para, []).append(r)
    for p, members in by_para.items():
        if any(_has_speaker(r) for r in members) or not members[0].quote_regions:
            continue
        p_start, p_end = paragraphs[p]
        if text[p_start : p_start + 1] not in _OPENING_QUOTES:
            continue  # the paragraph is narration that happens to hold a quote
        last_region = regions[max(k for r in members for k in r.quote_regions)]
        unclosed = last_region[1] >= p_end
        donor = _first_speaker(by_para.get(p + 1, [])) if unclosed else None
        if donor is None:
            donor = _last_speaker(by_para.get(p - 1, []))
        if donor is not None:
            for r in members:
                if r.quote_regions:
                    _take(r, donor)


_OPENING_QUOTES = frozenset("\"“‘'")


def _first_speaker(rows: list[Row]) -> Attribution | None:
    return next((r.att for r in rows if _has_speaker(r)), None)


def _last_speaker(rows: list[Row]) -> Attribution | None:
    return next((r.att for r in reversed(rows) if _has_speaker(r)), None)


def quotation_groups(rows: list[Row]) -> list[list[Row]]:
    """Rows in order, those sharing a quoted passage joined into one group."""
    groups: list[list[Row]] = []
    last_regions: set[int] = set()
    for r in rows:
        regions = set(r.quote_regions)
        if groups and regions & last_regions:
            groups[-1].append(r)
        else:
            groups.append([r])
        last_regions = regions
    return groups


def group_claim(text: str, group: list[Row]) -> Claim | None:
    """The claim a group of rows makes: a check-worthy sentence or an attributed statement."""
    if len(group) == 1:
        return _row_claim(text, group[0])
    key = any(r.key for r in group)
    speaker = next((r.att.speaker for r in group if r.att.speaker), None)
    source = next((r.att.source for r in group if r.att.source), None)
    first, last = group[0], group[-1]
    named = speaker or _named(source)
    if not key and (not named or _words(text[first.start : last.end]) < MIN_WORDS):
        return None
    return Claim(
        text=text[first.start : last.end],
        span=(first.start, last.end),
        sentence=first.index,
        score=round(max(r.score for r in group), 4),
        speaker=speaker,
        source=source,
        quote=any(r.quote_regions for r in group),
        hedges=_unique(h for r in group for h in r.hedges),
        entities=_unique(n for r in group for n in r.entities),
        figures=sorted(set(k for r in group for k in r.figures)),
        key_claim=key,
    )


def _row_claim(text: str, r: Row) -> Claim | None:
    sentence = text[r.start : r.end]
    named = r.att.speaker or _named(r.att.source)
    if not r.key and (not named or _words(sentence) < MIN_WORDS):
        return None
    return Claim(
        text=sentence,
        span=(r.start, r.end),
        sentence=r.index,
        score=round(r.score, 4),
        speaker=r.att.speaker,
        source=r.att.source,
        quote=bool(r.quote_regions),
        hedges=r.hedges,
        entities=r.entities,
        figures=r.figures,
        key_claim=r.key,
    )


def _words(text: str) -> int:
    """Words with a letter or digit (quotation marks alone are none), counted to MIN_WORDS."""
    words = text.split()
    if len(words) >= 2 * MIN_WORDS:
        return len(words)  # enough, whatever a few of them are
    return sum(1 for w in words if any(c.isalnum() for c in w))


def _named(source: str | None) -> bool:
    """A channel with a name ("Politico", "TASS"), not "statement" or "interview"."""
    return source is not None and source[:1].isupper()


def _unique(items: Iterable[T]) -> list[T]:
    out: list[T] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out
