"""How a query word matched the vocabulary, and which characters of a hit to highlight."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz.distance import Levenshtein

from tui.core.search.normalise import PART_RE, WORD_RE, fold


@dataclass(slots=True)
class WordMatch:
    """How one query word matches the vocabulary, and the documents per match score."""

    word: str
    groups: list[tuple[int, np.ndarray]] = field(default_factory=list)  # ascending score
    fuzzy: dict[str, int] = field(default_factory=dict)  # vocabulary word -> distance
    fuzzy_prefixes: dict[str, int] = field(default_factory=dict)  # prefix -> distance
    _prefix_tuple: tuple[str, ...] | None = None

    @property
    def found(self) -> bool:
        return any(len(d) for _, d in self.groups)

    def classify(self, word: str) -> tuple[str, str] | None:
        """How ``word`` (normalised) matched: ``(tier, the part compared)`` or None."""
        q = self.word
        if word == q:
            return "exact", word
        if len(q) >= 2 and word.startswith(q):
            return "prefix", q
        if word in self.fuzzy:
            return "fuzzy", word
        if self._prefix_tuple is None:
            self._prefix_tuple = tuple(self.fuzzy_prefixes)
        if self._prefix_tuple and word.startswith(self._prefix_tuple):
            for p in self._prefix_tuple:
                if word.startswith(p):
                    return "fuzzy", p
        return None


def match_positions(
    text: str, matches: Sequence[WordMatch], phrases: Sequence[re.Pattern[str]] = ()
) -> tuple[int, ...]:
    """Offsets in ``text`` of the characters that matched (for highlighting)."""
    found: set[int] = set()
    for pattern in phrases:
        for m in pattern.finditer(text):
            found.update(range(m.start(), m.end()))
    # Every matching word starts with one of these: a cheap first test per word.
    starts = tuple({p for wm in matches for p in (wm.word, *wm.fuzzy, *wm.fuzzy_prefixes) if p})
    if starts:
        for m in WORD_RE.finditer(text):
            raw, start = m.group(0), m.start()
            if raw.isalnum():
                word = fold(raw)
                if word.startswith(starts):
                    _mark(word, range(start, m.end()), matches, found)
                continue
            offsets: list[int] = []
            parts: list[str] = []
            for p in PART_RE.finditer(raw):
                part_offsets = range(start + p.start(), start + p.end())
                offsets.extend(part_offsets)
                part = fold(p.group(0))
                parts.append(part)
                if part.startswith(starts):
                    _mark(part, part_offsets, matches, found)
            joined = "".join(parts)
            if joined.startswith(starts):
                _mark(joined, offsets, matches, found)
    return tuple(sorted(p for p in found if 0 <= p < len(text)))


def _mark(word: str, offsets: Sequence[int], matches: Sequence[WordMatch], found: set[int]) -> None:
    for wm in matches:
        how = wm.classify(word)
        if how is None:
            continue
        tier, target = how
        if tier == "exact" or len(word) != len(offsets):
            # Normalisation changed the length (e.g. "ß" -> "ss"): mark the whole word.
            found.update(offsets)
        elif tier == "prefix":
            found.update(offsets[: len(wm.word)])
        else:
            for tag, _i1, _i2, j1, j2 in Levenshtein.opcodes(wm.word, target):
                if tag == "equal":
                    found.update(offsets[int(j1) : int(j2)])
