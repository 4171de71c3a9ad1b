"""Who said it first: a quote repeated across a story's articles, and its first carrier.

A quote is the text between quotation marks (at least MIN_WORDS words). Two articles carry
the same quote when their quotes' word sequences match, or nearly (word-trigram overlap:
rewrites trim and re-punctuate). The first carrier is the earliest by published time
(undated articles come after dated ones, in the story's order); the agency is the one the
carriers credit ("via Coastal Wire", "according to TASS") in the quote's sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.core.model import Article

MIN_WORDS = 5
NEAR = 0.6  # trigram Jaccard for "the same quote, lightly edited"
_QUOTE = re.compile(r"[\"“”]([^\"“”]{10,600}?)[\"“”]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_VIA = re.compile(
    r"\b(?:via|according to|told|reported by)\s+((?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
)


@dataclass(slots=True)
class Carrier:
    """One article carrying the quote, and where in its text."""

    article: Article
    span: tuple[int, int]

    @property
    def where(self) -> str:
        return self.article.site or self.article.title or self.article.id


@dataclass(slots=True)
class RepeatedQuote:
    """A quote carried by several articles, earliest first."""

    text: str
    carriers: list[Carrier] = field(default_factory=list)
    via: str | None = None

    def __post_init__(self) -> None:
        self.text = self.text.strip().rstrip(",;:")

    @property
    def first(self) -> Carrier:
        return self.carriers[0]

    def describe(self) -> str:
        """ "first in X (via Y), repeated by N"."""
        via = f" (via {self.via})" if self.via else ""
        return f"first in {self.first.where}{via}, repeated by {len(self.carriers) - 1}"


def quote_words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold().replace("’", "'") for w in _WORD.findall(text))


def quotes_in(article: Article) -> list[tuple[str, tuple[int, int]]]:
    """Quoted passages of at least MIN_WORDS words, with their spans."""
    out = []
    for match in _QUOTE.finditer(article.text):
        text = match.group(1).strip()
        if len(quote_words(text)) >= MIN_WORDS:
            out.append((text, match.span(1)))
    return out


def _trigrams(seq: tuple[str, ...]) -> set[tuple[str, ...]]:
    return {seq[i : i + 3] for i in range(max(1, len(seq) - 2))}


def same_quote(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    ta, tb = _trigrams(a), _trigrams(b)
    inter = len(ta & tb)
    # One may be a cut of the other: compare with the shorter one too.
    return inter / len(ta | tb) >= NEAR or inter / min(len(ta), len(tb)) >= 0.9


def publication_order(articles: Sequence[Article]) -> list[Article]:
    """Dated articles by time, then undated ones in the order given."""
    indexed = list(enumerate(articles))
    indexed.sort(
        key=lambda p: (
            p[1].published is None,
            p[1].published.timestamp() if p[1].published else 0.0,
            p[0],
        )
    )
    return [a for _, a in indexed]


def repeated_quotes(articles: Sequence[Article]) -> list[RepeatedQuote]:
    """Quotes that at least two articles carry, each with its first carrier."""
    groups: list[tuple[tuple[str, ...], RepeatedQuote]] = []
    for article in publication_order(articles):
        for text, span in quotes_in(article):
            key = quote_words(text)
            group = next((g for k, g in groups if same_quote(k, key)), None)
            if group is None:
                groups.append((key, RepeatedQuote(text)))
                group = groups[-1][1]
            if all(c.article.id != article.id for c in group.carriers):
                group.carriers.append(Carrier(article, span))
    out = [g for _, g in groups if len(g.carriers) > 1]
    for quote in out:
        quote.via = _agency(quote)
    return out


def _agency(quote: RepeatedQuote) -> str | None:
    """The agency a carrier credits in the quote's sentence, if any."""
    for carrier in quote.carriers:
        article = carrier.article
        start, end = carrier.span
        for s, e in article.sentences or [(0, len(article.text))]:
            if s <= start < e or s < end <= e:
                match = _VIA.search(article.text[s:e])
                if match:
                    return match.group(1).rstrip(".,;:")
    return None
