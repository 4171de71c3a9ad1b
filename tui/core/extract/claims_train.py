"""Learning the check-worthiness weights: data loaders, trainer, k-fold estimate.

Pure Python (no numpy): L2-regularised logistic regression trained with Adagrad over the sparse
features of claims_features, weights averaged over the updates. Used by scripts/train_claims.py
(which writes data/claims_weights.json) and by benchmarks/eval_claims.py and the tests (which
re-train per fold to estimate held-out F1). Nothing here runs when articles are analysed.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

from tui.core.extract.claims import CLAIM_THRESHOLD, score_sentence
from tui.core.extract.claims_features import features

DEFAULT_PARAMS: dict[str, float] = {
    "epochs": 8,
    "lr": 0.3,
    "l2": 1e-4,
    "pos_weight": 1.6,
    "min_count": 3,
}
DEFAULT_MIN_ABS = 0.05

Example = tuple[set[str], int]


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


def predict(weights: dict[str, float], feats: set[str]) -> float:
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
    min_abs: float = DEFAULT_MIN_ABS,
    only_folds: list[int] | None = None,
    **kw: float,
) -> dict[str, float]:
    """k-fold estimate on `data` (extra examples always go to training); micro-averaged.

    Each fold's model is compacted exactly as the shipped one is and scored through
    `score_sentence` (text rules included), so the estimate is that of the shipped pipeline.
    `only_folds` runs a subset of the folds (a quicker, noisier estimate).
    """
    params = {**DEFAULT_PARAMS, **kw}
    feats = [features(t) for t, _ in data]
    extra_ex = [(features(t), y) for t, y in extra]
    gold_all: list[int] = []
    pred_all: list[int] = []
    for f, held in enumerate(folds(len(data), k)):
        if only_folds is not None and f not in only_folds:
            continue
        held_set = set(held)
        train_ex = [(feats[i], data[i][1]) for i in range(len(data)) if i not in held_set]
        weights = compact(train(train_ex + extra_ex, **params), min_abs)  # type: ignore[arg-type]
        for i in held:
            gold_all.append(data[i][1])
            pred_all.append(1 if score_sentence(data[i][0], weights) >= CLAIM_THRESHOLD else 0)
    p, r, f1 = prf(gold_all, pred_all)
    return {"precision": p, "recall": r, "f1": f1, "folds": k, "n": len(gold_all)}


def compact(weights: dict[str, float], min_abs: float) -> dict[str, float]:
    """Drop near-zero weights and round the rest: a small file, the same decisions."""
    return {f: round(v, 4) for f, v in sorted(weights.items()) if f == "" or abs(v) >= min_abs}
