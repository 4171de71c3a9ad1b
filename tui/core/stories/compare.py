"""Figures that disagree across the articles of a story.

Two figures disagree when they are of the same kind and unit, stand in similar wording (the
content words around each, names included, overlap), and their values differ by more than
rounding: the more precise value, rounded to the other's significant digits, must still
differ ("$5.43 billion" vs "$5.5 billion" disagree; "4,987" vs "about 5,000" do not). Ranges
are never disagreements, nor dates and years (a story spans several days).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from tui.core.model import Article, Figure
from tui.core.stories.features import words

KINDS = frozenset({"money", "percent", "count", "quantity"})
BEFORE, AFTER = 8, 8  # words of its clause, before and after a figure, that say what
MIN_OVERLAP = 0.6  # shared context words over the smaller context
MIN_SHARED = 3  # and at least this many shared context words
MAX_PER_SENTENCE = 3
APPROX_TOLERANCE = 0.1  # "about", "nearly": within 10% is agreement
_TOKEN = re.compile(r"\S+")
_CLAUSE_END = re.compile(r"[,;:()—–]|\s(?:and|but|while|whereas)\s")
_RANGE_AFTER = re.compile(r"\s*(?:[-–—]|to\s)\s*[$€£]?\d")
_RANGE_BEFORE = re.compile(r"\d\s*(?:[-–—]|\sto)\s*[$€£]?$")
_NAMED = frozenset({"PERSON", "GPE", "LOC"})  # who or where a figure is about
# "17-inch", "23-year-old", "eight-hour": a figure used as an adjective names a model or
# describes someone; it is not a measurement the story reports.
_ADJECTIVAL = re.compile(r"[-‐‑]\s*[^\W\d_]+(?:[-‐‑]old)?$")
# Words that make a figure a running total rather than this event's count (a data file).
AGGREGATE_CUES = frozenset(
    (Path(__file__).resolve().parent / "data" / "aggregate_cues.txt").read_text("utf-8").split()
)


@dataclass(slots=True)
class FigureRef:
    """One figure in one article, with the sentence it stands in."""

    article: Article
    figure: Figure
    context: frozenset[str]
    people: frozenset[str] = frozenset()

    @property
    def where(self) -> str:
        return self.article.site or self.article.title or self.article.id


@dataclass(slots=True)
class Disagreement:
    """Figures of several articles about the same thing, not all agreeing."""

    figures: list[FigureRef] = field(default_factory=list)

    def describe(self) -> str:
        """ "$5.5 billion in A; $5.43 billion in B, C"."""
        by_text: dict[str, list[str]] = {}
        for ref in self.figures:
            by_text.setdefault(ref.figure.text, []).append(ref.where)
        parts = [f"{text} in {', '.join(dict.fromkeys(where))}" for text, where in by_text.items()]
        return "; ".join(parts)


def figure_context(article: Article, figure: Figure) -> tuple[frozenset[str], frozenset[str]]:
    """Content words of the figure's clause, near it (numbers left out), and the people and
    places named there. What a figure is about is said in its own clause."""
    if 0 <= figure.sentence < len(article.sentences):
        s_start, s_end = article.sentences[figure.sentence]
    else:
        s_start, s_end = 0, len(article.text)
    text = article.text
    lo = max(
        (m.end() for m in _CLAUSE_END.finditer(text, s_start, figure.span[0])), default=s_start
    )
    hi = next((m.start() for m in _CLAUSE_END.finditer(text, figure.span[1], s_end)), s_end)
    before = list(_TOKEN.finditer(text, lo, figure.span[0]))[-BEFORE:]
    after = list(_TOKEN.finditer(text, figure.span[1], hi))[:AFTER]
    lo = before[0].start() if before else figure.span[0]
    hi = after[-1].end() if after else figure.span[1]
    people = frozenset(
        e.name.casefold()
        for e in article.analysis.entities
        if e.label in _NAMED and any(lo <= m0 < hi for m0, _ in e.mentions)
    )
    near = " ".join(m.group() for m in before + after)
    return frozenset(w for w in words(near) if not w[0].isdigit()), people


def significant_digits(value: float) -> int:
    digits = f"{abs(value):.12e}".split("e")[0].replace(".", "").rstrip("0")
    return max(1, len(digits))


def round_to(value: float, digits: int) -> float:
    """Half up, as people round (4.5 months is "five months"), to significant digits."""
    if value == 0:
        return 0.0
    places = digits - 1 - math.floor(math.log10(abs(value)))
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def values_agree(a: Figure, b: Figure) -> bool:
    """Equal, equal after rounding to the coarser figure's precision, or close when hedged."""
    if a.value_max is not None or b.value_max is not None:
        return True  # a range is not a disagreement
    x, y = float(a.value), float(b.value)  # type: ignore[arg-type]
    if x == y:
        return True
    if (a.approx or b.approx) and abs(x - y) <= APPROX_TOLERANCE * max(abs(x), abs(y)):
        return True
    coarse = min(significant_digits(x), significant_digits(y))
    return math.isclose(round_to(x, coarse), round_to(y, coarse), rel_tol=1e-9)


def same_thing(a: FigureRef, b: FigureRef) -> bool:
    """Same kind and unit, both totals or both not, said in similar words."""
    if (a.figure.kind, a.figure.unit) != (b.figure.kind, b.figure.unit):
        return False
    if bool(a.context & AGGREGATE_CUES) != bool(b.context & AGGREGATE_CUES):
        return False  # "a total of 14 rifles so far" is not "six rifles" seized this time
    if a.people and b.people and not _same_people(a.people, b.people):
        return False  # Dorsey's 37 years at the plant are not Ryan's 30; Egypt's are not India's
    shared = len(a.context & b.context)
    smaller = min(len(a.context), len(b.context)) or 1
    return shared >= MIN_SHARED and shared / smaller >= MIN_OVERLAP


def _same_people(a: frozenset[str], b: frozenset[str]) -> bool:
    """Some name in common, a surname counting for the full name."""
    words_a = {w for name in a for w in name.split()}
    return any(w in words_a for name in b for w in name.split())


def comparable(article: Article) -> list[FigureRef]:
    """The article's figures that can be compared: not dates, not in a list of figures.

    A sentence with MAX_PER_SENTENCE or more such figures is a list or a spec sheet
    ("6 MB cache, 4GB of memory, 320GB drive"): which number goes with which thing is not
    clear enough from the words around it, so none of them is compared.
    """
    figures = [f for f in article.analysis.figures if f.kind in KINDS]
    per_sentence = Counter(f.sentence for f in figures)
    return [
        FigureRef(article, f, *figure_context(article, f))
        for f in figures
        if isinstance(f.value, int | float)
        and per_sentence[f.sentence] < MAX_PER_SENTENCE
        and not _ADJECTIVAL.search(article.text[f.span[0] : f.span[1] + 4].split(" ")[0])
        and not _in_range(article.text, f)
    ]


def _in_range(text: str, figure: Figure) -> bool:
    """Half of a range the extractor read as one value ("$630-770 billion", "20 to 30")."""
    after = text[figure.span[1] : figure.span[1] + 6]
    before = text[max(0, figure.span[0] - 6) : figure.span[0]]
    return bool(_RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before))


def counterpart(ref: FigureRef, others: Sequence[FigureRef]) -> FigureRef | None:
    """The figure of another article that speaks of the same thing as ``ref``, if any.

    The closest wording wins; on a tie an agreeing value wins (two figures in one sentence
    share their context, and only one of them is this figure's counterpart).
    """
    best: tuple[float, bool] = (0.0, False)
    found: FigureRef | None = None
    for other in others:
        if not same_thing(ref, other):
            continue
        smaller = min(len(ref.context), len(other.context)) or 1
        shared = len(ref.context & other.context)
        key = (shared / smaller, values_agree(ref.figure, other.figure))
        if key > best:
            best, found = key, other
    return found


def disagreements(articles: Sequence[Article]) -> list[Disagreement]:
    """Groups of same-thing figures from different articles where some values contradict.

    Each figure is compared with its counterpart in each other article (see
    :func:`counterpart`); a group gathers a figure and every counterpart, agreeing or not.
    """
    refs = [comparable(article) for article in articles]
    out: list[Disagreement] = []
    grouped: set[int] = set()
    for i, own in enumerate(refs):
        for ref in own:
            if id(ref) in grouped:
                continue
            group = [ref]
            for j in range(i + 1, len(refs)):
                match = counterpart(ref, refs[j])
                if match is not None and id(match) not in grouped:
                    group.append(match)
            if any(not values_agree(ref.figure, other.figure) for other in group[1:]):
                grouped.update(id(r) for r in group)
                out.append(Disagreement(group))
    return out
