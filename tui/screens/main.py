"""The main screen: article list, reader (tabs and split), side panels, find bar."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, OptionList, Tab, Tabs

from tui.core.model import Article
from tui.widgets.article_list import ArticleList
from tui.widgets.entities import EntitiesPanel
from tui.widgets.figures import FiguresPanel
from tui.widgets.format import display_title
from tui.widgets.outline import OutlinePanel
from tui.widgets.reader import ArticleView
from tui.widgets.safe_text import sanitize_for_terminal
from tui.widgets.side_panel import SidePanel

TAB_TITLE_WIDTH = 24
WIDE = 110  # columns from which the side panels are shown beside the reader


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
        Binding("slash", "find", "Find"),
        Binding("escape", "close_overlay", "Close / clear", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._tab_articles: dict[str, Article] = {}
        self._tab_serial = 0
        self._active_reader_id = "reader"

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="main"):
            yield ArticleList(id="article-list")
            # The article tabs, the comparison reader, the find bar and the progress bar
            # are mounted on first use: fewer widgets make the first paint faster.
            with Vertical(id="centre"), Horizontal(id="readers"):
                yield ArticleView(id="reader")
            yield SidePanel(id="side")
        yield Footer()

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
    def articles(self) -> list[Article]:
        return self.query_one(ArticleList).articles

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

    def set_articles(self, articles: list[Article]) -> None:
        """Show ``articles`` in the list; open the first when nothing is open yet."""
        listing = self.query_one(ArticleList)
        listing.set_articles(articles)
        self.sub_title = f"{len(articles)} article{'s' if len(articles) != 1 else ''}"
        if articles and not self._tab_articles:
            self.open_article(articles[0])

    def open_article(self, article: Article, new_tab: bool = False) -> None:
        """Show ``article`` in the active tab (or a new one) of the main reader."""
        found = self.query("#article-tabs")
        if not found:
            # The first article: create the tab bar with its tab.
            self._tab_serial += 1
            tab_id = f"article-tab-{self._tab_serial}"
            self._tab_articles[tab_id] = article
            tabs = Tabs(Tab(tab_label(article), id=tab_id), active=tab_id, id="article-tabs")
            tabs.can_focus = False  # H / L and the mouse switch tabs; tab visits panes only
            self.query_one("#centre").mount(tabs, before="#readers")
            self._show_in_reader("reader", article)
            return
        tabs = found.first(Tabs)
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
        self._show_in_reader("reader", article)

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

    def _find_bar(self) -> Widget:
        found = self.query("#find")
        if found:
            return found.first()
        from tui.widgets.find_bar import FindBar

        bar = FindBar(id="find")
        self.query_one("#centre").mount(bar)
        return bar

    def _show_in_reader(self, reader_id: str, article: Article) -> None:
        view = self.query_one(f"#{reader_id}", ArticleView)
        if view.article is not article:
            view.set_article(article)
            # The tabs name the main reader's article; the comparison pane names its own.
            if reader_id != "reader":
                view.border_title = Content(display_title(article))
            view.border_subtitle = ""
        self.query_one(ArticleList).mark_read(article)
        if reader_id == self._active_reader_id:
            self._sync_side(article)
        if reader_id == "reader":
            self.title = display_title(article, limit=80)

    def _sync_side(self, article: Article | None) -> None:
        side = self.query_one(SidePanel)
        if side.query_one(OutlinePanel).article is not article:
            side.set_article(article)

    def _set_active_reader(self, reader_id: str) -> None:
        if reader_id == self._active_reader_id:
            return
        self._active_reader_id = reader_id
        for view in self.query(ArticleView):
            view.set_class(view.id == reader_id, "-active")
        self._sync_side(self.reader.article)

    # ------------------------------------------------------------------ events

    @on(OptionList.OptionHighlighted, "#article-list")
    def _article_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        article = self.query_one(ArticleList).current_article
        if article is not None and self.query_one(ArticleList).has_focus:
            self.open_article(article)

    @on(OptionList.OptionSelected, "#article-list")
    def _article_selected(self, event: OptionList.OptionSelected) -> None:
        article = self.query_one(ArticleList).current_article
        if article is not None:
            self.open_article(article, new_tab=True)
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
        index = listing.index_of(article)
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

    def on_input_changed(self, event: Message) -> None:
        control = getattr(event, "control", None)
        if control is not None and control.id == "find":
            self._run_find(getattr(event, "value", ""), jump=True)

    def on_input_submitted(self, event: Message) -> None:
        control = getattr(event, "control", None)
        if control is not None and control.id == "find":
            self._run_find(getattr(event, "value", ""), jump=False)
            self.reader.focus()

    def on_find_bar_closed(self, event: Message) -> None:
        self.action_close_find()

    def _run_find(self, query: str, jump: bool) -> None:
        from tui.widgets.find_bar import find_in_article

        article = self.reader.article
        if article is None:
            return
        hits = find_in_article(article, query)
        label = f'"{query.strip()}"'
        if jump or self.reader.marks != hits:
            self.reader.set_marks(hits, label=label, jump=True)
        if query.strip() and not hits:
            self.reader.border_subtitle = Content(f"{label}: no match")

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
        articles = self.articles
        if not articles:
            return
        listing = self.query_one(ArticleList)
        current = self.reader.article
        index = listing.index_of(current) if current is not None else -1
        index = max(0, min(len(articles) - 1, index + direction))
        article = articles[index]
        if self._active_reader_id == "reader":
            with listing.prevent(OptionList.OptionHighlighted):
                listing.highlighted = index
            self.open_article(article)
        else:
            self._show_in_reader(self._active_reader_id, article)

    def action_new_tab(self) -> None:
        """Open the article highlighted in the list in a new tab."""
        article = self.query_one(ArticleList).current_article or self.reader.article
        if article is not None:
            self.open_article(article, new_tab=True)

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
        other = next((a for a in self._tab_articles.values() if a is not primary), None)
        if other is None:
            articles = self.articles
            index = self.query_one(ArticleList).index_of(primary)
            other = articles[(index + 1) % len(articles)] if articles else primary
        self._second_reader()
        self.add_class("-split")
        self.call_after_refresh(self._show_in_reader, "reader-2", other)

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
        """Find in the current article."""
        self.add_class("-finding")
        find = self._find_bar()
        self.call_after_refresh(find.focus)
        if find.value:
            find.select_all()

    def action_close_find(self) -> None:
        self.remove_class("-finding")
        self.reader.focus()

    def action_close_overlay(self) -> None:
        """Close the find bar or the panel overlay; otherwise clear the selection."""
        if self.has_class("-finding"):
            self.action_close_find()
        elif self.has_class("-panels-open"):
            self.remove_class("-panels-open")
            self.reader.focus()
        else:
            self.reader.clear_selection()
            self.reader.border_subtitle = ""

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
            self.mount(bar, before=self.query_one(Footer))
        self.add_class("-loading")
        bar.update(total=total, progress=done)
