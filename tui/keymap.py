"""The user's [keys] from the config applied with Textual's keymap, problems named.

Every binding carries an ``id`` (its action); ``[keys] id = "keys"`` replaces its keys. An
unknown id, or a key that another action of the same place (or of every place) already
uses, is reported and that line is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from textual.binding import Binding, BindingType

Areas = list[tuple[str, Iterable[BindingType]]]


def binding_ids(areas: Areas) -> dict[str, tuple[str, list[Binding]]]:
    """Each binding id -> (its place, its bindings: one per key)."""
    found: dict[str, tuple[str, list[Binding]]] = {}
    for area, bindings in areas:
        for binding in Binding.make_bindings(bindings):
            if binding.id:
                found.setdefault(binding.id, (area, []))[1].append(binding)
    return found


def check_keymap(keys: dict[str, str], areas: Areas) -> tuple[dict[str, str], list[str]]:
    """(the keymap to apply, one problem per line) for the config's [keys]."""
    known = binding_ids(areas)
    global_area = areas[0][0] if areas else ""
    used: dict[tuple[str, str], str] = {}  # (place, key) -> binding id, after the remap
    for binding_id, (area, bindings) in known.items():
        for key in _split(keys.get(binding_id, "")) or [b.key for b in bindings]:
            used.setdefault((area, key), binding_id)
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in keys.items():
        if binding_id not in known:
            problems.append(f"keys.{binding_id}: no such action (see ? for the ids)")
            continue
        area = known[binding_id][0]
        clash = [
            (key, other)
            for key in _split(value)
            for place in {area, global_area}
            if (other := used.get((place, key))) not in (None, binding_id)
        ]
        if clash:
            key, other = clash[0]
            problems.append(f"keys.{binding_id}: {key!r} is already the key of {other}")
            continue
        keymap[binding_id] = value
    return keymap, problems


def _split(keys: str) -> list[str]:
    return [k.strip() for k in keys.split(",") if k.strip()]


def with_ids(*bindings: Binding) -> list[BindingType]:
    """The bindings, each given its action as ``id`` (so [keys] can remap it) unless it has one."""
    return [
        b if b.id else replace(b, id=re.sub(r"[^a-z0-9_]+", "-", b.action.lower()).strip("-"))
        for b in bindings
    ]
