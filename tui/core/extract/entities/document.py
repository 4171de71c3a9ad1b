"""Document passes: label votes, headline and sentence-opener checks, surnames."""

from __future__ import annotations

import re

from tui.core.extract import ner_features as nf
from tui.core.extract.entities.aliases import merge_aliases
from tui.core.extract.entities.evidence import (
    credit_lines,
    inside_any,
    mixed_script,
    numbered_laws,
    ordinary_words,
    outside,
    places_by_pattern,
    quoted_works,
    trusted,
)
from tui.core.extract.entities.grouping import group
from tui.core.extract.entities.lexicon import GAZ_LABEL, gaz, gazetteer_names
from tui.core.extract.entities.mentions import RENAMED, Mention, key, tag_text
from tui.core.extract.entities.places import (
    compound_places,
    dateline_places,
    nicknamed_people,
)
from tui.core.extract.entities.words import TITLES
from tui.core.model import Entity, Span

_MODEL_NUMBER_RE = re.compile(r"[A-Z]?\d{2,4}[A-Za-z]{0,3}\Z")
_NUMBER_AFTER_RE = re.compile(r"[ \t]+([A-Z]?\d{2,4}[A-Za-z]{0,3})(?:[ \t]+([A-Z]{2,4})\b)?")


def _caps_label(m: Mention) -> str | None:
    """The label of a name from an all-caps line that the gazetteer or a designation confirms."""
    g = gaz()
    if m.label == "PRODUCT" and any(c.isdigit() for c in m.text):
        return "PRODUCT"
    form = " ".join(
        w if len(w) <= 4 and w.isalpha() and w in g["ORG"] else w.title() for w in m.tokens
    )
    for kind, label in GAZ_LABEL.items():
        if m.text in g[kind] or form in g[kind]:
            return label
    return None


def _has_lowercase_use(text: str, low: str, cache: dict[str, bool]) -> bool:
    """Whether the text also writes this word in lowercase, as a whole word."""
    found = cache.get(low)
    if found is None:
        found = cache[low] = _find_whole_word(text, low)
    return found


def _find_whole_word(text: str, low: str) -> bool:
    i = text.find(low)
    while i >= 0:
        j = i + len(low)
        if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
            return True
        i = text.find(low, j)
    return False


def _renamed_label(m: Mention, prev_m: Mention | None) -> str | None:
    """'(ex-Admiral Gorshkov)' right after a product names the same kind of thing."""
    if prev_m is None or m.start - prev_m.end > 12 or prev_m.label == RENAMED:
        return None
    return prev_m.label


def extract_entities(text: str, sentences: list[Span]) -> list[Entity]:
    """Entities named in the text, each with all its mentions (sorted, non-overlapping)."""
    if not text:
        return []
    if not sentences:
        from tui.core.sentences import split_sentences

        sentences = split_sentences(text)
    mentions, leftovers = tag_text(text, sentences)
    mentions.sort(key=lambda x: x.start)
    credits = credit_lines(text)
    if credits:
        mentions = outside(mentions, credits)
        leftovers = [t for t in leftovers if not inside_any(credits, t[0])]

    # Renamed things: "INS Vikramaditya (ex-Admiral Gorshkov)".
    if any(m.label == RENAMED for m in mentions):
        for i, m in enumerate(mentions):
            if m.label == RENAMED:
                m.label = _renamed_label(m, mentions[i - 1] if i else None) or ""
        mentions = [m for m in mentions if m.label]

    # One pass: extend "Boeing 737 MAX" (a maker followed by a model number), mark shouted
    # words, and count label votes per surface string (sentence-initial and all-caps mentions
    # vote less, rule and gazetteer labels more).
    g = gaz()
    makers = g["MAKER"]
    lower = nf.lowercase_words()
    extended = False
    votes: dict[str, dict[str, float]] = {}
    for m in mentions:
        if m.label == "ORG" and m.text in makers:
            nm = _NUMBER_AFTER_RE.match(text, m.end)
            if nm and _MODEL_NUMBER_RE.match(nm.group(1)):
                m.end = nm.end()
                m.text = text[m.start : m.end]
                m.tokens = tuple(m.text.split())
                m.label = "PRODUCT"
                m.key = key(m.text)
                extended = True
        upper = m.text.isupper()
        # Shouted words in a mixed line ("A SIMPLE GUIDE: How do I...") are treated as a
        # headline's: "HOPE" is "hope", but "TASS" and "NATO" are names.
        if upper and not m.caps and any(t.lower() in lower for t in m.tokens):
            m.caps = True
        weight = 0.5 if m.first or (upper and len(m.text) > 4) else 1.0
        if m.strong:
            weight *= 3.0
        d = votes.get(m.key)
        if d is None:
            votes[m.key] = {m.label: weight}
        else:
            d[m.label] = d.get(m.label, 0.0) + weight
    best_label = {
        k: (next(iter(d)) if len(d) == 1 else max(d, key=d.__getitem__)) for k, d in votes.items()
    }
    plain: dict[str, str] = {}
    for m in mentions:
        m.label = best_label[m.key]
        if not m.caps:
            plain.setdefault(m.key, m.label)
            if m.label == "PERSON" and len(m.tokens) > 1:
                plain.setdefault(key(m.tokens[-1]), "PERSON")

    # An all-caps line (a headline) keeps only names confirmed elsewhere in the text, known to
    # the gazetteer, or designations; a sentence-initial capitalised word that the text also
    # uses in lowercase ("Images have emerged", "images of") is an ordinary word.
    kept_m = []
    ordinary = ordinary_words(text, mentions)
    lower_cache: dict[str, bool] = {}
    surname: dict[str, str] = {}
    known: dict[str, str] = {}
    for m in mentions:
        if m.key in ordinary or mixed_script(m.text) or m.text in TITLES:
            continue  # an ordinary word, spam, or a title alone ("the Queen")
        if m.caps:
            lab = plain.get(m.key)
            if lab:
                m.label = lab
            elif _caps_label(m) is None:
                continue
        elif m.first and len(m.tokens) == 1 and m.label != "PRODUCT" and not m.strong:
            low = m.text.lower()
            if (
                low != m.text
                and (
                    _has_lowercase_use(text, low, lower_cache)
                    # "Emails were sent" when the text says "email"; "Unsurprisingly, ..."
                    or (low.endswith("s") and _has_lowercase_use(text, low[:-1], lower_cache))
                    or (low.endswith("ly") and text.startswith(",", m.end))
                )
            ):
                continue
        kept_m.append(m)
        known.setdefault(m.key, m.label)
        if m.label == "PERSON" and len(m.tokens) >= 2:
            last = m.tokens[-1]
            if last.isalpha() and not last.isupper():
                surname.setdefault(last, "PERSON")
    mentions = kept_m

    # Surnames and other single tokens left untagged that match a known entity.
    if surname:
        places = gazetteer_names()
        for m in mentions:
            if (
                len(m.tokens) == 1
                and m.label in ("ORG", "GPE", "NORP")
                and m.tokens[0] in surname
                and m.text not in places
            ):
                m.label = "PERSON"
    extra = []
    notent = g["NOTENT"]
    for a, b in leftovers:
        w = text[a:b]
        lab = surname.get(w) or known.get(key(w))
        if lab and w not in notent:
            extra.append(Mention(a, b, lab, w, (w,), False))
    if extra:
        mentions.extend(extra)
        mentions.sort(key=lambda x: x.start)
    if extra or extended:
        # Mentions never overlap (a rule may have extended one over the next).
        kept: list[Mention] = []
        for m in mentions:
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        mentions = kept
    places_by_pattern(text, mentions)
    mentions = compound_places(text, dateline_places(text, mentions))
    mentions = nicknamed_people(text, mentions)
    mentions = numbered_laws(text, mentions)
    mentions = quoted_works(text, mentions)
    return trusted(text, merge_aliases(group(text, mentions)))
