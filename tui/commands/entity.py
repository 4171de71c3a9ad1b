"""`newsreader entity NAME`: a person or organisation across the library."""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.text import Text

from tui import __version__
from tui.commands._library import add_library_argument, error, open_library
from tui.core.library import LibraryError
from tui.core.library.textsafe import json_escapes
from tui.core.stories.entities import EntityView, entity_view
from tui.core.textsafe import one_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help='a name or alias, e.g. "Shugayev"')
    add_library_argument(parser)
    parser.add_argument(
        "--view", action="store_true", help="open it in the terminal UI (keyboard: j/k, enter, q)"
    )
    parser.add_argument("--json", action="store_true", help="print it as JSON")


def run(args: argparse.Namespace) -> int:
    if not args.name.strip():
        error("entity: give a name")
        return 2
    library = open_library(args)
    if library is None:
        return 1
    if args.view:
        from tui.commands.stories import run_view

        return run_view(library, args.name)
    try:
        view = entity_view(library, args.name)
    except LibraryError as exc:
        error(str(exc))
        return 1
    finally:
        library.close()
    if view is None:
        error(f"no article in the library mentions {args.name!r}")
        return 1
    if args.json:
        doc = {"newsreader": __version__, **view.to_dict()}
        sys.stdout.write(json_escapes(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n")
    else:
        print_view(view)
    return 0


def print_view(view: EntityView) -> None:
    """The entity, then each article newest first with its claims and figures (plain text)."""
    console = Console(highlight=False, soft_wrap=True)
    head = Text(one_line(view.name), style="bold")
    head.append(f"  {view.label}  {len(view.articles)} articles", style="dim")
    if view.aliases:
        head.append("  also: " + one_line(", ".join(view.aliases)), style="dim")
    console.print(head)
    for article in view.articles:
        line = Text("\n")
        line.append(f"{(article.published or '')[:10] or '          '}  ", style="dim")
        line.append(one_line(article.site or "-") + "  ", style="italic")
        line.append(one_line(article.title or article.id), style="bold")
        if article.story is not None:
            line.append(f"  story {article.story}", style="dim")
        console.print(line)
        for label, claims in (("said", article.said), ("about", article.about)):
            for claim in claims:
                console.print(Text(f"  {label}: ", style="dim").append(one_line(claim.text)))
        if article.figures:
            figures = ", ".join(one_line(f.text) for f in article.figures)
            console.print(Text("  figures: ", style="dim").append(figures))
