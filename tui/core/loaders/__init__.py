"""Loaders: turn files, feeds, pages and text into Articles.

Each format is a small module with one ``load`` entry point; ``load_paths`` picks
one per file and collects failures instead of raising.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.loaders import text as text_loader
from tui.core.loaders.errors import LoadError
from tui.core.model import Article

__all__ = ["LoadError", "LoadFailure", "LoadResult", "load_paths"]


@dataclass(slots=True)
class LoadFailure:
    """A file that could not be loaded, and why."""

    path: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "error": self.error}


@dataclass(slots=True)
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[LoadFailure] = field(default_factory=list)


def load_paths(paths: Iterable[str | Path], *, raw: bool = False) -> LoadResult:
    """Load every path (files, directories, ``-`` for stdin); never raises for bad input."""
    result = LoadResult()
    for path in paths:
        p = Path(path)
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            _load_file(f, raw, result)
    return result


def _load_file(p: Path, raw: bool, result: LoadResult) -> None:
    try:
        data = p.read_bytes()
        result.articles.extend(text_loader.load(data, source_path=str(p), raw=raw))
    except LoadError as exc:
        result.errors.append(LoadFailure(str(p), str(exc)))
    except OSError as exc:
        result.errors.append(LoadFailure(str(p), exc.strerror or str(exc)))
