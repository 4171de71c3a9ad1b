"""One person or organisation across the library: articles, claims by it and about it, figures.

Aliases merge across articles: a query matches an entity whose name or alias is the query,
and, for a person, one known in another article by the surname alone ("Shugayev" and
"Dmitry Shugayev"). Reads the entity extractor's output; never changes it.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tui.core.model import Article, Claim, Entity, Figure
from tui.core.stories.queries import story_ids

if TYPE_CHECKING:
    from tui.core.library.store import Library

_PERSON = "PERSON"


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(slots=True)
class EntityArticle:
    """What one article says of the entity."""

    id: str
    title: str
    site: str | None
    published: str | None
    story: int | None
    mentions: int
    said: list[Claim] = field(default_factory=list)
    about: list[Claim] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "site": self.site,
            "published": self.published,
            "story": self.story,
            "mentions": self.mentions,
            "said": [_claim(c) for c in self.said],
            "about": [_claim(c) for c in self.about],
            "figures": [
                {k: f.to_dict()[k] for k in ("text", "kind", "value", "unit", "sentence")}
                for f in self.figures
            ],
        }


@dataclass(slots=True)
class EntityView:
    """The entity's best name, label, every alias seen, and its articles newest first."""

    name: str
    label: str
    aliases: list[str]
    articles: list[EntityArticle]

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": {"name": self.name, "label": self.label, "aliases": self.aliases},
            "articles": [a.to_dict() for a in self.articles],
        }


def _claim(claim: Claim) -> dict[str, Any]:
    return {
        "text": claim.text,
        "sentence": claim.sentence,
        "speaker": claim.speaker,
        "source": claim.source,
        "quote": claim.quote,
    }


def matching_keys(library: Library, query: str) -> dict[str, list[tuple[str, str]]]:
    """Article id -> the (name, label) rows of its entities the query names."""
    key = name_key(query)
    surname = key.rsplit(" ", 1)[-1]

    def run(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
        return conn.execute(
            "SELECT e.article_id, e.name, e.label, e.name_key FROM article_entities e "
            "JOIN articles a ON a.id = e.article_id "
            "WHERE e.name_key = ? OR e.name_key LIKE ? ESCAPE '\\' OR e.name_key = ? "
            "ORDER BY a.sort_ts DESC",
            (key, "% " + _like(key), surname),
        ).fetchall()

    out: dict[str, list[tuple[str, str]]] = {}
    for article_id, name, label, row_key in library._read(run):
        if row_key != key and label != _PERSON:
            continue  # only people are known by their surname alone
        out.setdefault(article_id, []).append((name, label))
    return out


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def entity_view(library: Library, query: str) -> EntityView | None:
    """Everything the library has on the entity; None when no article mentions it."""
    matches = matching_keys(library, query)
    if not matches:
        return None
    stories = story_ids(library, list(matches))
    names: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    aliases: set[str] = set()
    articles = []
    for article_id, rows in matches.items():
        article = library.get_article(article_id)
        wanted = {name for name, _ in rows}
        entities = [e for e in article.analysis.entities if e.name in wanted]
        for ent in entities:
            names[ent.name] += ent.count
            labels[ent.label] += 1
            aliases.update((ent.name, *ent.aliases))
        articles.append(_article_view(article, entities, stories.get(article_id)))
    best = max(names, key=lambda n: (len(n.split()), names[n]))  # the fullest name
    return EntityView(
        best, labels.most_common(1)[0][0], sorted(aliases - {best}, key=str.casefold), articles
    )


def _article_view(article: Article, entities: list[Entity], story: int | None) -> EntityArticle:
    keys = {name_key(n) for e in entities for n in (e.name, *e.aliases)}
    keys |= {k.rsplit(" ", 1)[-1] for k in keys if any(e.label == _PERSON for e in entities)}
    sentences = {_sentence_at(article, s) for e in entities for s, _ in e.mentions}
    view = EntityArticle(
        article.id,
        article.title,
        article.site,
        article.published.isoformat() if article.published else None,
        story,
        sum(e.count for e in entities),
    )
    for claim in article.analysis.claims:
        if claim.speaker and name_key(claim.speaker) in keys:
            view.said.append(claim)
        elif any(name_key(n) in keys for n in claim.entities):
            view.about.append(claim)
    view.figures = [f for f in article.analysis.figures if f.sentence in sentences]
    return view


def _sentence_at(article: Article, offset: int) -> int:
    for i, (start, end) in enumerate(article.sentences):
        if start <= offset < end:
            return i
    return -1
