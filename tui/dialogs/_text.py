"""Inert text for dialogs: article text and notes shown as typed, never as markup or escapes."""

from __future__ import annotations

import unicodedata

from rich.text import Text


def inert(text: str, style: str = "") -> Text:
    """A Text showing ``text`` literally: markup stays visible, control and format characters
    (ESC, bidi overrides, zero-width...) become visible escapes instead of reaching the terminal.
    """
    clean = "".join(
        ch
        if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf")
        else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )
    return Text(clean, style=style)
