"""Library benchmark: import 1,000 and 10,000 articles, reopen, list, index; times and memory.

The articles are real (the seed and the pages in ../shared/corpus/html/, their text taken out
with trafilatura once), multiplied with edits so every copy has its own content hash.

    python benchmarks/library_bench.py            # 1,000 and 10,000 articles
    python benchmarks/library_bench.py --quick    # 300 articles
    python benchmarks/library_bench.py --analyser stand-in   # CPU-bound stand-in extractors

``--analyser installed`` (default) runs tui.core.extract.analyse as installed; on a branch where
the extractors are stubs that measures loading, sentence splitting and storage only, so
``stand-in`` runs a regex extractor of comparable cost (entities, figures, claims from every
sentence) to show the import rate with real analysis work in the workers.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tui.core.library import ArticleFilter, Library, import_paths  # noqa: E402
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


INDEX_CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from tui.core.library import Library
from tui.core.search import SearchIndex
library = Library.open(sys.argv[1])
started = time.perf_counter()
index = SearchIndex(library.get_article(s.id) for s in library.list_articles())
seconds = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rss": rss, "articles": len(index.articles)}))
"""


def index_in_child(db: Path, count: int) -> tuple[float, float]:
    """Build the reader's search index over ``db`` as the app does (every article read in
    turn and indexed) in a fresh process: seconds, and that process's peak RSS in MB."""
    out = subprocess.run(
        [sys.executable, "-c", INDEX_CHILD, str(db), str(REPO)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result["articles"] == count, result
    return result["seconds"], result["rss"]


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
    t_index, index_rss = index_in_child(db, count)
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
        "search index s": t_index,
        "index peak RSS MB": index_rss,
    }


def print_table(rows: list[dict]) -> None:
    headers = list(rows[0])
    cells = [[f"{v:,.3f}" if isinstance(v, float) else f"{v:,}" for v in r.values()] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    print("  ".join(h.rjust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 articles only")
    parser.add_argument("--sizes", type=int, nargs="+", help="article counts to import")
    parser.add_argument("--analyser", choices=["installed", "stand-in"], default="installed")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, default=25)
    args = parser.parse_args()
    sizes = args.sizes or ([300] if args.quick else [1_000, 10_000])
    analyser = standin_analyse if args.analyser == "stand-in" else None

    texts = base_texts()
    print(
        f"library benchmark: {len(texts)} base articles, analyser={args.analyser}, "
        f"workers={args.workers}, chunk={args.chunk_size}"
    )
    tmp = Path(tempfile.mkdtemp(prefix="newsreader-bench-"))
    try:
        rows = [run(n, texts, analyser, args.workers, args.chunk_size, tmp) for n in sizes]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print_table(rows)
    print(
        "peak RSS: this process (import writer, open, list) "
        f"{maxrss_mb(resource.RUSAGE_SELF):,.0f} MB"
    )
    print(
        "CPU ms/article: all processes' CPU time per article (the workers' and the writer's); "
        "on a busy machine it shows the cost that wall time hides. The writer (this process) "
        "is serial: 1000 / writer ms/article bounds the rate on any number of cores."
    )
    print(
        "search index: built in its own process as the reader builds it (every article read "
        "and indexed); its peak RSS includes Python, numpy and the extractors' modules."
    )
    print("bars: import >= 200 articles/s; open+first 100 <= 1 s; peak memory <= 500 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
