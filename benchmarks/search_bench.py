"""Search benchmark: two index designs side by side on the same sentences and queries.

Builds corpora of 100,000 and 1,000,000 sentences from the real sentences of
../shared/corpus/html, multiplied with small edits (swapped words, changed numbers, typos),
types a dozen queries character by character and prints p50 / p95 latency per keystroke for
the kept design (segments: numpy arrays saved and memory-mapped) and for SQLite FTS5 trigram
+ rapidfuzz re-ranking, with each one's build time, size on disk and top-3 quality on the
typo/partial query set, beside ``rapidfuzz.process.extract(q, sentences, scorer=WRatio)``
over all sentences and ``fzf --filter`` (when installed).

    PYTHONPATH=. python benchmarks/search_bench.py           # 100k and 1M, both designs
    PYTHONPATH=. python benchmarks/search_bench.py --quick   # 20k both; the 1M stress run
                                                             # of the kept design, 2 queries
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rapidfuzz import fuzz, process  # noqa: E402

from benchmarks.fts5_design import Fts5Index  # noqa: E402
from benchmarks.search_corpus import load_html_corpus  # noqa: E402
from tui.core.model import Article  # noqa: E402
from tui.core.search import SearchIndex  # noqa: E402
from tui.core.search.build import build_arrays  # noqa: E402
from tui.core.search.segment import load_segment, save_segment  # noqa: E402

SHARED = REPO.parent / "shared"

# Typed as a user would: typos, partial words, entity names, word order changed.
QUERIES = [
    "delivries s400",
    "goverment shutdwn",
    "amazon warehouse",
    "climte change",
    "trump administrtion",
    "vaccine trial",
    "prime minster",
    "electricity blackout",
    "microsoft",
    "hottest temperatures",
    "telescope nasa",
    "police said",
]
QUICK_QUERIES = QUERIES[:4]
SENTENCES_PER_ARTICLE = 40
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[A-Za-z]{4,}")


def base_sentences() -> list[str]:
    if not (SHARED / "corpus" / "html").is_dir():
        sys.exit("search_bench: ../shared/corpus/html is needed (real sentences)")
    out: list[str] = []
    for article in load_html_corpus(SHARED / "corpus" / "html"):
        out.extend(article.text[s:e] for s, e in article.sentences)
    return [s for s in out if len(s) >= 20]


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(3)
    if op == 0:  # drop a letter
        return word[:i] + word[i + 1 :]
    if op == 1:  # swap two letters
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    return word[:i] + rng.choice("aeiourstln") + word[i + 1 :]


def edited(sentence: str, rng: random.Random) -> str:
    """A small random edit of a sentence: a typo, two words swapped or numbers changed."""
    choice = rng.randrange(4)
    if choice == 0:
        words = list(_WORD.finditer(sentence))
        if words:
            m = rng.choice(words)
            return sentence[: m.start()] + _typo(m.group(0), rng) + sentence[m.end() :]
    if choice == 1:
        parts = sentence.split(" ")
        if len(parts) > 3:
            i = rng.randrange(len(parts) - 1)
            parts[i], parts[i + 1] = parts[i + 1], parts[i]
            return " ".join(parts)
    if choice == 2 and _NUMBER.search(sentence):
        return _NUMBER.sub(lambda m: str(rng.randrange(1, 10 ** len(m.group(0)))), sentence)
    return sentence


def make_corpus(base: list[str], n: int, seed: int = 5) -> tuple[list[Article], list[str]]:
    """``n`` sentences (the originals, then edited copies) grouped into articles."""
    rng = random.Random(seed)
    sentences = [base[i] if i < len(base) else edited(base[i % len(base)], rng) for i in range(n)]
    articles: list[Article] = []
    for a in range(0, n, SENTENCES_PER_ARTICLE):
        chunk = sentences[a : a + SENTENCES_PER_ARTICLE]
        spans, pos = [], 0
        for s in chunk:
            spans.append((pos, pos + len(s)))
            pos += len(s) + 1
        title = f"article {a // SENTENCES_PER_ARTICLE}"
        articles.append(Article(text=" ".join(chunk), title=title, sentences=spans))
    return articles, sentences


def rss_bytes() -> int:
    """Resident set size of this process (Linux /proc; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def keystrokes(query: str) -> list[str]:
    return [query[:i] for i in range(1, len(query) + 1)]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def type_queries(search, queries: list[str]) -> tuple[list[float], list[float]]:
    """Wall and CPU ms per keystroke, each query typed character by character."""
    per_key: list[float] = []
    per_key_cpu: list[float] = []
    for q in queries:
        for prefix in keystrokes(q):
            t, c = time.perf_counter(), time.process_time()
            search(prefix)
            per_key.append((time.perf_counter() - t) * 1000)
            per_key_cpu.append((time.process_time() - c) * 1000)
    return per_key, per_key_cpu


def segment_design(articles: list[Article], tmp: Path) -> tuple[SearchIndex, float, float, int]:
    """The kept design: one segment built, saved, and opened memory-mapped."""
    texts = {a.id: a.text for a in articles}
    t0, c0 = time.perf_counter(), time.process_time()
    size = save_segment(tmp / "bench.seg", build_arrays(articles))
    build, build_cpu = time.perf_counter() - t0, time.process_time() - c0
    index = SearchIndex.from_arrays(load_segment(tmp / "bench.seg"), texts.__getitem__)
    return index, build, build_cpu, size


def bench_size(
    base: list[str], n: int, queries: list[str], baseline_queries: int, fts5: bool
) -> list[dict]:
    articles, sentences = make_corpus(base, n)
    text_bytes = sum(len(s.encode("utf-8")) for s in sentences)
    tmp = Path(tempfile.mkdtemp(prefix="newsreader-search-bench-"))
    rows = []
    try:
        gc.collect()
        rss0 = rss_bytes()
        index, build, build_cpu, size = segment_design(articles, tmp)
        per_key, per_key_cpu = type_queries(lambda p: index.search(p, limit=20), queries)
        rows.append(
            _row("segments", n, text_bytes, build, build_cpu, size, per_key, per_key_cpu)
            | {"rss_mb": (rss_bytes() - rss0) / 1e6, "vocab": index.vocabulary_size}
        )
        if fts5:
            t0, c0 = time.perf_counter(), time.process_time()
            fts = Fts5Index(tmp / "fts5.db", sentences)
            build, build_cpu = time.perf_counter() - t0, time.process_time() - c0
            slow = queries[:4] if n >= 1_000_000 else queries  # minutes a query at 1M
            per_key, per_key_cpu = type_queries(lambda p: fts.search(p), slow)
            rows.append(
                _row(
                    "fts5+rapidfuzz",
                    n,
                    text_bytes,
                    build,
                    build_cpu,
                    fts.size_bytes(),
                    per_key,
                    per_key_cpu,
                )
            )
            fts.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    naive, fzf_ms = baselines(sentences, queries[:baseline_queries])
    for row in rows:
        row["naive"], row["fzf"] = naive, fzf_ms
    return rows


def _row(design, n, text_bytes, build, build_cpu, size, per_key, per_key_cpu) -> dict:
    return {
        "design": design,
        "n": n,
        "text_mb": text_bytes / 1e6,
        "build_s": build,
        "build_cpu": build_cpu,
        "disk_mb": size / 1e6,
        "keys": len(per_key),
        "p50": statistics.median(per_key),
        "p95": pct(per_key, 95),
        "max": max(per_key),
        "p95_cpu": pct(per_key_cpu, 95),
        "rss_mb": float("nan"),
        "vocab": 0,
    }


def baselines(sentences: list[str], queries: list[str]) -> tuple[float, float]:
    """Median ms of one whole query by rapidfuzz.process.extract(WRatio) and fzf --filter."""
    naive: list[float] = []
    for q in queries:
        t = time.perf_counter()
        process.extract(q, sentences, scorer=fuzz.WRatio, limit=20)
        naive.append((time.perf_counter() - t) * 1000)

    fzf_times: list[float] = []
    fzf = shutil.which("fzf")
    if fzf:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
            fh.write("\n".join(s.replace("\n", " ") for s in sentences))
            path = fh.name
        for q in queries:
            with open(path, "rb") as stdin:
                t = time.perf_counter()
                subprocess.run([fzf, "--filter", q], stdin=stdin, capture_output=True)
                fzf_times.append((time.perf_counter() - t) * 1000)
        Path(path).unlink()

    return (
        statistics.median(naive) if naive else float("nan"),
        statistics.median(fzf_times) if fzf_times else float("nan"),
    )


def quality(shared: Path) -> dict[str, float]:
    """Top-3 rate of the typo/partial query set for both designs over the same pages."""
    import json

    items = json.loads((REPO / "benchmarks" / "search_queries.json").read_text())["queries"]
    articles = load_html_corpus(shared / "corpus" / "html")
    from tui.core.extract import analyse

    for article in articles:
        analyse(article)
    index = SearchIndex(articles)
    where: list[tuple[str, str]] = []  # (file, sentence) per FTS5 row
    for a in articles:
        where.extend((Path(a.source_path or "").name, a.text[s:e]) for s, e in a.sentences)
    tmp = Path(tempfile.mkdtemp(prefix="newsreader-quality-"))
    fts = Fts5Index(tmp / "q.db", [t for _, t in where])
    found = {"segments": 0, "fts5+rapidfuzz": 0}
    for item in items:
        hits = index.search(item["query"], limit=3)
        if any(
            Path(index.articles[h.article_index].source_path or "").name == item["file"]
            and item["anchor"] in h.text
            for h in hits
        ):
            found["segments"] += 1
        rows = fts.search(item["query"], limit=3)
        if any(where[r][0] == item["file"] and item["anchor"] in t for r, t in rows):
            found["fts5+rapidfuzz"] += 1
    fts.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return {k: v / len(items) for k, v in found.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI-sized: see the module doc")
    parser.add_argument("--sizes", type=int, nargs="*", help="override the corpus sizes")
    parser.add_argument(
        "--baseline-queries", type=int, default=2, help="queries timed through the naive baselines"
    )
    args = parser.parse_args(argv)
    sizes = args.sizes or ([20_000, 1_000_000] if args.quick else [100_000, 1_000_000])
    queries = QUICK_QUERIES if args.quick else QUERIES
    base = base_sentences()
    print(f"load average: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    print(f"{len(base)} real sentences from ../shared/corpus/html; {len(queries)} queries typed")
    rate = quality(SHARED)
    print(
        "top-3 on the typo/partial query set: " + ", ".join(f"{k} {v:.1%}" for k, v in rate.items())
    )
    print(
        f"{'design':<15} {'sentences':>10} {'text MB':>8} {'build s':>8} {'cpu s':>6} "
        f"{'disk MB':>8} {'x text':>7} {'keys':>5} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} "
        f"{'p95 cpu':>8} {'WRatio ms':>10} {'x p95':>6} {'fzf ms':>7}"
    )
    for n in sizes:
        # The slow design only where it finishes in CI time (--quick: the smaller size).
        fts5 = not args.quick or n <= 100_000
        for r in bench_size(
            base,
            n,
            queries if n < 1_000_000 or not args.quick else queries[:2],
            args.baseline_queries,
            fts5,
        ):
            print(
                f"{r['design']:<15} {r['n']:>10,} {r['text_mb']:>8.1f} {r['build_s']:>8.2f} "
                f"{r['build_cpu']:>6.2f} {r['disk_mb']:>8.1f} {r['disk_mb'] / r['text_mb']:>7.2f} "
                f"{r['keys']:>5} {r['p50']:>7.2f} {r['p95']:>7.2f} {r['max']:>7.1f} "
                f"{r['p95_cpu']:>8.2f} {r['naive']:>10.1f} {r['naive'] / r['p95']:>6.0f} "
                f"{r['fzf']:>7.1f}",
                flush=True,
            )
    print(
        "segments: the kept design (numpy inverted index saved as a segment file, opened "
        "memory-mapped); fts5+rapidfuzz: SQLite FTS5 trigram candidates (bm25, 500) re-ranked "
        "by WRatio. disk MB: the index file(s); x text: over the UTF-8 size of the sentences; "
        "p50/p95/max: wall ms per keystroke (each query typed key by key); p95 cpu: process CPU "
        "time, less sensitive to other load on the machine; WRatio ms / fzf ms: one whole "
        "query over all sentences (median); x p95: WRatio time over the design's p95."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
