"""Number parsing: digit strings with any separators, number words, and shop-style prices.

``parse_number("1.299,00")`` -> 1299.0, ``words_to_number("twenty-one")`` -> 21,
``parse_money("Rs. 1,499")`` -> (1499.0, "INR").
"""

from __future__ import annotations

import re

from tui.core.extract.figures_data import (
    FRACTION_WORDS,
    ISO_CODES,
    MORE_ISO_CODES,
    PRICE_CURRENCIES,
    SCALES,
    SMALL_NUMBERS,
)

_SPACES = "\u00a0\u202f\u2009 "
_DIGITS_ONLY = re.compile(r"\d+")
_SEP_SPACE = re.compile(r"([.,])[" + _SPACES + r"]+(?=\d)")
_GROUP_SPACE = re.compile(r"(?<=\d)[" + _SPACES + r"'’](?=\d{3}(?!\d))")
_WORD_SPLIT = re.compile(r"[\s\-]+")
_PERCENT_AFTER = re.compile(r"\s?%")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")


def _longest_first(words: list[str] | set[str] | frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def parse_number(raw: str, decimal_separator: str | None = None) -> float | None:
    """A number written with digits and ``.``/``,``/space separators, as a float.

    The decimal separator is guessed when not given: with both ``.`` and ``,`` the last one is
    decimal; a single separator followed by exactly three digits groups thousands ("320.000",
    "1,099"); repeated separators group thousands ("1.350.000"); otherwise it is decimal.
    A space after a separator is ignored ("36. 24"); a space between digit groups groups thousands.
    """
    if decimal_separator == "." and _PLAIN.fullmatch(raw):
        return float(raw)
    s = raw.strip(_SPACES + "'’")
    if not s:
        return None
    neg = False
    if s[0] in "-−–":
        neg = True
        s = s[1:].lstrip(_SPACES)
    # a space right after a separator belongs to the separator ("559. 99", "1.837, 32")
    s = _SEP_SPACE.sub(r"\1", s)
    # spaces and apostrophes between digit groups are thousands separators
    s = _GROUP_SPACE.sub("", s)
    s = s.rstrip(".,-–—" + _SPACES)
    if not s or not any(c.isdigit() for c in s):
        return None
    if decimal_separator is None:
        decimal_separator = _guess_decimal(s)
    thousands = "," if decimal_separator == "." else "."
    s = s.replace(thousands, "")
    if decimal_separator != ".":
        s = s.replace(decimal_separator, ".")
    # leading separators ("..75") collapse into one decimal point
    if s.startswith("."):
        s = "." + s.lstrip(".")
    if s.count(".") > 1:
        head, _, tail = s.rpartition(".")
        s = head.replace(".", "") + "." + tail
    try:
        value = float(s)
    except ValueError:
        return None
    return -value if neg else value


def _guess_decimal(s: str) -> str:
    last_dot, last_comma = s.rfind("."), s.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        return "." if last_dot > last_comma else ","
    sep = "." if last_dot >= 0 else ","
    pos = max(last_dot, last_comma)
    if pos < 0:
        return "."
    if s.count(sep) > 1:
        # "1.350.000" groups thousands; "..75" is a (doubled) decimal point
        return "," if sep == "." and not s.startswith(".") else "."
    after = s[pos + 1 :]
    before = s[:pos]
    groups_thousands = len(after) == 3 and after.isdigit() and before.isdigit()
    if groups_thousands and before != "0" and 1 <= len(before) <= 3:
        return "," if sep == "." else "."
    return sep


def words_to_number(words: str) -> float | None:
    """The value of a number written in words: "twenty-one", "two hundred and five",
    "half a million", "a dozen", "1.5 million" is not handled here (see the extractor)."""
    total = 0.0
    current = 0.0
    seen = False
    tokens = _WORD_SPLIT.split(words.lower().strip())
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in ("and", ""):
            pass
        elif t in ("a", "an"):
            if current == 0:
                current = 1
                seen = True
        elif t == "half" and i + 1 < len(tokens) and tokens[i + 1] in ("a", "an"):
            current = 0.5
            seen = True
            i += 1
        elif t in SMALL_NUMBERS:
            current += SMALL_NUMBERS[t]
            seen = True
        elif t == "dozen":
            current = (current or 1) * 12
            seen = True
        elif t == "hundred":
            current = (current or 1) * 100
            seen = True
        elif t in SCALES:
            total += (current or 1) * SCALES[t]
            current = 0
            seen = True
        elif t in FRACTION_WORDS and seen:
            current = (current or 1) * FRACTION_WORDS[t]
        else:
            return None
        i += 1
    if not seen:
        return None
    return total + current


# --- prices ----------------------------------------------------------------------------------

_PRICE_CUR_FORMS = set(PRICE_CURRENCIES) | set(ISO_CODES) | set(MORE_ISO_CODES)
_CUR_RE = re.compile(
    r"(?<![A-Za-z\u0400-\u04ff])(?:"
    + _longest_first(_PRICE_CUR_FORMS)
    + r"|[A-Z]{1,3}\$)(?![A-Za-z])"  # any "XX$" dollar: "RD$", "TT$", "J$"
)
_AMOUNT_RE = re.compile(r"[-−]?[.,]*\d(?:[\d.,'’]|[" + _SPACES + r"](?=[\d.,]))*(?:,-)?")


def currency_code(mark: str | None) -> str | None:
    """The ISO code of a currency mark ("$" -> "USD", "Kč" -> "CZK"); unknown marks unchanged."""
    if mark is None:
        return None
    mark = mark.strip()
    if mark in PRICE_CURRENCIES:
        return PRICE_CURRENCIES[mark]
    if mark.upper() in ISO_CODES or mark.upper() in MORE_ISO_CODES:
        return "CNY" if mark.upper() == "RMB" else mark.upper()
    return mark or None


def parse_money(
    s: str, currency_hint: str | None = None, decimal_separator: str | None = None
) -> tuple[float | None, str | None]:
    """Parse a shop-style price string into ``(amount, ISO currency code)``.

    Handles "1.299,00 €", "$ 12.50", "Rs. 1,499", "12,-", "USD 15", "R$ 1.500,00": the first
    amount in the string is taken; the currency is looked for in ``s`` first, then in the hint.
    Either part is None when absent.
    """
    marks = [m.group() for m in _CUR_RE.finditer(s)]
    if not marks and currency_hint:
        marks = [m.group() for m in _CUR_RE.finditer(currency_hint)]
    # a bare "$" is the least specific mark: "$1,190.00 AUD" is in Australian dollars
    marks.sort(key=lambda m: m == "$")
    currency = currency_code(marks[0]) if marks else None
    amount = None
    for am in _AMOUNT_RE.finditer(s):
        text = am.group()
        if not _DIGITS_ONLY.search(text) or _PERCENT_AFTER.match(s, am.end()):
            continue  # no digits, or a discount such as "-20%"
        # a minus sign is a dash in shop prices ("- $44.99"), except right before the digits
        if text[0] in "-−" and am.start() > 0 and s[am.start() - 1].isalnum():
            text = text[1:]
        amount = parse_number(text, decimal_separator)
        if amount is not None:
            amount = abs(amount) if text[0] not in "-−" else amount
            break
    return amount, currency
