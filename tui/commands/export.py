"""`newsreader export`: the library (or its starred part) as Markdown, JSON or CSV."""

from __future__ import annotations

import argparse

from tui.commands._library import add_library_argument, error, open_library
from tui.core.export import FORMATS, csv_cell, export_library
from tui.core.library import LibraryError

__all__ = ["add_arguments", "csv_cell", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_library_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="markdown")
    parser.add_argument(
        "--starred",
        action="store_true",
        help="only starred articles and articles with a starred claim",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    parser.add_argument(
        "--stories",
        action="store_true",
        help="a story briefing (Markdown): outlets, repeated quotes, disagreeing figures",
    )


def run(args: argparse.Namespace) -> int:
    if args.stories and args.format != "markdown":
        error("--stories writes a Markdown briefing: leave out --format or use markdown")
        return 2
    library = open_library(args)
    if library is None:
        return 1
    try:
        fmt = "stories" if args.stories else args.format
        export_library(library, fmt, args.output, starred=args.starred)
    except LibraryError as exc:
        error(str(exc))
        return 1
    except BrokenPipeError:
        raise
    except OSError as exc:
        error(f"{args.output}: {exc.strerror or exc}")
        return 1
    finally:
        library.close()
    return 0


