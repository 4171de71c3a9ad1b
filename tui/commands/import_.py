"""`newsreader import`: add files, folders and feeds to the library, headless."""

from __future__ import annotations

import argparse
import sys
from concurrent.futures.process import BrokenProcessPool

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from tui.commands._library import add_library_argument, error, open_library, safe
from tui.core.library import LibraryError, import_paths
from tui.core.library.importer import DEFAULT_CHUNK, worker_count


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or feeds")
    add_library_argument(parser)
    parser.add_argument(
        "--raw",
        action="store_true",
        help="take each input as body text only: no metadata, boilerplate or HTML/feed parsing",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=worker_count(),
        help="processes that load and analyse (default: %(default)s)",
    )
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=DEFAULT_CHUNK,
        help="files per worker task and per database transaction (default: %(default)s)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    if args.workers < 1 or args.chunk_size < 1:
        error("--workers and --chunk-size must be at least 1")
        return 2
    library = open_library(args)
    if library is None:
        return 1
    console = Console(stderr=True)
    progress = Progress(
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=args.quiet or not sys.stderr.isatty(),
    )
    task = progress.add_task("import", total=None)

    def on_progress(done: int, total: int | None) -> None:
        progress.update(task, completed=done, total=total)

    try:
        with progress:
            summary = import_paths(
                library,
                args.paths,
                on_progress,
                workers=args.workers,
                chunk_size=args.chunk_size,
                raw=args.raw,
            )
    except LibraryError as exc:
        error(str(exc))
        return 1
    except BrokenProcessPool:
        error("an import worker died (out of memory?); chunks already written are kept")
        return 1
    finally:
        library.close()
    for path, reason in summary.failed:
        error(f"{path}: {reason}")
    print(
        f"imported {summary.imported}, duplicates skipped {summary.duplicates}, "
        f"failed {len(summary.failed)}  ({safe(str(library.path))})"
    )
    return 1 if summary.failed else 0
