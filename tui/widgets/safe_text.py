"""Terminal-safe text for the widgets: a re-export of :mod:`tui.core.textsafe` (one sanitizer)."""

from __future__ import annotations

from tui.core.textsafe import sanitize_for_terminal, sanitize_with_map

__all__ = ["sanitize_for_terminal", "sanitize_with_map"]
