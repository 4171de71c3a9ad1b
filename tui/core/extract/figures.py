"""Figures: money, percentages, dates, years, year ranges, counts and quantities.

Pure regular expressions and a little Python, no model. Two cheap trigger scans (digit runs and
currency marks; number words and month names) find where a figure may start; one combined,
anchored candidate regex reads the number there (currency mark, digits in any separator style,
number words, ISO date, month name); anchored regexes then read what follows (scale word,
percent, currency word, measurement unit, counted noun, range) and the reading is classified:

- ``money``: a currency mark or name; value in currency units ("$5.5 billion" -> 5.5e9, unit
  "USD"; "Rs 5 crore" -> 5e7 "INR"; "£3.2m" -> 3.2e6 "GBP"; "50 cents" -> 0.5 "USD").
- ``percent``: "36%", "36 per cent" -> 36, unit "percent"; "3 percentage points" -> unit
  "percentage points"; shares "nine in ten" -> 90, "two-thirds of" -> 66.7 (figures_counts).
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
  beams" -> "beams"); "a 14-station line" -> 14 "station"; with no noun (unit None) when the
  number is grouped, scaled, hedged or ends a clause after a verb ("162,000", "2.2 million",
  "more than 130", "showed 88."); vague amounts give their lower bound, approximate ("tens of
  thousands of people" -> 10,000).

Ranges ("5-10 km", "between 5 and 10 per cent", "$350 to $680", "three- to four-day") give
``value`` and ``value_max``; a scale or unit written once applies to both ends ("5-10 million
people", "$5 to $7 billion").

Not figures: bare numbers that count nothing ("the answer is 42"), designations and codes
(S-400, COVID-19, G7, 4G, Boeing 737, iPhone 15, Article 370, "Apt. 1C", "Prop. 13",
"pp. 12-15"), ordinals, times of day, phone and version numbers.

Stages, one module each: figures_patterns (regexes), figures_read (one number), figures_suffix
(what follows it), figures_nouns (counted noun, designation before), figures_counts (counts
without a noun, shares, vague amounts), figures_classify (ranges and kinds); word lists live in
figures_data.

Spans: a figure's span covers the number with its currency mark, scale, unit or counted noun,
and for ranges also "between"/"from". Approximation words ("about", "more than", "up to",
"some", "an estimated", "~"...) set ``approx`` but stay OUTSIDE the span; for years and dates
only true hedges count ("about", "around", "circa"...), not "over"/"since". Spans never overlap
and come in document order; ``sentence`` is the index of the sentence holding the span start
(-1 when no sentences are given).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from tui.core.extract.figures_classify import classify_with_range
from tui.core.extract.figures_patterns import (
    CANDIDATE,
    MONTH_NAMES,
    PREFIX_LETTERS,
    PREFIX_SYMBOLS,
    SP,
    VULGAR,
    W1_19,
    W10,
    alt,
    first_letter_trie,
)
from tui.core.extract.figures_read import designation_after, left_ok, read, time_prefix_before
from tui.core.extract.numbers import parse_money
from tui.core.model import Figure, Span

__all__ = ["extract_figures", "parse_money"]  # parse_money: shop-price strings, see numbers.py


_SYMBOL_CHARS = "".join(
    sorted({c for k in PREFIX_SYMBOLS for c in k if not c.isalnum() and c != "."})
)
# Two cheap trigger scans (each keeps the regex engine's first-character fast path, which one
# combined pattern loses): digit runs and currency/fraction marks, and number words or months.
_TRIG_NUM = re.compile(rf"[{re.escape(_SYMBOL_CHARS)}{VULGAR}]|\d+")
_TRIGGER_WORDS = sorted(
    [w for w in (W1_19 + "|" + W10).split("|")]
    + ["hundred", "thousand", "million", "billion", "trillion", "dozen", "half"]
    + [
        "third",
        "quarter",
        "fifth",
        "tens",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
    ],
    key=len,
    reverse=True,
)


_TRIG_WORD = re.compile(
    "(?:"
    + first_letter_trie(
        _TRIGGER_WORDS + [w.capitalize() for w in _TRIGGER_WORDS] + MONTH_NAMES.split("|")
    )
    + r")(?![a-z])"
)
_WORD_LEFT = frozenset(" \t\n\r\u00a0([\"“‘'")
_LETTER_PREFIX = re.compile(
    rf"(?<![A-Za-z])(?:{alt(PREFIX_LETTERS)}|[A-Z]{{1,3}}(?=\$))\.?{SP}?[-−]?$"
)
_DOLLAR_PREFIX = re.compile(r"(?<![A-Za-z])(?:US|U\.S\.|Can|CA|AU|NZ|HK|NT|BZ|MX|C|A|S|R)$")
_PREFIX_END = frozenset("".join(PREFIX_LETTERS) + ".")
_A_BEFORE = re.compile(r"(?<![A-Za-z])(?i:half an? |an? )$")
# Scale and fraction words start a figure only after "a" ("a million", "a third").
_SCALE_TRIGGERS = frozenset(
    ("hundred", "thousand", "million", "billion", "trillion", "dozen", "third", "quarter", "fifth")
)


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
            if prev == "-" and p > 1 and text[p - 2].isalpha() and time_prefix_before(text, p - 1):
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
            if not left_ok(text, p):
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
    match = CANDIDATE.match
    for p in _candidates(text):
        if p < last_end:
            continue
        m = match(text, p)
        if m is None or m.end() == p:
            continue
        digits = m.group("digits")
        if digits and " " in digits and designation_after(text, m.end("digits")):
            # "30 737 MAX jets": a plain space groups thousands only when no model name
            # follows; here the number ends at the space.
            m = match(text, p, m.start("digits") + digits.index(" "))
            if m is None or m.end() == p:
                continue
        r = read(text, m)
        if r is None:
            last_end = m.end()
            continue
        fig = classify_with_range(text, r)
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
