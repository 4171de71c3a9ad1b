"""Load + sentence-split throughput per format over ../shared/corpus and the seed.

    python benchmarks/load_bench.py [--quick] [--repeat N] [--gold]

Prints a table: files, articles, MB read, seconds (wall and CPU), MB/s and files/s for
loading (which includes paragraph and sentence splitting), and the sentence splitter alone
over the loaded bodies. MB/s and files/s are from wall time; on a shared machine compare
the CPU column. Needs ../shared/ for the HTML and feed rows (skipped when absent).
``--gold`` adds the HTML quality figures against corpus/html/gold.json: the fraction of
`with` snippets found in the main text, of `without` snippets kept out, of exact titles.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tui.core.loaders import html as html_loader  # noqa: E402
from tui.core.loaders import load_paths  # noqa: E402
from tui.core.sentences import split_paragraphs, split_sentences  # noqa: E402

SHARED = REPO.parent / "shared"
SEED = REPO / "seeds"


def _many_small(tmp: Path, count: int) -> list[Path]:
    """Copies of the seed: the many-small-files case (a library import, a big folder)."""
    data = next(SEED.glob("*.txt")).read_bytes()
    files = []
    for i in range(count):
        f = tmp / f"{i:05}.txt"
        f.write_bytes(data)
        files.append(f)
    return files


def _sets(quick: bool, tmp: Path) -> list[tuple[str, list[Path], bool]]:
    sets: list[tuple[str, list[Path], bool]] = [
        ("seed (text)", sorted(SEED.glob("*.txt")), False),
        ("seed (--raw)", sorted(SEED.glob("*.txt")), True),
        ("seed x N (text)", _many_small(tmp, 300 if quick else 3000), False),
    ]
    html = sorted((SHARED / "corpus" / "html").glob("*.html"))
    feeds = sorted((SHARED / "corpus" / "feeds").glob("*.xml"))
    if quick:
        html, feeds = html[:10], feeds[:8]
    if html:
        sets.append(("html (trafilatura)", html, False))
    if feeds:
        sets.append(("feeds (feedparser)", feeds, False))
    return sets


def _best(fn: Callable[[], object], repeat: int) -> float:
    return _best_wall_cpu(fn, repeat)[0]


def _best_wall_cpu(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The best wall time and the best CPU time over `repeat` runs."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer files, one run each")
    parser.add_argument("--repeat", type=int, default=3, help="runs per set (best is shown)")
    parser.add_argument("--gold", action="store_true", help="also score HTML against gold.json")
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else max(1, args.repeat)
    if not SHARED.is_dir():
        print("note: ../shared/ not found; only the seed is measured", file=sys.stderr)
    header = (
        f"{'format':<20} {'files':>5} {'arts':>5} {'MB':>7} {'load s':>7} {'CPU s':>7} "
        f"{'MB/s':>7} {'files/s':>8} {'split MB/s':>10}"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        for name, files, raw in _sets(args.quick, Path(tmp)):
            _row(name, files, raw, repeat)
    if args.gold:
        _gold()
    return 0


def _gold() -> None:
    gold_path = SHARED / "corpus" / "html" / "gold.json"
    if not gold_path.is_file():
        print("note: gold.json not found", file=sys.stderr)
        return
    norm = " ".join
    counts = {"with": [0, 0], "without": [0, 0], "title": [0, 0]}
    for entry in json.loads(gold_path.read_text()).values():
        data = (gold_path.parent / entry["file"]).read_bytes()
        article = html_loader.load(data, source_path=entry["file"])[0]
        text = norm(article.text.split())
        for snippet in entry.get("with", []):
            counts["with"][1] += 1
            counts["with"][0] += norm(snippet.split()) in text
        for snippet in entry.get("without", []):
            counts["without"][1] += 1
            counts["without"][0] += norm(snippet.split()) not in text
        if entry.get("title"):
            counts["title"][1] += 1
            counts["title"][0] += article.title.casefold() == entry["title"].casefold()
    print()
    print(f"{'html gold (40 pages)':<22} {'met':>5} {'of':>5} {'fraction':>9}")
    for key, (met, total) in counts.items():
        print(f"{key:<22} {met:>5} {total:>5} {met / total if total else 0:>9.3f}")


def _row(name: str, files: list[Path], raw: bool, repeat: int) -> None:
    """One table row: load the files (best of `repeat`), then split their bodies alone."""
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    result = load_paths(files, raw=raw)
    seconds, cpu = _best_wall_cpu(lambda: load_paths(files, raw=raw), repeat)
    texts = [a.text for a in result.articles]
    text_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    def split() -> None:
        for t in texts:
            split_sentences(t, split_paragraphs(t))

    split_s = _best(split, repeat)
    print(
        f"{name:<20} {len(files):>5} {len(result.articles):>5} {size_mb:>7.2f} "
        f"{seconds:>7.3f} {cpu:>7.3f} {size_mb / seconds:>7.2f} {len(files) / seconds:>8.1f} "
        f"{(text_mb / split_s if split_s else 0):>10.1f}"
    )
    if result.errors:
        print(f"  ({len(result.errors)} failed: {result.errors[0].error})")


if __name__ == "__main__":
    sys.exit(main())
