"""Train the entity tagger's weights from CoNLL-2003 train and write them into the package.

    PYTHONPATH=. python scripts/build_entity_data.py [--shared ../shared] [--epochs 8]

Output: tui/core/extract/data/ner_weights.json.gz, a greedy averaged-perceptron BIO tagger over
candidate runs (see tui/core/extract/ner_features.py). Deterministic: same data, same weights.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tui.core.extract import ner_features as nf  # noqa: E402

N = len(nf.TAGS)
TAG_INDEX = {t: i for i, t in enumerate(nf.TAGS)}


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, IOB2 tag)."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
                cur = []
            continue
        if parts[0] == "-DOCSTART-":
            continue
        cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    return sents


def allowed(prev_tag: str) -> list[bool]:
    """Which tags may follow prev_tag (I-X only after B-X or I-X)."""
    ptype = prev_tag[2:] if prev_tag != "O" else ""
    return [not t.startswith("I-") or t[2:] == ptype for t in nf.TAGS]


ALLOWED = {t: allowed(t) for t in nf.TAGS}


def lowercase_words(sents: list[list[tuple[str, str]]]) -> list[str]:
    """Every word written in lowercase in the training text (an English vocabulary)."""
    return sorted({tok for sent in sents for tok, _ in sent if tok.isalpha() and tok.islower()})


def common_words(sents: list[list[tuple[str, str]]]) -> list[str]:
    """Lowercase words that, capitalised at a sentence start, are rarely part of a name.

    Seen sentence-initially: a name there less than 30% of the time; otherwise: frequent in
    lowercase and its capitalised form a name less than 10% of the time."""
    lower: dict[str, int] = {}
    cap: dict[str, int] = {}
    cap_ent: dict[str, int] = {}
    init: dict[str, int] = {}
    init_ent: dict[str, int] = {}
    for sent in sents:
        for i, (tok, tag) in enumerate(sent):
            if tok.islower() and tok.isalpha():
                lower[tok] = lower.get(tok, 0) + 1
            elif tok[:1].isupper() and not tok.isupper():
                low = tok.lower()
                cap[low] = cap.get(low, 0) + 1
                if tag != "O":
                    cap_ent[low] = cap_ent.get(low, 0) + 1
                if i == 0:
                    init[low] = init.get(low, 0) + 1
                    if tag != "O":
                        init_ent[low] = init_ent.get(low, 0) + 1
    out = []
    for w in lower:
        if init.get(w, 0) >= 2:
            if init_ent.get(w, 0) < 0.3 * init[w]:
                out.append(w)
        elif cap_ent.get(w, 0) <= 0.1 * cap.get(w, 0):
            out.append(w)
    return sorted(out)


def sentence_examples(sent: list[tuple[str, str]]) -> tuple[list, int, int]:
    """Per run: list of (features-without-prev-tag, gold tag index); plus entity coverage."""
    text = " ".join(tok for tok, _ in sent)
    starts: dict[int, str] = {}
    pos = 0
    spans = []
    for tok, tag in sent:
        starts[pos] = tag
        spans.append((pos, pos + len(tok), tag))
        pos += len(tok) + 1
    end = len(text)
    caps = nf.sentence_is_caps(text, 0, end)
    examples = []
    covered_tokens: set[int] = set()
    for run, prev, nxt in nf.iter_runs(text, 0, end, caps):
        words = [text[s:e] for s, e in run]
        n = len(run)
        items = []
        for i, (s, _e) in enumerate(run):
            tag = starts.get(s)
            if tag is None:
                tag = "O"
                for gs, ge, gt in spans:
                    if gs <= s < ge:
                        tag = "O" if gt == "O" else "I-" + gt[2:]
                        break
            else:
                covered_tokens.add(s)
            p = words[i - 1].lower() if i else prev
            q = words[i + 1].lower() if i + 1 < n else nxt
            feats = nf.word_features(words[i], caps, i == 0 and prev == "<S>")
            feats = feats + nf.context_features(p, q, i, n)
            items.append((feats, TAG_INDEX[tag]))
        examples.append(items)
    n_ent = sum(1 for _, t in sent if t.startswith("B-"))
    n_cov = 0
    for s, _e, t in spans:
        if t.startswith("B-") and s in covered_tokens:
            n_cov += 1
    return examples, n_ent, n_cov


class Perceptron:
    def __init__(self) -> None:
        self.w: dict[str, list[float]] = {}
        self.tot: dict[str, list[float]] = {}
        self.ts: dict[str, list[int]] = {}
        self.i = 0

    def scores(self, feats: list[str]) -> list[float]:
        sc = [0.0] * N
        w = self.w
        for f in feats:
            v = w.get(f)
            if v is not None:
                for k in range(N):
                    sc[k] += v[k]
        return sc

    def update(self, feats: list[str], gold: int, guess: int) -> None:
        self.i += 1
        if gold == guess:
            return
        for f in feats:
            v = self.w.setdefault(f, [0.0] * N)
            tot = self.tot.setdefault(f, [0.0] * N)
            ts = self.ts.setdefault(f, [0] * N)
            for c, d in ((gold, 1.0), (guess, -1.0)):
                tot[c] += (self.i - ts[c]) * v[c]
                ts[c] = self.i
                v[c] += d

    def averaged(self) -> dict[str, list[float]]:
        out = {}
        for f, v in self.w.items():
            tot, ts = self.tot[f], self.ts[f]
            out[f] = [(tot[c] + (self.i - ts[c]) * v[c]) / self.i for c in range(N)]
        return out


def tag_run(model_scores, items, use_gold_prev: bool = False):
    prev = "O"
    out = []
    for feats, gold in items:
        full = [*feats, "pt=" + prev]
        sc = model_scores(full)
        ok = ALLOWED[prev]
        best = max((k for k in range(N) if ok[k]), key=lambda k: sc[k])
        out.append((full, gold, best))
        prev = nf.TAGS[gold] if use_gold_prev else nf.TAGS[best]
    return out


def evaluate_tokens(weights: dict[str, list[float]], runs: list) -> float:
    def scores(feats):
        sc = [0.0] * N
        for f in feats:
            v = weights.get(f)
            if v is not None:
                for k in range(N):
                    sc[k] += v[k]
        return sc

    tp = fp = fn = 0
    for items in runs:
        res = tag_run(scores, items)
        for _, gold, guess in res:
            if gold and guess == gold:
                tp += 1
            else:
                if guess:
                    fp += 1
                if gold:
                    fn += 1
    return 2 * tp / max(1, 2 * tp + fp + fn)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--out", type=Path, default=nf.WEIGHTS_PATH)
    args = ap.parse_args()
    train = read_conll(args.shared / "eval/ner/conll2003_train.txt")
    dev = read_conll(args.shared / "eval/ner/conll2003_dev.txt")
    common = sorted(set(common_words(train)) | nf.gazetteer().get("FUNCTION", set()))
    header = "# Derived from CoNLL-2003 train by scripts/build_entity_data.py; do not edit.\n"
    nf.COMMON_PATH.write_text(header + "\n".join(common) + "\n", encoding="utf-8")
    nf.common_words.cache_clear()
    print(f"common words: {len(common)} -> {nf.COMMON_PATH}")
    lower = lowercase_words(train)
    nf.LOWER_PATH.write_text(header + "\n".join(lower) + "\n", encoding="utf-8")
    nf.lowercase_words.cache_clear()
    print(f"lowercase words: {len(lower)} -> {nf.LOWER_PATH}")
    train_runs: list = []
    n_ent = n_cov = 0
    for sent in train:
        ex, a, b = sentence_examples(sent)
        train_runs.extend(ex)
        n_ent += a
        n_cov += b
    print(f"train: {len(train_runs)} runs, entity starts inside runs {n_cov}/{n_ent}")
    dev_runs: list = []
    for sent in dev:
        dev_runs.extend(sentence_examples(sent)[0])
    model = Perceptron()
    rng = random.Random(13)
    order = list(range(len(train_runs)))
    for epoch in range(args.epochs):
        rng.shuffle(order)
        for j in order:
            for full, gold, guess in tag_run(model.scores, train_runs[j]):
                model.update(full, gold, guess)
        if epoch in (args.epochs // 2, args.epochs - 1):
            print(f"epoch {epoch}: dev token F1 {evaluate_tokens(model.averaged(), dev_runs):.4f}")
    weights = model.averaged()
    scale = 100.0
    packed = {}
    for f, v in weights.items():
        q = [round(x * scale) for x in v]
        if any(q):
            packed[f] = q
    print(f"features kept: {len(packed)} / {len(weights)}")
    # Precomputed word vectors (the sum of a word's own feature weights, as the runtime
    # computes it) for capitalised words frequent in training: no work for them at run time.
    freq: dict[str, int] = {}
    for sent in train:
        for tok, _ in sent:
            if tok[:1].isupper():
                freq[tok] = freq.get(tok, 0) + 1
    static = {}
    for word, c in freq.items():
        if c >= 2:
            found = [packed[f] for f in nf.word_features(word, False, False) if f in packed]
            if found:
                static[word] = [sum(col) for col in zip(*found, strict=True)]
    print(f"precomputed word vectors: {len(static)}")
    blob = {"tags": list(nf.TAGS), "scale": scale, "weights": packed, "static": static}
    data = json.dumps(blob, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with gzip.GzipFile(args.out, "wb", mtime=0) as fh:
        fh.write(data)
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
