"""An OptionList with vim keys, the base of every list pane."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class NavList(OptionList):
    """OptionList that also moves with j/k, g/G and the page keys."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("enter", "select", "Go to", show=True),
    ]
