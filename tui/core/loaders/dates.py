"""Datelines and timestamps as news sites print them, with their time zones."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

# Common zone abbreviations in news datelines -> offset in minutes. Ambiguous ones take
# the reading a news site most likely means (IST = India, CST = US Central).
TZ_OFFSETS: dict[str, int] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 60, "IST": 330, "WEST": 60,
    "CET": 60, "CEST": 120, "MET": 60, "MEST": 120, "EET": 120, "EEST": 180,
    "MSK": 180, "TRT": 180, "AST": 180, "GST": 240, "PKT": 300, "NPT": 345,
    "BDT": 360, "ICT": 420, "WIB": 420, "SGT": 480, "HKT": 480, "PHT": 480,
    "AWST": 480, "KST": 540, "JST": 540, "ACST": 570, "ACDT": 630,
    "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780, "SAST": 120, "WAT": 60,
    "EAT": 180, "CAT": 120, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
    "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "AKST": -540,
    "AKDT": -480, "HST": -600, "NST": -210, "NDT": -150, "ADT": -180,
    "BRT": -180, "ART": -180,
}  # fmt: skip
# "ET"/"PT"... name a zone but not whether summer time applies: take the date's rule.
_US_GENERIC = {"ET": (-300, -240), "CT": (-360, -300), "MT": (-420, -360), "PT": (-480, -420)}

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DATE_MDY = re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+(?P<year>\d{4})", re.I)
_DATE_DMY = re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.I)
_DATE_ISO = re.compile(r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})")
_TIME = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?(?![\d:])"
    r"|(?<![\d:])(?P<h2>\d{1,2})\s*(?P<ampm2>[ap]\.?m\.?)(?!\w)",
    re.I,
)
_ZONE = re.compile(
    r"(?<![A-Za-z])(?:(?P<abbr>[A-Z]{1,5})(?![A-Za-z])(?P<abbr_off>\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
    r"|(?P<off>[+-]\d{2}:?\d{2}))"
)
_UPDATED = re.compile(r"\b(?:last\s+)?(?:updated|modified|edited|revised)\b:?", re.I)
_PUBLISHED = re.compile(r"\b(?:published|posted|first published|created)(?:\s+on)?\b:?", re.I)
# What a dateline may contain besides dates, times and zones.
_DATELINE_WORDS = re.compile(
    r"\b(?:updated|last|modified|edited|revised|published|posted|first|on|at|created|"
    r"and|am|pm|a\.m|p\.m|hrs|hours?|ist|gmt|utc|ago|mins?|minutes?|days?|read|"
    r"\d+)\b",
    re.I,
)


def _offset(abbr: str, extra: str | None, when: datetime) -> timezone | None:
    abbr = abbr.upper()
    minutes: int | None
    if abbr in TZ_OFFSETS:
        minutes = TZ_OFFSETS[abbr]
    elif abbr in _US_GENERIC:
        std, dst = _US_GENERIC[abbr]
        minutes = dst if _us_dst(when) else std
    else:
        return None
    if extra:
        minutes += _parse_offset(extra)
    return timezone(timedelta(minutes=minutes))


def _us_dst(when: datetime) -> bool:
    """US daylight time: second Sunday of March to first Sunday of November."""
    march = datetime(when.year, 3, 8)
    start = march + timedelta(days=(6 - march.weekday()) % 7)
    nov = datetime(when.year, 11, 1)
    end = nov + timedelta(days=(6 - nov.weekday()) % 7)
    return start <= when.replace(tzinfo=None) < end


def _parse_offset(text: str) -> int:
    text = text.replace(" ", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-").replace(":", "")
    if len(digits) <= 2:
        hours, mins = int(digits), 0
    else:
        hours, mins = int(digits[:-2]), int(digits[-2:])
    return sign * (hours * 60 + mins)


def _find_date(text: str) -> tuple[int, int, int, re.Match[str]] | None:
    for pattern in (_DATE_MDY, _DATE_DMY, _DATE_ISO):
        m = pattern.search(text)
        if m:
            mon = m.group("mon")
            month = int(mon) if mon.isdigit() else _MONTHS[mon.lower().rstrip(".")]
            try:
                datetime(int(m.group("year")), month, int(m.group("day")))
            except ValueError:
                continue
            return int(m.group("year")), month, int(m.group("day")), m
    return None


def _find_time(text: str) -> tuple[int, int, int] | None:
    m = _TIME.search(text)
    if not m:
        return None
    hour = int(m.group("h") or m.group("h2"))
    minute = int(m.group("m") or 0)
    second = int(m.group("s") or 0)
    ampm = (m.group("ampm") or m.group("ampm2") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def _find_zone(text: str, when: datetime) -> timezone | None:
    for m in _ZONE.finditer(text):
        if m.group("off"):
            return timezone(timedelta(minutes=_parse_offset(m.group("off"))))
        tz = _offset(m.group("abbr"), m.group("abbr_off"), when)
        if tz is not None:
            return tz
    return None


def is_dateline(line: str) -> bool:
    """A short line that is only a date (and times, zones, 'Updated' ...)."""
    if len(line) > 120 or _find_date(line) is None:
        return False
    rest = _DATE_MDY.sub(" ", line)
    rest = _DATE_DMY.sub(" ", rest)
    rest = _DATE_ISO.sub(" ", rest)
    rest = _TIME.sub(" ", rest)
    rest = _DATELINE_WORDS.sub(" ", rest)
    rest = _ZONE.sub(lambda m: " " if _zone_known(m) else m.group(0), rest)
    rest = re.sub(r"[\s|,;:/()\-–—•·.]+", "", rest)
    return len(rest) <= 3


def _zone_known(m: re.Match[str]) -> bool:
    abbr = (m.group("abbr") or "").upper()
    return bool(m.group("off")) or abbr in TZ_OFFSETS or abbr in _US_GENERIC


def parse_dateline(line: str) -> tuple[datetime | None, datetime | None]:
    """(published, updated) from a dateline such as
    ``Sep 03, 2025, 09:41 AM | Updated 09:41 AM IST``.

    A zone stated anywhere on the line applies to both times; a part with a time but no
    date (``Updated 09:41 AM``) takes the published date. Without a zone the times are naive.
    """
    m = _UPDATED.search(line)
    pub_part, upd_part = (line[: m.start()], line[m.end() :]) if m else (line, "")
    pub_part = _PUBLISHED.sub(" ", pub_part)
    published = _part_datetime(pub_part, None)
    updated = _part_datetime(upd_part, published) if upd_part else None
    if published is None and updated is not None and not m:
        published, updated = updated, None
    # One zone for the line when only one part names it.
    zone_src = published or updated
    if zone_src is not None:
        line_zone = _find_zone(line, zone_src)
        if line_zone is not None:
            if published is not None and published.tzinfo is None:
                published = published.replace(tzinfo=_find_zone(pub_part, published) or line_zone)
            if updated is not None and updated.tzinfo is None:
                updated = updated.replace(tzinfo=_find_zone(upd_part, updated) or line_zone)
    return published, updated


def _part_datetime(part: str, base: datetime | None) -> datetime | None:
    date = _find_date(part)
    rest = part
    if date is not None:
        year, month, day, dm = date
        rest = part[: dm.start()] + " " + part[dm.end() :]
    elif base is not None and _find_time(part) is not None:
        year, month, day = base.year, base.month, base.day
    else:
        return None  # nothing absolute here ("Updated 2 hours ago")
    t = _find_time(rest)
    hour, minute, second = t if t else (0, 0, 0)
    when = datetime(year, month, day, hour, minute, second)
    tz = _find_zone(rest, when)
    return when.replace(tzinfo=tz) if tz else when


def parse_timestamp(value: str | None) -> datetime | None:
    """A timestamp in any format feeds and pages use: ISO 8601, RFC 822, or a dateline."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    if not value:
        return None
    iso = value.replace("Z", "+00:00") if value.endswith("Z") else value
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    try:
        dt = parsedate_to_datetime(value)
        if dt is not None:
            return dt
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    published, updated = parse_dateline(value)
    return published or updated


def from_struct(value: object) -> datetime | None:
    """A feedparser ``*_parsed`` time tuple (always UTC) as an aware datetime."""
    try:
        return datetime(*value[:6], tzinfo=UTC)  # type: ignore[index,misc]
    except (TypeError, ValueError, IndexError):
        return None
