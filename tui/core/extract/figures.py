"""Figures: money, percentages, dates, years, year ranges, counts and quantities.

Pure regular expressions and a little Python, no model. Two cheap trigger scans (digit runs and
currency marks; number words and month names) find where a figure may start; one combined,
anchored candidate regex reads the number there (currency mark, digits in any separator style,
number words, ISO date, month name); anchored regexes then read what follows (scale word,
percent, currency word, measurement unit, counted noun, range) and the reading is classified:

- ``money``: a currency mark or name; value in currency units ("$5.5 billion" -> 5.5e9, unit
  "USD"; "Rs 5 crore" -> 5e7 "INR"; "£3.2m" -> 3.2e6 "GBP"; "50 cents" -> 0.5 "USD").
- ``percent``: "36%", "36 per cent" -> 36, unit "percent"; "3 percentage points" -> unit
  "percentage points".
- ``date``: "3 September 2025", "Sep 03, 2025", "2025-09-03" -> "2025-09-03"; "September 2025"
  -> "2025-09"; "3 September" -> "--09-03"; numeric "03/09/2025" is read day first unless
  only month first fits ("12/25/2024"). Weekdays and bare month names are not figures.
- ``year``: a bare four-digit number in 1800..2100, unless it counts the lowercase plural noun
  right after it ("2000 people"; but "in 2018 ...", "its 1995 profits" stay years).
- ``year_range``: "between 2020 and 2024", "from 2020 to 2024", "2020-24", "2020/21",
  "the 1960s" (1960..1969), "the 1800s" (1800..1899).
- ``quantity``: a measurement unit (km, tonnes, MW, barrels, °C, years...), unit normalised to a
  singular name ("kilometre", "degree Celsius", "tonne per day").
- ``count``: a number counting a plural noun, unit = that noun: "five S-400 Triumf systems" ->
  5 "systems" (up to three designations or capitalised words between the number and a
  lowercase head noun are skipped; the head is the last plural of the noun run, so "two proton
  beams" -> "beams").

Ranges ("5-10 km", "between 5 and 10 per cent", "$350 to $680") give ``value`` and
``value_max``; a scale or unit written once applies to both ends ("5-10 million people").

Not figures: bare numbers that count nothing ("the answer is 42"), designations and codes
(S-400, COVID-19, G7, 4G, Boeing 737, iPhone 15, Article 370), ordinals, times of day, phone
and version numbers.

Spans: a figure's span covers the number with its currency mark, scale, unit or counted noun,
and for ranges also "between"/"from". Approximation words ("about", "more than", "up to",
"some", "an estimated", "~"...) set ``approx`` but stay OUTSIDE the span; for years and dates
only true hedges count ("about", "around", "circa"...), not "over"/"since". Spans never overlap
and come in document order; ``sentence`` is the index of the sentence holding the span start
(-1 when no sentences are given).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from tui.core.extract.figures_data import (
    AMBIGUOUS_SYMBOLS,
    APPROX_WORDS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    INCH_FOLLOWERS,
    IRREGULAR_PLURALS,
    ISO_CODES,
    LETTER_SCALES,
    MONTHS,
    NOT_COUNTED,
    NOT_PLURAL,
    SCALES,
    VULGAR_FRACTIONS,
    is_cased_form,
    unit_forms,
)
from tui.core.extract.numbers import parse_money, parse_number, words_to_number
from tui.core.model import Figure, Span

__all__ = ["extract_figures", "parse_money"]  # parse_money: shop-price strings, see numbers.py


def _alt(words: list[str] | set[str] | frozenset[str] | dict[str, object]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _first_letter_trie(words: list[str]) -> str:
    """Alternatives grouped by first letter: the regex engine can then skip ahead on one
    character set instead of trying every alternative at every position."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(
        f"{k}(?:{'|'.join(sorted(v, key=len, reverse=True))})" for k, v in groups.items()
    )


_SP = r"[ \u00a0\u202f\u2009]"
_VULGAR = "".join(VULGAR_FRACTIONS)

# --- the candidate regex ------------------------------------------------------------------

_PREFIX_SYMBOLS = {k for k in CURRENCY_SYMBOLS if not k[0].isalpha() or "$" in k}
_PREFIX_LETTERS = {k for k in CURRENCY_SYMBOLS if k[0].isalpha() and "$" not in k} | ISO_CODES

_W1_9 = "one|two|three|four|five|six|seven|eight|nine"
_W1_19 = "seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|eleven|twelve|ten|" + _W1_9
_W10 = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_W99 = rf"(?:(?:{_W10})(?:[\s-](?:{_W1_9})\b)?|(?:{_W1_19}))"
_W999 = rf"(?:{_W99}\s+hundred(?:\s+(?:and\s+)?{_W99})?|{_W99})"
_WSCALE = r"(?:hundred|thousand|million|billion|trillion|lakh|crore|dozen)"
_FRAC = r"(?:halves|half|thirds|third|quarters|quarter|fourths|fourth|fifths|fifth)"
_WORDS = (
    rf"(?:half\s+an?\s+{_WSCALE}|an?\s+{_WSCALE}|{_W999}(?:[\s-]+{_FRAC}\b)?)"
    rf"(?:\s+{_WSCALE}(?:(?:\s+and)?\s+{_W999}(?!\s+{_FRAC}))?)*"
)
_DIGITS = (
    r"(?:\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d.,]\d)"  # 1.299,00
    r"|\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3}){2,}|(?:[\u00a0\u202f\u2009 ]\d{3})+)(?![\d,]\d)"
    r"(?:\.\d+)?|\d+(?:[.,]\d+)?|\.\d+)"
    r"(?:[eE][-+−]?\d+(?![\w])|\s?[×x]\s?10\^?[-−+]?\d+)?"
)
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)

_CANDIDATE = re.compile(
    rf"(?P<pre>{_alt(_PREFIX_SYMBOLS)}|(?<![A-Za-z])(?:Rs\.?|Tk|Rp|RM)(?=\.?{_SP}?[\d.])"
    rf"|(?<![A-Za-z])(?:{_alt(ISO_CODES)})(?={_SP}[\d.]))?"
    rf"(?:\.?{_SP}?)"
    r"(?P<sign>[-−](?=[\d.]))?"
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2})(?!\d)"
    r"|(?P<sfrac>[1-9]/(?:1[0-6]|[2-9]))(?![\d/])"
    rf"|(?P<digits>{_DIGITS})(?:{_SP}(?P<frac>\d{{1,2}}/\d{{1,2}})(?![\d/]))?(?P<vf>[{_VULGAR}])?"
    rf"|(?P<vulgar>[{_VULGAR}])"
    rf"|\b(?P<words>(?i:{_WORDS}))\b"
    rf"|\b(?P<month>{_MONTH_NAMES})\b)"
)

# --- what may follow a number ----------------------------------------------------------------

_SCALE_RE = re.compile(
    rf"(?:{_SP}?-?(?P<scale>(?i:{_alt(SCALES)}))(?:{_SP}(?P<scale2>(?i:crore|million|billion)))?"
    rf"|(?P<ls>[kKmMbBT]))(?![A-Za-z])"
)

_UNIT_FORMS = unit_forms()
# Word forms also match in capitals ("KM", "MILES" in headlines); symbols match exactly.
_UNIT_ALT = _first_letter_trie(
    [f for f in _UNIT_FORMS] + [f.upper() for f in _UNIT_FORMS if not is_cased_form(f)]
)
_UNIT_LOWER = {k.lower(): v for k, v in _UNIT_FORMS.items() if not is_cased_form(k)}
_CUR_WORD_ALT = _alt(CURRENCY_WORDS)
_SUFFIX_SYMBOLS = {k for k in CURRENCY_SYMBOLS if not k[0].isalpha()}

_SUFFIX_RE = re.compile(
    rf"(?:{_SP}?(?P<pct>%|(?i:per{_SP}?cent|percent|pc)(?![A-Za-z]))"
    rf"(?P<pp>{_SP}+(?i:percentage{_SP}+)?points?(?![A-Za-z]))?"
    rf"|{_SP}+(?P<ppts>(?i:percentage{_SP}+points?|ppts?|pp)(?![A-Za-z]))"
    rf"|{_SP}?(?P<cursym>{_alt(_SUFFIX_SYMBOLS)})"
    rf"|{_SP}+(?P<iso>{_alt(ISO_CODES)})(?![A-Za-z])"
    rf"|{_SP}+(?P<curw>(?i:{_CUR_WORD_ALT}))(?![A-Za-z])"
    rf"|{_SP}+(?P<times>times{_SP}+(?:per|a|an){_SP}+(?:day|week|month|year))(?![A-Za-z])"
    rf"|(?:{_SP}|-|{_SP}?(?=[°º℃℉]))?(?P<unit>{_UNIT_ALT})(?![A-Za-z]))"
)
_PER_RE = re.compile(
    rf"{_SP}?(?:/|{_SP}(?:per|a|an){_SP}+)(?:{_UNIT_ALT}|(?i:hour|day|week|month|year|head|"
    r"person|unit|share|barrel|litre|gallon|kg|tonne|ton))(?![A-Za-z])"
)
_DAY_NEXT = frozenset(" \u00a0\u202f\u2009snrt")
_AND_HALF = re.compile(rf"{_SP}+and{_SP}+a{_SP}+half(?![A-Za-z])")
_NUM_DATE = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\d/.]\d)")
_FISCAL = re.compile(r"/(\d{2}|\d{4})(?![\d/])")
_HAS_DIGIT = re.compile(r"\d")
_PLUS_MINUS = re.compile(rf"{_SP}?(?:±|\+/-){_SP}?\d+(?:\.\d+)?(?=[^\d.,])")
_PER_UNIT = re.compile(rf"(?:/|{_SP}+per{_SP}+)(?P<u>{_UNIT_ALT})(?![A-Za-z])")
_TIME_AFTER = re.compile(r"(?:[:.]\d\d)?\s?(?:[ap]\.?m\.?|[AP]\.?M\.?|hrs|GMT|IST|UTC)(?![A-Za-z])")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])")
_PHONE = re.compile(r"\+?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}(?!\d)")
_DAY_MONTH = re.compile(
    rf"(?:st|nd|rd|th)?{_SP}+(?P<month>{_MONTH_NAMES})\b\.?(?:,?{_SP}+(?P<year>\d{{4}})(?![\d]))?"
)
_MONTH_DAY = re.compile(
    rf"\.?{_SP}+(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?{_SP}+(?P<year>\d{{4}})(?!\d))?"
    rf"|(?P<year2>\d{{4}})(?![\d]))"
)
_RANGE_JOIN = re.compile(rf"{_SP}*(?:-|–|—|(?i:to|and|through)(?={_SP})){_SP}*")
_NEXT_TOKEN = re.compile(r"[ \u00a0]+([A-Za-z0-9][\w'’\-]*)")
_RANGE_LEFT = re.compile(r"(?i:\b(between|from))[ \u00a0]+$")
_YEAR_CONTEXT = re.compile(
    r"(?i:\b(?:in|by|since|from|until|till|before|after|during|of|between|and|to|early|late|"
    r"mid|pre|post|end|start|fiscal|year|years|the|its|their|his|her|our|this|that|'s|’s))"
    r"[ \u00a0-]*$"
)
_DESIGNATION_WORDS = frozenset(
    [
        "article",
        "section",
        "chapter",
        "page",
        "pages",
        "para",
        "paragraph",
        "clause",
        "rule",
        "no",
        "no.",
        "number",
        "version",
        "flight",
        "route",
        "room",
        "platform",
        "gate",
        "line",
        "vol",
        "volume",
        "episode",
        "season",
        "level",
        "grade",
        "class",
        "phase",
        "stage",
        "act",
        "schedule",
        "annex",
        "item",
        "table",
        "figure",
        "fig",
        "exhibit",
        "highway",
        "road",
        "suite",
        "unit",
    ]
)


@dataclass(slots=True)
class _Reading:
    """One number read at a position, before classification."""

    start: int
    end: int
    value: float
    kind: str | None = None  # money percent quantity date count
    unit: str | None = None
    text_value: str | None = None  # ISO date
    year_like: bool = False
    words: bool = False
    decade: bool = False
    mult: float = 1.0  # scale (and cents) factor read after the number


_SYMBOL_CHARS = "".join(
    sorted({c for k in _PREFIX_SYMBOLS for c in k if not c.isalnum() and c != "."})
)
# Two cheap trigger scans (each keeps the regex engine's first-character fast path, which one
# combined pattern loses): digit runs and currency/fraction marks, and number words or months.
_TRIG_NUM = re.compile(rf"[{re.escape(_SYMBOL_CHARS)}{_VULGAR}]|\d+")
_TRIGGER_WORDS = sorted(
    [w for w in (_W1_19 + "|" + _W10).split("|")]
    + ["hundred", "thousand", "million", "billion", "trillion", "dozen", "half"],
    key=len,
    reverse=True,
)


_TRIG_WORD = re.compile(
    "(?:"
    + _first_letter_trie(
        _TRIGGER_WORDS + [w.capitalize() for w in _TRIGGER_WORDS] + _MONTH_NAMES.split("|")
    )
    + r")(?![a-z])"
)
_WORD_LEFT = frozenset(" \t\n\r\u00a0([\"“‘'")
_LETTER_PREFIX = re.compile(
    rf"(?<![A-Za-z])(?:{_alt(_PREFIX_LETTERS)}|[A-Z]{{1,3}}(?=\$))\.?{_SP}?[-−]?$"
)
_DOLLAR_PREFIX = re.compile(r"(?<![A-Za-z])(?:US|U\.S\.|Can|CA|AU|NZ|HK|NT|BZ|MX|C|A|S|R)$")
_PREFIX_END = frozenset("".join(_PREFIX_LETTERS) + ".")
_A_BEFORE = re.compile(r"(?<![A-Za-z])(?i:half an? |an? )$")
_SCALE_TRIGGERS = frozenset(("hundred", "thousand", "million", "billion", "trillion", "dozen"))


def _candidates(text: str) -> list[int]:
    """Start offsets where a figure may begin, in order."""
    out: list[int] = []
    append = out.append
    prefix_end = _PREFIX_END
    for m in _TRIG_NUM.finditer(text):
        p = m.start()
        c = text[p]
        if not p:
            append(p)
            continue
        prev = text[p - 1]
        if c.isdigit():
            if prev == " ":  # the common case, kept cheap
                before = text[p - 2] if p > 1 else ""
                if before.isdigit():
                    continue  # "245 23": a run of loose numbers
                if before and before in prefix_end:
                    pm = _LETTER_PREFIX.search(text, max(0, p - 6), p)
                    if pm is not None:
                        append(pm.start())
                        continue
                append(p)
                continue
            if prev == "." and p > 2 and text[p - 2] == "s":
                pm = _LETTER_PREFIX.search(text, max(0, p - 6), p)
                if pm is not None:
                    append(pm.start())  # "Rs.500"
                    continue
            if prev == "-" and p > 1 and text[p - 2].isalpha() and _time_prefix_before(text, p - 1):
                append(p)  # "mid-2024"
                continue
            if prev in ".−-":
                p -= 1  # ".75", "-18"
            elif prev.isalpha() or (prev == "\u00a0" and p > 1 and text[p - 2] in prefix_end):
                pm = _LETTER_PREFIX.search(text, max(0, p - 6), p)
                if pm is not None:
                    append(pm.start())
                    continue
                if prev.isalpha():
                    continue  # "G7", "LGA1156": a code
            if not _left_ok(text, p):
                continue  # cheap early reject: designations, codes, loose number runs
        elif c == "$":
            pm = _DOLLAR_PREFIX.search(text, max(0, p - 4), p)
            if pm is not None:
                p = pm.start()
        append(p)
    words = []
    for m in _TRIG_WORD.finditer(text):
        p = m.start()
        if p and text[p - 1] not in _WORD_LEFT:
            continue
        if m.group().lower() in _SCALE_TRIGGERS:
            am = _A_BEFORE.search(text, max(0, p - 7), p)
            if am is None:
                continue
            p = am.start()
        words.append(p)
    if words:
        out.extend(words)
        out.sort()
    return out


def extract_figures(text: str, sentences: list[Span]) -> list[Figure]:
    """Figures cited in the text, in document order, with non-overlapping spans."""
    starts = [s for s, _ in sentences]
    out: list[Figure] = []
    last_end = 0
    match = _CANDIDATE.match
    for p in _candidates(text):
        if p < last_end:
            continue
        m = match(text, p)
        if m is None or m.end() == p:
            continue
        digits = m.group("digits")
        if digits and " " in digits and _designation_after(text, m.end("digits")):
            # "30 737 MAX jets": a plain space groups thousands only when no model name
            # follows; here the number ends at the space.
            m = match(text, p, m.start("digits") + digits.index(" "))
            if m is None or m.end() == p:
                continue
        r = _read(text, m)
        if r is None:
            last_end = m.end()
            continue
        fig = _classify_with_range(text, r)
        if fig is None:
            last_end = r.end
            continue
        idx = bisect_right(starts, fig.span[0]) - 1 if starts else -1
        if starts and idx < 0:
            idx = 0
        fig.sentence = idx
        out.append(fig)
        last_end = fig.span[1]
    return out


# --- reading one number ----------------------------------------------------------------------


_GROUPS = ("pre", "sign", "iso", "sfrac", "digits", "frac", "vf", "vulgar", "words", "month")


def _read(text: str, m: re.Match[str], in_range: bool = False) -> _Reading | None:
    """Read the candidate at ``m`` with what follows it (scale, unit, currency...).

    ``in_range``: the number is the second end of a range ("5-10"), so the dash before it is
    a range dash, not part of a designation."""
    pre, sign, iso, sfrac, digits, frac, vf, vulgar, words, month = m.group(*_GROUPS)
    s = m.start()
    if month is not None:
        return _read_month(text, m)
    if iso is not None:
        return _read_iso(text, m)
    if words is not None:
        value = words_to_number(words)
        if value is None:
            return None
        s, e = m.start("words"), m.end("words")
        r = _Reading(start=s, end=e, value=value, words=True)
        return _read_suffix(text, r, None)
    if sfrac is not None:
        a, b = (int(x) for x in sfrac.split("/"))
        if a >= b or (pre is None and not _left_ok(text, m.start("sfrac"))):
            return None
        r = _read_suffix(text, _Reading(m.start(), m.end(), a / b), _prefix_currency(pre))
        # a lone "1/2" is a date, score or ratio unless a unit or currency makes it a figure
        return r if r is not None and r.kind in ("quantity", "money") else None
    # digits (or a vulgar fraction)
    num_start = m.start("digits") if digits is not None else m.start("vulgar")
    if sign:
        num_start = m.start("sign")
    if pre is None:
        s = num_start
        if not in_range and not _left_ok(text, s):
            return None
    elif not _prefix_left_ok(text, s):
        return None
    e = m.end()
    if digits is not None:
        if pre is None and len(digits) == 4 and digits.isdigit():
            fy = _FISCAL.match(text, m.end("digits"))
            if fy is not None and 1800 <= int(digits) <= 2100:
                hi = int(fy.group(1))
                if hi < 100:
                    hi += int(digits) // 100 * 100
                    hi += 100 if hi < int(digits) else 0  # "1999/00"
                if hi == int(digits) + 1:  # "2020/21", "2023/2024": a fiscal or season year
                    return _Reading(s, fy.end(), int(digits), kind="year_range", text_value=str(hi))
        ds = m.start("digits")
        if (
            pre is None
            and not sign
            and ("/" in text[ds + 1 : ds + 3] or "." in text[ds + 1 : ds + 3])
        ):
            nd = _NUM_DATE.match(text, ds)
            if nd is not None:
                return _read_numeric_date(nd)
        if _bad_right(text, m.end("digits"), digits):
            return None
        if digits[0] == "." and pre is None:
            return None
        value = _digits_value(digits)
        if value is None:
            return None
        if frac:
            a, b = frac.split("/")
            if int(b) == 0 or int(a) >= int(b):
                return None
            value += int(a) / int(b)
        if vf:
            value += VULGAR_FRACTIONS[vf]
    else:
        value = VULGAR_FRACTIONS[vulgar]
    if sign:
        value = -value
    r = _Reading(start=s, end=e, value=value)
    if digits is not None and pre is None and not frac and not vf:
        if len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2100:
            r.year_like = True
            if text.startswith("s", e) and not text[e + 1 : e + 2].isalpha():
                r.decade = int(digits) % 10 == 0  # "1960s"; "1800s" is a century
                r.end = e + 1
                return r
        date = _DAY_MONTH.match(text, e) if text[e : e + 1] in _DAY_NEXT else None
        if date and digits.isdigit() and 1 <= int(digits) <= 31:
            month = MONTHS[date.group("month").lower().rstrip(".")]
            year = date.group("year")
            r.kind = "date"
            r.end = date.end() if year else date.end("month")
            r.text_value = (
                f"{year}-{month:02d}-{int(digits):02d}"
                if year
                else f"--{month:02d}-{int(digits):02d}"
            )
            return r
    return _read_suffix(text, r, _prefix_currency(pre))


def _read_numeric_date(nd: re.Match[str]) -> _Reading | None:
    """ "03/09/2025", "3.9.2025": day first unless only month-first is possible (12/25/2024)."""
    a, b, year = int(nd.group(1)), int(nd.group(3)), int(nd.group(4))
    if not 1800 <= year <= 2100:
        return None
    if 1 <= b <= 12 and 1 <= a <= 31:
        day, month = a, b
    elif 1 <= a <= 12 and 1 <= b <= 31:
        day, month = b, a
    else:
        return None
    value = f"{year}-{month:02d}-{day:02d}"
    return _Reading(nd.start(), nd.end(), 0, kind="date", text_value=value)


def _prefix_currency(pre: str | None) -> str | None:
    if not pre:
        return None
    pre = pre.strip()
    if pre in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[pre]
    return "CNY" if pre == "RMB" else pre


_COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+")
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")


def _digits_value(digits: str) -> float | None:
    if digits.isdigit():
        return float(digits)
    if "×" in digits or "x" in digits:
        base = re.split(r"\s?[×x]\s?", digits, maxsplit=1)[0]
        exp_m = re.search(r"10\^?([-−+]?\d+)$", digits)
        mant = parse_number(base, ".")
        if mant is None or exp_m is None:
            return None
        return mant * 10 ** int(exp_m.group(1).replace("−", "-"))
    if "e" in digits or "E" in digits:
        try:
            return float(digits.replace("−", "-").replace(",", ""))
        except ValueError:
            return None
    if "," in digits and "." in digits:
        dec = "," if digits.rfind(",") > digits.rfind(".") else "."
    elif "," in digits and not _COMMA_GROUPS.fullmatch(digits):
        dec = ","  # "2,5" decimal comma
    elif "." in digits and _DOT_GROUPS.fullmatch(digits):
        dec = ","  # "1.200.000"
    else:
        dec = "."
    return parse_number(digits, dec)


_UNIT_WORD = re.compile(rf"(?:{_UNIT_ALT})")


def _designation_after(text: str, e: int) -> bool:
    """True when an all-capitals model name follows the number ending at ``e`` ("737 MAX"),
    not a currency code or a unit ("10 000 USD", "5 000 MW")."""
    t = _NEXT_TOKEN.match(text, e)
    if t is None:
        return False
    token = t.group(1)
    return (
        len(token) >= 2
        and token.isalpha()
        and token.isupper()
        and token not in ISO_CODES
        and _UNIT_WORD.fullmatch(token) is None
    )


def _left_ok(text: str, s: int) -> bool:
    """False when the number at ``s`` is part of a designation, code, time or phone number."""
    if s == 0:
        return True
    c = text[s - 1]
    if c.isalnum() or c in "_#@/\\^+:$":
        return False
    if c in "-‐–.·" and s >= 2 and (text[s - 2].isalnum() or text[s - 2] in "-/"):
        # "S-400", "COVID-19", "v1.2" are designations; "5-10" is handled as a range earlier;
        # but "mid-2024", "pre-2020" are years
        return c == "-" and _time_prefix_before(text, s - 1)
    # "245 23": a run of loose numbers is not a figure
    return not (c in " \u00a0" and s >= 2 and text[s - 2].isdigit())


_TIME_PREFIXES = frozenset(("mid", "pre", "post", "early", "late", "end", "start", "since"))


def _time_prefix_before(text: str, dash: int) -> bool:
    k = dash
    while k > 0 and text[k - 1].isalpha() and dash - k <= 5:
        k -= 1
    return text[k:dash].lower() in _TIME_PREFIXES and (k == 0 or not text[k - 1].isalnum())


def _prefix_left_ok(text: str, s: int) -> bool:
    return s == 0 or not (text[s - 1].isalnum() and text[s].isalpha())


def _bad_right(text: str, e: int, digits: str) -> bool:
    """True when what follows the digits makes them a code, time, version or ordinal."""
    nxt = text[e : e + 2]
    if not nxt:
        return False
    c = nxt[0]
    if c in ":/" and nxt[1:].isdigit():
        return True  # 09:41, 1/0, 24/7
    if c in ".," and nxt[1:].isdigit():
        return True  # 1.2.3 version numbers, 1,2,3 lists
    if c == "-" and nxt[1:].isdigit() and _PHONE.match(text, e - len(digits)):
        return True
    if c in _TIME_START and _TIME_AFTER.match(text, e):
        return True
    # "3rd" is an ordinal, not a figure, unless it starts a date ("3rd September 2025")
    if c in "sntr":
        return _ORDINAL.match(text, e) is not None and _DAY_MONTH.match(text, e) is None
    return False


_TIME_START = frozenset(":. aApPhGIU")


# --- suffixes ----------------------------------------------------------------------------------


def _read_suffix(text: str, r: _Reading, currency: str | None) -> _Reading | None:
    e = r.end
    half = _AND_HALF.match(text, e) if text.startswith(" and a half", e) else None
    if half is not None:
        r.value += 0.5  # "one and a half million", "2 and a half years"
        e = half.end()
    pm = _PLUS_MINUS.match(text, e) if "±" in text[e : e + 2] or "+/-" in text[e : e + 4] else None
    if pm is not None:
        e = pm.end()  # "5 ± 0.5 kg": the unit follows the uncertainty
    scale = 1.0
    sm = _SCALE_RE.match(text, e)
    if sm:
        if sm.group("scale"):
            if not (r.words and sm.group("scale").lower() in ("hundred", "thousand")):
                scale = SCALES[sm.group("scale").lower()]
                if sm.group("scale2"):
                    scale *= SCALES[sm.group("scale2").lower()]
                e = sm.end()
        elif currency is not None and not r.words:
            ls = sm.group("ls")
            scale = LETTER_SCALES[ls]
            e = sm.end()
        elif sm.group("ls") in ("m", "k") and not r.words and sm.start() == e:
            # "5m people", "50k votes": a glued m/k before a plural noun is a scale, while
            # "100m sprint" or "5m tall" stays metres
            nxt = _NEXT_TOKEN.match(text, sm.end())
            if nxt is not None and _is_plural(nxt.group(1)):
                scale = LETTER_SCALES[sm.group("ls")]
                e = sm.end()
    r.value *= scale
    r.mult = scale
    r.end = e
    scaled = scale != 1.0
    if currency is not None:
        if currency.endswith("-cent"):
            r.value /= 100
            currency = currency.split("-")[0]
        r.kind = "money"
        r.unit = currency
        # "$5 million USD": swallow a redundant code; "Rs 5 crore rupees" likewise
        sx = _SUFFIX_RE.match(text, e)
        redundant = sx is not None and (sx.group("iso") or sx.group("curw"))
        if redundant and (sx.group("curw") or "").lower() not in ("cent", "cents"):
            r.end = sx.end()
        _per(text, r)
        return r
    sx = _SUFFIX_RE.match(text, e)
    if sx is None:
        return r
    if sx.group("pct"):
        r.kind = "percent"
        r.unit = "percentage points" if sx.group("pp") else "percent"
        r.end = sx.end()
        return r
    if sx.group("ppts"):
        r.kind = "percent"
        r.unit = "percentage points"
        r.end = sx.end()
        return r
    cur = sx.group("cursym") or sx.group("iso") or sx.group("curw")
    if cur:
        code = CURRENCY_SYMBOLS.get(cur) or CURRENCY_WORDS.get(cur.lower()) or cur
        if code.endswith("-cent") or code.endswith("-penny"):
            r.value /= 100
            r.mult /= 100
            code = code.split("-")[0]
        r.kind = "money"
        r.unit = code
        r.end = sx.end()
        _per(text, r)
        return r
    if sx.group("times"):
        r.kind = "quantity"
        r.unit = "times per " + sx.group("times").split()[-1]
        r.end = sx.end()
        return r
    form = sx.group("unit")
    if form:
        unit = _UNIT_FORMS.get(form) or _UNIT_LOWER.get(form.lower())
        if unit is None:
            return r
        if form in AMBIGUOUS_SYMBOLS and not _ambiguous_ok(text, r, sx, form):
            return r
        if unit == "pound" and scaled:
            r.kind, r.unit = "money", "GBP"
        else:
            r.kind, r.unit = "quantity", unit
        r.end = sx.end()
        r.year_like = False
        if r.kind == "quantity":
            per = _PER_UNIT.match(text, r.end)
            if per is not None:
                denom = _UNIT_FORMS.get(per.group("u")) or _UNIT_LOWER.get(per.group("u").lower())
                if denom is not None:
                    r.unit = f"{unit} per {denom}"
                    r.end = per.end()
    return r


def _ambiguous_ok(text: str, r: _Reading, sx: re.Match[str], form: str) -> bool:
    """Short unit symbols that are also words or letters need digits and no letter after."""
    if r.words:
        return False
    after = text[sx.end() : sx.end() + 12]
    if form == "in":
        word = after.strip().split(" ", 1)[0].strip(".,;)").lower() if after.strip() else ""
        return (
            not after or (after[0] in ".,;)" and not after[1:2].isalpha()) or word in INCH_FOLLOWERS
        )
    if form == "K" and not text[sx.start() : sx.start() + 1].isspace():
        return False
    return not after or not (after[0].isalnum() or after[0] in "-‐/")


def _per(text: str, r: _Reading) -> None:
    pm = _PER_RE.match(text, r.end)
    if pm:
        r.end = pm.end()


def _read_month(text: str, m: re.Match[str]) -> _Reading | None:
    month = MONTHS[m.group("month").lower()]
    dm = _MONTH_DAY.match(text, m.end())
    if dm is None:
        return None
    if dm.group("year2"):
        year = int(dm.group("year2"))
        if not 1000 <= year <= 2999:
            return None
        return _Reading(
            m.start("month"), dm.end(), 0, kind="date", text_value=f"{year}-{month:02d}"
        )
    day = int(dm.group("day"))
    if not 1 <= day <= 31:
        return None
    if m.group("month") == "May" and not dm.group("year"):
        return None  # "May 5" is too often the verb
    if dm.group("year"):
        value = f"{dm.group('year')}-{month:02d}-{day:02d}"
    else:
        value = f"--{month:02d}-{day:02d}"
    return _Reading(m.start("month"), dm.end(), 0, kind="date", text_value=value)


def _read_iso(text: str, m: re.Match[str]) -> _Reading | None:
    iso = m.group("iso")
    _, mo, d = (int(x) for x in iso.split("-"))
    if not (1 <= mo <= 12 and 1 <= d <= 31) or not _left_ok(text, m.start("iso")):
        return None
    return _Reading(m.start("iso"), m.end("iso"), 0, kind="date", text_value=iso)


# --- classification ----------------------------------------------------------------------------


def _classify_with_range(text: str, r: _Reading) -> Figure | None:
    """Merge "5-10 km", "between 2020 and 2024", "$350 to $680" into one range figure."""
    start = r.start
    j = _RANGE_JOIN.match(text, r.end)
    if j and r.kind != "date" and j.end() < len(text):
        left = _RANGE_LEFT.search(text, max(0, start - 12), start)
        joiner = j.group().strip().lower()
        if joiner != "and" or (left is not None and left.group(1).lower() == "between"):
            m2 = _CANDIDATE.match(text, j.end())
            r2 = _read(text, m2, True) if m2 is not None and m2.group("month") is None else None
            if r2 is not None and r2.kind != "date":
                merged = _merge(r, r2, joiner)
                if merged is not None:
                    lo = left.start(1) if left is not None else start
                    return _figure(text, merged, lo, r2.end, value_max=merged.text_value)
    return _figure(text, r, start, r.end)


def _merge(r: _Reading, r2: _Reading, joiner: str) -> _Reading | None:
    if r.year_like and r2.year_like:
        return _Reading(r.start, r2.end, r.value, kind="year_range", text_value=str(r2.value))
    if r.year_like and not r2.kind and r2.value < 100 and joiner in "-–":
        hi = (int(r.value) // 100) * 100 + r2.value
        if hi > r.value:
            return _Reading(r.start, r2.end, r.value, kind="year_range", text_value=str(hi))
        return None
    if r.kind == "date" or r2.kind == "date" or r.year_like or r2.year_like:
        return None
    if r.kind is not None and (r.kind != r2.kind or r.unit != r2.unit):
        return None
    value = r.value
    if r.kind is None and r.mult == 1.0:
        value *= r2.mult  # "5-10 million", "10-20 cents": the scale applies to both ends
    if r2.kind is None and r.mult != 1.0:
        return None
    return _Reading(r.start, r2.end, value, kind=r2.kind, unit=r2.unit, text_value=str(r2.value))


def _figure(text: str, r: _Reading, s: int, e: int, value_max: str | None = None) -> Figure | None:
    kind = r.kind
    unit = r.unit
    value: float | str | None = r.value
    vmax = float(value_max) if value_max is not None else None
    if kind == "date":
        value = r.text_value
    elif kind == "year_range":
        value, vmax = int(r.value), int(float(value_max or r.text_value or r.value))
    elif kind is None:
        if r.decade:
            span = 99 if int(r.value) % 100 == 0 and int(r.value) % 1000 else 9
            kind, value, vmax = "year_range", int(r.value), int(r.value) + span
        elif r.year_like:
            noun_end, noun = _counted_noun(text, r.end, r.value, r.words)
            direct = text[r.end + 1 : r.end + 2].islower()
            if noun is None or not direct or _YEAR_CONTEXT.search(text, max(0, s - 12), s):
                kind, value = "year", int(r.value)
            else:
                kind, unit, e = "count", noun, noun_end
        else:
            if _designation_left(text, s):
                return None
            noun_end, noun = _counted_noun(text, r.end, r.value, r.words)
            if noun is None:
                return None
            kind, unit, e = "count", noun, noun_end
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if vmax is not None and not math.isfinite(vmax):
        return None
    # "over 2020" or "since some 2019 deals" are not approximate dates: only true hedges count
    timeish = kind in ("date", "year", "year_range")
    approx = _has_cue(text, s, _APPROX_TIME if timeish else _APPROX_ALL)
    return Figure(
        text=text[s:e],
        kind=kind,
        value=value,
        span=(s, e),
        sentence=-1,
        value_max=vmax,
        unit=unit,
        approx=approx,
    )


_APPROX_ALL = tuple(sorted({w.lower() for w in APPROX_WORDS}, key=len, reverse=True))
_APPROX_TIME = ("about", "around", "circa", "c.", "ca.", "approximately", "roughly", "~")


def _has_cue(text: str, s: int, cues: tuple[str, ...]) -> bool:
    """True when one of ``cues`` ends right before ``s`` as a whole word ("about 5")."""
    window = text[max(0, s - 18) : s].rstrip(" \u00a0").lower()
    if not window.endswith(cues):
        return False
    for cue in cues:
        if window.endswith(cue):
            k = len(window) - len(cue)
            if k == 0 or not window[k - 1].isalnum() or not cue[0].isalnum():
                return True
    return False


def _designation_left(text: str, s: int) -> bool:
    """ "Boeing 737", "Article 370", "iPhone 15": a capitalised or code word right before."""
    j = s - 1
    if j < 1 or text[j] not in " \u00a0":
        return False
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    word = text[k:j]
    if not word:
        return False
    low = word.lower().rstrip(".,")
    if low in _DESIGNATION_WORDS:
        return True
    if not any(c.isupper() for c in word) or not word[0].isalpha():
        return False
    if low in NOT_COUNTED or low in MONTHS or low in _APPROX_LOWER:
        return False
    # a sentence-initial capitalised word is just the sentence start
    before = text[max(0, k - 2) : k].strip()
    return not (k == 0 or before[-1:] in ".!?\"“”'\n")


_APPROX_LOWER = frozenset(w.lower() for w in APPROX_WORDS) | {"nearly", "only", "just", "another"}


def _counted_noun(text: str, e: int, value: float, words: bool) -> tuple[int, str | None]:
    """The plural head noun a number counts: "five S-400 Triumf systems" -> "systems"."""
    pos = e
    skipped = 0
    modifiers = 0
    head: str | None = None
    head_end = e
    for _ in range(6):
        t = _NEXT_TOKEN.match(text, pos)
        if t is None:
            break
        tok = t.group(1)
        low = tok.lower()
        if head is None and low in NOT_COUNTED:
            return e, None
        if tok[0].isupper() or (not tok.isalpha() and _HAS_DIGIT.search(tok)):
            if head is not None or modifiers:
                break
            skipped += 1
            if skipped > 3:
                return e, None
            pos = t.end()
            continue
        if not tok.replace("-", "").replace("'", "").replace("’", "").isalpha():
            break
        if _is_plural(low):
            head, head_end = tok, t.end()
            pos = t.end()
            continue
        if head is not None:
            break
        modifiers += 1
        if modifiers > 2 or low in NOT_COUNTED:
            return e, None
        pos = t.end()
    if head is None:
        return e, None
    if value == 1:
        return e, None  # "one of them", "1 in 5": a lone one rarely counts a plural
    after = _NEXT_TOKEN.match(text, head_end)
    if after is not None and after.group(1).lower() in _DETERMINERS:
        return e, None  # "Sept. 6 faces the vote": the "plural" is a verb
    return head_end, head.lower()


_DETERMINERS = frozenset(
    ("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these")
)


def _is_plural(w: str) -> bool:
    if w in IRREGULAR_PLURALS:
        return True
    if len(w) < 3 or not w.endswith("s") or w in NOT_COUNTED or w in NOT_PLURAL:
        return False
    return not w.endswith(("ss", "us", "is", "ous", "'s", "’s"))
