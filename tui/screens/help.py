"""The help screen: every key binding with its description, generated from BINDINGS."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from tui.dialogs import Dialog
from tui.widgets.safe_text import sanitize_for_terminal


def help_areas(app_class: type[App[Any]]) -> list[tuple[str, Iterable[BindingType]]]:
    """Every place that declares bindings, in the order the help lists them."""
    from tui.screens.entity import EntityScreen
    from tui.screens.main import MainScreen
    from tui.screens.stories import StoriesScreen
    from tui.widgets.article_list import ArticleList
    from tui.widgets.entities import EntitiesPanel
    from tui.widgets.figures import FiguresPanel
    from tui.widgets.lists import NavList
    from tui.widgets.outline import OutlinePanel
    from tui.widgets.reader import ArticleView

    return [
        ("Everywhere", app_class.BINDINGS),
        ("Main screen", MainScreen.BINDINGS),
        ("Reader", ArticleView.BINDINGS),
        ("Every list", NavList.BINDINGS),
        ("Article list", ArticleList.BINDINGS),
        ("Outline", OutlinePanel.BINDINGS),
        ("Entities", EntitiesPanel.BINDINGS),
        ("Figures", FiguresPanel.BINDINGS),
        ("Story view", StoriesScreen.BINDINGS),
        ("Entity view", EntityScreen.BINDINGS),
        ("Help", HelpScreen.BINDINGS),
    ]


def binding_rows(
    app_key_display: object, areas: Iterable[tuple[str, Iterable[BindingType]]]
) -> list[tuple[str, str, str]]:
    """(area, keys, description) for every binding of every area, keys joined by ' / '."""
    rows: list[tuple[str, str, str]] = []
    for area, bindings in areas:
        for binding in Binding.make_bindings(bindings):
            if not binding.description:
                continue
            # A key remapped in the config's [keys] (App.set_keymap) shows as remapped.
            remapped = getattr(app_key_display, "_keymap", {}).get(binding.id or "")
            key = remapped or binding.key_display or _key_display(app_key_display, binding)
            rows.append((area, key, binding.description))
    # One row per (area, description): make_bindings splits "j,down" into two bindings.
    merged: dict[tuple[str, str], list[str]] = {}
    for area, key, description in rows:
        keys = merged.setdefault((area, description), [])
        if key not in keys:
            keys.append(key)
    return [(area, " / ".join(keys), description) for (area, description), keys in merged.items()]


def _key_display(app: object, binding: Binding) -> str:
    get = getattr(app, "get_key_display", None)
    return get(binding) if callable(get) else binding.key


class HelpScreen(Dialog[None]):
    """A modal table of the bindings of the app, the main screen and each pane."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="dismiss"),
        Binding("j", "scroll('down')", "Down", show=False, id="scroll-down"),
        Binding("k", "scroll('up')", "Up", show=False, id="scroll-up"),
    ]

    def __init__(
        self,
        areas: list[tuple[str, Iterable[BindingType]]],
        article_title: str = "",
        config_path: str = "",
    ) -> None:
        super().__init__()
        self.areas = areas
        self.article_title = article_title
        self.config_path = config_path

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(id="help-title")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="help-hint")

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = "Keys"
        title = "newsreader keys"
        if self.article_title:
            title += " — reading: " + sanitize_for_terminal(self.article_title)
        self.query_one("#help-title", Static).update(Content(title))
        hint = "escape, q or ? closes this help"
        if self.config_path:
            hint += " · config: " + sanitize_for_terminal(self.config_path)
        self.query_one("#help-hint", Static).update(Content(hint))
        table = self.query_one(DataTable)
        table.add_columns("Where", "Keys", "What it does")
        previous = None
        for area, keys, description in binding_rows(self.app, self.areas):
            shown = area if area != previous else ""
            previous = area
            table.add_row(Text(shown, style="bold"), Text(keys), Text(description))
        table.focus()

    def action_scroll(self, direction: str) -> None:
        table = self.query_one(DataTable)
        if direction == "down":
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
