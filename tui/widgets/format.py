"""Small display helpers shared by the panes: titles, dates and counts, all made safe."""

from __future__ import annotations

from datetime import datetime

from tui.core.model import Article
from tui.core.titles import display_title
from tui.widgets.safe_text import sanitize_for_terminal

__all__ = ["counts", "display_date", "display_site", "display_title"]


def display_date(value: datetime | None) -> str:
    """A compact, locale-independent date and time (or "" when unknown)."""
    if value is None:
        return ""
    if value.hour == 0 and value.minute == 0:
        return value.strftime("%d %b %Y")
    return value.strftime("%d %b %Y %H:%M")


def display_site(article: Article) -> str:
    """The site name, or the host of the URL, made safe."""
    if article.site:
        return sanitize_for_terminal(article.site)
    if article.url:
        host = article.url.split("//", 1)[-1].split("/", 1)[0]
        return sanitize_for_terminal(host)
    return ""


def counts(article: Article) -> tuple[int, int, int]:
    """(claims, entities, figures) of the article's analysis."""
    a = article.analysis
    return len(a.claims), len(a.entities), len(a.figures)
