"""The newsreader Textual app."""

from __future__ import annotations

import argparse

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, ListItem, ListView, Static

from tui.core.extract import analyse
from tui.core.loaders import load_paths
from tui.core.model import Article
from tui.resources import seeds_dir, styles_dir


class NewsReaderApp(App[int]):
    """Articles on the left, the reader on the right."""

    CSS_PATH = [str(styles_dir() / "app.tcss")]
    TITLE = "newsreader"
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, paths: list[str] | None = None) -> None:
        super().__init__()
        self.paths = paths or [str(seeds_dir())]
        self.articles: list[Article] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield ListView(id="article-list")
        with VerticalScroll(id="reader"):
            yield Static(id="body")
        yield Footer()

    def on_mount(self) -> None:
        self.load_articles()

    @work(thread=True, exclusive=True)
    def load_articles(self) -> None:
        result = load_paths(self.paths)
        for article in result.articles:
            analyse(article)
        self.call_from_thread(
            self._show, result.articles, [f"{e.path}: {e.error}" for e in result.errors]
        )

    def _show(self, articles: list[Article], errors: list[str]) -> None:
        self.articles = articles
        listing = self.query_one("#article-list", ListView)
        for article in articles:
            listing.append(ListItem(Static(Text(article.title or "(untitled)"))))
        for error in errors:
            self.notify(error, severity="error", title="Could not load")
        if articles:
            listing.index = 0
            self._render_article(articles[0])

    def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        index = event.list_view.index
        if index is not None and 0 <= index < len(self.articles):
            self._render_article(self.articles[index])

    def _render_article(self, article: Article) -> None:
        self.query_one("#body", Static).update(Text(article.text))


def run_reader(args: argparse.Namespace) -> int:
    """Run the app on the paths the user gave (or the seeds)."""
    app = NewsReaderApp(list(args.paths))
    app.run()
    return app.return_code or 0
