"""The vocabulary of a segment: sorted words, and how a query word matches them.

A query word matches vocabulary words exactly, by prefix (bisect), by fuzzy whole word
(rapidfuzz Levenshtein over the vocabulary words of a similar length) and by fuzzy prefix
(the word being typed, with a typo); each match kind has a score (the ranking tiers).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TypeVar

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from tui.core.search.matching import WordMatch

T = TypeVar("T")

# Per-word match scores: the ranking tiers (exact > prefix > fuzzy whole > fuzzy prefix).
SCORE_EXACT, SCORE_PREFIX = 8, 6
SCORE_FUZZY = {1: 4, 2: 3}
SCORE_FUZZY_PREFIX = {1: 2, 2: 1}
PREFIX_LENGTHS = range(3, 13)  # prefix tables kept for the fuzzy-prefix match


def once(cache: dict[str, object], name: str, make: Callable[[], T]) -> T:
    value = cache.get(name)
    if value is None:
        value = cache[name] = make()
    return value  # type: ignore[return-value]


class Vocabulary:
    """Sorted distinct words (``bisect`` gives a prefix's word-id range); the tables the
    fuzzy match needs are built on first use, so opening a large segment stays cheap."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self._lazy: dict[str, object] = {}

    @property
    def by_len(self) -> dict[int, list[str]]:
        """Words by length, for the fuzzy match (only similar lengths can be close)."""

        def make() -> dict[int, list[str]]:
            by_len: dict[int, list[str]] = {}
            for w in self.words:
                by_len.setdefault(len(w), []).append(w)
            return by_len

        return once(self._lazy, "by_len", make)

    def prefix_table(self, n: int) -> list[str]:
        """Distinct prefixes of length ``n`` (of longer words), for a word being typed."""

        def make() -> list[str]:
            # The words are sorted, so their prefixes come sorted: dict keeps the first of each.
            return list(dict.fromkeys([w[:n] for w in self.words if len(w) > n]))

        return once(self._lazy, f"prefix{n}", make) if n in PREFIX_LENGTHS else []

    def match(
        self, q: str, post: np.ndarray, off: np.ndarray, check: Callable[[], None]
    ) -> WordMatch:
        """How ``q`` matches: exact, prefix, fuzzy whole word, fuzzy prefix; docs per score."""
        words = self.words
        wm = WordMatch(q)
        lo = bisect_left(words, q)
        exact = lo < len(words) and words[lo] == q
        covered_hi = lo + 1 if exact else lo  # ids already matched exactly or by prefix
        if len(q) >= 2:
            covered_hi = bisect_left(words, q + "\U0010ffff", lo)
        n = len(q)
        k = 0 if n < 4 else 1 if n < 8 else 2
        if k:
            check()
            fuzzy_ids: dict[int, list[int]] = {}
            for length in range(n - k, n + k + 1):
                for w, d, _ in process.extract(
                    q,
                    self.by_len.get(length, ()),
                    scorer=Levenshtein.distance,
                    score_cutoff=k,
                    limit=None,
                ):
                    if d == 0 or w.startswith(q):
                        continue
                    wm.fuzzy[w] = int(d)
                    fuzzy_ids.setdefault(int(d), []).append(bisect_left(words, w))
            check()
            prefix_ids: dict[int, list[tuple[int, int]]] = {}
            for length in range(n - 1, n + 2):
                table = self.prefix_table(length)
                if not table:
                    continue
                # A word being typed keeps its first letter: compare with that block only.
                block = table[bisect_left(table, q[0]) : bisect_left(table, q[0] + "\U0010ffff")]
                for p, d, _ in process.extract(
                    q, block, scorer=Levenshtein.distance, score_cutoff=k, limit=None
                ):
                    if d == 0 or p.startswith(q) or q.startswith(p):
                        continue
                    wm.fuzzy_prefixes[p] = int(d)
                    a = bisect_left(words, p)
                    b = bisect_right(words, p + "\U0010ffff", a)
                    prefix_ids.setdefault(int(d), []).append((a, b))
            for d in sorted(prefix_ids, reverse=True):
                parts = [post[off[a] : off[b]] for a, b in prefix_ids[d]]
                wm.groups.append((SCORE_FUZZY_PREFIX[d], np.concatenate(parts)))
            for d in sorted(fuzzy_ids, reverse=True):
                parts = [post[off[i] : off[i + 1]] for i in fuzzy_ids[d]]
                wm.groups.append((SCORE_FUZZY[d], np.concatenate(parts)))
        if covered_hi > lo + (1 if exact else 0):
            a = lo + 1 if exact else lo
            wm.groups.append((SCORE_PREFIX, post[off[a] : off[covered_hi]]))
        if exact:
            wm.groups.append((SCORE_EXACT, post[off[lo] : off[lo + 1]]))
        return wm

