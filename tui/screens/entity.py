"""The entity view: one person or organisation across the library, newest article first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tui.core.library import Library
from tui.core.stories.entities import EntityView, entity_view
from tui.resources import styles_dir
from tui.widgets.safe_text import sanitize_for_terminal as safe


class EntityScreen(Screen[None]):
    """Every article that mentions the entity, its claims, claims about it, its figures."""

    CSS_PATH = [str(styles_dir() / "stories.tcss")]
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="entity_back"),
        Binding("j", "scroll(1)", "Down", show=False, id="entity_down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="entity_up"),
    ]

    def __init__(self, library: Library, name: str) -> None:
        super().__init__()
        self.library = library
        self.entity_name = name

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="entity-detail"):
            yield Static(id="entity-body")

    def on_mount(self) -> None:
        view = entity_view(self.library, self.entity_name)
        detail = self.query_one("#entity-detail", VerticalScroll)
        detail.border_title = safe(view.name if view else self.entity_name)
        body = entity_text(view) if view else Text(f"No article mentions {safe(self.entity_name)}.")
        self.query_one("#entity-body", Static).update(body)
        detail.focus()

    def action_scroll(self, step: int) -> None:
        detail = self.query_one("#entity-detail", VerticalScroll)
        detail.scroll_relative(y=step, animate=False)

    def action_close(self) -> None:
        self.dismiss()


def entity_text(view: EntityView) -> Text:
    """The entity view as plain Text."""
    out = Text()
    out.append(safe(view.name), "bold")
    out.append(f"  {view.label}, {len(view.articles)} articles\n", "dim")
    if view.aliases:
        out.append("also: " + safe(", ".join(view.aliases)) + "\n", "dim")
    for article in view.articles:
        out.append("\n")
        out.append(f"{(article.published or 'undated')[:10]}  ", "dim")
        out.append(safe(article.site or "-") + "  ", "italic")
        out.append(safe(article.title or article.id), "bold")
        if article.story is not None:
            out.append(f"  story {article.story}", "dim")
        out.append("\n")
        for label, claims in (("said", article.said), ("about", article.about)):
            for claim in claims:
                out.append(f"  {label}: ", "dim")
                out.append(safe(claim.text) + "\n")
        if article.figures:
            out.append("  figures: ", "dim")
            out.append(safe(", ".join(f.text for f in article.figures)) + "\n")
    return out
