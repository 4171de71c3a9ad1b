"""Same-story grouping on ../shared/eval/stories, through the commands a user runs.

    python benchmarks/eval_stories.py            # halves A (tuning) and B, and the whole file
    python benchmarks/eval_stories.py --quick    # half B only

Each article is written as a JSON file (title, text, published, site), the files named so
that a folder import reads them in published order (undated ones last, in file order; or,
with --order file, in the file's order), imported with `newsreader import` into a new
library, and `newsreader stories --json --all` is scored with B-cubed against the gold story
ids. The halves split the dev stories by ECB+ topic (both events of a topic fall in the same
half, as they do in the held-out set); the threshold was tuned on half A only.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import print_table, require_shared

from tui.cli import main as cli
from tui.core.stories.bcubed import bcubed


def topic(story: str) -> str:
    """ECB+ stories of one topic share its key; any other story is its own topic."""
    match = re.match(r"ecbplus-(t\d+)-", story)
    return match.group(1) if match else story


def half(story: str) -> str:
    return "AB"[int(hashlib.sha1(topic(story).encode()).hexdigest(), 16) % 2]


def ordered(rows: list[dict[str, Any]], order: str) -> list[dict[str, Any]]:
    if order == "file":
        return rows
    return sorted(rows, key=lambda r: (not r["published"], r["published"] or ""))


def run_cli(*argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli(list(argv))
    if code != 0:
        raise SystemExit(f"newsreader {argv[0]} failed with status {code}")
    return out.getvalue()


def score(rows: list[dict[str, Any]], order: str) -> dict[str, float]:
    """Import the rows in order, list the stories, score them; times are wall-clock."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        gold: dict[str, str] = {}
        for n, row in enumerate(ordered(rows, order)):
            path = folder / f"{n:05d}.json"
            doc = {k: row[k] or None for k in ("title", "text", "published")}
            doc["site"] = row["source"] or None
            path.write_text(json.dumps(doc), encoding="utf-8")
            gold[str(path)] = row["story"]
        db = str(Path(tmp) / "library.sqlite3")
        start = time.perf_counter()
        run_cli("import", str(folder), "--library", db, "--quiet")
        imported = time.perf_counter() - start
        listing = json.loads(run_cli("stories", "--library", db, "--json", "--all"))
    predicted = {
        a["source_path"]: s["id"] for s in listing["stories"] for a in s["articles"]
    }
    p, r, f = bcubed(predicted, gold)
    return {"articles": len(rows), "precision": p, "recall": r, "f1": f, "import_s": imported}


def evaluate(shared: Path, parts: list[str], orders: list[str]) -> list[list[object]]:
    rows = [json.loads(line) for line in (shared / "eval/stories/stories_dev.jsonl").open()]
    table: list[list[object]] = []
    for part in parts:
        chosen = rows if part == "all" else [r for r in rows if half(r["story"]) == part]
        for order in orders:
            s = score(chosen, order)
            table.append([part, order, s["articles"], s["precision"], s["recall"], s["f1"]])
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="half B only, published order")
    parser.add_argument("--order", choices=["published", "file", "both"], default="both")
    args = parser.parse_args()
    shared = require_shared()
    orders = ["published", "file"] if args.order == "both" else [args.order]
    parts = ["B"] if args.quick else ["A", "B", "all"]
    table = evaluate(shared, parts, ["published"] if args.quick else orders)
    print_table(
        ["half", "order", "articles", "B3 precision", "B3 recall", "B3 F1"],
        table,
        "Same-story grouping (B-cubed), newsreader import + newsreader stories --json",
    )


if __name__ == "__main__":
    main()
