"""Merging mentions into entities: exact forms, surnames, designations, acronyms."""

from __future__ import annotations

import re

from tui.core.extract.entities.mentions import Mention, key
from tui.core.model import Entity

_ACRONYM_RE = re.compile(r" ?\(\s*([A-Z][A-Za-z&.\-]*[A-Z][A-Za-z.]*)\s*\)")


def group_mentions(text: str, spans: list[tuple[int, int, str]]) -> list[Entity]:
    """Entities from labelled mention spans found by any engine (e.g. spaCy's).

    The same merging as the default engine: exact forms, a surname for the full name, a
    designation for its longer form, an acronym in brackets for the name it follows.
    Overlapping spans are dropped (the earlier, then longer, one wins)."""
    mentions = []
    for s, e, label in sorted(spans, key=lambda x: (x[0], -x[1])):
        if 0 <= s < e <= len(text):
            surface = text[s:e]
            mentions.append(Mention(s, e, label, surface, tuple(surface.split()), False))
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return group(text, kept)


def group(text: str, mentions: list[Mention]) -> list[Entity]:
    """Merge mentions into entities: exact forms, surnames, designation prefixes, acronyms."""
    entities: list[Entity] = []
    by_key: dict[tuple[str, str], Entity] = {}
    surname_of: dict[str, Entity] = {}
    prefix_of: dict[str, Entity] = {}
    forms: dict[int, dict[str, int]] = {}
    acronym_match = _ACRONYM_RE.match

    # Longer names first, so that short forms can attach to them.
    order = sorted(mentions, key=lambda m: (-len(m.tokens), m.start))
    pending_acronyms: list[tuple[Mention, Entity]] = []
    for m in order:
        k = (m.key, m.label)
        ent = by_key.get(k)
        if ent is None and len(m.tokens) == 1:
            if m.label == "PERSON":
                ent = surname_of.get(m.tokens[0].casefold())
            elif m.label == "PRODUCT":
                ent = prefix_of.get(m.key)
        if ent is None:
            ent = Entity(name=m.text, label=m.label)
            entities.append(ent)
            last = m.tokens[-1]
            if m.label == "PERSON" and len(m.tokens) >= 2 and last.isalpha():
                surname_of.setdefault(last.casefold(), ent)
            if m.label == "PRODUCT" and len(m.tokens) >= 2:
                prefix_of.setdefault(key(m.tokens[0]), ent)
        by_key.setdefault(k, ent)
        ent.mentions.append((m.start, m.end))
        f = forms.get(id(ent))
        if f is None:
            forms[id(ent)] = {m.text: 1}
        else:
            f[m.text] = f.get(m.text, 0) + 1
        if (
            len(m.tokens) >= 2
            and (text.startswith(" (", m.end) or text.startswith("(", m.end))
            and acronym_match(text, m.end)
        ):
            pending_acronyms.append((m, ent))
    # "Stockholm International Peace Research Institute (SIPRI)": the acronym is an alias.
    if pending_acronyms:
        merged: set[int] = set()
        by_name: dict[str, list[Entity]] = {}
        for other in entities:
            by_name.setdefault(key(other.name), []).append(other)
        for m, ent in pending_acronyms:
            am = _ACRONYM_RE.match(text, m.end)
            assert am is not None
            acr = am.group(1)
            for other in by_name.get(key(acr), ()):
                if other is ent or id(other) in merged or id(ent) in merged:
                    continue
                if key(other.name) == key(acr) and _initials_match(acr, m.tokens):
                    for span in other.mentions:
                        ent.mentions.append(span)
                    f = forms.setdefault(id(ent), {})
                    for form, c in forms.get(id(other), {}).items():
                        f[form] = f.get(form, 0) + c
                    merged.add(id(other))
        entities = [e for e in entities if id(e) not in merged]
    for ent in entities:
        f = forms.get(id(ent), {})
        if len(f) == 1:
            ent.name = next(iter(f))
            if len(ent.mentions) > 1:
                ent.mentions.sort()
            continue
        names = sorted(f, key=lambda s: (-len(s.split()), s.isupper(), -f[s], s))
        ent.name = names[0]
        # Every other surface form is an alias, so that text[s:e] of any mention is the name
        # or one of the aliases ("INDIA" in a headline, "Shugayev" for "Dmitry Shugayev").
        ent.aliases = [s for s in names[1:] if s != ent.name]
        ent.mentions.sort()
    entities.sort(key=lambda e: e.mentions[0])
    return entities


def _initials_match(acr: str, tokens: tuple[str, ...]) -> bool:
    letters = [c for c in acr if c.isupper()]
    initials = [t[0] for t in tokens if t[:1].isupper()]
    return len(letters) >= 2 and all(c in initials for c in letters[:2])
