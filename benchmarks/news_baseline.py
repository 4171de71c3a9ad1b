"""quantulum3 on the news-sentence set, scored exactly as newsreader's figures are.

An optional extra, for this comparison only: ``pip install -e '.[baselines]'`` then
``python benchmarks/news_baseline.py`` (quantulum3 0.10, no unit classifier). Its units are
mapped to newsreader's kinds: currencies to money with an ISO code, "percentage"/"per cent" to
percent, "dimensionless" to count, anything else to quantity with its unit name; a range
(midpoint +- uncertainty) gives both ends. It has no notion of dates, so a year is a count.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for path in (REPO, REPO / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from eval_figures import eval_news_sentences  # noqa: E402

from tui.core.model import Figure  # noqa: E402

_CURRENCIES = {"dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "yuan": "CNY", "yen": "JPY"}


def quantulum_figures(text: str) -> list[Figure]:
    """quantulum3's quantities of ``text`` as newsreader figures."""
    from quantulum3 import parser

    out = []
    for q in parser.parse(text):
        name = q.unit.name
        value, vmax = float(q.value), None
        if q.uncertainty:
            value, vmax = value - float(q.uncertainty), value + float(q.uncertainty)
        if q.unit.entity.name == "currency":
            kind, unit = "money", _CURRENCIES.get(name, name)
        elif name in ("percentage", "per cent", "percent"):
            kind, unit = "percent", "percent"
        elif name == "dimensionless":
            kind, unit = "count", None
        else:
            kind, unit = "quantity", name
        out.append(Figure(q.surface, kind, value, q.span, 0, vmax, unit))
    return out


def main() -> int:
    warnings.simplefilter("ignore")
    shared = REPO.parent / "shared"
    for part in ("dev", "test"):
        res = eval_news_sentences(shared, part, extract=quantulum_figures)
        print(
            f"quantulum3 news_{part:<5} P {res['precision']:.3f}  R {res['recall']:.3f}"
            f"  F1 {res['f1']:.3f}  ({res['sentences']} sentences, {res['gold']} golds)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
