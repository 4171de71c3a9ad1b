"""What workers (threads) tell the UI, and the value that asks for an article to be shown.

Workers never call UI methods: they post one of these messages (``post_message`` is safe
from any thread) and the screen or app handles it on the UI thread. Every failure a worker
meets arrives as :class:`WorkFailed`, handled in one place (``NewsReaderApp``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from tui.core.model import Article

if TYPE_CHECKING:
    from tui.core.library import ImportSummary
    from tui.core.search import Searchable

MAIN_READER = "reader"
SECOND_READER = "reader-2"


@dataclass(frozen=True, slots=True)
class OpenRequest:
    """Show the article ``article_id``: where, whether it counts as read, what next."""

    article_id: str
    new_tab: bool = False  # its own tab (the one it has already, else a new one)
    pin: bool = False  # a new tab even when the active tab shows it (`t`: keep it, browse on)
    reader_id: str = MAIN_READER  # or SECOND_READER (the split view's comparison pane)
    mark_read: bool = True  # opened by the user (enter, [ ], a search hit); not a preview
    then: Callable[[Article], None] | None = None  # runs once it is shown
    why: str = ""  # how the split view's second article was chosen (shown on its border)


class ArticleRead(Message):
    """A worker read the article an :class:`OpenRequest` asked for."""

    def __init__(self, request: OpenRequest, article: Article) -> None:
        super().__init__()
        self.request = request
        self.article = article


class WorkFailed(Message):
    """A worker could not do (part of) its work: ``where`` (a path, the library) and why."""

    def __init__(self, where: str, error: str, title: str = "Could not load") -> None:
        super().__init__()
        self.where = where
        self.error = error
        self.title = title


class ImportProgress(Message):
    """Files imported so far: ``done`` of ``total``, ``failed`` of them unreadable."""

    def __init__(self, done: int, total: int, failed: int = 0) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.failed = failed


class ImportFinished(Message):
    """An import worker is done (``summary`` None when it failed as a whole)."""

    def __init__(self, summary: ImportSummary | None, open_them: bool) -> None:
        super().__init__()
        self.summary = summary
        self.open_them = open_them


class IndexReady(Message):
    """The search index is built (or rebuilt after a change)."""

    def __init__(self, index: Searchable) -> None:
        super().__init__()
        self.index = index
