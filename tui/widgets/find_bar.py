"""Find in the current article: a one-line input under the reader."""

from __future__ import annotations

import re

from textual.binding import Binding
from textual.message import Message

from tui.core.model import Article, Span
from tui.widgets.safe_input import SafeInput

MAX_HITS = 10_000


def find_in_article(article: Article, query: str, limit: int = MAX_HITS) -> list[Span]:
    """Case-insensitive literal matches of ``query`` in the article body, as spans."""
    query = query.strip()
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    hits: list[Span] = []
    for m in pattern.finditer(article.text):
        hits.append((m.start(), m.end()))
        if len(hits) >= limit:
            break
    return hits


class FindBar(SafeInput):
    """Type to find in the article; Enter keeps the hits for n / N, Escape closes."""

    BINDINGS = [Binding("escape", "close", "Close find")]

    class Closed(Message):
        """The user closed the find bar."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Find in article (Enter: keep hits, n/N: step)", id=id)

    def action_close(self) -> None:
        """Hide the find bar and go back to the reader."""
        self.post_message(self.Closed())
