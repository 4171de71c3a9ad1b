"""Hedging cues: "reportedly", "is believed to", "may" (not May the month)...

Cheap enough to run on every sentence: a set of trigger words (the lower-cased tokens and
bigrams of claims_features) picks the few phrases worth a regular expression.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

# Longest first, so "according to unconfirmed reports" wins over "unconfirmed".
_HEDGE_PHRASES = sorted(
    [
        "according to unconfirmed reports",
        "according to sources",
        "sources said",
        "sources say",
        "sources told",
        "is believed to",
        "are believed to",
        "was believed to",
        "were believed to",
        "is said to",
        "are said to",
        "was said to",
        "were said to",
        "is thought to",
        "are thought to",
        "is understood to",
        "is expected to",
        "are expected to",
        "appears to",
        "appear to",
        "appeared to",
        "seems to",
        "seem to",
        "seemed to",
        "reportedly",
        "allegedly",
        "alleged",
        "expected",
        "may",
        "might",
        "could",
        "likely",
        "unlikely",
        "possibly",
        "probably",
        "perhaps",
        "seems",
        "apparently",
        "supposedly",
        "presumably",
        "estimated",
        "suspected",
        "unverified",
        "unconfirmed",
        "rumoured",
        "rumored",
        "purportedly",
        "purported",
        "claimed",
        "speculated",
    ],
    key=len,
    reverse=True,
)
_HEDGE = re.compile(
    r"(?<![\w’'-])(?:"
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _HEDGE_PHRASES)
    + r")"
    r"(?![\w-])",
    re.I,
)
# Tokens / bigrams (as claims_features writes them) that can start a hedge: the quick filter.
HEDGE_TRIGGERS = frozenset(
    {p for p in _HEDGE_PHRASES if " " not in p}
    | {"believed to", "said to", "thought to", "understood to", "sources said", "sources say"}
    | {"sources told", "appears to", "appear to", "appeared to", "seems to", "seem to"}
    | {"seemed to", "unconfirmed reports", "according to"}
)
# "May" the month: "May’s", "May 3", "May 2025", "in May", "last May"...
_MONTH_AFTER = re.compile(r"\s*(?:['’]s\b|\d)")
_MONTH_BEFORE = re.compile(
    r"(?:\b(?:in|on|since|until|till|by|from|to|of|last|next|early|late|mid|this|during|"
    r"before|after|through)|\d|[-–])\s*$",
    re.I,
)


def _phrase_keys(phrase: str) -> set[str]:
    words = phrase.split()
    return set(words) | {a + " " + b for a, b in pairwise(words)}


_PHRASES_BY_TRIGGER: dict[str, list[str]] = {}
for _p in _HEDGE_PHRASES:
    for _k in _phrase_keys(_p) & HEDGE_TRIGGERS:
        _PHRASES_BY_TRIGGER.setdefault(_k, []).append(_p)


@lru_cache(maxsize=512)
def _hedge_regex(triggers: frozenset[str]) -> re.Pattern[str]:
    """A small alternation of just the phrases these triggers can start (longest first)."""
    phrases = sorted({p for t in triggers for p in _PHRASES_BY_TRIGGER.get(t, ())}, key=len)
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in reversed(phrases))
    return re.compile(r"(?<![\w’'-])(?:" + (alternation or "(?!)") + r")(?![\w-])", re.I)


def find_hedges(sentence: str, words: set[str] | frozenset[str] | None = None) -> list[str]:
    """The hedging cues in the sentence, as written, in order (may-the-month is skipped).

    `words`: the sentence's claims_features set, if at hand; it narrows the search to the
    phrases its tokens can start (much faster than the full alternation).
    """
    out: list[str] = []
    if words is None:
        pattern = _HEDGE
    else:
        hits = HEDGE_TRIGGERS.intersection(words)
        if not hits:
            return out
        pattern = _hedge_regex(frozenset(hits))
    for m in pattern.finditer(sentence):
        word = m.group(0)
        if word[0] == "M" and word.lower() == "may" and not _is_modal_may(sentence, m.start()):
            continue
        out.append(" ".join(word.split()))
    return out


def _is_modal_may(sentence: str, start: int) -> bool:
    """A capitalised "May" is the verb only where a sentence (or a quotation) opens with it."""
    after = sentence[start + 3 : start + 7]
    if _MONTH_AFTER.match(after):
        return False
    before = sentence[max(0, start - 12) : start]
    if _MONTH_BEFORE.search(before):
        return False
    return before.strip() in ("", '"', "“", "(", "‘", "'")
