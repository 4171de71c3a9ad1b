"""An Input that never holds terminal control characters.

Textual's Input draws its value as is, so a paste from the clipboard (text copied from a web
page can carry ESC sequences, bidi overrides, zero-width characters) would reach the terminal.
Every way a value arrives (typing, paste, ``value =``) goes through the one sanitizer.
"""

from __future__ import annotations

from textual.widgets import Input

from tui.core.textsafe import sanitize_for_terminal


class SafeInput(Input):
    """An Input whose value is always terminal-safe (see :mod:`tui.core.textsafe`)."""

    def validate_value(self, value: str) -> str:
        return sanitize_for_terminal(value)

    def replace(self, text: str, start: int, end: int) -> None:
        # Sanitize the inserted piece first, so the cursor lands after what is really kept.
        super().replace(sanitize_for_terminal(text), start, end)
