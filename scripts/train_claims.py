"""Train the check-worthiness model shipped in tui/core/extract/data/claims_weights.json.

Pure Python (no numpy; the learning code is tui/core/extract/claims_train.py): L2-regularised
logistic regression trained with Adagrad over the sparse features of claims_features. The data:
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
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tui.core.extract.claims_features import features  # noqa: E402
from tui.core.extract.claims_train import (  # noqa: E402
    DEFAULT_MIN_ABS,
    DEFAULT_PARAMS,
    compact,
    cross_validate,
    load_claimbuster,
    load_clef,
    train,
)

WEIGHTS = REPO / "tui" / "core" / "extract" / "data" / "claims_weights.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--cv", type=int, default=5, help="folds for the estimate (0: skip)")
    ap.add_argument("--clef", action="store_true", help="add the CLEF 2018 debates to training")
    p = DEFAULT_PARAMS
    ap.add_argument("--epochs", type=int, default=int(p["epochs"]))
    ap.add_argument("--lr", type=float, default=p["lr"])
    ap.add_argument("--l2", type=float, default=p["l2"])
    ap.add_argument("--pos-weight", type=float, default=p["pos_weight"])
    ap.add_argument("--min-abs", type=float, default=DEFAULT_MIN_ABS, help="prune smaller weights")
    ap.add_argument("--min-count", type=int, default=int(p["min_count"]), help="ignore rarer")
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
