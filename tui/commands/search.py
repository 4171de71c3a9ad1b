"""`newsreader search`: fuzzy search across articles without the UI."""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.text import Text

from tui import __version__
from tui.core.extract import analyse
from tui.core.loaders import load_paths
from tui.core.search import Hit, SearchIndex, parse_query
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
        help="files, folders or feeds to search (default: the seeds)",
    )
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
    paths = args.paths or [str(seeds_dir())]
    result = load_paths(paths)
    for failure in result.errors:
        print(f"newsreader: {one_line(failure.path)}: {one_line(failure.error)}", file=sys.stderr)
    for article in result.articles:
        analyse(article)
    query = parse_query(args.query)
    for error in query.errors:
        print(f"newsreader search: {one_line(error)}", file=sys.stderr)
    hits = SearchIndex(result.articles).search(query, limit=args.limit)
    if args.json:
        doc = {
            "newsreader": __version__,
            "query": args.query,
            "hits": [h.to_dict() for h in hits],
            "errors": [f.to_dict() for f in result.errors],
        }
        sys.stdout.write(json_escapes(json.dumps(doc, ensure_ascii=False, indent=2)))
        sys.stdout.write("\n")
    else:
        console = Console(highlight=False, soft_wrap=True)
        for hit in hits:
            head = Text()
            head.append(f"{hit.article_id}  ", style="dim")
            head.append(one_line(hit.title) or "(untitled)", style="bold")
            head.append(
                f"  {hit.kind} #{hit.sentence} [{hit.span[0]}:{hit.span[1]}]  score {hit.score:g}",
                style="dim",
            )
            console.print(head)
            console.print(Text("  ").append_text(highlighted(hit)))
        if not hits:
            print("no hits", file=sys.stderr)
    return 1 if result.errors else 0
