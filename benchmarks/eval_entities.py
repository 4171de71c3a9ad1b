"""Entity extraction: precision/recall/F1 on CoNLL-2003 dev and re3d dev, and words/s.

    PYTHONPATH=. python benchmarks/eval_entities.py [--shared ../shared]

Scoring: exact character span and label. Our labels map to the data's: PERSON->PER, ORG->ORG,
GPE/LOC/FAC->LOC, PRODUCT->PRODUCT (re3d Weapon/Vehicle/MilitaryPlatform). Micro-average over
PER/ORG/LOC; PRODUCT reported apart. NORP/EVENT are not scored.

re3d: one span may carry several candidate types, the most confident wins. Only proper names are
scored: a gold span aligned on word boundaries whose words, a leading article dropped, are all
capitalised but for connectors ("Government of Iraq"; not "ISIL fighters", "the camp", "I").
A prediction inside a gold nominal mention ("ISIL" in "ISIL fighters") is neither a hit nor a
false alarm: the gold says nothing about names nested in nominal mentions.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import eval_pages  # noqa: E402

from scripts.build_entity_data import read_conll  # noqa: E402
from tui.core.extract.entities import clear_caches, extract_entities, preload  # noqa: E402
from tui.core.sentences import split_sentences  # noqa: E402

SCORED = ("PER", "ORG", "LOC")
OURS_TO_EVAL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
OURS_TO_EVAL_RE3D = {**OURS_TO_EVAL, "PRODUCT": "PRODUCT"}
RE3D_TYPES = {
    "Person": "PER",
    "Organisation": "ORG",
    "Location": "LOC",
    "Weapon": "PRODUCT",
    "Vehicle": "PRODUCT",
    "MilitaryPlatform": "PRODUCT",
}
_DATELINE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def conll_documents(path: Path) -> list[tuple[str, list[tuple[int, int]], set]]:
    """CoNLL sentences grouped into documents (a new one at each 'CITY 1996-08-30' dateline).

    Each document: text (tokens joined by spaces, one sentence a line), sentence spans and
    the gold set of (start, end, type)."""
    sents = read_conll(path)
    groups: list[list[list[tuple[str, str]]]] = []
    for i, s in enumerate(sents):
        is_dateline = len(s) <= 8 and _DATELINE.match(s[-1][0])
        nxt_dateline = (
            i + 1 < len(sents) and len(sents[i + 1]) <= 8 and _DATELINE.match(sents[i + 1][-1][0])
        )
        if not groups or (nxt_dateline and not is_dateline):
            groups.append([])
        groups[-1].append(s)
    docs = []
    for group in groups:
        parts_text: list[str] = []
        spans: list[tuple[int, int]] = []
        gold: set = set()
        pos = 0
        for sent in group:
            start = pos
            ent_start, ent_type, ent_end = -1, "", -1
            for tok, tag in sent:
                if (
                    tag.startswith("B-")
                    or tag == "O"
                    or (tag.startswith("I-") and tag[2:] != ent_type)
                ):
                    if ent_start >= 0:
                        gold.add((ent_start, ent_end, ent_type))
                        ent_start = -1
                    if tag != "O":
                        ent_start, ent_type = pos, tag[2:]
                ent_end = pos + len(tok)
                parts_text.append(tok)
                pos += len(tok) + 1
            if ent_start >= 0:
                gold.add((ent_start, ent_end, ent_type))
            spans.append((start, pos - 1))
        text = ""
        # Rebuild the text: tokens joined by spaces, sentences by newlines (same offsets).
        chunks = []
        k = 0
        for sent in group:
            chunks.append(" ".join(parts_text[k : k + len(sent)]))
            k += len(sent)
        text = "\n".join(chunks)
        docs.append((text, spans, gold))
    return docs


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def score(pred: set, gold: set, labels: tuple[str, ...], ignore: set | None = None) -> dict:
    """P/R/F1 per label and micro; predictions inside an `ignore` span (nominal) are skipped."""
    out = {}
    tot = [0, 0, 0]
    if ignore:
        golds = {(x[0], x[1]) for x in gold}
        pred = {
            x
            for x in pred
            if (x[0], x[1]) in golds or not any(a <= x[0] and x[1] <= b for a, b in ignore)
        }
    for lab in labels:
        p = {x for x in pred if x[2] == lab}
        g = {x for x in gold if x[2] == lab}
        tp, fp, fn = len(p & g), len(p - g), len(g - p)
        out[lab] = prf(tp, fp, fn)
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
    out["micro"] = prf(*tot)
    return out


def predicted(text: str, sentences: list[tuple[int, int]], mapping: dict[str, str]) -> set:
    out = set()
    for ent in extract_entities(text, sentences):
        lab = mapping.get(ent.label)
        if lab:
            for s, e in ent.mentions:
                out.add((s, e, lab))
    return out


def eval_conll(shared: Path) -> tuple[dict, float, int]:
    docs = conll_documents(shared / "eval/ner/conll2003_dev.txt")
    pred: set = set()
    gold: set = set()
    offset = 0
    words = 0
    t0 = time.perf_counter()
    for text, spans, g in docs:
        for s, e, lab in predicted(text, spans, OURS_TO_EVAL):
            pred.add((s + offset, e + offset, lab))
        for s, e, lab in g:
            if lab in SCORED:
                gold.add((s + offset, e + offset, lab))
        offset += len(text) + 2
        words += len(text.split())
    elapsed = time.perf_counter() - t0
    return score(pred, gold, SCORED), elapsed, words


def re3d_documents(shared: Path) -> list[tuple[str, set, set]]:
    """re3d dev documents: (text, proper-name gold set, nominal gold spans)."""
    root = shared / "eval/ner/re3d"
    texts: dict[str, str] = {}
    for f in sorted(root.glob("*/documents.json")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                texts[d["_id"]] = d["text"]
    best: dict[tuple[str, int, int], tuple[float, str]] = {}
    for f in sorted(root.glob("*/entities.json")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            e = json.loads(line)
            k = (e["documentId"], int(e["begin"]), int(e["end"]))
            conf = float(e.get("confidence") or 0)
            if k not in best or conf > best[k][0]:
                best[k] = (conf, e["type"])
    lower_vocab: set[str] = set()
    for t in texts.values():
        lower_vocab.update(w for w in re.findall(r"[a-z][a-z'-]*", t))
    docs: dict[str, tuple[set, set]] = {d: (set(), set()) for d in texts}
    for (doc, b, e), (_, typ) in best.items():
        lab = RE3D_TYPES.get(typ)
        if not lab or doc not in texts:
            continue
        text = texts[doc]
        span = _proper_span(text, b, e, lower_vocab)
        if span:
            docs[doc][0].add((*span, lab))
        else:
            docs[doc][1].add((b, e))
    return [(texts[d], g, n) for d, (g, n) in docs.items()]


_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}


_CONNECTORS = {"of", "for", "and", "the", "de", "al", "in", "on", "&", "-"}


def _proper_span(text: str, b: int, e: int, lower_vocab: set[str]) -> tuple[int, int] | None:
    """The proper-name part of a gold span, or None for a nominal mention.

    A proper name: aligned on word boundaries, a leading article dropped, then every word
    capitalised except connectors ("Government of Iraq", "Minister for the Middle East"); the
    pronoun "I" and a lone sentence-initial common word ("Coalition" is kept only where its
    lowercase form never occurs) are not names."""
    if b < 0 or e > len(text) or b >= e:
        return None
    if (b > 0 and text[b - 1].isalnum()) or (e < len(text) and text[e].isalnum()):
        return None  # not aligned on words: a broken annotation
    seg = text[b:e]
    first = seg.split(None, 1)[0]
    if first.lower() in _DETERMINERS and len(seg) > len(first):
        b += len(first)
        while b < e and text[b].isspace():
            b += 1
    words = text[b:e].split()
    if not words or words == ["I"]:
        return None
    for w in words:
        if w.lower() in _CONNECTORS or w.lower().startswith(("al-", "el-")):
            continue
        if not (w[:1].isupper() or w[:1].isdigit()):
            return None
    before = text[:b].rstrip()
    at_start = not before or before[-1] in '.!?\n"“:'
    w = words[0]
    if len(words) == 1 and at_start and not w.isupper() and w.lower() in lower_vocab:
        return None
    return b, e


def eval_re3d(shared: Path) -> tuple[dict, dict, float, int]:
    docs = re3d_documents(shared)
    pred: set = set()
    gold: set = set()
    ignore: set = set()
    offset = 0
    words = 0
    t0 = time.perf_counter()
    for text, g, nominal in docs:
        sentences = split_sentences(text)
        for s, e, lab in predicted(text, sentences, OURS_TO_EVAL_RE3D):
            pred.add((s + offset, e + offset, lab))
        gold.update((s + offset, e + offset, lab) for s, e, lab in g)
        ignore.update((s + offset, e + offset) for s, e in nominal)
        offset += len(text) + 1
        words += len(text.split())
    elapsed = time.perf_counter() - t0
    return (
        score(pred, gold, SCORED, ignore),
        score(pred, gold, ("PRODUCT",), ignore),
        elapsed,
        words,
    )


def throughput(shared: Path, repeats: int = 3) -> dict[str, dict[str, float]]:
    """Words/s of extract_entities alone on text it has not seen: CoNLL dev (dense with names,
    sports tables) and re3d (plain news prose).

    Each pass starts with empty caches, then warms them on the *other* set (as a reader does
    on earlier articles), then times one pass over this set; best of `repeats`. "cold" is a
    pass with empty caches and no warm-up. Wall-clock and CPU (process) time are both given:
    the CPU figure is steadier on a shared machine."""
    sets = {
        "conll_dev": [(t, s) for t, s, _ in conll_documents(shared / "eval/ner/conll2003_dev.txt")],
        "re3d_dev": [(t, split_sentences(t)) for t, _, _ in re3d_documents(shared)],
    }
    out = {}
    for name, docs in sets.items():
        other = [d for n, ds in sets.items() if n != name for d in ds]
        words = sum(len(t.split()) for t, _ in docs)
        chars = sum(len(t) for t, _ in docs)
        wall = cpu = cold = float("inf")
        for _ in range(repeats):
            clear_caches()
            c0 = time.process_time()
            for text, spans in docs:
                extract_entities(text, spans)
            cold = min(cold, time.process_time() - c0)
            clear_caches()
            for text, spans in other:
                extract_entities(text, spans)
            t0, c0 = time.perf_counter(), time.process_time()
            for text, spans in docs:
                extract_entities(text, spans)
            wall = min(wall, time.perf_counter() - t0)
            cpu = min(cpu, time.process_time() - c0)
        out[name] = {
            "words": words,
            "words_per_s": words / wall,
            "mb_per_s": chars / wall / 1e6,
            "cpu_words_per_s": words / cpu,
            "cold_cpu_words_per_s": words / cold,
        }
    return out


def evaluate(shared_dir: Path) -> dict:
    """All entity figures as a dict (for benchmarks/eval_extract.py)."""
    preload()
    conll, _, _ = eval_conll(shared_dir)
    re3d, re3d_prod, _, _ = eval_re3d(shared_dir)
    return {
        "conll_dev": conll,
        "re3d_dev": re3d,
        "re3d_dev_product": re3d_prod["PRODUCT"],
        "pages": {
            split: eval_pages.evaluate(shared_dir, split) for split in ("dev", "check", "all")
        },
        "throughput": throughput(shared_dir),
    }


def _print_table(title: str, table: dict) -> None:
    print(f"\n{title}")
    print(f"  {'label':8} {'P':>7} {'R':>7} {'F1':>7} {'tp':>6} {'fp':>6} {'fn':>6}")
    for lab, r in table.items():
        print(
            f"  {lab:8} {r['precision']:7.3f} {r['recall']:7.3f} {r['f1']:7.3f}"
            f" {r['tp']:6d} {r['fp']:6d} {r['fn']:6d}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()
    if not args.shared.is_dir():
        print(f"{args.shared} not found", file=sys.stderr)
        return 2
    res = evaluate(args.shared)
    _print_table("CoNLL-2003 dev (exact span + label)", res["conll_dev"])
    _print_table("re3d dev, proper names (exact span + label)", res["re3d_dev"])
    _print_table(
        "re3d dev, PRODUCT (Weapon/Vehicle/MilitaryPlatform)", {"PRODUCT": res["re3d_dev_product"]}
    )
    print("\nentity panels of real pages (pages_guidelines.md; see eval_pages.py):")
    for split, r in res["pages"].items():
        f, t = r["found"], r["typed"]
        print(
            f"  {split:5} {r['pages']:2d} pages  found P {f['precision']:.3f} R {f['recall']:.3f}"
            f"  typed P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f}"
        )
    print("\nthroughput, extract_entities alone, unseen text (best of 3; see throughput()):")
    for name, t in res["throughput"].items():
        print(
            f"  {name:10} {t['words']:6d} words  warm {t['words_per_s']:9,.0f} words/s wall"
            f" {t['cpu_words_per_s']:9,.0f} cpu ({t['mb_per_s']:.2f} MB/s)"
            f"  cold {t['cold_cpu_words_per_s']:9,.0f} cpu"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
