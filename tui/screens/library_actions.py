"""Library actions of the main screen: the list and its filter, read, star, notes, delete.

Everything here goes straight to the store (the library, or the in-memory store) and then
redraws what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from textual.content import Content

from tui.core.model import Article
from tui.messages import OpenRequest
from tui.screens.base import ReaderScreen
from tui.widgets.format import display_title
from tui.widgets.outline import OutlinePanel
from tui.widgets.reader import ArticleView
from tui.widgets.safe_text import sanitize_for_terminal

if TYPE_CHECKING:
    from textual.timer import Timer

    from tui.core.library.store import ArticleFilter

LIST_PAGE = 100  # article summaries read at a time (a few screens); more near the end
FILTER_CYCLE = ("all", "unread", "starred")


class LibraryActions(ReaderScreen):
    """The article list's content and the library state of the articles in it."""

    filter: ArticleFilter | None = None  # None: every article
    _read_timer: Timer | None = None

    # ------------------------------------------------------------------ the list

    def refresh_list(self, keep: str | None = None, open_first: bool = True) -> None:
        """Re-read the list from the store (with the filter); open the first if none is open."""
        listing = self.listing
        current = self.deck.main.article
        # One page of summaries: a 10,000-article library paints as fast as a small one.
        entries = self.store.list_articles(self.filter, limit=LIST_PAGE)
        n = len(entries)
        if n == LIST_PAGE:
            n = self.store.count_articles(self.filter)
        label = self.filter_label()
        empty = (
            f"No article matches “{label}” (u, F: change the filter)" if label else "No articles"
        )
        listing.set_entries(
            entries, keep=keep or (current.id if current else None), total=n, empty=empty
        )
        self.sub_title = f"{n} article{'s' if n != 1 else ''}" + (f" · {label}" if label else "")
        listing.border_title = Content("Articles" + (f" · {label}" if label else ""))
        if entries and open_first and not self.deck.tab_articles:
            # After the first paint: reading it in a worker would compete with the paint.
            self.call_after_refresh(self._open_first, entries[0].id)

    def _open_first(self, article_id: str) -> None:
        if not self.deck.tab_articles and self.deck.main.article is None:
            # Shown, not chosen: the first article is not marked read by starting the app.
            self.open(OpenRequest(article_id, mark_read=False))

    def load_more(self, index: int | None) -> None:
        """Read the next page of the list when the cursor is near the end of what is loaded."""
        listing = self.listing
        if index is None or not listing.has_more or index < len(listing.entries) - 20:
            return
        more = self.store.list_articles(self.filter, limit=LIST_PAGE, offset=len(listing.entries))
        listing.append_entries(more)
        if not more:
            listing.total = len(listing.entries)

    def filter_label(self) -> str:
        if self.filter is None:
            return ""
        from tui.core.filters import describe_filter

        return sanitize_for_terminal(describe_filter(self.filter))

    def action_cycle_filter(self) -> None:
        """Show all articles, only the unread ones, or only the starred ones."""
        from tui.core.library.store import ArticleFilter

        f = self.filter or ArticleFilter()
        now = "unread" if f.unread else "starred" if f.starred else "all"
        nxt = FILTER_CYCLE[(FILTER_CYCLE.index(now) + 1) % len(FILTER_CYCLE)]
        self.set_filter(replace(f, unread=nxt == "unread", starred=nxt == "starred"))
        self.notify(f"Showing {nxt} articles", timeout=2)

    def action_filter(self) -> None:
        """Filter the list: unread, starred, site:, since:, @entity."""
        from tui.dialogs.filter import FilterDialog

        def chosen(f: ArticleFilter | None) -> None:
            if f is not None:
                self.set_filter(f)

        self.app.push_screen(FilterDialog(self.filter), chosen)

    def set_filter(self, f: ArticleFilter | None) -> None:
        """Show only the articles matching ``f`` (None or an empty filter: all)."""
        from tui.core.library.store import ArticleFilter

        self.filter = None if f is None or f == ArticleFilter() else f
        self.refresh_list(open_first=False)

    # ------------------------------------------------------------------ read and star

    def mark_read_later(self, article_id: str) -> None:
        """Shown for the config's mark_read_after seconds (not just passed over): read."""
        if self._read_timer is not None:
            self._read_timer.stop()

        def still_shown() -> None:
            shown = self.reader.article
            if shown is not None and shown.id == article_id:
                self.mark_read_now(article_id)

        delay = self.reader_app.config.reader.mark_read_after
        if delay <= 0:
            self.mark_read_now(article_id)
            return
        self._read_timer = self.set_timer(delay, still_shown)

    def on_article_view_scrolled(self, event: ArticleView.Scrolled) -> None:
        article = event.view.article
        if article is not None:
            self.mark_read_now(article.id)

    def _refresh_entry(self, article_id: str) -> None:
        try:
            self.listing.update_entry(self.store.get_summary(article_id))
        except Exception as exc:
            self.store_failed(exc)

    def action_toggle_read(self) -> None:
        """Mark the current article unread (or read again)."""
        if self._read_timer is not None:
            self._read_timer.stop()  # the user says what it is: no timer overrides that
        self._toggle_article_flag("read", self.store.mark_read, ("Marked read", "Marked unread"))

    def action_star_article(self) -> None:
        """Star or unstar the current article."""
        self._toggle_article_flag("starred", self.store.star_article, ("Starred", "Star removed"))

    def _toggle_article_flag(
        self, flag: str, store_it: Callable[[str, bool], object], messages: tuple[str, str]
    ) -> None:
        """Flip a yes/no state of the current article in the store and show the outcome."""
        article = self.current_article()
        if article is None:
            return
        try:
            value = not getattr(self.store.get_summary(article.id), flag)
            store_it(article.id, value)
        except Exception as exc:
            self.store_failed(exc)
            return
        self._refresh_entry(article.id)
        self.notify(messages[0] if value else messages[1], timeout=2)

    def on_outline_panel_star_requested(self, event: OutlinePanel.StarRequested) -> None:
        article = self.reader.article
        if article is None:
            return
        key = event.claim.key
        try:
            starred = key not in self.store.starred_claims(article.id)
            self.store.star_claim(article.id, key, starred)
        except Exception as exc:
            self.store_failed(exc)
            return
        self.refresh_claim_flags(article)
        self.notify("Claim starred" if starred else "Claim star removed", timeout=2)

    # ------------------------------------------------------------------ notes

    def on_outline_panel_note_requested(self, event: OutlinePanel.NoteRequested) -> None:
        article = self.reader.article
        if article is not None:
            self._edit_note(article, event.claim.key, event.claim.text)

    def action_note_article(self) -> None:
        """Write a note on the current article."""
        article = self.current_article()
        if article is not None:
            self._edit_note(article, None, None)

    def _edit_note(self, article: Article, key: str | None, quote: str | None) -> None:
        from tui.dialogs.library_note import NoteEditor

        try:
            notes = self.store.notes_for(article.id)
        except Exception as exc:
            self.store_failed(exc)
            return
        old = next((n.text for n in notes if n.claim_key == key), "")
        title = "Note on this claim" if key else f"Note on “{display_title(article, 60)}”"

        def save(text: str | None) -> None:
            if text is None or text == old:
                return
            try:
                self.store.set_note(article.id, key, text)
            except Exception as exc:
                self.store_failed(exc)
                return
            self.refresh_claim_flags(article)
            if key is None:
                for view in self.query(ArticleView):
                    if view.article is not None and view.article.id == article.id:
                        view.set_note(text)
            self.notify("Note deleted" if not text.strip() else "Note saved", timeout=2)

        self.app.push_screen(NoteEditor(old, title=title, quote=quote), save)

    def show_article_note(self, view: ArticleView) -> None:
        """Show the note on the article ``view`` shows at the top of that reader."""
        article = view.article
        if article is None:
            return
        try:
            notes = self.store.notes_for(article.id)
        except Exception as exc:
            self.store_failed(exc)
            return
        view.set_note(next((n.text for n in notes if n.claim_key is None), ""))

    def refresh_claim_flags(self, article: Article) -> None:
        outline = self.query_one(OutlinePanel)
        if outline.article is not None and outline.article.id == article.id:
            outline.set_flags(*self.claim_flags(article))

    # ------------------------------------------------------------------ delete

    def action_delete_article(self) -> None:
        """Delete the current article from the library (asks first)."""
        from tui.dialogs.library_confirm import ConfirmDelete

        article = self.current_article()
        if article is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.delete_article(article)

        self.app.push_screen(ConfirmDelete(display_title(article, 80)), confirmed)

    def delete_article(self, article: Article) -> None:
        """Delete ``article`` and show the next one where it was open."""
        position = self.listing.index_of(article.id)
        try:
            self.store.delete_article(article.id)
        except Exception as exc:
            self.store_failed(exc)
            return
        self.reader_app.forget_article(article.id)
        entries = [e for e in self.entries if e.id != article.id]
        nxt = entries[min(max(position, 0), len(entries) - 1)].id if entries else None
        self.deck.forget(article.id)
        self.refresh_list(keep=nxt, open_first=False)
        current = self.deck.main.article
        if current is not None and current.id == article.id:
            if nxt is not None:
                self.open(OpenRequest(nxt))
            else:
                self.deck.clear()
                self.side.set_article(None)
        second = self.deck.second
        shown = second.article if second is not None else None
        if self.split and shown is not None and shown.id == article.id:
            self.deck.close_split()
        self.notify(f"Deleted “{display_title(article, 60)}”", timeout=3, markup=False)
