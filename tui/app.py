"""The newsreader Textual app."""

from __future__ import annotations

import argparse
import os
import re
import time
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding

from tui.core.model import Article
from tui.dialogs.palette import ReaderCommands
from tui.resources import seeds_dir, styles_dir
from tui.screens.main import MainScreen
from tui.widgets.format import display_title
from tui.widgets.safe_text import sanitize_for_terminal

# Set to "first-paint" or "loaded" to exit once that point is reached (benchmarks/startup.py).
EXIT_AFTER_ENV = "NEWSREADER_EXIT_AFTER"
# A file to which the wall-clock time of the first paint is written (benchmarks/startup.py).
PAINT_FILE_ENV = "NEWSREADER_PAINT_FILE"
BATCH_SECONDS = 0.25


def expand_paths(paths: list[str]) -> list[Path]:
    """Every file under ``paths``, in the order ``load_paths`` would read them."""
    files: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file()))
        else:
            files.append(p)
    return files


class NewsReaderApp(App[int]):
    """Articles on the left, the reader in the centre, the analysis on the right."""

    CSS_PATH = [str(styles_dir() / "app.tcss")]
    TITLE = "newsreader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("o", "open", "Open"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    def __init__(
        self,
        paths: list[str] | None = None,
        *,
        articles: list[Article] | None = None,
    ) -> None:
        """Open ``paths`` (loaded in a worker) and/or already loaded ``articles``.

        With neither, the bundled seeds are opened.
        """
        super().__init__()
        self.articles: list[Article] = list(articles or [])
        if paths:
            self.paths = list(paths)
        else:
            self.paths = [] if articles else [str(seeds_dir())]
        self.failures: list[tuple[str, str]] = []
        self._exit_after = os.environ.get(EXIT_AFTER_ENV, "")

    @property
    def main(self) -> MainScreen:
        return self._main

    def get_default_screen(self) -> MainScreen:
        self._main = MainScreen()
        return self._main

    def screen_ready(self) -> None:
        """Called by the main screen once its panes exist: show and start loading."""
        if self.articles:
            self.main.set_articles(self.articles)
        self.call_after_refresh(self._first_paint)
        if self.paths:
            # Paint the empty reader first, then read files.
            self.call_after_refresh(self.load, self.paths)

    def _first_paint(self) -> None:
        paint_file = os.environ.get(PAINT_FILE_ENV)
        if paint_file:
            Path(paint_file).write_text(repr(time.time()), encoding="utf-8")
        if self._exit_after == "first-paint" or (self._exit_after == "loaded" and not self.paths):
            self.exit(0)

    # ------------------------------------------------------------------ loading

    @work(thread=True, group="load")
    def load(self, paths: list[str]) -> None:
        """Load and analyse ``paths`` off the UI thread, adding articles as they come."""
        from tui.core.extract import analyse
        from tui.core.loaders import load_paths

        files = expand_paths(paths)
        batch: list[Article] = []
        last = 0.0
        for done, path in enumerate(files, 1):
            result = load_paths([path])
            for article in result.articles:
                try:
                    analyse(article)
                except Exception as exc:  # an extractor bug must not lose the article
                    self.call_from_thread(
                        self._failed, str(path), f"analysis failed: {type(exc).__name__}"
                    )
                batch.append(article)
            for failure in result.errors:
                self.call_from_thread(self._failed, failure.path, failure.error)
            now = time.monotonic()
            if batch and (now - last > BATCH_SECONDS or done == len(files)):
                self.call_from_thread(self._add, batch, done, len(files))
                batch, last = [], now
            elif done % 10 == 0 or done == len(files):
                self.call_from_thread(self.main.show_progress, done, len(files))
        self.call_from_thread(self._loaded, len(files))

    def _add(self, articles: list[Article], done: int, total: int) -> None:
        self.articles.extend(articles)
        self.main.set_articles(self.articles)
        self.main.show_progress(done, total)

    def _failed(self, path: str, error: str) -> None:
        self.failures.append((path, error))
        self.notify(
            f"{sanitize_for_terminal(path)}: {sanitize_for_terminal(error)}",
            title="Could not load",
            severity="error",
            markup=False,
            timeout=8,
        )

    def _loaded(self, total: int) -> None:
        self.main.show_progress(total, total)
        if not self.articles and total:
            self.notify("No article could be loaded", severity="warning", markup=False)
        if self._exit_after == "loaded":
            self.call_after_refresh(self._loaded_paint)

    def _loaded_paint(self) -> None:
        paint_file = os.environ.get(PAINT_FILE_ENV)
        if paint_file:
            Path(paint_file).write_text(repr(time.time()), encoding="utf-8")
        self.exit(0)

    # ------------------------------------------------------------------ actions

    def action_open(self) -> None:
        """Open a file or folder with the file picker."""
        from tui.dialogs.open_file import OpenDialog

        def opened(path: str | None) -> None:
            if path:
                self.notify(f"Loading {sanitize_for_terminal(path)}", markup=False, timeout=2)
                self.load([path])

        self.push_screen(OpenDialog(Path.cwd()), opened)

    def action_help(self) -> None:
        """Show every key binding."""
        from tui.screens.help import HelpScreen, help_areas

        article = self.main.reader.article
        title = display_title(article) if article is not None else ""
        self.push_screen(HelpScreen(help_areas(type(self)), title))

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


def run_reader(args: argparse.Namespace) -> int:
    """Run the app on the paths the user gave (or the seeds)."""
    app = NewsReaderApp(list(args.paths))
    app.run()
    return app.return_code or 0
