"""Reading stories back from the library, and placing articles the importer left unplaced."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tui.core.stories.store import place_docs, unplaced_docs

if TYPE_CHECKING:
    from tui.core.library.store import Library

CATCH_UP_BATCH = 500
_MEMBERS = (
    "SELECT m.story_id, a.id, a.url, a.source_path, a.title, a.site, a.published, a.sort_ts "
    "FROM story_members m JOIN articles a ON a.id = m.article_id "
)
ProgressCallback = Callable[[int], None]


@dataclass(slots=True)
class StoryArticle:
    """One article of a story, as listed."""

    id: str
    url: str | None
    source_path: str | None
    title: str
    site: str | None
    published: str | None
    sort_ts: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "source_path": self.source_path,
            "title": self.title,
            "site": self.site,
            "published": self.published,
        }


@dataclass(slots=True)
class Story:
    """A story: its articles in published order (undated ones last)."""

    id: int
    articles: list[StoryArticle] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The headline of the earliest article that has one."""
        return next((a.title for a in self.articles if a.title.strip()), "(untitled)")

    @property
    def first_published(self) -> str | None:
        dated = [a.published for a in self.articles if a.published]
        return min(dated) if dated else None

    @property
    def last_published(self) -> str | None:
        dated = [a.published for a in self.articles if a.published]
        return max(dated) if dated else None

    @property
    def sites(self) -> list[str]:
        return sorted({a.site for a in self.articles if a.site})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "first_published": self.first_published,
            "last_published": self.last_published,
            "articles": [a.to_dict() for a in self.articles],
        }


def catch_up(library: Library, on_progress: ProgressCallback | None = None) -> int:
    """Place every article that is in no story yet (oldest first); return how many."""
    placed = 0
    while True:
        with library._write() as conn:
            docs = unplaced_docs(conn, CATCH_UP_BATCH)
            if docs:
                place_docs(conn, docs)
        if not docs:
            return placed
        placed += len(docs)
        if on_progress:
            on_progress(placed)


def list_stories(
    library: Library, *, since: datetime | None = None, min_articles: int = 2
) -> list[Story]:
    """Stories with at least ``min_articles`` articles, the latest first."""

    def run(conn: sqlite3.Connection) -> list[Story]:
        rows = conn.execute(
            _MEMBERS + "WHERE m.story_id IN (SELECT story_id FROM story_members GROUP BY story_id "
            "HAVING count(*) >= ?)",
            (min_articles,),
        ).fetchall()
        return _group(rows)

    stories = library._read(run)
    if since is not None:
        cutoff = since.timestamp()
        stories = [s for s in stories if max(a.sort_ts for a in s.articles) >= cutoff]
    return sorted(stories, key=lambda s: max(a.sort_ts for a in s.articles), reverse=True)


def story_of(library: Library, article_id: str) -> Story | None:
    """The story an article belongs to (None when it is unplaced)."""

    def run(conn: sqlite3.Connection) -> list[Story]:
        rows = conn.execute(
            _MEMBERS
            + "WHERE m.story_id = (SELECT story_id FROM story_members WHERE article_id = ?)",
            (article_id,),
        ).fetchall()
        return _group(rows)

    found = library._read(run)
    return found[0] if found else None


def story_ids(library: Library, article_ids: list[str]) -> dict[str, int]:
    """Article id -> story id, for those placed."""

    def run(conn: sqlite3.Connection) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in range(0, len(article_ids), 500):
            part = article_ids[i : i + 500]
            marks = ",".join("?" * len(part))
            sql = f"SELECT article_id, story_id FROM story_members WHERE article_id IN ({marks})"
            out.update(conn.execute(sql, part).fetchall())
        return out

    return library._read(run)


def _group(rows: list[tuple[Any, ...]]) -> list[Story]:
    stories: dict[int, Story] = {}
    for story_id, *values in rows:
        stories.setdefault(story_id, Story(story_id)).articles.append(StoryArticle(*values))
    for story in stories.values():
        story.articles.sort(key=lambda a: (a.published is None, a.published or "", a.sort_ts))
    return list(stories.values())
