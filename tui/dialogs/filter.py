"""Filter the article list: a one-line query such as ``unread site:bbc @putin``.

The language is :mod:`tui.core.filters` (the search query's fields plus unread/starred).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from tui.core.filters import HELP, FilterError, describe_filter, parse_filter
from tui.core.library.store import ArticleFilter
from tui.dialogs import Dialog


class FilterDialog(Dialog[ArticleFilter | None]):
    """Type a filter; Enter applies it (empty shows every article), escape cancels."""

    def __init__(self, current: ArticleFilter | None = None) -> None:
        super().__init__()
        self._initial = describe_filter(current or ArticleFilter())

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-box"):
            yield Input(self._initial, placeholder="Filter the article list", id="filter-input")
            yield Static(HELP, id="filter-help", markup=False)
            yield Static("", id="filter-error", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            self.dismiss(parse_filter(event.value))
        except FilterError as exc:
            self.query_one("#filter-error", Static).update(Content(str(exc)))

