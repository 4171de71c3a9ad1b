"""Open a web address as a file would be opened: a page, a feed, or a text, fetched and loaded."""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.fetch import Fetcher, FetchError, FetchResult, redact
from tui.core.library.store import Analyser, ImportSummary, Library
from tui.core.loaders import LoadError, load_bytes, sniff
from tui.core.loaders import feed as feed_loader
from tui.core.loaders.decode import binary_reason, declared_encoding, decode
from tui.core.loaders.html import parse_page
from tui.core.model import Article


def load_url(fetcher: Fetcher, url: str) -> list[Article]:
    """The articles at ``url`` (one for a page, one per entry for a feed).

    Raises FetchError or LoadError with the reason. Pages keep their canonical URL when they
    give one, else the address they were fetched from.
    """
    result = fetcher.get(url)
    reason = binary_reason(result.body)
    if reason is not None:
        raise LoadError(reason)
    fmt = sniff.format_for("", result.body)  # the content decides, whatever the header says
    if fmt == sniff.HTML:
        return [_page(result)]
    if fmt in (sniff.FEED, sniff.XML):
        return _feed(result)
    articles = load_bytes(result.body, redact(result.url), check_binary=False)
    for article in articles:
        article.url = article.url or result.url
    return articles


def _page(result: FetchResult) -> Article:
    markup = decode(result.body, declared=result.charset or declared_encoding(result.body))
    article = parse_page(markup, url=result.url)
    article.url = article.url or result.url
    return article


def _feed(result: FetchResult) -> list[Article]:
    content_type = result.content_type + (f"; charset={result.charset}" if result.charset else "")
    parsed = feed_loader.parse(result.body, content_type)
    site = feed_loader.feed_title(parsed)
    articles = [feed_loader.entry_article(e, site, None) for e in parsed["entries"]]
    found = [a for a in articles if a is not None]
    if not found:
        raise LoadError("feed entries have no title or text")
    return found


def import_urls(
    library: Library,
    urls: Iterable[str],
    *,
    analyser: Analyser | None = None,
    fetcher: Fetcher | None = None,
) -> ImportSummary:
    """Fetch, analyse and store each URL; failures are reported as (URL, reason)."""
    summary = ImportSummary()
    own = fetcher is None
    client = fetcher or Fetcher()
    try:
        for url in urls:
            try:
                articles = load_url(client, url)
            except (FetchError, LoadError) as exc:
                summary.failed.append((redact(url), str(exc)))
                continue
            if analyser is not None:
                for article in articles:
                    article.analysis = analyser(article)
            summary.merge(library.import_articles(articles, analysed=analyser is not None))
    finally:
        if own:
            client.close()
    return summary
