"""The article list: one entry per article (a library summary, never a body)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.widgets.option_list import Option

from tui.widgets.format import display_date
from tui.widgets.lists import NavList
from tui.widgets.safe_text import sanitize_for_terminal

if TYPE_CHECKING:
    from tui.core.library.store import ArticleSummary


def summary_title(summary: ArticleSummary, limit: int = 200) -> str:
    """The entry's title made safe, or a stand-in."""
    title = sanitize_for_terminal(summary.title).strip() or "(untitled)"
    return title if len(title) <= limit else title[: limit - 1] + "…"


def summary_site(summary: ArticleSummary) -> str:
    if summary.site:
        return sanitize_for_terminal(summary.site)
    if summary.url:
        return sanitize_for_terminal(summary.url.split("//", 1)[-1].split("/", 1)[0])
    return ""


def article_prompt(summary: ArticleSummary) -> Content:
    """Two lines: read dot, star and title; site, date and claim/entity/figure counts."""
    marker = ("  ", "") if summary.read else ("● ", "$text-accent")
    star = ("★ ", "$text-warning") if summary.starred else ("", "")
    meta = " · ".join(x for x in (summary_site(summary), display_date(summary.published)) if x)
    counts = f"C{summary.n_claims} E{summary.n_entities} F{summary.n_figures}"
    return Content.assemble(
        marker,
        star,
        (summary_title(summary), "bold" if not summary.read else ""),
        "\n  ",
        (meta + "  " if meta else "", "$text-muted"),
        (counts, "$text-muted"),
    )


class ArticleList(NavList):
    """The articles of the library (filtered); highlighting one shows it in the reader."""

    BINDINGS = [
        Binding("enter", "select", "Open in new tab", id="select"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[ArticleSummary] = []  # the pages loaded so far
        self.total = 0  # how many match the filter in all
        self._index: dict[str, int] = {}

    def set_entries(
        self,
        entries: list[ArticleSummary],
        keep: str | None = None,
        total: int | None = None,
        empty: str = "No articles",
    ) -> None:
        """Replace the list; highlight ``keep`` (or the current entry) when still there.

        ``entries`` may be the first page of ``total`` (see :meth:`append_entries`);
        ``empty`` is shown (greyed, not selectable) when there are none.
        """
        keep = keep or self.current_id
        self.entries = list(entries)
        self.total = len(entries) if total is None else total
        self._index = {e.id: i for i, e in enumerate(self.entries)}
        self.clear_options()
        self.add_options(Option(article_prompt(e)) for e in self.entries)
        if self.entries:
            self.highlighted = self._index.get(keep or "", 0)
        else:
            self.add_option(Option(Content.styled(empty, "$text-muted"), disabled=True))

    def append_entries(self, entries: list[ArticleSummary]) -> None:
        """Add the next page at the end, keeping the cursor."""
        if entries and not self.entries:
            self.set_entries(entries)
            return
        for e in entries:
            if e.id not in self._index:
                self._index[e.id] = len(self.entries)
                self.entries.append(e)
                self.add_option(Option(article_prompt(e)))

    @property
    def has_more(self) -> bool:
        return len(self.entries) < self.total

    def update_entry(self, summary: ArticleSummary) -> None:
        """Redraw one entry after its flags changed."""
        index = self._index.get(summary.id)
        if index is None:
            return
        self.entries[index] = summary
        self.replace_option_prompt_at_index(index, article_prompt(summary))

    def entry(self, article_id: str) -> ArticleSummary | None:
        index = self._index.get(article_id)
        return None if index is None else self.entries[index]

    @property
    def current_id(self) -> str | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.entries):
            return None
        return self.entries[index].id

    def index_of(self, article_id: str | None) -> int:
        """Position of the article with this id in the list, or -1."""
        return self._index.get(article_id or "", -1)

    @property
    def read(self) -> set[str]:
        """Ids of the entries marked read."""
        return {e.id for e in self.entries if e.read}
