"""One panel entry per thing: short forms join the full name the article gives.

After mentions are grouped by their exact form, an entity whose name is only a shorter way to
write another one joins it, whatever label each got:
- a person's surname or surname group ("Bloomberg", "De Niro", "Al-Kahlot") or first name
  ("Zoe") when one full name in the text has it;
- an acronym of a longer name in the text ("NYCHA", "DEA", "COI");
- the head or the body of a longer organisation, place, law or event name ("Tridents" of
  "Barbados Tridents", "Microsoft" of "Microsoft Corp", "Dodd-Frank" of "Dodd-Frank Act");
- a plural or adjective of a group ("Republicans" / "Republican", "Democrats" / "Democratic");
- the usual short forms of countries and US states ("U.S.", "UK", "N.C.").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.core.extract.entities.lexicon import gazetteer_names
from tui.core.extract.entities.words import (
    COMPANY_CUES,
    LAW_CUES,
    NAME_SHORT_FORMS,
    STRONG_ORGCUE,
)
from tui.core.model import Entity

_PLACES = frozenset(["GPE", "LOC", "FAC"])
# Words that may follow a short name in its long form: "Microsoft Corp", "Gaza Strip".
_TAIL_WORDS = (
    COMPANY_CUES
    | LAW_CUES
    | STRONG_ORGCUE
    | frozenset(
        ["Inc", "Inc.", "Corp", "Corp.", "Co.", "Ltd", "Ltd.", "Strip", "Houses", "Investigations"]
    )
)


@dataclass(slots=True)
class _Named:
    """An entity with its name's words, split once."""

    ent: Entity
    words: list[str]


def merge_aliases(entities: list[Entity]) -> list[Entity]:
    """The entities with short forms merged into the full names they stand for."""
    if len(entities) < 2:
        return entities
    named = [_Named(e, e.name.split()) for e in entities]
    longer = sorted(named, key=lambda n: -len(n.words))
    people = [n for n in longer if n.ent.label == "PERSON" and len(n.words) > 1]
    index = _parts_index(named)
    target: dict[int, Entity] = {}
    for n in named:
        found = _full_form(n, longer, people, index)
        if found is not None and found is not n.ent:
            target[id(n.ent)] = found
    if not target:
        return entities
    kept = []
    for ent in entities:
        dest = target.get(id(ent))
        seen = {id(ent)}
        while dest is not None and id(dest) in target and id(dest) not in seen:
            seen.add(id(dest))
            dest = target[id(dest)]
        if dest is None or dest is ent:
            kept.append(ent)
            continue
        dest.mentions.extend(ent.mentions)
        for form in (ent.name, *ent.aliases):
            if form != dest.name and form not in dest.aliases:
                dest.aliases.append(form)
    for ent in kept:
        ent.mentions.sort()
    return kept


def _full_form(
    n: _Named,
    longer: list[_Named],
    people: list[_Named],
    index: dict[tuple[str, ...], list[_Named]],
) -> Entity | None:
    ent, words = n.ent, n.words
    full = NAME_SHORT_FORMS.get(ent.name)
    if full:
        for other in longer:
            if other.ent.name == full or full in other.ent.aliases:
                return other.ent
    if ent.label in ("NORP", "ORG"):
        group = _group_of(ent, longer)
        if group is not None:
            return group
    if len(words) == 1 and ent.name.isupper() and len(ent.name) >= 2:
        return _only(o.ent for o in longer if _is_acronym_of(ent.name, o.words))
    if ent.label == "PERSON" or not _known_place(ent):
        person = _person_of(words, people)
        if person is not None:
            return person
    if ent.label == "PERSON":
        return None
    return _only(
        o.ent
        for o in index.get(tuple(words), ())
        if o.ent.label not in ("PERSON", "WORK_OF_ART") and _part_of(words, o.words)
    )


def _parts_index(named: list[_Named]) -> dict[tuple[str, ...], list[_Named]]:
    """Every proper prefix and suffix of every name (and "Amazon" for "Amazon.com ...") ->
    the entities whose names have it."""
    index: dict[tuple[str, ...], list[_Named]] = {}
    for n in named:
        w = n.words
        keys = {tuple(w[:k]) for k in range(1, len(w))} | {tuple(w[k:]) for k in range(1, len(w))}
        if len(w) > 1 and w[0].endswith(".com"):
            keys.add((_stem(w[0]),))
        for k in keys:
            index.setdefault(k, []).append(n)
    return index


def _known_place(ent: Entity) -> bool:
    return ent.label in _PLACES and ent.name in NAME_SHORT_FORMS.values()


def _person_of(words: list[str], people: list[_Named]) -> Entity | None:
    """The one full name whose surname (group) or first name these words are."""
    n = len(words)
    longer = [o for o in people if len(o.words) > n]
    found = _only(o.ent for o in longer if o.words[-n:] == words)
    if found is None and n == 1:
        w = words[0]
        found = _only(o.ent for o in longer if o.words[0] == w)
        if found is None and len(w) >= 4:
            # "Geoff" for "Geoffrey Skelley"
            found = _only(o.ent for o in longer if o.words[0].startswith(w))
    return found


def _part_of(words: list[str], other: list[str]) -> bool:
    """ "Tridents" ends "Barbados Tridents"; "Microsoft" opens "Microsoft Corp" (the rest being
    words like Corp, Act, Strip)."""
    n = len(words)
    if other[-n:] == words and (n >= 2 or words[-1] not in _TAIL_WORDS):
        return n >= 2 or words[0] not in gazetteer_names()  # not "Korea" of "South Korea"
    if other[:n] == words or (n == 1 and _stem(other[0]) == words[0]):
        return all(w in _TAIL_WORDS for w in other[n:])
    return False


def _stem(word: str) -> str:
    """ "Amazon.com" -> "Amazon"."""
    return word[:-4] if word.endswith(".com") else word


def _group_of(ent: Entity, longer: list[_Named]) -> Entity | None:
    """ "Republican" for "Republicans", "Democratic" for "Democrats"."""
    name = ent.name
    plural = name + "s"
    adjective_plural = name[:-2] + "s" if name.endswith("ic") else ""
    for other in longer:
        o = other.ent.name
        if other.ent.label == "NORP" and o in (plural, adjective_plural):
            return other.ent
    return None


def _is_acronym_of(acr: str, words: list[str]) -> bool:
    """ "NYCHA": New York City Housing Authority; "COI": Commission of Inquiry; "DEA": the
    last words of "United States Drug Enforcement Agency"."""
    if len(words) < 2:
        return False
    caps = "".join(w[0] for w in words if w[:1].isupper())
    if acr == caps or (len(acr) >= 3 and caps.endswith(acr)):
        return True
    return acr == "".join(w[0].upper() for w in words if w[:1].isalpha())


def _only(candidates: Iterable[Entity]) -> Entity | None:
    """The one candidate, or None when there are none or several."""
    found = None
    for c in candidates:
        if found is not None and c is not found:
            return None
        found = c
    return found
