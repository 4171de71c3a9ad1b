"""Load ../shared/corpus/html as articles for the search benchmark and quality test.

Uses ``tui.core.loaders.load_paths``; when the loader hands back raw HTML (no HTML loader
yet), the main text is extracted with trafilatura instead.
"""

from __future__ import annotations

from pathlib import Path

from tui.core.loaders import load_paths
from tui.core.loaders import text as text_loader
from tui.core.model import Article


def _looks_like_html(text: str) -> bool:
    head = text[:4000].lower()
    return "<html" in head or "<body" in head or "<!doctype" in head or "<div" in head


def load_html_corpus(folder: Path) -> list[Article]:
    """Every page of ``folder`` (``*.html``) as an Article with sentence spans."""
    files = sorted(folder.glob("*.html"))
    out: list[Article] = []
    for article in load_paths(files).articles:
        if not _looks_like_html(article.text):
            out.append(article)
            continue
        import trafilatura

        raw = Path(article.source_path or "").read_bytes()
        text = trafilatura.extract(raw, include_comments=False, include_tables=False)
        if not text or not text.strip():
            continue
        meta = trafilatura.extract_metadata(raw)
        for extracted in text_loader.load(text, source_path=article.source_path):
            if meta is not None:
                extracted.title = meta.title or ""
                extracted.url = meta.url
                extracted.site = meta.sitename or meta.hostname
            extracted.id = ""
            extracted.__post_init__()
            out.append(extracted)
    return out
