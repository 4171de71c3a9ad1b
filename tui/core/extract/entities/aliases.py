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


def merge_aliases(entities: list[Entity]) -> list[Entity]:
    """The entities with short forms merged into the full names they stand for."""
    if len(entities) < 2:
        return entities
    target: dict[int, Entity] = {}
    longer = sorted(entities, key=lambda e: -len(e.name.split()))
    for ent in entities:
        found = _full_form(ent, longer)
        if found is not None and found is not ent:
            target[id(ent)] = found
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


def _full_form(ent: Entity, longer: list[Entity]) -> Entity | None:
    words = ent.name.split()
    full = NAME_SHORT_FORMS.get(ent.name)
    if full:
        for other in longer:
            if other.name == full or full in other.aliases:
                return other
    if ent.label in ("NORP", "ORG"):
        group = _group_of(ent, longer)
        if group is not None:
            return group
    if len(words) == 1 and ent.name.isupper() and len(ent.name) >= 2:
        return _only(o for o in longer if _is_acronym_of(ent.name, o.name.split()))
    if ent.label == "PERSON" or not _known_place(ent):
        person = _person_of(words, longer)
        if person is not None:
            return person
    if ent.label == "PERSON":
        return None
    return _only(
        o
        for o in longer
        if o.label not in ("PERSON", "WORK_OF_ART") and _part_of(words, o.name.split())
    )


def _known_place(ent: Entity) -> bool:
    return ent.label in _PLACES and ent.name in NAME_SHORT_FORMS.values()


def _person_of(words: list[str], longer: list[Entity]) -> Entity | None:
    """The one full name whose surname (group) or first name these words are."""
    n = len(words)
    people = [o for o in longer if o.label == "PERSON" and len(o.name.split()) > n]
    found = _only(o for o in people if o.name.split()[-n:] == words)
    if found is None and n == 1:
        found = _only(o for o in people if o.name.split()[0] == words[0])
    if found is None and n == 1 and len(words[0]) >= 4:
        # "Geoff" for "Geoffrey Skelley"
        found = _only(o for o in people if o.name.split()[0].startswith(words[0]))
    return found


def _part_of(words: list[str], other: list[str]) -> bool:
    """ "Tridents" ends "Barbados Tridents"; "Microsoft" opens "Microsoft Corp" (the rest being
    words like Corp, Act, Strip)."""
    n = len(words)
    if n >= len(other):
        return False
    if other[-n:] == words and (n >= 2 or words[-1] not in _TAIL_WORDS):
        return n >= 2 or words[0] not in gazetteer_names()  # not "Korea" of "South Korea"
    if other[:n] == words or (n == 1 and _stem(other[0]) == words[0]):
        return all(w in _TAIL_WORDS for w in other[n:])
    return False


def _stem(word: str) -> str:
    """ "Amazon.com" -> "Amazon"."""
    return word[:-4] if word.endswith(".com") else word


def _group_of(ent: Entity, longer: list[Entity]) -> Entity | None:
    """ "Republican" for "Republicans", "Democratic" for "Democrats"."""
    name = ent.name
    for other in longer:
        if other is ent or other.label != "NORP" or len(other.name) <= len(name):
            continue
        o = other.name
        if o == name + "s" or (name.endswith("ic") and o == name[:-2] + "s"):
            return other
    return None


def _is_acronym_of(acr: str, words: list[str]) -> bool:
    """ "NYCHA": New York City Housing Authority; "COI": Commission of Inquiry; "DEA": the
    last words of "United States Drug Enforcement Agency"."""
    if len(words) < 2:
        return False
    caps = "".join(w[0] for w in words if w[:1].isupper())
    every = "".join(w[0].upper() for w in words if w[:1].isalpha())
    return acr in (caps, every) or (len(acr) >= 3 and caps.endswith(acr))


def _only(candidates: Iterable[Entity]) -> Entity | None:
    """The one candidate, or None when there are none or several."""
    found = None
    for c in candidates:
        if found is not None and c is not found:
            return None
        found = c
    return found
