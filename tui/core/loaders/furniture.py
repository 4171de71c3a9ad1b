"""Page furniture inside an article body: credits, teasers, newsletter boxes, copyright and
provenance lines, bare Posted/Updated lines, captions and photo credits, and datelines.

Each is judged by shape and wording shared across news sites (word lists in
furniture_words.py), one paragraph at a time.
"""

from __future__ import annotations

import re

from tui.core.loaders.boilerplate import line_tokens
from tui.core.loaders.dates import is_dateline
from tui.core.loaders.furniture_words import (
    AGENCIES,
    CAPTION_HINTS,
    CONFUSABLES,
    COPYRIGHT_HINTS,
    CREDIT_ROLES,
    DATE_LABELS,
    INSIDE_WORDS,
    NEWSLETTER_HINTS,
    OPENERS,
    PHOTO_AGENCIES,
    TEASER_LABELS,
)

_SHORT = 40  # words: a credit, teaser or caption line is never longer
_OPENING_MARKS = frozenset("[(-–—•*·>©")
_PHOTO_END_HINTS = ("(", "/", "getty", "shutterstock", "istock", "alamy")
_SENTENCE_END = frozenset(".!?\"'”’")
_DATE_LINE_WORDS = 13  # "Posted: Thursday, April 21, 2022. 10:11 pm CST." and the like
_LONG_CHARS = 900  # a copyright or promotion box may run to a few sentences, not more


def _alternatives(words: tuple[str, ...]) -> str:
    longest_first = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest_first)


_UNCONFUSE = str.maketrans(CONFUSABLES)
# First words of every family of patterns read from the start of a line.
_OPENERS = frozenset(
    OPENERS | {w.split()[0] for w in (*CREDIT_ROLES, *TEASER_LABELS, *DATE_LABELS)}
)
_DIGIT = re.compile(r"\d")
_LOOKALIKE = re.compile(r"[\u0370-\u052f\u0261]")
_DASH = r"(?:--|[-–—])"

_CREDIT = re.compile(
    rf"\(?\s*(?:{_alternatives(CREDIT_ROLES)})(?:\s+and\s+\w+)?\s+by\s+(?-i:[A-Z])", re.I
)
_CONTRIBUTED = re.compile(
    r"\b(?:contributed|contributing)\s+(?:reporting\s+)?(?:to|for)\s+(?:this|the)\s+"
    r"(?:report|story|article|piece|post)(?:ing)?\s*\.?\s*$"
    r"|^(?:the\s+)?associated\s+press\s+(?:writers?|reporters?)\b.{0,200}\bcontributed\b",
    re.I,
)
_TEASER = re.compile(
    rf"^\s*(?:[-–—•*·>]\s*)?(?:{_alternatives(TEASER_LABELS)})\s*(?::|\||>|{_DASH}\s)"
    rf"|^\s*(?:{_alternatives(TEASER_LABELS)})\s*$",
    re.I,
)
# "- A SIMPLE GUIDE: How do I ...": a bulleted block of capitalised labels linking elsewhere.
_BULLET_LABEL = re.compile(r"^\s*[-–—•*·]\s*[A-Z][A-Z0-9 '’&-]{2,40}:\s+\S")
# "- Some Other Story - October 10, 2020": a related-posts list item.
_BULLET_DATED = re.compile(
    r"^\s*[-–—•*·]\s*.{10,200}\s[-–—|]\s*(?:\w+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w+\s+\d{4})\s*$"
)
# "[Related: Headline]": a bracketed promo standing alone.
_BRACKETED = re.compile(r"^\s*\[[^\[\]]{10,200}\]\s*$")
# "Largely unreported ... a very serious blow was delivered... more"
_EXCERPT = re.compile(r"(?:\.\.\.|…)\s*(?:\(?\s*(?:read\s+)?more\s*\)?|\[\s*…?\s*\])\s*$", re.I)
_NEWSLETTER = re.compile(
    r"\b(?:newsletters?|by\s+e-?mail|in\s+your\s+inbox|daily\s+edition|weekly\s+edition|"
    r"e-?edition|briefing)\b",
    re.I,
)
_SIGN_UP = re.compile(r"\b(?:sign\s*up|subscribe|register|sign\s+me\s+up|get\s+it\s+now)\b", re.I)
# Copyright notices may run to a few sentences; provenance lines are short (see is_furniture).
_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)\s*(?:19|20)\d\d|copyright\b|\(?copyright\s*©)"
    r"|\ball\s+rights\s+reserved\b|\bcopyrighted\s+(?:property|material)\b"
    r"|\bwritten\s+permission\b.{0,80}\b(?:reprint|reproduc|republish|redistribut)"
    r"|^\s*(?:this\s+)?(?:material|content)\s+may\s+not\s+be\s+(?:published|reproduced)",
    re.I,
)
_PROVENANCE = re.compile(
    r"\b(?:this|the)\s+(?:article|story|piece|post|report|content|interview|column)\s+"
    r"(?:was\s+|is\s+|has\s+been\s+)?(?:originally|first)\s+(?:appeared|ran|published|posted)"
    r"|^\s*(?:originally|first)\s+(?:published|appeared|posted)\s+(?:on|in|at|by)\b"
    r"|\b(?:republished|reprinted|reproduced)\s+(?:here\s+)?(?:with|by|under|from)\s+"
    r"(?:permission|kind\s+permission|arrangement|a\s+creative\s+commons|the\s+conversation)"
    r"|^\s*our\s+standards\s*:|\btrust\s+principles\b",
    re.I,
)
_DATE_LABEL = re.compile(rf"^\s*(?:{_alternatives(DATE_LABELS)})\s*:?\s*(?P<rest>.*)$", re.I)
_DOMAIN_ONLY = re.compile(
    r"^\s*(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}/?\s*$", re.I
)
_PHOTO_START = re.compile(
    r"\s*\(?\s*file\s+photo\b|\s*(?:photo|picture|image|photograph|illustration|graphic|video|"
    r"source|sources|credit|credits|image\s+credit|photo\s+credit|caption)s?\s*:",
    re.I,
)
_PHOTO_END = re.compile(
    r"(?:\(\s*file\s*\)"
    rf"|/\s*(?:{_alternatives(PHOTO_AGENCIES)})\s*\)?"
    r"|\b(?:getty\s+images|shutterstock|istock(?:photo)?|alamy)\s*\)?)\s*\.?\s*$",
    re.I,
)
_PHOTO_SLASH = re.compile(rf"\b(?:{_alternatives(PHOTO_AGENCIES)})\s*/\s*[A-Z]", re.I)
_PHOTO_BY = re.compile(
    r"\(\s*(?:photo|picture|image|photograph|pic|video)s?\s*(?:by|:|credit|courtesy)"
    r"|\b(?:photo|picture|image|photograph)\s+(?:by|courtesy\s+of|credit)\s*:?\s+[A-Z]",
    re.I,
)
# A caption ending with its credit: "... inside a vessel. By U.S. CUSTOMS AND BORDER PROTECTION"
_TRAILING_CREDIT = re.compile(
    r"[.!?”\"]\s+(?:[Bb]y|[Cc]ourtesy(?:\s+of)?|[Pp]hoto(?:graph)?\s+by)\s+"
    r"[A-Z][A-Z0-9.&'’ /-]{3,60}$"
)
_SIGN_OFF = re.compile(r"^\s*[-–—]\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*$")
_STANDALONE_BY = re.compile(r"^\s*by\s+(?-i:[A-Z])[^.!?]{2,120}$", re.I)
_CONTACT = re.compile(
    r"(?:[\w.+-]+@[\w-]+\.[\w.]+|\[email\s+protected\]|\b\d{3}[-. ]\d{3,4}(?:[-. ]\d{4})?\b)"
)
# A contact box opens with its verb ("To reach the reporter, contact ...", "Or by Email: ...");
# an address inside a sentence of the story is the story's.
_CONTACT_START = re.compile(
    r"^\W*(?:or\s+)?(?:(?:to\s+)?(?:reach|contact|e-?mail|write\s+to|call|send|tips?)|by\s+e-?mail)\b",
    re.I,
)
_REPORTED = re.compile(r"\b(?:said|says|told|according\s+to|announced)\b", re.I)
_PROMOTION = re.compile(
    r"^\s*(?:advertise\s+with|advertising\s+enquiries|for\s+advertising|feel\s+free\s+to\s+"
    r"(?:send|contact|write|reach)|got\s+a\s+(?:news\s+)?tip|have\s+a\s+(?:news\s+)?tip)",
    re.I,
)

_DATELINE = re.compile(
    # "LOS ANGELES (Reuters) - ", "WASHINGTON (CNN) -- ", "ST CATHERINE, Jamaica — ", "(CNN) — "
    rf"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){{0,3}}(?:,\s*[A-Z][\w.'’-]*"
    rf"(?:\s+[A-Z][\w.'’-]*){{0,2}})?)?\s*(?:\((?P<agency>[^()]{{2,40}})\))?\s*{_DASH}\s+(?=\S)"
)
_AGENCY = re.compile(rf"^(?:{_alternatives(AGENCIES)})$", re.I)
_CALL_SIGN = re.compile(r"^[A-Z]{3,5}(?:-(?:TV|FM|AM))?$")
_PLACE_AGENCY = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]+(?:,?\s+[A-Z][\w.'’-]+){0,3})\s*\((?P<agency>[^()]{2,30})\)"
    rf"\s*(?:{_DASH}\s*)?(?=[A-Z\"“‘'])"
)
_SITE_DATELINE = re.compile(rf"^(?P<site>[A-Z][\w.&'’ -]{{1,40}}?)\s+{_DASH}\s+(?=[A-Z\"“‘'])")


def unconfuse(text: str) -> str:
    """Text with Cyrillic and Greek look-alike letters read as the Latin ones they imitate."""
    if text.isascii() or not _LOOKALIKE.search(text):
        return text
    return text.translate(_UNCONFUSE)


def is_furniture(paragraph: str, tokens: frozenset[str] | None = None) -> bool:
    """A credit, teaser, newsletter box, copyright line, bare date line or caption.

    ``tokens`` are the paragraph's `line_tokens` when the caller has them already.
    """
    line = unconfuse(paragraph.strip())
    if not line or len(line) > _LONG_CHARS:
        return False
    lowered = line.casefold()
    opens = _opens_like_furniture(lowered)
    words = line.count(" ") + 1
    if not opens and _plain_sentence(line, lowered, words, tokens):
        return False
    legal = _hinted(lowered, COPYRIGHT_HINTS)
    if (opens and _PROMOTION.match(line)) or (legal and _COPYRIGHT.search(line)):
        return True
    if words > _SHORT:
        return False
    if legal and _PROVENANCE.search(line):
        return True
    if opens and _opening_marks_furniture(line, words):
        return True
    return (
        _ends_like_furniture(line, lowered)
        or (words <= _DATE_LINE_WORDS and _date_shaped(line) and _is_date(line))
        or ("/" in line and bool(_PHOTO_SLASH.search(line)))
        or (opens and _is_contact_box(line))
        or _hinted_furniture(line, lowered)
    )


def _plain_sentence(line: str, lowered: str, words: int, tokens: frozenset[str] | None) -> bool:
    """Running prose for certain: a long sentence ending as sentences do, with none of the
    words the patterns that read inside a line need (the common case, so checked first)."""
    if words <= _DATE_LINE_WORDS or line[-1] not in _SENTENCE_END:
        return False
    if "©" in line or "…" in line or "/" in line or "(c)" in lowered:
        return False
    return INSIDE_WORDS.isdisjoint(line_tokens(lowered) if tokens is None else tokens)


def _hinted_furniture(line: str, lowered: str) -> bool:
    """Contributor credits, "(Photo by ...)" captions and newsletter boxes."""
    if "contribut" in lowered and _CONTRIBUTED.search(line):
        return True
    if _hinted(lowered, CAPTION_HINTS) and _PHOTO_BY.search(line):
        return True
    return _hinted(lowered, NEWSLETTER_HINTS) and _is_newsletter_box(line)


def _opens_like_furniture(lowered: str) -> bool:
    """A cheap gate before the patterns that read the start of a line."""
    if lowered[0] in _OPENING_MARKS or " " not in lowered:
        return True
    return lowered.split(" ", 1)[0].strip(":,.") in _OPENERS


def _opening_marks_furniture(line: str, words: int) -> bool:
    """Credits, teasers, bullets, sign-offs, bare domains, date labels, caption labels."""
    starts = (
        _CREDIT, _TEASER, _BRACKETED, _BULLET_LABEL, _BULLET_DATED, _SIGN_OFF, _DOMAIN_ONLY,
        _PHOTO_START,
    )  # fmt: skip
    if any(p.match(line) for p in starts):
        return True
    if words <= 12 and _STANDALONE_BY.match(line):
        return True
    m = _DATE_LABEL.match(line)
    if m:
        rest = m.group("rest").strip(" .")
        dated = len(rest.split()) <= 4 and any(c.isdigit() for c in rest)
        return not rest or dated or is_dateline(rest)
    return False


def _ends_like_furniture(line: str, lowered: str) -> bool:
    """A teaser cut off with "... more", or a caption ending with its credit."""
    tail = lowered[-80:]
    if ("more" in tail or "…" in tail or "]" in tail) and _EXCERPT.search(line):
        return True
    if (" by " in tail or "courtesy" in tail) and _TRAILING_CREDIT.search(line):
        return True
    return _hinted(tail, _PHOTO_END_HINTS) and bool(_PHOTO_END.search(line[-60:]))


def _hinted(lowered: str, hints: tuple[str, ...]) -> bool:
    return any(map(lowered.__contains__, hints))


def _is_newsletter_box(line: str) -> bool:
    """A newsletter sign-up, not a sentence of reported speech."""
    found = _NEWSLETTER.search(line) and _SIGN_UP.search(line)
    return bool(found) and not _REPORTED.search(line)


def _is_contact_box(line: str) -> bool:
    """ "To reach the reporter, contact ...", not a sentence of reported speech."""
    found = _CONTACT_START.match(line) and _CONTACT.search(line)
    return bool(found) and not _REPORTED.search(line)


def _date_shaped(line: str) -> bool:
    """Holds a digit and at most two lowercase words of four letters or more ("hours ago")."""
    if _DIGIT.search(line) is None:
        return False
    return sum(1 for w in line.split() if len(w) >= 4 and w.isalpha() and w.islower()) <= 2


def _is_date(line: str) -> bool:
    """A date alone, or with one section word ("May 06, 2022 News")."""
    if is_dateline(line):
        return True
    head, _, last = line.rpartition(" ")
    return bool(head) and len(last) <= 12 and last.isalpha() and is_dateline(head)


def split_dateline(paragraph: str, site: str | None = None) -> tuple[str, str | None, str | None]:
    """(paragraph without its dateline, place, agency); the paragraph as is when it has none.

    Datelines: "LOS ANGELES (Reuters) - ", "AUSTIN (KXAN) — ", "London (CNN)It was ...",
    "ST CATHERINE, Jamaica — ", and the site's own name: "Kaieteur News – ".
    """
    found = _caps_dateline(paragraph) or _agency_dateline(paragraph)
    if found is None and site and len(site) >= 3:
        m = _SITE_DATELINE.match(paragraph)
        if m and m.group("site").casefold() == site.casefold():
            found = m.end(), None, m.group("site")
    if found is None:
        return paragraph, None, None
    end, place, agency = found
    rest = paragraph[end:]
    if len(rest.split()) < 6:
        return paragraph, None, None  # "US — Canada" in a list, not a dateline
    return rest, place, agency


def _caps_dateline(paragraph: str) -> tuple[int, str | None, str | None] | None:
    """ "LOS ANGELES (Reuters) - ", "ST CATHERINE, Jamaica — ", "(CNN) — "."""
    m = _DATELINE.match(paragraph)
    if not m or not (m.group("place") or m.group("agency")):
        return None
    place, agency = m.group("place"), m.group("agency")
    if agency is not None and not _is_agency(agency):
        return None
    if place is not None and (len(place.split(",")[0].replace(".", "")) < 2):
        return None
    return m.end(), (place.strip() if place else None), (agency.strip() if agency else None)


def _agency_dateline(paragraph: str) -> tuple[int, str | None, str | None] | None:
    """ "London (CNN)It was ...": any capitalised place, a known agency, a dash or not."""
    m = _PLACE_AGENCY.match(paragraph)
    if not m or not _AGENCY.match(m.group("agency").strip()):
        return None  # a call sign after a capitalised word may be a ticker: "Apple (AAPL)"
    return m.end(), m.group("place").strip(), m.group("agency").strip()


def _is_agency(name: str) -> bool:
    """A news agency we know, or a broadcaster's call sign ("KGO", "KXAN")."""
    name = name.strip()
    return bool(_AGENCY.match(name) or _CALL_SIGN.match(name))
