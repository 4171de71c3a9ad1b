"""Filter the article list: a one-line query such as ``unread site:bbc.co.uk @putin``."""

from __future__ import annotations

import shlex
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.core.library.store import ArticleFilter
from tui.dialogs import DIALOG_CSS

HELP = "unread  starred  site:NAME  since:YYYY-MM-DD  @entity or entity:NAME   (empty: all)"


def parse_filter(text: str) -> ArticleFilter:
    """``unread starred site:X since:DATE @entity entity:"two words"`` -> ArticleFilter.

    Raises ValueError with a short reason on a word it does not understand.
    """
    try:
        words = shlex.split(text)
    except ValueError:
        words = text.split()
    fields: dict[str, object] = {}
    for word in words:
        lower = word.casefold()
        if lower in ("unread", "starred"):
            fields[lower] = True
        elif lower.startswith("site:") and word[5:]:
            fields["site"] = word[5:]
        elif lower.startswith("since:") and word[6:]:
            try:
                fields["since"] = date.fromisoformat(word[6:])
            except ValueError:
                raise ValueError(f"not a date (YYYY-MM-DD): {word[6:]}") from None
        elif lower.startswith("entity:") and word[7:]:
            fields["entity"] = word[7:]
        elif word.startswith("@") and word[1:]:
            fields["entity"] = word[1:]
        else:
            raise ValueError(f"unknown filter word: {word}")
    return ArticleFilter(**fields)  # type: ignore[arg-type]


def describe_filter(f: ArticleFilter) -> str:
    """The filter as the words that make it (round-trips through parse_filter)."""
    words = [w for w, on in (("unread", f.unread), ("starred", f.starred)) if on]
    if f.site:
        words.append(shlex.quote(f"site:{f.site}"))
    if f.since:
        words.append(f"since:{f.since.isoformat()[:10]}")
    if f.entity:
        words.append(shlex.quote(f"entity:{f.entity}"))
    return " ".join(words)


class FilterDialog(ModalScreen[ArticleFilter | None]):
    """Type a filter; Enter applies it (empty shows every article), escape cancels."""

    CSS_PATH = DIALOG_CSS

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

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
        except ValueError as exc:
            self.query_one("#filter-error", Static).update(Content(str(exc)))

    def action_cancel(self) -> None:
        self.dismiss(None)
