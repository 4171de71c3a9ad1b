"""Turning a reading into a Figure: ranges, years, counts and approximation cues."""

from __future__ import annotations

import math

from tui.core.extract.figures_counts import FRACTION_WORD, bare_count, hyphen_count, share
from tui.core.extract.figures_data import (
    APPROX_WORDS,
    PERIODS,
)
from tui.core.extract.figures_nouns import counted_noun, designation_left, designation_word_left
from tui.core.extract.figures_patterns import (
    CANDIDATE,
    RANGE_JOIN,
    RANGE_LEFT,
    UNIT_LOWER,
    YEAR_CONTEXT,
    Reading,
)
from tui.core.extract.figures_read import read
from tui.core.model import Figure


def classify_with_range(text: str, r: Reading) -> Figure | None:
    """Merge "5-10 km", "between 2020 and 2024", "$350 to $680" into one range figure."""
    start = r.start
    j = RANGE_JOIN.match(text, r.end)
    if j and r.kind != "date" and j.end() < len(text):
        left = RANGE_LEFT.search(text, max(0, start - 12), start)
        joiner = j.group().strip().lower()
        if joiner != "and" or (left is not None and left.group(1).lower() == "between"):
            m2 = CANDIDATE.match(text, j.end())
            r2 = read(text, m2, True) if m2 is not None and m2.group("month") is None else None
            if r2 is not None and r2.kind != "date":
                merged = _merge(r, r2, joiner)
                if merged is not None:
                    lo = left.start(1) if left is not None else start
                    return _figure(text, merged, lo, r2.end, value_max=merged.text_value)
    return _figure(text, r, start, r.end)


def _merge(r: Reading, r2: Reading, joiner: str) -> Reading | None:
    if r.year_like and r2.year_like:
        return Reading(r.start, r2.end, r.value, kind="year_range", text_value=str(r2.value))
    if r.year_like and not r2.kind and r2.value < 100 and joiner in "-–":
        hi = (int(r.value) // 100) * 100 + r2.value
        if hi > r.value:
            return Reading(r.start, r2.end, r.value, kind="year_range", text_value=str(hi))
        return None
    if r.kind == "date" or r2.kind == "date" or r.year_like or r2.year_like:
        return None
    if r.kind is not None and (r.kind != r2.kind or r.unit != r2.unit):
        return None
    value = r.value
    # "5-10 million", "10-20 cents", "$5 to $7 billion": a scale written once applies to both
    # ends, unless the first end is already the bigger number ("$500 to $7 billion")
    if r.mult == 1.0 and (r.kind is None or (r2.mult > 1 and r.value < r2.value / r2.mult)):
        value *= r2.mult
    if r2.kind is None and r.mult != 1.0:
        return None
    return Reading(r.start, r2.end, value, kind=r2.kind, unit=r2.unit, text_value=str(r2.value))


def _figure(text: str, r: Reading, s: int, e: int, value_max: str | None = None) -> Figure | None:
    kind = r.kind
    unit = r.unit
    value: float | str | None = r.value
    vmax = float(value_max) if value_max is not None else None
    if kind == "date":
        value = r.text_value
    elif kind == "year_range":
        value, vmax = int(r.value), int(float(value_max or r.text_value or r.value))
    elif kind is None:
        if r.decade:
            span = 99 if int(r.value) % 100 == 0 and int(r.value) % 1000 else 9
            kind, value, vmax = "year_range", int(r.value), int(r.value) + span
        elif r.year_like:
            noun_end, noun = counted_noun(text, r.end, r.value, r.words)
            direct = text[r.end + 1 : r.end + 2].islower()
            if noun is None or not direct or YEAR_CONTEXT.search(text, max(0, s - 12), s):
                kind, value = "year", int(r.value)
            else:
                kind, unit, e = "count", noun, noun_end
        else:
            if designation_left(text, s):
                return None
            part = share(text, r)
            if part is not None:
                kind, unit, (value, e) = "percent", "percent", part
            elif r.words and r.value < 1 and FRACTION_WORD.search(text, r.start, r.end):
                return None  # "a third term", "two-thirds majority": not an amount
            else:
                noun_end, noun = hyphen_count(text, r) or counted_noun(
                    text, r.end, r.value, r.words
                )
                if noun is not None:
                    kind, unit, e = "count", noun, noun_end
                    if UNIT_LOWER.get(noun) in PERIODS:
                        kind, unit = "quantity", UNIT_LOWER[noun]  # "two more years"
                elif bare_count(text, r, s):
                    kind = "count"
                else:
                    return None
    if kind == "quantity" and designation_word_left(text, s):
        return None  # "Apt. 1C" is not one degree Celsius
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if vmax is not None and not math.isfinite(vmax):
        return None
    # "over 2020" or "since some 2019 deals" are not approximate dates: only true hedges count
    timeish = kind in ("date", "year", "year_range")
    approx = r.vague or _has_cue(text, s, _APPROX_TIME if timeish else _APPROX_ALL)
    return Figure(
        text=text[s:e],
        kind=kind,
        value=value,
        span=(s, e),
        sentence=-1,
        value_max=vmax,
        unit=unit,
        approx=approx,
    )


_APPROX_ALL = tuple(sorted({w.lower() for w in APPROX_WORDS}, key=len, reverse=True))
_APPROX_TIME = ("about", "around", "circa", "c.", "ca.", "approximately", "roughly", "~")


def _has_cue(text: str, s: int, cues: tuple[str, ...]) -> bool:
    """True when one of ``cues`` ends right before ``s`` as a whole word ("about 5")."""
    window = text[max(0, s - 18) : s].rstrip(" \u00a0").lower()
    if not window.endswith(cues):
        return False
    for cue in cues:
        if window.endswith(cue):
            k = len(window) - len(cue)
            if k == 0 or not window[k - 1].isalnum() or not cue[0].isalnum():
                return True
    return False
