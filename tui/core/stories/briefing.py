"""A story briefing in Markdown: the event, the outlets, agreed quotes with their first
source, what only some articles add, and the figures that disagree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tui.core.model import Article
from tui.core.report import _escape as md
from tui.core.stories.compare import disagreements
from tui.core.stories.provenance import publication_order, repeated_quotes
from tui.core.stories.queries import Story

MAX_ADDED = 8  # names listed per article under "what each adds"


def story_briefing(story: Story, articles: Sequence[Article]) -> str:
    """One story's section of the briefing (article text kept inert: escaped, one line)."""
    ordered = publication_order(articles)
    span = " to ".join(dict.fromkeys(filter(None, [story.first_published, story.last_published])))
    lines = [
        f"## {md(story.title)}",
        "",
        f"{len(articles)} articles from {len(story.sites)} outlets"
        + (f", {md(span)}" if span else ""),
        "",
        "### Coverage",
        "",
    ]
    for article in ordered:
        when = article.published.isoformat() if article.published else "undated"
        lines.append(f"- {md(when)} {md(article.site or '-')}: {md(article.title or article.id)}")
    lines += _quotes(ordered) + _added(ordered) + _disagreements(ordered)
    return "\n".join(lines) + "\n"


def _quotes(articles: Sequence[Article]) -> list[str]:
    quotes = repeated_quotes(articles)
    if not quotes:
        return []
    out = ["", "### Repeated quotes", ""]
    for quote in quotes:
        out.append(f"- “{md(quote.text)}”: {md(quote.describe())}")
    return out


def _added(articles: Sequence[Article]) -> list[str]:
    """Names only some articles mention (one article of several: what it adds)."""
    if len(articles) < 3:
        return []
    seen: Counter[str] = Counter()
    for article in articles:
        seen.update({e.name for e in article.analysis.entities})
    out: list[str] = []
    for article in articles:
        own = [e.name for e in article.analysis.entities if seen[e.name] == 1][:MAX_ADDED]
        if own:
            out.append(f"- {md(article.site or article.title or article.id)}: {md(', '.join(own))}")
    return ["", "### Only in one article", "", *out] if out else []


def _disagreements(articles: Sequence[Article]) -> list[str]:
    found = disagreements(articles)
    if not found:
        return []
    return ["", "### Figures that disagree", "", *(f"- {md(d.describe())}" for d in found)]


def briefing_markdown(stories: Sequence[tuple[Story, Sequence[Article]]]) -> str:
    """The whole briefing: a heading, then each story."""
    parts = ["# newsreader story briefing", ""]
    for story, articles in stories:
        parts.append(story_briefing(story, articles))
    if not stories:
        parts.append("No stories with more than one article yet.\n")
    return "\n".join(parts)
