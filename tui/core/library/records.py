"""The library's plain records and errors: what the store takes and hands back (no SQL)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from tui.core.model import Analysis, Article, Claim, Span

Analyser = Callable[[Article], Analysis]
ProgressCallback = Callable[[int, int | None], None]  # (items done, total if known)


class LibraryError(Exception):
    """The library cannot be used: not ours, damaged, newer than this program, or busy."""


class ArticleNotFound(LibraryError, KeyError):
    """No article with that id in the library."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "article not found"


class _Failure(Protocol):
    path: str
    error: str


@dataclass(slots=True)
class ImportSummary:
    """What an import did: counts, failures with reasons, and the ids of every article seen."""

    imported: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    # The library id of each article the input named, new or duplicate, in input order.
    article_ids: list[str] = field(default_factory=list)

    def merge(self, other: ImportSummary) -> None:
        self.imported += other.imported
        self.duplicates += other.duplicates
        self.failed.extend(other.failed)
        self.article_ids.extend(other.article_ids)


@dataclass(slots=True, frozen=True)
class ArticleSummary:
    """One row of the article list: stored columns only, no body."""

    id: str
    title: str
    site: str | None
    url: str | None
    published: datetime | None
    added_at: datetime
    read: bool
    starred: bool
    n_claims: int
    n_entities: int
    n_figures: int


@dataclass(slots=True, frozen=True)
class ArticleFilter:
    """Which articles to list; every field set must match."""

    unread: bool = False
    starred: bool = False
    site: str | None = None
    since: datetime | date | None = None  # published (else added) on or after
    entity: str | None = None  # an entity name or alias, case-insensitive


@dataclass(slots=True, frozen=True)
class Note:
    """A note on an article (``claim_key is None``) or on one of its claims."""

    article_id: str
    claim_key: str | None
    text: str
    anchor_text: str  # the claim's text when the note was written
    span: Span | None
    created_at: datetime
    updated_at: datetime


def claim_key(claim: Claim) -> str:
    """A claim's stable identity within its article: a hash of its normalised text.

    List positions change whenever an extractor finds one claim more; the text does not.
    """
    return claim.key


def current_extractor_version() -> str:
    """The version of the installed extractors (read at call time so tests can change it)."""
    # Imported here, not at the top: the reader opens a library before it needs extractors.
    import tui.core.extract as extract

    return str(extract.EXTRACTOR_VERSION)


def default_analyser(article: Article) -> Analysis:
    """Run the installed extractors (looked up at call time)."""
    import tui.core.extract as extract

    return extract.analyse(article)


def notes_by_sentence(article: Article, notes: Iterable[Note]) -> dict[int, str]:
    """Claim notes keyed by sentence index, the shape ``report.article_markdown`` takes."""
    sentence_of = {claim_key(c): c.sentence for c in article.analysis.claims}
    out: dict[int, str] = {}
    for note in notes:
        if note.claim_key is None:
            continue
        index = sentence_of.get(note.claim_key)
        if index is None and note.span is not None:
            index = next(
                (i for i, (s, e) in enumerate(article.sentences) if s <= note.span[0] < e), None
            )
        if index is not None:
            out[index] = f"{out[index]} / {note.text}" if index in out else note.text
    return out
