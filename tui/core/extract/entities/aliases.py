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
from dataclasses import dataclass, field

from tui.core.extract.entities.lexicon import gazetteer_names
from tui.core.extract.entities.words import (
    COMPANY_CUES,
    LAW_CUES,
    NAME_SHORT_FORMS,
    STRONG_ORGCUE,
)
from tui.core.model import Entity

_PLACES = frozenset(["GPE", "LOC", "FAC"])
_FULL_FORMS = frozenset(NAME_SHORT_FORMS.values())
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


@dataclass(slots=True)
class _Index:
    """Look-ups over one document's entities, built once, so that each short form finds its
    candidates without comparing every pair."""

    by_form: dict[str, list[_Named]] = field(default_factory=dict)
    parts: dict[tuple[str, ...], list[_Named]] = field(default_factory=dict)
    acronyms: dict[str, list[_Named]] = field(default_factory=dict)
    people: dict[str, list[_Named]] = field(default_factory=dict)
    first_names: dict[str, list[_Named]] = field(default_factory=dict)  # by first 4 letters

    def add(self, n: _Named, wanted: list[frozenset[str]]) -> None:
        """Index one entity; its acronyms only when some wanted acronym's letters (a set
        each) are all among its initials, since most names are no one's acronym."""
        w = n.words
        for form in (n.ent.name, *n.ent.aliases):
            self.by_form.setdefault(form, []).append(n)
        if len(w) < 2:
            return
        keys = {tuple(w[:k]) for k in range(1, len(w))} | {tuple(w[k:]) for k in range(1, len(w))}
        if w[0].endswith(".com"):
            keys.add((_stem(w[0]),))
        for k in keys:
            self.parts.setdefault(k, []).append(n)
        initials = set("".join(x[0].upper() for x in w if x[:1].isalpha()))
        if any(letters <= initials for letters in wanted):
            for acr in _acronyms(w):
                self.acronyms.setdefault(acr, []).append(n)
        if n.ent.label == "PERSON":
            self.people.setdefault(w[-1], []).append(n)
            self.people.setdefault(w[0], []).append(n)
            self.first_names.setdefault(w[0][:4], []).append(n)


def merge_aliases(entities: list[Entity]) -> list[Entity]:
    """The entities with short forms merged into the full names they stand for."""
    if len(entities) < 2:
        return entities
    named = [_Named(e, e.name.split()) for e in entities]
    index = _Index()
    wanted = list(
        {frozenset(n.ent.name) for n in named if len(n.words) == 1 and n.ent.name.isupper()}
    )
    for n in named:
        index.add(n, wanted)
    target: dict[int, Entity] = {}
    for n in named:
        found = _full_form(n, index)
        if found is not None and found is not n.ent:
            target[id(n.ent)] = found
    if not target:
        return entities
    kept = []
    known_forms: dict[int, set[str]] = {}
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
        have = known_forms.setdefault(id(dest), {dest.name, *dest.aliases})
        for form in (ent.name, *ent.aliases):
            if form not in have:
                have.add(form)
                dest.aliases.append(form)
    for ent in kept:
        ent.mentions.sort()
    return kept


def _full_form(n: _Named, index: _Index) -> Entity | None:
    ent, words = n.ent, n.words
    full = NAME_SHORT_FORMS.get(ent.name)
    if full and full in index.by_form:
        return index.by_form[full][0].ent
    if ent.label in ("NORP", "ORG"):
        group = _group_of(ent.name, index)
        if group is not None:
            return group
    if len(words) == 1 and ent.name.isupper() and len(ent.name) >= 2:
        return _only(o.ent for o in index.acronyms.get(ent.name, ()) if o is not n)
    if ent.label == "PERSON" or not _known_place(ent):
        person = _person_of(words, index, ent.label == "PERSON")
        if person is not None:
            return person
    if ent.label == "PERSON":
        return None
    return _only(
        o.ent
        for o in index.parts.get(tuple(words), ())
        if o.ent.label not in ("PERSON", "WORK_OF_ART") and _part_of(words, o.words)
    )


def _known_place(ent: Entity) -> bool:
    return ent.label in _PLACES and ent.name in _FULL_FORMS


def _person_of(words: list[str], index: _Index, is_person: bool) -> Entity | None:
    """The one full name whose surname (group) or first name these words are."""
    n = len(words)
    if n > 1:
        return _only(
            o.ent
            for o in index.parts.get(tuple(words), ())
            if o.ent.label == "PERSON" and o.words[-n:] == words
        )
    first = words[0]
    known = index.people.get(first, ())
    found = _only(o.ent for o in known if len(o.words) > 1 and o.words[-1] == first)
    if found is None:
        found = _only(o.ent for o in known if len(o.words) > 1 and o.words[0] == first)
    if found is None and is_person and len(first) >= 4:
        # "Geoff" for "Geoffrey Skelley"
        found = _only(
            o.ent for o in index.first_names.get(first[:4], ()) if o.words[0].startswith(first)
        )
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


def _group_of(name: str, index: _Index) -> Entity | None:
    """ "Republican" for "Republicans", "Democratic" for "Democrats"."""
    for form in (name + "s", name[:-2] + "s" if name.endswith("ic") else ""):
        for o in index.by_form.get(form, ()):
            if o.ent.label == "NORP":
                return o.ent
    return None


def _acronyms(words: list[str]) -> set[str]:
    """What a name may be abbreviated to: "NYCHA" (New York City Housing Authority), "COI"
    (Commission of Inquiry), "DEA" (the last words of United States Drug Enforcement
    Agency)."""
    caps = "".join(w[0] for w in words if w[:1].isupper())
    out = {caps, "".join(w[0].upper() for w in words if w[:1].isalpha())}
    out.update(caps[k:] for k in range(1, len(caps) - 2))
    return {a for a in out if len(a) >= 2}


def _only(candidates: Iterable[Entity]) -> Entity | None:
    """The one candidate, or None when there are none or several."""
    found = None
    for c in candidates:
        if found is not None and c is not found:
            return None
        found = c
    return found
