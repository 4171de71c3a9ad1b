"""Features of one sentence for the check-worthiness model.

Shared by the runtime scorer (claims_model) and the training script (scripts/train_claims.py),
so the two can never disagree. Features are plain strings looked up in a dict of weights:
lower-cased word unigrams and bigrams (numbers reduced to their shape) plus a few hand-made
cues (figures, number words, capitalised words, comparisons, causal and reporting language,
first-person opinion, questions, calls to action) that generalise beyond the training words.
"""

from __future__ import annotations

import re

# Words, numbers (with their decimal/thousands separators) and a few telling punctuation marks.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,:/]\d+)*|[$%?!€£¥₹\"“”]")
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


def tokens(sentence: str) -> list[str]:
    """Lower-cased word tokens; numbers become their shape (<num>, <year>, <dec>)."""
    out = []
    for tok in _TOKEN.findall(sentence.lower()):
        c = tok[0]
        if "0" <= c <= "9":
            if len(tok) == 4 and tok[:2] in ("19", "20", "18") and tok.isdigit():
                tok = "<year>"
            elif "." in tok or "," in tok:
                tok = "<dec>"
            else:
                tok = "<num>"
        elif c == "“" or c == "”":
            tok = '"'
        elif "’" in tok:
            tok = tok.replace("’", "'")
        out.append(tok)
    return out


def features(sentence: str) -> list[str]:
    """Feature strings of one sentence: its n-grams, then the hand-made cues ("#...")."""
    toks = tokens(sentence)
    feats = list(toks)
    bigrams = []
    prev = "<s>"
    for t in toks:
        bigrams.append(prev + " " + t)
        prev = t
    bigrams.append(prev + " </s>")
    feats += bigrams
    words = frozenset(toks)
    pairs = frozenset(bigrams)
    n = len(toks)
    feats.append("#len" + str(min(n // 4, 10)))
    if not words.isdisjoint(_NUMBER_WORDS):
        feats.append("#numword")
    has_num = not words.isdisjoint(_NUMBER_SHAPES)
    if has_num:
        feats.append("#digit")
        if "<year>" in words:
            feats.append("#year")
    if (
        not words.isdisjoint(_CURRENCY_TOKENS)
        or not words.isdisjoint(_MONEY_WORDS)
        or (has_num and not words.isdisjoint(_SCALE_WORDS))
    ):
        feats.append("#money")
    if not words.isdisjoint(_PERCENT_WORDS) or "per cent" in pairs:
        feats.append("#percent")
    feats.append("#caps" + str(min(len(_CAPWORD.findall(sentence)), 4)))
    if not words.isdisjoint(_COMPARE_WORDS) or (
        "than" in words
        and any(
            b.endswith(" than") and (b[:-5] in _THAN_HEADS or b[:-5].endswith("er"))
            for b in bigrams
        )
    ):
        feats.append("#compare")
    if not words.isdisjoint(_SUPERLATIVE_WORDS) or any(
        len(t) > 5 and t.endswith("est") and t not in _NOT_SUPERLATIVE for t in words
    ):
        feats.append("#superl")
    if not words.isdisjoint(_CAUSAL_WORDS) or not pairs.isdisjoint(_CAUSAL_PAIRS):
        feats.append("#causal")
    if not words.isdisjoint(_REPORT_WORDS) or not pairs.isdisjoint(_REPORT_PAIRS):
        feats.append("#report")
    if not words.isdisjoint(_OPINION_WORDS) or not pairs.isdisjoint(_OPINION_PAIRS):
        feats.append("#opinion")
    if not words.isdisjoint(_CALL_WORDS) or not pairs.isdisjoint(_CALL_PAIRS):
        feats.append("#call")
    if toks and (toks[0] in _GREETINGS or (len(toks) > 1 and bigrams[1] in _GREETINGS)):
        feats.append("#greet")
    if "?" in words and sentence.rstrip()[-1:] == "?":
        feats.append("#question")
    return feats
