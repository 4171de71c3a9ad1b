"""Sentence-splitter throughput over the shared corpus: MB/s, sentences/s and words/s.

    PYTHONPATH=. python benchmarks/sentence_bench.py [--repeat N] [--quick]

Texts are the main text trafilatura extracts from ../shared/corpus/html/*.html (extraction is not
timed) plus the bundled seed. pysbd, when it is importable, is timed alongside on the same
paragraphs for comparison; it is not a dependency of newsreader.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tui.core.sentences import split_paragraphs, split_sentences  # noqa: E402

SHARED = REPO.parent / "shared"
SEED = REPO / "seeds" / "swarajya-2025-09-03-india-russia-s400-talks.txt"


def load_texts() -> list[str]:
    """Body texts of the shared HTML pages (via trafilatura) and the seed."""
    texts = [SEED.read_text(encoding="utf-8")] if SEED.is_file() else []
    html_dir = SHARED / "corpus" / "html"
    if html_dir.is_dir():
        import trafilatura

        for page in sorted(html_dir.glob("*.html")):
            text = trafilatura.extract(page.read_bytes())
            if text:
                texts.append(text)
    return texts


def ours(texts: list[str]) -> int:
    return sum(len(split_sentences(t)) for t in texts)


def make_pysbd() -> Callable[[list[str]], int] | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def run(texts: list[str]) -> int:
        # Same paragraph split as ours, so only sentence splitting differs.
        n = 0
        for t in texts:
            for a, b in split_paragraphs(t):
                n += len(segmenter.segment(t[a:b]))
        return n

    return run


# Hostile shapes (~1 MB each): the splitter must stay linear on them, never hang.
HOSTILE = {
    "stops without space": "." * 1_000_000 + "x",
    "initials": "B. " * 333_333,
    "abbreviations": "U.S. Mr. Inc. " * 71_428,
    "quotes after stops": '."""" x ' * 125_000,
    "one long line of words": "word " * 200_000,
}


def measure(fn: Callable[[list[str]], int], texts: list[str], repeat: int) -> tuple[float, int]:
    """Best wall time of ``repeat`` runs and the sentence count."""
    best = float("inf")
    count = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        count = fn(texts)
        best = min(best, time.perf_counter() - t0)
    return best, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per splitter (best is kept)")
    parser.add_argument("--copies", type=int, default=10, help="corpus copies per run")
    parser.add_argument("--quick", action="store_true", help="one run over one copy")
    args = parser.parse_args()
    repeat, copies = (1, 1) if args.quick else (args.repeat, args.copies)

    base = load_texts()
    if not base:
        print("no texts: ../shared/corpus/html/ and the seed are absent", file=sys.stderr)
        return 1
    texts = base * copies
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    words = sum(len(t.split()) for t in texts)
    print(f"{len(base)} texts x {copies} copies: {mb:.2f} MB, {words:,} words, best of {repeat}")

    runners: list[tuple[str, Callable[[list[str]], int], list[str]]] = [("newsreader", ours, texts)]
    pysbd_run = make_pysbd()
    if pysbd_run is not None:
        # pysbd is ~100x slower: one copy is enough to time it.
        runners.append(("pysbd", pysbd_run, base))
    else:
        print("(pysbd not installed: not compared)")

    print(f"{'splitter':<12} {'seconds':>9} {'MB/s':>8} {'sentences/s':>13} {'words/s':>12}")
    for name, fn, corpus in runners:
        seconds, count = measure(fn, corpus, repeat if fn is ours else 1)
        scale = len(corpus) / len(texts)
        print(
            f"{name:<12} {seconds:9.3f} {mb * scale / seconds:8.2f} {count / seconds:13,.0f} "
            f"{words * scale / seconds:12,.0f}"
        )
    print()
    print(f"{'hostile input':<24} {'MB':>6} {'seconds':>9} {'MB/s':>8}")
    for name, text in HOSTILE.items():
        size = len(text.encode("utf-8")) / 1e6
        seconds, _ = measure(lambda ts: len(split_sentences(ts[0])), [text], 1)
        print(f"{name:<24} {size:6.2f} {seconds:9.3f} {size / seconds:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
