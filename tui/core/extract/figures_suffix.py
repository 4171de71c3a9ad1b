"""What follows a number: scale word, percent, currency, measurement unit."""

from __future__ import annotations

import re

from tui.core.extract.figures_data import (
    AMBIGUOUS_SYMBOLS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    INCH_FOLLOWERS,
    LETTER_SCALES,
    SCALES,
)
from tui.core.extract.figures_nouns import is_plural
from tui.core.extract.figures_patterns import (
    AND_HALF,
    NEXT_TOKEN,
    PER_RE,
    PER_UNIT,
    PLUS_MINUS,
    SCALE_RE,
    SUFFIX_RE,
    UNIT_FORMS,
    UNIT_LOWER,
    Reading,
)


def read_suffix(text: str, r: Reading, currency: str | None) -> Reading | None:
    e = r.end
    half = AND_HALF.match(text, e) if text.startswith(" and a half", e) else None
    if half is not None:
        r.value += 0.5  # "one and a half million", "2 and a half years"
        e = half.end()
    pm = PLUS_MINUS.match(text, e) if "±" in text[e : e + 2] or "+/-" in text[e : e + 4] else None
    if pm is not None:
        e = pm.end()  # "5 ± 0.5 kg": the unit follows the uncertainty
    scale = 1.0
    sm = SCALE_RE.match(text, e)
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
            nxt = NEXT_TOKEN.match(text, sm.end())
            if nxt is not None and is_plural(nxt.group(1)):
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
        sx = SUFFIX_RE.match(text, e)
        redundant = sx is not None and (sx.group("iso") or sx.group("curw"))
        if (
            sx is not None
            and redundant
            and (sx.group("curw") or "").lower() not in ("cent", "cents")
        ):
            r.end = sx.end()
        _per(text, r)
        return r
    sx = SUFFIX_RE.match(text, e)
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
        unit = UNIT_FORMS.get(form) or UNIT_LOWER.get(form.lower())
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
            per = PER_UNIT.match(text, r.end)
            if per is not None:
                denom = UNIT_FORMS.get(per.group("u")) or UNIT_LOWER.get(per.group("u").lower())
                if denom is not None:
                    r.unit = f"{unit} per {denom}"
                    r.end = per.end()
    return r


def _ambiguous_ok(text: str, r: Reading, sx: re.Match[str], form: str) -> bool:
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


def _per(text: str, r: Reading) -> None:
    pm = PER_RE.match(text, r.end)
    if pm:
        r.end = pm.end()
