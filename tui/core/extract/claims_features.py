"""Features of one sentence for the check-worthiness model.

Shared by the runtime scorer (claims_model) and the training script (scripts/train_claims.py),
so the two can never disagree. Features are plain strings looked up in a dict of weights:
lower-cased word unigrams and bigrams (numbers reduced to their shape) plus a few hand-made
cues (figures, number words, capitalised words, comparisons, causal and reporting language,
first-person opinion, questions, calls to action) that generalise beyond the training words.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_HAS_DIGIT = re.compile(r"\d")
# Capitalised words after whitespace: the sentence's first word is not counted, nor a lone "I".
_CAPWORD = re.compile(r"\s[A-Z][A-Za-z]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _pairs(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split(",") if p.strip())


# Cue words and word pairs, matched on whole lower-cased tokens (set lookups, no regex scans).
_CURRENCY_TOKENS = frozenset("$€£¥₹")
_MONEY_WORDS = _words(
    "dollar dollars cent cents euro euros pound pounds rupee rupees rouble roubles ruble rubles "
    "yuan yen crore crores lakh lakhs"
)
_SCALE_WORDS = _words("million billion trillion")
_PERCENT_WORDS = _words("percent percentage %")
_COMPARE_WORDS = _words(
    "twice double doubled triple tripled half increase increased increases decrease decreased "
    "decreases rose risen fell fallen grew grown declined declines dropped raised"
)
_THAN_HEADS = _words("more less fewer")
_SUPERLATIVE_WORDS = _words(
    "most least first last only best worst record ever never every all none largest biggest "
    "highest lowest smallest"
)
_NOT_SUPERLATIVE = _words(
    "interest rest honest modest request protest suggest forest west guest test contest harvest "
    "arrest invest digest manifest earnest priest chest nest pest quest vest zest midwest "
    "southwest northwest lest"
)
_CAUSAL_WORDS = _words("because therefore caused causes causing consequently hence")
_CAUSAL_PAIRS = _pairs(
    "due to, led to, leads to, lead to, result in, resulted in, results in, a result, "
    "owing to, thanks to, responsible for"
)
_REPORT_WORDS = _words(
    "said says told stated reported reports announced confirmed according statistics survey "
    "study poll report census"
)
_REPORT_PAIRS = _pairs("data shows, data show, data showed, figures show, figures showed")
_OPINION_PAIRS = _pairs(
    ", ".join(
        f"{who} {verb}"
        for who in ("i", "we")
        for verb in _words(
            "think believe feel hope want wish guess suppose need have must should will would"
        )
    )
    + ", my view, my opinion"
)
_OPINION_WORDS = _words("i'm i'd i'll we'll we'd we're")
_CALL_WORDS = _words("click subscribe bookmark download please")
_CALL_PAIRS = _pairs(
    "sign up, follow us, share this, read more, let me, let us, join us, don't miss"
)
_CALL_WORDS |= {"let's"}
_GREETINGS = _pairs(
    "thank you, thanks, good evening, good morning, good afternoon, good night, hello, hi, "
    "welcome, congratulations, nice to, pleased to, glad to"
)
_NUMBER_WORDS = _words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen dozens "
    "half third quarter percent twice double triple crore lakh"
)
_NUMBER_SHAPES = frozenset(("<num>", "<year>", "<dec>"))


def _shape(m: re.Match[str]) -> str:
    tok = m.group(0)
    if "." in tok or "," in tok:
        return " <dec> "
    if len(tok) == 4 and tok[:2] in ("19", "20", "18") and tok.isdigit():
        return " <year> "
    return " <num> "


def _translation() -> dict[int, str]:
    table: dict[int, str] = {}
    for ch in "\t\n\r\x0b\x0c#&()*+,-./:;=@[\\]^_`{|}~—–…«»‹›‘•·′″„‚§¶†‡‐‑‒―\u00a0\u200b":
        table[ord(ch)] = " "
    for ch in "$%?!€£¥₹":
        table[ord(ch)] = " " + ch + " "
    for ch in '"“”':
        table[ord(ch)] = ' " '
    table[ord("’")] = "'"
    return table


_SPLIT_TABLE = _translation()


def tokens(sentence: str) -> list[str]:
    """Lower-cased word tokens; numbers become their shape (<num>, <year>, <dec>).

    Punctuation becomes space (a few telling marks - $ % ? ! quotes - become tokens) and the
    result is split on whitespace: much faster than a tokenising regex.
    """
    low = sentence.lower()
    if _HAS_DIGIT.search(low):
        low = _NUMBER.sub(_shape, low)
    toks = low.translate(_SPLIT_TABLE).split()
    if "'" in low or "’" in low:
        toks = [t.strip("'") or t for t in toks]
    return toks


def _cue_table(*groups: tuple[frozenset[str], str]) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for members, cue in groups:
        for m in members:
            table[m] = (*table.get(m, ()), cue)
    return table


# Word -> the cues it signals, and word pair -> cues: one set intersection finds them all.
_WORD_CUES = _cue_table(
    (_NUMBER_WORDS, "#numword"),
    (_NUMBER_SHAPES, "#digit"),
    (frozenset(("<year>",)), "#year"),
    (_CURRENCY_TOKENS | _MONEY_WORDS, "#money"),
    (_PERCENT_WORDS, "#percent"),
    (_COMPARE_WORDS, "#compare"),
    (_SUPERLATIVE_WORDS, "#superl"),
    (_CAUSAL_WORDS, "#causal"),
    (_REPORT_WORDS, "#report"),
    (_OPINION_WORDS, "#opinion"),
    (_CALL_WORDS, "#call"),
)
_WORD_CUE_KEYS = frozenset(_WORD_CUES)
_PAIR_CUES = _cue_table(
    (frozenset(("per cent",)), "#percent"),
    (_CAUSAL_PAIRS, "#causal"),
    (_REPORT_PAIRS, "#report"),
    (_OPINION_PAIRS, "#opinion"),
    (_CALL_PAIRS, "#call"),
)
_PAIR_CUE_KEYS = frozenset(_PAIR_CUES)
_LEN_FEATURES = tuple("#len" + str(min(n // 4, 10)) for n in range(44))
_CAPS_FEATURES = ("#caps0", "#caps1", "#caps2", "#caps3", "#caps4")


def features(sentence: str) -> set[str]:
    """Feature strings of one sentence: its unigrams and bigrams and hand-made cues ("#...")."""
    toks = tokens(sentence)
    fs = set(toks)
    word_hits = _WORD_CUE_KEYS.intersection(fs)
    bigrams = [a + " " + b for a, b in zip(["<s>", *toks], [*toks, "</s>"], strict=True)]
    pair_hits = _PAIR_CUE_KEYS.intersection(bigrams)
    n = len(toks)
    fs.add(_LEN_FEATURES[n] if n < 44 else "#len10")
    fs.update(bigrams)
    for w in word_hits:
        fs.update(_WORD_CUES[w])
    for p in pair_hits:
        fs.update(_PAIR_CUES[p])
    if "#digit" in fs and not _SCALE_WORDS.isdisjoint(word_hits):
        fs.add("#money")  # "5 million" (a bare "million" is only a number word)
    fs.add(_CAPS_FEATURES[min(len(_CAPWORD.findall(sentence)), 4)])
    if "than" in fs and "#compare" not in fs:
        for b in bigrams:
            if b.endswith(" than") and (b[:-5] in _THAN_HEADS or b[:-5].endswith("er")):
                fs.add("#compare")
                break
    if "#superl" not in fs and "est" in sentence:
        for t in toks:
            if len(t) > 5 and t.endswith("est") and t not in _NOT_SUPERLATIVE:
                fs.add("#superl")
                break
    if toks and (toks[0] in _GREETINGS or (n > 1 and bigrams[1] in _GREETINGS)):
        fs.add("#greet")
    if "?" in fs and sentence.rstrip()[-1:] == "?":
        fs.add("#question")
    return fs
