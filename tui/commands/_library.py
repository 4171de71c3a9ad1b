"""What the library commands share: the --library option and opening it for the CLI."""

from __future__ import annotations

import argparse
import sys

from tui.core.library import ENV_VAR, Library, LibraryError, resolve_library_path
from tui.core.textsafe import one_line


def add_library_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="DB",
        help=(
            f"the library file (default: ${ENV_VAR}, else the config's [library] path, "
            "else the user data directory)"
        ),
    )


def open_library(args: argparse.Namespace) -> Library | None:
    """The library named by the arguments, or None after a one-line message on stderr."""
    from tui.config import load_config

    try:
        return Library.open(resolve_library_path(args.library, load_config().library.path))
    except LibraryError as exc:
        error(str(exc))
        return None


def error(message: str) -> None:
    print(f"newsreader: {safe(message)}", file=sys.stderr)


def safe(text: str) -> str:
    """One line for stderr: control characters (newlines too) shown as escapes, never sent."""
    return one_line(text)
