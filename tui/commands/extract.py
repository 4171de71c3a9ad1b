"""`newsreader extract`: analyse articles without the UI and print the result."""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial

from tui import __version__
from tui.core.extract import EntityEngine, analyse
from tui.core.loaders import MAX_MB_ENV, default_max_bytes, load_paths
from tui.core.report import markdown_report
from tui.core.textsafe import json_escapes, one_line, visible_escapes
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
    parser.add_argument(
        "--engine",
        choices=["builtin", "spacy"],
        default="builtin",
        help="entity engine: the built-in one (default, offline) or an installed spaCy pipeline",
    )
    parser.add_argument(
        "--spacy-model",
        default=None,
        metavar="NAME",
        help="spaCy pipeline for --engine spacy (default: en_core_web_sm)",
    )
    parser.add_argument(
        "--max-file-mb",
        type=_positive_mb,
        default=None,
        metavar="MB",
        help=f"refuse files larger than this (default: ${MAX_MB_ENV} or 50)",
    )


def _positive_mb(value: str) -> float:
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not mb > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return mb


def _entity_engine(args: argparse.Namespace) -> EntityEngine | None:
    """The entity engine the user chose; raises SpacyUnavailable when spaCy is missing."""
    if args.engine != "spacy":
        return None
    from tui.core.extract import entities_spacy

    model = args.spacy_model or entities_spacy.DEFAULT_MODEL
    nlp = entities_spacy.load_pipeline(model)
    return partial(entities_spacy.extract_entities_spacy, model=model, nlp=nlp)


def run(args: argparse.Namespace) -> int:
    try:
        engine = _entity_engine(args)
    except RuntimeError as exc:  # SpacyUnavailable
        print(f"newsreader: {exc}", file=sys.stderr)
        return 2
    paths = args.paths or [str(seeds_dir())]
    max_bytes = (
        int(args.max_file_mb * 1024 * 1024) if args.max_file_mb is not None else default_max_bytes()
    )
    result = load_paths(paths, raw=args.raw, max_bytes=max_bytes)
    for skipped in result.skipped:
        print(
            f"newsreader: {_oneline(skipped.path)}: skipped: {_oneline(skipped.error)}",
            file=sys.stderr,
        )
    for failure in result.errors:
        print(f"newsreader: {_oneline(failure.path)}: {_oneline(failure.error)}", file=sys.stderr)
    for article in result.articles:
        analyse(article, engine)
    if args.format == "json":
        doc = {
            "newsreader": __version__,
            "articles": [a.to_dict() for a in result.articles],
            "errors": [f.to_dict() for f in result.errors],
        }
        # Controls inside strings as \u escapes: the same JSON, inert in a terminal.
        sys.stdout.write(json_escapes(json.dumps(doc, ensure_ascii=False, indent=2)))
        sys.stdout.write("\n")
    else:
        sys.stdout.write(visible_escapes(markdown_report(result.articles, result.errors)))
    return 1 if result.errors else 0


def _oneline(path: str) -> str:
    """A file name as one inert line: control characters (newlines, escapes) made visible."""
    return one_line(path)
