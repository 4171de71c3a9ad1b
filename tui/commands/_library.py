"""What the library commands share: the --library option and opening it for the CLI."""

from __future__ import annotations

import argparse
import sys
import unicodedata

from tui.core.library import ENV_VAR, Library, LibraryError, resolve_library_path


def add_library_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="DB",
        help=f"the library file (default: ${ENV_VAR}, else the user data directory)",
    )


def open_library(args: argparse.Namespace) -> Library | None:
    """The library named by the arguments, or None after a one-line message on stderr."""
    try:
        return Library.open(resolve_library_path(args.library))
    except LibraryError as exc:
        error(str(exc))
        return None


def error(message: str) -> None:
    print(f"newsreader: {safe(message)}", file=sys.stderr)


def safe(text: str) -> str:
    """Control and format characters (ESC, bidi overrides...) shown as escapes, never sent."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Cf")
        else ch
        for ch in text
    )
