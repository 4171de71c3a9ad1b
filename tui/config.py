"""The user's config file: typed sections with a doc per option, read from TOML.

No Textual here: the CLI reads it too (the library path). An invalid file never stops the
reader: each problem becomes one message naming the line, and that option keeps its default.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

CONFIG_ENV = "NEWSREADER_CONFIG"
CONFIG_FILE = "config.toml"


def _opt(default: Any, doc: str, choices: tuple[str, ...] = ()) -> Any:
    """A dataclass field carrying the option's doc (and allowed values) for --default and help."""
    return field(default=default, metadata={"doc": doc, "choices": choices})


@dataclass
class ReaderSection:
    """How articles are read and listed."""

    theme: str = _opt("textual-dark", "Textual theme to start with (the last one chosen wins).")
    mark_read_after: float = _opt(
        2.0, "Seconds an article must stay on screen before it counts as read (0: at once)."
    )
    list_order: str = _opt(
        "newest", "Default order of the article list.", ("newest", "oldest", "unread-first")
    )


@dataclass
class LayoutSection:
    """Where the Outline, Entities and Figures panels go."""

    side_panels: str = _opt(
        "auto",
        "beside: always beside the reader; overlay: toggled with p; auto: by width.",
        ("auto", "beside", "overlay"),
    )
    breakpoint: int = _opt(110, "With side_panels = auto: columns from which panels sit beside.")


@dataclass
class LibrarySection:
    """The SQLite library file."""

    path: str = _opt("", "Library file (empty: $NEWSREADER_LIBRARY, else the user data dir).")


@dataclass
class FeedsSection:
    """Feed subscriptions."""

    refresh_minutes: int = _opt(0, "Refresh every feed this often while the reader runs (0: off).")


SECTIONS: dict[str, type] = {
    "reader": ReaderSection,
    "layout": LayoutSection,
    "library": LibrarySection,
    "feeds": FeedsSection,
}


@dataclass
class Config:
    """Every section, plus ``keys``: action id -> comma-separated keys (remaps a binding)."""

    reader: ReaderSection = field(default_factory=ReaderSection)
    layout: LayoutSection = field(default_factory=LayoutSection)
    library: LibrarySection = field(default_factory=LibrarySection)
    feeds: FeedsSection = field(default_factory=FeedsSection)
    keys: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    problems: list[str] = field(default_factory=list)


def config_path() -> Path:
    """$NEWSREADER_CONFIG, else config.toml in the platform's config dir."""
    explicit = os.environ.get(CONFIG_ENV)
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("newsreader", appauthor=False)) / CONFIG_FILE


def load_config(path: Path | None = None) -> Config:
    """The config at ``path`` (default: config_path()); defaults where it is absent or wrong."""
    path = path or config_path()
    config = Config(path=path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError) as exc:
        config.problems.append(f"{path}: cannot read ({exc.__class__.__name__}); using defaults")
        return config
    import tomllib  # only when there is a file: start-up without one skips the import

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        config.problems.append(f"{path}: {exc}; using defaults")
        return config
    _apply(config, data, _LineFinder(raw, path))
    return config


class _LineFinder:
    """Names the line of ``key`` in ``[section]`` for messages (tomllib keeps no positions)."""

    def __init__(self, raw: str, path: Path) -> None:
        self.lines = raw.splitlines()
        self.path = path

    def where(self, section: str, key: str | None = None) -> str:
        current = ""
        for number, line in enumerate(self.lines, 1):
            stripped = line.strip()
            header = re.fullmatch(r"\[\s*([^\]]+?)\s*\]", stripped)
            if header:
                current = header.group(1).strip('"')
                if key is None and current == section:
                    return f"{self.path} line {number}"
                continue
            if current == section and key is not None and _assigns(stripped, key):
                return f"{self.path} line {number}"
        return str(self.path)


def _assigns(line: str, key: str) -> bool:
    return re.match(rf"""["']?{re.escape(key)}["']?\s*=""", line) is not None


def _apply(config: Config, data: dict[str, Any], lines: _LineFinder) -> None:
    for name, value in data.items():
        if name == "keys":
            _apply_keys(config, value, lines)
        elif name in SECTIONS:
            if not isinstance(value, dict):
                config.problems.append(f"{lines.where(name)}: [{name}] must be a table")
                continue
            _apply_section(getattr(config, name), name, value, lines, config.problems)
        else:
            known = ", ".join([*SECTIONS, "keys"])
            config.problems.append(
                f"{lines.where(name)}: unknown section [{name}] (known: {known})"
            )


def _apply_keys(config: Config, value: Any, lines: _LineFinder) -> None:
    if not isinstance(value, dict):
        config.problems.append(f"{lines.where('keys')}: [keys] must be a table")
        return
    for action, keys in value.items():
        if isinstance(keys, str) and keys.strip():
            config.keys[action] = keys
        else:
            config.problems.append(
                f'{lines.where("keys", action)}: keys.{action} must be text such as "ctrl+o,o"'
            )


def _apply_section(
    section: Any, name: str, values: dict[str, Any], lines: _LineFinder, problems: list[str]
) -> None:
    options = {f.name: f for f in fields(section)}
    for key, value in values.items():
        where = lines.where(name, key)
        option = options.get(key)
        if option is None:
            problems.append(f"{where}: unknown option {name}.{key} (known: {', '.join(options)})")
            continue
        checked = _check(value, getattr(section, key), option.metadata["choices"])
        if isinstance(checked, str) and checked.startswith("!"):
            problems.append(f"{where}: {name}.{key} {checked[1:]}; using the default")
            continue
        setattr(section, key, checked)


def _check(value: Any, default: Any, choices: tuple[str, ...]) -> Any:
    """The value if it fits the default's type (and choices), else '!reason'."""
    if isinstance(default, bool) or isinstance(value, bool):
        return value if type(value) is type(default) else "!must be true or false"
    if isinstance(default, float):
        if not isinstance(value, int | float) or value < 0:
            return "!must be a number >= 0"
        return float(value)
    if isinstance(default, int):
        if not isinstance(value, int) or value < 0:
            return "!must be a whole number >= 0"
        return value
    if not isinstance(value, str):
        return "!must be text"
    if choices and value not in choices:
        return f"!must be one of {', '.join(choices)}"
    return value


def default_config_text() -> str:
    """A commented config file holding every option at its default (``newsreader config``)."""
    out = ["# newsreader config: every option, at its default.", ""]
    for name, cls in SECTIONS.items():
        out.append(f"# {(cls.__doc__ or '').strip()}")
        out.append(f"[{name}]")
        for f in fields(cls):
            doc = f.metadata["doc"]
            if f.metadata["choices"]:
                doc += f" ({' | '.join(f.metadata['choices'])})"
            out.append(f"# {doc}")
            out.append(f"{f.name} = {_toml_value(f.default)}")
        out.append("")
    out.append("# Remap keys: action id = keys (see `?` in the reader for the ids).")
    out.append("[keys]")
    out.append('# open = "ctrl+o,o"')
    return "\n".join(out) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
