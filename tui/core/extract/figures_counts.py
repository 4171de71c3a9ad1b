"""Counts without a counted noun, shares of a whole, and vague amounts.

- A bare number counts something when it cannot be a code: it is grouped or scaled
  ("162,000", "2.2 million", "two dozen"), hedged ("more than 130"), or it ends a clause
  after a verb ("the latest count showed 88.", "scored 13 for the team").
- Shares: "nine in ten", "1 in 5" and "two-thirds of", "a quarter of" are percentages.
- Vague amounts: "tens of thousands of people", "hundreds of millions of dollars" give their
  lower bound and are approximate.
"""

from __future__ import annotations

import re

from tui.core.extract.figures_data import (
    BARE_COUNT_STOP,
    CURRENCY_WORDS,
    DESIGNATION_WORDS,
    FRACTION_WORDS,
    HYPHEN_NOT_COUNTED,
    SHARE_DENOMINATORS,
    TOTAL_WORDS,
    VAGUE_AMOUNTS,
)
from tui.core.extract.figures_nouns import APPROX_LOWER, counted_noun
from tui.core.extract.figures_patterns import CANDIDATE, SP, Reading
from tui.core.extract.numbers import words_to_number

_IN_DENOMINATOR = re.compile(rf"{SP}+in{SP}+(?=\S)")
_OF_AFTER = re.compile(rf"{SP}+of(?={SP})")
_HYPHEN_NOUN = re.compile(rf"-([a-z]{{3,}})(?=,?{SP}+[A-Za-z])")
_TOTAL_OF = re.compile(rf"\b(?i:{'|'.join(sorted(TOTAL_WORDS))}){SP}+of{SP}+$")
_OF_UNIT = re.compile(rf"{SP}+of{SP}+an?{SP}")
_OF_GROUP = re.compile(
    rf"{SP}+of{SP}+(?:the|them|those|these|their|its|our|us|you|whom|which)\b", re.IGNORECASE
)
_CLAUSE_END = re.compile(rf"(?:[.,;:!?)]|{SP}+(?:and|for|in|to|on|at|of|with|but|or)\b|$)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’-]*)[ \u00a0]+$")
_SCALE_WORD = re.compile(r"(?i:\b(?:hundred|thousand|million|billion|trillion|dozen|lakh|crore))")
FRACTION_WORD = re.compile(r"(?i:\b(?:" + "|".join(FRACTION_WORDS) + r")\b)")
_CURRENCY_AFTER = re.compile(rf"{SP}+(?:the{SP}+)?(?P<w>[A-Za-z]+)\b")


def hyphen_count(text: str, r: Reading) -> tuple[int, str] | None:
    """ "a 14-station line", "a three-bedroom flat": (end, counted noun) or None."""
    m = _HYPHEN_NOUN.match(text, r.end)
    if m is None or r.value < 2 or m.group(1) in HYPHEN_NOT_COUNTED:
        return None
    return m.end(1), m.group(1)


def bare_count(text: str, r: Reading, s: int) -> bool:
    """True when a number with no counted noun after it still counts something."""
    if r.value < 2 or r.value != int(r.value):
        return False
    surface = text[r.start : r.end]
    if text[r.end : r.end + 1].isalnum():
        return False  # "6Tb": a unit we do not know, or a code
    if _OF_GROUP.match(text, r.end):
        return True  # "two of the plaintiffs", "seven of them"
    if r.words:
        return _SCALE_WORD.search(surface) is not None or _hedged(text, s)
    if r.mult >= 1000 or ("," in surface and r.value >= 1000):
        return True
    if _hedged(text, s) or _TOTAL_OF.search(text, max(0, s - 24), s):
        return True  # "more than 130", "a total of 288", "a majority of 107"
    wb = _WORD_BEFORE.search(text, max(0, s - 24), s)
    if wb is None or not wb.group(1).islower():
        return False
    word = wb.group(1).lower().rstrip(".")
    if word in BARE_COUNT_STOP or word in DESIGNATION_WORDS:
        return False
    return _CLAUSE_END.match(text, r.end) is not None


def _hedged(text: str, s: int) -> bool:
    wb = text[max(0, s - 16) : s].rstrip().lower()
    return any(
        wb.endswith(w) and (len(wb) == len(w) or not wb[-len(w) - 1].isalpha())
        for w in APPROX_LOWER
    )


def share(text: str, r: Reading) -> tuple[float, int] | None:
    """("nine in ten" -> 90.0, end) or ("two-thirds of" -> 66.7, end before "of")."""
    surface = text[r.start : r.end]
    if r.words and r.value < 1 and FRACTION_WORD.search(surface):
        of = _OF_AFTER.match(text, r.end)
        if of is None or _OF_UNIT.match(text, r.end):
            return None  # "a quarter of a century" is a duration, not a share
        return r.value * 100, r.end
    m = _IN_DENOMINATOR.match(text, r.end)
    if m is None or r.value != int(r.value) or r.value < 1:
        return None
    m2 = CANDIDATE.match(text, m.end())
    if m2 is None or not (m2.group("digits") or m2.group("words")):
        return None
    raw = m2.group("words") or m2.group("digits")
    den = words_to_number(raw) if m2.group("words") else float(raw) if raw.isdigit() else None
    if den is None or den not in SHARE_DENOMINATORS or r.value >= den or m2.group("pre"):
        return None
    return r.value / den * 100, m2.end()


def vague_amount(text: str, m: re.Match[str]) -> Reading | None:
    """ "tens of thousands of people" -> 10,000 count; "millions of dollars" -> 1e6 USD."""
    words = m.group("vague").lower().split()
    value = VAGUE_AMOUNTS[words[-1]]
    if len(words) > 1:
        value *= VAGUE_AMOUNTS[words[0]]
    of = _OF_AFTER.match(text, m.end("vague"))
    if of is None:
        return None
    r = Reading(m.start("vague"), m.end("vague"), value, words=True, vague=True)
    cur = _CURRENCY_AFTER.match(text, of.end())
    if cur is not None and cur.group("w").lower() in CURRENCY_WORDS:
        r.kind, r.unit, r.end = "money", CURRENCY_WORDS[cur.group("w").lower()], cur.end()
        return r
    noun_end, noun = counted_noun(text, of.end(), value, True)
    if noun is None:
        return None
    r.kind, r.unit, r.end = "count", noun, noun_end
    return r
