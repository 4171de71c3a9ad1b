"""Plain-text articles."""

from __future__ import annotations

from tui.core.loaders.errors import LoadError
from tui.core.model import Article
from tui.core.sentences import split_paragraphs, split_sentences


def load(data: bytes | str, *, source_path: str | None = None, raw: bool = False) -> list[Article]:
    """One article from plain text."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    if not text.strip():
        raise LoadError("empty file")
    paragraphs = split_paragraphs(text)
    return [
        Article(
            text=text,
            source_path=source_path,
            paragraphs=paragraphs,
            sentences=split_sentences(text, paragraphs),
        )
    ]
