"""Reading one number at a candidate position: digits, words, dates, and what rules it out."""

from __future__ import annotations

import re

from tui.core.extract.figures_counts import vague_amount
from tui.core.extract.figures_data import (
    CURRENCY_SYMBOLS,
    ISO_CODES,
    MONTHS,
    VULGAR_FRACTIONS,
)
from tui.core.extract.figures_patterns import (
    DAY_MONTH,
    DAY_NEXT,
    FISCAL,
    MONTH_DAY,
    NEXT_TOKEN,
    NUM_DATE,
    ORDINAL,
    PHONE,
    TIME_AFTER,
    UNIT_ALT,
    Reading,
)
from tui.core.extract.figures_suffix import read_suffix
from tui.core.extract.numbers import parse_number, words_to_number

_GROUPS = (
    "pre",
    "sign",
    "iso",
    "sfrac",
    "digits",
    "frac",
    "vf",
    "vulgar",
    "words",
    "month",
    "vague",
)


def read(text: str, m: re.Match[str], in_range: bool = False) -> Reading | None:
    """Read the candidate at ``m`` with what follows it (scale, unit, currency...).

    ``in_range``: the number is the second end of a range ("5-10"), so the dash before it is
    a range dash, not part of a designation."""
    pre, sign, iso, sfrac, digits, frac, vf, vulgar, words, month, vague = m.group(*_GROUPS)
    s = m.start()
    if month is not None:
        return _read_month(text, m)
    if iso is not None:
        return _read_iso(text, m)
    if vague is not None:
        return vague_amount(text, m)
    if words is not None:
        value = words_to_number(words)
        if value is None:
            return None
        s, e = m.start("words"), m.end("words")
        r = Reading(start=s, end=e, value=value, words=True)
        return read_suffix(text, r, None)
    if sfrac is not None:
        a, b = (int(x) for x in sfrac.split("/"))
        if a >= b or (pre is None and not left_ok(text, m.start("sfrac"))):
            return None
        fr = read_suffix(text, Reading(m.start(), m.end(), a / b), _prefix_currency(pre))
        # a lone "1/2" is a date, score or ratio unless a unit or currency makes it a figure
        return fr if fr is not None and fr.kind in ("quantity", "money") else None
    # digits (or a vulgar fraction)
    num_start = m.start("digits") if digits is not None else m.start("vulgar")
    if sign:
        num_start = m.start("sign")
    if pre is None:
        s = num_start
        if not in_range and not left_ok(text, s):
            return None
    elif not _prefix_left_ok(text, s):
        return None
    e = m.end()
    if digits is not None:
        if pre is None and len(digits) == 4 and digits.isdigit():
            fy = FISCAL.match(text, m.end("digits"))
            if fy is not None and 1800 <= int(digits) <= 2100:
                hi = int(fy.group(1))
                if hi < 100:
                    hi += int(digits) // 100 * 100
                    hi += 100 if hi < int(digits) else 0  # "1999/00"
                if hi == int(digits) + 1:  # "2020/21", "2023/2024": a fiscal or season year
                    return Reading(s, fy.end(), int(digits), kind="year_range", text_value=str(hi))
        ds = m.start("digits")
        if (
            pre is None
            and not sign
            and ("/" in text[ds + 1 : ds + 3] or "." in text[ds + 1 : ds + 3])
        ):
            nd = NUM_DATE.match(text, ds)
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
            num, den = (int(x) for x in frac.split("/"))
            if den == 0 or num >= den:
                return None
            value += num / den
        if vf:
            value += VULGAR_FRACTIONS[vf]
    else:
        value = VULGAR_FRACTIONS[vulgar]
    if sign:
        value = -value
    r = Reading(start=s, end=e, value=value)
    if digits is not None and pre is None and not frac and not vf:
        if len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2100:
            r.year_like = True
            if text.startswith("s", e) and not text[e + 1 : e + 2].isalpha():
                r.decade = int(digits) % 10 == 0  # "1960s"; "1800s" is a century
                r.end = e + 1
                return r
        date = DAY_MONTH.match(text, e) if text[e : e + 1] in DAY_NEXT else None
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
    return read_suffix(text, r, _prefix_currency(pre))


def _read_numeric_date(nd: re.Match[str]) -> Reading | None:
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
    return Reading(nd.start(), nd.end(), 0, kind="date", text_value=value)


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


_UNIT_WORD = re.compile(rf"(?:{UNIT_ALT})")


def designation_after(text: str, e: int) -> bool:
    """True when an all-capitals model name follows the number ending at ``e`` ("737 MAX"),
    not a currency code or a unit ("10 000 USD", "5 000 MW")."""
    t = NEXT_TOKEN.match(text, e)
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


def left_ok(text: str, s: int) -> bool:
    """False when the number at ``s`` is part of a designation, code, time or phone number."""
    if s == 0:
        return True
    c = text[s - 1]
    if c.isalnum() or c in "_#@/\\^+:$":
        return False
    if c in "-‐–.·" and s >= 2 and (text[s - 2].isalnum() or text[s - 2] in "-/"):
        # "S-400", "COVID-19", "v1.2" are designations; "5-10" is handled as a range earlier;
        # but "mid-2024", "pre-2020" are years
        return c == "-" and time_prefix_before(text, s - 1)
    # "245 23": a run of loose numbers is not a figure
    return not (c in " \u00a0" and s >= 2 and text[s - 2].isdigit())


_TIME_PREFIXES = frozenset(("mid", "pre", "post", "early", "late", "end", "start", "since"))


def time_prefix_before(text: str, dash: int) -> bool:
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
    if c == "-" and nxt[1:].isdigit() and PHONE.match(text, e - len(digits)):
        return True
    if c in _TIME_START and TIME_AFTER.match(text, e):
        return True
    # "3rd" is an ordinal, not a figure, unless it starts a date ("3rd September 2025")
    if c in "sntr":
        return ORDINAL.match(text, e) is not None and DAY_MONTH.match(text, e) is None
    return False


_TIME_START = frozenset(":. aApPhGIU")


def _read_month(text: str, m: re.Match[str]) -> Reading | None:
    month = MONTHS[m.group("month").lower()]
    dm = MONTH_DAY.match(text, m.end())
    if dm is None:
        return None
    if dm.group("year2"):
        year = int(dm.group("year2"))
        if not 1000 <= year <= 2999:
            return None
        return Reading(m.start("month"), dm.end(), 0, kind="date", text_value=f"{year}-{month:02d}")
    day = int(dm.group("day"))
    if not 1 <= day <= 31:
        return None
    if m.group("month") == "May" and not dm.group("year"):
        return None  # "May 5" is too often the verb
    if dm.group("year"):
        value = f"{dm.group('year')}-{month:02d}-{day:02d}"
    else:
        value = f"--{month:02d}-{day:02d}"
    return Reading(m.start("month"), dm.end(), 0, kind="date", text_value=value)


def _read_iso(text: str, m: re.Match[str]) -> Reading | None:
    iso = m.group("iso")
    _, mo, d = (int(x) for x in iso.split("-"))
    if not (1 <= mo <= 12 and 1 <= d <= 31) or not left_ok(text, m.start("iso")):
        return None
    return Reading(m.start("iso"), m.end("iso"), 0, kind="date", text_value=iso)
