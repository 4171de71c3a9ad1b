"""Main text, boilerplate and titles on ../shared/corpus/html: newsreader beside trafilatura alone.

    python benchmarks/eval_loading.py [--verbose]

For each page of gold.json, `found` is the share of its `with` snippets present in the main
text, `leaked` the share of its `without` snippets present there, `titled` the share of pages
whose title equals the page's own headline (tests/fixtures/loaders/page_titles.json; case
and spacing ignored). Both extractors run in the same process, one after the other, and the
CPU seconds each spent are shown. ``--verbose`` lists every miss, leak and wrong title.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from _common import REPO, print_table, require_shared

from tui.core.loaders import html as html_loader
from tui.core.loaders.decode import declared_encoding, decode
from tui.core.loaders.htmltext import xml_safe

TITLES = REPO / "tests" / "fixtures" / "loaders" / "page_titles.json"


@dataclass
class Score:
    """Counts for one extractor over the pages."""

    name: str
    found: int = 0
    leaked: int = 0
    titled: int = 0
    cpu: float = 0.0
    notes: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _ours(data: bytes) -> tuple[str, str]:
    article = html_loader.load(data)[0]
    return article.text, article.title


def _trafilatura(data: bytes) -> tuple[str, str]:
    import trafilatura

    markup = decode(data, declared=declared_encoding(data))
    doc = trafilatura.bare_extraction(
        xml_safe(markup), with_metadata=True, include_comments=False, include_tables=False,
        deduplicate=False,
    )  # fmt: skip
    if doc is None:
        return "", ""
    return getattr(doc, "text", None) or "", getattr(doc, "title", None) or ""


def _score(name: str, extract: Callable[[bytes], tuple[str, str]], pages: list[dict]) -> Score:
    score = Score(name)
    for page in pages:
        start = time.process_time()
        text, title = extract(page["data"])
        score.cpu += time.process_time() - start
        text = _norm(text)
        for snippet in page["with"]:
            if _norm(snippet) in text:
                score.found += 1
            else:
                score.notes.append(f"{page['file']}: missing {snippet!r}")
        for snippet in page["without"]:
            if _norm(snippet) in text:
                score.leaked += 1
                score.notes.append(f"{page['file']}: leaked {snippet!r}")
        if _norm(title) == _norm(page["title"]):
            score.titled += 1
        else:
            score.notes.append(f"{page['file']}: title {title!r}")
    return score


def _pages() -> list[dict]:
    folder = require_shared() / "corpus" / "html"
    titles = json.loads(TITLES.read_text(encoding="utf-8"))
    pages = []
    for entry in json.loads((folder / "gold.json").read_text(encoding="utf-8")).values():
        pages.append({
            "file": entry["file"],
            "data": (folder / entry["file"]).read_bytes(),
            "with": entry.get("with", []),
            "without": entry.get("without", []),
            "title": titles[entry["file"]],
        })  # fmt: skip
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list misses, leaks, titles")
    args = parser.parse_args(argv)
    pages = _pages()
    n_with = sum(len(p["with"]) for p in pages)
    n_without = sum(len(p["without"]) for p in pages)
    scores = [_score("newsreader", _ours, pages), _score("trafilatura alone", _trafilatura, pages)]
    rows = [
        (s.name, s.found / n_with, s.leaked / n_without, f"{s.titled}/{len(pages)}", s.cpu)
        for s in scores
    ]
    title = f"{len(pages)} pages, {n_with} main-text and {n_without} boilerplate snippets"
    print_table(["extractor", "found", "leaked", "titled", "CPU s"], rows, title)
    if args.verbose:
        for s in scores:
            print(f"\n{s.name}:")
            print("\n".join(f"  {note}" for note in s.notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
