"""`newsreader index`: check, repair or rebuild the library's search index.

``--check`` compares the index with the library and changes nothing (exit 1 when they
disagree); with no option the index is brought up to date (what is missing is indexed,
segments merged); ``--rebuild`` throws it away and indexes every article again.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from tui.commands._library import add_library_argument, error, open_library
from tui.core.library import Library, LibraryError
from tui.core.library.indexing import IndexUnavailable, open_index, rebuild, repair
from tui.core.search.persistent import PersistentIndex


def add_arguments(parser: argparse.ArgumentParser) -> None:
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--check", action="store_true", help="report whether the index agrees with the library"
    )
    action.add_argument(
        "--rebuild", action="store_true", help="index every article again from the library"
    )
    add_library_argument(parser)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")


def report(library: Library, index: PersistentIndex) -> dict[str, Any]:
    """How the index stands against the library (reads ids only; changes nothing)."""
    live = set(library.article_ids())
    indexed = index.indexed_ids()
    return {
        "library": str(library.path),
        "articles": len(live),
        "indexed": len(indexed & live),
        "missing": len(live - indexed),
        "stale": len(indexed - live),
        "segments": len(index.segments),
        "documents": index.doc_count,
        "index_bytes": sum(s.bytes for s in index.segments),
        "text_bytes": library.text_bytes(),
    }


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    if library is None:
        return 1
    try:
        progress = None if args.quiet else _progress
        if args.rebuild:
            index = rebuild(library, progress)
        else:
            index = open_index(library)
            if not args.check:
                repair(library, index, progress)
                index.merge()
        result = report(library, index)
    except (LibraryError, IndexUnavailable) as exc:
        error(str(exc))
        return 1
    finally:
        library.close()
    _print(result, args.json)
    return 1 if result["missing"] else 0


def _progress(done: int, total: int | None) -> None:
    if total:
        print(f"\rindexing {done:,}/{total:,}", end="", file=sys.stderr, flush=True)
        if done >= total:
            print(file=sys.stderr)


def _print(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(result, indent=2))
        return
    ratio = result["index_bytes"] / result["text_bytes"] if result["text_bytes"] else 0.0
    state = "up to date" if not (result["missing"] or result["stale"]) else "out of date"
    print(
        f"index {state}: {result['indexed']:,} of {result['articles']:,} articles indexed, "
        f"{result['missing']:,} missing, {result['stale']:,} deleted but still on disk; "
        f"{result['segments']} segments, {result['documents']:,} documents, "
        f"{result['index_bytes'] / 1e6:,.1f} MB ({ratio:.2f}x the text)"
    )
