"""Gazetteer look-ups and the mapping of tagger types to OntoNotes labels."""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.extract import ner_features as nf
from tui.core.extract.entities.tagger import LOC, MISC, ORG, PER
from tui.core.extract.entities.words import (
    ADJECTIVAL,
    COMPANY_CUES,
    DIRECTIONS,
    EVENT_CUES,
    EVENT_PREFIXES,
    GPE_CUES,
    INSTITUTIONS,
    LAW_CUES,
    NOBLE_TITLES,
    ORG_PLACES,
    PEERAGE,
    STRONG_ORGCUE,
)

DESIGNATION_RE = re.compile(r"[A-Z][A-Za-z]{0,3}[-‐‑]?\d{1,4}[A-Za-z]{0,4}\Z")


@lru_cache(maxsize=1)
def gaz() -> dict[str, set[str]]:
    return nf.gazetteer()


def is_designation(word: str) -> bool:
    return (
        bool(DESIGNATION_RE.match(word))
        and any(c.isdigit() for c in word)
        and ("-" in word or "‐" in word or "‑" in word or sum(c.isupper() for c in word) >= 2)
    )


def map_label(typ: str, words: list[str], nxt: str) -> str | None:
    """OntoNotes label for a tagger span, or None to drop it."""
    g = gaz()
    name = words[0] if len(words) == 1 else " ".join(words)
    last = words[-1]
    if name in g["PRODUCT"] or last in g["PRODUCT"]:
        return "PRODUCT"
    if name in g["MAKER"]:
        return "ORG"
    if len(words) == 1 and last.endswith("ism") and last[:1].isupper() and last[1:].islower():
        return "NORP"  # "Thatcherism": a movement, as OntoNotes types it
    if name in g["REGION"] and typ != PER:
        return "LOC"  # "Earth", "Middle East", whatever type the tagger gave
    if len(words) > 1 and "&" in words:
        return "ORG"  # "Pacific Gas & Electric" is no person
    if len(words) > 1 and words[0] in DIRECTIONS and " ".join(words[1:]) in _places():
        return "LOC"  # "Southern California", "Western North Carolina"
    if len(words) > 1:
        cued = _cue_label(words)
        if cued:
            return cued
    if len(words) > 1 and last in STRONG_ORGCUE and typ != ORG:
        return "ORG"
    if len(words) == 1 and typ != MISC and _is_acronym(name):
        names = gazetteer_names()
        if name not in names and name.title() not in names:
            return "ORG"  # "DEA", "CITT": an acronym is an organisation unless a place is known
    if typ == PER and name in nf.place_names() and name not in g["ORG"]:
        return "GPE"  # "Mato Grosso": a city or region the tagger never met
    if typ == ORG and name in nf.place_names_never_org() and name not in g["ORG"]:
        return "GPE"  # "Daejeon", but not "Leeds" (a team in CoNLL)
    if typ == PER:
        if len(words) == 1 and (name in g["COUNTRY"] or name in g["STATE"]):
            return "GPE"
        if len(words) > 1 and last in g["LOCCUE"]:
            return "LOC"  # "Hart Island"
        if len(words) > 1 and last in g["FACCUE"]:
            return "FAC"  # "Bruckner Boulevard"
        return "PERSON"
    if typ == ORG:
        if name in g["NORP"]:
            return "NORP"
        if words[0] in g["EVENTCUE"] and words[0] == "Operation":
            return "EVENT"
        return "ORG"
    if words[0] in ("Camp", "Fort", "Mount", "Lake") and len(words) > 1 and typ != PER:
        return "FAC" if words[0] in ("Camp", "Fort") else "LOC"
    if name in g["REGION"] and typ != PER:
        return "LOC"
    if typ == LOC:
        if name in g["COUNTRY"] or name in g["CITY"] or name in g["STATE"]:
            return "GPE"
        if last in g["FACCUE"] or name in g["FACCUE"]:
            return "FAC"
        if last in g["LOCCUE"] or words[0] in g["LOCCUE"]:
            return "LOC"
        return "GPE"
    # MISC
    if last.endswith(ADJECTIVAL):
        return None
    if name in g["NORP"] or (len(words) == 1 and _looks_norp(last)):
        return "NORP"
    if last in g["EVENTCUE"] or words[0] in ("Operation", "Battle", "World"):
        return "EVENT"
    if nxt in g["PRODNOUN"] or any(is_designation(w) for w in words):
        return "PRODUCT"
    return None


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    g = gaz()
    names = set(nf.place_names())
    for kind in ("COUNTRY", "STATE", "CITY", "REGION"):
        names |= g[kind]
    return frozenset(names)


def _cue_label(words: list[str]) -> str | None:
    """The label a name's first or last word settles: laws, events, places, companies."""
    last = words[-1]
    if len(words) >= 3 and words[0] in NOBLE_TITLES and words[1] == "of":
        return "PERSON"  # "Duchess of Sussex", "Duke of Edinburgh"
    if words[0] in PEERAGE and words[1][:1].isupper():
        return "PERSON"  # "Lord Curry", "Sir Keir Starmer"
    if last in LAW_CUES and (len(words) > 2 or last not in ("Bill", "Law")):
        return "LAW"
    if last in EVENT_CUES or words[0] in EVENT_PREFIXES:
        return "EVENT"
    if last in GPE_CUES:
        return "GPE"
    g = gaz()
    if last in g["LOCCUE"] and last not in ORG_PLACES:
        return "LOC"  # "Lake District", "Essequibo Coast"
    if last in g["FACCUE"] and last not in ORG_PLACES:
        return "FAC"  # "Lake Chabot Road", "Tuileries Garden"
    if last in INSTITUTIONS:
        return "ORG"  # "Al-Shifa Hospital": the hospital as an institution
    if last in COMPANY_CUES:
        return "ORG"
    return None


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 5 and word.isupper() and word.isalpha()


def _looks_norp(word: str) -> bool:
    low = word.lower()
    return low.endswith(("ian", "ians", "ese", "ish", "ani", "an", "ans", "i", "is")) and (
        word[:1].isupper() and not word.isupper()
    )


GAZ_LABEL = {
    "ORG": "ORG",
    "MAKER": "ORG",
    "COUNTRY": "GPE",
    "REGION": "LOC",
    "CITY": "GPE",
    "STATE": "GPE",
    "PRODUCT": "PRODUCT",
    "NORP": "NORP",
}


@lru_cache(maxsize=1)
def multiword() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Multi-word gazetteer names by first word, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, label in GAZ_LABEL.items():
        for name in gaz()[kind]:
            words = tuple(name.split())
            if len(words) > 1:
                out.setdefault(words[0], []).append((words, label))
    for v in out.values():
        v.sort(key=lambda x: -len(x[0]))
    return out


@lru_cache(maxsize=1)
def gazetteer_names() -> frozenset[str]:
    return frozenset(name for kind in GAZ_LABEL for name in gaz()[kind])


def is_connector(word: str) -> bool:
    """ "of", "the", "&", "de" join a name but never start or end one ("al-Abadi" does)."""
    return (not word[:1].isupper() and not word[:1].isdigit() and word.islower()) or word == "&"


def is_contraction(word: str) -> bool:
    """ "We're", "I’ve", "Let's": a pronoun or verb with a clitic, not a name."""
    for apo in ("'", "’"):
        i = word.find(apo)
        if i > 0:
            return word[:i].lower() in nf.common_words() or word[:i] == "I"
    return False


def gazetteer_label(w: str, caps: bool) -> str | None:
    """Label of a word the tagger left out that the gazetteer knows for sure."""
    g = gaz()
    form = w.title() if caps and len(w) > 3 else w
    if form in g["COUNTRY"] or form in g["CITY"]:
        return "GPE"
    if w in g["PRODUCT"] and w[:1].isupper():
        return "PRODUCT"
    if (form in g["MAKER"] and not caps) or (w in g["ORG"] and len(w) > 1):
        return "ORG"
    return None
