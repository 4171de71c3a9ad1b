"""Figures: money, percentages, dates, counts, quantities (filled in by the extraction issue)."""

from __future__ import annotations

from tui.core.model import Figure, Span


def extract_figures(text: str, sentences: list[Span]) -> list[Figure]:
    """Figures cited in the text, in document order."""
    return []
