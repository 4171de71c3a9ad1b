"""The noun a number counts, and the words before a number that make it a designation."""

from __future__ import annotations

import re

from tui.core.extract.figures_data import (
    APPROX_WORDS,
    DESIGNATION_WORDS,
    IRREGULAR_PLURALS,
    MONTHS,
    NOT_COUNTED,
    NOT_PLURAL,
    RATE_PERIODS,
)
from tui.core.extract.figures_patterns import (
    HAS_DIGIT,
    NEXT_TOKEN,
)


def _word_before(text: str, s: int) -> tuple[int, str]:
    """The whitespace-delimited word ending one space before ``s`` and where it starts."""
    j = s - 1
    if j < 1 or text[j] not in " \u00a0":
        return s, ""
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return k, text[k:j].lstrip("\"“‘'([")


def designation_word_left(text: str, s: int) -> bool:
    """ "Apt. 1C", "Prop. 13", "Article 370": a designation word right before."""
    return _word_before(text, s)[1].lower().rstrip(".,") in DESIGNATION_WORDS


def designation_left(text: str, s: int) -> bool:
    """ "Boeing 737", "Article 370", "iPhone 15": a capitalised or code word right before."""
    k, word = _word_before(text, s)
    if not word:
        return False
    low = word.lower().rstrip(".,")
    if low in DESIGNATION_WORDS:
        return True
    if low.endswith(("'", "’", "'s", "’s")):
        return False  # "the Bluejays' 11 assists": a possessive, not a model name
    if not any(c.isupper() for c in word) or not word[0].isalpha():
        return False
    if low in NOT_COUNTED or low in MONTHS or low in APPROX_LOWER:
        return False
    # a sentence-initial capitalised word is just the sentence start
    before = text[max(0, k - 2) : k].strip()
    return not (k == 0 or before[-1:] in ".!?\"“”'\n")


APPROX_LOWER = frozenset(w.lower() for w in APPROX_WORDS) | {"nearly", "only", "just", "another"}


def counted_noun(text: str, e: int, value: float, words: bool) -> tuple[int, str | None]:
    """The plural head noun a number counts: "five S-400 Triumf systems" -> "systems"."""
    pos = e
    skipped = 0
    modifiers = 0
    head: str | None = None
    head_end = e
    for _ in range(6):
        t = NEXT_TOKEN.match(text, pos)
        if t is None:
            break
        tok = t.group(1)
        low = tok.lower()
        if head is None and low in NOT_COUNTED and not _modifier(text, t.end(), low):
            return e, None
        if tok[0].isupper() or (not tok.isalpha() and HAS_DIGIT.search(tok)):
            if head is not None or modifiers:
                break
            skipped += 1
            if skipped > 3:
                return e, None
            pos = t.end()
            continue
        if not tok.replace("-", "").replace("'", "").replace("’", "").isalpha():
            break
        if is_plural(low):
            head, head_end = tok, t.end()
            pos = t.end()
            continue
        if head is not None:
            break
        modifiers += 1
        if modifiers > 3 or (low in NOT_COUNTED and not _modifier(text, t.end(), low)):
            return e, None
        pos = t.end()
    if head is None:
        return e, None
    if value == 1:
        return e, None  # "one of them", "1 in 5": a lone one rarely counts a plural
    after = NEXT_TOKEN.match(text, head_end)
    if (
        after is not None
        and after.group(1).lower() in _DETERMINERS
        and not _rate_after(text, after)
    ):
        return e, None  # "Sept. 6 faces the vote": the "plural" is a verb
    return head_end, head.lower()


def _modifier(text: str, end: int, low: str) -> bool:
    """ "two more years", "40 other sites": "more"/"other" modify the noun unless "than" follows."""
    if low not in ("more", "other", "fewer", "further", "additional"):
        return False
    nxt = NEXT_TOKEN.match(text, end)
    return nxt is not None and nxt.group(1).lower() != "than"


def _rate_after(text: str, after: re.Match[str]) -> bool:
    """ "25 bodies a week": "a" + a time word makes a rate, not a verb's object."""
    if after.group(1).lower() not in ("a", "an", "per"):
        return False
    unit = NEXT_TOKEN.match(text, after.end())
    return unit is not None and unit.group(1).lower() in RATE_PERIODS


_DETERMINERS = frozenset(
    ("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these")
)


def is_plural(w: str) -> bool:
    if w in IRREGULAR_PLURALS:
        return True
    if len(w) < 3 or not w.endswith("s") or w in NOT_COUNTED or w in NOT_PLURAL:
        return False
    return not w.endswith(("ss", "us", "is", "ous", "'s", "’s"))
