"""How long the reader takes to open a large article (the wrap pass of the line API view).

Builds articles of about 5 MB from the seed text (many paragraphs; one 5 MB line; non-ASCII
text), then times ``wrap_spans`` over the body at the reading width, and the whole
``ArticleView.set_article`` inside a headless app (wrap + first screenful).

    PYTHONPATH=. python benchmarks/large_article.py [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tui.core.model import Article  # noqa: E402
from tui.core.sentences import split_paragraphs, split_sentences  # noqa: E402
from tui.widgets.reader import MAX_READING_WIDTH, ArticleView, wrap_spans  # noqa: E402

SEED = next((REPO / "seeds").glob("*.txt")).read_text(encoding="utf-8")
TARGET = 5 * 1024 * 1024


def build(kind: str) -> Article:
    if kind == "paragraphs":
        text = (SEED + "\n") * (TARGET // len(SEED) + 1)
    elif kind == "one line":
        text = (SEED.replace("\n", " ") + " ") * (TARGET // len(SEED) + 1)
    else:  # non-ASCII: Cyrillic and CJK words mixed in
        line = "Переговоры о поставках С-400 продолжаются. 交付 谈判 正在 进行。 " + SEED
        text = (line + "\n") * (TARGET // len(line) + 1)
    paragraphs = split_paragraphs(text)
    return Article(
        text=text,
        title=f"5 MB, {kind}",
        paragraphs=paragraphs,
        sentences=split_sentences(text, paragraphs),
    )


def time_wrap(article: Article, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for p_start, p_end in article.paragraphs:
            wrap_spans(article.text, p_start, p_end, MAX_READING_WIDTH)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


async def time_open(article: Article) -> float:
    from textual.app import App, ComposeResult

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield ArticleView(id="view")

    app = One()
    async with app.run_test(size=(140, 45)) as pilot:
        view = app.query_one(ArticleView)
        start = time.perf_counter()
        view.set_article(article)
        await pilot.pause()
        elapsed = time.perf_counter() - start
        assert view.visible_text()[0] == article.title
        return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run each")
    args = parser.parse_args()
    runs = 1 if args.quick else 5
    print(f"{'article':<22} {'MB':>5} {'lines':>8} {'wrap s':>8} {'open s':>8}")
    for kind in ("paragraphs", "one line", "non-ASCII"):
        article = build(kind)
        wrap = time_wrap(article, runs)
        lines = sum(
            len(wrap_spans(article.text, s, e, MAX_READING_WIDTH)) for s, e in article.paragraphs
        )
        opened = asyncio.run(time_open(article))
        mb = len(article.text.encode()) / 1e6
        print(f"{kind:<22} {mb:>5.1f} {lines:>8} {wrap:>8.3f} {opened:>8.3f}")
    print("(wrap: the wrap pass alone, median; open: set_article + first paint, headless)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
