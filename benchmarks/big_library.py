"""A large library with its search index, made fast for the library benchmark.

Each real base article (the seed and ../shared/corpus/html) is loaded and analysed once;
the library holds ``n`` copies of them, each with its own edit (a correction paragraph, a
title and a date), so each has its own content hash. The copies go through the same path
as an import's writer (rows stored in one transaction per chunk, the chunk's index segment
built with build_arrays and added after it, segments merged by size tier).
"""

from __future__ import annotations

import functools
import json
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.core.extract import EXTRACTOR_VERSION
from tui.core.library import Library
from tui.core.library.indexing import index_folder, open_index
from tui.core.library.store import PreparedArticle, current_extractor_version, prepare_article
from tui.core.model import Article
from tui.core.search import build
from tui.core.search.build import build_arrays

CHUNK = 2000  # articles a transaction and a segment, as the importer's writer does
SITES = ["swarajya.com", "bbc.co.uk", "reuters.com", "thehindu.com", "tass.com", "apnews.com"]


def base_articles(texts: list[str]) -> list[Article]:
    """Each base text as an analysed Article (the real loader and extractors)."""
    from tui.core.extract import analyse
    from tui.core.loaders import text as text_loader

    out = []
    for text in texts:
        for article in text_loader.load(text):
            article.analysis = analyse(article)
            out.append(article)
    return out


def edited_copy(base: Article, n: int) -> Article:
    """Copy ``n`` of ``base``: a correction paragraph appended, its own title and date."""
    extra = f"\n\nCorrection {n}: an earlier version of this story misstated figure {n % 997}."
    start = len(base.text) + 2
    published = datetime(2026, 1, 1, tzinfo=UTC) - timedelta(hours=n)
    title = base.title or base.text[:60].split("\n")[0]
    copy = replace(
        base,
        id="",
        title=f"{title} (edition {n})",
        text=base.text + extra,
        site=SITES[n % len(SITES)],
        published=published,
        paragraphs=[*base.paragraphs, (start, start + len(extra) - 2)],
        sentences=[*base.sentences, (start, start + len(extra) - 2)],
    )
    copy.__post_init__()  # a new content id for the edited text
    return copy


def prepared_copy(base: PreparedArticle, copy: Article) -> PreparedArticle:
    """``copy``'s row values from its base's: the analysis (the same) is not encoded again."""
    fresh = prepare_article(replace(copy, analysis=type(copy.analysis)()))
    return base._replace(
        id=copy.id,
        url=None,
        where=fresh.where,
        article_row=fresh.article_row,
        body_row=fresh.body_row,
    )


@contextmanager
def _memoised_words():
    """The copies repeat their bases' sentences: tokenise each distinct sentence once.

    The index is the same as the importer would build; only the generation is faster.
    """
    plain = build.index_words
    build.index_words = functools.lru_cache(maxsize=1 << 16)(plain)  # type: ignore[assignment]
    try:
        yield
    finally:
        build.index_words = plain  # type: ignore[assignment]


def make_library(path: Path, n: int, texts: list[str]) -> dict[str, float]:
    """Write a library of ``n`` articles with its index; return what it took."""
    bases = base_articles(texts)
    prepared = [prepare_article(b) for b in bases]
    version = current_extractor_version()
    started, cpu = time.perf_counter(), time.process_time()
    sentences = 0
    with Library.open(path) as library, library.bulk(), _memoised_words():
        index = open_index(library)
        for first in range(0, n, CHUNK):
            last = min(n, first + CHUNK)
            chunk = [edited_copy(bases[i % len(bases)], i) for i in range(first, last)]
            sentences += sum(len(a.sentences) for a in chunk)
            rows = [
                prepared_copy(prepared[i % len(bases)], a)
                for i, a in zip(range(first, last), chunk, strict=True)
            ]
            library.store_prepared(rows, version)
            index.add(build_arrays(chunk))
        library.set_meta("seeded", "benchmark")
        segments = len(index.segments)
    return {
        "generate s": time.perf_counter() - started,
        "generate cpu s": time.process_time() - cpu,
        "sentences": sentences,
        "segments": segments,
    }


def cached_library(n: int, texts: list[str], into: Path) -> tuple[Path, dict[str, float]]:
    """A copy in ``into`` of an ``n``-article library made once and kept in the temp dir
    (the benchmark changes its copy: imports into it, deletes from it)."""
    cache = Path(tempfile.gettempdir()) / f"newsreader-big-{n}-v{EXTRACTOR_VERSION}.sqlite3"
    done = cache.with_name(cache.name + ".done")
    if not done.exists():
        for stale in cache.parent.glob(cache.name + "*"):
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
        made = make_library(cache, n, texts)
        done.write_text(json.dumps(made))
    made = json.loads(done.read_text())
    db = into / cache.name
    shutil.copy(cache, db)
    shutil.copytree(index_folder(cache), index_folder(db))
    return db, made
