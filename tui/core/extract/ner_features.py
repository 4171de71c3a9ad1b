"""Candidate runs, tokens and tagger features for the entity extractor.

Shared by the runtime (the entities package) and the training script (scripts/build_entity_data.py),
so that the tagger sees at run time exactly the features it was trained on.

Only *runs* are tagged: maximal sequences of capitalised tokens (and designations such as
S-400), possibly joined by connectors ("of", "for", "de", "&"...). Every other token is
outside any entity, which is what makes the extractor fast: lowercase prose is skipped by a
single regex search.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import groupby
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
GAZETTEER_PATH = DATA_DIR / "ner_gazetteer.txt"
BRANDS_PATH = DATA_DIR / "ner_brands.txt"
PLACES_PATH = DATA_DIR / "ner_places.txt"
WEIGHTS_PATH = DATA_DIR / "ner_weights.json.gz"
COMMON_PATH = DATA_DIR / "ner_common.txt"
LOWER_PATH = DATA_DIR / "ner_lower.txt"

MAX_RUN = 24  # tokens per run at most

TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")


def _upper_class() -> str:
    """A regex character class of every upper- or titlecase letter in the BMP."""
    ranges: list[tuple[int, int]] = []
    for cp in range(0x10000):
        ch = chr(cp)
        if ch.isupper() or ch.istitle():
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    parts = []
    for a, b in ranges:
        parts.append(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}")
    return "[" + "".join(parts) + "]"


_UP = _upper_class()
# Abbreviations that keep their full stop as part of the token.
_ABBR = (
    "Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Prof|St|Mt|Ft|Jr|Sr|Inc|Corp|Co|Ltd|No|"
    "Adm|Maj|Brig|Cpl|Rev|Hon|Messrs|Mme|Mlle|Bros|Dept|Univ|Assn|Ave|Blvd|Cmdr|Pres|Gens|"
    # US states as news agencies abbreviate them ("Reno, Nev."), and "Apt.", "Prop."
    "Ala|Ariz|Ark|Calif|Colo|Conn|Fla|Ill|Ind|Kan|Kans|Ky|Md|Mass|Mich|Minn|Mont|Neb|Nev|"
    "Okla|Ore|Tenn|Tex|Wash|Wis|Wyo|Va|Vt|Pa|Ga|Del|La|Apt|Prop"
)
# A word: letters/digits with internal hyphens, full stops and apostrophes, never swallowing a
# possessive 's, and never a trailing full stop.
_WORDTAIL = r"(?:[^\W_]|&|[-‐‑.](?=[^\W_])|['’](?![sS]\b)(?=[^\W_]))*"
# Arabic article prefixes of a name: "al-Sharaa", "ash-Shami".
_PREFIX = "(?:al|el|ad|as|an|ash|ar|ul)[-‐‑]"
_CAP = (
    rf"(?:(?:{_UP}\.){{2,}}(?![^\W_]|-[^\W_])"  # U.S., U.N. (not "U.S.-based")
    rf"|(?:{_ABBR})\.(?!\w)"
    rf"|{_UP}\.(?=[ \t]+{_UP}[^\W\d_])"  # an initial: "George W. Bush"
    rf"|(?:{_PREFIX})?{_UP}{_WORDTAIL})"
)
_CONN = r"(?:of|for|and|the|de|du|da|des|del|della|di|dos|van|von|der|den|la|le|y|bin|ibn|al|on|&)"
_SP = r"[ \t\u00a0]+"
# No lookbehind here: a leading lookbehind would stop the regex engine from skipping ahead to
# the next possible first character; iter_runs checks the word boundary instead.
# The lookahead of capitals lets the engine skip ahead quickly; a run's lowercase "al-"
# prefix is taken back by iter_runs (_PREFIX_RE), since allowing "a" and "e" as first
# characters made the engine try a name at nearly every word.
RUN_RE = re.compile(rf"(?={_UP}){_CAP}(?:{_SP}(?:{_CONN}{_SP})*{_CAP})*")
_PREFIX_RE = re.compile(_PREFIX + r"\Z")
TOKEN_RE = re.compile(rf"{_CAP}|[^\W_]{_WORDTAIL}|\S")
_NEXT_RE = re.compile(r"\s*([\w'’][\w'’-]*|\S)")
_DIGIT_RE = re.compile(r"\d")


def load_gazetteer(path: Path = GAZETTEER_PATH) -> dict[str, set[str]]:
    """Sections of the gazetteer file: kind -> set of names."""
    out: dict[str, set[str]] = {}
    kind = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            kind = line[1:-1]
            out.setdefault(kind, set())
            continue
        out[kind].add(line)
        if "'" in line:
            out[kind].add(line.replace("'", "’"))
    return out


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, set[str]]:
    """The hand-written gazetteer with the list of modern brands and platforms merged in."""
    out = load_gazetteer()
    if BRANDS_PATH.exists():
        for kind, names in load_gazetteer(BRANDS_PATH).items():
            out.setdefault(kind, set()).update(names)
    return out


@lru_cache(maxsize=1)
def token_gazetteer() -> dict[str, tuple[str, ...]]:
    """Single-token view of the gazetteer: token -> kinds it belongs to (first/other word)."""
    kinds: dict[str, list[str]] = {}
    for kind, names in gazetteer().items():
        for name in names:
            words = name.split()
            if len(words) == 1:
                kinds.setdefault(name, []).append(kind)
            else:
                for w in words:
                    kinds.setdefault(w, []).append("part" + kind)
    return {w: tuple(sorted(set(k))) for w, k in kinds.items()}


_SHAPE_ASCII = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)


def shape(word: str) -> str:
    """A compressed word shape: Xx, X, X.X., Xx-d ... (non-ASCII letters mapped too)."""
    s = word.translate(_SHAPE_ASCII)
    if not s.isascii():
        s = "".join(
            "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in s
        )
    return "".join(k for k, _ in groupby(s))


def sentence_is_caps(text: str, start: int, end: int) -> bool:
    """True for an all-caps line (a headline): every cased letter upper, and either several
    words or one long one ("AVOIDING"; an acronym like "NATO" alone is not a headline)."""
    seg = text[start:end]
    return seg.isupper() and (seg.count(" ") >= 2 or len(seg) >= 6)


PLACE_ALSO_ORG = "also-org"


@lru_cache(maxsize=1)
def _place_table() -> dict[str, bool]:
    """Place name -> whether CoNLL-2003 train also uses it as an organisation's name."""
    if not PLACES_PATH.exists():
        return {}
    out = {}
    for line in PLACES_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, mark = line.partition("\t")
            out[name] = mark == PLACE_ALSO_ORG
    return out


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Cities, countries and regions from open data (scripts/build_entity_places.py); used to
    type names, not as tagger features (the weights were trained without them)."""
    return frozenset(_place_table())


@lru_cache(maxsize=1)
def place_names_never_org() -> frozenset[str]:
    """The place names CoNLL-2003 train never uses for an organisation (no city-named team)."""
    return frozenset(name for name, also_org in _place_table().items() if not also_org)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lowercase words that, capitalised at a sentence start, are almost never a name.

    Derived from CoNLL-2003 train by scripts/build_entity_data.py ("however", "near", "the")."""
    if not COMMON_PATH.exists():
        return frozenset()
    lines = COMMON_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def lowercase_words() -> frozenset[str]:
    """Words seen in lowercase in CoNLL-2003 train: "HOPE" in a shouted line is a word."""
    if not LOWER_PATH.exists():
        return frozenset()
    lines = LOWER_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


# What a word after these starts: a sentence, a clause after a colon, a list item.
STARTS = frozenset(["<S>", ":", "•", "|", "—", "–", "*", "·", "►", "'", '"', "“", "‘", "("])


def run_tokens(
    text: str, rs: int, re_: int, prev: str, caps: bool
) -> tuple[list[tuple[int, int]], str]:
    """Token spans of a run, a sentence-initial common word ("However", "Near") cut off.

    Returns the spans and the word before the (possibly shortened) run."""
    seg = text[rs:re_]
    if " " in seg or "\t" in seg or "\u00a0" in seg:
        toks = [t.span() for t in TOKEN_RE.finditer(text, rs, re_)]
    else:
        toks = [(rs, re_)]  # a run without a space is a single token
    if prev in STARTS and not caps and toks:
        common = common_words()
        while toks:
            a, b = toks[0]
            low = text[a:b].lower()
            if low not in common:
                break
            toks.pop(0)
            prev = low
            # A connector cannot start a run either.
            while toks and not text[toks[0][0]].isupper():
                prev = text[toks[0][0] : toks[0][1]].lower()
                toks.pop(0)
    return toks, prev


_OPENERS = "\"'“‘(["
_BULLETS = "-•*–—·►"


def context_words(text: str, start: int, end: int, rs: int, re_: int) -> tuple[str, str]:
    """The word before a run and the word after it (lowercased), within the sentence."""
    j = rs
    while j > start and text[j - 1] in " \t\u00a0":
        j -= 1
    if j <= start:
        prev = "<S>"
    else:
        c = text[j - 1]
        if c.isalnum():
            k = max(text.rfind(" ", start, j), text.rfind("\n", start, j)) + 1
            prev = text[max(k, start) : j].lstrip(_OPENERS).lower() or c
        else:
            prev = c
            if c in _OPENERS + _BULLETS and not text[start : j - 1].strip(_OPENERS + " \t"):
                prev = "<S>"
    if re_ >= end:
        nxt = "</S>"
    else:
        m = _NEXT_RE.match(text, re_, min(end, re_ + 40))
        nxt = m.group(1).lower() if m else "</S>"
    return prev, nxt


def iter_runs(
    text: str, start: int, end: int, caps: bool
) -> Iterator[tuple[list[tuple[int, int]], str, str]]:
    """Yield (token spans, word before, word after) for each candidate run in a sentence.

    A run may not start inside a word ("iPhone", "U.S.-Iraq" after the hyphen) unless after
    "ex-" ("ex-Admiral Gorshkov"); such a first token is dropped and the rest kept."""
    common = common_words()
    last = start
    for m in RUN_RE.finditer(text, start, end):
        rs, re_ = m.span()
        if rs > last and text[rs - 1] in "-‐‑":
            prefix = _PREFIX_RE.search(text, max(last, rs - 4), rs)
            if prefix:
                rs = prefix.start()
        last = re_
        if rs == start and not caps and text[rs:re_].lower() in common:
            continue  # the commonest run of all: "The", "But", "However" opening a sentence
        if rs > start:
            c = text[rs - 1]
            if (c.isalnum() or c in "-‐‑_") and not text.startswith("ex-", rs - 3, rs):
                toks = [t.span() for t in TOKEN_RE.finditer(text, rs, re_)][1:]
                while toks and not text[toks[0][0]].isupper():
                    toks.pop(0)
                if not toks:
                    continue
                rs = toks[0][0]
        prev, nxt = context_words(text, start, end, rs, re_)
        toks, prev = run_tokens(text, rs, re_, prev, caps)
        if len(toks) <= MAX_RUN:
            if toks:
                yield toks, prev, nxt
            continue
        # No name is this long: cut hostile runs ("Russian Russian ...") into chunks, which
        # keeps the work per run bounded.
        for i in range(0, len(toks), MAX_RUN):
            chunk = toks[i : i + MAX_RUN]
            p = prev if i == 0 else text[toks[i - 1][0] : toks[i - 1][1]].lower()
            after = toks[i + MAX_RUN] if i + MAX_RUN < len(toks) else None
            q = nxt if after is None else text[after[0] : after[1]].lower()
            yield chunk, p, q


def word_features(word: str, caps: bool, first: bool) -> list[str]:
    """Features of a token that depend on the token alone (the caller caches their sum)."""
    lw = word.lower()
    form = word.title() if caps and len(word) > 4 and word.isalpha() else word
    feats = [
        "bias",
        "w=" + form,
        "lw=" + lw,
        "s3=" + lw[-3:],
        "s2=" + lw[-2:],
        "p3=" + lw[:3],
        "sh=" + shape(word),
    ]
    if _DIGIT_RE.search(word):
        feats.append("digit")
    gaz = token_gazetteer()
    for kind in gaz.get(form, ()) or gaz.get(word, ()):
        feats.append("gz=" + kind)
    if caps:
        feats = [f + "|C" for f in feats]
    if first:
        feats.append("fw=" + lw)
        feats.append("first")
    return feats


def context_features(prev: str, nxt: str, i: int, n: int) -> list[str]:
    """Features of a token from its neighbours and its position in the run."""
    pos = "S" if n == 1 else ("B" if i == 0 else ("E" if i == n - 1 else "M"))
    return ["pw=" + prev, "nw=" + nxt, "pos=" + pos, "n=" + str(min(n, 4))]
