"""Places and people the layout of a news text gives away, whatever the tagger made of them.

- A dateline: a capitalised place opening a line before a comma, a bracket or a dash
  ("KHAN YOUNIS, GAZA —", "LOS ANGELES (Reuters) -"): the place and its region.
- A place inside a compound adjective: "Maryland-based", "Los Angeles-area", "Greensboro-area".
- A person with a nickname in quotes: 'Renaldo "Peewee" Gilkes'.
"""

from __future__ import annotations

import re

from tui.core.extract import ner_features as nf
from tui.core.extract.entities.evidence import with_mentions, word_starts
from tui.core.extract.entities.lexicon import GAZ_LABEL, gaz
from tui.core.extract.entities.mentions import Mention, key

_DATELINE_RE = re.compile(
    r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?:,[ \t]+([A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,2}))?"
    r"[ \t]*(?=\(|—|–|--|-[ \t])",
    re.MULTILINE,
)
_COMPOUND_SUFFIX_RE = re.compile(r"-(?:based|area|born|headquartered)\b")
_COMPOUND_NAME_RE = re.compile(r"(?:[A-Z][\w.'’]*[ \t]){0,2}[A-Z][\w.'’]*\Z")
_PLACE_KINDS = frozenset(k for k, label in GAZ_LABEL.items() if label in ("GPE", "LOC"))


def dateline_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with the places of every dateline."""
    found = []
    for dm in _DATELINE_RE.finditer(text):
        rest = text[dm.end() : dm.end() + 60]
        if not any(c.islower() for c in rest):
            continue  # "SOCCER - JAPAN GET LATE WIN": a headline, not a dateline
        if " " not in dm.group(1) and dm.group(1).lower() in nf.lowercase_words():
            continue
        for group in (1, 2):
            a, b = dm.span(group)
            if a >= 0 and b - a >= 2:
                found.append(_place(text, a, b))
    return with_mentions(mentions, found)


def compound_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with known places written inside compounds ("Maryland-based")."""
    if "-" not in text:
        return mentions
    places = {m.key for m in mentions if m.label in ("GPE", "LOC")}
    found = []
    for sm in _COMPOUND_SUFFIX_RE.finditer(text):
        b = sm.start()
        cm = _COMPOUND_NAME_RE.search(text, max(0, b - 60), b)
        if cm is None or (cm.start() > 0 and text[cm.start() - 1].isalnum()):
            continue
        a = cm.start()
        while a < b:
            name = text[a:b]
            if key(name) in places or _known_place(name):
                found.append(_place(text, a, b))
                break
            space = name.find(" ")
            if space < 0:
                break
            a += space + 1  # "A Maryland-based": try "Maryland"
    return with_mentions(mentions, found)


def _known_place(name: str) -> bool:
    g = gaz()
    return name in nf.place_names() or any(name in g[k] for k in _PLACE_KINDS)


def _place(text: str, a: int, b: int) -> Mention:
    name = text[a:b]
    return Mention(a, b, "GPE", name, tuple(name.split()), False, strong=True)


_NICKNAMED_RE = re.compile(r"[A-Z][a-z]+[ \t]+[“\"][A-Z][\w.'’-]*[”\"][ \t]+[A-Z][\w'’-]+")


def nicknamed_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with people named with a quoted nickname, as one name."""
    if "“" not in text and '"' not in text:
        return mentions
    found = []
    for nm in word_starts(_NICKNAMED_RE, text):
        a, b = nm.span()
        name = text[a:b]
        if name.split()[0] not in nf.common_words():
            found.append(Mention(a, b, "PERSON", name, tuple(name.split()), False, strong=True))
    return with_mentions(mentions, found)
