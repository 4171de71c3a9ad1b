"""The `newsreader` command line: the reader by default, and headless subcommands."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from tui import __version__

# Subcommand name -> module in tui.commands; each module defines
# ``add_arguments(parser)`` and ``run(args) -> int``.
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("extract", "analyse articles and print entities, figures and claims"),
    "search": ("search", "fuzzy search across articles: ranked hits with matched positions"),
    "import": ("import_", "add files, folders and feeds to the library"),
    "export": ("export", "write the library as a Markdown briefing, JSON or CSV"),
    "feeds": ("feeds", "subscribe to feeds, refresh them, OPML import and export"),
    "config": ("config", "show the config file's path and problems; print or write the defaults"),
    "stories": ("stories", "articles about the same event, grouped into stories"),
    "entity": ("entity", "a person or organisation across the library: articles, claims, figures"),
    "index": ("index", "check, repair or rebuild the library's search index"),
}

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit with status 2 and one clean message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _reader_parser() -> argparse.ArgumentParser:
    from tui.config import config_path

    commands = "\n".join(f"  {name:<10} {help_}" for name, (_, help_) in COMMANDS.items())
    parser = _Parser(
        prog="newsreader",
        description="A terminal reader for news articles: who claims what, about whom, "
        "with which numbers.",
        epilog=f"commands:\n{commands}\n\nRun 'newsreader COMMAND --help' for a command's options."
        f"\nconfig file: {config_path()} (newsreader config --default prints every option)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="articles, folders or feeds to import into the library and open "
        "(default: the library as it is; the seeds are imported on its first run)",
    )
    parser.add_argument(
        "--library",
        metavar="DB",
        help="the library file (default: $NEWSREADER_LIBRARY, else the user data directory)",
    )
    return parser


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module_name, help_ = COMMANDS[name]
    module = importlib.import_module(f"tui.commands.{module_name}")
    parser = _Parser(prog=f"newsreader {name}", description=help_)
    module.add_arguments(parser)
    return parser, module


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsreader` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in COMMANDS:
            parser, module = _command_parser(args_list[0])
            args = parser.parse_args(args_list[1:])
            return int(module.run(args))  # type: ignore[attr-defined]
        args = _reader_parser().parse_args(args_list)
        from tui.app import run_reader

        return run_reader(args)
    except KeyboardInterrupt:
        print("newsreader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: quietly stop.
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
