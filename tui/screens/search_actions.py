"""Search actions of the main screen: `/` across every article, ctrl+f within one, n / N."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.messages import MAIN_READER, OpenRequest
from tui.screens.base import ReaderScreen
from tui.widgets.reader import ArticleView
from tui.widgets.safe_text import sanitize_for_terminal

if TYPE_CHECKING:
    from tui.core.model import Article
    from tui.core.search import Hit


class SearchActions(ReaderScreen):
    """Search dialogs and the marks they leave in the reader."""

    def action_search(self) -> None:
        """Fuzzy search across every article (typos welcome); Enter opens the hit."""
        from tui.dialogs.search import SearchDialog

        # While the index is still building the dialog says so, takes the typing, and
        # searches once the app hands it the index (see NewsReaderApp.on_index_ready).
        dialog = SearchDialog(self.reader_app.search_index)

        def chosen(hit: Hit | None) -> None:
            if hit is not None:
                self.open_hit(hit, dialog.last_query)

        self.app.push_screen(dialog, chosen)

    def action_find(self) -> None:
        """Find in the current article with the search engine (typos welcome).

        The `/` dialog restricted to the article: Enter jumps to the chosen (best) hit, and
        n / N step through the article's other hits.
        """
        from tui.dialogs.search import SearchDialog

        view = self.reader
        article = self.current_article()
        if article is None:
            return
        dialog = SearchDialog(self.reader_app.search_index, article_id=article.id)

        def chosen(hit: Hit | None) -> None:
            # The reader may have moved on meanwhile: mark only the article searched.
            if hit is not None and view.article is not None and view.article.id == hit.article_id:
                view.focus()
                self.mark_hits(view, hit, dialog.last_query)

        self.app.push_screen(dialog, chosen)

    def open_hit(self, hit: Hit, query: str) -> None:
        """Open a search hit's article at its sentence; n / N step through the other hits."""

        def show(article: Article) -> None:
            view = self.deck.main
            self.deck.set_active(MAIN_READER)
            view.focus()
            self.mark_hits(view, hit, query)

        self.open(OpenRequest(hit.article_id, then=show))

    def mark_hits(self, view: ArticleView, hit: Hit, query: str) -> None:
        """Mark every hit of ``query`` in the view's article; jump to ``hit`` (n / N step)."""
        article = view.article
        index = self.reader_app.search_index
        spans = []
        if article is not None and index is not None and query.strip():
            spans = [h.span for h in index.article_hits(query, article.id) if h.span[1] > h.span[0]]
        label = f'"{sanitize_for_terminal(query.strip())}"'
        if hit.span[1] > hit.span[0]:
            if hit.span not in spans:
                spans.append(hit.span)
            view.set_marks(spans, label=label, current=hit.span)
        elif spans:
            view.set_marks(spans, label=label, jump=False)
            view.scroll_home(animate=False)

    def action_next_hit(self) -> None:
        """Step to the next entity mention or find hit."""
        self.reader.action_next_mark()

    def action_previous_hit(self) -> None:
        """Step to the previous entity mention or find hit."""
        self.reader.action_previous_mark()
