"""The article list: one entry per loaded article with its read marker and counts."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets.option_list import Option

from tui.core.model import Article
from tui.widgets.format import counts, display_date, display_site, display_title
from tui.widgets.lists import NavList


def article_prompt(article: Article, read: bool) -> Content:
    """Two lines: read marker and title; site, date and claim/entity/figure counts."""
    n_claims, n_entities, n_figures = counts(article)
    marker = ("  ", "") if read else ("● ", "$text-accent")
    meta = " · ".join(x for x in (display_site(article), display_date(article.published)) if x)
    return Content.assemble(
        marker,
        (display_title(article), "bold" if not read else ""),
        "\n  ",
        (meta + "  " if meta else "", "$text-muted"),
        (f"C{n_claims} E{n_entities} F{n_figures}", "$text-muted"),
    )


class ArticleList(NavList):
    """Every loaded article; highlighting one shows it in the reader."""

    BINDINGS = [
        Binding("enter", "select", "Open in new tab"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles: list[Article] = []
        self.read: set[str] = set()

    def set_articles(self, articles: list[Article]) -> None:
        """Replace the list, keeping the highlighted article when it is still there."""
        current = self.current_article
        old = self.articles
        if len(articles) >= len(old) and all(a is b for a, b in zip(old, articles, strict=False)):
            # Only new articles at the end (loading in batches): append, keep the rest.
            added = list(articles[len(old) :])
            self.articles = old + added
            self.add_options(Option(article_prompt(a, a.id in self.read)) for a in added)
            if self.articles and self.highlighted is None:
                self.highlighted = 0
            return
        self.articles = list(articles)
        self.clear_options()
        self.add_options(Option(article_prompt(a, a.id in self.read)) for a in self.articles)
        if self.articles:
            index = 0
            if current is not None:
                index = max(0, self.index_of(current))
            self.highlighted = index

    @property
    def current_article(self) -> Article | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.articles):
            return None
        return self.articles[index]

    def index_of(self, article: Article) -> int:
        """Position of ``article`` (by identity) in the list, or -1."""
        return next((i for i, a in enumerate(self.articles) if a is article), -1)

    def mark_read(self, article: Article) -> None:
        """Mark ``article`` read and redraw its entry."""
        index = self.index_of(article)
        if article.id in self.read or index < 0:
            return
        self.read.add(article.id)
        self.replace_option_prompt_at_index(index, article_prompt(article, True))
