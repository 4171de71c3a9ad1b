"""The main screen: article list, reader (tabs and split), side panels.

The list shows library summaries only; an article's body and analysis are read (in a
worker, unless already in memory) when it is opened. Reading state, stars and notes go
straight to the app's store (the library, or a MemoryStore for injected articles).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Tab, Tabs
from textual.worker import get_current_worker

from tui.core.model import Article
from tui.widgets.article_list import ArticleList
from tui.widgets.entities import EntitiesPanel
from tui.widgets.figures import FiguresPanel
from tui.widgets.format import display_title
from tui.widgets.key_bar import KeyBar
from tui.widgets.outline import OutlinePanel
from tui.widgets.reader import ArticleView
from tui.widgets.safe_text import sanitize_for_terminal
from tui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from tui.core.library.store import ArticleFilter
    from tui.core.search import Hit

TAB_TITLE_WIDTH = 24
WIDE = 110  # columns from which the side panels are shown beside the reader
MAX_OPEN_TABS = 8  # `newsreader A B C`: each opened in a tab, up to this many
LIST_PAGE = 100  # article summaries read at a time (a few screens); more near the end


def tab_label(article: Article) -> Content:
    title = display_title(article)
    if len(title) > TAB_TITLE_WIDTH:
        title = title[: TAB_TITLE_WIDTH - 1] + "…"
    return Content(title)


class MainScreen(Screen[None]):
    """Where reading happens."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    AUTO_FOCUS = "#reader"

    BINDINGS = [
        Binding("tab", "focus_next_pane", "Next pane", show=False),
        Binding("shift+tab", "focus_previous_pane", "Previous pane", show=False),
        Binding("1", "show_panel('outline')", "Outline"),
        Binding("2", "show_panel('entities')", "Entities"),
        Binding("3", "show_panel('figures')", "Figures"),
        Binding("r", "focus_reader", "Reader", show=False),
        Binding("l", "focus_list", "Article list", show=False),
        Binding("p", "toggle_panels", "Panels"),
        Binding("left_square_bracket", "previous_article", "Prev article", show=False),
        Binding("right_square_bracket", "next_article", "Next article", show=False),
        Binding("t", "new_tab", "Open in new tab", show=False),
        Binding("w", "close_tab", "Close tab", show=False),
        Binding("H", "previous_tab", "Previous tab", show=False),
        Binding("L", "next_tab", "Next tab", show=False),
        Binding("v", "toggle_split", "Split view", show=False),
        Binding("e", "toggle_highlight('entities')", "Entity highlights", show=False),
        Binding("f", "toggle_highlight('figures')", "Figure highlights", show=False),
        Binding("c", "toggle_highlight('claims')", "Claim highlights", show=False),
        Binding("n", "next_hit", "Next hit"),
        Binding("N", "previous_hit", "Previous hit", show=False),
        Binding("slash", "search", "Search"),
        Binding("ctrl+f", "find", "Find in article", show=False),
        Binding("asterisk", "star_article", "Star article"),
        Binding("m", "toggle_read", "Mark read/unread", show=False),
        Binding("a", "note_article", "Note on article", show=False),
        Binding("u", "cycle_filter", "Show all/unread/starred", show=False),
        Binding("F", "filter", "Filter list", show=False),
        Binding("D,delete", "delete_article", "Delete article", show=False),
        Binding("escape", "close_overlay", "Close / clear", show=False),
    ]

    FILTER_CYCLE = ("all", "unread", "starred")

    def __init__(self) -> None:
        super().__init__()
        self._tab_articles: dict[str, Article] = {}
        self._tab_serial = 0
        self._active_reader_id = "reader"
        self.filter: ArticleFilter | None = None  # None: every article

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        # The breakpoint class now rather than at the first Resize: the first layout is then
        # the final one (otherwise the whole screen is restyled and painted twice at start).
        wide = self.app.size.width >= WIDE
        self.set_class(wide, "-wide", update=False)
        self.set_class(not wide, "-narrow", update=False)
        yield Header(show_clock=False)
        with Horizontal(id="main"):
            yield ArticleList(id="article-list")
            # The article tabs, the comparison reader and the progress bar
            # are mounted on first use: fewer widgets make the first paint faster.
            with Vertical(id="centre"), Horizontal(id="readers"):
                yield ArticleView(id="reader")
            yield SidePanel(id="side")
        yield KeyBar(id="keys")

    def on_resize(self, event: events.Resize) -> None:
        # The folded (narrow) layout switches panels with tabs: mount them when needed.
        if event.size.width < WIDE:
            self.query_one(SidePanel).ensure_tabs()

    def on_mount(self) -> None:
        self.query_one("#article-list").border_title = "Articles"
        # Tabs switch with H / L, 1 / 2 / 3 and the mouse; tab / shift+tab visit panes only.
        self.query_one("#reader", ArticleView).add_class("-active")
        ready = getattr(self.app, "screen_ready", None)
        if callable(ready):
            ready()

    # ------------------------------------------------------------------ helpers

    @property
    def store(self):
        return self.app.store  # type: ignore[attr-defined]

    @property
    def articles(self) -> list[Article]:
        """The listed articles that are in memory (every one of them without a library)."""
        cached = self.app.cached_article  # type: ignore[attr-defined]
        return [a for a in (cached(e.id) for e in self.entries) if a is not None]

    @property
    def entries(self) -> list:
        """The summaries in the article list (filtered)."""
        return self.query_one(ArticleList).entries

    @property
    def reader(self) -> ArticleView:
        """The reader that the panels, [ ] and n / N act on."""
        return self.query_one(f"#{self._active_reader_id}", ArticleView)

    @property
    def split(self) -> bool:
        return self.has_class("-split")

    @property
    def wide(self) -> bool:
        return self.has_class("-wide")

    def refresh_list(self, keep: str | None = None, open_first: bool = True) -> None:
        """Re-read the list from the store (with the filter); open the first if none is open."""
        listing = self.query_one(ArticleList)
        current = self.reader.article
        # One page of summaries: a 10,000-article library paints as fast as a small one.
        entries = self.store.list_articles(self.filter, limit=LIST_PAGE)
        n = len(entries)
        if n == LIST_PAGE:
            n = self.store.count_articles(self.filter)
        label = self._filter_label()
        empty = (
            f"No article matches “{label}” (u, F: change the filter)" if label else "No articles"
        )
        listing.set_entries(
            entries, keep=keep or (current.id if current else None), total=n, empty=empty
        )
        self.sub_title = f"{n} article{'s' if n != 1 else ''}" + (f" · {label}" if label else "")
        listing.border_title = Content("Articles" + (f" · {label}" if label else ""))
        if entries and open_first and not self._tab_articles:
            # After the first paint: reading it in a worker would compete with the paint.
            self.call_after_refresh(self._open_first, entries[0].id)

    def _open_first(self, article_id: str) -> None:
        if not self._tab_articles and self.reader.article is None:
            # Shown, not chosen: the first article is not marked read by starting the app.
            self.open_id(article_id, mark_read=False)

    def _filter_label(self) -> str:
        if self.filter is None:
            return ""
        from tui.core.filters import describe_filter

        return sanitize_for_terminal(describe_filter(self.filter))

    def open_id(
        self,
        article_id: str,
        new_tab: bool = False,
        reader_id: str = "reader",
        then: Callable[[Article], None] | None = None,
        mark_read: bool = True,
    ) -> None:
        """Open the article with this id: at once if in memory, else read in a worker.

        Opening marks it read (``mark_read``); ``then`` runs once it is shown.
        """
        article = self.app.cached_article(article_id)  # type: ignore[attr-defined]
        if article is not None:
            self._opened(article, new_tab, reader_id, then, mark_read)
        else:
            self._read_article(article_id, new_tab, reader_id, then, mark_read)

    def open_ids(self, article_ids: list[str]) -> None:
        """Open several articles, one tab each (at most MAX_OPEN_TABS); show the first."""
        ids = list(dict.fromkeys(article_ids))[:MAX_OPEN_TABS]
        if not ids:
            return

        def step(i: int) -> Callable[[Article], None]:
            def after(article: Article) -> None:
                if i + 1 < len(ids):
                    # One at a time (the worker is exclusive), once the previous tab is mounted.
                    self.call_after_refresh(self.open_id, ids[i + 1], True, "reader", step(i + 1))
                elif len(ids) > 1:
                    first = next((t for t, a in self._tab_articles.items() if a.id == ids[0]), None)
                    if first is not None:
                        self.query_one("#article-tabs", Tabs).active = first

            return after

        self.open_id(ids[0], then=step(0))

    @work(thread=True, exclusive=True, group="read-article")
    def _read_article(
        self,
        article_id: str,
        new_tab: bool,
        reader_id: str,
        then: Callable[[Article], None] | None,
        mark_read: bool,
    ) -> None:
        from tui.core.library.store import LibraryError

        worker = get_current_worker()
        try:
            article = self.store.get_article(article_id)
        except LibraryError as exc:
            self.app.call_from_thread(
                self.notify, sanitize_for_terminal(str(exc)), severity="error", markup=False
            )
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._opened, article, new_tab, reader_id, then, mark_read)

    def _opened(
        self,
        article: Article,
        new_tab: bool,
        reader_id: str,
        then: Callable[[Article], None] | None,
        mark_read: bool = True,
    ) -> None:
        self.app.remember_article(article)  # type: ignore[attr-defined]
        if reader_id == "reader":
            self.open_article(article, new_tab, mark_read=mark_read, then=then)
            return
        self._show_in_reader(reader_id, article, mark_read=mark_read)
        if then is not None:
            then(article)

    def open_article(
        self,
        article: Article,
        new_tab: bool = False,
        mark_read: bool = True,
        then: Callable[[Article], None] | None = None,
    ) -> None:
        """Show ``article`` in the active tab (or a new one) of the main reader.

        ``then`` runs once it is shown.
        """
        found = self.query("#article-tabs")
        if not found:
            # The first article: create the tab bar with its tab.
            self._tab_serial += 1
            tab_id = f"article-tab-{self._tab_serial}"
            self._tab_articles[tab_id] = article
            # No ``active=``: Tabs activates its first tab on mount, and does not fail if the
            # app exits while it mounts (a named active tab would then be missing).
            tabs = Tabs(Tab(tab_label(article), id=tab_id), id="article-tabs")
            tabs.can_focus = False  # H / L and the mouse switch tabs; tab visits panes only
            self.query_one("#centre").mount(tabs, before="#readers")
            self._show_in_reader("reader", article, mark_read=mark_read)
            if then is not None:
                then(article)
            return
        tabs = found.first(Tabs)
        if not tabs.is_mounted:
            # Tabs mounts its tab list and first tab in steps: a tab added before it is done
            # can take the first tab's place. Try again once the bar is up.
            self.call_after_refresh(self.open_article, article, new_tab, mark_read, then)
            return
        active = tabs.active
        if new_tab or not active:
            self._tab_serial += 1
            tab_id = f"article-tab-{self._tab_serial}"
            self._tab_articles[tab_id] = article
            tabs.add_tab(Tab(tab_label(article), id=tab_id))
            tabs.active = tab_id
        else:
            self._tab_articles[active] = article
            tab = tabs.query_one(f"#{active}", Tab)
            tab.label = tab_label(article)
        self._show_in_reader("reader", article, mark_read=mark_read)
        if then is not None:
            then(article)

    def _second_reader(self) -> ArticleView:
        """The comparison reader of the split view, created on first use."""
        found = self.query("#reader-2")
        if found:
            return found.first(ArticleView)
        first = self.query_one("#reader", ArticleView)
        view = ArticleView(id="reader-2")
        view.show_entities = first.show_entities
        view.show_figures = first.show_figures
        view.show_claims = first.show_claims
        self.query_one("#readers").mount(view)
        return view

    def _show_in_reader(self, reader_id: str, article: Article, mark_read: bool = True) -> None:
        view = self.query_one(f"#{reader_id}", ArticleView)
        if view.article is None or view.article.id != article.id:
            view.set_article(article)
            # The tabs name the main reader's article; the comparison pane names its own.
            if reader_id != "reader":
                view.border_title = Content(display_title(article))
            view.border_subtitle = ""
            if mark_read:
                self._mark_opened(article.id)
            self.app.article_shown()  # type: ignore[attr-defined]
        if reader_id == self._active_reader_id:
            self._sync_side(article)
        if reader_id == "reader":
            self.title = display_title(article, limit=80)

    def _mark_opened(self, article_id: str) -> None:
        """An opened article is read: in the store and in the list."""
        listing = self.query_one(ArticleList)
        entry = listing.entry(article_id)
        if entry is not None and entry.read:
            return
        try:
            self.store.mark_read(article_id, True)
            listing.update_entry(self.store.get_summary(article_id))
        except Exception as exc:  # a busy or vanished library must not stop reading
            self._store_failed(exc)

    def _store_failed(self, exc: Exception) -> None:
        self.notify(
            sanitize_for_terminal(str(exc)), title="Library", severity="error", markup=False
        )

    def _claim_flags(self, article: Article) -> tuple[set[str], set[str]]:
        try:
            starred = self.store.starred_claims(article.id)
            noted = {n.claim_key for n in self.store.notes_for(article.id) if n.claim_key}
        except Exception as exc:
            self._store_failed(exc)
            return set(), set()
        return starred, noted

    def _sync_side(self, article: Article | None) -> None:
        side = self.query_one(SidePanel)
        if side.query_one(OutlinePanel).article is not article:
            starred, noted = self._claim_flags(article) if article else (set(), set())
            side.set_article(article, starred, noted)

    def _set_active_reader(self, reader_id: str) -> None:
        if reader_id == self._active_reader_id:
            return
        self._active_reader_id = reader_id
        for view in self.query(ArticleView):
            view.set_class(view.id == reader_id, "-active")
        self._sync_side(self.reader.article)

    # ------------------------------------------------------------------ events

    def _load_more(self, index: int | None) -> None:
        """Read the next page of the list when the cursor is near the end of what is loaded."""
        listing = self.query_one(ArticleList)
        if index is None or not listing.has_more or index < len(listing.entries) - 20:
            return
        more = self.store.list_articles(self.filter, limit=LIST_PAGE, offset=len(listing.entries))
        listing.append_entries(more)
        if not more:
            listing.total = len(listing.entries)

    @on(OptionList.OptionHighlighted, "#article-list")
    def _article_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._load_more(event.option_index)
        article_id = self.query_one(ArticleList).current_id
        if article_id is not None and self.query_one(ArticleList).has_focus:
            self.open_id(article_id)

    @on(OptionList.OptionSelected, "#article-list")
    def _article_selected(self, event: OptionList.OptionSelected) -> None:
        article_id = self.query_one(ArticleList).current_id
        if article_id is not None:
            self.open_id(article_id, new_tab=True)
            self._set_active_reader("reader")
            self.query_one("#reader", ArticleView).focus()

    @on(Tabs.TabActivated, "#article-tabs")
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        article = self._tab_articles.get(event.tab.id or "")
        if article is None:
            return
        self._show_in_reader("reader", article)
        listing = self.query_one(ArticleList)
        index = listing.index_of(article.id)
        if index >= 0 and listing.highlighted != index:
            with listing.prevent(OptionList.OptionHighlighted):
                listing.highlighted = index

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        if isinstance(focused, ArticleView) and focused.id:
            self._set_active_reader(focused.id)

    def on_outline_panel_claim_chosen(self, event: OutlinePanel.ClaimChosen) -> None:
        self.reader.show_span(event.claim.span)
        who = sanitize_for_terminal(event.claim.speaker or event.claim.source or "unattributed")
        self.reader.border_subtitle = Content("claim: " + who)
        self._reveal_reader(event.selected)

    def on_entities_panel_entity_chosen(self, event: EntitiesPanel.EntityChosen) -> None:
        self.reader.set_marks(list(event.entity.mentions), label=event.entity.name)
        self._reveal_reader(event.selected)

    def on_figures_panel_figure_chosen(self, event: FiguresPanel.FigureChosen) -> None:
        self.reader.show_span(event.figure.span)
        self.reader.border_subtitle = Content("figure: " + sanitize_for_terminal(event.figure.text))
        self._reveal_reader(event.selected)

    def _reveal_reader(self, selected: bool) -> None:
        # On a narrow terminal the overlay hides the reader: Enter on an item closes it.
        if selected and self.has_class("-panels-open") and not self.wide:
            self.remove_class("-panels-open")
            self.reader.focus()

    def on_article_view_mark_moved(self, event: ArticleView.MarkMoved) -> None:
        label = sanitize_for_terminal(event.label)
        event.view.border_subtitle = Content(f"{label} {event.index + 1}/{event.total}")

    # ------------------------------------------------------------------ actions

    def action_focus_next_pane(self) -> None:
        """Move the focus to the next pane."""
        self.focus_next()

    def action_focus_previous_pane(self) -> None:
        """Move the focus to the previous pane."""
        self.focus_previous()

    def action_focus_reader(self) -> None:
        self.reader.focus()

    def action_focus_list(self) -> None:
        self.query_one(ArticleList).focus()

    def action_show_panel(self, name: str) -> None:
        """Show the Outline, Entities or Figures panel and focus it."""
        side = self.query_one(SidePanel)
        side.show_panel(name)
        self.remove_class("-panels-hidden")
        if not self.wide:
            self.add_class("-panels-open")
        self.query_one(f"#{name}").focus()

    def action_toggle_panels(self) -> None:
        """Show or hide the side panels (an overlay on narrow terminals)."""
        if self.wide:
            self.toggle_class("-panels-hidden")
            if self.has_class("-panels-hidden"):
                self.reader.focus()
            return
        self.toggle_class("-panels-open")
        if self.has_class("-panels-open"):
            self.query_one(f"#{self.query_one(SidePanel).current}").focus()
        else:
            self.reader.focus()

    def action_previous_article(self) -> None:
        """Show the previous article of the list."""
        self._step_article(-1)

    def action_next_article(self) -> None:
        """Show the next article of the list."""
        self._step_article(1)

    def _step_article(self, direction: int) -> None:
        entries = self.entries
        if not entries:
            return
        listing = self.query_one(ArticleList)
        current = self.reader.article
        index = listing.index_of(current.id) if current is not None else -1
        index = max(0, min(len(entries) - 1, index + direction))
        article_id = entries[index].id
        self._load_more(index)
        if self._active_reader_id == "reader":
            with listing.prevent(OptionList.OptionHighlighted):
                listing.highlighted = index
            self.open_id(article_id)
        else:
            self.open_id(article_id, reader_id=self._active_reader_id)

    def action_new_tab(self) -> None:
        """Open the article highlighted in the list in a new tab."""
        article_id = self.query_one(ArticleList).current_id
        if article_id is not None:
            self.open_id(article_id, new_tab=True)
        elif self.reader.article is not None:
            self.open_article(self.reader.article, new_tab=True)

    def action_close_tab(self) -> None:
        """Close the current tab (the last one stays)."""
        found = self.query("#article-tabs")
        if not found:
            return
        tabs = found.first(Tabs)
        if tabs.tab_count <= 1 or not tabs.active:
            return
        closing = tabs.active
        self._tab_articles.pop(closing, None)
        tabs.remove_tab(closing)

    def action_previous_tab(self) -> None:
        """Switch to the previous tab."""
        for tabs in self.query("#article-tabs").results(Tabs):
            tabs.action_previous_tab()

    def action_next_tab(self) -> None:
        """Switch to the next tab."""
        for tabs in self.query("#article-tabs").results(Tabs):
            tabs.action_next_tab()

    def action_toggle_split(self) -> None:
        """Compare two articles side by side (the other tab, or the next article)."""
        if self.split:
            self.remove_class("-split")
            self._set_active_reader("reader")
            self.query_one("#reader", ArticleView).focus()
            return
        primary = self.query_one("#reader", ArticleView).article
        if primary is None:
            return
        other = next((a for a in self._tab_articles.values() if a.id != primary.id), None)
        self._second_reader()
        self.add_class("-split")
        if other is not None:
            self.call_after_refresh(self._show_in_reader, "reader-2", other)
            return
        entries = self.entries
        index = self.query_one(ArticleList).index_of(primary.id)
        other_id = entries[(index + 1) % len(entries)].id if entries else primary.id
        self.call_after_refresh(self.open_id, other_id, False, "reader-2")

    def action_toggle_highlight(self, layer: str) -> None:
        """Toggle the entity, figure or claim highlights in the readers."""
        attribute = f"show_{layer}"
        views = list(self.query(ArticleView))
        value = not getattr(views[0], attribute)
        for view in views:
            setattr(view, attribute, value)
        self.notify(f"{layer.capitalize()} highlights {'on' if value else 'off'}", timeout=2)

    def action_next_hit(self) -> None:
        """Step to the next entity mention or find hit."""
        self.reader.action_next_mark()

    def action_previous_hit(self) -> None:
        """Step to the previous entity mention or find hit."""
        self.reader.action_previous_mark()

    def action_find(self) -> None:
        """Find in the current article with the search engine (typos welcome).

        The `/` dialog restricted to the article: Enter jumps to the chosen (best) hit, and
        n / N step through the article's other hits.
        """
        from tui.dialogs.search import SearchDialog

        view = self.reader
        article = self._current()
        if article is None:
            return
        dialog = SearchDialog(self.app.search_index, article_id=article.id)  # type: ignore[attr-defined]

        def chosen(hit: Hit | None) -> None:
            # The reader may have moved on meanwhile: mark only the article searched.
            if hit is not None and view.article is not None and view.article.id == hit.article_id:
                view.focus()
                self._mark_hits(view, hit, dialog.last_query)

        self.app.push_screen(dialog, chosen)

    def action_close_overlay(self) -> None:
        """Close the panel overlay; otherwise clear the selection."""
        if self.has_class("-panels-open"):
            self.remove_class("-panels-open")
            self.reader.focus()
        else:
            self.reader.clear_selection()
            self.reader.border_subtitle = ""

    # ------------------------------------------------------------------ search

    def action_search(self) -> None:
        """Fuzzy search across every article (typos welcome); Enter opens the hit."""
        from tui.dialogs.search import SearchDialog

        # While the index is still building the dialog says so, takes the typing, and
        # searches once the app hands it the index (see NewsReaderApp._index_ready).
        dialog = SearchDialog(self.app.search_index)  # type: ignore[attr-defined]

        def chosen(hit: Hit | None) -> None:
            if hit is not None:
                self.open_hit(hit, dialog.last_query)

        self.app.push_screen(dialog, chosen)

    def open_hit(self, hit: Hit, query: str) -> None:
        """Open a search hit's article at its sentence; n / N step through the other hits."""

        def show(article: Article) -> None:
            view = self.query_one("#reader", ArticleView)
            self._set_active_reader("reader")
            view.focus()
            self._mark_hits(view, hit, query)

        self.open_id(hit.article_id, then=show)

    def _mark_hits(self, view: ArticleView, hit: Hit, query: str) -> None:
        """Mark every hit of ``query`` in the view's article; jump to ``hit`` (n / N step)."""
        article = view.article
        index = self.app.search_index  # type: ignore[attr-defined]
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

    # ------------------------------------------------------------------ library

    def _current(self) -> Article | None:
        article = self.reader.article
        if article is None:
            self.notify("No article open", severity="warning", timeout=2)
        return article

    def _refresh_entry(self, article_id: str) -> None:
        try:
            self.query_one(ArticleList).update_entry(self.store.get_summary(article_id))
        except Exception as exc:
            self._store_failed(exc)

    def action_toggle_read(self) -> None:
        """Mark the current article unread (or read again)."""
        self._toggle_article_flag("read", self.store.mark_read, ("Marked read", "Marked unread"))

    def action_star_article(self) -> None:
        """Star or unstar the current article."""
        self._toggle_article_flag("starred", self.store.star_article, ("Starred", "Star removed"))

    def _toggle_article_flag(
        self, flag: str, store_it: Callable[[str, bool], object], messages: tuple[str, str]
    ) -> None:
        """Flip a yes/no state of the current article in the store and show the outcome."""
        article = self._current()
        if article is None:
            return
        try:
            value = not getattr(self.store.get_summary(article.id), flag)
            store_it(article.id, value)
        except Exception as exc:
            self._store_failed(exc)
            return
        self._refresh_entry(article.id)
        self.notify(messages[0] if value else messages[1], timeout=2)

    def on_outline_panel_star_requested(self, event: OutlinePanel.StarRequested) -> None:
        from tui.core.library.store import claim_key

        article = self.reader.article
        if article is None:
            return
        key = claim_key(event.claim)
        try:
            starred = key not in self.store.starred_claims(article.id)
            self.store.star_claim(article.id, key, starred)
        except Exception as exc:
            self._store_failed(exc)
            return
        self._refresh_claim_flags(article)
        self.notify("Claim starred" if starred else "Claim star removed", timeout=2)

    def on_outline_panel_note_requested(self, event: OutlinePanel.NoteRequested) -> None:
        from tui.core.library.store import claim_key

        article = self.reader.article
        if article is not None:
            self._edit_note(article, claim_key(event.claim), event.claim.text)

    def action_note_article(self) -> None:
        """Write a note on the current article."""
        article = self._current()
        if article is not None:
            self._edit_note(article, None, None)

    def _edit_note(self, article: Article, key: str | None, quote: str | None) -> None:
        from tui.dialogs.library_note import NoteEditor

        try:
            notes = self.store.notes_for(article.id)
        except Exception as exc:
            self._store_failed(exc)
            return
        old = next((n.text for n in notes if n.claim_key == key), "")
        title = "Note on this claim" if key else f"Note on “{display_title(article, 60)}”"

        def save(text: str | None) -> None:
            if text is None or text == old:
                return
            try:
                self.store.set_note(article.id, key, text)
            except Exception as exc:
                self._store_failed(exc)
                return
            self._refresh_claim_flags(article)
            self.notify("Note deleted" if not text.strip() else "Note saved", timeout=2)

        self.app.push_screen(NoteEditor(old, title=title, quote=quote), save)

    def _refresh_claim_flags(self, article: Article) -> None:
        outline = self.query_one(OutlinePanel)
        if outline.article is not None and outline.article.id == article.id:
            outline.set_flags(*self._claim_flags(article))

    def action_cycle_filter(self) -> None:
        """Show all articles, only the unread ones, or only the starred ones."""
        from dataclasses import replace

        from tui.core.library.store import ArticleFilter

        f = self.filter or ArticleFilter()
        now = "unread" if f.unread else "starred" if f.starred else "all"
        nxt = self.FILTER_CYCLE[(self.FILTER_CYCLE.index(now) + 1) % len(self.FILTER_CYCLE)]
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

    def action_delete_article(self) -> None:
        """Delete the current article from the library (asks first)."""
        from tui.dialogs.library_confirm import ConfirmDelete

        article = self._current()
        if article is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.delete_article(article)

        self.app.push_screen(ConfirmDelete(display_title(article, 80)), confirmed)

    def delete_article(self, article: Article) -> None:
        """Delete ``article`` and show the next one where it was open."""
        listing = self.query_one(ArticleList)
        position = listing.index_of(article.id)
        try:
            self.store.delete_article(article.id)
        except Exception as exc:
            self._store_failed(exc)
            return
        self.app.forget_article(article.id)  # type: ignore[attr-defined]
        entries = [e for e in self.entries if e.id != article.id]
        nxt = entries[min(max(position, 0), len(entries) - 1)].id if entries else None
        for tab_id, open_article in list(self._tab_articles.items()):
            if open_article.id == article.id and len(self._tab_articles) > 1:
                self._tab_articles.pop(tab_id)
                self.query_one("#article-tabs", Tabs).remove_tab(tab_id)
        self.refresh_list(keep=nxt, open_first=False)
        current = self.query_one("#reader", ArticleView).article
        if current is not None and current.id == article.id:
            if nxt is not None:
                self.open_id(nxt)
            else:
                self._tab_articles.clear()
                self.query_one("#reader", ArticleView).set_article(None)
                self._sync_side(None)
        second = self.query("#reader-2")
        shown = second.first(ArticleView).article if second else None
        if self.split and shown is not None and shown.id == article.id:
            self.action_toggle_split()
        self.notify(f"Deleted “{display_title(article, 60)}”", timeout=3, markup=False)

    # ------------------------------------------------------------------ progress

    def show_progress(self, done: int, total: int) -> None:
        """Show loading progress when several files are being read."""
        if total <= 1 or done >= total:
            self.remove_class("-loading")
            return
        from textual.widgets import ProgressBar

        found = self.query(ProgressBar)
        if found:
            bar = found.first()
        else:
            bar = ProgressBar(id="progress", show_eta=False)
            self.mount(bar, before=self.query_one(KeyBar))
        self.add_class("-loading")
        bar.update(total=total, progress=done)
