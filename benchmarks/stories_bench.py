"""Story grouping cost: two candidate designs side by side, and the library's own index.

    python benchmarks/stories_bench.py            # fill to 100,000 articles
    python benchmarks/stories_bench.py --quick    # fill to 5,000

Designs (the same features, weighting and threshold; only how candidate stories are found
differs):
- inverted index over each article's 25 most telling terms (names and rare words), in memory
  and in the library's SQLite tables (what `newsreader import` uses);
- MinHash/LSH (datasketch) over the same 25 terms, candidates = stories of similar articles.

Articles are generated at run time (a Zipf vocabulary plus each story's own names and rare
words); nothing is stored. "added/s" is CPU time (time.process_time) of placing the first
articles; "place ms" is the time to place one more article once the index holds N articles
(CPU time, median and 95th percentile of 200). With --dev, each design's B-cubed F1 on the
dev stories is printed too. The machine may be shared: CPU time is reported where it can be.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sqlite3
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from _common import print_table, require_shared

from tui.core.library.schema import migrate
from tui.core.stories.bcubed import bcubed
from tui.core.stories.features import StoryDoc
from tui.core.stories.grouping import GroupingParams, MemoryIndex, StoryIndex, StoryState, place
from tui.core.stories.store import SqliteIndex

PROBES = 200
BATCH = 25  # articles per transaction, as the importer writes them


class LshIndex(MemoryIndex):
    """Candidates from MinHash/LSH over each article's telling terms (datasketch)."""

    def __init__(self, threshold: float = 0.2, num_perm: int = 64) -> None:
        from datasketch import MinHash, MinHashLSH

        super().__init__()
        self._minhash = MinHash
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._pending: object | None = None

    def _sketch(self, terms: Iterable[str]) -> object:
        sketch = self._minhash(num_perm=self.num_perm)
        sketch.update_batch([t.encode("utf-8") for t in terms])
        return sketch

    def lookup(self, terms: Iterable[str], cap: int) -> Counter[int]:
        self._pending = self._sketch(list(terms))
        return Counter(self.members[key] for key in self.lsh.query(self._pending))

    def save(self, story: StoryState, doc_id: str, similarity: float, terms: list[str]) -> None:
        self.members[doc_id] = story.id
        sketch = self._pending if self._pending is not None else self._sketch(terms)
        self.lsh.insert(doc_id, sketch)
        self._pending = None


def has_datasketch() -> bool:
    try:
        import datasketch  # noqa: F401
    except ImportError:
        print("datasketch is not installed: pip install -e '.[bench]' for the LSH design")
        return False
    return True


def synthetic_docs(n: int, seed: int = 7) -> list[StoryDoc]:
    """n articles in stories of 1 to 20 articles, in time order."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(50_000)]
    cum = list(itertools.accumulate(1 / (i + 1) for i in range(len(vocab))))
    docs: list[StoryDoc] = []
    ts = 1.7e9
    story = 0
    while len(docs) < n:
        story += 1
        names = [f"name{story}x{j}" for j in range(6)]
        rare = rng.sample(vocab[5_000:], 20)
        for _ in range(min(rng.randint(1, 20), n - len(docs))):
            ts += rng.uniform(0, 600)
            common = rng.choices(vocab, cum_weights=cum, k=150)
            own = rng.choices(rare + names, k=60)
            text = " ".join(common + own)
            people = [
                (f"{a} {b}", "PERSON", 1) for a, b in zip(names[::2], names[1::2], strict=True)
            ]
            docs.append(StoryDoc(f"s{story}-{len(docs)}", " ".join(own[:8]), text, ts, people))
    return docs


def sqlite_index(folder: Path) -> tuple[sqlite3.Connection, SqliteIndex]:
    conn = sqlite3.connect(folder / "bench.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    migrate(conn)
    conn.execute("PRAGMA foreign_keys = OFF")  # story rows only: no articles in this benchmark
    return conn, SqliteIndex(conn)


def fill(index: StoryIndex, docs: list[StoryDoc], conn: sqlite3.Connection | None) -> float:
    """Place every doc; CPU seconds. SQLite gets one transaction per batch, like imports."""
    start = time.process_time()
    for i in range(0, len(docs), BATCH):
        if conn is not None:
            conn.execute("BEGIN")
        for doc in docs[i : i + BATCH]:
            place(doc, index)
        if conn is not None:
            assert isinstance(index, SqliteIndex)
            index.flush()
            conn.execute("COMMIT")
    return time.process_time() - start


def probe(index: StoryIndex, docs: list[StoryDoc], conn: sqlite3.Connection | None) -> list[float]:
    """CPU milliseconds to place each probe article, each in its own transaction."""
    out = []
    for doc in docs:
        start = time.process_time()
        if conn is not None:
            conn.execute("BEGIN")
        place(doc, index)
        if conn is not None:
            assert isinstance(index, SqliteIndex)
            index.flush()
            conn.execute("COMMIT")
        out.append((time.process_time() - start) * 1000)
    return out


def measure(size: int, rate_n: int, only: str | None = None) -> list[list[object]]:
    docs = synthetic_docs(size + PROBES)
    body, probes = docs[:size], docs[size:]
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        designs: list[tuple[str, StoryIndex, sqlite3.Connection | None]] = [
            ("inverted index (memory)", MemoryIndex(), None),
            ("inverted index (SQLite, as imported)", *reversed(sqlite_index(Path(tmp)))),
        ]
        if only != "sqlite" and has_datasketch():
            designs.insert(1, ("MinHash/LSH (datasketch)", LshIndex(), None))
        if only == "sqlite":
            designs = designs[1:]
        for name, index, conn in designs:
            cpu = fill(index, body[:rate_n], conn)
            rest = fill(index, body[rate_n:], conn)
            times = sorted(probe(index, probes, conn))
            rows.append(
                [
                    name,
                    rate_n / cpu,
                    size,
                    rest + cpu,
                    statistics.median(times),
                    times[int(len(times) * 0.95)],
                ]
            )
            if conn is not None:
                conn.close()
    return rows


def dev_quality() -> list[list[object]]:
    """Each design's B-cubed on the whole dev file, published order (entities analysed)."""
    from tui.core.extract import analyse
    from tui.core.loaders.jsonexport import load

    shared = require_shared()
    rows = [json.loads(x) for x in (shared / "eval/stories/stories_dev.jsonl").open()]
    rows.sort(key=lambda r: (not r["published"], r["published"]))
    docs, gold = [], {}
    for r in rows:
        article = load(
            json.dumps(
                {"title": r["title"], "text": r["text"], "published": r["published"] or None}
            )
        )[0]
        analyse(article)
        names = dict.fromkeys((e.name, e.label) for e in article.analysis.entities)
        ts = article.published.timestamp() if article.published else None
        docs.append(
            StoryDoc(r["id"], article.title, article.text, ts, [(n, lab, 1) for n, lab in names])
        )
        gold[r["id"]] = r["story"]
    out: list[list[object]] = []
    designs: list[tuple[str, StoryIndex]] = [("inverted index", MemoryIndex())]
    if has_datasketch():
        designs.append(("MinHash/LSH", LshIndex()))
    for name, index in designs:
        predicted = {d.id: place(d, index, GroupingParams()).story_id for d in docs}
        out.append([name, *bcubed(predicted, gold)])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fill to 5,000 articles")
    parser.add_argument("--size", type=int, help="articles in the index before probing")
    parser.add_argument("--dev", action="store_true", help="also score each design on dev")
    parser.add_argument("--only", choices=["sqlite"], help="measure the library's index only")
    args = parser.parse_args()
    size = args.size or (5_000 if args.quick else 100_000)
    rows = measure(size, min(size, 2_000), args.only)
    print_table(
        ["design", "added/s (CPU)", "index size", "fill CPU s", "place ms p50", "place ms p95"],
        rows,
        "Story grouping: adding articles, and placing one more at the index size",
    )
    if args.dev:
        print_table(
            ["design", "B3 precision", "B3 recall", "B3 F1"],
            dev_quality(),
            "Same designs on the dev stories (published order)",
        )


if __name__ == "__main__":
    main()
