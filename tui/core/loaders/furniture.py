"""Page furniture inside an article body: credits, teasers, newsletter boxes, copyright and
provenance lines, bare Posted/Updated lines, captions and photo credits, and datelines.

Each is judged by shape and wording shared across news sites (word lists in
furniture_words.py), one paragraph at a time.
"""

from __future__ import annotations

import re

from tui.core.loaders.dates import is_dateline
from tui.core.loaders.furniture_words import (
    AGENCIES,
    CONFUSABLES,
    CREDIT_ROLES,
    DATE_LABELS,
    PHOTO_AGENCIES,
    TEASER_LABELS,
)

_SHORT = 40  # words: a credit, teaser or caption line is never longer
_LONG_CHARS = 900  # a copyright or promotion box may run to a few sentences, not more


def _alternatives(words: tuple[str, ...]) -> str:
    longest_first = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest_first)


_UNCONFUSE = str.maketrans(CONFUSABLES)
_DASH = r"(?:--|[-–—])"

_CREDIT = re.compile(
    rf"^\(?\s*(?:{_alternatives(CREDIT_ROLES)})(?:\s+and\s+\w+)?\s+by\s+(?-i:[A-Z])"
    r"|\b(?:contributed|contributing)\s+(?:reporting\s+)?(?:to|for)\s+(?:this|the)\s+"
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
_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)\s*(?:19|20)\d\d|copyright\b|\(?copyright\s*©)"
    r"|\ball\s+rights\s+reserved\b"
    r"|\b(?:this|the)\s+(?:article|story|piece|post|report|content|interview|column)\s+"
    r"(?:was\s+|is\s+|has\s+been\s+)?(?:originally|first)\s+(?:appeared|ran|published|posted)"
    r"|^\s*(?:originally|first)\s+(?:published|appeared|posted)\s+(?:on|in|at|by)\b"
    r"|\b(?:republished|reprinted|reproduced)\s+(?:here\s+)?(?:with|by|under|from)\s+"
    r"(?:permission|kind\s+permission|arrangement|a\s+creative\s+commons|the\s+conversation)"
    r"|\bcopyrighted\s+(?:property|material)\b|\bwritten\s+permission\b"
    r"|^\s*our\s+standards\s*:|\btrust\s+principles\b"
    r"|^\s*(?:this\s+)?(?:material|content)\s+may\s+not\s+be\s+(?:published|reproduced)",
    re.I,
)
_DATE_LABEL = re.compile(rf"^\s*(?:{_alternatives(DATE_LABELS)})\s*:?\s*(?P<rest>.*)$", re.I)
_DOMAIN_ONLY = re.compile(
    r"^\s*(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}/?\s*$", re.I
)
_PHOTO_CREDIT = re.compile(
    r"^\s*\(?\s*file\s+photo\b|\(\s*file\s*\)\s*\.?\s*$"
    rf"|\b(?:{_alternatives(PHOTO_AGENCIES)})\s*/\s*[A-Z]"
    rf"|/\s*(?:{_alternatives(PHOTO_AGENCIES)})\s*\)?\s*\.?\s*$"
    r"|\(\s*(?:photo|picture|image|photograph|pic|video)s?\s*(?:by|:|credit|courtesy)"
    r"|^\s*(?:photo|picture|image|photograph|illustration|graphic|video|source|sources|"
    r"credit|credits|image\s+credit|photo\s+credit|caption)s?\s*:"
    r"|\b(?:photo|picture|image|photograph)\s+(?:by|courtesy\s+of|credit)\s*:?\s+[A-Z]"
    r"|\b(?:getty\s+images|shutterstock|istock(?:photo)?|alamy)\s*\)?\s*\.?\s*$",
    re.I,
)
# A caption ending with its credit: "... inside a vessel. By U.S. CUSTOMS AND BORDER PROTECTION"
_TRAILING_CREDIT = re.compile(
    r"[.!?”\"]\s+(?:[Bb]y|[Cc]ourtesy(?:\s+of)?|[Pp]hoto(?:graph)?\s+by)\s+"
    r"[A-Z][A-Z0-9.&'’ /-]{3,60}$"
)
_SIGN_OFF = re.compile(r"^\s*[-–—]\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*$")
_STANDALONE_BY = re.compile(r"^\s*by\s+[A-Z][^.!?]{2,120}$", re.I)
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


def unconfuse(text: str) -> str:
    """Text with Cyrillic and Greek look-alike letters read as the Latin ones they imitate."""
    return text.translate(_UNCONFUSE)


def is_furniture(paragraph: str) -> bool:
    """A credit, teaser, newsletter box, copyright line, bare date line or caption."""
    line = unconfuse(" ".join(paragraph.split()))
    if not line or len(line) > _LONG_CHARS:
        return False
    if _COPYRIGHT.search(line) or _PROMOTION.match(line):
        return True
    words = len(line.split())
    if words > _SHORT:
        return False
    return (
        _is_credit_or_teaser(line)
        or _is_date_line(line)
        or _is_caption(line)
        or (_is_box(line) and not _REPORTED.search(line))
    )


def _is_box(line: str) -> bool:
    """A newsletter sign-up or a contact box."""
    if _NEWSLETTER.search(line) and _SIGN_UP.search(line):
        return True
    return bool(_CONTACT_START.match(line) and _CONTACT.search(line))


def _is_credit_or_teaser(line: str) -> bool:
    if _CREDIT.search(line) or _TEASER.match(line) or _BRACKETED.match(line):
        return True
    if _BULLET_LABEL.match(line) or _BULLET_DATED.match(line) or _EXCERPT.search(line):
        return True
    if _SIGN_OFF.match(line) or _DOMAIN_ONLY.match(line):
        return True
    return bool(_STANDALONE_BY.match(line)) and len(line.split()) <= 12


def _is_date_line(line: str) -> bool:
    """ "Posted on", "Updated 3 hours ago", "Release Date:", "May 06, 2022 News"."""
    m = _DATE_LABEL.match(line)
    if m:
        rest = m.group("rest").strip(" .")
        dated = len(rest.split()) <= 4 and any(c.isdigit() for c in rest)
        if not rest or dated or is_dateline(rest):
            return True
    if len(line.split()) <= 12 and is_dateline(line):
        return True
    # A date followed by one section word ("May 06, 2022 News", "October 22, 2019 report").
    head, _, last = line.rpartition(" ")
    return bool(head) and len(last) <= 12 and last.isalpha() and is_dateline(head)


def _is_caption(line: str) -> bool:
    return bool(_PHOTO_CREDIT.search(line) or _TRAILING_CREDIT.search(line))


def split_dateline(paragraph: str) -> tuple[str, str | None, str | None]:
    """(paragraph without its dateline, place, agency); the paragraph as is when it has none."""
    m = _DATELINE.match(paragraph)
    if not m or not (m.group("place") or m.group("agency")):
        return paragraph, None, None
    place, agency = m.group("place"), m.group("agency")
    if agency is not None and not _AGENCY.match(agency.strip()):
        return paragraph, None, None
    if place is not None and (len(place.split(",")[0].replace(".", "")) < 2):
        return paragraph, None, None
    rest = paragraph[m.end() :]
    if len(rest.split()) < 6:
        return paragraph, None, None  # "US — Canada" in a list, not a dateline
    return rest, (place.strip() if place else None), (agency.strip() if agency else None)
