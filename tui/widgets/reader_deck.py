"""The reader deck: the article tabs, the main reader and the split view's second reader.

The deck shows articles; it does not read them (the screen does, in a worker) nor mark
them read. It posts :class:`ReaderDeck.Shown` whenever a reader is given an article and
:class:`ReaderDeck.ActiveChanged` when the panels should follow the other reader.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Tab, Tabs

from tui.core.model import Article
from tui.messages import MAIN_READER, SECOND_READER
from tui.widgets.format import display_title
from tui.widgets.reader import ArticleView

TAB_TITLE_WIDTH = 24
SPLIT_CLASS = "-split"


def tab_label(article: Article) -> Content:
    title = display_title(article)
    if len(title) > TAB_TITLE_WIDTH:
        title = title[: TAB_TITLE_WIDTH - 1] + "…"
    return Content(title)


class ReaderDeck(Vertical):
    """Tabs over one or two readers; the tab bar and the second reader mount on first use."""

    class Shown(Message):
        """``reader_id`` shows ``article``; ``new`` when it showed another one before."""

        def __init__(self, article: Article, reader_id: str, new: bool) -> None:
            super().__init__()
            self.article = article
            self.reader_id = reader_id
            self.new = new

    class ActiveChanged(Message):
        """The reader the panels, [ ] and n / N act on is now ``reader_id``."""

        def __init__(self, reader_id: str) -> None:
            super().__init__()
            self.reader_id = reader_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.tab_articles: dict[str, Article] = {}
        self._tab_serial = 0
        self.active_id = MAIN_READER

    def compose(self) -> ComposeResult:
        with Horizontal(id="readers"):
            yield ArticleView(id=MAIN_READER)

    # ------------------------------------------------------------------ readers

    @property
    def main(self) -> ArticleView:
        return self.query_one(f"#{MAIN_READER}", ArticleView)

    @property
    def active(self) -> ArticleView:
        """The reader that the panels, [ ] and n / N act on."""
        return self.query_one(f"#{self.active_id}", ArticleView)

    @property
    def second(self) -> ArticleView | None:
        found = self.query(f"#{SECOND_READER}")
        return found.first(ArticleView) if found else None

    @property
    def split(self) -> bool:
        return self.has_class(SPLIT_CLASS)

    def set_active(self, reader_id: str) -> None:
        if reader_id == self.active_id:
            return
        self.active_id = reader_id
        for view in self.query(ArticleView):
            view.set_class(view.id == reader_id, "-active")
        self.post_message(self.ActiveChanged(reader_id))

    def show_in(self, reader_id: str, article: Article, why: str = "") -> bool:
        """Show ``article`` in a reader; True when it was not shown there already."""
        view = self.main if reader_id == MAIN_READER else self._second_reader()
        if view.article is not None and view.article.id == article.id:
            self.post_message(self.Shown(article, reader_id, new=False))
            return False
        view.set_article(article)
        if reader_id != MAIN_READER:
            # The tabs name the main reader's article; the comparison pane names its own.
            view.border_title = Content(display_title(article))
            view.border_subtitle = Content(why)
        else:
            view.border_subtitle = ""
        self.post_message(self.Shown(article, reader_id, new=True))
        return True

    def _second_reader(self) -> ArticleView:
        """The comparison reader of the split view, created on first use."""
        second = self.second
        if second is not None:
            return second
        first = self.main
        view = ArticleView(id=SECOND_READER)
        view.show_entities = first.show_entities
        view.show_figures = first.show_figures
        view.show_claims = first.show_claims
        self.query_one("#readers").mount(view)
        return view

    def open_split(self) -> None:
        """Show the second reader beside the main one (the screen chooses its article)."""
        self._second_reader()
        self.add_class(SPLIT_CLASS)

    def close_split(self) -> None:
        self.remove_class(SPLIT_CLASS)
        self.set_active(MAIN_READER)
        self.screen.set_focus(self.main)

    # ------------------------------------------------------------------ tabs

    def tab_of(self, article_id: str) -> str | None:
        """The id of a tab showing ``article_id``, if any."""
        return next((t for t, a in self.tab_articles.items() if a.id == article_id), None)

    def show(self, article: Article, new_tab: bool = False, pin: bool = False) -> bool:
        """Show ``article`` in its tab if it has one, else in the active tab or a new one.

        ``new_tab``: not in the active tab; ``pin``: a new tab even if the active one shows
        it. False when the tab bar is still mounting (call again after a refresh).
        """
        found = self.query("#article-tabs")
        if not found:
            # The first article: create the tab bar with its tab. No ``active=``: Tabs
            # activates its first tab on mount, and does not fail if the app exits meanwhile.
            tab_id = self._new_tab_id(article)
            tabs = Tabs(Tab(tab_label(article), id=tab_id), id="article-tabs")
            tabs.can_focus = False  # H / L and the mouse switch tabs; tab visits panes only
            self.mount(tabs, before="#readers")
            self.show_in(MAIN_READER, article)
            return True
        tabs = found.first(Tabs)
        if not tabs.is_mounted:
            return False
        existing = self.tab_of(article.id)
        if existing is not None and not (pin and existing == tabs.active):
            self._activate(tabs, existing)  # never a second tab for the same article
        elif new_tab or pin or not tabs.active:
            tab_id = self._new_tab_id(article)
            tabs.add_tab(Tab(tab_label(article), id=tab_id))
            self._activate(tabs, tab_id)
        else:
            self.tab_articles[tabs.active] = article
            tabs.query_one(f"#{tabs.active}", Tab).label = tab_label(article)
        self.show_in(MAIN_READER, article)
        return True

    def _new_tab_id(self, article: Article) -> str:
        self._tab_serial += 1
        tab_id = f"article-tab-{self._tab_serial}"
        self.tab_articles[tab_id] = article
        return tab_id

    def _activate(self, tabs: Tabs, tab_id: str) -> None:
        tabs.active = tab_id
        # The strip scrolls only when asked: bring the active tab into view.
        self.call_after_refresh(self._reveal_active_tab)

    def _reveal_active_tab(self) -> None:
        for tabs in self.query("#article-tabs").results(Tabs):
            tab = tabs.active_tab
            if tab is not None:
                tabs.query_one("#tabs-scroll").scroll_to_widget(tab, animate=False)

    def activate_article(self, article_id: str) -> None:
        """Make the tab showing ``article_id`` the active one."""
        tab_id = self.tab_of(article_id)
        if tab_id is not None:
            self._activate(self.query_one("#article-tabs", Tabs), tab_id)

    def close_tab(self) -> None:
        """Close the current tab (the last one stays)."""
        for tabs in self.query("#article-tabs").results(Tabs):
            if tabs.tab_count > 1 and tabs.active:
                self.tab_articles.pop(tabs.active, None)
                tabs.remove_tab(tabs.active)

    def step_tab(self, direction: int) -> None:
        for tabs in self.query("#article-tabs").results(Tabs):
            if direction > 0:
                tabs.action_next_tab()
            else:
                tabs.action_previous_tab()
            self.call_after_refresh(self._reveal_active_tab)

    def forget(self, article_id: str) -> None:
        """Close the tabs showing a deleted article (the last tab stays)."""
        for tab_id, article in list(self.tab_articles.items()):
            if article.id == article_id and len(self.tab_articles) > 1:
                self.tab_articles.pop(tab_id)
                self.query_one("#article-tabs", Tabs).remove_tab(tab_id)

    def clear(self) -> None:
        """No article left: an empty reader."""
        self.tab_articles.clear()
        self.main.set_article(None)

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        article = self.tab_articles.get(event.tab.id or "")
        if article is not None:
            self.show_in(MAIN_READER, article)
