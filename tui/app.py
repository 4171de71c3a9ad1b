"""The newsreader Textual app."""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App
from textual.binding import Binding

from tui.core.model import Article
from tui.feeds_actions import FeedsActions
from tui.messages import ImportFinished, ImportProgress, IndexReady, WorkFailed
from tui.resources import seeds_dir, styles_dir
from tui.screens.main import MainScreen
from tui.session import SessionMixin
from tui.widgets.format import display_title
from tui.widgets.safe_text import sanitize_for_terminal

if TYPE_CHECKING:
    from tui.config import Config
    from tui.core.library import ImportSummary, Library
    from tui.core.library.protocol import ArticleStore
    from tui.core.search import Searchable

# Set to "first-paint", "first-article" (the list and the first article's text shown),
# "loaded" or "search-ready" to exit once that point is reached (benchmarks/startup.py).
EXIT_AFTER_ENV = "NEWSREADER_EXIT_AFTER"
# A file to which the wall-clock time of the first paint is written (benchmarks/startup.py).
PAINT_FILE_ENV = "NEWSREADER_PAINT_FILE"
# The collector's first threshold while the first screen is built, and after.
STARTUP_GC_THRESHOLD = 20_000
# How often the library is checked for articles another program (newsreader import) added.
LIBRARY_CHECK_SECONDS = 5.0
DEFAULT_GC_THRESHOLD = gc.get_threshold()[0]


def _reader_commands() -> type:
    """The palette's provider, imported when the palette first opens (not at start-up)."""
    from tui.dialogs.palette import ReaderCommands

    return ReaderCommands


class NewsReaderApp(SessionMixin, FeedsActions, App[int]):
    """Articles on the left, the reader in the centre, the analysis on the right."""

    CSS_PATH = [str(styles_dir() / "app.tcss")]
    TITLE = "newsreader"
    COMMANDS = App.COMMANDS | {_reader_commands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("o", "open", "Open", id="open"),
        Binding("s", "feeds", "Feeds", show=False, id="feeds"),
        Binding("R", "refresh_feeds", "Refresh feeds", show=False, id="refresh_feeds"),
        Binding("O", "open_in_browser", "Open in browser", show=False, id="open_in_browser"),
        Binding("y", "copy", "Copy claim (Outline) / URL", show=False, id="copy"),
        Binding("S", "stories", "Stories", show=False, id="stories"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="command_palette"),
    ]

    def __init__(
        self,
        paths: list[str] | None = None,
        *,
        articles: list[Article] | None = None,
        library: Library | None = None,
        config: Config | None = None,
    ) -> None:
        """Read from ``library`` (importing ``paths`` into it, or the seeds on its first run).

        ``config``: the config file as already read (else it is read here).

        Without a library, ``paths`` (the bundled seeds when no ``articles`` are given) are
        imported into a temporary library, deleted at exit: one loading path. ``articles``
        alone are held in memory (a MemoryStore: nothing is saved); tests use this mode.
        """
        super().__init__()
        self.articles: list[Article] = list(articles or [])
        self.library = library
        self.store: ArticleStore
        if library is not None:
            self.store = library
            self.paths = list(paths or [])
        else:
            from tui.core.library.memory import MemoryStore

            self.store = MemoryStore(self.articles)
            self.paths = list(paths or ([] if articles else [str(seeds_dir())]))
        self._scratch: Library | None = None  # where files are imported without a library
        self.failures: list[tuple[str, str]] = []
        self.search_index: Searchable | None = None
        self._cache: dict[str, Article] = {}
        self._loading = bool(self.paths) or library is not None
        self._known_count = -1  # articles in the library when last listed (check_library)
        self._exit_after = os.environ.get(EXIT_AFTER_ENV, "")
        self._restored = False  # the remembered tabs are reopened once, after the first load
        self.load_session(config)

    def _import_target(self) -> Library:
        """The library files are imported into: the user's, or a temporary one.

        Without a library the import goes the same way, into a library in a temporary folder
        (deleted at exit); the articles are then handed to the in-memory store.
        """
        if self.library is not None:
            return self.library
        if self._scratch is None:
            import tempfile

            from tui.core.library.store import Library

            self._temp_dir = tempfile.TemporaryDirectory(prefix="newsreader-")
            self._scratch = Library.open(Path(self._temp_dir.name) / "library.sqlite3")
            self._scratch.set_meta("seeded", "temporary")  # the paths given, not the seeds
        return self._scratch

    @property
    def main(self) -> MainScreen:
        return self._main

    def get_default_screen(self) -> MainScreen:
        self._main = MainScreen()
        return self._main

    def screen_ready(self) -> None:
        """Called by the main screen once its panes exist: show and start loading."""
        self.main.refresh_list()
        self.start_feed_timer()
        self.call_after_refresh(self._first_paint)
        # Paint the list first, then import files and build the search index.
        if self.library is not None or self.paths:
            self.call_after_refresh(self.start_import, self.paths)
        else:
            self._restored = True
            self.call_after_refresh(self.restore_tabs)
            self.call_after_refresh(self.build_index)

    def _first_paint(self) -> None:
        gc.set_threshold(DEFAULT_GC_THRESHOLD, *gc.get_threshold()[1:])
        if self.library is not None:
            self.set_interval(LIBRARY_CHECK_SECONDS, self.check_library)
        self.tell_config_problems()
        paint_file = os.environ.get(PAINT_FILE_ENV)
        if paint_file:
            Path(paint_file).write_text(repr(time.time()), encoding="utf-8")
        if self._exit_after == "first-paint" or (
            self._exit_after == "loaded" and not self._loading
        ):
            self._exit_soon()

    # ------------------------------------------------------------------ articles in memory

    def cached_article(self, article_id: str) -> Article | None:
        """The full article if it is already in memory (no library read)."""
        article = self._cache.get(article_id)
        if article is None and self.library is None:
            try:
                return self.store.get_article(article_id)
            except KeyError:
                return None
        return article

    def remember_article(self, article: Article) -> None:
        self._cache[article.id] = article

    def article_shown(self) -> None:
        """The reader shows an article (benchmarks/startup.py times the first one)."""
        if self._exit_after == "first-article":
            self._exit_after = ""
            self.call_after_refresh(self._loaded_paint)

    def forget_article(self, article_id: str) -> None:
        """An article was deleted: drop it and hide it from search at once."""
        self._cache.pop(article_id, None)
        self.articles = [a for a in self.articles if a.id != article_id]
        from tui.core.search.persistent import PersistentIndex

        if isinstance(self.search_index, PersistentIndex):
            self.search_index.delete([article_id])  # the library's index: a tombstone
        else:
            self.build_index()

    # ------------------------------------------------------------------ search index

    @work(thread=True, exclusive=True, group="index")
    def build_index(self) -> None:
        """Read every article and index it for `/`, off the UI thread (rebuilt on changes)."""
        from textual.worker import get_current_worker

        from tui.core.search import SearchIndex

        worker = get_current_worker()
        if self.library is not None:
            self._open_library_index(lambda: worker.is_cancelled)
            return

        def articles() -> Iterator[Article]:
            # One at a time: the index keeps each article's text, not its whole analysis,
            # so a large library is never all in memory at once.
            for summary in self.store.list_articles():
                if worker.is_cancelled:
                    return
                article = self._cache.get(summary.id)
                if article is None:
                    try:
                        article = self.store.get_article(summary.id)
                    except Exception:  # deleted meanwhile, or unreadable: not searchable
                        continue
                yield article

        index = SearchIndex(articles())
        if not worker.is_cancelled:
            self.post_message(IndexReady(index))

    def on_index_ready(self, message: IndexReady) -> None:
        self._index_ready(message.index)

    def _open_library_index(self, cancelled: Callable[[], bool]) -> None:
        """The library's index from disk (search is ready at once), then what it lacks."""
        from tui.core.library import LibraryError
        from tui.core.library.indexing import IndexUnavailable, open_index, repair
        from tui.core.search.persistent import PersistentIndex

        library = self.library
        assert library is not None
        try:
            index = self.search_index
            if not isinstance(index, PersistentIndex):
                index = open_index(library)
            index.refresh()
            self.post_message(IndexReady(index))
            repair(library, index, cancel=cancelled)
        except (IndexUnavailable, LibraryError) as exc:
            self.post_message(WorkFailed(str(library.path), f"search index: {exc}"))

    def _index_ready(self, index: Searchable) -> None:
        from tui.dialogs.search import SearchDialog

        self.search_index = index
        if self._exit_after == "search-ready":
            self.call_after_refresh(self._loaded_paint)  # benchmarks/library_bench.py
        for screen in self.screen_stack:
            if isinstance(screen, SearchDialog) and screen.index is None:
                screen.set_index(index)

    # ------------------------------------------------------------------ library import

    def start_import(self, paths: list[str]) -> None:
        """Import ``paths`` (or the seeds on a first run) in a worker."""
        if paths:
            _start_resource_tracker()
        self.library_import(paths)

    @work(thread=True, group="load")
    def library_import(self, paths: list[str], open_them: bool = True) -> None:
        """Import ``paths`` into the library (the seeds on its first run), file by file."""
        from tui.core.library import LibraryError, expand_paths, import_paths, worker_count

        library = self._import_target()
        summary: ImportSummary | None = None
        failed = 0
        files = expand_paths(paths) if paths else []
        # Small chunks: progress moves as each file is done, not once per 25 files.
        chunk = max(1, min(25, len(files) // 50))

        def progress(done: int, total: int | None) -> None:
            if total:
                self.post_message(ImportProgress(done, total, failed))

        def failure(path: str, reason: str) -> None:
            nonlocal failed
            failed += 1
            self.post_message(WorkFailed(path, reason))

        try:
            if files:
                summary = import_paths(
                    library,
                    files,
                    progress,
                    workers=worker_count(),
                    chunk_size=chunk,
                    on_failure=failure,
                )
            elif library.get_meta("seeded") is None:
                summary = import_paths(library, [seeds_dir()], progress, workers=1, chunk_size=1)
                library.set_meta("seeded", datetime.now(UTC).isoformat(timespec="seconds"))
        except LibraryError as exc:
            self.post_message(WorkFailed(str(library.path), str(exc)))
        except Exception as exc:  # an importer bug must not take the reader down
            self.post_message(WorkFailed(", ".join(paths) or "seeds", f"import failed: {exc!r}"))
        self.post_message(ImportFinished(summary, bool(paths) and open_them))

    def on_import_progress(self, message: ImportProgress) -> None:
        self.main.show_progress(message.done, message.total, message.failed)

    def on_import_finished(self, message: ImportFinished) -> None:
        summary = message.summary
        if summary is not None:
            self._import_target().last_import = summary
            ids = list(dict.fromkeys(summary.article_ids))
            self._hand_over(ids)
            keep = ids[0] if message.open_them and ids else None
            self.main.refresh_list(keep=keep, open_first=keep is None)
            if keep is not None:
                self.main.open_ids(ids)
            elif not self._restored:
                self.restore_tabs()
            self._restored = True
            if summary.imported:
                n = summary.imported
                self.notify(f"Imported {n} article{'s' if n != 1 else ''}", timeout=3)
            elif not self.store.count_articles() and summary.failed:
                self.notify("No article could be loaded", severity="warning", markup=False)
        self.main.show_progress(1, 1)
        self._loading = False
        self._known_count = self.store.count_articles()
        self.build_index()
        if self._exit_after == "loaded":
            self.call_after_refresh(self._loaded_paint)

    def restore_tabs(self) -> None:
        """Reopen the tabs open at the last exit (those still in the library)."""
        known = set()
        for article_id in self.remembered.open_tabs:
            try:
                self.store.get_summary(article_id)
            except Exception:  # deleted since: not reopened
                continue
            known.add(article_id)
        tabs = self.tabs_to_restore(known)
        if tabs:
            self.main.open_ids(tabs)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Remember the theme and the open tabs, then leave."""
        if self.is_running and self.screen_stack and hasattr(self, "_main"):
            self.save_session(self.main)
        super().exit(*args, **kwargs)

    def check_library(self) -> None:
        """Another program changed the library (an import from another terminal): reload."""
        if self._loading or self.library is None:
            return
        try:
            count = self.library.count_articles()
        except Exception:  # busy: try again at the next check
            return
        if count != self._known_count:
            self._known_count = count
            self.main.refresh_list(open_first=False)
            self.build_index()

    def _hand_over(self, ids: list[str]) -> None:
        """Without a library: the articles imported into the temporary one go into memory."""
        from tui.core.library.memory import MemoryStore

        if isinstance(self.store, MemoryStore) and self._scratch is not None:
            new = [self._scratch.get_article(i) for i in ids if i not in self.store]
            self.articles.extend(new)
            self.store.add(new)

    def on_work_failed(self, message: WorkFailed) -> None:
        """Every worker's failures arrive here: remembered, and told in a toast."""
        self.failures.append((message.where, message.error))
        self.notify(
            f"{sanitize_for_terminal(message.where)}: {sanitize_for_terminal(message.error)}",
            title=message.title,
            severity="error",
            markup=False,
            timeout=8,
        )

    def _loaded_paint(self) -> None:
        paint_file = os.environ.get(PAINT_FILE_ENV)
        if paint_file:
            Path(paint_file).write_text(repr(time.time()), encoding="utf-8")
        self._exit_soon()

    def _exit_soon(self) -> None:
        # The time is taken; let widgets mounted in this frame finish mounting, then exit
        # (exiting mid-mount makes Tabs look for a tab that is already gone).
        self.set_timer(0.1, lambda: self.exit(0))

    # ------------------------------------------------------------------ actions

    def action_open(self) -> None:
        """Open a file or folder with the file picker."""
        from tui.dialogs.open_file import OpenDialog

        def opened(path: str | None) -> None:
            if path:
                self.notify(f"Loading {sanitize_for_terminal(path)}", markup=False, timeout=2)
                self.start_import([path])

        self.push_screen(OpenDialog(Path.cwd()), opened)

    def action_help(self) -> None:
        """Show every key binding."""
        from tui.screens.help import HelpScreen, help_areas

        article = self.main.reader.article
        title = display_title(article) if article is not None else ""
        self.push_screen(HelpScreen(help_areas(type(self)), title, str(self.config.path or "")))

    def action_copy(self) -> None:
        """y: the claim selected in the Outline with its citation, else the article's URL."""
        from tui.copying import claim_citation
        from tui.widgets.outline import OutlinePanel

        outline = self.focused
        article = self.main.reader.article
        claim = outline.current_claim if isinstance(outline, OutlinePanel) else None
        if claim is None or article is None:
            self.action_copy_url()
            return
        self.copy_to_clipboard(claim_citation(claim, article))
        self.notify("Copied the claim with its speaker and source", timeout=2)

    def action_stories(self) -> None:
        """S: the Story view over the library (escape comes back here)."""
        from tui.screens.stories import StoriesScreen

        if self.library is None:
            self._no_library_toast("The Story view")
        elif not isinstance(self.screen, StoriesScreen):
            self.push_screen(StoriesScreen(self.library))

    def action_entity_view(self) -> None:
        """E: the entity view for the entity highlighted in the Entities panel."""
        from tui.screens.entity import EntityScreen
        from tui.widgets.entities import EntitiesPanel

        panel = self.main.query_one(EntitiesPanel)
        entity = panel.entity_at(panel.highlighted)
        if self.library is None:
            self._no_library_toast("The entity view")
        elif entity is None:
            self.notify("Highlight an entity in the Entities panel (2) first", timeout=3)
        elif self.screen is self.main:
            self.push_screen(EntityScreen(self.library, entity.name))

    def _no_library_toast(self, view: str) -> None:
        message = f"{view} needs a library file; these articles are only in memory"
        self.notify(message, severity="warning", markup=False)

    def action_toggle_theme(self) -> None:
        """Switch between the light and the dark theme."""
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_export_markdown(self) -> None:
        """Write the current article's analysis as Markdown to a file."""
        from tui.core.report import article_markdown
        from tui.dialogs.export import ExportDialog

        article = self.main.reader.article
        if article is None:
            self.notify("No article to export", severity="warning", markup=False)
            return
        slug = re.sub(r"[^a-z0-9]+", "-", display_title(article).casefold()).strip("-")
        default = f"{slug[:60] or 'article'}.md"

        def export(path: str | None) -> None:
            if not path:
                return
            try:
                Path(path).expanduser().write_text(article_markdown(article), encoding="utf-8")
            except OSError as exc:
                message = f"{sanitize_for_terminal(path)}: {exc.strerror or exc}"
                self.notify(message, title="Export failed", severity="error", markup=False)
                return
            self.notify(f"Exported to {sanitize_for_terminal(path)}", markup=False)

        self.push_screen(ExportDialog(default), export)

    def run_reader_action(self, action: str) -> None:
        """Run a palette command's action on the app or on the main screen."""
        if action.startswith("screen."):
            self.call_later(self.main.run_action, action.removeprefix("screen."))
        else:
            self.call_later(self.run_action, action.removeprefix("app."))


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the real stderr (UI thread only).

    The importer's process pool needs it; started from inside the app it would be handed
    Textual's stderr capture, whose fileno() is -1, and spawning fails ("bad value(s) in
    fds_to_keep"). Started here it is running already when the pool asks for it.
    """
    from multiprocessing import resource_tracker

    captured = sys.stderr
    try:
        sys.stderr = sys.__stderr__ or captured
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


def run_reader(args: argparse.Namespace) -> int:
    """Open the library (``--library``, $NEWSREADER_LIBRARY or the default) and read.

    The paths given are imported into it in a worker once the first screen is up. A file
    that is not a usable library: one line on stderr, exit 1, the file untouched.
    """
    from tui.core.library import resolve_library_path
    from tui.core.library.store import Library, LibraryError

    # The modules loaded so far live as long as the process: frozen out of the collector's
    # sight, the full collection that building the first screen triggers stays short
    # (scanning them took ~20 ms of the start-up, benchmarks/startup.py). Building the
    # first screen makes objects that live as long as the app, so the collector runs less
    # often until it is painted (_first_paint puts the usual thresholds back).
    gc.freeze()
    gc.set_threshold(STARTUP_GC_THRESHOLD, *gc.get_threshold()[1:])
    try:
        from tui.config import load_config

        config = load_config()
        library = Library.open(
            resolve_library_path(getattr(args, "library", None), config.library.path)
        )
    except LibraryError as exc:
        print(f"newsreader: {sanitize_for_terminal(str(exc))}", file=sys.stderr)
        return 1
    try:
        app = NewsReaderApp(list(args.paths), library=library, config=config)
        app.run()
    finally:
        library.close()
    return app.return_code or 0
