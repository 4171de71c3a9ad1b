"""Regular expressions the figures extractor is built from, and the reading of one number."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tui.core.extract.figures_data import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    ISO_CODES,
    SCALES,
    VULGAR_FRACTIONS,
    is_cased_form,
    unit_forms,
)


def alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def first_letter_trie(words: list[str]) -> str:
    """Alternatives grouped by first letter: the regex engine can then skip ahead on one
    character set instead of trying every alternative at every position."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(
        f"{k}(?:{'|'.join(sorted(v, key=len, reverse=True))})" for k, v in groups.items()
    )


SP = r"[ \u00a0\u202f\u2009]"
VULGAR = "".join(VULGAR_FRACTIONS)

# --- the candidate regex ------------------------------------------------------------------

PREFIX_SYMBOLS = {k for k in CURRENCY_SYMBOLS if not k[0].isalpha() or "$" in k}
PREFIX_LETTERS = {k for k in CURRENCY_SYMBOLS if k[0].isalpha() and "$" not in k} | ISO_CODES

W1_9 = "one|two|three|four|five|six|seven|eight|nine"
W1_19 = "seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|eleven|twelve|ten|" + W1_9
W10 = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
W99 = rf"(?:(?:{W10})(?:[\s-](?:{W1_9})\b)?|(?:{W1_19}))"
W999 = rf"(?:{W99}\s+hundred(?:\s+(?:and\s+)?{W99})?|{W99})"
WSCALE = r"(?:hundred|thousand|million|billion|trillion|lakh|crore|dozen)"
FRAC = r"(?:halves|half|thirds|third|quarters|quarter|fourths|fourth|fifths|fifth)"
WORDS = (
    rf"(?:half\s+an?\s+{WSCALE}|half\s+an?(?=\s)|an?\s+{WSCALE}|an?[\s-]+{FRAC}\b|{W999}(?:[\s-]+{FRAC}\b)?)"
    rf"(?:\s+{WSCALE}(?:(?:\s+and)?\s+{W999}(?!\s+{FRAC}))?)*"
)
DIGITS = (
    r"(?:\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d.,]\d)"  # 1.299,00
    r"|\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3}){2,}|(?:[\u00a0\u202f\u2009 ]\d{3})+)(?![\d,]\d)"
    r"(?:\.\d+)?|\d+(?:[.,]\d+)?|\.\d+)"
    r"(?:[eE][-+−]?\d+(?![\w])|\s?[×x]\s?10\^?[-−+]?\d+)?"
)
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)

CANDIDATE = re.compile(
    rf"(?P<pre>{alt(PREFIX_SYMBOLS)}|(?<![A-Za-z])(?:Rs\.?|Tk|Rp|RM)(?=\.?{SP}?[\d.])"
    rf"|(?<![A-Za-z])(?:{alt(ISO_CODES)})(?={SP}[\d.]))?"
    rf"(?:\.?{SP}?)"
    r"(?P<sign>[-−](?=[\d.]))?"
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2})(?!\d)"
    r"|(?P<sfrac>[1-9]/(?:1[0-6]|[2-9]))(?![\d/])"
    rf"|(?P<digits>{DIGITS})(?:{SP}(?P<frac>\d{{1,2}}/\d{{1,2}})(?![\d/]))?(?P<vf>[{VULGAR}])?"
    rf"|(?P<vulgar>[{VULGAR}])"
    rf"|\b(?P<vague>(?i:(?:tens|hundreds|dozens){SP}+of{SP}+)?(?:dozens|hundreds|thousands|millions|billions))\b"
    rf"|\b(?P<words>(?i:{WORDS}))\b"
    rf"|\b(?P<month>{MONTH_NAMES})\b)"
)

# --- what may follow a number ----------------------------------------------------------------

SCALE_RE = re.compile(
    rf"(?:{SP}?-?(?P<scale>(?i:{alt(SCALES)}))(?:{SP}(?P<scale2>(?i:crore|million|billion)))?"
    rf"|(?P<ls>[kKmMbBT]))(?![A-Za-z])"
)

UNIT_FORMS = unit_forms()
# Word forms also match in capitals ("KM", "MILES" in headlines); symbols match exactly.
UNIT_ALT = first_letter_trie(
    [f for f in UNIT_FORMS] + [f.upper() for f in UNIT_FORMS if not is_cased_form(f)]
)
UNIT_LOWER = {k.lower(): v for k, v in UNIT_FORMS.items() if not is_cased_form(k)}
CUR_WORD_ALT = alt(CURRENCY_WORDS)
SUFFIX_SYMBOLS = {k for k in CURRENCY_SYMBOLS if not k[0].isalpha()}

SUFFIX_RE = re.compile(
    rf"(?:{SP}?(?P<pct>%|(?i:per{SP}?cent|percent|pc)(?![A-Za-z]))"
    rf"(?P<pp>{SP}+(?i:percentage{SP}+)?points?(?![A-Za-z]))?"
    rf"|{SP}+(?P<ppts>(?i:percentage{SP}+points?|ppts?|pp)(?![A-Za-z]))"
    rf"|{SP}?(?P<cursym>{alt(SUFFIX_SYMBOLS)})"
    rf"|{SP}+(?P<iso>{alt(ISO_CODES)})(?![A-Za-z])"
    rf"|(?:{SP}+|-)(?P<curw>(?i:{CUR_WORD_ALT}))(?![A-Za-z])"
    rf"|{SP}+(?P<times>times{SP}+(?:per|a|an){SP}+(?:day|week|month|year))(?![A-Za-z])"
    rf"|(?:{SP}|-|{SP}?(?=[°º℃℉]))?(?P<unit>{UNIT_ALT})(?![A-Za-z]))"
)
PER_RE = re.compile(
    rf"{SP}?(?:/|{SP}(?:per|a|an){SP}+)(?:{UNIT_ALT}|(?i:hour|day|week|month|year|head|"
    r"person|unit|share|barrel|litre|gallon|kg|tonne|ton))(?![A-Za-z])"
)
DAY_NEXT = frozenset(" \u00a0\u202f\u2009snrt")
AND_HALF = re.compile(rf"{SP}+and{SP}+a{SP}+half(?![A-Za-z])")
NUM_DATE = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\d/.]\d)")
FISCAL = re.compile(r"/(\d{2}|\d{4})(?![\d/])")
HAS_DIGIT = re.compile(r"\d")
PLUS_MINUS = re.compile(rf"{SP}?(?:±|\+/-){SP}?\d+(?:\.\d+)?(?=[^\d.,])")
PER_UNIT = re.compile(rf"(?:/|{SP}+per{SP}+)(?P<u>{UNIT_ALT})(?![A-Za-z])")
TIME_AFTER = re.compile(r"(?:[:.]\d\d)?\s?(?:[ap]\.?m\.?|[AP]\.?M\.?|hrs|GMT|IST|UTC)(?![A-Za-z])")
ORDINAL = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])")
PHONE = re.compile(r"\+?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}(?!\d)")
DAY_MONTH = re.compile(
    rf"(?:st|nd|rd|th)?{SP}+(?P<month>{MONTH_NAMES})\b\.?(?:,?{SP}+(?P<year>\d{{4}})(?![\d]))?"
)
MONTH_DAY = re.compile(
    rf"\.?{SP}+(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?{SP}+(?P<year>\d{{4}})(?!\d))?"
    rf"|(?P<year2>\d{{4}})(?![\d]))"
)
# "5-10", "5 to 10", "between 5 and 10", and the suspended hyphen of "three- to four-day"
RANGE_JOIN = re.compile(
    rf"{SP}*(?:-{SP}+(?=(?i:to){SP}))?(?:-|–|—|(?i:to|and|through)(?={SP})){SP}*"
)
NEXT_TOKEN = re.compile(r"[ \u00a0]+([A-Za-z0-9][\w'’\-]*)")
RANGE_LEFT = re.compile(r"(?i:\b(between|from))[ \u00a0]+$")
YEAR_CONTEXT = re.compile(
    r"(?i:\b(?:in|by|since|from|until|till|before|after|during|of|between|and|to|early|late|"
    r"mid|pre|post|end|start|fiscal|year|years|the|its|their|his|her|our|this|that|'s|’s))"
    r"[ \u00a0-]*$"
)


@dataclass(slots=True)
class Reading:
    """One number read at a position, before classification."""

    start: int
    end: int
    value: float
    kind: str | None = None  # money percent quantity date count
    unit: str | None = None
    text_value: str | None = None  # ISO date
    year_like: bool = False
    words: bool = False
    vague: bool = False  # "tens of thousands": a lower bound, always approximate
    decade: bool = False
    mult: float = 1.0  # scale (and cents) factor read after the number
