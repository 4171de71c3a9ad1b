"""Stand-in analysers and article makers for the library tests.

The real extractors are developed elsewhere; these give every article entities, figures and
claims so notes and stars have something to hold on to. Module-level so worker processes
can import them.
"""

from __future__ import annotations

import re
import time
from datetime import datetime

from tui.core.loaders import text as text_loader
from tui.core.model import Analysis, Article, Claim, Entity, Figure

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def fake_analyse(article: Article) -> Analysis:
    """Claims: sentences with a number; figures: the numbers; entities: capitalised words."""
    claims: list[Claim] = []
    figures: list[Figure] = []
    entities: dict[str, Entity] = {}
    for i, (s, e) in enumerate(article.sentences):
        sentence = article.text[s:e]
        for m in _NUMBER.finditer(sentence):
            span = (s + m.start(), s + m.end())
            figures.append(Figure(m.group(), "count", float(m.group()), span, i))
        for m in _NAME.finditer(sentence):
            if m.start() == 0:
                continue  # sentence-initial capitals are not names
            ent = entities.setdefault(m.group(), Entity(m.group(), "GPE"))
            ent.mentions.append((s + m.start(), s + m.end()))
        if _NUMBER.search(sentence):
            hedges = ["reportedly"] if "reportedly" in sentence else []
            claims.append(Claim(sentence, (s, e), i, 0.9, speaker="Officials", hedges=hedges))
    return Analysis(list(entities.values()), figures, claims)


def upgraded_analyse(article: Article) -> Analysis:
    """A 'newer extractor': every sentence is a claim (so list positions shift) and claim
    text loses its final punctuation (so a claim's text, hence its key, changes)."""
    claims = []
    for i, (s, e) in enumerate(article.sentences):
        trimmed = article.text[s:e].rstrip(".!?")
        claims.append(Claim(trimmed, (s, s + len(trimmed)), i, 0.6))
    return Analysis([], [], list(reversed(claims)))


def slow_analyse(article: Article) -> Analysis:
    """fake_analyse taking 30 ms, so an import can be killed half-way."""
    time.sleep(0.03)
    return fake_analyse(article)


BODY = (
    "The council said 12 new homes were built in Leeds last year. "
    "Prices rose 3 percent in Bristol, the survey found. "
    "Officials were reportedly unsure about 40 of them.\n\n"
    "Residents of Leeds met on Tuesday. Nobody objected."
)


def make_article(
    n: int,
    *,
    url: str | None = None,
    site: str | None = "example.org",
    published: datetime | None = None,
    body: str = BODY,
) -> Article:
    """Article number ``n``: the same prose with its own title (so its own content hash)."""
    article = text_loader.load(f"{body}\nEdition {n}.", source_path=f"mem/{n}.txt")[0]
    return Article(
        text=article.text,
        title=f"Article {n}",
        url=url,
        site=site,
        published=published,
        source_path=article.source_path,
        paragraphs=article.paragraphs,
        sentences=article.sentences,
    )


def write_articles(folder, count: int, start: int = 0) -> list:
    """``count`` distinct text files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        p = folder / f"article-{n:05d}.txt"
        p.write_text(f"Story number {n}.\n\n{BODY}\n", encoding="utf-8")
        paths.append(p)
    return paths


def kill_after_commits(proc, db, count: int, timeout: float = 90) -> None:
    """SIGKILL ``proc``'s process group once ``db`` holds ``count`` articles."""
    import os
    import signal
    import sqlite3

    watcher = sqlite3.connect(db, timeout=30)
    try:
        deadline = time.monotonic() + timeout
        committed = 0
        while committed < count and time.monotonic() < deadline:
            time.sleep(0.01)
            committed = watcher.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert proc.poll() is None, "the import ended before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        watcher.close()
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
