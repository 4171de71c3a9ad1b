"""The library (or its starred part) as Markdown, JSON or CSV: `newsreader export` and the app.

Articles are read one at a time, so exporting 10,000 of them never holds more than one in
memory. A file is written whole: a temporary file renamed over it once complete.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from tui import __version__
from tui.core.library import Library, LibraryError, notes_by_sentence
from tui.core.library.protocol import ArticleStore
from tui.core.library.textsafe import json_escapes, visible_escapes
from tui.core.model import Article
from tui.core.report import article_markdown

FORMATS = ("markdown", "json", "csv")
CSV_COLUMNS = [
    "article_id",
    "article_title",
    "row",
    "text",
    "type",
    "value",
    "value_max",
    "unit",
    "approx",
    "mentions",
    "sentence",
]
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def selected_ids(library: Library, *, starred: bool) -> list[str]:
    """Article ids to export, newest first."""
    summaries = library.list_articles()
    if not starred:
        return [s.id for s in summaries]
    with_claims = library.articles_with_starred_claims()
    return [s.id for s in summaries if s.starred or s.id in with_claims]


@contextmanager
def output(path: str | None) -> Iterator[IO[str]]:
    """stdout, or FILE written whole: a temporary file renamed over it once complete."""
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _articles(library: ArticleStore, ids: list[str]) -> Iterator[Article]:
    # One at a time: exporting 10,000 articles never holds more than one in memory.
    for article_id in ids:
        yield library.get_article(article_id)


def write_markdown(library: ArticleStore, ids: list[str], out: IO[str]) -> None:
    """A briefing: per article, its claims with speakers, sources, hedges, stars and notes."""
    out.write("# newsreader briefing\n\n")
    for article in _articles(library, ids):
        notes = library.notes_for(article.id)
        by_sentence = notes_by_sentence(article, notes)
        claim_sentences = {c.sentence for c in article.analysis.claims}
        starred_keys = library.starred_claims(article.id)
        starred = {c.sentence for c in article.analysis.claims if c.key in starred_keys}
        extra = [n.text for n in notes if n.claim_key is None]
        current = {c.key for c in article.analysis.claims}
        # Notes whose claim the current extractors no longer find: kept, quoting their claim.
        for note in notes:
            if note.claim_key is None or note.claim_key in current:
                continue
            if _sentence_of(article, note.span) not in claim_sentences:
                extra.append(f"on “{note.anchor_text}”: {note.text}")
        markdown = article_markdown(
            article, by_sentence, article_note=" / ".join(extra) or None, starred=starred
        )
        out.write(visible_escapes(markdown))
        out.write("\n")


def _sentence_of(article: Article, span: tuple[int, int] | None) -> int | None:
    if span is None:
        return None
    return next((i for i, (s, e) in enumerate(article.sentences) if s <= span[0] < e), None)


def write_json(library: ArticleStore, ids: list[str], out: IO[str]) -> None:
    """The `newsreader extract` schema, each article with an extra "library" object."""
    out.write(f'{{\n  "newsreader": {json.dumps(__version__)},\n  "articles": [')
    for i, article in enumerate(_articles(library, ids)):
        doc = article.to_dict()
        doc["library"] = _library_state(library, article)
        out.write(",\n" if i else "\n")
        out.write(json_escapes(json.dumps(doc, ensure_ascii=False)))
    out.write('\n  ],\n  "errors": []\n}\n')


def _library_state(library: ArticleStore, article: Article) -> dict[str, Any]:
    summary = library.get_summary(article.id)
    return {
        "read": summary.read,
        "starred": summary.starred,
        "starred_claims": sorted(library.starred_claims(article.id)),
        "notes": [
            {
                "claim_key": n.claim_key,
                "claim": n.anchor_text or None,
                "text": n.text,
                "created_at": n.created_at.isoformat(),
                "updated_at": n.updated_at.isoformat(),
            }
            for n in library.notes_for(article.id)
        ],
    }


def csv_cell(value: Any) -> Any:
    """A cell safe in a spreadsheet (text that looks like a formula is quoted) and in a
    terminal (control characters shown as escapes)."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return visible_escapes(value)


def write_csv(library: ArticleStore, ids: list[str], out: IO[str]) -> None:
    """One row per entity and per figure, with the article's id and title."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for article in _articles(library, ids):
        head = [article.id, article.title]
        for ent in article.analysis.entities:
            row: list[object] = [
                *head,
                "entity",
                ent.name,
                ent.label,
                None,
                None,
                None,
                None,
                ent.count,
                None,
            ]
            writer.writerow([csv_cell(v) for v in row])
        for fig in article.analysis.figures:
            row = [
                *head,
                "figure",
                fig.text,
                fig.kind,
                fig.value,
                fig.value_max,
                fig.unit,
                fig.approx,
                None,
                fig.sentence,
            ]
            writer.writerow([csv_cell(v) for v in row])


def write_story_briefing(library: ArticleStore, ids: list[str], out: IO[str]) -> None:
    """The stories that hold one of ``ids``: outlets, repeated quotes, disagreeing figures."""
    from tui.core.stories.briefing import briefing_markdown
    from tui.core.stories.queries import catch_up, list_stories

    if not isinstance(library, Library):
        raise LibraryError("stories are kept in a library file; this store has none")
    catch_up(library)
    wanted = set(ids)
    stories = [s for s in list_stories(library) if any(a.id in wanted for a in s.articles)]
    pairs = [(s, [library.get_article(a.id) for a in s.articles]) for s in stories]
    out.write(visible_escapes(briefing_markdown(pairs)))


Writer = Callable[[ArticleStore, list[str], IO[str]], None]
WRITERS: dict[str, Writer] = {
    "markdown": write_markdown,
    "json": write_json,
    "csv": write_csv,
    "stories": write_story_briefing,  # a Markdown story briefing (export --stories)
}


def export_library(library: Library, fmt: str, path: str | None, *, starred: bool) -> int:
    """Write the library (``starred``: its starred part) as ``fmt`` to ``path`` (None: stdout).

    Returns how many articles were written; raises LibraryError or OSError.
    """
    ids = selected_ids(library, starred=starred)
    with output(path) as out:
        WRITERS[fmt](library, ids, out)
    return len(ids)
