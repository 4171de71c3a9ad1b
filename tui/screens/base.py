"""What every part of the main screen shares: typed accessors and opening an article.

:class:`ReaderScreen` is the base of the main screen and of its action modules
(:mod:`tui.screens.library_actions`, :mod:`tui.screens.search_actions`): each adds one
concern, all use the store, the deck and :meth:`ReaderScreen.open` from here.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual import work
from textual.screen import Screen
from textual.worker import get_current_worker

from tui.core.model import Article
from tui.messages import MAIN_READER, ArticleRead, OpenRequest, WorkFailed
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import ArticleView
from tui.widgets.reader_deck import ReaderDeck
from tui.widgets.safe_text import sanitize_for_terminal
from tui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from tui.app import NewsReaderApp
    from tui.core.library.protocol import ArticleStore
    from tui.core.library.store import ArticleSummary


MOUNT_RETRY_SECONDS = 0.02


class ReaderScreen(Screen[None]):
    """The article list, the reader deck and the side panels, and how articles get shown."""

    @property
    def reader_app(self) -> NewsReaderApp:
        return cast("NewsReaderApp", self.app)

    @property
    def store(self) -> ArticleStore:
        return self.reader_app.store

    @property
    def listing(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def deck(self) -> ReaderDeck:
        return self.query_one(ReaderDeck)

    @property
    def side(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def reader(self) -> ArticleView:
        """The reader that the panels, [ ] and n / N act on."""
        return self.deck.active

    @property
    def entries(self) -> list[ArticleSummary]:
        """The summaries in the article list (filtered)."""
        return self.listing.entries

    @property
    def articles(self) -> list[Article]:
        """The listed articles that are in memory (every one of them without a library)."""
        cached = self.reader_app.cached_article
        return [a for a in (cached(e.id) for e in self.entries) if a is not None]

    @property
    def split(self) -> bool:
        return self.deck.split

    def current_article(self) -> Article | None:
        """The active reader's article, or None with a word to the user."""
        article = self.reader.article
        if article is None:
            self.notify("No article open", severity="warning", timeout=2)
        return article

    def store_failed(self, exc: Exception) -> None:
        """A library call failed (busy, vanished): say so, keep reading."""
        self.notify(
            sanitize_for_terminal(str(exc)), title="Library", severity="error", markup=False
        )

    # ------------------------------------------------------------------ opening

    def open(self, request: OpenRequest) -> None:
        """Show an article: at once if in memory, else read in a worker first."""
        article = self.reader_app.cached_article(request.article_id)
        if article is not None:
            self.show(request, article)
        else:
            self._read_article(request)

    @work(thread=True, exclusive=True, group="read-article")
    def _read_article(self, request: OpenRequest) -> None:
        from tui.core.library.store import LibraryError

        worker = get_current_worker()
        try:
            article = self.store.get_article(request.article_id)
        except LibraryError as exc:
            self.post_message(WorkFailed("library", str(exc), title="Library"))
            return
        if not worker.is_cancelled:
            self.post_message(ArticleRead(request, article))

    def on_article_read(self, message: ArticleRead) -> None:
        self.show(message.request, message.article)

    def show(self, request: OpenRequest, article: Article) -> None:
        """Show an article that is in memory, as ``request`` says."""
        self.reader_app.remember_article(article)
        if request.reader_id == MAIN_READER and not self.deck.show(
            article, request.new_tab, request.pin
        ):
            # The tab bar is still mounting: a tab added now could take the first one's place.
            # A timer, not call_after_refresh: that one can run again before the bar's own
            # mount is processed, and spin.
            self.set_timer(MOUNT_RETRY_SECONDS, partial(self.show, request, article))
            return
        if request.reader_id != MAIN_READER:
            self.deck.show_in(request.reader_id, article, request.why)
        if request.mark_read:
            self.mark_read_now(article.id)
        if request.then is not None:
            request.then(article)

    def mark_read_now(self, article_id: str) -> None:
        """The user reads this article: read in the store and in the list."""
        entry = self.listing.entry(article_id)
        if entry is not None and entry.read:
            return
        try:
            self.store.mark_read(article_id, True)
            self.listing.update_entry(self.store.get_summary(article_id))
        except Exception as exc:  # a busy or vanished library must not stop reading
            self.store_failed(exc)

    def claim_flags(self, article: Article) -> tuple[set[str], dict[str, str]]:
        """The keys of the article's starred claims, and its claims' notes by claim key."""
        try:
            starred = self.store.starred_claims(article.id)
            notes = {n.claim_key: n.text for n in self.store.notes_for(article.id) if n.claim_key}
        except Exception as exc:
            self.store_failed(exc)
            return set(), {}
        return starred, notes
