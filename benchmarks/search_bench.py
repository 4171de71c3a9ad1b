"""Search benchmark: per-keystroke latency, build time and memory of the search index.

Builds corpora of 10,000 / 100,000 / 500,000 sentences from the real sentences of
../shared/corpus/html, multiplied with small edits (swapped words, changed numbers, typos),
types a dozen queries character by character and prints p50 / p95 latency per keystroke,
beside the same queries through ``rapidfuzz.process.extract(q, sentences, scorer=WRatio,
limit=20)`` over all sentences and ``fzf --filter`` (when fzf is installed).

    PYTHONPATH=. python benchmarks/search_bench.py           # 10k, 100k, 500k
    PYTHONPATH=. python benchmarks/search_bench.py --quick   # 10k, a few queries, < 30 s
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

from benchmarks.search_corpus import load_html_corpus  # noqa: E402
from tui.core.model import Article  # noqa: E402
from tui.core.search import SearchIndex  # noqa: E402

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


def bench_size(base: list[str], n: int, queries: list[str], baseline_queries: int) -> dict:
    articles, sentences = make_corpus(base, n)
    text_bytes = sum(len(s.encode("utf-8")) for s in sentences)
    gc.collect()
    rss0 = rss_bytes()
    t0, c0 = time.perf_counter(), time.process_time()
    index = SearchIndex(articles)
    build = time.perf_counter() - t0
    build_cpu = time.process_time() - c0
    gc.collect()
    rss_delta = rss_bytes() - rss0
    retained = index.nbytes()

    per_key: list[float] = []
    per_key_cpu: list[float] = []
    for q in queries:
        index.clear_caches()  # each query is a fresh typing session
        for prefix in keystrokes(q):
            t, c = time.perf_counter(), time.process_time()
            index.search(prefix, limit=20)
            per_key.append((time.perf_counter() - t) * 1000)
            per_key_cpu.append((time.process_time() - c) * 1000)

    naive: list[float] = []
    for q in queries[:baseline_queries]:
        t = time.perf_counter()
        process.extract(q, sentences, scorer=fuzz.WRatio, limit=20)
        naive.append((time.perf_counter() - t) * 1000)

    fzf_times: list[float] = []
    fzf = shutil.which("fzf")
    if fzf:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
            fh.write("\n".join(s.replace("\n", " ") for s in sentences))
            path = fh.name
        for q in queries[:baseline_queries]:
            with open(path, "rb") as stdin:
                t = time.perf_counter()
                subprocess.run([fzf, "--filter", q], stdin=stdin, capture_output=True)
                fzf_times.append((time.perf_counter() - t) * 1000)
        Path(path).unlink()

    return {
        "n": n,
        "text_mb": text_bytes / 1e6,
        "build_s": build,
        "build_cpu": build_cpu,
        "p95_cpu": pct(per_key_cpu, 95),
        "mem_mb": retained / 1e6,
        "rss_mb": rss_delta / 1e6,
        "vocab": index.vocabulary_size,
        "keys": len(per_key),
        "p50": statistics.median(per_key),
        "p95": pct(per_key, 95),
        "max": max(per_key),
        "naive": statistics.median(naive) if naive else float("nan"),
        "fzf": statistics.median(fzf_times) if fzf_times else float("nan"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 sentences, a few queries")
    parser.add_argument("--sizes", type=int, nargs="*", help="override the corpus sizes")
    parser.add_argument(
        "--baseline-queries", type=int, default=4, help="queries timed through the naive baselines"
    )
    args = parser.parse_args(argv)
    sizes = args.sizes or ([10_000] if args.quick else [10_000, 100_000, 500_000])
    queries = QUICK_QUERIES if args.quick else QUERIES
    base = base_sentences()
    print(f"load average: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    print(f"{len(base)} real sentences from ../shared/corpus/html; {len(queries)} queries typed")
    print(
        f"{'sentences':>10} {'text MB':>8} {'build s':>8} {'cpu s':>6} {'s/100k':>7} "
        f"{'index MB':>9} "
        f"{'x text':>7} {'RSS+ MB':>8} {'vocab':>8} {'keys':>5} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'max ms':>7} {'p95 cpu':>8} {'WRatio ms':>10} {'x p95':>6} {'fzf ms':>7}"
    )
    for n in sizes:
        r = bench_size(base, n, queries, args.baseline_queries)
        print(
            f"{r['n']:>10,} {r['text_mb']:>8.1f} {r['build_s']:>8.2f} {r['build_cpu']:>6.2f} "
            f"{r['build_s'] * 100_000 / r['n']:>7.2f} {r['mem_mb']:>9.1f} "
            f"{r['mem_mb'] / r['text_mb']:>7.2f} {r['rss_mb']:>8.1f} {r['vocab']:>8,} "
            f"{r['keys']:>5} {r['p50']:>7.2f} {r['p95']:>7.2f} {r['max']:>7.1f} "
            f"{r['p95_cpu']:>8.2f} "
            f"{r['naive']:>10.1f} {r['naive'] / r['p95']:>6.0f} {r['fzf']:>7.1f}",
            flush=True,
        )
    print(
        "index MB: what the index holds (numpy arrays + vocabulary and prefix strings, "
        "SearchIndex.nbytes; article texts excluded); x text: that over the UTF-8 size of the "
        "text indexed; RSS+ MB: process RSS growth over the build (includes freed build "
        "garbage the allocator kept); WRatio ms / fzf ms: one whole query over all sentences "
        "(median); x p95: naive WRatio time over our p95 keystroke; cpu s / p95 cpu: process "
        "CPU time, less sensitive than wall time to other load on the machine."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
