"""B-cubed precision, recall and F1 of a clustering against gold clusters."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping


def bcubed(
    predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]
) -> tuple[float, float, float]:
    """Per item: the share of its predicted cluster that shares its gold cluster (precision)
    and the share of its gold cluster inside its predicted cluster (recall); averaged.

    Items missing from ``predicted`` are clusters of their own.
    """
    if not gold:
        return 0.0, 0.0, 0.0
    pred = {k: predicted.get(k, ("alone", k)) for k in gold}
    by_pred: dict[Hashable, set[str]] = defaultdict(set)
    by_gold: dict[Hashable, set[str]] = defaultdict(set)
    for key in gold:
        by_pred[pred[key]].add(key)
        by_gold[gold[key]].add(key)
    precision = recall = 0.0
    for key in gold:
        shared = len(by_pred[pred[key]] & by_gold[gold[key]])
        precision += shared / len(by_pred[pred[key]])
        recall += shared / len(by_gold[gold[key]])
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
