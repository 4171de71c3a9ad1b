"""Library benchmark: import, reopen, list; a 100,000-article library opened and searched.

The articles are real (the seed and the pages in ../shared/corpus/html/, their text taken out
with trafilatura once), multiplied with edits so every copy has its own content hash. The big
library is made fast (each base analysed once, see big_library.py) in a temp dir, never kept:
then a fresh process opens its index and types queries, the reader is launched on it (first
paint, search-ready, peak RSS), new files are imported into it and an article is deleted.

    python benchmarks/library_bench.py            # import 1,000; a 100,000-article library
    python benchmarks/library_bench.py --quick    # import 300; a 3,000-article library
    python benchmarks/library_bench.py --big 20000 --sizes   # only a 20,000 library
    python benchmarks/library_bench.py --analyser stand-in   # CPU-bound stand-in extractors

``--analyser installed`` (default) runs tui.core.extract.analyse as installed; on a branch where
the extractors are stubs that measures loading, sentence splitting and storage only, so
``stand-in`` runs a regex extractor of comparable cost (entities, figures, claims from every
sentence) to show the import rate with real analysis work in the workers.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.big_library import cached_library  # noqa: E402
from benchmarks.search_bench import QUERIES, QUICK_QUERIES  # noqa: E402
from tui.core.library import ArticleFilter, Library, import_paths  # noqa: E402
from tui.core.library.indexing import index_folder, open_index  # noqa: E402
from tui.core.model import Analysis, Article, Claim, Entity, Figure  # noqa: E402
from tui.resources import seeds_dir  # noqa: E402

_NUMBER = re.compile(r"(?:[$£€]\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|million|billion))?")
_NAME = re.compile(r"\b(?:[A-Z][\w'-]+)(?:\s+(?:of\s+|the\s+)?[A-Z][\w'-]+)*")
_SAID = re.compile(r"\b(?:said|says|told|according to|claimed|announced)\b", re.I)
_HEDGE = re.compile(r"\b(?:may|might|could|reportedly|allegedly|about|around|nearly)\b", re.I)


def standin_analyse(article: Article) -> Analysis:
    """A CPU-bound stand-in for the real extractors (regex passes over every sentence)."""
    text = article.text
    entities: dict[str, Entity] = {}
    figures: list[Figure] = []
    claims: list[Claim] = []
    for i, (s, e) in enumerate(article.sentences):
        sentence = text[s:e]
        for m in _NAME.finditer(sentence):
            name = m.group()
            ent = entities.setdefault(name.casefold(), Entity(name, "ORG"))
            ent.mentions.append((s + m.start(), s + m.end()))
        numbers = list(_NUMBER.finditer(sentence))
        for m in numbers:
            figures.append(Figure(m.group(), "count", None, (s + m.start(), s + m.end()), i))
        said = _SAID.search(sentence)
        score = 0.3 + 0.3 * bool(numbers) + 0.3 * bool(said)
        if score >= 0.5:
            hedges = [h.group().lower() for h in _HEDGE.finditer(sentence)]
            claims.append(Claim(sentence, (s, e), i, score, hedges=hedges))
    return Analysis(list(entities.values()), figures, claims)


def base_texts() -> list[str]:
    """The seed, plus the article text of each real page in ../shared/corpus/html/."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    html_dir = SHARED / "corpus" / "html"
    if html_dir.is_dir():
        import trafilatura

        for page in sorted(html_dir.glob("*.html")):
            body = trafilatura.extract(page.read_bytes(), include_comments=False)
            if body and len(body) > 500:
                texts.append(body)
    else:
        print(f"note: {html_dir} is absent; using the seed only", file=sys.stderr)
    return texts


def write_corpus(folder: Path, count: int, texts: list[str]) -> int:
    """``count`` files, each a base article with its own edit (so its own content hash)."""
    folder.mkdir(parents=True)
    size = 0
    for n in range(count):
        base = texts[n % len(texts)]
        paragraphs = base.split("\n")
        # An edit a publisher might make: a correction line, and one paragraph moved.
        k = n // len(texts) % max(1, len(paragraphs))
        paragraphs.append(paragraphs.pop(k))
        body = "\n".join(paragraphs) + f"\n\nCorrection {n}: an earlier version misstated a figure."
        (folder / f"{n:06d}.txt").write_text(body, encoding="utf-8")
        size += len(body)
    return size


def cpu_seconds() -> tuple[float, float]:
    """User + system CPU time of this process, and of its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


SEARCH_CHILD = """
import json, resource, sys, time
t0, c0 = time.perf_counter(), time.process_time()
sys.path.insert(0, sys.argv[2])
from tui.core.library import Library
from tui.core.library.indexing import open_index
library = Library.open(sys.argv[1])
index = open_index(library)
missing = index.sync(library.article_ids())
ready, ready_cpu = time.perf_counter() - t0, time.process_time() - c0
first = index.search(json.loads(sys.argv[3])[0], limit=20)
first_s = time.perf_counter() - t0
walls, cpus = [], []
for query in json.loads(sys.argv[3]):
    for i in range(1, len(query) + 1):
        t, c = time.perf_counter(), time.process_time()
        index.search(query[:i], limit=20)
        walls.append((time.perf_counter() - t) * 1000)
        cpus.append((time.process_time() - c) * 1000)
# VmHWM, not ru_maxrss: Linux carries a parent's peak into a child's ru_maxrss.
rss = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")) / 1024
print(json.dumps({"ready": ready, "ready_cpu": ready_cpu, "first": first_s, "missing": len(missing),
                  "walls": walls, "cpus": cpus, "rss": rss, "docs": index.doc_count,
                  "segments": len(index.segments), "hits": len(first)}))
"""


def search_in_child(db: Path, queries: list[str]) -> dict:
    """Open the library's index in a fresh process, then type ``queries`` key by key."""
    out = subprocess.run(
        [sys.executable, "-c", SEARCH_CHILD, str(db), str(REPO), json.dumps(queries)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def run(count: int, texts: list[str], analyser, workers: int, chunk: int, tmp: Path) -> dict:
    corpus = tmp / f"corpus-{count}"
    chars = write_corpus(corpus, count, texts)
    db = tmp / f"library-{count}.db"

    lib = Library.open(db, analyser=analyser)
    cpu0 = cpu_seconds()
    t0 = time.perf_counter()
    summary = import_paths(lib, [corpus], workers=workers, chunk_size=chunk, analyser=analyser)
    t_import = time.perf_counter() - t0
    cpu1 = cpu_seconds()  # the pool's workers have exited: their time counts
    cpu_writer, cpu_workers = cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]
    lib.close()
    assert summary.imported == count, (summary.imported, summary.failed[:3])

    lib = Library.open(db, analyser=analyser)
    t0 = time.perf_counter()
    again = import_paths(lib, [corpus], workers=workers, chunk_size=chunk, analyser=analyser)
    t_reimport = time.perf_counter() - t0
    lib.close()
    assert again.duplicates == count, again

    tracemalloc.start()
    t0 = time.perf_counter()
    lib = Library.open(db, analyser=analyser)
    first_screen = lib.list_articles(limit=100)
    t_first = time.perf_counter() - t0
    t0 = time.perf_counter()
    everything = lib.list_articles()
    t_list = time.perf_counter() - t0
    t0 = time.perf_counter()
    unread_site = lib.list_articles(ArticleFilter(unread=True, site=None), limit=100)
    t_filter = time.perf_counter() - t0
    t0 = time.perf_counter()
    article = lib.get_article(first_screen[0].id)
    t_get = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    lib.close()
    import_workers_rss = maxrss_mb(resource.RUSAGE_CHILDREN)  # before the index's process
    child = search_in_child(db, ["climte change"])
    assert len(first_screen) == min(100, count) and len(everything) == count and unread_site
    assert article.text
    return {
        "articles": count,
        "MB text": chars / 1e6,
        "import s": t_import,
        "articles/s": count / t_import,
        "CPU ms/article": (cpu_writer + cpu_workers) * 1000 / count,
        "writer ms/article": cpu_writer * 1000 / count,
        "re-import s": t_reimport,
        "open+first 100 s": t_first,
        "list all s": t_list,
        "filter s": t_filter,
        "get_article s": t_get,
        "db MB": db.stat().st_size / 1e6,
        "open+list peak MB": peak / 1e6,
        "import worker RSS MB": import_workers_rss,
        "index MB": _index_bytes(db) / 1e6,
        "search ready s": child["ready"],
        "missing": child["missing"],
    }


def print_table(rows: list[dict]) -> None:
    headers = list(rows[0])
    cells = [[f"{v:,.3f}" if isinstance(v, float) else f"{v:,}" for v in r.values()] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    print("  ".join(h.rjust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))


def _index_bytes(db: Path) -> int:
    return sum(f.stat().st_size for f in index_folder(db).glob("*.seg"))


def run_in_pty(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from spawning the reader in a pseudo-terminal to the point it reports, the
    reader's peak RSS in MB and its CPU seconds (to its exit)."""
    import os
    import pty

    paint = Path(tempfile.gettempdir()) / f"newsreader-bench-paint-{os.getpid()}"
    paint.unlink(missing_ok=True)
    master, slave = pty.openpty()
    env = {**env, "NEWSREADER_PAINT_FILE": str(paint), "TERM": "xterm-256color"}

    def drain() -> None:
        with contextlib.suppress(OSError):
            while os.read(master, 65536):
                pass

    threading.Thread(target=drain, daemon=True).start()
    start = time.time()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=REPO)
    peak, ticks = 0, 0
    # The reader's own peak (VmHWM) and CPU time, read while it runs (ru_maxrss would include
    # ours); the last reading is within 20 ms of its exit.
    while proc.poll() is None:
        with contextlib.suppress(OSError, StopIteration, ValueError, IndexError):
            status = Path(f"/proc/{proc.pid}/status").read_text()
            peak = max(peak, int(next(x for x in status.splitlines() if "VmHWM" in x).split()[1]))
            stat = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks = int(stat[11]) + int(stat[12])  # utime + stime
        time.sleep(0.02)
    os.close(slave)
    os.close(master)
    if proc.returncode != 0 or not paint.exists():
        raise SystemExit(f"{argv} exited with {proc.returncode} without reporting")
    seconds = float(paint.read_text()) - start
    paint.unlink()
    return seconds, peak / 1024, ticks / os.sysconf("SC_CLK_TCK")


def app_launch(db: Path, runs: int) -> dict:
    """The reader on ``db``: median seconds to first paint and to search-ready, peak RSS."""
    import os

    env = dict(os.environ, PYTHONPATH=str(REPO))
    argv = [sys.executable, "-m", "tui", "--library", str(db)]
    paint, ready, rss, paint_cpu, ready_cpu = [], [], [], [], []
    for _ in range(runs):
        s, r, c = run_in_pty(argv, {**env, "NEWSREADER_EXIT_AFTER": "first-paint"})
        paint.append(s)
        paint_cpu.append(c)
        s, r2, c = run_in_pty(argv, {**env, "NEWSREADER_EXIT_AFTER": "search-ready"})
        ready.append(s)
        ready_cpu.append(c)
        rss.append(max(r, r2))
    return {
        "first paint s": statistics.median(paint),
        "first paint cpu s": statistics.median(paint_cpu),
        "search ready s": statistics.median(ready),
        "search ready cpu s": statistics.median(ready_cpu),
        "app peak RSS MB": max(rss),
    }


def rapidfuzz_per_query(db: Path, queries: list[str], every: int) -> float:
    """Median ms of rapidfuzz.process.extract(WRatio) over every sentence of the library,
    measured on every ``every``-th article's sentences and scaled up (linear in sentences)."""
    from rapidfuzz import fuzz, process

    lib = Library.open(db)
    sentences: list[str] = []
    for k, summary in enumerate(lib.list_articles()):
        if k % every == 0:
            art = lib._load_article(summary.id)
            sentences.extend(art.text[s:e] for s, e in art.sentences)
    lib.close()
    times = []
    for q in queries:
        t = time.perf_counter()
        process.extract(q, sentences, scorer=fuzz.WRatio, limit=20)
        times.append((time.perf_counter() - t) * 1000 * every)
    return statistics.median(times)


def incremental_import(db: Path, texts: list[str], count: int, tmp: Path, analyser) -> dict:
    """``count`` new files imported into the big library (analysis and indexing)."""
    corpus = tmp / "incremental"
    write_corpus(corpus, count, texts)
    lib = Library.open(db, analyser=analyser)
    cpu0 = cpu_seconds()
    t0 = time.perf_counter()
    summary = import_paths(lib, [corpus], workers=2, analyser=analyser)
    seconds = time.perf_counter() - t0
    cpu1 = cpu_seconds()
    lib.close()
    assert summary.imported == count, (summary.imported, summary.failed[:3])
    return {
        "import articles/s": count / seconds,
        "import CPU ms/article": (cpu1[0] - cpu0[0] + cpu1[1] - cpu0[1]) * 1000 / count,
    }


def delete_at_once(db: Path, query: str) -> dict:
    """Delete the top hit's article: the delete (library row, then the index's tombstone),
    then the next search, which no longer shows it."""
    lib = Library.open(db)
    index = open_index(lib)
    hit = index.search(query, limit=1)[0]
    t0, c0 = time.perf_counter(), time.process_time()
    lib.delete_article(hit.article_id)
    index.delete([hit.article_id])
    deleted, deleted_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0 = time.perf_counter()
    top = index.search(query, limit=20)
    searched = time.perf_counter() - t0
    gone = hit.article_id not in {h.article_id for h in index.search(query, limit=1000)}
    fresh = search_in_child(db, [query])  # a fresh process agrees (it syncs with the library)
    lib.close()
    assert gone and top and fresh["missing"] == 0
    return {
        "delete ms": deleted * 1000,
        "delete cpu ms": deleted_cpu * 1000,
        "next search ms": searched * 1000,
    }


def big_library(n: int, texts: list[str], tmp: Path, args: argparse.Namespace) -> dict:
    db, made = cached_library(n, texts, tmp)
    lib = Library.open(db)
    text_bytes = lib.text_bytes()
    lib.close()
    queries = QUICK_QUERIES if args.quick else QUERIES
    child = search_in_child(db, queries)
    row: dict = {
        "articles": n,
        "sentences": made["sentences"],
        "text MB": text_bytes / 1e6,
        "generate s": made["generate s"],
        "index MB": _index_bytes(db) / 1e6,
        "x text": _index_bytes(db) / text_bytes,
        "segments": child["segments"],
        "CLI ready s": child["ready"],
        "CLI ready cpu s": child["ready_cpu"],
        "CLI first query s": child["first"],
        "keys": len(child["walls"]),
        "p50 ms": statistics.median(child["walls"]),
        "p95 ms": pct(child["walls"], 95),
        "p95 cpu ms": pct(child["cpus"], 95),
        "search RSS MB": child["rss"],
    }
    naive = rapidfuzz_per_query(db, queries[:2], every=10 if n >= 10_000 else 1)
    row["WRatio ms"] = naive
    row["x faster"] = naive / row["p95 ms"]
    row.update(app_launch(db, 1 if args.quick else 3))
    row.update(incremental_import(db, texts, 200 if args.quick else 1000, tmp, None))
    row.update(delete_at_once(db, queries[0]))
    return row




def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 imported, a 3,000 library")
    parser.add_argument("--sizes", type=int, nargs="*", help="article counts to import")
    parser.add_argument("--big", type=int, help="articles in the big library (100,000)")
    parser.add_argument("--analyser", choices=["installed", "stand-in"], default="installed")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, default=25)
    args = parser.parse_args()
    sizes = args.sizes if args.sizes is not None else ([300] if args.quick else [1_000])
    big = args.big or (3_000 if args.quick else 100_000)
    analyser = standin_analyse if args.analyser == "stand-in" else None

    texts = base_texts()
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(
        f"library benchmark: {len(texts)} base articles, analyser={args.analyser}, "
        f"workers={args.workers}, chunk={args.chunk_size}; load average {load}"
    )
    tmp = Path(tempfile.mkdtemp(prefix="newsreader-bench-"))
    try:
        rows = [run(n, texts, analyser, args.workers, args.chunk_size, tmp) for n in sizes]
        if rows:
            print_table(rows)
        big_row = big_library(big, texts, tmp, args)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print()
    for key, value in big_row.items():
        print(f"{key:>24}: {value:,.3f}" if isinstance(value, float) else f"{key:>24}: {value:,}")
    print(
        "CLI ready: a fresh process opens the library and its index (segments memory-mapped) "
        "and checks it against the library's ids; p50/p95: per keystroke over the whole "
        "library, each query typed key by key; WRatio ms: rapidfuzz.process.extract over every "
        "sentence (timed on a tenth, scaled); app: the reader in a pty, first paint and "
        "search-ready (the index opened, / answers from the whole library); import: new files "
        "with analysis and indexing into the big library, 2 workers. "
        f"Load average at the end: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}."
    )
    print(
        "bars: first paint <= 1 s; search ready <= 2 s; app RSS <= 400 MB; p95 <= 30 ms and "
        ">= 30x WRatio; import >= 250 articles/s; index <= 1.5x text"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
