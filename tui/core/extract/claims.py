"""Check-worthy claims with speaker, source and hedges (filled in by the extraction issue)."""

from __future__ import annotations

from tui.core.model import Claim, Entity, Figure, Span


def extract_claims(
    text: str, sentences: list[Span], entities: list[Entity], figures: list[Figure]
) -> list[Claim]:
    """Sentences judged to be claims (score >= 0.5), in document order."""
    return []
