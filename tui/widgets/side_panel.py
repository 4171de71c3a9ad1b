"""The right-hand column: Outline, Entities and Figures.

Wide terminals show the three panels stacked at once. Narrow ones show one panel at a
time, picked with the tabs at the top (or 1/2/3), inside an overlay toggled with ``p``.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Tab, Tabs

from tui.core.model import Article
from tui.widgets.entities import EntitiesPanel
from tui.widgets.figures import FiguresPanel
from tui.widgets.outline import OutlinePanel

PANELS = ("outline", "entities", "figures")
TITLES = {"outline": "Outline", "entities": "Entities", "figures": "Figures"}


class SidePanel(Vertical):
    """Holds the three analysis panels and the tabs that switch between them."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._current = "outline"

    def compose(self) -> ComposeResult:
        # The tabs are only shown on narrow terminals: ensure_tabs() mounts them there.
        # Each list draws its own border and title: no wrapper widgets (a faster first paint).
        for name, panel in (
            ("outline", OutlinePanel),
            ("entities", EntitiesPanel),
            ("figures", FiguresPanel),
        ):
            widget = panel(id=name, classes="panel-box")
            widget.border_title = TITLES[name]
            widget.set_class(name == self._current, "-current", update=False)
            yield widget

    def ensure_tabs(self) -> None:
        """Mount the panel tabs (used when the panels fold into one overlay)."""
        if self.query("#panel-tabs"):
            return
        tabs = Tabs(
            *(Tab(TITLES[name], id=f"tab-{name}") for name in PANELS),
            active=f"tab-{self._current}",
            id="panel-tabs",
        )
        tabs.can_focus = False
        self.mount(tabs, before=0)

    @property
    def current(self) -> str:
        return self._current

    def show_panel(self, name: str) -> None:
        """Make ``name`` the panel shown when only one fits (narrow layout)."""
        self._current = name
        found = self.query("#panel-tabs")
        if found:
            found.first(Tabs).active = f"tab-{name}"
        self._mark_current()

    def _mark_current(self) -> None:
        for other in PANELS:
            self.query_one(f"#{other}").set_class(other == self._current, "-current")

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        self._current = (event.tab.id or "tab-outline").removeprefix("tab-")
        self._mark_current()

    def set_article(
        self,
        article: Article | None,
        starred: set[str] | None = None,
        notes: dict[str, str] | None = None,
    ) -> None:
        """Fill every panel from ``article``'s analysis and show the counts in the titles.

        ``starred`` are the keys of the claims to mark in the Outline, ``notes`` the notes
        to show under claims (by claim key).
        """
        self.query_one(OutlinePanel).set_article(article, starred, notes)
        self.query_one(EntitiesPanel).set_article(article)
        self.query_one(FiguresPanel).set_article(article)
        a = article.analysis if article else None
        numbers = {
            "outline": len(a.claims) if a else 0,
            "entities": len(a.entities) if a else 0,
            "figures": len(a.figures) if a else 0,
        }
        for name in PANELS:
            self.query_one(f"#{name}").border_title = Content(f"{TITLES[name]} ({numbers[name]})")
