"""The article model and its analysis: plain dataclasses, JSON in and out.

All character offsets (spans) index into ``Article.text``.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

Span = tuple[int, int]
ANALYSIS_KEYS = ("entities", "figures", "claims")


@dataclass(slots=True)
class Entity:
    """A named thing the article mentions, with every mention's span."""

    name: str
    label: str  # PERSON ORG GPE LOC NORP PRODUCT EVENT FAC
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.mentions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "aliases": list(self.aliases),
            "mentions": [list(m) for m in self.mentions],
            "count": self.count,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            name=d["name"],
            label=d["label"],
            aliases=list(d.get("aliases", [])),
            mentions=[(int(s), int(e)) for s, e in d.get("mentions", [])],
        )


@dataclass(slots=True)
class Figure:
    """A number the article cites: money, percent, date, year, year_range, count, quantity."""

    text: str
    kind: str
    value: float | str | None
    span: Span
    sentence: int  # index into Article.sentences
    value_max: float | None = None
    unit: str | None = None  # ISO currency code for money, the counted noun or measurement unit
    approx: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "approx": self.approx,
            "span": list(self.span),
            "sentence": self.sentence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Figure:
        s, e = d["span"]
        return cls(
            text=d["text"],
            kind=d["kind"],
            value=d.get("value"),
            span=(int(s), int(e)),
            sentence=int(d.get("sentence", -1)),
            value_max=d.get("value_max"),
            unit=d.get("unit"),
            approx=bool(d.get("approx", False)),
        )


@dataclass(slots=True)
class Claim:
    """A check-worthy sentence, with who said it, via whom, and how hedged."""

    text: str
    span: Span
    sentence: int
    score: float
    speaker: str | None = None
    source: str | None = None
    quote: bool = False
    hedges: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)  # entity names
    figures: list[int] = field(default_factory=list)  # indexes into Analysis.figures
    # Check-worthy (score >= the threshold); an attributed statement is a claim either way.
    key_claim: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "sentence": self.sentence,
            "score": self.score,
            "speaker": self.speaker,
            "source": self.source,
            "quote": self.quote,
            "hedges": list(self.hedges),
            "entities": list(self.entities),
            "figures": list(self.figures),
            "key_claim": self.key_claim,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        s, e = d["span"]
        return cls(
            text=d["text"],
            span=(int(s), int(e)),
            sentence=int(d.get("sentence", -1)),
            score=float(d.get("score", 0.0)),
            speaker=d.get("speaker"),
            source=d.get("source"),
            quote=bool(d.get("quote", False)),
            hedges=list(d.get("hedges", [])),
            entities=list(d.get("entities", [])),
            figures=[int(i) for i in d.get("figures", [])],
            # Claims stored before the flag were all key ones.
            key_claim=bool(d.get("key_claim", True)),
        )

    @property
    def key(self) -> str:
        """A stable identity within its article: a hash of the normalised text.

        List positions change whenever an extractor finds one claim more; the text does not.
        """
        norm = " ".join(self.text.split()).casefold()
        return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Analysis:
    """What the extractors found in one article."""

    entities: list[Entity] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entities": [e.to_dict() for e in self.entities],
            "figures": [f.to_dict() for f in self.figures],
            "claims": [c.to_dict() for c in self.claims],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        return cls(
            entities=[Entity.from_dict(x) for x in d.get("entities", [])],
            figures=[Figure.from_dict(x) for x in d.get("figures", [])],
            claims=[Claim.from_dict(x) for x in d.get("claims", [])],
        )


@dataclass(slots=True)
class Article:
    """One news article: metadata, body text and its paragraph and sentence spans."""

    text: str
    title: str = ""
    source_path: str | None = None
    url: str | None = None
    site: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    analysis: Analysis = field(default_factory=Analysis)
    id: str = ""
    place: str | None = None  # from the dateline ("LOS ANGELES (Reuters) -")
    agency: str | None = None  # the news agency a dateline credits
    warnings: list[str] = field(default_factory=list)  # what the loader had to fall back on

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.title, self.text)

    def sentence_text(self, index: int) -> str:
        s, e = self.sentences[index]
        return self.text[s:e]

    def to_dict(self) -> dict[str, Any]:
        """The `newsreader extract` JSON shape of this article."""
        return {
            "id": self.id,
            "source_path": self.source_path,
            "url": self.url,
            "title": self.title,
            "site": self.site,
            "section": self.section,
            "authors": list(self.authors),
            "published": self.published.isoformat() if self.published else None,
            "updated": self.updated.isoformat() if self.updated else None,
            "text": self.text,
            "paragraphs": [list(p) for p in self.paragraphs],
            "sentences": [list(s) for s in self.sentences],
            "boilerplate": list(self.boilerplate),
            "place": self.place,
            "agency": self.agency,
            "warnings": list(self.warnings),
            **self.analysis.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Rebuild an article from its `to_dict` form (our JSON export)."""
        return cls(
            id=str(d.get("id") or ""),
            text=d["text"],
            title=d.get("title") or "",
            source_path=d.get("source_path"),
            url=d.get("url"),
            site=d.get("site"),
            section=d.get("section"),
            authors=list(d.get("authors") or []),
            published=_parse_iso(d.get("published")),
            updated=_parse_iso(d.get("updated")),
            paragraphs=[(int(s), int(e)) for s, e in d.get("paragraphs") or []],
            sentences=[(int(s), int(e)) for s, e in d.get("sentences") or []],
            boilerplate=list(d.get("boilerplate") or []),
            place=d.get("place"),
            agency=d.get("agency"),
            warnings=list(d.get("warnings") or []),
            analysis=Analysis.from_dict({k: d.get(k) or [] for k in ANALYSIS_KEYS}),
        )


def _parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def content_id(title: str, text: str) -> str:
    """A stable id: a hash of the normalised title and body."""
    norm = unicodedata.normalize("NFC", f"{title}\n{text}")
    norm = " ".join(norm.split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]
