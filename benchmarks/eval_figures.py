"""Evaluate the figures extractor: quantulum3 dev, price-parser dev, news sentences, throughput.

Run from the repository root: ``python benchmarks/eval_figures.py [--shared DIR] [-v]``
(``-v`` lists every missed gold, false figure and failed price).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # runnable as a plain script from anywhere

from benchmarks.news_quantities import load as load_news_sentences  # noqa: E402
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


# --- news-sentence quantities ------------------------------------------------------------------

_TIME_KINDS = ("date", "year", "year_range")


def news_match(fig: Figure, g: dict, loose: bool = False) -> bool:
    """A figure matches a gold quantity of a news sentence when the spans overlap, the value
    (and a range's upper end) agree within 0.1%, the kind is the same and, for money, percent
    and quantity, the unit too (ISO code, "percent"/"percentage points", singular unit name).
    A count's unit (the counted noun) is not scored. ``loose``: overlap and value only."""
    s, e = fig.span
    if s >= g["e"] or e <= g["s"] or not isinstance(fig.value, (int, float)):
        return False
    if not math.isclose(float(fig.value), g["value"], rel_tol=1e-3, abs_tol=1e-9):
        return False
    if (fig.value_max is None) != (g.get("value_max") is None):
        return False
    if fig.value_max is not None and not math.isclose(fig.value_max, g["value_max"], rel_tol=1e-3):
        return False
    if loose:
        return True
    if fig.kind != g["kind"]:
        return False
    return g["kind"] == "count" or (fig.unit or "").lower() == (g.get("unit") or "").lower()


def eval_news_sentences(
    shared_dir: Path,
    part: str,
    loose: bool = False,
    extract: Callable[[str], list[Figure]] | None = None,
) -> dict:
    """Precision/recall/F1 on the hand-annotated news sentences of ``part`` ("dev", "test").

    Gold: every number stating an amount (money, percent, measure, count, with or without a
    counted noun, in digits or words; ranges with both ends). Dates, years, times, ordinals and
    designations are not golds, and the extractor's dates and years are not scored. Golds marked
    optional (ages, "one" as a determiner, vague "dozens") count when found, not when missed; a
    figure overlapping an optional gold without matching it is ignored. ``extract``: another
    extractor to score the same way (benchmarks/news_baseline.py).
    """
    sentences, stale = load_news_sentences(shared_dir)
    tp = n_gold = correct = n_ours = 0
    misses: list[str] = []
    false_pos: list[str] = []
    for sent in sentences:
        if sent.part != part:
            continue
        found = extract(sent.text) if extract else extract_figures(sent.text, [(0, len(sent.text))])
        figs = [f for f in found if f.kind not in _TIME_KINDS]
        for g in sent.golds:
            found = any(news_match(f, g, loose) for f in figs)
            if not g.get("opt"):
                n_gold += 1
                tp += found
                if not found:
                    misses.append(f"{sent.text[g['s'] : g['e']]!r} {g} in {sent.doc}@{sent.start}")
        for f in figs:
            if any(news_match(f, g, loose) for g in sent.golds):
                correct += 1
                n_ours += 1
            elif not any(
                g.get("opt") and f.span[0] < g["e"] and g["s"] < f.span[1] for g in sent.golds
            ):
                n_ours += 1
                false_pos.append(
                    f"{f.text!r} {f.kind} {f.value} {f.unit} in {sent.doc}@{sent.start}"
                )
    p = correct / n_ours if n_ours else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "gold": n_gold,
        "ours": n_ours,
        "sentences": sum(1 for s in sentences if s.part == part),
        "stale": stale,
        "misses": misses,
        "false_positives": false_pos,
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
    "news_dev" and "news_test" (the hand-annotated news sentences, precision, recall, f1...),
    and with ``throughput`` "throughput" (news articles) and "throughput_conll".
    """
    fig_dir = shared_dir / "eval" / "figures"
    out: dict = {}
    if (fig_dir / "quantulum3_dev.json").is_file():
        out["quantulum3"] = eval_quantulum(fig_dir / "quantulum3_dev.json")
    if (fig_dir / "price_parser_dev.json").is_file():
        out["price_parser"] = eval_price_parser(fig_dir / "price_parser_dev.json")
    if (shared_dir / "eval" / "stories" / "stories_dev.jsonl").is_file():
        for part in ("dev", "test"):
            out[f"news_{part}"] = eval_news_sentences(shared_dir, part)
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
    ap.add_argument(
        "--show-test", action="store_true", help="with -v, list the news test part's errors too"
    )
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
    for part in ("dev", "test"):
        ns = res.get(f"news_{part}")
        if ns:
            stale = f", {ns['stale']} stale sentences skipped" if ns["stale"] else ""
            print(
                f"news_{part:<11} P {ns['precision']:.3f}  R {ns['recall']:.3f}  F1 {ns['f1']:.3f}"
                f"   ({ns['sentences']} sentences, {ns['gold']} golds, {ns['ours']} figures"
                f"{stale})"
            )
            if args.verbose and (part == "dev" or args.show_test):
                for line in ns["misses"]:
                    print("  miss:", line)
                for line in ns["false_positives"]:
                    print("  false:", line)
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
