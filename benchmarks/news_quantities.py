"""The news-sentence quantity set: sentences with numbers from real news, by reference only.

Publishers' text is never stored in the repository. ``benchmarks/data/news_quantities.jsonl``
holds, per sentence, where it is (``doc``: a page of ../shared/corpus/html or an article id of
../shared/eval/stories/stories_dev.jsonl; ``start``/``end`` offsets into that document's text;
``sha1`` of the sentence to check the text is the one annotated), its ``part`` ("dev" for
writing rules, "test" for reporting) and the gold quantities: ``s``/``e`` offsets in the
sentence, ``value``, ``value_max`` (ranges), ``kind`` and ``unit``, ``opt`` for optional golds.
A page's text is trafilatura's main text of the saved page (``trafilatura.extract``); an
article's text is its "text" field.

``python benchmarks/news_quantities.py pool`` prints the candidate sentences the set was drawn
from (deterministic), for annotating a new set the same way.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tui.core.sentences import split_sentences  # noqa: E402

DATA = REPO / "benchmarks" / "data" / "news_quantities.jsonl"
_NUMBERISH = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens?|half|"
    r"third|quarter|tens)\b",
    re.I,
)


@dataclass(slots=True)
class Sentence:
    """One annotated sentence, its text loaded from ../shared."""

    doc: str
    start: int
    end: int
    part: str
    text: str
    golds: list[dict]


def sentence_id(doc: str, start: int) -> str:
    return f"{doc}@{start}"


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def documents(shared: Path) -> dict[str, str]:
    """Every source document's text by id: the 40 pages and the stories' articles."""
    import trafilatura

    docs: dict[str, str] = {}
    for page in sorted((shared / "corpus" / "html").glob("*.htm*")):
        docs[page.name] = trafilatura.extract(page.read_bytes()) or ""
    stories = shared / "eval" / "stories" / "stories_dev.jsonl"
    for line in stories.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        docs[art["id"]] = art["text"]
    return docs


def _part(doc: str) -> str:
    """A whole document goes to one part, so no page is half seen."""
    return "dev" if int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 2 == 0 else "test"


def pool(
    docs: dict[str, str], per_page: int = 4, n_articles: int = 130, seed: int = 12, part: str = ""
) -> Iterator[tuple]:
    """Candidate sentences (doc, start, end, part): up to ``per_page`` from each page and one
    from each of ``n_articles`` articles drawn at random; ``part`` keeps one part's documents."""
    rng = random.Random(seed)
    docs = {d: t for d, t in docs.items() if not part or _part(d) == part}
    pages = [d for d in docs if d.endswith((".html", ".htm"))]
    articles = sorted(d for d in docs if d not in pages)
    for doc in pages + rng.sample(articles, n_articles):
        text = docs[doc]
        spans = [
            (s, e)
            for s, e in split_sentences(text)
            if 40 <= e - s <= 400 and _NUMBERISH.search(text, s, e)
        ]
        k = per_page if doc in pages else 1
        for s, e in sorted(rng.sample(spans, min(k, len(spans)))):
            yield doc, s, e, _part(doc)


def load(shared: Path, path: Path = DATA) -> tuple[list[Sentence], int]:
    """The annotated sentences whose text still matches, and how many did not."""
    docs = documents(shared)
    out: list[Sentence] = []
    stale = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = docs.get(row["doc"], "")[row["start"] : row["end"]]
        if digest(text) != row["sha1"]:
            stale += 1
            continue
        out.append(Sentence(row["doc"], row["start"], row["end"], row["part"], text, row["golds"]))
    return out, stale


def main(argv: list[str]) -> int:
    shared = REPO.parent / "shared"
    if argv[:1] == ["pool"]:
        # pool            the first draw (seed 12, both parts)
        # pool 13 dev     the second draw: more dev sentences (2 a page, 110 articles)
        docs = documents(shared)
        draw = pool(docs) if len(argv) < 3 else pool(docs, 2, 110, int(argv[1]), argv[2])
        for i, (doc, s, e, part) in enumerate(draw):
            text = docs[doc][s:e].replace("\n", " ")
            print(f"{i}\t{doc}\t{s}\t{e}\t{part}\t{text}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
