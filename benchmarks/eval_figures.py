"""Evaluate the figures extractor: quantulum3 dev, price-parser dev, and throughput.

Run from the repository root: ``python benchmarks/eval_figures.py [--shared DIR] [-v]``
(``-v`` lists every missed gold, false figure and failed price).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # runnable as a plain script from anywhere

from tui.core.extract.figures import extract_figures  # noqa: E402
from tui.core.extract.numbers import currency_code, parse_money  # noqa: E402
from tui.core.model import Figure  # noqa: E402


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def figure_matches(fig: Figure, value: float, start: int, end: int) -> bool:
    """A figure matches a gold quantity when the spans overlap and the value agrees.

    For a range figure the gold value may be its low end, its high end or its midpoint
    (quantulum3 writes ranges as midpoint +- uncertainty).
    """
    s, e = fig.span
    if s >= end or e <= start:
        return False
    if not isinstance(fig.value, (int, float)):
        return False
    values = [float(fig.value)]
    if fig.value_max is not None:
        values += [float(fig.value_max), (float(fig.value) + float(fig.value_max)) / 2]
    return any(_close(v, value) for v in values)


def eval_quantulum(path: Path) -> dict[str, float]:
    """Precision/recall/F1 on quantulum3 sentences.

    Golds with unit "dimensionless" (bare numbers such as "42", "two" or a year) are optional:
    the extractor deliberately skips numbers that count nothing, so missing one is not a false
    negative; a figure of ours that matches one counts as correct. ``strict_*`` counts them too.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    tp_gold = n_gold = 0
    strict_tp = strict_n = 0
    correct = n_ours = 0
    misses: list[str] = []
    false_pos: list[str] = []
    for item in data:
        text = item["req"]
        figs = extract_figures(text, [(0, len(text))])
        golds = []
        for g in item["res"]:
            surface = g["surface"]
            i = text.find(surface)
            if i < 0:
                continue
            golds.append((float(g["value"]), i, i + len(surface), g["unit"], surface))
        for value, s, e, unit, surface in golds:
            found = any(figure_matches(f, value, s, e) for f in figs)
            strict_n += 1
            strict_tp += found
            if unit != "dimensionless":
                n_gold += 1
                tp_gold += found
                if not found:
                    misses.append(f"{surface!r} ({value} {unit}) in {text[:60]!r}")
        for f in figs:
            n_ours += 1
            if any(figure_matches(f, v, s, e) for v, s, e, _, _ in golds):
                correct += 1
            else:
                false_pos.append(f"{f.text!r} {f.kind} {f.value} {f.unit}")
    p = correct / n_ours if n_ours else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    sr = strict_tp / strict_n if strict_n else 0.0
    sf1 = 2 * p * sr / (p + sr) if p + sr else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": f1,
        "strict_recall": sr,
        "strict_f1": sf1,
        "gold": n_gold,
        "ours": n_ours,
        "misses": misses,
        "false_positives": false_pos,
    }


def eval_price_parser(path: Path) -> dict[str, float]:
    """Share of price strings whose amount (and currency, when the gold has one) we parse right.

    The gold currency is a raw mark ("руб.", "€"); both sides are compared as ISO codes through
    the same table, so an unknown mark must be returned verbatim.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    ok = total = ok_all = 0
    failures: list[str] = []
    for x in data:
        amount, cur = parse_money(
            x["price_raw"] or "", x["currency_raw"], x.get("decimal_separator")
        )
        gold = None if x["amount"] is None else float(x["amount"])
        good = (amount is None and gold is None) or (
            amount is not None and gold is not None and _close(amount, gold)
        )
        if x["currency"] is not None:
            good = good and cur == currency_code(x["currency"])
        ok_all += good
        if "XFAIL" not in x["group"]:
            total += 1
            ok += good
            if not good:
                failures.append(
                    f"{x['price_raw']!r} -> {amount} {cur}; gold {gold} {x['currency']}"
                )
    return {
        "accuracy": ok / total if total else 0.0,
        "accuracy_all": ok_all / len(data) if data else 0.0,
        "n": total,
        "n_all": len(data),
        "failures": failures,
    }


def news_text(shared_dir: Path | None) -> str:
    """Real news prose: the seed article plus the 40 corpus pages' main text (trafilatura)."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    html_dir = shared_dir / "corpus" / "html" if shared_dir is not None else None
    if html_dir is not None and html_dir.is_dir():
        import trafilatura

        for page in sorted(html_dir.glob("*.htm*")):
            parts.append(trafilatura.extract(page.read_bytes()) or "")
    return "\n\n".join(parts)


def conll_text(shared_dir: Path | None) -> str:
    """CoNLL-2003 dev sentences re-joined: Reuters wire with many scores and tables."""
    parts: list[str] = []
    conll = shared_dir / "eval" / "ner" / "conll2003_dev.txt" if shared_dir is not None else None
    if conll is not None and conll.is_file():
        sent: list[str] = []
        for line in conll.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if sent:
                    parts.append(" ".join(sent))
                sent = []
            elif not line.startswith("-DOCSTART-"):
                sent.append(line.split(" ", 1)[0])
    return "\n".join(parts)


def measure_throughput(text: str, repeats: int = 7) -> dict[str, float]:
    """Single-process speed, best of ``repeats`` runs.

    ``words_per_s`` uses the process's CPU time (``time.process_time``), which stays meaningful
    when other jobs share the cores; ``wall_words_per_s`` is the wall-clock figure.
    """
    words = len(text.split())
    best_cpu = best_wall = float("inf")
    n_figs = 0
    for _ in range(repeats):
        c0, w0 = time.process_time(), time.perf_counter()
        n_figs = len(extract_figures(text, [(0, len(text))]))
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - w0)
    best_cpu, best_wall = max(best_cpu, 1e-9), max(best_wall, 1e-9)
    return {
        "words": words,
        "figures": n_figs,
        "words_per_s": words / best_cpu,
        "mb_per_s": len(text.encode("utf-8")) / best_cpu / 1e6,
        "wall_words_per_s": words / best_wall,
    }


def evaluate(shared_dir: Path, throughput: bool = True) -> dict:
    """All figure metrics as a dict (used by benchmarks/eval_extract.py).

    Keys: "quantulum3" (precision, recall, f1, strict_recall, strict_f1, misses...),
    "price_parser" (accuracy outside XFAIL, accuracy_all, failures...), and with ``throughput``
    "throughput" (news articles) and "throughput_conll" (words_per_s, mb_per_s, ...).
    """
    fig_dir = shared_dir / "eval" / "figures"
    out: dict = {}
    if (fig_dir / "quantulum3_dev.json").is_file():
        out["quantulum3"] = eval_quantulum(fig_dir / "quantulum3_dev.json")
    if (fig_dir / "price_parser_dev.json").is_file():
        out["price_parser"] = eval_price_parser(fig_dir / "price_parser_dev.json")
    if throughput:
        out["throughput"] = measure_throughput(news_text(shared_dir))
        conll = conll_text(shared_dir)
        if conll:
            out["throughput_conll"] = measure_throughput(conll)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and failures")
    args = ap.parse_args(argv)
    res = evaluate(args.shared)
    q = res.get("quantulum3")
    if q:
        print(
            f"quantulum3_dev   P {q['precision']:.3f}  R {q['recall']:.3f}  F1 {q['f1']:.3f}"
            f"   (strict, dimensionless golds required: R {q['strict_recall']:.3f}"
            f" F1 {q['strict_f1']:.3f}; {q['gold']} golds with units, {q['ours']} figures)"
        )
        if args.verbose:
            for line in q["misses"]:
                print("  miss:", line)
            for line in q["false_positives"]:
                print("  false:", line)
    pp = res.get("price_parser")
    if pp:
        print(
            f"price_parser_dev accuracy {pp['accuracy']:.3f} outside XFAIL (n={pp['n']}),"
            f" {pp['accuracy_all']:.3f} overall (n={pp['n_all']})"
        )
        if args.verbose:
            for line in pp["failures"]:
                print("  fail:", line)
    for key, label in (("throughput", "news articles"), ("throughput_conll", "CoNLL dev")):
        t = res.get(key)
        if t:
            print(
                f"throughput       {t['words_per_s']:>11,.0f} words/s  {t['mb_per_s']:.2f} MB/s"
                f"  (wall {t['wall_words_per_s']:,.0f})  on {label} ({t['words']:,} words,"
                f" {t['figures']} figures; best of 7 runs, CPU time, single process)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
