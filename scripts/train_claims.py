"""Train the check-worthiness model shipped in tui/core/extract/data/claims_weights.json.

Pure Python (no numpy): L2-regularised logistic regression trained with Adagrad over the sparse
features of tui.core.extract.claims_features, weights averaged over the updates. The data:
../shared/eval/claims/claimbuster_dev.json (ClaimBuster two-class labels, debate sentences) and,
optionally, the CLEF 2018 CheckThat! debates (--clef; context-dependent labels, 2.3% positive).

Usage (from the repository root):
    python scripts/train_claims.py --cv 5          # k-fold estimate only, writes nothing
    python scripts/train_claims.py --write         # CV estimate, then train on all and write

The held-out estimate is what to report: each fold is scored by a model that never saw it.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tui.core.extract.claims_features import features  # noqa: E402

WEIGHTS = REPO / "tui" / "core" / "extract" / "data" / "claims_weights.json"

Example = tuple[list[str], int]


def load_claimbuster(shared: Path) -> list[tuple[str, int]]:
    data = json.loads((shared / "eval" / "claims" / "claimbuster_dev.json").read_text("utf-8"))
    return [(d["text"], int(d["label"])) for d in data]


def load_clef(shared: Path) -> list[tuple[str, int]]:
    out = []
    for path in sorted((shared / "eval" / "claims" / "clef2018").glob("Task1-*.txt")):
        for line in path.read_text("utf-8", errors="replace").splitlines():
            parts = line.split("\t")
            if len(parts) >= 4 and parts[3].strip() in ("0", "1"):
                out.append((parts[2], int(parts[3])))
    return out


def train(
    examples: list[Example],
    *,
    epochs: int = 8,
    lr: float = 0.3,
    l2: float = 1e-4,
    pos_weight: float = 1.6,
    min_count: int = 3,
    seed: int = 13,
) -> dict[str, float]:
    """Logistic regression by Adagrad; returns the averaged weights ("" is the bias).

    Features seen in fewer than `min_count` training sentences are ignored: they cannot
    generalise, and dropping them keeps the shipped file small.
    """
    df: dict[str, int] = {}
    for feats, _ in examples:
        for f in set(feats):
            df[f] = df.get(f, 0) + 1
    index: dict[str, int] = {"": 0}
    rows: list[tuple[list[int], int]] = []
    for feats, y in examples:
        kept = {index.setdefault(f, len(index)) for f in feats if df[f] >= min_count}
        rows.append((sorted(kept | {0}), y))
    n = len(index)
    w = [0.0] * n
    g2 = [1e-8] * n
    wsum = [0.0] * n  # running sum of weights for averaging (lazy: sum of w*steps)
    last = [0] * n
    step = 0
    rng = random.Random(seed)
    order = list(range(len(rows)))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            ids, y = rows[i]
            step += 1
            z = 0.0
            for j in ids:
                z += w[j]
            p = 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0
            err = (p - y) * (pos_weight if y else 1.0)
            for j in ids:
                wsum[j] += w[j] * (step - last[j])
                last[j] = step
                g = err + l2 * w[j]
                g2[j] += g * g
                w[j] -= lr * g / math.sqrt(g2[j])
    for j in range(n):
        wsum[j] += w[j] * (step + 1 - last[j])
    names = [""] * n
    for f, j in index.items():
        names[j] = f
    return {names[j]: wsum[j] / (step + 1) for j in range(n)}


def predict(weights: dict[str, float], feats: list[str]) -> float:
    get = weights.get
    z = weights.get("", 0.0)
    for f in set(feats):
        z += get(f, 0.0)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def prf(gold: list[int], pred: list[int]) -> tuple[float, float, float]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def folds(n: int, k: int, seed: int = 7) -> list[list[int]]:
    idx = list(range(n))
    random.Random(seed).shuffle(idx)
    return [idx[i::k] for i in range(k)]


def cross_validate(
    data: list[tuple[str, int]],
    extra: list[tuple[str, int]],
    k: int,
    min_abs: float = 0.0,
    **kw: float,
) -> dict[str, float]:
    """k-fold estimate on `data` (extra examples always go to training); micro-averaged.

    Each fold's model is compacted exactly as the shipped one is, so the estimate is its own.
    """
    feats = [features(t) for t, _ in data]
    extra_ex = [(features(t), y) for t, y in extra]
    gold_all: list[int] = []
    pred_all: list[int] = []
    for held in folds(len(data), k):
        held_set = set(held)
        train_ex = [(feats[i], data[i][1]) for i in range(len(data)) if i not in held_set]
        weights = compact(train(train_ex + extra_ex, **kw), min_abs)
        for i in held:
            gold_all.append(data[i][1])
            pred_all.append(1 if predict(weights, feats[i]) >= 0.5 else 0)
    p, r, f = prf(gold_all, pred_all)
    return {"precision": p, "recall": r, "f1": f, "folds": k, "n": len(data)}


def compact(weights: dict[str, float], min_abs: float) -> dict[str, float]:
    """Drop near-zero weights and round the rest: a small file, the same decisions."""
    return {f: round(v, 4) for f, v in sorted(weights.items()) if f == "" or abs(v) >= min_abs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--cv", type=int, default=5, help="folds for the estimate (0: skip)")
    ap.add_argument("--clef", action="store_true", help="add the CLEF 2018 debates to training")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--lr", type=float, default=0.3)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--pos-weight", type=float, default=1.6)
    ap.add_argument("--min-abs", type=float, default=0.05, help="prune smaller weights")
    ap.add_argument("--min-count", type=int, default=3, help="ignore rarer features")
    ap.add_argument("--write", action="store_true", help="train on all data and write weights")
    args = ap.parse_args(argv)
    data = load_claimbuster(args.shared)
    extra = load_clef(args.shared) if args.clef else []
    kw = {
        "epochs": args.epochs,
        "lr": args.lr,
        "l2": args.l2,
        "pos_weight": args.pos_weight,
        "min_count": args.min_count,
    }
    if args.cv:
        est = cross_validate(data, extra, args.cv, args.min_abs, **kw)
        print(
            f"{args.cv}-fold CV on claimbuster_dev (n={est['n']}, clef={args.clef}): "
            f"P={est['precision']:.3f} R={est['recall']:.3f} F1={est['f1']:.3f}"
        )
    if args.write:
        examples = [(features(t), y) for t, y in data + extra]
        weights = compact(train(examples, **kw), args.min_abs)
        meta = {
            "model": "logistic regression (Adagrad, averaged), features: claims_features",
            "trained_on": "claimbuster_dev" + (" + clef2018" if extra else ""),
            "params": kw,
        }
        WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
        payload = {"meta": meta, "weights": weights}
        text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
        WEIGHTS.write_text(text, "utf-8")
        print(f"wrote {len(weights)} weights to {WEIGHTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
