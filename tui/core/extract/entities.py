"""Named entities (filled in by the extraction issue)."""

from __future__ import annotations

from tui.core.model import Entity, Span


def extract_entities(text: str, sentences: list[Span]) -> list[Entity]:
    """Entities named in the text, each with all its mentions."""
    return []
