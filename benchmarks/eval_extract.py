"""Extraction quality and speed: entities, figures and claims on ../shared/eval, one table.

    python benchmarks/eval_extract.py           # every task, full dev sets
    python benchmarks/eval_extract.py --quick   # throughput on less text, same quality sets

Quality comes from each task's own script (eval_entities, eval_figures, eval_claims:
each exposes ``evaluate(shared_dir) -> dict``); throughput is measured here over real
articles from ../shared/corpus and the seed, single process, whole analysis
(sentence splitting + entities + figures + claims).
"""

from __future__ import annotations

import argparse
import gc
import time

import eval_claims
import eval_entities
import eval_figures
from _common import REPO, print_table, require_shared

from tui.core.extract import analyse
from tui.core.loaders import load_paths
from tui.core.model import Article
from tui.core.sentences import split_paragraphs, split_sentences


def throughput(shared, target_bytes: int, repeats: int) -> dict[str, float]:
    """Words/s and MB/s of the whole analysis over real article bodies."""
    result = load_paths([shared / "corpus" / "html", REPO / "seeds"])
    texts = [a.text for a in result.articles if a.text.strip()]
    corpus: list[str] = []
    size = 0
    while size < target_bytes:
        for text in texts:
            corpus.append(text)
            size += len(text.encode("utf-8"))
    words = sum(len(t.split()) for t in corpus)
    best = best_cpu = float("inf")
    for _ in range(repeats):
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        for text in corpus:
            paragraphs = split_paragraphs(text)
            article = Article(text=text, paragraphs=paragraphs)
            article.sentences = split_sentences(text, paragraphs)
            analyse(article)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return {
        "words": words,
        "mb": size / 1e6,
        "seconds": best,
        "words_per_s": words / best,
        "mb_per_s": size / 1e6 / best,
        "cpu_words_per_s": words / best_cpu,  # meaningful when other jobs share the cores
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="less text for the throughput run")
    args = parser.parse_args()
    shared = require_shared()

    ent = eval_entities.evaluate(shared)
    fig = eval_figures.evaluate(shared, throughput=False)
    clm = eval_claims.evaluate(shared)
    prf = ("precision", "recall", "f1")
    rows = [
        (
            "entities",
            "CoNLL dev, PER/ORG/LOC micro",
            *(ent["conll_dev"]["micro"][k] for k in prf),
            ">= 0.70",
        ),
        (
            "entities",
            "re3d dev, PER/ORG/LOC micro",
            *(ent["re3d_dev"]["micro"][k] for k in prf),
            ">= 0.55",
        ),
        ("entities", "re3d dev, PRODUCT", *(ent["re3d_dev_product"][k] for k in prf), ">= 0.50"),
        (
            "entities",
            "news pages, panel found",
            *(ent["pages"]["all"]["found"][k] for k in prf),
            "P >= 0.85",
        ),
        (
            "entities",
            "news pages, panel typed",
            *(ent["pages"]["all"]["typed"][k] for k in prf),
            ">= 0.75",
        ),
        ("figures", "quantulum3 dev", *(fig["quantulum3"][k] for k in prf), ">= 0.85"),
        ("figures", "news sentences dev", *(fig["news_dev"][k] for k in prf), ">= 0.95"),
        ("figures", "news sentences test", *(fig["news_test"][k] for k in prf), ">= 0.90"),
        ("claims", "claimbuster dev, 5-fold CV", *(clm["cv"][k] for k in prf), ">= 0.65"),
        ("claims", "naive digit/keyword rule", *(clm["naive"][k] for k in prf), "(baseline)"),
    ]
    for label in ("PER", "ORG", "LOC"):
        rows.append(
            ("entities", f"CoNLL dev, {label}", *(ent["conll_dev"][label][k] for k in prf), "")
        )
    print_table(
        ["task", "set", "precision", "recall", "F1", "bar"], rows, "Quality (development splits)"
    )
    price = fig["price_parser"]
    print_table(
        ["set", "parsed right", "strings", "bar"],
        [
            ("price_parser dev, outside XFAIL", price["accuracy"], price["n"], ">= 0.90"),
            ("price_parser dev, all", price["accuracy_all"], price["n_all"], ""),
        ],
        "Money strings",
    )

    tp = throughput(shared, 300_000 if args.quick else 2_000_000, 1 if args.quick else 3)
    print_table(
        ["words", "MB", "seconds", "words/s", "MB/s", "words/s (CPU time)"],
        [
            (
                tp["words"],
                tp["mb"],
                tp["seconds"],
                tp["words_per_s"],
                tp["mb_per_s"],
                tp["cpu_words_per_s"],
            )
        ],
        "Throughput of the whole analysis (single process, best of runs)",
    )


if __name__ == "__main__":
    main()
