"""Row values and SQL helpers of the library store: articles in, summaries out."""

from __future__ import annotations

import json
import sqlite3
import zlib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from tui.core.library.records import ArticleFilter, ArticleSummary, claim_key
from tui.core.model import Analysis, Article, Span


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _timestamp(value: datetime | date) -> float:
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def _parse_dt(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _spans_json(spans: list[Span]) -> str:
    return json.dumps([list(s) for s in spans], separators=(",", ":"))


def _analysis_blob(analysis: Analysis) -> bytes:
    """The analysis as zlib-compressed JSON: a quarter of the size, 0.2 ms to make."""
    text = json.dumps(analysis.to_dict(), ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 1)


def _analysis_from_json(data: str | bytes) -> Analysis:
    # A BLOB is compressed JSON; TEXT (plain JSON) is read too, for hand-made or old rows.
    if isinstance(data, bytes):
        data = zlib.decompress(data).decode("utf-8")
    return Analysis.from_dict(json.loads(data))


_SUMMARY_SELECT = (
    "SELECT id, title, site, url, published, added_at, read, starred, "
    "n_claims, n_entities, n_figures FROM articles"
)


def _summary(r: tuple[Any, ...]) -> ArticleSummary:
    return ArticleSummary(
        id=r[0],
        title=r[1],
        site=r[2],
        url=r[3],
        published=_parse_dt(r[4]),
        added_at=_parse_dt(r[5]) or datetime.now(UTC),
        read=bool(r[6]),
        starred=bool(r[7]),
        n_claims=r[8],
        n_entities=r[9],
        n_figures=r[10],
    )


# The host of ``url``: what follows "://" up to the next "/" ('' without "://").
_REST_SQL = "substr(url, instr(url, '://') + 3)"
_URL_HOST_SQL = (
    f"CASE WHEN instr(coalesce(url, ''), '://') > 0 "
    f"THEN substr({_REST_SQL}, 1, instr({_REST_SQL} || '/', '/') - 1) ELSE '' END"
)


def _where_clause(filter: ArticleFilter | None) -> tuple[str, list[Any]]:
    f = filter or ArticleFilter()
    where: list[str] = []
    params: list[Any] = []
    if f.unread:
        where.append("read = 0")
    if f.starred:
        where.append("starred = 1")
    if f.site is not None:
        # A part of the site name or of the address's host, any case (as search's site:).
        where.append(f"instr(lower(coalesce(site, '') || ' ' || {_URL_HOST_SQL}), ?) > 0")
        params.append(f.site.casefold())
    if f.since is not None:
        where.append("sort_ts >= ?")
        params.append(_timestamp(f.since))
    if f.entity:
        where.append("id IN (SELECT article_id FROM article_entities WHERE name_key = ?)")
        params.append(" ".join(f.entity.split()).casefold())
    return (" WHERE " + " AND ".join(where) if where else ""), params


def _where(article: Article) -> str:
    return article.source_path or article.url or article.title or article.id


def _describe(path: Path, exc: sqlite3.Error) -> str:
    msg = str(exc)
    if "locked" in msg or "busy" in msg:
        return f"{path}: the library is busy (another program holds it): {msg}"
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return f"{path}: the library file is damaged ({msg})"
    if "readonly" in msg or "read-only" in msg:
        return f"{path}: the library cannot be written ({msg})"
    return f"{path}: library error: {msg}"


def _existing_id(conn: sqlite3.Connection, article_id: str, url: str | None) -> str | None:
    row = conn.execute("SELECT id FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None and url:
        row = conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
    return None if row is None else row[0]


class PreparedArticle(NamedTuple):
    """An analysed article as ready-made row values.

    Import workers build these, so the process writing the database only runs SQL (and
    pickling plain strings and tuples between processes is cheap, unlike dataclasses).
    """

    id: str
    url: str | None
    where: str
    article_row: tuple[Any, ...]  # the articles columns up to added_at (excluded)
    body_row: tuple[Any, ...]
    analysis_blob: bytes
    counts: tuple[int, int, int]  # claims, entities, figures
    entity_rows: list[tuple[str, str, str]]  # (name_key, name, label)
    claim_anchors: list[tuple[str, int, int, str]]  # (claim_key, start, end, text)


def prepare_article(a: Article) -> PreparedArticle:
    """The row values of an analysed article (pure: no database needed)."""
    sort_ts = _timestamp(a.published) if a.published else _timestamp(datetime.now(UTC))
    analysis = a.analysis
    entity_rows: dict[str, tuple[str, str, str]] = {}
    for ent in analysis.entities:
        for name in (ent.name, *ent.aliases):
            key = " ".join(name.split()).casefold()
            if key and key not in entity_rows:
                entity_rows[key] = (key, ent.name, ent.label)
    return PreparedArticle(
        id=a.id,
        url=a.url or None,
        where=_where(a),
        article_row=(
            a.id,
            a.url or None,
            a.title,
            a.site,
            a.section,
            json.dumps(a.authors, ensure_ascii=False),
            a.published.isoformat() if a.published else None,
            a.updated.isoformat() if a.updated else None,
            sort_ts,
            a.source_path,
        ),
        body_row=(
            a.id,
            a.text,
            _spans_json(a.paragraphs),
            _spans_json(a.sentences),
            json.dumps(a.boilerplate, ensure_ascii=False),
        ),
        analysis_blob=_analysis_blob(analysis),
        counts=(len(analysis.claims), len(analysis.entities), len(analysis.figures)),
        entity_rows=list(entity_rows.values()),
        claim_anchors=[(claim_key(c), c.span[0], c.span[1], c.text) for c in analysis.claims],
    )


def _insert_article(conn: sqlite3.Connection, p: PreparedArticle, version: str, added: str) -> None:
    conn.execute(
        "INSERT INTO articles (id, url, title, site, section, authors, published, updated, "
        "sort_ts, source_path, added_at, n_claims, n_entities, n_figures) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*p.article_row, added, *p.counts),
    )
    conn.execute("INSERT INTO article_bodies VALUES (?, ?, ?, ?, ?)", p.body_row)
    conn.execute("INSERT INTO analyses VALUES (?, ?, ?)", (p.id, version, p.analysis_blob))
    conn.executemany(
        "INSERT INTO article_entities (name_key, article_id, name, label) VALUES (?, ?, ?, ?)",
        [(key, p.id, name, label) for key, name, label in p.entity_rows],
    )


def _refresh_if_stale(conn: sqlite3.Connection, p: PreparedArticle, version: str) -> None:
    row = conn.execute(
        "SELECT extractor_version FROM analyses WHERE article_id = ?", (p.id,)
    ).fetchone()
    if row is None or row[0] != version:
        _store_analysis(conn, p, version)


def _store_analysis(conn: sqlite3.Connection, p: PreparedArticle, version: str) -> None:
    """Replace an article's analysis, counts and entity index; re-anchor notes and stars."""
    conn.execute(
        "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", (p.id, version, p.analysis_blob)
    )
    conn.execute(
        "UPDATE articles SET n_claims = ?, n_entities = ?, n_figures = ? WHERE id = ?",
        (*p.counts, p.id),
    )
    conn.execute("DELETE FROM article_entities WHERE article_id = ?", (p.id,))
    conn.executemany(
        "INSERT INTO article_entities (name_key, article_id, name, label) VALUES (?, ?, ?, ?)",
        [(key, p.id, name, label) for key, name, label in p.entity_rows],
    )
    _reanchor(conn, p, "notes")
    _reanchor(conn, p, "claim_stars")


def _reanchor(conn: sqlite3.Connection, p: PreparedArticle, table: str) -> None:
    """Point notes/stars whose claim text changed at the claim now covering the same text.

    The article's body never changes (its id is the hash of it), so the stored span of the
    claim a note was written on still marks the same words: the new claim overlapping it
    most (at least half of the shorter of the two) is the same claim, reworded.
    """
    current = {anchor[0] for anchor in p.claim_anchors}
    rows = conn.execute(
        f"SELECT claim_key, span_start, span_end FROM {table} "
        "WHERE article_id = ? AND claim_key != ''",
        (p.id,),
    ).fetchall()
    for key, start, end in rows:
        if key in current or start < 0:
            continue
        best, best_overlap = None, 0
        for anchor in p.claim_anchors:
            _, c_start, c_end, _ = anchor
            overlap = min(end, c_end) - max(start, c_start)
            shorter = min(end - start, c_end - c_start)
            if overlap > best_overlap and overlap * 2 >= shorter:
                best, best_overlap = anchor, overlap
        if best is None:
            continue  # kept as an orphan: notes_for still returns it with its anchor text
        new_key, c_start, c_end, text = best
        conn.execute(
            f"UPDATE OR IGNORE {table} SET claim_key = ?, anchor_text = ?, span_start = ?, "
            "span_end = ? WHERE article_id = ? AND claim_key = ?",
            (new_key, text, c_start, c_end, p.id, key),
        )
