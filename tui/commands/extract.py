"""`newsreader extract`: analyse articles without the UI and print the result."""

from __future__ import annotations

import argparse
import json
import sys

from tui import __version__
from tui.core.extract import analyse
from tui.core.loaders import load_paths
from tui.core.report import markdown_report
from tui.resources import seeds_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files, folders, feeds or - for stdin (default: the seeds)",
    )
    parser.add_argument("--format", choices=["json", "markdown"], default="json")
    parser.add_argument(
        "--raw",
        action="store_true",
        help="take each input as body text only: no metadata, boilerplate or HTML/feed parsing",
    )


def run(args: argparse.Namespace) -> int:
    paths = args.paths or [str(seeds_dir())]
    result = load_paths(paths, raw=args.raw)
    for failure in result.errors:
        print(f"newsreader: {failure.path}: {failure.error}", file=sys.stderr)
    for article in result.articles:
        analyse(article)
    if args.format == "json":
        doc = {
            "newsreader": __version__,
            "articles": [a.to_dict() for a in result.articles],
            "errors": [f.to_dict() for f in result.errors],
        }
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(markdown_report(result.articles, result.errors))
    return 1 if result.errors else 0
