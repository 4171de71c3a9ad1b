"""`newsreader search`: fuzzy search across the library (or given files) without the UI.

With no PATH the library is searched through its persistent index (repaired first if an
import was cut short); with PATHs those files are loaded, analysed and searched instead.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.text import Text

from tui import __version__
from tui.commands._library import add_library_argument, error, open_library
from tui.core.library import LibraryError, resolve_library_path
from tui.core.search import Hit, Query, SearchIndex, parse_query
from tui.core.textsafe import json_escapes, one_line
from tui.resources import seeds_dir

HIGHLIGHT = "bold reverse"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query",
        metavar="QUERY",
        help='words (fuzzy), "exact phrase", @entity, kind:claim|figure|title, site:, since:',
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files, folders or feeds to search (default: the library)",
    )
    add_library_argument(parser)
    parser.add_argument("--limit", type=int, default=20, help="at most this many hits (20)")
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")


def highlighted(hit: Hit, style: str = HIGHLIGHT) -> Text:
    """The hit's text as one line of rich Text, matched characters styled (never markup);
    control characters and line breaks are shown as escapes, never sent to the terminal."""
    text = Text()
    done = 0
    for start, end in runs(hit.positions):
        start, end = max(start, done), min(end, len(hit.text))
        if start >= end:
            continue
        text.append(one_line(hit.text[done:start]))
        text.append(one_line(hit.text[start:end]), style=style)
        done = end
    text.append(one_line(hit.text[done:]))
    return text


def runs(positions: tuple[int, ...] | list[int]) -> list[tuple[int, int]]:
    """Collapse sorted character offsets into ``(start, end)`` runs."""
    out: list[tuple[int, int]] = []
    for p in positions:
        if out and out[-1][1] == p:
            out[-1] = (out[-1][0], p + 1)
        else:
            out.append((p, p + 1))
    return out


def run(args: argparse.Namespace) -> int:
    if args.limit < 0:
        print("newsreader search: --limit must be >= 0", file=sys.stderr)
        return 2
    query = parse_query(args.query)
    for problem in query.errors:
        print(f"newsreader search: {one_line(problem)}", file=sys.stderr)
    paths = list(args.paths)
    if not paths and args.library is None and not resolve_library_path(None).exists():
        # No library yet (nothing imported): the bundled seeds, as the reader shows them.
        print("newsreader search: no library yet; searching the bundled seeds", file=sys.stderr)
        paths = [str(seeds_dir())]
    if paths:
        hits, failures = _search_files(paths, query, args.limit)
    else:
        found = _search_library(args, query)
        if found is None:
            return 1
        hits, failures = found, []
    _print(args, hits, failures)
    return 1 if failures else 0


def _search_files(paths: list[str], query: Query, limit: int) -> tuple[list[Hit], list]:
    from tui.core.extract import analyse
    from tui.core.loaders import load_paths

    result = load_paths(paths)
    for failure in result.errors:
        print(f"newsreader: {one_line(failure.path)}: {one_line(failure.error)}", file=sys.stderr)
    for article in result.articles:
        analyse(article)
    return SearchIndex(result.articles).search(query, limit=limit), list(result.errors)


def _search_library(args: argparse.Namespace, query: Query) -> list[Hit] | None:
    from tui.core.library.indexing import IndexUnavailable, open_index, repair

    library = open_library(args)
    if library is None:
        return None
    try:
        index = open_index(library)
        missing = index.sync(library.article_ids())
        if missing:
            print(f"newsreader search: indexing {len(missing)} articles first", file=sys.stderr)
            repair(library, index)
        return index.search(query, limit=args.limit)
    except (LibraryError, IndexUnavailable) as exc:
        error(str(exc))
        return None
    finally:
        library.close()


def grouped(hits: list[Hit]) -> dict[str, list[Hit]]:
    """Hits per article, articles in the order of their best hit."""
    out: dict[str, list[Hit]] = {}
    for hit in hits:
        out.setdefault(hit.article_id, []).append(hit)
    return out


def _print(args: argparse.Namespace, hits: list[Hit], failures: list) -> None:
    groups = grouped(hits)
    if args.json:
        position = {id(h): i for i, h in enumerate(hits)}
        doc = {
            "newsreader": __version__,
            "query": args.query,
            "hits": [h.to_dict() for h in hits],
            "articles": [
                {"article_id": aid, "title": hs[0].title, "hits": [position[id(h)] for h in hs]}
                for aid, hs in groups.items()
            ],
            "errors": [f.to_dict() for f in failures],
        }
        sys.stdout.write(json_escapes(json.dumps(doc, ensure_ascii=False, indent=2)))
        sys.stdout.write("\n")
        return
    console = Console(highlight=False, soft_wrap=True)
    for article_id, article_hits in groups.items():
        head = Text()
        head.append(f"{article_id}  ", style="dim")
        head.append(one_line(article_hits[0].title) or "(untitled)", style="bold")
        console.print(head)
        for hit in article_hits:
            where = f"{hit.kind} #{hit.sentence} [{hit.span[0]}:{hit.span[1]}]"
            line = Text("  ").append(f"{where}  score {hit.score:g}  ", style="dim")
            console.print(line.append_text(highlighted(hit)))
    if not hits:
        print("no hits", file=sys.stderr)
