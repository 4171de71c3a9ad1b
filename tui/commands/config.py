"""`newsreader config`: where the config file is, what it sets, and every option's default."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.commands._library import safe
from tui.config import config_path, default_config_text, load_config
from tui.state import state_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--default",
        action="store_true",
        help="print a config file holding every option at its default, with its doc",
    )
    action.add_argument(
        "--init",
        action="store_true",
        help="write that default file to the config path (never over an existing file)",
    )


def run(args: argparse.Namespace) -> int:
    if args.default:
        sys.stdout.write(default_config_text())
        return 0
    path = config_path()
    if args.init:
        return _init(path)
    config = load_config(path)
    print(f"config: {path}{'' if path.exists() else ' (absent: defaults)'}")
    print(f"state:  {state_path()}")
    for problem in config.problems:
        print(f"newsreader: {safe(problem)}", file=sys.stderr)
    return 1 if config.problems else 0


def _init(path: Path) -> int:
    if path.exists():
        print(f"newsreader: {safe(str(path))} exists; left as it is", file=sys.stderr)
        return 1
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(default_config_text(), encoding="utf-8")
    except OSError as exc:
        print(f"newsreader: cannot write {safe(str(path))}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0
