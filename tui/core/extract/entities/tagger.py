"""The averaged-perceptron BIO tagger: weights, cached word vectors, greedy tagging."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tui.core.extract import ner_features as nf

# CoNLL types the tagger emits.
PER, ORG, LOC, MISC = "PER", "ORG", "LOC", "MISC"
TAG_TYPES = tuple(t[2:] if t != "O" else "" for t in nf.TAGS)
TAG_IS_B = tuple(t.startswith("B-") for t in nf.TAGS)
I_PER = nf.TAGS.index("I-PER")
# How much more than "O" (in weight units: the shipped weights are scaled by 100) a lone
# sentence-initial capitalised word must score to be a name ("Images have emerged...").
_FIRST_MARGIN = 400


@dataclass(slots=True)
class Model:
    weights: dict[str, list[int]]
    allowed: tuple[tuple[int, ...], ...]
    static: dict[tuple[str, bool, bool], list[int]] = field(default_factory=dict)
    context: dict[tuple[str, int, int], list[int]] = field(default_factory=dict)
    zero: list[int] = field(default_factory=lambda: [0] * len(nf.TAGS))
    # Word vectors shipped with the weights (frequent training words); `static` starts as it.
    base: dict[tuple[str, bool, bool], list[int]] = field(default_factory=dict)
    # Whole runs seen before, with the same neighbours: the same mentions (bounded).
    runs: dict[tuple[tuple[str, ...], str, str, bool], Any] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_model() -> Model:
    with gzip.open(nf.WEIGHTS_PATH, "rt", encoding="utf-8") as fh:
        blob = json.load(fh)
    if tuple(blob["tags"]) != nf.TAGS:
        raise ValueError("entity weights were trained for another tag set")
    # Integer weights (scaled by blob["scale"]) are used as they are: scaling every weight by
    # the same factor does not change which tag scores best.
    weights = blob["weights"]
    base = {(w, False, False): v for w, v in blob.get("static", {}).items()}
    allowed = []
    for prev in nf.TAGS:
        ptype = prev[2:] if prev != "O" else ""
        allowed.append(
            tuple(k for k, t in enumerate(nf.TAGS) if not t.startswith("I-") or t[2:] == ptype)
        )
    return Model(weights, tuple(allowed), dict(base), base=base)


def _static_vector(model: Model, word: str, caps: bool, first: bool) -> list[int]:
    key = (word, caps, first)
    vec = model.static.get(key)
    if vec is None:
        w = model.weights
        found = [v for v in map(w.get, nf.word_features(word, caps, first)) if v is not None]
        vec = list(map(sum, zip(*found, strict=False))) if found else model.zero
        if len(model.static) > 200_000:
            model.static = dict(model.base)
        model.static[key] = vec
    return vec


def _context_vector(model: Model, pos: str, n: int, prev_tag: int) -> list[int]:
    """Sum of the position, run-length and previous-tag weights (a handful of combinations)."""
    key = (pos, n, prev_tag)
    vec = model.context.get(key)
    if vec is None:
        vec = [0] * len(nf.TAGS)
        for f in ("pos=" + pos, "n=" + str(n), "pt=" + nf.TAGS[prev_tag]):
            v = model.weights.get(f)
            if v is not None:
                vec = [a + b for a, b in zip(vec, v, strict=False)]
        model.context[key] = vec
    return vec


def tag_run(model: Model, words: list[str], prev: str, nxt: str, caps: bool) -> list[int]:
    """Greedy left-to-right tags (indexes into nf.TAGS) for one run."""
    w = model.weights
    zero = model.zero
    static = model.static
    n = len(words)
    if n == 1:
        # The commonest run, one word: no loop, no neighbours inside the run.
        word = words[0]
        first = prev == "<S>"
        vs = static.get((word, caps, first))
        if vs is None:
            vs = _static_vector(model, word, caps, first)
        vc = model.context.get(("S", 1, 0))
        if vc is None:
            vc = _context_vector(model, "S", 1, 0)
        vp = w.get("pw=" + prev, zero)
        vn = w.get("nw=" + nxt, zero)
        al = model.allowed[0]
        sc = [vs[k] + vc[k] + vp[k] + vn[k] for k in al]
        top = max(sc)
        best = al[sc.index(top)]
        if best and prev in nf.STARTS and top - sc[0] < _FIRST_MARGIN:
            best = 0  # a lone word opening a sentence, quotation or clause needs a margin
        return [best]
    context = model.context
    allowed = model.allowed
    nn = min(n, 4)
    out: list[int] = []
    prev_tag = 0
    first = prev == "<S>"
    lowers = [x.lower() for x in words]
    last = n - 1
    for i, word in enumerate(words):
        vs = static.get((word, caps, first and i == 0))
        if vs is None:
            vs = _static_vector(model, word, caps, first and i == 0)
        pos = "B" if i == 0 else ("E" if i == last else "M")
        vc = context.get((pos, nn, prev_tag))
        if vc is None:
            vc = _context_vector(model, pos, nn, prev_tag)
        vp = w.get("pw=" + (lowers[i - 1] if i else prev), zero)
        vn = w.get("nw=" + (lowers[i + 1] if i < last else nxt), zero)
        al = allowed[prev_tag]
        sc = [vs[k] + vc[k] + vp[k] + vn[k] for k in al]
        top = max(sc)
        best = al[sc.index(top)]
        out.append(best)
        prev_tag = best
    return out


def bio_spans(tags: list[int]) -> list[tuple[int, int, str]]:
    """Token-index spans [i, j) with their CoNLL type."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    typ = ""
    for i, t in enumerate(tags):
        ttype = TAG_TYPES[t]
        if start >= 0 and (not ttype or TAG_IS_B[t] or ttype != typ):
            spans.append((start, i, typ))
            start = -1
        if ttype and start < 0:
            start, typ = i, ttype
    if start >= 0:
        spans.append((start, len(tags), typ))
    return spans
