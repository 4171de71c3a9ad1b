"""The `/` search overlay: type a query, see ranked hits from every article as you type.

Push it with a built :class:`~tui.core.search.SearchIndex`; it dismisses with the chosen
:class:`~tui.core.search.Hit` (article id, sentence index, span), or ``None`` on escape::

    app.push_screen(SearchDialog(index), on_hit)
    app.push_screen(SearchDialog(index, article_id=article.id), on_hit)  # find in article
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.core.search import Hit, Searchable, SearchCancelled, parse_query
from tui.core.search.group import PER_ARTICLE, group_hits
from tui.core.textsafe import sanitize_for_terminal, sanitize_with_map
from tui.dialogs import Dialog
from tui.widgets.safe_input import SafeInput

DEBOUNCE = 0.05  # seconds of typing pause before a search starts
CONTEXT = 70  # characters shown before the first match of a long sentence
WIDTH = 260  # characters of a sentence shown at most
MATCH_STYLE = "bold reverse"


def render_hit(hit: Hit, *, show_title: bool = True) -> Text:
    """A result row: kind and title, then the text with the matched characters styled.

    The text is plain ``Text`` (never markup): article text is hostile input.
    """
    row = Text(no_wrap=False)
    row.append(f"{hit.kind:<8} ", style="dim")
    if show_title:
        row.append(sanitize_for_terminal(hit.title) or "(untitled)", style="bold")
    row.append("\n")
    body, positions = _window(hit.text, hit.positions)
    # Controls become visible placeholders and invisible characters are dropped; the map
    # moves the matched positions onto the sanitized text.
    safe, index = sanitize_with_map(body)
    if index is not None:
        where = {source: i for i, source in enumerate(index)}
        positions = [where[p] for p in positions if p in where]
    line = Text(safe)
    for p in positions:
        line.stylize(MATCH_STYLE, p, p + 1)
    row.append_text(line)
    return row


def _window(text: str, positions: tuple[int, ...]) -> tuple[str, list[int]]:
    """A slice of a long text around its first match, and the positions shifted into it."""
    if len(text) <= WIDTH:
        return text, list(positions)
    start = max(0, (positions[0] if positions else 0) - CONTEXT)
    end = min(len(text), start + WIDTH)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    kept = [p + shift for p in positions if start <= p < end]
    return prefix + text[start:end] + suffix, kept


class SearchDialog(Dialog[Hit | None]):
    """Fuzzy search across articles (or within one article, with ``article_id``)."""

    class HitsFound(Message):
        """The search worker's answer for ``query``."""

        def __init__(self, query: str, hits: list[Hit]) -> None:
            super().__init__()
            self.query = query
            self.hits = hits

    BINDINGS = [
        Binding("escape", "close", "Close", id="close"),
        Binding("down,ctrl+n", "cursor(1)", "Next", show=False, priority=True, id="cursor-down"),
        Binding("up,ctrl+p", "cursor(-1)", "Previous", show=False, priority=True, id="cursor-up"),
        Binding("pagedown", "cursor(10)", "Page down", show=False, priority=True, id="page-down"),
        Binding("pageup", "cursor(-10)", "Page up", show=False, priority=True, id="page-up"),
    ]

    def __init__(
        self,
        index: Searchable | None,
        *,
        article_id: str | None = None,
        query: str = "",
        limit: int = 100,
    ) -> None:
        super().__init__()
        self.index = index
        self.article_id = article_id
        self.limit = limit
        self.hits: list[Hit] = []
        self._initial = query
        self._timer: Timer | None = None
        self._shown_query: str | None = None

    def compose(self) -> ComposeResult:
        placeholder = (
            "Find in this article…"
            if self.article_id
            else 'Search: words, "phrase", @entity, kind:claim, site:, since:2025-01-01'
        )
        with Vertical(id="search-box"):
            yield SafeInput(self._initial, placeholder=placeholder, id="search-input")
            yield Static("", id="search-status")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._search_now(self._initial)

    def set_index(self, index: Searchable) -> None:
        """The index is ready (it was None: still building): search what is typed."""
        self.index = index
        if self.is_attached:
            self._search_now(self.query_one(Input).value)

    def _search_now(self, query: str) -> None:
        if self.index is None:
            # Typing goes into the box meanwhile; set_index() runs the search.
            self.query_one("#search-status", Static).update(Text("building the search index…"))
        else:
            self.run_search(query)

    @property
    def last_query(self) -> str:
        """The query whose hits are (or were last) listed: the one a chosen hit answers."""
        return self._shown_query if self._shown_query is not None else self._initial

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self._stop_timer()
        value = event.value
        self._timer = self.set_timer(DEBOUNCE, lambda: self._search_now(value))

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Search in a thread; a newer keystroke cancels this one (exclusive worker)."""
        worker = get_current_worker()
        if self.index is None:
            return
        try:
            hits = self.index.search(
                query,
                limit=self.limit,
                article_id=self.article_id,
                cancel=lambda: worker.is_cancelled,
            )
        except SearchCancelled:
            return
        if not worker.is_cancelled:
            self.post_message(self.HitsFound(query, hits))

    def on_search_dialog_hits_found(self, message: HitsFound) -> None:
        self._show(message.query, message.hits)

    def _show(self, query: str, hits: list[Hit]) -> None:
        if not self.is_attached:
            return  # dismissed while the search ran
        if query != self.query_one(Input).value and self._shown_query is not None:
            return  # a newer query is on its way
        self._shown_query = query
        hits = group_hits(hits, per_article=PER_ARTICLE if self.article_id is None else None)
        self.hits = hits
        results = self.query_one(OptionList)
        results.clear_options()
        show_title = self.article_id is None
        results.add_options(
            [Option(render_hit(h, show_title=show_title), id=str(i)) for i, h in enumerate(hits)]
        )
        if hits:
            results.highlighted = 0
        parsed = parse_query(query)
        status = "; ".join(parsed.errors) if parsed.errors else self._status(query, len(hits))
        self.query_one("#search-status", Static).update(Text(sanitize_for_terminal(status)))

    def _status(self, query: str, count: int) -> str:
        if not query.strip():
            return "recent claims" if count else "type to search"
        if count == 0:
            return "no matches"
        more = "+" if count >= self.limit else ""
        return f"{count}{more} hits"

    def action_cursor(self, step: int) -> None:
        results = self.query_one(OptionList)
        if not self.hits:
            return
        current = results.highlighted if results.highlighted is not None else -1
        results.highlighted = max(0, min(len(self.hits) - 1, current + step))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._stop_timer()
        if self.index is None:
            return  # still building: Enter waits for the hits
        if self._shown_query != event.value:
            # Enter typed before the search caught up: answer for what is in the box.
            self._show(
                event.value,
                self.index.search(event.value, limit=self.limit, article_id=self.article_id),
            )
        index = self.query_one(OptionList).highlighted
        if self.hits:
            self.dismiss(self.hits[index if index is not None else 0])

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.hits):
            self.dismiss(self.hits[event.option_index])

    def action_close(self) -> None:
        self._stop_timer()
        self.dismiss(None)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
