"""Turn a feed entry (and, for teasers, its fetched page) into an analysed, ready-to-store row.

``build`` runs in a worker process: page extraction and analysis are the heavy part of a refresh.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from tui.core.library.store import PreparedArticle, default_analyser, prepare_article
from tui.core.loaders.decode import declared_encoding, decode
from tui.core.loaders.errors import LoadError
from tui.core.loaders.html import parse_page
from tui.core.model import Article


@dataclass(slots=True)
class Page:
    """A fetched article page."""

    url: str
    body: bytes
    charset: str | None = None


@dataclass(slots=True)
class BuildJob:
    """One entry to store: its summary article, its page if fetched, the id to keep if known."""

    entry_key: str
    summary: Article
    page: Page | None = None
    keep_id: str | None = None  # the library id of this entry's article when it changed


@dataclass(slots=True)
class Built:
    """What a build gave: the prepared rows, or why it failed; and whether the page was used."""

    entry_key: str
    prepared: PreparedArticle | None
    error: str | None = None
    full_text: bool = False


def build(job: BuildJob) -> Built:
    """Extract the page (falling back to the summary), analyse and prepare the article."""
    article, full = job.summary, False
    if job.page is not None:
        page_article = page_to_article(job.page)
        if page_article is not None and len(page_article.text) > len(article.text):
            article, full = merge(job.summary, page_article), True
    article = dataclasses.replace(article, id=job.keep_id or "")
    try:
        article.analysis = default_analyser(article)
        return Built(job.entry_key, prepare_article(article), full_text=full)
    except Exception as exc:  # one bad article must not sink the refresh
        return Built(job.entry_key, None, f"analysis failed: {exc}")


def page_to_article(page: Page) -> Article | None:
    """The article a page holds (charset from the header, else the document); None if none."""
    try:
        declared = page.charset or declared_encoding(page.body)
        markup = decode(page.body, declared=declared)
        return parse_page(markup, url=page.url)
    except (LoadError, RecursionError, ValueError):
        return None


def merge(summary: Article, page: Article) -> Article:
    """The page's text under the entry's metadata, which the feed states more reliably."""
    return dataclasses.replace(
        page,
        title=summary.title or page.title,
        url=page.url or summary.url,
        site=summary.site or page.site,
        authors=summary.authors or page.authors,
        published=summary.published or page.published,
        updated=summary.updated or page.updated,
        section=summary.section or page.section,
    )
