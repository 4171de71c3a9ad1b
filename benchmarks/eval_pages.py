"""Entity panels of real news pages, scored as ../shared/eval/ner/pages_guidelines.md says.

    PYTHONPATH=. python benchmarks/eval_pages.py [--shared ../shared] [--split all|dev|check]
        [--errors]

Each page of corpus/html/ is loaded with our HTML loader and analysed; its entity panel (one
entry per entity: name, aliases, label) is compared with the hand-made set in
eval/ner/pages_dev/. A predicted entity matches a gold one when any of its forms (name or
alias) equals any gold form, case-insensitive, whitespace collapsed, a leading "the " ignored;
each gold entity is matched at most once (a maximum matching). "found" ignores the type,
"typed" requires it, GPE/LOC/FAC counting as one place type.

The 40 pages are split in two by file name (every third page, from the first, is "check"):
develop on "dev", look at "check" only to see whether a change generalises.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tui.core.model import Entity  # noqa: E402

PLACE = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
_SPACE = re.compile(r"\s+")

Panel = list[tuple[set[str], str]]  # (normalised forms, type) per entity


def norm(form: str) -> str:
    """Case-insensitive, whitespace-collapsed, a leading "the " ignored."""
    s = _SPACE.sub(" ", form).strip().casefold()
    return s[4:] if s.startswith("the ") else s


def panel_of(entities: Iterable[Entity]) -> Panel:
    return [
        ({norm(f) for f in (e.name, *e.aliases)}, PLACE.get(e.label, e.label)) for e in entities
    ]


def gold_panel(path: Path) -> Panel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        ({norm(f) for f in (g["name"], *g.get("aliases", []))}, PLACE.get(g["label"], g["label"]))
        for g in data["entities"]
    ]


def max_matching(pred: Panel, gold: Panel, typed: bool) -> int:
    """Size of a maximum one-to-one matching of predictions to gold entities."""
    edges = [
        [j for j, (gf, gt) in enumerate(gold) if pf & gf and (not typed or pt == gt)]
        for pf, pt in pred
    ]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(1 for i in range(len(pred)) if augment(i, set()))


def prf(matched: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = matched / n_pred if n_pred else 0.0
    r = matched / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def page_files(shared: Path, split: str = "all") -> list[Path]:
    files = sorted((shared / "eval/ner/pages_dev").glob("*.json"))
    if split == "check":
        return files[::3]
    if split == "dev":
        return [f for i, f in enumerate(files) if i % 3]
    return files


def page_text(shared: Path, gold_path: Path) -> str:
    """The text our HTML loader gives for the page the gold set describes."""
    from tui.core.loaders import load_paths

    name = json.loads(gold_path.read_text(encoding="utf-8"))["file"]
    result = load_paths([shared / "corpus/html" / name])
    return "\n\n".join(a.text for a in result.articles)


Extractor = Callable[[str], list[Entity]]


def default_extractor(text: str) -> list[Entity]:
    from tui.core.extract.entities import extract_entities
    from tui.core.sentences import split_paragraphs, split_sentences

    return extract_entities(text, split_sentences(text, split_paragraphs(text)))


def evaluate(shared: Path, split: str = "all", extract: Extractor | None = None) -> dict:
    """Micro-averaged found and typed P/R/F1 over the pages of one split."""
    extract = extract or default_extractor
    totals = {"pred": 0, "gold": 0, "found": 0, "typed": 0}
    for gold_path in page_files(shared, split):
        pred = panel_of(extract(page_text(shared, gold_path)))
        gold = gold_panel(gold_path)
        totals["pred"] += len(pred)
        totals["gold"] += len(gold)
        totals["found"] += max_matching(pred, gold, typed=False)
        totals["typed"] += max_matching(pred, gold, typed=True)
    return {
        "pages": len(page_files(shared, split)),
        "found": prf(totals["found"], totals["pred"], totals["gold"]),
        "typed": prf(totals["typed"], totals["pred"], totals["gold"]),
    }


def errors(shared: Path, split: str) -> None:
    """Print, per page, predictions matching nothing and gold entities missed (for study)."""
    for gold_path in page_files(shared, split):
        ents = default_extractor(page_text(shared, gold_path))
        gold = gold_panel(gold_path)
        pred_forms: set[str] = set()
        print(f"\n== {gold_path.stem}")
        for e in ents:
            forms = {norm(f) for f in (e.name, *e.aliases)}
            pred_forms |= forms
            typ = PLACE.get(e.label, e.label)
            hit = [gt for gf, gt in gold if gf & forms]
            if not hit:
                print(f"  FP  {e.label:11} {e.name!r} {e.aliases if e.aliases else ''}")
            elif typ not in hit:
                print(f"  TY  {e.label:11} {e.name!r} gold {hit[0]}")
        for gf, gt in gold:
            if not gf & pred_forms:
                print(f"  FN  {gt:11} {sorted(gf)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--split", choices=("all", "dev", "check"), default="all")
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = ap.parse_args()
    if not (args.shared / "eval/ner/pages_dev").is_dir():
        print(f"{args.shared}/eval/ner/pages_dev not found", file=sys.stderr)
        return 2
    if args.errors:
        errors(args.shared, args.split)
    splits = ("all", "dev", "check") if args.split == "all" else (args.split,)
    print(
        f"\n{'split':6} {'pages':>5}  {'found P':>7} {'found R':>7} {'found F1':>8}"
        f"  {'typed P':>7} {'typed R':>7} {'typed F1':>8}"
    )
    for split in splits:
        r = evaluate(args.shared, split)
        f, t = r["found"], r["typed"]
        print(
            f"{split:6} {r['pages']:5d}  {f['precision']:7.3f} {f['recall']:7.3f} {f['f1']:8.3f}"
            f"  {t['precision']:7.3f} {t['recall']:7.3f} {t['f1']:8.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
