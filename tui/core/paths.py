"""Path completion for the open dialog: what a shell's tab does, without a shell."""

from __future__ import annotations

import os
from pathlib import Path

MAX_CANDIDATES = 50


def complete_path(text: str, cwd: Path | None = None) -> tuple[str, list[str]]:
    """Complete the last part of ``text``: the completed text and the candidates' names.

    ``~`` is the home folder. One candidate completes in full (a folder gets a trailing
    ``/``); several complete to their common start. Hidden entries only when asked for
    (the typed part starts with a dot). Unreadable folders give no candidates.
    """
    typed = os.path.expanduser(text) if text.startswith("~") else text
    base = Path(typed) if os.path.isabs(typed) else (cwd or Path.cwd()) / typed
    folder, prefix = (base, "") if typed.endswith(os.sep) or not typed else (base.parent, base.name)
    try:
        entries = sorted(
            e
            for e in os.listdir(folder)
            if e.startswith(prefix) and (prefix[:1] == "." or e[:1] != ".")
        )
    except OSError:
        return text, []
    if not entries:
        return text, []
    common = _common_start(entries)
    head = text[: len(text) - len(prefix)] if prefix else text
    if len(entries) == 1 and (folder / common).is_dir():
        common += os.sep
    return head + common, entries[:MAX_CANDIDATES]


def _common_start(names: list[str]) -> str:
    """The characters every name starts with (names, not path components)."""
    first, last = min(names), max(names)
    n = 0
    while n < len(first) and first[n] == last[n]:
        n += 1
    return first[:n]
