"""Figures that disagree, and who said it first: quality on the dev stories.

    python benchmarks/eval_story_figures.py

1. Real pairs: the disagreement groups flagged within the gold stories of
   ../shared/eval/stories/stories_dev.jsonl, scored against our hand labels
   (benchmarks/data/story_figures_dev_labels.json: ids and offsets only).
2. Generated edits: for real articles with a comparable figure, a copy with that figure
   edited (value changed by 30%, rounded with "about", turned into a range, or unchanged);
   only the changed value should be flagged. Precision and recall over the flagged groups.
3. Provenance: every quote the articles of a gold story repeat; its first carrier must be
   the earliest dated article whose text carries the quote (checked by a plain search of
   every article of the story, independent of the matcher).
"""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from pathlib import Path

from _common import REPO, print_table, require_shared

from tui.core.extract import analyse
from tui.core.loaders.jsonexport import load
from tui.core.model import Article
from tui.core.stories.compare import comparable, disagreements
from tui.core.stories.provenance import quote_words, repeated_quotes

LABELS = REPO / "benchmarks" / "data" / "story_figures_dev_labels.json"
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def dev_stories(shared: Path) -> dict[str, list[Article]]:
    stories: dict[str, list[Article]] = defaultdict(list)
    for line in (shared / "eval/stories/stories_dev.jsonl").open():
        row = json.loads(line)
        doc = {"title": row["title"], "text": row["text"], "published": row["published"] or None}
        article = load(json.dumps(doc))[0]
        article.site = row["id"]  # the dev id, to name figures by
        analyse(article)
        stories[row["story"]].append(article)
    return stories


def real_pairs(stories: dict[str, list[Article]]) -> dict[str, int]:
    labels = {
        frozenset(tuple(f) for f in g["figures"]): g["label"]
        for g in json.loads(LABELS.read_text())["groups"]
    }
    tally = {"flagged": 0, "true": 0, "false": 0, "unlabelled": 0}
    for articles in stories.values():
        for group in disagreements(articles):
            key = frozenset((r.article.site, *r.figure.span) for r in group.figures)
            tally["flagged"] += 1
            label = labels.get(key)
            tally["unlabelled" if label is None else "true" if label else "false"] += 1
    return tally


def _edit(text: str, mode: str, rng: random.Random) -> str | None:
    match = _NUMBER.search(text)
    if match is None:
        return None
    raw = match.group()
    value = float(raw.replace(",", ""))
    if value == 0:
        return None
    decimals = len(raw.split(".")[1]) if "." in raw else 0

    def fmt(v: float) -> str:
        return f"{v:,.{decimals}f}" if "," in raw else f"{v:.{decimals}f}"

    if mode == "changed":
        new = fmt(value * rng.choice([0.6, 0.7, 1.3, 1.5]))
        return None if new == raw else text[: match.start()] + new + text[match.end() :]
    if mode == "rounded":
        magnitude = 10 ** max(0, len(str(int(value))) - 1)
        rounded = round(value / magnitude) * magnitude if value >= 10 else round(value)
        return "about " + text[: match.start()] + fmt(rounded) + text[match.end() :]
    if mode == "range":
        lo, hi = fmt(value * 0.9), fmt(value * 1.1)
        return text[: match.start()] + f"{lo}-{hi}" + text[match.end() :]
    return text


def generated(stories: dict[str, list[Article]], n: int = 200, seed: int = 3) -> dict[str, float]:
    rng = random.Random(seed)
    pool = [(a, r.figure) for arts in stories.values() for a in arts for r in comparable(a)]
    rng.shuffle(pool)
    tally = {"pairs": 0, "flagged": 0, "correct": 0, "changed": 0, "changed_found": 0}
    for article, figure in pool[:n]:
        mode = rng.choice(["changed", "changed", "rounded", "range", "same"])
        start, end = figure.span
        new = _edit(article.text[start:end], mode, rng)
        if new is None:
            continue
        copy = load(
            json.dumps(
                {"title": article.title, "text": article.text[:start] + new + article.text[end:]}
            )
        )[0]
        copy.site = "edited"
        analyse(copy)
        tally["pairs"] += 1
        tally["changed"] += mode == "changed"
        for group in disagreements([article, copy]):
            tally["flagged"] += 1
            hit = mode == "changed" and any(
                r.article is article and r.figure.span == figure.span for r in group.figures
            )
            tally["correct"] += hit
            tally["changed_found"] += hit
    return tally


def provenance(stories: dict[str, list[Article]]) -> dict[str, int]:
    tally = {"repeated quotes": 0, "checked (dated carriers)": 0, "first carrier right": 0}
    for articles in stories.values():
        for quote in repeated_quotes(articles):
            tally["repeated quotes"] += 1
            needle = " ".join(quote_words(quote.text))
            carrying = [a for a in articles if needle in " ".join(quote_words(a.text))]
            dated = [a for a in carrying if a.published]
            if not dated or quote.first.article.published is None:
                continue
            tally["checked (dated carriers)"] += 1
            earliest = min(a.published for a in dated)  # type: ignore[type-var]
            tally["first carrier right"] += quote.first.article.published == earliest
    return tally


def main() -> None:
    stories = dev_stories(require_shared())
    real = real_pairs(stories)
    labelled = real["true"] + real["false"]
    gen = generated(stories)
    prov = provenance(stories)
    print_table(
        ["set", "flagged", "correct", "precision", "note"],
        [
            [
                "real same-story pairs (hand labels)",
                real["flagged"],
                real["true"],
                real["true"] / labelled if labelled else 0.0,
                f"{real['unlabelled']} unlabelled",
            ],
            [
                "generated edits",
                gen["flagged"],
                gen["correct"],
                gen["correct"] / gen["flagged"] if gen["flagged"] else 0.0,
                f"{gen['pairs']} pairs; recall of changed values "
                f"{gen['changed_found'] / max(1, gen['changed']):.3f}",
            ],
        ],
        "Figures that disagree (dev stories)",
    )
    checked = prov["checked (dated carriers)"]
    print_table(
        ["repeated quotes", "checked", "first carrier = earliest carrier", "share"],
        [
            [
                prov["repeated quotes"],
                checked,
                prov["first carrier right"],
                prov["first carrier right"] / checked if checked else 0.0,
            ]
        ],
        "Who said it first (dev stories)",
    )


if __name__ == "__main__":
    main()
