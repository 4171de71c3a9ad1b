"""What the reader needs of a store of articles: the SQLite library and the in-memory store.

The UI is written against :class:`ArticleStore` only, so both stores take the same path
(summaries for the list, ``get_article`` for the reader, the same read/star/note/delete).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from tui.core.library.store import ArticleFilter, ArticleSummary, Note
from tui.core.model import Article


@runtime_checkable
class ArticleStore(Protocol):
    """Articles with reading state, stars and notes. Errors are LibraryError subclasses."""

    @property
    def path(self) -> Path | None: ...

    def list_articles(
        self, filter: ArticleFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[ArticleSummary]: ...

    def count_articles(self, filter: ArticleFilter | None = None) -> int: ...

    def get_summary(self, article_id: str) -> ArticleSummary: ...

    def get_article(self, article_id: str) -> Article: ...

    def sites(self) -> list[tuple[str, int]]: ...

    def mark_read(self, article_id: str, read: bool = True) -> None: ...

    def star_article(self, article_id: str, starred: bool = True) -> None: ...

    def star_claim(self, article_id: str, key: str, starred: bool = True) -> None: ...

    def starred_claims(self, article_id: str) -> set[str]: ...

    def set_note(self, article_id: str, key: str | None, text: str) -> None: ...

    def notes_for(self, article_id: str) -> list[Note]: ...

    def delete_article(self, article_id: str) -> None: ...

    def close(self) -> None: ...
