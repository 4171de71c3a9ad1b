"""Claims: check-worthiness F1 on claimbuster_dev, its k-fold estimate, a naive baseline, speed.

    python benchmarks/eval_claims.py            # full: shipped model, 5-fold CV, throughput
    python benchmarks/eval_claims.py --quick    # no cross-validation, shorter timing

The shipped weights were trained on all of claimbuster_dev, so their score there is an
in-sample fit; the k-fold figure (each fold scored by a model trained without it) is the
honest estimate of held-out F1. `evaluate(shared_dir)` returns the figures for
benchmarks/eval_extract.py.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tui.core.extract.claims import CLAIM_THRESHOLD, extract_claims, score_sentence  # noqa: E402
from tui.core.extract.claims_train import cross_validate, load_claimbuster, prf  # noqa: E402
from tui.core.sentences import split_paragraphs, split_sentences  # noqa: E402

# The naive rule the issue quotes (0.555 there): a digit or an economic keyword.
_NAIVE = re.compile(
    r"\d|\b(?:economy|economic|tax|taxes|jobs?|unemployment|inflation|deficit|debt|budget|"
    r"spending|percent|million|billion|trillion|dollars?|income|wages|trade|prices?)\b",
    re.I,
)


def naive_rule(sentence: str) -> int:
    return 1 if _NAIVE.search(sentence) else 0


def _scores(gold: list[int], pred: list[int]) -> dict[str, float]:
    p, r, f = prf(gold, pred)
    return {"precision": p, "recall": r, "f1": f}


def _rate(fn: Callable[[], None], units: float, seconds: float) -> tuple[float, float]:
    """Units per second of fn(), by wall clock and by this process's CPU time."""
    reps = 0
    wall, cpu = time.perf_counter(), time.process_time()
    while True:
        fn()
        reps += 1
        w = time.perf_counter() - wall
        if w >= seconds:
            break
    c = time.process_time() - cpu
    return reps * units / w, reps * units / max(c, 1e-9)


def _throughput(data: list[tuple[str, int]], seconds: float) -> dict[str, float]:
    """Sentences/s and words/s of score_sentence alone, and of extract_claims on documents.

    Each figure is given by wall clock and by CPU time (the machine may be shared: CPU time
    is the fairer single-process figure then).
    """
    texts = [t for t, _ in data]
    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)
    out: dict[str, float] = {}

    def score_all() -> None:
        for t in texts:
            score_sentence(t)

    sw, sc = _rate(score_all, len(texts), seconds)
    out.update(score_sentences_per_s=sw, score_sentences_per_s_cpu=sc)
    out.update(
        score_words_per_s=sw * words / len(texts), score_words_per_s_cpu=sc * words / len(texts)
    )
    # Documents of 25 sentences, a paragraph every 5, as an article would come; the sentence
    # split is done beforehand (it belongs to the loader, not to claims).
    docs = []
    for i in range(0, len(texts), 25):
        chunk = texts[i : i + 25]
        text = "\n\n".join(" ".join(chunk[j : j + 5]) for j in range(0, len(chunk), 5))
        docs.append((text, split_sentences(text, split_paragraphs(text))))

    def extract_all() -> None:
        for text, sents in docs:
            extract_claims(text, sents, [], [])

    ew, ec = _rate(extract_all, words, seconds)
    out.update(extract_words_per_s=ew, extract_words_per_s_cpu=ec)
    out.update(
        extract_mb_per_s=ew * chars / words / 1e6, extract_mb_per_s_cpu=ec * chars / words / 1e6
    )
    # The seed article: news prose with quotations and attributions.
    seed = (REPO / "seeds" / "swarajya-2025-09-03-india-russia-s400-talks.txt").read_text("utf-8")
    seed_sents = split_sentences(seed, split_paragraphs(seed))
    seed_words = len(seed.split())

    def extract_seed() -> None:
        for _ in range(20):
            extract_claims(seed, seed_sents, [], [])

    nw, nc = _rate(extract_seed, 20 * seed_words, seconds)
    out.update(seed_words_per_s=nw, seed_words_per_s_cpu=nc)
    return out


def evaluate(shared_dir: Path, *, cv_folds: int = 5, timing_seconds: float = 2.0) -> dict:
    """Claims figures on ../shared/eval/claims/claimbuster_dev.json.

    Keys: "shipped" and "naive" ({precision, recall, f1}), "cv" (k-fold estimate, absent when
    cv_folds is 0), "throughput" (score/extract sentences and words per second), "n".
    """
    data = load_claimbuster(shared_dir)
    gold = [y for _, y in data]
    shipped = [1 if score_sentence(t) >= CLAIM_THRESHOLD else 0 for t, _ in data]
    result: dict = {
        "n": len(data),
        "shipped": _scores(gold, shipped),
        "naive": _scores(gold, [naive_rule(t) for t, _ in data]),
    }
    if cv_folds:
        result["cv"] = cross_validate(data, [], cv_folds)
    if timing_seconds:
        result["throughput"] = _throughput(data, timing_seconds)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--quick", action="store_true", help="skip cross-validation, time briefly")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print the dict as JSON")
    args = ap.parse_args(argv)
    if not (args.shared / "eval" / "claims" / "claimbuster_dev.json").is_file():
        print(f"skipped: {args.shared}/eval/claims/claimbuster_dev.json not found")
        return 0
    res = evaluate(
        args.shared,
        cv_folds=0 if args.quick else args.folds,
        timing_seconds=0.5 if args.quick else 2.0,
    )
    if args.json:
        print(json.dumps(res, indent=2))
        return 0
    print(f"claims on claimbuster_dev (n={res['n']})")
    print(f"{'model':<44}{'P':>7}{'R':>7}{'F1':>7}")
    rows = [("naive: digit or economic keyword", res["naive"])]
    if "cv" in res:
        rows.append((f"{res['cv']['folds']}-fold CV (held-out estimate)", res["cv"]))
    rows.append(("shipped weights (in-sample: trained on dev)", res["shipped"]))
    for name, s in rows:
        print(f"{name:<44}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}")
    t = res["throughput"]
    print()
    print(f"{'throughput (single process)':<46}{'wall':>12}{'cpu':>12}")
    for label, key, fmt in [
        ("score_sentence sentences/s", "score_sentences_per_s", ",.0f"),
        ("score_sentence words/s", "score_words_per_s", ",.0f"),
        ("extract_claims words/s (debate documents)", "extract_words_per_s", ",.0f"),
        ("extract_claims MB/s (debate documents)", "extract_mb_per_s", ".2f"),
        ("extract_claims words/s (seed article)", "seed_words_per_s", ",.0f"),
    ]:
        print(f"{label:<46}{t[key]:>12{fmt}}{t[key + '_cpu']:>12{fmt}}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
