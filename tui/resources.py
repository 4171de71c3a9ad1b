"""Where the bundled seeds and styles live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # A wheel carries them inside the package (see pyproject force-include);
    # a checkout or an editable install keeps them at the repository root.
    inside = _PACKAGE_DIR / "_bundled" / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def seeds_dir() -> Path:
    """The directory of articles bundled with the app."""
    return _bundled("seeds")


def styles_dir() -> Path:
    """The directory of the app's Textual CSS files."""
    return _bundled("styles")
