"""`newsreader feeds`: subscribe to feeds, list, remove, refresh, OPML in and out."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from tui.commands._library import add_library_argument, error, open_library, safe
from tui.core.feeds import (
    FeedError,
    FeedStore,
    NoFeed,
    Refresher,
    RefreshReport,
    import_opml,
    subscribe,
    unsubscribe,
    write_opml,
)
from tui.core.fetch import Fetcher, redact
from tui.core.library import Library, LibraryError
from tui.core.library.importer import worker_count
from tui.core.loaders import LoadError, default_max_bytes


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=type(parser)
    )
    add = actions.add_parser("add", help="subscribe to a feed (or the feed a page links to)")
    add.add_argument("url", metavar="URL")
    add.add_argument("--title", default="", help="your name for the feed (default: its own)")
    add.add_argument("--tag", default="", help="a tag to group and refresh feeds by")
    text = add.add_mutually_exclusive_group()
    text.add_argument(
        "--full-text",
        dest="full_text",
        action="store_const",
        const=True,
        help="fetch each entry's page (default: only when the feed gives summaries)",
    )
    text.add_argument(
        "--no-full-text", dest="full_text", action="store_const", const=False, help="never"
    )
    add.add_argument("--no-refresh", action="store_true", help="subscribe without fetching")
    actions.add_parser("list", help="subscriptions with their state and article counts")
    remove = actions.add_parser("remove", help="unsubscribe (its articles stay)")
    remove.add_argument("url", metavar="URL")
    remove.add_argument(
        "--delete-articles",
        action="store_true",
        help="also delete its articles (starred and noted ones always stay)",
    )
    refresh = actions.add_parser("refresh", help="fetch new articles from the feeds")
    refresh.add_argument("url", nargs="?", metavar="URL", help="only this feed")
    refresh.add_argument("--tag", help="only the feeds with this tag")
    refresh.add_argument(
        "--due", action="store_true", help="skip feeds whose refresh interval has not passed"
    )
    refresh.add_argument("--workers", type=int, default=worker_count(), help="%(default)s")
    refresh.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    opml_in = actions.add_parser("import", help="subscribe to the feeds of an OPML file")
    opml_in.add_argument("file", metavar="FILE.opml")
    opml_out = actions.add_parser("export", help="write the subscriptions as OPML")
    opml_out.add_argument("-o", "--output", metavar="FILE.opml", help="default: standard output")
    for sub in actions.choices.values():
        add_library_argument(sub)


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    if library is None:
        return 1
    try:
        return _ACTIONS[args.action](library, args)
    except (FeedError, NoFeed, LoadError, LibraryError) as exc:
        error(str(exc))
        return 1
    finally:
        library.close()


def _add(library: Library, args: argparse.Namespace) -> int:
    with Fetcher() as fetcher:
        feed = subscribe(
            library, fetcher, args.url, title=args.title, tag=args.tag, full_text=args.full_text
        )
    print(f"subscribed: {safe(feed.name)}  ({safe(redact(feed.url))})")
    if args.no_refresh:
        return 0
    return _refresh_feeds(library, [feed.url], args, quiet=True)


def _list(library: Library, args: argparse.Namespace) -> int:
    store = FeedStore.of(library)
    try:
        feeds, counts = store.feeds(), store.counts()
    finally:
        store.close()
    if not feeds:
        print("no subscriptions (add one with: newsreader feeds add URL)")
        return 0
    for feed in feeds:
        n = counts.get(feed.id)
        tag = f"  [{feed.tag}]" if feed.tag else ""
        print(f"{safe(feed.name)}{safe(tag)}")
        print(f"  {safe(redact(feed.url))}")
        state = f"last fetched {feed.last_fetched or 'never'}"
        state += f", {n.articles if n else 0} articles, {n.unread if n else 0} unread"
        print(f"  {state}")
        if feed.last_error:
            print(f"  error: {safe(feed.last_error)}")
    return 0


def _remove(library: Library, args: argparse.Namespace) -> int:
    deleted = unsubscribe(library, args.url, delete_articles=args.delete_articles)
    kept = "" if not args.delete_articles else f", {deleted} articles deleted"
    print(f"unsubscribed: {safe(redact(args.url))}{kept}")
    return 0


def _refresh(library: Library, args: argparse.Namespace) -> int:
    if args.workers < 1:
        error("--workers must be at least 1")
        return 2
    return _refresh_feeds(library, [args.url] if args.url else None, args, quiet=args.quiet)


def _refresh_feeds(
    library: Library, urls: list[str] | None, args: argparse.Namespace, *, quiet: bool
) -> int:
    store = FeedStore.of(library)
    try:
        feeds = store.feeds(tag=getattr(args, "tag", None) or None)
    finally:
        store.close()
    if urls is not None:
        feeds = [f for f in feeds if f.url in urls]
        if not feeds:
            raise FeedError(f"not subscribed: {urls[0]}")
    progress = Progress(
        TextColumn("refreshing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[stored]} articles"),
        console=Console(stderr=True),
        transient=True,
        disable=quiet or not sys.stderr.isatty(),
    )
    task = progress.add_task("refresh", total=len(feeds), stored=0)
    workers = getattr(args, "workers", worker_count())
    with Fetcher() as fetcher, progress:
        refresher = Refresher(
            library,
            fetcher,
            workers=workers,
            on_progress=lambda done, total, n: progress.update(task, completed=done, stored=n),
        )
        try:
            report = refresher.refresh(feeds, force=not getattr(args, "due", False))
        finally:
            refresher.close()
    return _print_report(report)


def _print_report(report: RefreshReport) -> int:
    for outcome in report.failed:
        error(f"{redact(outcome.feed.url)}: {outcome.error}")
    print(
        f"refreshed {len(report.outcomes)} feeds: {report.new} new articles, "
        f"{report.changed} updated, {report.count('not modified')} not modified, "
        f"{report.count('skipped')} skipped, {len(report.failed)} failed"
    )
    return 1 if report.failed else 0


def _import(library: Library, args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        if path.stat().st_size > default_max_bytes():
            raise LoadError(f"{path}: file too large")
        data = path.read_bytes()
    except OSError as exc:
        error(f"{path}: {exc.strerror or exc}")
        return 1
    result = import_opml(library, data)
    print(
        f"subscribed to {len(result.added)} feeds ({result.already} already subscribed); "
        "run 'newsreader feeds refresh' to fetch them"
    )
    return 0


def _export(library: Library, args: argparse.Namespace) -> int:
    store = FeedStore.of(library)
    try:
        data = write_opml(store.feeds())
    finally:
        store.close()
    if not args.output:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    target = Path(args.output)
    try:
        # Written beside the target, then renamed: an existing file is never left half-written.
        fd, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=".opml-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        error(f"{target}: {exc.strerror or exc}")
        return 1
    print(f"wrote {target}", file=sys.stderr)
    return 0


_ACTIONS = {
    "add": _add,
    "list": _list,
    "remove": _remove,
    "refresh": _refresh,
    "import": _import,
    "export": _export,
}
