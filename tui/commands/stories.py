"""`newsreader stories`: articles about the same event, grouped, from the library."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime

from rich.console import Console
from rich.text import Text

from tui import __version__
from tui.commands._library import add_library_argument, error, open_library
from tui.core.library import Library, LibraryError
from tui.core.library.textsafe import json_escapes
from tui.core.stories.queries import Story, catch_up, list_stories
from tui.core.textsafe import one_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_library_argument(parser)
    parser.add_argument(
        "--since",
        metavar="DATE",
        help="only stories with an article published (or added) on or after DATE (YYYY-MM-DD)",
    )
    parser.add_argument(
        "--all", action="store_true", help="also list articles that are a story of their own"
    )
    parser.add_argument(
        "--view", action="store_true", help="open it in the terminal UI (keyboard: j/k, enter, q)"
    )
    parser.add_argument("--json", action="store_true", help="print the stories as JSON")


def parse_since(value: str) -> datetime:
    """An ISO date or date-time; naive values are taken as UTC."""
    parsed = datetime.fromisoformat(value.strip())
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def run(args: argparse.Namespace) -> int:
    try:
        since = parse_since(args.since) if args.since else None
    except ValueError:
        error(f"--since: not a date: {args.since!r} (use YYYY-MM-DD)")
        return 2
    library = open_library(args)
    if library is None:
        return 1
    if args.view:
        return run_view(library)
    try:
        progress = _progress()
        if catch_up(library, progress) and progress is not None:
            print(file=sys.stderr)  # end the progress line
        stories = list_stories(library, since=since, min_articles=1 if args.all else 2)
    except LibraryError as exc:
        error(str(exc))
        return 1
    finally:
        library.close()
    if args.json:
        doc = {"newsreader": __version__, "stories": [s.to_dict() for s in stories]}
        sys.stdout.write(json_escapes(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n")
    else:
        print_stories(stories)
    return 0


def _progress() -> Callable[[int], None] | None:
    """Articles imported before stories existed are placed first: say so on a terminal."""
    if not sys.stderr.isatty():
        return None

    def report(placed: int) -> None:
        print(f"\rplacing earlier articles in stories: {placed:,}", end="", file=sys.stderr)

    return report


def run_view(library: Library, entity: str | None = None) -> int:
    """The Story view (or one entity's view) in the terminal, until q."""
    from tui.stories_app import StoriesApp

    try:
        StoriesApp(library, entity).run()
    except LibraryError as exc:
        error(str(exc))
        return 1
    finally:
        library.close()
    return 0


def print_stories(stories: list[Story]) -> None:
    """Each story's headline, span and outlets, then its articles (plain text, no markup)."""
    console = Console(highlight=False, soft_wrap=True)
    for story in stories:
        head = Text()
        head.append(f"story {story.id}  ", style="dim")
        head.append(one_line(story.title), style="bold")
        sites = story.sites
        span = " .. ".join(
            dict.fromkeys(filter(None, [_day(story.first_published), _day(story.last_published)]))
        )
        head.append(
            f"  {len(story.articles)} articles, {len(sites)} outlets  {span}".rstrip(),
            style="dim",
        )
        console.print(head)
        for article in story.articles:
            line = Text("  ")
            line.append(f"{_day(article.published) or '          '}  ", style="dim")
            line.append(one_line(article.site or "-") + "  ", style="italic")
            line.append(one_line(article.title or article.source_path or article.id))
            console.print(line)
    if not stories:
        print(
            "no stories (articles about the same event are grouped as they are imported)",
            file=sys.stderr,
        )


def _day(iso: str | None) -> str | None:
    return iso[:10] if iso else None
