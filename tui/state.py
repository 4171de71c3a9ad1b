"""What the reader remembers between launches: the theme, the open tabs, the last article.

Kept apart from the config file (which is the user's to write) as a small JSON file in the
platform's state directory. A missing or damaged file means a fresh start, never an error.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

STATE_ENV = "NEWSREADER_STATE"
STATE_FILE = "state.json"


@dataclass
class ReaderState:
    """The remembered state; every field optional."""

    theme: str = ""
    open_tabs: list[str] = field(default_factory=list)  # article ids, left to right
    active_article: str = ""


def state_path() -> Path:
    """$NEWSREADER_STATE, else state.json in the platform's state dir."""
    explicit = os.environ.get(STATE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_state_dir

    return Path(user_state_dir("newsreader", appauthor=False)) / STATE_FILE


def load_state(path: Path | None = None) -> ReaderState:
    """The remembered state, or a fresh one when the file is missing or damaged."""
    try:
        data = json.loads((path or state_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ReaderState()
    if not isinstance(data, dict):
        return ReaderState()
    tabs = data.get("open_tabs")
    return ReaderState(
        theme=data["theme"] if isinstance(data.get("theme"), str) else "",
        open_tabs=[t for t in tabs if isinstance(t, str)] if isinstance(tabs, list) else [],
        active_article=(
            data["active_article"] if isinstance(data.get("active_article"), str) else ""
        ),
    )


def save_state(state: ReaderState, path: Path | None = None) -> bool:
    """Write the state atomically; False (and nothing changed) when it cannot be written."""
    path = path or state_path()
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(asdict(state), indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        return False
    return True
