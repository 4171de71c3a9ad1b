"""Check-worthy claims with speaker, source, quotation and hedges.

Each sentence is scored by a small linear model (claims_model, trained on debate sentences by
scripts/train_claims.py) plus a few text rules the training data cannot teach (boilerplate,
fragments) and, inside an article, a nudge for the figures and named entities it carries.
Sentences scoring >= 0.5 are claims; each gets its speaker and source (attribution), whether
it is or contains a direct quotation, and its hedging cues.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import repeat

from tui.core.extract.attribution import (
    HEDGE_TRIGGERS,
    SPEAKER_TRIGGERS,
    Attribution,
    attribute,
    find_hedges,
    has_quote_marks,
    is_direct_quote,
    quote_regions,
)
from tui.core.extract.claims_features import features
from tui.core.extract.claims_model import sigmoid, weights
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

# A full personal name: two to four capitalised words (particles allowed).
_PERSON_LIKE = re.compile(
    r"^[A-Z][\w’'.-]+(?:\s+(?:(?:de|da|di|del|des|du|dos|van|von|der|al|bin|la|le)\s+){0,2}"
    r"[A-Z][\w’'.-]+){1,3}$"
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
    """Sentences judged to be claims (score >= 0.5), in document order.

    `entities` and `figures` may be empty: scoring works from the text alone; when given,
    they fill each claim's entity names and figure indexes, nudge the score up, and let
    speakers resolve to full PERSON names ("Shugayev added" -> "Dmitry Shugayev").
    """
    n = len(text)
    order = [i for i, (s, e) in enumerate(sentences) if 0 <= s < e <= n]
    order.sort(key=lambda i: sentences[i])
    if not order:
        return []
    regions = _direct_quotes(text)
    masked = _mask(text, regions) if regions else text
    region_ends = [r[1] for r in regions]
    mentions = _mention_index(entities)
    mention_starts = [m[0] for m in mentions]
    fig_index = sorted((f.span[0], f.span[1], k) for k, f in enumerate(figures))
    fig_starts = [f[0] for f in fig_index]
    persons = [e for e in entities if e.label == "PERSON"]

    rows: list[_Row] = []
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
        quoted = _overlaps(regions, region_ends, s, e) if regions else []
        att = Attribution()
        if not fs.isdisjoint(SPEAKER_TRIGGERS):
            att = attribute(masked[s:e], fs)
        hedges = find_hedges(sent, fs) if not fs.isdisjoint(HEDGE_TRIGGERS) else []
        rows.append(_Row(i, s, e, sigmoid(z), att, quoted, hedges, ents, figs))

    _share_quote_attribution(rows, regions)
    _resolve_speakers(rows, persons, mentions)
    return [
        Claim(
            text=text[r.start : r.end],
            span=(r.start, r.end),
            sentence=r.index,
            score=round(r.score, 4),
            speaker=r.att.speaker,
            source=r.att.source,
            quote=bool(r.quote_regions),
            hedges=r.hedges,
            entities=r.entities,
            figures=r.figures,
        )
        for r in rows
        if r.score >= CLAIM_THRESHOLD
    ]


@dataclass(slots=True)
class _Row:
    """One sentence on its way to becoming a claim."""

    index: int
    start: int
    end: int
    score: float
    att: Attribution
    quote_regions: list[int]
    hedges: list[str]
    entities: list[str]
    figures: list[int]


def _direct_quotes(text: str) -> list[Span]:
    """Spans of the direct quotations (reported speech) in the text, sorted."""
    if not has_quote_marks(text):
        return []
    out = []
    for s, e in quote_regions(text, split_paragraphs(text)):
        # The narration beside the quotation marks, within its line and sentence.
        w = max(0, s - 81)  # bounded look-back: linear in the text, however many quotes
        lo = max(text.rfind("\n", w, s), text.rfind(". ", w, max(w, s - 1)), w - 1) + 1
        hi = text.find("\n", e, e + 81)
        before = text[lo : max(s - 1, lo)]
        after = text[e + 1 : hi if hi >= 0 else e + 81]
        if is_direct_quote(text[s:e], before, after):
            out.append((s, e))
    return out


def _mask(text: str, regions: list[Span]) -> str:
    """The text with quoted passages blanked (same length), so attribution reads only narration."""
    parts = []
    pos = 0
    for s, e in regions:
        parts.append(text[pos:s])
        parts.append(" " * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _overlaps(regions: list[Span], ends: list[int], s: int, e: int) -> list[int]:
    """Indexes of the (sorted, disjoint) regions that overlap [s, e)."""
    out = []
    for k in range(bisect_right(ends, s), len(regions)):
        if regions[k][0] >= e:
            break
        out.append(k)
    return out


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


def _share_quote_attribution(rows: list[_Row], regions: list[Span]) -> None:
    """Every sentence of a quotation takes the speaker and source found around it."""
    if not regions:
        return
    by_region: dict[int, list[_Row]] = {}
    for r in rows:
        for k in r.quote_regions:
            by_region.setdefault(k, []).append(r)
    for members in by_region.values():
        donor = next((r.att for r in members if r.att.speaker or r.att.pronoun), None)
        donor = donor or next((r.att for r in members if r.att.source), None)
        if donor is None:
            continue
        for r in members:
            if not (r.att.speaker or r.att.pronoun):
                r.att = Attribution(donor.speaker, r.att.source or donor.source, donor.pronoun)


_MAX_SEEN = 50  # speakers remembered for surname resolution (bounds the work per sentence)


class _PersonIndex:
    """PERSON entities by exact name/alias and by each word of their names."""

    def __init__(self, persons: list[Entity]) -> None:
        self.exact: dict[str, str] = {}
        self.by_word: dict[str, list[str]] = {}
        for ent in persons:
            for form in (ent.name, *ent.aliases):
                self.exact.setdefault(form, ent.name)
                for w in form.split():
                    names = self.by_word.setdefault(w, [])
                    if ent.name not in names:
                        names.append(ent.name)

    def resolve(self, surface: str, seen: list[str]) -> str:
        """The full name for a speaker: an exact entity, one containing the surface or
        contained in it ("Finance Minister Nirmala Sitharaman"), else an earlier speaker."""
        if not surface[:1].isupper():
            return surface
        if surface in self.exact:
            return self.exact[surface]
        pattern = _whole_word(surface)
        candidates: list[str] = []
        for w in surface.split():
            for name in self.by_word.get(w, ()):
                if name not in candidates:
                    candidates.append(name)
        for name in candidates:  # the speaker phrase holds a title around the name
            if len(name) < len(surface) and _whole_word(name).search(surface):
                return name
        for name in candidates:
            if len(name) > len(surface) and pattern.search(name):
                return name
        for name in reversed(seen):
            if len(name) > len(surface) and pattern.search(name):
                return name
        return surface


def _resolve_speakers(
    rows: list[_Row], persons: list[Entity], mentions: list[tuple[int, int, str, str]]
) -> None:
    """Short names to full PERSON names; "he"/"she" to the last person named before."""
    person_mentions = [(s, name) for s, _, name, label in mentions if label == "PERSON"]
    pm_starts = [m[0] for m in person_mentions]
    index = _PersonIndex(persons)
    seen: list[str] = []  # full speaker names met so far, most recent last
    last_speaker: tuple[int, str] | None = None
    for r in rows:
        att = r.att
        if att.speaker:
            att.speaker = index.resolve(att.speaker, seen)
            if _PERSON_LIKE.match(att.speaker):
                if att.speaker in seen:
                    seen.remove(att.speaker)
                seen.append(att.speaker)
                del seen[:-_MAX_SEEN]
                last_speaker = (r.start, att.speaker)
        elif att.pronoun:
            k = bisect_left(pm_starts, r.start) - 1
            by_entity = person_mentions[k] if k >= 0 else None
            best = last_speaker
            if by_entity and (best is None or by_entity[0] > best[0]):
                best = by_entity
            att.speaker = best[1] if best else None


def _whole_word(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])")
