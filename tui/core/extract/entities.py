"""Named entities: a fast, offline, pure-Python extractor.

How it works:
1. One compiled regex finds *runs* of capitalised tokens (and designations such as S-400)
   inside each sentence; lowercase prose is never looked at token by token.
2. A greedy averaged-perceptron BIO tagger (weights trained on CoNLL-2003 train by
   scripts/build_entity_data.py, shipped in data/ner_weights.json.gz) labels each run's tokens
   PER/ORG/LOC/MISC, using word, shape, suffix, context and gazetteer features.
3. Rules map those to OntoNotes labels (GPE/LOC/FAC, NORP, PRODUCT, EVENT) and catch what
   newswire training data does not teach: weapon designations, ship prefixes, "Operation X".
4. Document-level consistency: a surname alone refers to the full name met before, a
   designation alone to its longer form, an acronym in brackets to the name it follows, and a
   string gets the label most of its mentions got (rule and gazetteer labels vote more).
5. Ordinary words are kept out: a sentence-opening common word is cut off its run ("However",
   "In May's"), a lone opening word needs a clear margin or is dropped when the text also
   writes it in lowercase, and an all-caps headline (or a shouted "HOPE" in a line) keeps only
   names the rest of the text or the gazetteer confirms.

Speed: work is done per run, not per word; word vectors, context vectors and whole runs are
cached across calls (bounded), and vectors of frequent training words ship with the weights.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tui.core.extract import ner_features as nf
from tui.core.model import Entity, Span

# CoNLL types the tagger emits.
_PER, _ORG, _LOC, _MISC = "PER", "ORG", "LOC", "MISC"
_TAG_TYPES = tuple(t[2:] if t != "O" else "" for t in nf.TAGS)
_TAG_IS_B = tuple(t.startswith("B-") for t in nf.TAGS)
_I_PER = nf.TAGS.index("I-PER")
_NAME_PARTICLES = ("al-", "el-", "ad-", "as-", "an-", "ar-", "ash-", "ul-")
_RULER_NOUNS = frozenset(["regime", "dictatorship", "administration"])

_DESIGNATION_RE = re.compile(r"[A-Z][A-Za-z]{0,3}[-‐‑]?\d{1,4}[A-Za-z]{0,4}\Z")
_MODEL_NUMBER_RE = re.compile(r"[A-Z]?\d{2,4}[A-Za-z]{0,3}\Z")
_ACRONYM_RE = re.compile(r" ?\(\s*([A-Z][A-Za-z&.\-]*[A-Z][A-Za-z.]*)\s*\)")
_NUMBER_AFTER_RE = re.compile(r"[ \t]+([A-Z]?\d{2,4}[A-Za-z]{0,3})(?:[ \t]+([A-Z]{2,4})\b)?")
_RENAMED_BEFORE_RE = re.compile(r"\(\s*(?:ex-|formerly\s+|former\s+)\Z")
_RENAMED = "?renamed"
# How much more than "O" (in weight units: the shipped weights are scaled by 100) a lone
# sentence-initial capitalised word must score to be a name ("Images have emerged...").
_FIRST_MARGIN = 400
# Words that make a multi-word name an organisation whatever the tagger thought.
_STRONG_ORGCUE = frozenset(
    [
        "Institute",
        "University",
        "Ministry",
        "Agency",
        "Council",
        "Party",
        "Bank",
        "Corporation",
        "Corp",
        "Corp.",
        "Inc",
        "Inc.",
        "Ltd",
        "Ltd.",
        "Association",
        "Committee",
        "Commission",
        "Organisation",
        "Organization",
        "Foundation",
        "Society",
        "Service",
        "Federation",
        "Union",
        "League",
        "Company",
        "Department",
        "Directorate",
        "Authority",
        "Bureau",
        "Forces",
        "Police",
        "Army",
        "Navy",
        "Academy",
        "College",
    ]
)
# Titles that split a name and are never part of a person's name.
_TITLES = frozenset(
    [
        "Mr",
        "Mr.",
        "Mrs",
        "Mrs.",
        "Ms",
        "Ms.",
        "Dr",
        "Dr.",
        "President",
        "Mayor",
        "Governor",
        "Gov.",
        "Senator",
        "Sen.",
        "Rep.",
        "Representative",
        "Minister",
        "Secretary",
        "Chancellor",
        "Gen.",
        "General",
        "Lt.",
        "Col.",
        "Colonel",
        "Capt.",
        "Captain",
        "Sgt.",
        "Sergeant",
        "Maj.",
        "Major",
        "Brig.",
        "Adm.",
        "Commander",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Pope",
        "Sheikh",
        "Judge",
        "Ambassador",
        "Spokesman",
        "Spokeswoman",
        "Chairman",
        "Chairwoman",
        "Professor",
        "Prof.",
        "Coach",
        "Commissioner",
        "Councilman",
        "Councilwoman",
        "Councilmember",
        "Assemblyman",
        "Assemblywoman",
        "Premier",
        "Chief",
        "Attorney",
        "Vice-President",
        "Vice-Chairman",
        "Superintendent",
        "Inspector",
        "Detective",
        "Sheriff",
        "Supervisor",
    ]
)
# Words that continue a title: "Prime Minister", "Secretary of State", "Foreign Secretary".
_TITLE_WORDS = _TITLES | frozenset(
    [
        "Prime",
        "Vice",
        "Deputy",
        "Acting",
        "Foreign",
        "Defence",
        "Defense",
        "Home",
        "Interior",
        "Finance",
        "Treasury",
        "State",
        "Homeland",
        "Security",
        "Energy",
        "Health",
        "Education",
        "Justice",
        "Commerce",
        "Labor",
        "Labour",
        "Agriculture",
        "Transport",
        "Trade",
        "Industry",
        "External",
        "Affairs",
        "General",
        "Attorney",
        "Assistant",
        "Under",
        "Senior",
        "Executive",
        "Press",
        "Communications",
    ]
)
# Lone words that head names but are not names themselves ("the Office said").
_GENERIC_HEADS = frozenset(
    [
        "Office",
        "Department",
        "Ministry",
        "Council",
        "Committee",
        "Commission",
        "Agency",
        "Service",
        "Services",
        "Institute",
        "University",
        "College",
        "School",
        "Court",
        "Bureau",
        "Board",
        "Authority",
        "Association",
        "Foundation",
        "Society",
        "Union",
        "Federation",
        "League",
        "Company",
        "Corporation",
        "Group",
        "Island",
        "Islands",
        "River",
        "Street",
        "Road",
        "Avenue",
        "Bridge",
        "Airport",
        "Station",
        "Square",
        "Centre",
        "Center",
        "Hospital",
    ]
)
# Byline words: "Swarajya Staff", "Reuters Staff" name the outlet, not a person.
_BYLINE_WORDS = frozenset(
    ["Staff", "Desk", "Correspondent", "Correspondents", "Reporter", "Reporters"]
)


@dataclass(slots=True)
class _Model:
    weights: dict[str, list[int]]
    allowed: tuple[tuple[int, ...], ...]
    static: dict[tuple[str, bool, bool], list[int]] = field(default_factory=dict)
    context: dict[tuple[str, int, int], list[int]] = field(default_factory=dict)
    zero: list[int] = field(default_factory=lambda: [0] * len(nf.TAGS))
    # Word vectors shipped with the weights (frequent training words); `static` starts as it.
    base: dict[tuple[str, bool, bool], list[int]] = field(default_factory=dict)
    # Whole runs seen before, with the same neighbours: the same mentions (bounded).
    runs: dict[tuple[tuple[str, ...], str, str, bool], Any] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _model() -> _Model:
    with gzip.open(nf.WEIGHTS_PATH, "rt", encoding="utf-8") as fh:
        blob = json.load(fh)
    if tuple(blob["tags"]) != nf.TAGS:
        raise ValueError("entity weights were trained for another tag set")
    # Integer weights (scaled by blob["scale"]) are used as they are: scaling every weight by
    # the same factor does not change which tag scores best.
    weights = blob["weights"]
    base = {(w, False, False): v for w, v in blob.get("static", {}).items()}
    allowed = []
    for prev in nf.TAGS:
        ptype = prev[2:] if prev != "O" else ""
        allowed.append(
            tuple(k for k, t in enumerate(nf.TAGS) if not t.startswith("I-") or t[2:] == ptype)
        )
    return _Model(weights, tuple(allowed), dict(base), base=base)


@lru_cache(maxsize=1)
def _gaz() -> dict[str, set[str]]:
    return nf.gazetteer()


def _static_vector(model: _Model, word: str, caps: bool, first: bool) -> list[int]:
    key = (word, caps, first)
    vec = model.static.get(key)
    if vec is None:
        w = model.weights
        found = [v for v in map(w.get, nf.word_features(word, caps, first)) if v is not None]
        vec = list(map(sum, zip(*found, strict=False))) if found else model.zero
        if len(model.static) > 200_000:
            model.static = dict(model.base)
        model.static[key] = vec
    return vec


def _context_vector(model: _Model, pos: str, n: int, prev_tag: int) -> list[int]:
    """Sum of the position, run-length and previous-tag weights (a handful of combinations)."""
    key = (pos, n, prev_tag)
    vec = model.context.get(key)
    if vec is None:
        vec = [0] * len(nf.TAGS)
        for f in ("pos=" + pos, "n=" + str(n), "pt=" + nf.TAGS[prev_tag]):
            v = model.weights.get(f)
            if v is not None:
                vec = [a + b for a, b in zip(vec, v, strict=False)]
        model.context[key] = vec
    return vec


def _tag_run(model: _Model, words: list[str], prev: str, nxt: str, caps: bool) -> list[int]:
    """Greedy left-to-right tags (indexes into nf.TAGS) for one run."""
    w = model.weights
    zero = model.zero
    static = model.static
    n = len(words)
    if n == 1:
        # The commonest run, one word: no loop, no neighbours inside the run.
        word = words[0]
        first = prev == "<S>"
        vs = static.get((word, caps, first))
        if vs is None:
            vs = _static_vector(model, word, caps, first)
        vc = model.context.get(("S", 1, 0))
        if vc is None:
            vc = _context_vector(model, "S", 1, 0)
        vp = w.get("pw=" + prev, zero)
        vn = w.get("nw=" + nxt, zero)
        al = model.allowed[0]
        sc = [vs[k] + vc[k] + vp[k] + vn[k] for k in al]
        top = max(sc)
        best = al[sc.index(top)]
        if best and prev in nf.STARTS and top - sc[0] < _FIRST_MARGIN:
            best = 0  # a lone word opening a sentence, quotation or clause needs a margin
        return [best]
    context = model.context
    allowed = model.allowed
    nn = min(n, 4)
    out: list[int] = []
    prev_tag = 0
    first = prev == "<S>"
    lowers = [x.lower() for x in words]
    last = n - 1
    for i, word in enumerate(words):
        vs = static.get((word, caps, first and i == 0))
        if vs is None:
            vs = _static_vector(model, word, caps, first and i == 0)
        pos = "B" if i == 0 else ("E" if i == last else "M")
        vc = context.get((pos, nn, prev_tag))
        if vc is None:
            vc = _context_vector(model, pos, nn, prev_tag)
        vp = w.get("pw=" + (lowers[i - 1] if i else prev), zero)
        vn = w.get("nw=" + (lowers[i + 1] if i < last else nxt), zero)
        al = allowed[prev_tag]
        sc = [vs[k] + vc[k] + vp[k] + vn[k] for k in al]
        top = max(sc)
        best = al[sc.index(top)]
        out.append(best)
        prev_tag = best
    return out


def _bio_spans(tags: list[int]) -> list[tuple[int, int, str]]:
    """Token-index spans [i, j) with their CoNLL type."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    typ = ""
    for i, t in enumerate(tags):
        ttype = _TAG_TYPES[t]
        if start >= 0 and (not ttype or _TAG_IS_B[t] or ttype != typ):
            spans.append((start, i, typ))
            start = -1
        if ttype and start < 0:
            start, typ = i, ttype
    if start >= 0:
        spans.append((start, len(tags), typ))
    return spans


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    label: str  # OntoNotes label
    text: str
    tokens: tuple[str, ...]
    first: bool  # sentence-initial
    key: str = ""
    caps: bool = False  # found in an all-caps line
    strong: bool = False  # labelled by a rule or the gazetteer rather than the tagger alone

    def __post_init__(self) -> None:
        t = self.text
        self.key = t.casefold() if t.isalnum() else _key(t)


def _is_designation(word: str) -> bool:
    return (
        bool(_DESIGNATION_RE.match(word))
        and any(c.isdigit() for c in word)
        and ("-" in word or "‐" in word or "‑" in word or sum(c.isupper() for c in word) >= 2)
    )


def _map_label(typ: str, words: list[str], nxt: str) -> str | None:
    """OntoNotes label for a tagger span, or None to drop it."""
    g = _gaz()
    name = words[0] if len(words) == 1 else " ".join(words)
    last = words[-1]
    if name in g["PRODUCT"] or last in g["PRODUCT"]:
        return "PRODUCT"
    if name in g["MAKER"]:
        return "ORG"
    if len(words) > 1 and last in _STRONG_ORGCUE and typ != _ORG:
        return "ORG"
    if typ == _PER:
        if len(words) == 1 and (name in g["COUNTRY"] or name in g["STATE"]):
            return "GPE"
        if len(words) > 1 and last in g["LOCCUE"]:
            return "LOC"  # "Hart Island"
        if len(words) > 1 and last in g["FACCUE"]:
            return "FAC"  # "Bruckner Boulevard"
        return "PERSON"
    if typ == _ORG:
        if name in g["NORP"]:
            return "NORP"
        if words[0] in g["EVENTCUE"] and words[0] == "Operation":
            return "EVENT"
        return "ORG"
    if words[0] in ("Camp", "Fort", "Mount", "Lake") and len(words) > 1 and typ != _PER:
        return "FAC" if words[0] in ("Camp", "Fort") else "LOC"
    if name in g["REGION"] and typ != _PER:
        return "LOC"
    if typ == _LOC:
        if name in g["COUNTRY"] or name in g["CITY"] or name in g["STATE"]:
            return "GPE"
        if last in g["FACCUE"] or name in g["FACCUE"]:
            return "FAC"
        if last in g["LOCCUE"] or words[0] in g["LOCCUE"]:
            return "LOC"
        return "GPE"
    # MISC
    if last.endswith(_ADJECTIVAL):
        return None
    if name in g["NORP"] or (len(words) == 1 and _looks_norp(last)):
        return "NORP"
    if last in g["EVENTCUE"] or words[0] in ("Operation", "Battle", "World"):
        return "EVENT"
    if nxt in g["PRODNOUN"] or any(_is_designation(w) for w in words):
        return "PRODUCT"
    return None


def _looks_norp(word: str) -> bool:
    low = word.lower()
    return low.endswith(("ian", "ians", "ese", "ish", "ani", "an", "ans", "i", "is")) and (
        word[:1].isupper() and not word.isupper()
    )


_GAZ_LABEL = {
    "ORG": "ORG",
    "MAKER": "ORG",
    "COUNTRY": "GPE",
    "REGION": "LOC",
    "CITY": "GPE",
    "STATE": "GPE",
    "PRODUCT": "PRODUCT",
    "NORP": "NORP",
}
_ADJECTIVAL = ("-held", "-led", "-backed", "-based", "-controlled", "-made", "-built", "-born")


@lru_cache(maxsize=1)
def _multiword() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Multi-word gazetteer names by first word, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, label in _GAZ_LABEL.items():
        for name in _gaz()[kind]:
            words = tuple(name.split())
            if len(words) > 1:
                out.setdefault(words[0], []).append((words, label))
    for v in out.values():
        v.sort(key=lambda x: -len(x[0]))
    return out


@lru_cache(maxsize=1)
def _gazetteer_names() -> frozenset[str]:
    return frozenset(name for kind in _GAZ_LABEL for name in _gaz()[kind])


def _is_connector(word: str) -> bool:
    """ "of", "the", "&", "de" join a name but never start or end one ("al-Abadi" does)."""
    return (not word[:1].isupper() and not word[:1].isdigit() and word.islower()) or word == "&"


def _rule_spans(words: list[str], caps: bool) -> list[tuple[int, int, str]]:
    """Spans set by rules: ship names, designations, operations, NORP + org name."""
    g = _gaz()
    n = len(words)
    rule: list[tuple[int, int, str]] = []
    i = 0
    while i < n:
        w = words[i]
        if w in g["SHIPPREFIX"] and i + 1 < n and words[i + 1][:1].isupper():
            j = i + 1
            while j < n and words[j][:1].isupper() and words[j] not in g["SHIPPREFIX"]:
                j += 1
            rule.append((i, j, "PRODUCT"))
            i = j
            continue
        if _is_designation(w):
            s = i - 1 if i > 0 and words[i - 1] in g["MAKER"] else i
            j = i + 1
            while j < n and (
                words[j] in g["PRODUCT"]
                or (
                    not caps
                    and words[j].isupper()
                    and len(words[j]) <= 4
                    and words[j] not in g["ORG"]
                )
                or (
                    not caps
                    and j == i + 1
                    and words[j][:1].isupper()
                    and words[j] not in g["COUNTRY"]
                    and words[j] not in g["NORP"]
                    and words[j] not in g["ORG"]
                    and words[j] not in g["MAKER"]
                    and words[j] not in g["CITY"]
                    and not _is_designation(words[j])
                )
            ):
                j += 1
            if s < i and rule and rule[-1][1] > s:
                s = i
            rule.append((s, j, "PRODUCT"))
            i = j
            continue
        if w == "Operation" and i + 1 < n and words[i + 1][:1].isupper():
            j = i + 1
            while j < n and words[j][:1].isupper():
                j += 1
            rule.append((i, j, "EVENT"))
            i = j
            continue
        if i == 0 and not caps and n > 1 and w not in _TITLE_WORDS and w not in g["NORP"]:
            # "Stockholm International Peace Research Institute": capitalised words that end
            # in a strong organisation word are one organisation, whatever their parts are.
            end = -1
            for j in range(1, n):
                if words[j] in _STRONG_ORGCUE:
                    end = j + 1
                elif (
                    not (words[j][:1].isupper() or words[j] in ("of", "for", "and", "the", "&"))
                    or words[j] in _TITLES
                ):
                    break
            if end > 0 and " ".join(words[:end]) in _gazetteer_names():
                end = -1  # "West Bank" is a place
            if 0 < end < n and words[end] in ("of", "for"):
                # "Federal Service for Military-Technical Cooperation", "Bank of England"
                k = end
                while k < n and words[k] not in _TITLES:
                    k += 1
                while k > end and _is_connector(words[k - 1]):
                    k -= 1
                end = k if k > end + 1 else end
            if end > 0:
                rule.append((0, end, "ORG"))
                i = end
                continue
        if not caps and w in g["NORP"] and i + 2 <= n:
            # "Indian Armed Forces", "Syrian Computer Society": a nationality + an org name.
            end = -1
            for j in range(i + 1, n):
                if words[j] in g["ORGCUE"]:
                    end = j + 1
                elif not (words[j][:1].isupper() or words[j] in ("of", "for", "and", "the")):
                    break
            if end > 0:
                rule.append((i, end, "ORG"))
                i = end
                continue
        i += 1
    return rule


def _is_contraction(word: str) -> bool:
    """ "We're", "I’ve", "Let's": a pronoun or verb with a clitic, not a name."""
    for apo in ("'", "’"):
        i = word.find(apo)
        if i > 0:
            return word[:i].lower() in nf.common_words() or word[:i] == "I"
    return False


def _gazetteer_label(w: str, caps: bool) -> str | None:
    """Label of a word the tagger left out that the gazetteer knows for sure."""
    g = _gaz()
    form = w.title() if caps and len(w) > 3 else w
    if form in g["COUNTRY"] or form in g["CITY"]:
        return "GPE"
    if w in g["PRODUCT"] and w[:1].isupper():
        return "PRODUCT"
    if (form in g["MAKER"] and not caps) or (w in g["ORG"] and len(w) > 1):
        return "ORG"
    return None


def _add_tagged(
    words: list[str], tagged: list[tuple[int, int, str]], s: int, e: int, typ: str
) -> None:
    # Connectors never start or end a mention.
    while s < e and _is_connector(words[s]):
        s += 1
    while e > s and _is_connector(words[e - 1]):
        e -= 1
    if s < e:
        tagged.append((s, e, typ))


def _add_left_of_title(
    words: list[str], tagged: list[tuple[int, int, str]], s: int, e: int, typ: str
) -> None:
    """What precedes a title: a place or an organisation ("U.S.", "New York City"), else
    nothing ("Acting")."""
    common = nf.common_words()
    while s < e and words[s].lower() in common:
        s += 1
    if s >= e:
        return
    name = " ".join(words[s:e])
    g = _gaz()
    for kind, label in _GAZ_LABEL.items():
        if name in g[kind]:
            tagged.append((s, e, _LOC if label == "GPE" else _ORG if label == "ORG" else _MISC))
            return
    if typ != _PER:
        _add_tagged(words, tagged, s, e, typ)


_RunSpecs = tuple[tuple[tuple[int, int, str, bool], ...], tuple[int, ...]]


def _run_specs(words: list[str], tags: list[int], nxt: str, caps: bool) -> _RunSpecs:
    """One tagged run's mentions as token-index spans: rules first, then the tagger, then
    gazetteers. Returns ((start, end, label, strong)...) and the indexes of tokens left out."""
    g = _gaz()
    n = len(words)
    if n == 1 and (words[0].isalpha() or not _is_designation(words[0])):
        # Fast path for the commonest run: one capitalised word.
        w = words[0]
        typ = _TAG_TYPES[tags[0]]
        if nxt in _RULER_NOUNS and typ and w not in _gazetteer_names():
            typ = _PER  # "the Assad regime", "the Trump administration"
        lab = None
        if (
            typ
            and len(w) > 1
            and w not in g["NOTENT"]
            and w not in _GENERIC_HEADS
            and w not in _TITLES
            and not w.endswith(_ADJECTIVAL)
            and not (("'" in w or "’" in w) and _is_contraction(w))
        ):
            if w in g["ORG"] and typ in (_PER, _MISC):
                typ = _ORG
            lab = _map_label(typ, words, nxt)
        strong = False
        if lab is None:
            lab = _gazetteer_label(w, caps)
            strong = True
        if lab is None:
            return (), () if caps else (0,)
        return ((0, 1, lab, strong),), ()
    rule = _rule_spans(words, caps)
    for i in range(1, n):
        # "Haider al-Abadi", "Osama bin Laden": a particle-led word continues a person's name.
        if _TAG_TYPES[tags[i - 1]] == _PER and words[i].startswith(_NAME_PARTICLES):
            tags = list(tags)
            tags[i] = _I_PER
    tagged: list[tuple[int, int, str]] = []
    for s, e, typ in _bio_spans(tags):
        # A title inside a name splits it: "New York City Mayor Bill de Blasio", "Acting U.S.
        # Attorney Joshua Levy", "Secretary of State John Kerry".
        for t in range(s, e - 1):
            if words[t] in _TITLES and words[t + 1][:1].isupper():
                k = t + 1
                while k < e - 1 and (words[k] in _TITLE_WORDS or _is_connector(words[k])):
                    k += 1
                if words[e - 1] in _STRONG_ORGCUE:
                    break  # "President Obama Administration" is not a person
                if t > s:
                    _add_left_of_title(words, tagged, s, t, typ)
                s, typ = k, _PER
                break
        _add_tagged(words, tagged, s, e, typ)
    # Multi-word gazetteer names, unless the tagger found a longer name around them.
    mw = _multiword()
    for i in range(n):
        cands = mw.get(words[i])
        if not cands:
            continue
        for cw, label in cands:
            j = i + len(cw)
            if tuple(words[i:j]) == cw:
                if not any(s <= i and j <= e and e - s > j - i for s, e, _ in tagged):
                    rule.append((i, j, label))
                break
    taken = [False] * n
    spans: list[tuple[int, int, str]] = []
    strong: set[int] = set()  # starts of spans a rule or the gazetteer set (they vote more)
    for s, e, lab in sorted(rule, key=lambda x: (x[0], -x[1])):
        if any(taken[s:e]):
            continue
        spans.append((s, e, lab))
        strong.add(s)
        for k in range(s, e):
            taken[k] = True
    for s, e, typ in tagged:
        if any(taken[s:e]):
            continue
        if e - s > 1 and words[e - 1] in _BYLINE_WORDS:
            e -= 1
            typ = _ORG
            strong.add(s)
        ws = words[s:e]
        if e - s == 1:
            w = ws[0]
            if len(w) == 1 or w in g["NOTENT"] or w in _GENERIC_HEADS or w.endswith(_ADJECTIVAL):
                continue
            if w in g["ORG"] and typ in (_PER, _MISC):
                typ = _ORG
        follow = nxt if e == n else words[e].lower()
        lab = _map_label(typ, ws, follow)
        if lab is None:
            continue
        spans.append((s, e, lab))
        for k in range(s, e):
            taken[k] = True
    # Untagged country/city names, gazetteer products and organisations (tagger said O).
    for k in range(n):
        if taken[k]:
            continue
        lab = _gazetteer_label(words[k], caps)
        if lab:
            spans.append((k, k + 1, lab))
            strong.add(k)
            taken[k] = True
    spans.sort()
    specs = tuple((s, e, lab, s in strong) for s, e, lab in spans)
    left = () if caps else tuple(k for k in range(n) if not taken[k])
    return specs, left


def _tag_text(text: str, sentences: list[Span]) -> tuple[list[_Mention], list[tuple[int, int]]]:
    """Mentions found by the tagger and rules, plus untagged run tokens (for doc consistency)."""
    model = _model()
    mentions: list[_Mention] = []
    leftovers: list[tuple[int, int]] = []
    iter_runs = nf.iter_runs
    cache = model.runs
    if any(a[0] > b[0] for a, b in itertools.pairwise(sentences)):
        sentences = sorted(sentences)
    done = 0  # sentence spans may overlap or overrun the text: never read a character twice
    size = len(text)
    for ss, se in sentences:
        ss = max(ss, done)
        se = min(se, size)
        if ss >= se:
            continue
        done = se
        caps = nf.sentence_is_caps(text, ss, se)
        # A Title Case headline ("San Francisco To Begin Income Program For Artists") is
        # tagged as prose, but its names must be confirmed like an all-caps headline's.
        titled = not caps and _is_title_case(text, ss, se)
        start_mentions = len(mentions)
        for toks, prev, nxt in iter_runs(text, ss, se, caps):
            rs = toks[0][0]
            if prev in ("-", "formerly", "former") and _RENAMED_BEFORE_RE.search(
                text, max(ss, rs - 12), rs
            ):
                # "(ex-Admiral Gorshkov)": the whole run names the thing before it; its label
                # is settled in extract_entities.
                a, b = toks[0][0], toks[-1][1]
                words = tuple(text[a:b].split())
                mentions.append(_Mention(a, b, _RENAMED, text[a:b], words, False))
                continue
            words = [text[a:b] for a, b in toks]
            key = (tuple(words), prev, nxt, caps)
            found = cache.get(key)
            if found is None:
                found = _run_specs(words, _tag_run(model, words, prev, nxt, caps), nxt, caps)
                if len(cache) > 100_000:
                    cache.clear()
                cache[key] = found
            specs, left = found
            first = prev == "<S>"
            for i, j, lab, strong in specs:
                a, b = toks[i][0], toks[j - 1][1]
                mentions.append(
                    _Mention(
                        a,
                        b,
                        lab,
                        text[a:b],
                        tuple(words[i:j]),
                        first and i == 0,
                        caps=caps,
                        strong=strong,
                    )
                )
            for k in left:
                leftovers.append(toks[k])
        if titled:
            for m in mentions[start_mentions:]:
                m.caps = True
    return mentions, leftovers


_TITLE_CASE_SMALL = frozenset(
    ["To", "For", "In", "Of", "On", "With", "And", "The", "A", "At", "By"]
)


_TITLE_SMALL_RE = re.compile(r" (?:To|For|In|Of|On|With|And|The|A|At|By) ")


def _is_title_case(text: str, start: int, end: int) -> bool:
    """A headline in Title Case: several words, nearly all capitalised, small words too."""
    if end - start > 200 or not _TITLE_SMALL_RE.search(text, start, end):
        return False
    words = [w for w in text[start:end].split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    small = sum(1 for w in words[1:] if w in _TITLE_CASE_SMALL)
    return small >= 1 and capitalised >= 0.8 * len(words)


def _key(s: str) -> str:
    return " ".join(s.split()).casefold().replace("’", "'")


def _caps_label(m: _Mention) -> str | None:
    """The label of a name from an all-caps line that the gazetteer or a designation confirms."""
    g = _gaz()
    if m.label == "PRODUCT" and any(c.isdigit() for c in m.text):
        return "PRODUCT"
    form = " ".join(
        w if len(w) <= 4 and w.isalpha() and w in g["ORG"] else w.title() for w in m.tokens
    )
    for kind, label in _GAZ_LABEL.items():
        if m.text in g[kind] or form in g[kind]:
            return label
    return None


def _has_lowercase_use(text: str, low: str, cache: dict[str, bool]) -> bool:
    """Whether the text also writes this word in lowercase, as a whole word."""
    found = cache.get(low)
    if found is None:
        found = cache[low] = _find_whole_word(text, low)
    return found


def _find_whole_word(text: str, low: str) -> bool:
    i = text.find(low)
    while i >= 0:
        j = i + len(low)
        if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
            return True
        i = text.find(low, j)
    return False


def _renamed_label(m: _Mention, prev_m: _Mention | None) -> str | None:
    """'(ex-Admiral Gorshkov)' right after a product names the same kind of thing."""
    if prev_m is None or m.start - prev_m.end > 12 or prev_m.label == _RENAMED:
        return None
    return prev_m.label


def preload() -> None:
    """Load the tagger weights and gazetteers now (they load lazily on first use otherwise);
    call before timing or in a background thread at start-up."""
    _model()
    _multiword()
    _gazetteer_names()
    nf.token_gazetteer()
    nf.common_words()
    nf.lowercase_words()


def clear_caches() -> None:
    """Forget the per-word and per-run results cached across calls (benchmarks use this to
    time unseen text honestly)."""
    model = _model()
    model.static = dict(model.base)
    model.context.clear()
    model.runs.clear()


def extract_entities(text: str, sentences: list[Span]) -> list[Entity]:
    """Entities named in the text, each with all its mentions (sorted, non-overlapping)."""
    if not text:
        return []
    if not sentences:
        from tui.core.sentences import split_sentences

        sentences = split_sentences(text)
    mentions, leftovers = _tag_text(text, sentences)
    mentions.sort(key=lambda x: x.start)

    # Renamed things: "INS Vikramaditya (ex-Admiral Gorshkov)".
    if any(m.label == _RENAMED for m in mentions):
        for i, m in enumerate(mentions):
            if m.label == _RENAMED:
                m.label = _renamed_label(m, mentions[i - 1] if i else None) or ""
        mentions = [m for m in mentions if m.label]

    # One pass: extend "Boeing 737 MAX" (a maker followed by a model number), mark shouted
    # words, and count label votes per surface string (sentence-initial and all-caps mentions
    # vote less, rule and gazetteer labels more).
    g = _gaz()
    makers = g["MAKER"]
    lower = nf.lowercase_words()
    extended = False
    votes: dict[str, dict[str, float]] = {}
    for m in mentions:
        if m.label == "ORG" and m.text in makers:
            nm = _NUMBER_AFTER_RE.match(text, m.end)
            if nm and _MODEL_NUMBER_RE.match(nm.group(1)):
                m.end = nm.end()
                m.text = text[m.start : m.end]
                m.tokens = tuple(m.text.split())
                m.label = "PRODUCT"
                m.key = _key(m.text)
                extended = True
        upper = m.text.isupper()
        # Shouted words in a mixed line ("A SIMPLE GUIDE: How do I...") are treated as a
        # headline's: "HOPE" is "hope", but "TASS" and "NATO" are names.
        if upper and not m.caps and any(t.lower() in lower for t in m.tokens):
            m.caps = True
        weight = 0.5 if m.first or (upper and len(m.text) > 4) else 1.0
        if m.strong:
            weight *= 3.0
        d = votes.get(m.key)
        if d is None:
            votes[m.key] = {m.label: weight}
        else:
            d[m.label] = d.get(m.label, 0.0) + weight
    best_label = {
        k: (next(iter(d)) if len(d) == 1 else max(d, key=d.__getitem__)) for k, d in votes.items()
    }
    plain: dict[str, str] = {}
    for m in mentions:
        m.label = best_label[m.key]
        if not m.caps:
            plain.setdefault(m.key, m.label)
            if m.label == "PERSON" and len(m.tokens) > 1:
                plain.setdefault(_key(m.tokens[-1]), "PERSON")

    # An all-caps line (a headline) keeps only names confirmed elsewhere in the text, known to
    # the gazetteer, or designations; a sentence-initial capitalised word that the text also
    # uses in lowercase ("Images have emerged", "images of") is an ordinary word.
    kept_m = []
    lower_cache: dict[str, bool] = {}
    surname: dict[str, str] = {}
    known: dict[str, str] = {}
    for m in mentions:
        if m.caps:
            lab = plain.get(m.key)
            if lab:
                m.label = lab
            elif _caps_label(m) is None:
                continue
        elif m.first and len(m.tokens) == 1 and m.label != "PRODUCT" and not m.strong:
            low = m.text.lower()
            if (
                low != m.text
                and (
                    _has_lowercase_use(text, low, lower_cache)
                    # "Emails were sent" when the text says "email"; "Unsurprisingly, ..."
                    or (low.endswith("s") and _has_lowercase_use(text, low[:-1], lower_cache))
                    or (low.endswith("ly") and text.startswith(",", m.end))
                )
            ):
                continue
        kept_m.append(m)
        known.setdefault(m.key, m.label)
        if m.label == "PERSON" and len(m.tokens) >= 2:
            last = m.tokens[-1]
            if last.isalpha() and not last.isupper():
                surname.setdefault(last, "PERSON")
    mentions = kept_m

    # Surnames and other single tokens left untagged that match a known entity.
    if surname:
        places = _gazetteer_names()
        for m in mentions:
            if (
                len(m.tokens) == 1
                and m.label in ("ORG", "GPE", "NORP")
                and m.tokens[0] in surname
                and m.text not in places
            ):
                m.label = "PERSON"
    extra = []
    notent = g["NOTENT"]
    for a, b in leftovers:
        w = text[a:b]
        lab = surname.get(w) or known.get(_key(w))
        if lab and w not in notent:
            extra.append(_Mention(a, b, lab, w, (w,), False))
    if extra:
        mentions.extend(extra)
        mentions.sort(key=lambda x: x.start)
    if extra or extended:
        # Mentions never overlap (a rule may have extended one over the next).
        kept: list[_Mention] = []
        for m in mentions:
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        mentions = kept
    return _group(text, mentions)


def group_mentions(text: str, spans: list[tuple[int, int, str]]) -> list[Entity]:
    """Entities from labelled mention spans found by any engine (e.g. spaCy's).

    The same merging as the default engine: exact forms, a surname for the full name, a
    designation for its longer form, an acronym in brackets for the name it follows.
    Overlapping spans are dropped (the earlier, then longer, one wins)."""
    mentions = []
    for s, e, label in sorted(spans, key=lambda x: (x[0], -x[1])):
        if 0 <= s < e <= len(text):
            surface = text[s:e]
            mentions.append(_Mention(s, e, label, surface, tuple(surface.split()), False))
    kept: list[_Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return _group(text, kept)


def _group(text: str, mentions: list[_Mention]) -> list[Entity]:
    """Merge mentions into entities: exact forms, surnames, designation prefixes, acronyms."""
    entities: list[Entity] = []
    by_key: dict[tuple[str, str], Entity] = {}
    surname_of: dict[str, Entity] = {}
    prefix_of: dict[str, Entity] = {}
    forms: dict[int, dict[str, int]] = {}
    acronym_match = _ACRONYM_RE.match

    # Longer names first, so that short forms can attach to them.
    order = sorted(mentions, key=lambda m: (-len(m.tokens), m.start))
    pending_acronyms: list[tuple[_Mention, Entity]] = []
    for m in order:
        k = (m.key, m.label)
        ent = by_key.get(k)
        if ent is None and len(m.tokens) == 1:
            if m.label == "PERSON":
                ent = surname_of.get(m.tokens[0].casefold())
            elif m.label == "PRODUCT":
                ent = prefix_of.get(m.key)
        if ent is None:
            ent = Entity(name=m.text, label=m.label)
            entities.append(ent)
            last = m.tokens[-1]
            if m.label == "PERSON" and len(m.tokens) >= 2 and last.isalpha():
                surname_of.setdefault(last.casefold(), ent)
            if m.label == "PRODUCT" and len(m.tokens) >= 2:
                prefix_of.setdefault(_key(m.tokens[0]), ent)
        by_key.setdefault(k, ent)
        ent.mentions.append((m.start, m.end))
        f = forms.get(id(ent))
        if f is None:
            forms[id(ent)] = {m.text: 1}
        else:
            f[m.text] = f.get(m.text, 0) + 1
        if (
            len(m.tokens) >= 2
            and (text.startswith(" (", m.end) or text.startswith("(", m.end))
            and acronym_match(text, m.end)
        ):
            pending_acronyms.append((m, ent))
    # "Stockholm International Peace Research Institute (SIPRI)": the acronym is an alias.
    if pending_acronyms:
        merged: set[int] = set()
        by_name: dict[str, list[Entity]] = {}
        for other in entities:
            by_name.setdefault(_key(other.name), []).append(other)
        for m, ent in pending_acronyms:
            am = _ACRONYM_RE.match(text, m.end)
            assert am is not None
            acr = am.group(1)
            for other in by_name.get(_key(acr), ()):
                if other is ent or id(other) in merged or id(ent) in merged:
                    continue
                if _key(other.name) == _key(acr) and _initials_match(acr, m.tokens):
                    for span in other.mentions:
                        ent.mentions.append(span)
                    f = forms.setdefault(id(ent), {})
                    for form, c in forms.get(id(other), {}).items():
                        f[form] = f.get(form, 0) + c
                    merged.add(id(other))
        entities = [e for e in entities if id(e) not in merged]
    for ent in entities:
        f = forms.get(id(ent), {})
        if len(f) == 1:
            ent.name = next(iter(f))
            if len(ent.mentions) > 1:
                ent.mentions.sort()
            continue
        names = sorted(f, key=lambda s: (-len(s.split()), s.isupper(), -f[s], s))
        ent.name = names[0]
        # Every other surface form is an alias, so that text[s:e] of any mention is the name
        # or one of the aliases ("INDIA" in a headline, "Shugayev" for "Dmitry Shugayev").
        ent.aliases = [s for s in names[1:] if s != ent.name]
        ent.mentions.sort()
    entities.sort(key=lambda e: e.mentions[0])
    return entities


def _initials_match(acr: str, tokens: tuple[str, ...]) -> bool:
    letters = [c for c in acr if c.isupper()]
    initials = [t[0] for t in tokens if t[:1].isupper()]
    return len(letters) >= 2 and all(c in initials for c in letters[:2])
