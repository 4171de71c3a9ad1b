"""The main screen: article list, reader deck (tabs and split), side panels.

The list shows library summaries only; an article's body and analysis are read (in a
worker, unless already in memory) when it is opened. Each concern has its own module:
library state in :mod:`tui.screens.library_actions`, search in
:mod:`tui.screens.search_actions`, opening in :mod:`tui.screens.base`, tabs and the split
view in :mod:`tui.widgets.reader_deck`. Here: the layout, the panes and moving between them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Header, OptionList

from tui.keymap import with_ids
from tui.messages import MAIN_READER, SECOND_READER, OpenRequest
from tui.screens.library_actions import LibraryActions
from tui.screens.search_actions import SearchActions
from tui.widgets.article_list import ArticleList
from tui.widgets.entities import EntitiesPanel
from tui.widgets.figures import FiguresPanel
from tui.widgets.format import display_title
from tui.widgets.key_bar import KeyBar
from tui.widgets.outline import OutlinePanel
from tui.widgets.reader import ArticleView
from tui.widgets.reader_deck import ReaderDeck
from tui.widgets.safe_text import sanitize_for_terminal
from tui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from tui.core.model import Article

MAX_OPEN_TABS = 8  # `newsreader A B C`: each opened in a tab, up to this many
HIGHLIGHT_NAMES = {"entities": "Entity", "figures": "Figure", "claims": "Claim"}
PANEL_LABELS = {"claim": "outline", "figure": "figures"}  # reader label -> the panel it is of


class MainScreen(LibraryActions, SearchActions):
    """Where reading happens."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # set from the config
    AUTO_FOCUS = "#reader"

    BINDINGS = with_ids(
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
    )

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        # The breakpoint class now rather than at the first Resize: the first layout is then
        # the final one (otherwise the whole screen is restyled and painted twice at start).
        wide_from = self.reader_app.wide_from  # config [layout]
        # The config decides the breakpoint; Textual reads it per screen.
        setattr(self, "HORIZONTAL_BREAKPOINTS", [(0, "-narrow"), (wide_from, "-wide")])  # noqa: B010
        wide = self.app.size.width >= wide_from
        self.set_class(wide, "-wide", update=False)
        self.set_class(not wide, "-narrow", update=False)
        yield Header(show_clock=False)
        with Horizontal(id="main"):
            yield ArticleList(id="article-list")
            # The tabs, the comparison reader and the progress bar are mounted on first
            # use: fewer widgets make the first paint faster.
            yield ReaderDeck(id="centre")
            yield SidePanel(id="side")
        yield KeyBar(id="keys")

    def on_resize(self, event: events.Resize) -> None:
        # The folded (narrow) layout switches panels with tabs: mount them when needed.
        if event.size.width < self.reader_app.wide_from:
            self.side.ensure_tabs()

    def on_mount(self) -> None:
        self.listing.border_title = "Articles"
        # Tabs switch with H / L, 1 / 2 / 3 and the mouse; tab / shift+tab visit panes only.
        self.deck.main.add_class("-active")
        self.reader_app.screen_ready()

    @property
    def wide(self) -> bool:
        return self.has_class("-wide")

    # ------------------------------------------------------------------ opening

    def open_ids(self, article_ids: list[str]) -> None:
        """Open several articles, one tab each (at most MAX_OPEN_TABS); show the first."""
        ids = list(dict.fromkeys(article_ids))[:MAX_OPEN_TABS]

        def step(i: int) -> OpenRequest:
            def after(article: Article) -> None:
                if i + 1 < len(ids):
                    # One at a time (the worker is exclusive), once the previous tab is mounted.
                    self.call_after_refresh(self.open, step(i + 1))
                elif len(ids) > 1:
                    self.deck.activate_article(ids[0])

            return OpenRequest(ids[i], new_tab=i > 0, then=after)

        if ids:
            self.open(step(0))

    def on_reader_deck_shown(self, event: ReaderDeck.Shown) -> None:
        article = event.article
        if event.new:
            self.reader_app.article_shown()
            self.show_article_note(self.deck.query_one(f"#{event.reader_id}", ArticleView))
        if event.reader_id == self.deck.active_id:
            self._sync_side(article)
            if event.new:
                self.mark_read_later(article.id)
        if event.reader_id == MAIN_READER:
            self.title = display_title(article, limit=80)
            index = self.listing.index_of(article.id)
            if index >= 0 and self.listing.highlighted != index:
                with self.listing.prevent(OptionList.OptionHighlighted):
                    self.listing.highlighted = index

    def on_reader_deck_active_changed(self, event: ReaderDeck.ActiveChanged) -> None:
        self._sync_side(self.reader.article)

    def _sync_side(self, article: Article | None) -> None:
        side = self.side
        if side.query_one(OutlinePanel).article is not article:
            starred, notes = self.claim_flags(article) if article else (set(), {})
            side.set_article(article, starred, notes)

    def show_progress(self, done: int, total: int, failed: int = 0) -> None:
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
        bar.tooltip = f"{done}/{total} files" + (f", {failed} failed" if failed else "")

    # ------------------------------------------------------------------ list and panes

    @on(OptionList.OptionHighlighted, "#article-list")
    def _article_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.load_more(event.option_index)
        article_id = self.listing.current_id
        if article_id is not None and self.listing.has_focus:
            # A preview: the cursor passing over an article does not make it read.
            self.open(OpenRequest(article_id, mark_read=False))

    @on(OptionList.OptionSelected, "#article-list")
    def _article_selected(self, event: OptionList.OptionSelected) -> None:
        article_id = self.listing.current_id
        if article_id is not None:
            self.open(OpenRequest(article_id, new_tab=True))
            self.deck.set_active(MAIN_READER)
            self.set_focus(self.deck.main)

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        if isinstance(focused, ArticleView) and focused.id:
            self.deck.set_active(focused.id)
        elif focused is not None:
            # "claim: ..." names what the Outline chose: gone once another pane has the focus.
            label = str(self.reader.border_subtitle)
            owner = PANEL_LABELS.get(label.split(":", 1)[0])
            if owner is not None and focused.id != owner:
                self.reader.border_subtitle = ""

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
            self.set_focus(self.reader)

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
        """Move the focus to the reader."""
        self.set_focus(self.reader)

    def action_focus_list(self) -> None:
        """Move the focus to the article list."""
        self.set_focus(self.listing)

    def action_show_panel(self, name: str) -> None:
        """Show the Outline, Entities or Figures panel and focus it."""
        self.side.show_panel(name)
        self.remove_class("-panels-hidden")
        if not self.wide:
            self.add_class("-panels-open")
        self.set_focus(self.query_one(f"#{name}"))

    def action_toggle_panels(self) -> None:
        """Show or hide the side panels (an overlay on narrow terminals)."""
        if self.wide:
            self.toggle_class("-panels-hidden")
            if self.has_class("-panels-hidden"):
                self.set_focus(self.reader)
            return
        self.toggle_class("-panels-open")
        if self.has_class("-panels-open"):
            self.set_focus(self.query_one(f"#{self.side.current}"))
        else:
            self.set_focus(self.reader)

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
        current = self.reader.article
        index = self.listing.index_of(current.id) if current is not None else -1
        index = max(0, min(len(entries) - 1, index + direction))
        self.load_more(index)
        self.open(OpenRequest(entries[index].id, reader_id=self.deck.active_id))

    def action_new_tab(self) -> None:
        """Open the article highlighted in the list in a new tab."""
        article_id = self.listing.current_id or (
            self.deck.main.article.id if self.deck.main.article else None
        )
        if article_id is not None:
            self.open(OpenRequest(article_id, new_tab=True, pin=True))

    def action_close_tab(self) -> None:
        """Close the current tab (the last one stays)."""
        self.deck.close_tab()

    def action_previous_tab(self) -> None:
        """Switch to the previous tab."""
        self.deck.step_tab(-1)

    def action_next_tab(self) -> None:
        """Switch to the next tab."""
        self.deck.step_tab(1)

    def action_toggle_split(self) -> None:
        """Compare two articles side by side (the other tab, or the next article)."""
        deck = self.deck
        if deck.split:
            deck.close_split()
            return
        primary = deck.main.article
        if primary is None:
            return
        other = next((a for a in deck.tab_articles.values() if a.id != primary.id), None)
        entries = self.entries
        index = self.listing.index_of(primary.id)
        next_id = entries[(index + 1) % len(entries)].id if entries else primary.id
        deck.open_split()
        request = (
            OpenRequest(other.id, reader_id=SECOND_READER, mark_read=False, why="another tab")
            if other is not None
            else OpenRequest(next_id, reader_id=SECOND_READER, mark_read=False, why="next in list")
        )
        self.call_after_refresh(self.open, request)

    def action_toggle_highlight(self, layer: str) -> None:
        """Toggle the entity, figure or claim highlights in the readers."""
        attribute = f"show_{layer}"
        views = list(self.query(ArticleView))
        value = not getattr(views[0], attribute)
        for view in views:
            setattr(view, attribute, value)
        name = HIGHLIGHT_NAMES.get(layer, layer)
        self.notify(f"{name} highlights {'on' if value else 'off'}", timeout=2)

    def action_close_overlay(self) -> None:
        """Close the panel overlay; otherwise clear the selection."""
        if self.has_class("-panels-open"):
            self.remove_class("-panels-open")
            self.set_focus(self.reader)
        else:
            self.reader.clear_selection()
            self.reader.border_subtitle = ""
