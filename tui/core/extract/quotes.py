"""Quotations: where the quoted passages are, and which of them are reported speech."""

from __future__ import annotations

import re
from bisect import bisect_right

from tui.core.model import Span

_QUOTE_CHARS = re.compile(r"[\"“”]")
_SINGLE_QUOTED = re.compile(
    r"(?:^|(?<=[\s(:—–]))[‘'](?=[^\W\d_])([^\n]{3,1000}?)(?<=[\w.,!?])[’'](?=[\s.,;:!?)—–]|$)", re.M
)
_QUOTE_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|asked|asks|quoted|wrote|writes|stated|noted|"
    r"explained|warned|argued|insisted|replied|declared|stressed|tweeted|posted|according|"
    r"saying|remarked|commented|continued|recalled)\b|:\s*$",
    re.I,
)


def has_quote_marks(text: str) -> bool:
    """Whether the text may hold a quotation at all (a cheap test before quote_regions)."""
    return (
        '"' in text
        or "“" in text
        or "”" in text
        or "‘" in text
        or " '" in text
        or "\n'" in text
        or text[:1] == "'"
    )


def quote_regions(text: str, paragraphs: list[Span] | None = None) -> list[Span]:
    """Spans (inside the quotation marks) of the quoted passages, per paragraph.

    Straight quotes pair up in order; a curly “ opens and ” closes. An opening quote left
    unclosed runs to the end of its paragraph (news style for quotes spanning paragraphs).
    A paragraph without double quotes may use single ones (British style): ‘ or ' opening
    after a space and closing before a space or punctuation, so apostrophes inside words
    (Russia’s, don't) never count.
    """
    if not has_quote_marks(text):
        return []
    has_double = '"' in text or "“" in text or "”" in text
    if not paragraphs:
        paragraphs = [(0, len(text))]
    regions: list[Span] = []
    for p_start, p_end in paragraphs:
        if not has_double or not _QUOTE_CHARS.search(text, p_start, p_end):
            if (
                text.find("‘", p_start, p_end) < 0
                and text.find(" '", p_start, p_end) < 0
                and text[p_start : p_start + 1] != "'"
            ):
                continue
            for m in _SINGLE_QUOTED.finditer(text, p_start, p_end):
                regions.append((m.start(1), m.end(1)))
            continue
        open_at = -1
        for m in _QUOTE_CHARS.finditer(text, p_start, p_end):
            ch = m.group(0)
            if open_at < 0:
                if ch != "”":
                    open_at = m.end()
            elif ch != "“":
                regions.append((open_at, m.start()))
                open_at = -1
            else:  # a second opening curly quote: the first never closed
                regions.append((open_at, m.start()))
                open_at = m.end()
        if open_at >= 0 and p_end - open_at > 0:
            regions.append((open_at, p_end))
    return regions


def is_direct_quote(inner: str, before: str, after: str) -> bool:
    """Reported speech, not a title or scare quote: a speech cue beside it, or a long passage.

    `before` and `after` are the text just outside the quotation marks (same sentence).
    """
    n = len(inner.split())
    if n >= 8:
        return True
    if n < 3:
        return False
    return bool(_QUOTE_CUE.search(after[:60]) or _QUOTE_CUE.search(before[-60:]))


def direct_quotes(text: str, paragraphs: list[Span]) -> list[Span]:
    """Spans of the direct quotations (reported speech) in the text, sorted."""
    if not has_quote_marks(text):
        return []
    out = []
    for s, e in quote_regions(text, paragraphs):
        # The narration beside the quotation marks, within its line and sentence.
        w = max(0, s - 81)  # bounded look-back: linear in the text, however many quotes
        lo = max(text.rfind("\n", w, s), text.rfind(". ", w, max(w, s - 1)), w - 1) + 1
        hi = text.find("\n", e, e + 81)
        before = text[lo : max(s - 1, lo)]
        after = text[e + 1 : hi if hi >= 0 else e + 81]
        if not before.strip() and _after_attributed_quote(text, w, s - 1):
            before = text[w : s - 1]  # “A,” X said. “B.”: B goes on with the same speaker
        if is_direct_quote(text[s:e], before, after):
            out.append((s, e))
    return out


_CLOSING = re.compile(r"[”\"’'][^”\"\n]{1,60}$")


def _after_attributed_quote(text: str, lo: int, hi: int) -> bool:
    """Whether the sentence just before [hi] (same line) closed a quotation, then a narration."""
    line = text.rfind("\n", lo, hi) + 1 or lo
    return bool(_CLOSING.search(text, line, hi))


def mask(text: str, regions: list[Span]) -> str:
    """The text with quoted passages blanked (same length), so attribution reads only narration."""
    parts = []
    pos = 0
    for s, e in regions:
        parts.append(text[pos:s])
        parts.append(" " * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def overlaps(regions: list[Span], ends: list[int], s: int, e: int) -> list[int]:
    """Indexes of the (sorted, disjoint) regions that overlap [s, e)."""
    out = []
    for k in range(bisect_right(ends, s), len(regions)):
        if regions[k][0] >= e:
            break
        out.append(k)
    return out
