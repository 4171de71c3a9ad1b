"""Check-worthy claims with speaker, source, quotation and hedges.

Each sentence is scored by a small linear model (claims_model, trained on debate sentences by
scripts/train_claims.py) plus a few text rules the training data cannot teach (boilerplate,
fragments) and, inside an article, a nudge for the figures and named entities it carries.
Sentences scoring >= 0.5 are key claims; a statement with a named speaker (quoted, partly
quoted or reported) is a claim whatever its score. Each gets its speaker and source
(attribution, claim_rows, speakers), whether it is or holds a direct quotation, and its hedges.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import repeat

from tui.core.extract.attribution import SPEAKER_TRIGGERS, Attribution, attribute, is_credit
from tui.core.extract.claim_rows import (
    Row,
    group_claim,
    quotation_groups,
    share_quote_attribution,
)
from tui.core.extract.claims_features import features
from tui.core.extract.claims_model import sigmoid, weights
from tui.core.extract.hedges import HEDGE_TRIGGERS, find_hedges
from tui.core.extract.quotes import direct_quotes, has_quote_marks, mask, overlaps
from tui.core.extract.speakers import resolve_speakers
from tui.core.model import Claim, Entity, Figure, Span
from tui.core.sentences import split_paragraphs

CLAIM_THRESHOLD = 0.5
# Logit nudges inside an article (the debate-trained model never saw extractor output).
FIGURE_BONUS = 0.4
ENTITY_BONUS = 0.15
MAX_ENTITY_BONUS = 0.45
# Text rules: page furniture and fragments are never claims, whatever their words.
BOILERPLATE_PENALTY = 4.0
FRAGMENT_PENALTY = 2.0

_FURNITURE_WORDS = frozenset(
    str.split(
        "am pm a.m p.m updated published modified reserved copyright click sign subscribe "
        "newsletter follow read share download cookie cookies"
    )
)
_BOILERPLATE = re.compile(
    r"\b(?:\d{1,2}:\d\d\s*(?:[AaPp]\.?[Mm]\.?)|[Uu]pdated|[Pp]ublished|[Ll]ast modified|"
    r"[Aa]ll rights reserved|[Cc]opyright|[Cc]lick here|[Ss]ign up|[Ss]ubscribe|[Nn]ewsletter|"
    r"[Ff]ollow us|[Rr]ead more|[Aa]lso read|[Ss]hare this|[Dd]ownload the app|cookies?)\b|©"
)


def score_sentence(sentence: str, model: dict[str, float] | None = None) -> float:
    """Check-worthiness of one sentence in 0..1 (>= 0.5: a claim), from its text alone.

    `model` swaps in other weights (cross-validation); by default the shipped ones.
    """
    return sigmoid(_text_logit(sentence, features(sentence), model))


def _text_logit(sentence: str, fs: set[str], model: dict[str, float] | None = None) -> float:
    w = weights() if model is None else model
    z = w.get("", 0.0) + sum(map(w.get, fs, repeat(0.0, len(fs))))
    if "#len0" in fs:  # three tokens or fewer
        z -= FRAGMENT_PENALTY
    if (not _FURNITURE_WORDS.isdisjoint(fs) or "©" in sentence) and _BOILERPLATE.search(sentence):
        z -= BOILERPLATE_PENALTY
    return z


def extract_claims(
    text: str, sentences: list[Span], entities: list[Entity], figures: list[Figure]
) -> list[Claim]:
    """Attributed statements and check-worthy sentences, in document order.

    A sentence with a named speaker (quoted or reported) is a claim whatever its score; any
    other sentence is one when it scores >= 0.5. `key` marks those scoring >= 0.5. The
    sentences of one quoted passage make one claim. `entities` and `figures` may be empty:
    scoring works from the text alone; when given, they fill each claim's entity names and
    figure indexes, nudge the score up, and let speakers resolve to full PERSON names
    ("Shugayev added" -> "Dmitry Shugayev").
    """
    n = len(text)
    order = [i for i, (s, e) in enumerate(sentences) if 0 <= s < e <= n]
    order.sort(key=lambda i: sentences[i])
    if not order:
        return []
    paragraphs = split_paragraphs(text) if has_quote_marks(text) else [(0, n)]
    regions = direct_quotes(text, paragraphs)
    masked = mask(text, regions) if regions else text
    mentions = _mention_index(entities)
    rows = _rows(text, masked, sentences, order, regions, paragraphs, mentions, figures)
    share_quote_attribution(rows, regions, text, paragraphs)
    persons = [e for e in entities if e.label == "PERSON"]
    resolve_speakers(rows, persons, mentions, text, regions)
    for r in rows:
        if is_credit(text[r.start : r.end]):
            r.att, r.key = Attribution(), False  # a byline or credit is no statement
    claims = []
    for group in quotation_groups(rows):
        if len(group) > 1 or group[0].key or group[0].att.speaker or group[0].att.source:
            claim = group_claim(text, group)
            if claim is not None:
                claims.append(claim)
    return claims


def _rows(
    text: str,
    masked: str,
    sentences: list[Span],
    order: list[int],
    regions: list[Span],
    paragraphs: list[Span],
    mentions: list[tuple[int, int, str, str]],
    figures: list[Figure],
) -> list[Row]:
    """Each sentence scored, attributed and linked to its quotes, entities and figures."""
    region_ends = [r[1] for r in regions]
    mention_starts = [m[0] for m in mentions]
    fig_index = sorted((f.span[0], f.span[1], k) for k, f in enumerate(figures))
    fig_starts = [f[0] for f in fig_index]
    para_starts = [p[0] for p in paragraphs]
    rows: list[Row] = []
    for i in order:
        s, e = sentences[i]
        sent = text[s:e]
        fs = features(sent)
        z = _text_logit(sent, fs)
        ents = _entities_in(mentions, mention_starts, s, e) if mentions else []
        figs = _figures_in(fig_index, fig_starts, s, e) if fig_index else []
        if figs:
            z += FIGURE_BONUS
        if ents:
            z += min(MAX_ENTITY_BONUS, ENTITY_BONUS * len(ents))
        quoted = overlaps(regions, region_ends, s, e) if regions else []
        att = Attribution()
        if not fs.isdisjoint(SPEAKER_TRIGGERS):
            att = attribute(masked[s:e], fs)
        hedges = find_hedges(sent, fs) if not fs.isdisjoint(HEDGE_TRIGGERS) else []
        score = sigmoid(z)
        row = Row(i, s, e, score, att, quoted, hedges, ents, figs, key=score >= CLAIM_THRESHOLD)
        if regions:  # paragraphs matter only to share a quotation's speaker
            row.para = max(0, bisect_right(para_starts, s) - 1)
        rows.append(row)
    return rows


def _mention_index(entities: list[Entity]) -> list[tuple[int, int, str, str]]:
    """Every mention as (start, end, entity name, label), sorted by start."""
    out = [(s, e, ent.name, ent.label) for ent in entities for s, e in ent.mentions]
    out.sort()
    return out


def _entities_in(
    mentions: list[tuple[int, int, str, str]], starts: list[int], s: int, e: int
) -> list[str]:
    names: list[str] = []
    for j in range(bisect_left(starts, s), len(mentions)):
        ms, me, name, _ = mentions[j]
        if ms >= e:
            break
        if me <= e and name not in names:
            names.append(name)
    return names


def _figures_in(
    fig_index: list[tuple[int, int, int]], starts: list[int], s: int, e: int
) -> list[int]:
    out: list[int] = []
    for j in range(bisect_left(starts, s), len(fig_index)):
        fs, fe, k = fig_index[j]
        if fs >= e:
            break
        if fe <= e:
            out.append(k)
    return out
