"""The library: articles, analysis, reading state and notes kept in SQLite (no Textual here)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.library.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from tui.core.library.store import (
    ArticleFilter,
    ArticleNotFound,
    ArticleSummary,
    ImportSummary,
    Library,
    LibraryError,
    Note,
    ProgressCallback,
    claim_key,
    notes_by_sentence,
)

__all__ = [
    "APPLICATION_ID",
    "ENV_VAR",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "ArticleFilter",
    "ArticleNotFound",
    "ArticleSummary",
    "ImportSummary",
    "Library",
    "LibraryError",
    "Note",
    "claim_key",
    "default_library_path",
    "expand_paths",
    "import_paths",
    "notes_by_sentence",
    "open_default_library",
    "resolve_library_path",
    "worker_count",
]

if TYPE_CHECKING:
    from tui.core.library.importer import expand_paths, import_paths, worker_count

_IMPORTER = ("expand_paths", "import_paths", "worker_count")


def __getattr__(name: str) -> Any:
    # The importer (loaders, process pool) loads on first use: opening a library to read it
    # stays cheap, which the reader's start-up time depends on.
    if name in _IMPORTER:
        from tui.core.library import importer

        return getattr(importer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


ENV_VAR = "NEWSREADER_LIBRARY"
LIBRARY_FILE = "library.sqlite3"


def default_library_path() -> Path:
    """The library in the user data directory (e.g. ~/.local/share/newsreader/)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("newsreader")) / LIBRARY_FILE


def resolve_library_path(
    explicit: str | Path | None = None, configured: str | Path | None = None
) -> Path:
    """``--library PATH`` if given, else $NEWSREADER_LIBRARY, else the config's path, else
    the default location."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    if configured:
        return Path(configured).expanduser()
    return default_library_path()


def open_default_library(
    paths: list[str] | None = None,
    library_path: str | Path | None = None,
    on_progress: ProgressCallback | None = None,
) -> tuple[Library, list[str]]:
    """Open the library for the reader and return it with the ids of the articles to show.

    With ``paths``, those files are imported first and their ids returned (duplicates give
    the id already in the library); the import's summary (failures included) is on
    ``library.last_import``. Without paths, the bundled seeds are imported on the first run
    only (their ids returned); later runs return [] meaning "show the library as it is".
    Raises LibraryError when the file is not a usable library.
    """
    from tui.core.library.importer import import_paths, worker_count
    from tui.resources import seeds_dir

    library = Library.open(resolve_library_path(library_path))
    try:
        if paths:
            summary = import_paths(library, paths, on_progress, workers=worker_count())
            library.last_import = summary
            return library, list(dict.fromkeys(summary.article_ids))
        if library.get_meta("seeded") is None:
            summary = import_paths(library, [seeds_dir()], on_progress, workers=1)
            library.last_import = summary
            library.set_meta("seeded", datetime.now(UTC).isoformat(timespec="seconds"))
            return library, list(dict.fromkeys(summary.article_ids))
        return library, []
    except BaseException:
        library.close()
        raise
