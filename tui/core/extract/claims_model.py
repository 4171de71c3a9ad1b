"""The check-worthiness scorer: a linear model over claims_features, weights shipped as data.

The weights are trained by scripts/train_claims.py and live in data/claims_weights.json
(feature string -> weight, "" is the bias). They load once, lazily, from the package.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from tui.core.extract.claims_features import features

WEIGHTS_FILE = "claims_weights.json"


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The shipped weights (an empty model, scoring 0.5 everywhere, if the file is missing)."""
    try:
        raw = resources.files("tui.core.extract").joinpath("data", WEIGHTS_FILE).read_text("utf-8")
        return {str(k): float(v) for k, v in json.loads(raw)["weights"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def logit(sentence: str) -> float:
    """The model's raw score (log-odds) that the sentence is check-worthy."""
    w = weights()
    get = w.get
    z = get("", 0.0)
    for f in features(sentence):
        z += get(f, 0.0)
    return z


def sigmoid(z: float) -> float:
    if z < -30.0:
        return 0.0
    if z > 30.0:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def model_score(sentence: str) -> float:
    """Probability-like check-worthiness in 0..1 from the model alone."""
    return sigmoid(logit(sentence))
