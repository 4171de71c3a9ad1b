"""Text that is safe to print: a re-export of :mod:`tui.core.textsafe` (one sanitizer)."""

from __future__ import annotations

from tui.core.textsafe import UNSAFE, json_escapes, one_line, visible_escapes

__all__ = ["UNSAFE", "json_escapes", "one_line", "visible_escapes"]
