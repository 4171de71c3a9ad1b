"""Mentions: the runs of each sentence tagged, ruled and cached."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from tui.core.extract import ner_features as nf
from tui.core.extract.entities.rules import run_specs
from tui.core.extract.entities.tagger import load_model, tag_run
from tui.core.extract.entities.words import HEADLINE_SMALL, TITLE_CASE_SMALL
from tui.core.model import Span

_RENAMED_BEFORE_RE = re.compile(r"\(\s*(?:ex-|formerly\s+|former\s+)\Z")
RENAMED = "?renamed"


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    label: str  # OntoNotes label
    text: str
    tokens: tuple[str, ...]
    first: bool  # sentence-initial
    key: str = ""
    caps: bool = False  # found in an all-caps line
    strong: bool = False  # labelled by a rule or the gazetteer rather than the tagger alone

    def __post_init__(self) -> None:
        t = self.text
        self.key = t.casefold() if t.isalnum() else key(t)


def tag_text(text: str, sentences: list[Span]) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Mentions found by the tagger and rules, plus untagged run tokens (for doc consistency)."""
    model = load_model()
    mentions: list[Mention] = []
    leftovers: list[tuple[int, int]] = []
    iter_runs = nf.iter_runs
    cache = model.runs
    if any(a[0] > b[0] for a, b in itertools.pairwise(sentences)):
        sentences = sorted(sentences)
    done = 0  # sentence spans may overlap or overrun the text: never read a character twice
    size = len(text)
    for ss, se in sentences:
        ss = max(ss, done)
        se = min(se, size)
        if ss >= se:
            continue
        done = se
        caps = nf.sentence_is_caps(text, ss, se)
        # A Title Case headline ("San Francisco To Begin Income Program For Artists") is
        # tagged as prose, but its names must be confirmed like an all-caps headline's.
        titled = not caps and _is_title_case(text, ss, se)
        start_mentions = len(mentions)
        for toks, prev, nxt in iter_runs(text, ss, se, caps):
            rs = toks[0][0]
            if prev in ("-", "formerly", "former") and _RENAMED_BEFORE_RE.search(
                text, max(ss, rs - 12), rs
            ):
                # "(ex-Admiral Gorshkov)": the whole run names the thing before it; its label
                # is settled in extract_entities.
                a, b = toks[0][0], toks[-1][1]
                renamed = tuple(text[a:b].split())
                mentions.append(Mention(a, b, RENAMED, text[a:b], renamed, False))
                continue
            words = [text[a:b] for a, b in toks]
            run_key = (tuple(words), prev, nxt, caps)
            found = cache.get(run_key)
            if found is None:
                found = run_specs(words, tag_run(model, words, prev, nxt, caps), nxt, caps)
                if len(cache) > 100_000:
                    cache.clear()
                cache[run_key] = found
            specs, left = found
            first = prev == "<S>"
            for i, j, lab, strong in specs:
                a, b = toks[i][0], toks[j - 1][1]
                mentions.append(
                    Mention(
                        a,
                        b,
                        lab,
                        text[a:b],
                        tuple(words[i:j]),
                        first and i == 0,
                        caps=caps,
                        strong=strong,
                    )
                )
            for k in left:
                leftovers.append(toks[k])
        if titled:
            for m in mentions[start_mentions:]:
                m.caps = True
    return mentions, leftovers


_TITLE_SMALL_RE = re.compile(r" (?:To|For|In|Of|On|With|And|The|A|At|By) ")


def _is_title_case(text: str, start: int, end: int) -> bool:
    """A headline in Title Case: several words, nearly all capitalised, small words too; or a
    line of its own, unpunctuated, whose every word but the small ones is capitalised."""
    if end - start > 200:
        return False
    if _is_headline_line(text, start, end):
        return True
    if not _TITLE_SMALL_RE.search(text, start, end):
        return False
    words = [w for w in text[start:end].split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    small = sum(1 for w in words[1:] if w in TITLE_CASE_SMALL)
    return small >= 1 and capitalised >= 0.8 * len(words)


def _is_headline_line(text: str, start: int, end: int) -> bool:
    """'2023 on Track to Break Temperature Records', 'Blockade and Little Aid'."""
    if (start and text[start - 1] != "\n") or text.startswith(".", end - 1):
        return False
    if end < len(text) and text[end:].lstrip(" \t")[:1] not in ("\n", ""):
        return False
    words = [w for w in text[start:end].split() if w[:1].isalpha()]
    if not 3 <= len(words) <= 15:
        return False
    if not all(w[:1].isupper() or w in HEADLINE_SMALL for w in words):
        return False
    # Ordinary words capitalised, not a line of names ("Leeds 1 Arsenal 0").
    common = nf.lowercase_words()
    return sum(1 for w in words if w[:1].isupper() and w.lower() in common) >= 2


def key(s: str) -> str:
    return " ".join(s.split()).casefold().replace("’", "'")
