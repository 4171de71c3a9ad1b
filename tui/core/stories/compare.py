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
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.core.model import Article, Figure
from tui.core.stories.features import words

KINDS = frozenset({"money", "percent", "count", "quantity"})
WINDOW = 8  # words either side of a figure that say what it counts
MIN_OVERLAP = 0.3  # Jaccard of the two contexts
MIN_SHARED = 2  # and at least this many shared context words
APPROX_TOLERANCE = 0.1  # "about", "nearly": within 10% is agreement
_TOKEN = re.compile(r"\S+")


@dataclass(slots=True)
class FigureRef:
    """One figure in one article, with the sentence it stands in."""

    article: Article
    figure: Figure
    context: frozenset[str]

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


def figure_context(article: Article, figure: Figure) -> frozenset[str]:
    """Content words within WINDOW words of the figure, in its sentence, numbers left out."""
    if 0 <= figure.sentence < len(article.sentences):
        s_start, s_end = article.sentences[figure.sentence]
    else:
        s_start, s_end = 0, len(article.text)
    before = _TOKEN.findall(article.text[s_start : figure.span[0]])[-WINDOW:]
    after = _TOKEN.findall(article.text[figure.span[1] : s_end])[:WINDOW]
    return frozenset(w for w in words(" ".join(before + after)) if not w[0].isdigit())


def significant_digits(value: float) -> int:
    digits = f"{abs(value):.12e}".split("e")[0].replace(".", "").rstrip("0")
    return max(1, len(digits))


def round_to(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


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
    """Same kind and unit, said in similar words."""
    if (a.figure.kind, a.figure.unit) != (b.figure.kind, b.figure.unit):
        return False
    shared = len(a.context & b.context)
    union = len(a.context | b.context) or 1
    return shared >= MIN_SHARED and shared / union >= MIN_OVERLAP


def comparable(article: Article) -> list[FigureRef]:
    return [
        FigureRef(article, f, figure_context(article, f))
        for f in article.analysis.figures
        if f.kind in KINDS and isinstance(f.value, int | float)
    ]


def disagreements(articles: Sequence[Article]) -> list[Disagreement]:
    """Groups of same-thing figures from different articles where some values contradict."""
    refs = [(i, ref) for i, article in enumerate(articles) for ref in comparable(article)]
    out: list[Disagreement] = []
    grouped: set[int] = set()
    for n, (i, ref) in enumerate(refs):
        if n in grouped:
            continue
        group = [ref]
        members = [n]
        for m in range(n + 1, len(refs)):
            j, other = refs[m]
            if m not in grouped and j != i and same_thing(ref, other):
                group.append(other)
                members.append(m)
        if any(not values_agree(ref.figure, other.figure) for other in group[1:]):
            grouped.update(members)
            out.append(Disagreement(group))
    return out
