"""Inert text for dialogs: article text and notes shown as typed, never as markup or escapes."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from tui.core.library.textsafe import visible_escapes


def inert(text: str, style: str = "") -> Text:
    """A Text showing ``text`` literally: markup stays visible, control characters (ESC, bidi
    overrides...) become visible escapes instead of reaching the terminal."""
    return Text(visible_escapes(text), style=style)


class SafeTextArea(TextArea):
    """A TextArea that never holds terminal control characters.

    TextArea draws its text as is, so an ESC typed or pasted into it would reach the terminal;
    here every edit (typing, paste, initial text) gets visible escapes instead.
    """

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__(visible_escapes(text), **kwargs)  # type: ignore[arg-type]

    def edit(self, edit: Edit) -> EditResult:
        edit.text = visible_escapes(edit.text)
        return super().edit(edit)
