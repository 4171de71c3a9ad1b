"""Text normalisation shared by the index and the query: case, accents, joined words.

A word is a run of letters and digits; words joined by a hyphen, apostrophe or dot
("S-400", "Russia's", "U.S.") also form one compound word ("s400", "russias", "us"), so
"s400", "s-400" and "s 400" all find "S-400".
"""

from __future__ import annotations

import re
import unicodedata

# Letters/digits, optionally joined into a compound by one hyphen, apostrophe or dot.
WORD_RE = re.compile(r"[^\W_]+(?:[-'’‐‑.][^\W_]+)*")
PART_RE = re.compile(r"[^\W_]+")
_JOINERS = re.compile(r"[-'’‐‑.]")


class _FoldTable(dict[int, str]):
    """``str.translate`` table folding one character at a time, filled on first use."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code).casefold())
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(m: re.Match[str]) -> str:
    return m.group(0).translate(_FOLD)


def fold(text: str) -> str:
    """Case-fold and strip accents (``"Müller"`` -> ``"muller"``)."""
    if text.isascii():
        return text.lower()
    # Most text is ASCII with a few curly quotes or dashes: fold only the non-ASCII runs.
    return _NON_ASCII.sub(_fold_run, text.lower())


def index_words(text: str) -> set[str]:
    """The distinct normalised words of ``text``: plain parts plus joined compounds."""
    folded = fold(text)
    words = set(WORD_RE.findall(folded))
    if _may_join(folded):
        for compound in [w for w in words if not w.isalnum()]:
            words.discard(compound)
            parts = _JOINERS.split(compound)
            words.update(parts)
            words.add("".join(parts))
    return words


def _may_join(folded: str) -> bool:
    # Cheap substring tests first: most sentences have no compound at all (the final
    # full stop does not count).
    return (
        "-" in folded
        or "'" in folded
        or "’" in folded
        or "‐" in folded
        or "‑" in folded
        or folded.find(".", 0, len(folded) - 1) >= 0
    )


def query_words(text: str) -> list[str]:
    """The normalised words of a query, in order; joined compounds stay one word."""
    return [_JOINERS.sub("", w) for w in WORD_RE.findall(fold(text)) if w]


def word_sequence(text: str) -> list[str]:
    """The normalised words of ``text`` in order, compounds joined (for phrase checks)."""
    return query_words(text)
