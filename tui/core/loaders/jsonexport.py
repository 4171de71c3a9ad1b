"""Our own JSON: `newsreader extract` output, or a single article dict."""

from __future__ import annotations

import json
from typing import Any

from tui.core.loaders.common import Meta, article_from_text
from tui.core.loaders.decode import check_text, decode
from tui.core.loaders.errors import LoadError
from tui.core.model import Analysis, Article
from tui.core.sentences import split_paragraphs, split_sentences


def load(data: bytes | str, *, source_path: str | None = None, raw: bool = False) -> list[Article]:
    """The articles of a newsreader JSON export (round trip of ``Article.to_dict``)."""
    text = decode(data) if isinstance(data, bytes) else data
    check_text(text)
    if raw:
        return [article_from_text(text, Meta(source_path=source_path))]
    try:
        doc = json.loads(text)
    except RecursionError:
        raise LoadError("invalid JSON: nested too deeply") from None
    except ValueError as exc:
        raise LoadError(f"invalid JSON: {exc}") from None
    items = articles_in(doc)
    return [_article(item, n, source_path) for n, item in enumerate(items, 1)]


def articles_in(doc: Any) -> list[Any]:
    """The article dicts in a decoded export; LoadError when it is not one."""
    if isinstance(doc, dict) and isinstance(doc.get("articles"), list):
        items = doc["articles"]
    elif isinstance(doc, dict) and "text" in doc:
        items = [doc]
    elif isinstance(doc, list) and doc and all(isinstance(d, dict) and "text" in d for d in doc):
        items = doc
    else:
        raise LoadError("JSON is not a newsreader export (no 'articles' list or 'text')")
    if not items:
        raise LoadError("JSON export has no articles")
    return items


def _article(item: Any, n: int, source_path: str | None) -> Article:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise LoadError(f"article {n} in the JSON has no 'text' string")
    if not item["text"].strip():
        raise LoadError(f"article {n} in the JSON has empty text")
    if isinstance(item.get("authors"), str):
        item = {**item, "authors": [item["authors"]]}  # list("Ann Lee") would give letters
    try:
        article = Article.from_dict(item)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise LoadError(f"article {n} in the JSON is malformed: {exc}") from None
    if not isinstance(article.title, str) or not all(isinstance(a, str) for a in article.authors):
        raise LoadError(f"article {n} in the JSON is malformed: title and authors must be text")
    if not article.source_path:
        article.source_path = source_path
    size = len(article.text)

    def valid(spans: list[tuple[int, int]]) -> bool:
        return all(0 <= s < e <= size for s, e in spans)

    if not article.paragraphs or not valid(article.paragraphs):
        article.paragraphs = split_paragraphs(article.text)
    if not article.sentences or not valid(article.sentences):
        # Spans of the analysis index sentences: stale once these are recomputed.
        article.sentences = split_sentences(article.text, article.paragraphs)
        article.analysis = Analysis()
    if not _analysis_valid(article.analysis, size, len(article.sentences)):
        article.analysis = Analysis()  # stale or forged offsets: drop, re-analyse later
    if not article.title:
        article.title = article_from_text(article.text, Meta()).title
    return article


def _analysis_valid(analysis: Analysis, size: int, sentences: int) -> bool:
    spans = [m for e in analysis.entities for m in e.mentions]
    spans += [f.span for f in analysis.figures] + [c.span for c in analysis.claims]
    if not all(0 <= s < e <= size for s, e in spans):
        return False
    indexes = [f.sentence for f in analysis.figures] + [c.sentence for c in analysis.claims]
    return all(-1 <= i < sentences for i in indexes)
