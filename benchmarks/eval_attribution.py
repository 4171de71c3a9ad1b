"""Attribution: do attributed quotes become claims, with the right speaker?

    python benchmarks/eval_attribution.py              # both parts of the labelled set
    python benchmarks/eval_attribution.py --part test  # the part no rule was written against
    python benchmarks/eval_attribution.py --misses     # list what the dev part gets wrong
    python benchmarks/eval_attribution.py --speed      # whole-analysis CPU words/s, 40 pages

The labels (benchmarks/data/attribution_quotes.json) mark quoted words in BASIL political news
(../shared/eval/stories/stories_dev.jsonl) by article id and character span, with the
speaker's surname; no article text is stored in the repository. A quote is covered when one
claim's span contains it, and its speaker is right when that claim's speaker ends in the same
surname. The naive baseline names the PERSON entity mentioned nearest the quote.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks._common import print_table, require_shared  # noqa: E402
from tui.core.extract import analyse  # noqa: E402
from tui.core.model import Analysis, Article  # noqa: E402
from tui.core.sentences import split_paragraphs, split_sentences  # noqa: E402

LABELS = REPO / "benchmarks" / "data" / "attribution_quotes.json"


@dataclass(frozen=True, slots=True)
class Quote:
    """One labelled quotation: where it is and who said it."""

    article: str
    span: tuple[int, int]
    speakers: tuple[str, ...]  # accepted surnames / head words, normalised
    part: str


def norm(word: str) -> str:
    return word.replace("’", "'").strip(" .,'\"").lower()


def surname(speaker: str | None) -> str:
    """The last word of a speaker, without a possessive ("Obama's" -> "obama")."""
    if not speaker:
        return ""
    last = speaker.split()[-1] if speaker.split() else ""
    last = last.replace("’", "'")
    if last.endswith("'s"):
        last = last[:-2]
    return norm(last)


def load_quotes(parts: Iterable[str]) -> list[Quote]:
    wanted = set(parts)
    doc = json.loads(LABELS.read_text("utf-8"))
    return [
        Quote(q["id"], (q["span"][0], q["span"][1]), tuple(map(norm, q["speaker"])), q["part"])
        for q in doc["quotes"]
        if q["part"] in wanted
    ]


def load_texts(shared: Path, ids: set[str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    with (shared / "eval" / "stories" / "stories_dev.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["id"] in ids:
                texts[row["id"]] = row["text"]
    return texts


def analyse_text(text: str) -> Analysis:
    paragraphs = split_paragraphs(text)
    article = Article(text=text, paragraphs=paragraphs)
    article.sentences = split_sentences(text, paragraphs)
    return analyse(article)


def naive_speaker(analysis: Analysis, span: tuple[int, int]) -> str:
    """The PERSON mention nearest the quote (outside it)."""
    best: tuple[int, str] | None = None
    for ent in analysis.entities:
        if ent.label != "PERSON":
            continue
        for s, e in ent.mentions:
            if s < span[1] and e > span[0]:
                continue
            gap = span[0] - e if e <= span[0] else s - span[1]
            if best is None or gap < best[0]:
                best = (gap, ent.name)
    return best[1] if best else ""


def score(quotes: list[Quote], analyses: dict[str, Analysis]) -> tuple[dict, list[tuple]]:
    covered = right = naive = 0
    misses: list[tuple] = []
    for q in quotes:
        analysis = analyses[q.article]
        claim = next(
            (c for c in analysis.claims if c.span[0] <= q.span[0] and c.span[1] >= q.span[1]),
            None,
        )
        ok = claim is not None and surname(claim.speaker) in q.speakers
        covered += claim is not None
        right += ok
        naive += surname(naive_speaker(analysis, q.span)) in q.speakers
        if not ok:
            misses.append((q, claim.speaker if claim else None, claim is not None))
    n = max(1, len(quotes))
    figures = {"n": len(quotes), "coverage": covered / n, "speaker": right / n}
    figures["naive_speaker"] = naive / n
    return figures, misses


def evaluate(shared: Path, parts: Iterable[str] = ("dev", "test")) -> dict[str, dict]:
    """Coverage, speaker accuracy and the naive baseline for each part of the labelled set."""
    quotes = load_quotes(parts)
    texts = load_texts(shared, {q.article for q in quotes})
    t0 = time.process_time()
    analyses = {i: analyse_text(t) for i, t in texts.items()}
    cpu = time.process_time() - t0
    out: dict[str, dict] = {}
    for part in sorted({q.part for q in quotes}):
        out[part], _ = score([q for q in quotes if q.part == part], analyses)
    words = sum(len(t.split()) for t in texts.values())
    out["speed"] = {"articles": len(texts), "words": words, "cpu_s": cpu}
    return out


def cpu_throughput(shared: Path, repeats: int = 5) -> dict[str, float]:
    """Whole analysis (split + entities + figures + claims) over the 40 real pages and the
    seeds, as benchmarks/eval_extract.py runs it, timed by this process's CPU time (the
    machine is shared: wall time there counts other people's work). Best of `repeats`."""
    from tui.core.loaders import load_paths

    texts = [a.text for a in load_paths([shared / "corpus" / "html", REPO / "seeds"]).articles]
    texts = [t for t in texts if t.strip()]
    words = sum(len(t.split()) for t in texts)
    analyse_text(texts[0])  # imports and tables load outside the timing
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for text in texts:
            analyse_text(text)
        best = min(best, time.process_time() - start)
    return {"words": words, "cpu_s": best, "words_per_cpu_s": words / best}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--misses", action="store_true", help="print each wrong or uncovered quote")
    ap.add_argument("--speed", action="store_true", help="whole-analysis CPU words/s instead")
    args = ap.parse_args()
    shared = require_shared()
    if args.speed:
        sp = cpu_throughput(shared)
        print(f"whole analysis: {sp['words']:,} words, best {sp['cpu_s']:.3f} s CPU, ", end="")
        print(f"{sp['words_per_cpu_s']:,.0f} words per CPU second")
        return
    parts = ("dev", "test") if args.part == "all" else (args.part,)
    if args.misses:
        quotes = load_quotes(parts)
        texts = load_texts(shared, {q.article for q in quotes})
        analyses = {i: analyse_text(t) for i, t in texts.items()}
        _, misses = score(quotes, analyses)
        for q, speaker, covered in misses:
            text = texts[q.article]
            s, e = q.span
            context = text[max(0, s - 120) : s] + "[[" + text[s:e] + "]]" + text[e : e + 120]
            print(
                f"{q.article} {s} {e} gold={'|'.join(q.speakers)} got={speaker!r} covered={covered}"
            )
            print("   ", context.replace("\n", " / "))
        return
    res = evaluate(shared, parts)
    rows = [
        (part, r["n"], r["coverage"], r["speaker"], r["naive_speaker"])
        for part, r in res.items()
        if part != "speed"
    ]
    print_table(
        ("part", "quotes", "coverage", "speaker right", "naive nearest name"),
        rows,
        "attributed quotes in BASIL political news (hand-labelled)",
    )


if __name__ == "__main__":
    main()
