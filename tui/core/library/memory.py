"""The library's reading API over articles held in memory: nothing is saved.

``NewsReaderApp(articles=[...])`` (tests, snapshots) and ``NewsReaderApp(paths)`` without a
library use it, so the UI has one code path: summaries for the list, ``get_article`` for the
reader, and the same read/star/note/delete calls as :class:`tui.core.library.Library`.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from tui.core.library.store import ArticleFilter, ArticleNotFound, ArticleSummary, Note
from tui.core.model import Article
from tui.core.titles import display_title


def _aware(value: datetime | date) -> datetime:
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def summary_of(article: Article, added_at: datetime, read: bool = False) -> ArticleSummary:
    """The list row of an in-memory article."""
    a = article.analysis
    return ArticleSummary(
        id=article.id,
        title=display_title(article),
        site=article.site,
        url=article.url,
        published=article.published,
        added_at=added_at,
        read=read,
        starred=False,
        n_claims=len(a.claims),
        n_entities=len(a.entities),
        n_figures=len(a.figures),
    )


class MemoryStore:
    """Articles in memory, in the order given (no sorting: snapshots stay put)."""

    path: Path | None = None

    def __init__(self, articles: list[Article] | None = None) -> None:
        self._lock = threading.RLock()
        self._articles: dict[str, Article] = {}
        self._summaries: dict[str, ArticleSummary] = {}
        self._claim_stars: dict[str, set[str]] = {}
        self._notes: dict[tuple[str, str | None], Note] = {}
        self.add(articles or [])

    def add(self, articles: list[Article]) -> list[str]:
        """Add articles (a duplicate id keeps the first); return their ids."""
        now = datetime.now(UTC)
        with self._lock:
            for article in articles:
                if article.id not in self._articles:
                    self._articles[article.id] = article
                    self._summaries[article.id] = summary_of(article, now)
        return [a.id for a in articles]

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._articles

    def __len__(self) -> int:
        return len(self._articles)

    def list_articles(
        self, filter: ArticleFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[ArticleSummary]:
        f = filter or ArticleFilter()
        if f.site is not None:
            from tui.core.filters import site_matches  # (the search package: not at start-up)
        out = []
        with self._lock:
            for id_, s in self._summaries.items():
                if (f.unread and s.read) or (f.starred and not s.starred):
                    continue
                if f.site is not None and not site_matches(f.site, s.site, s.url):
                    continue
                if f.since is not None and _aware(s.published or s.added_at) < _aware(f.since):
                    continue
                if f.entity:
                    key = " ".join(f.entity.split()).casefold()
                    names = {
                        " ".join(n.split()).casefold()
                        for e in self._articles[id_].analysis.entities
                        for n in (e.name, *e.aliases)
                    }
                    if key not in names:
                        continue
                out.append(s)
        end = None if limit is None else offset + limit
        return out[offset:end]

    def count_articles(self, filter: ArticleFilter | None = None) -> int:
        return len(self.list_articles(filter))

    def get_summary(self, article_id: str) -> ArticleSummary:
        with self._lock:
            if article_id not in self._summaries:
                raise ArticleNotFound(f"no article {article_id!r}")
            return self._summaries[article_id]

    def get_article(self, article_id: str) -> Article:
        with self._lock:
            if article_id not in self._articles:
                raise ArticleNotFound(f"no article {article_id!r}")
            return self._articles[article_id]

    def all_articles(self) -> list[Article]:
        with self._lock:
            return list(self._articles.values())

    def sites(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for s in self._summaries.values():
            if s.site:
                counts[s.site] = counts.get(s.site, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def mark_read(self, article_id: str, read: bool = True) -> None:
        with self._lock:
            self._summaries[article_id] = replace(self.get_summary(article_id), read=read)

    def star_article(self, article_id: str, starred: bool = True) -> None:
        with self._lock:
            self._summaries[article_id] = replace(self.get_summary(article_id), starred=starred)

    def star_claim(self, article_id: str, key: str, starred: bool = True) -> None:
        with self._lock:
            stars = self._claim_stars.setdefault(article_id, set())
            if starred:
                stars.add(key)
            else:
                stars.discard(key)

    def starred_claims(self, article_id: str) -> set[str]:
        with self._lock:
            return set(self._claim_stars.get(article_id, set()))

    def set_note(self, article_id: str, key: str | None, text: str) -> None:
        article = self.get_article(article_id)
        with self._lock:
            if not text.strip():
                self._notes.pop((article_id, key), None)
                return
            claim = next((c for c in article.analysis.claims if c.key == key), None)
            now = datetime.now(UTC)
            old = self._notes.get((article_id, key))
            self._notes[(article_id, key)] = Note(
                article_id=article_id,
                claim_key=key,
                text=text,
                anchor_text=claim.text if claim else "",
                span=claim.span if claim else None,
                created_at=old.created_at if old else now,
                updated_at=now,
            )

    def notes_for(self, article_id: str) -> list[Note]:
        with self._lock:
            notes = [n for (a, _), n in self._notes.items() if a == article_id]
        return sorted(notes, key=lambda n: (n.claim_key is not None, n.span or (-1, -1)))

    def delete_article(self, article_id: str) -> None:
        with self._lock:
            self.get_summary(article_id)
            del self._articles[article_id]
            del self._summaries[article_id]
            self._claim_stars.pop(article_id, None)
            for key in [k for k in self._notes if k[0] == article_id]:
                del self._notes[key]

    def close(self) -> None:
        """Nothing to close."""
