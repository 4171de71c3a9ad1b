"""An article's title for display: made safe, or a readable stand-in (no Textual here)."""

from __future__ import annotations

from pathlib import Path

from tui.core.model import Article
from tui.core.textsafe import sanitize_for_terminal


def display_title(article: Article, limit: int = 200) -> str:
    """The article's title, or a readable stand-in built from its file name or first line."""
    title = sanitize_for_terminal(article.title).strip()
    if not title and article.source_path:
        stem = Path(article.source_path).stem
        title = sanitize_for_terminal(stem.replace("-", " ").replace("_", " ")).strip()
    if not title:
        first = article.text.strip().split("\n", 1)[0] if article.text else ""
        title = sanitize_for_terminal(first).strip()
    title = title or "(untitled)"
    return title if len(title) <= limit else title[: limit - 1] + "…"
