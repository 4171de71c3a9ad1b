"""The Entities panel: named things grouped by label, most mentioned first."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.model import Article, Entity
from tui.widgets.lists import NavList
from tui.widgets.safe_text import sanitize_for_terminal

LABEL_NAMES = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Places (countries, cities)",
    "LOC": "Locations",
    "NORP": "Groups",
    "PRODUCT": "Products",
    "EVENT": "Events",
    "FAC": "Facilities",
}
LABEL_ORDER = list(LABEL_NAMES)


def entity_prompt(entity: Entity) -> Content:
    """Name, mention count, and aliases when there are any."""
    parts: list[str | tuple[str, str]] = [
        sanitize_for_terminal(entity.name),
        (f"  ×{entity.count}", "$text-muted"),
    ]
    aliases = [a for a in entity.aliases if a != entity.name]
    if aliases:
        parts.append(
            (
                "  aka " + ", ".join(sanitize_for_terminal(a) for a in aliases[:4]),
                "italic $text-muted",
            )
        )
    return Content.assemble(*parts)


class EntitiesPanel(NavList):
    """Entities; selecting one highlights its mentions, n / N step through them."""

    BINDINGS = [
        Binding("enter", "select", "Highlight mentions", id="select"),
        Binding("E", "app.entity_view", "Entity view", id="entity_view"),
    ]

    class EntityChosen(Message):
        def __init__(self, entity: Entity, selected: bool = False) -> None:
            super().__init__()
            self.entity = entity
            self.selected = selected

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self._entities: list[Entity | None] = []

    def set_article(self, article: Article | None) -> None:
        self.article = article
        self.clear_options()
        self._entities = []
        entities = list(article.analysis.entities) if article else []
        if not entities:
            self.add_option(
                Option(Content.styled("No entities found", "$text-muted"), disabled=True)
            )
            self._entities.append(None)
            return
        groups: dict[str, list[Entity]] = {}
        for ent in entities:
            groups.setdefault(ent.label, []).append(ent)
        order = sorted(
            groups, key=lambda lb: (LABEL_ORDER.index(lb) if lb in LABEL_ORDER else 99, lb)
        )
        options: list[Option] = []
        for label in order:
            group = sorted(groups[label], key=lambda e: (-e.count, e.name.casefold()))
            total = sum(e.count for e in group)
            heading = Content.assemble(
                (sanitize_for_terminal(LABEL_NAMES.get(label, label)), "bold $text-primary"),
                (f"  {len(group)} · {total} mention{'s' if total != 1 else ''}", "$text-muted"),
            )
            options.append(Option(heading, disabled=True))
            self._entities.append(None)
            for ent in group:
                options.append(Option(entity_prompt(ent)))
                self._entities.append(ent)
        self.add_options(options)
        self.highlighted = 1

    def entity_at(self, index: int | None) -> Entity | None:
        if index is None or not 0 <= index < len(self._entities):
            return None
        return self._entities[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entity = self.entity_at(event.option_index)
        if entity is not None:
            self.post_message(self.EntityChosen(entity, selected=True))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        entity = self.entity_at(event.option_index)
        if entity is not None and self.has_focus:
            self.post_message(self.EntityChosen(entity))
