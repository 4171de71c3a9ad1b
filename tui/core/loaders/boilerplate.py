"""Recognising the lines around an article that are not the article.

Calls to action ("Subscribe to our newsletter", "Bookmark stories ... app"), bylines and
other page furniture are found by general patterns of wording and shape, not by a list
of known sentences.
"""

from __future__ import annotations

import re

_MAX_WORDS = 30
_MAX_CHARS = 220

# Imperative verbs of the "do something with this page/app/account" vocabulary.
_CTA_VERB = (
    r"(?:save|bookmark|subscribe|sign\s*up|sign\s*in|log\s*in|register|follow|like|share|"
    r"download|install|get|grab|click|tap|add|join|listen|watch|support|donate|become|"
    r"enable|turn\s+on|allow|check\s+out|visit|read|continue\s+reading|don'?t\s+miss|"
    r"never\s+miss|stay\s+(?:updated|informed|connected|tuned)|comment|email|send|tell|"
    r"upgrade|unlock|try|start\s+your|claim|receive|catch\s+up|discover|explore|submit|print|"
    r"support\s+us)"
)
_CTA_START = re.compile(
    r"^(?:please\s+|now\s+|also\s+|just\s+|simply\s+|click\s+here\s+(?:to\s+)?|tap\s+(?:here\s+)?to\s+)?"
    + _CTA_VERB
    # An imperative goes on with an object or a particle, not with a verb of its own
    # ("Share this story", not "Share prices fell").
    + r"(?:\s*!|\s*$|\s*&|\s+(?:and|or|the|this|these|that|our|your|us|it|to|for|on|up|in|"
    r"now|here|more|a|an|every|all|free|today|with|from|latest|exclusive|unlimited|stories|"
    r"news|articles?|updates|alerts|notifications|later|offline|anywhere)\b)",
    re.I,
)
# What a call to action is about: the site, the app, an account, a channel.
_CTA_OBJECT = re.compile(
    r"\b(?:apps?|newsletters?|device|devices|anywhere|source|notifications?|alerts?|updates|"
    r"here|link|us|our|channel|whatsapp|telegram|google|facebook|twitter|instagram|youtube|"
    r"linkedin|threads|tiktok|e-?mail|inbox|article|story|stories|subscription|subscribers?|"
    r"premium|members?|membership|account|feed|podcast|comments?|later|journalism|"
    r"play\s+store|app\s+store|ad-?free|free\s+trial|offline|edition|e-?paper|"
    r"reading\s+list|favou?rites|bookmarks|videos?|live|above|below|page)\b",
    re.I,
)
# Phrases that are page furniture wherever they stand on a short line.
_FURNITURE = re.compile(
    r"\bclick\s+here\b|\btap\s+here\b|\b(?:follow|like|join)\s+us\b|\bsubscribe\s+(?:to|now|for|today)\b|"
    r"\bsign\s+up\s+(?:for|to|now|today)\b|\bdownload\b.{0,40}\bapps?\b|"
    r"\bcopyrighted\s+(?:property|material)\b|\bwritten\s+permission\b.{0,60}\b(?:reprint|"
    r"reproduc|republish|redistribut)|\bsubmit\s+(?:your|a)\b.{0,40}\b(?:letter|form|tip|story)\b|"
    r"\bshare\s+this\s+(?:article|story|post|page)\b|\bpreferred\b.{0,40}\bsource\b|"
    r"^\s*(?:also\s+read|read\s+(?:more|also|next)|recommended|related(?:\s+(?:stories|articles))?|"
    r"trending|watch|listen|more\s+from\s+\w+)\s*[:|>\-–—]|"
    r"\bshare\s+(?:it|this)\b.{0,30}\b(?:friends|family|others|network)\b|"
    r"^\s*follow\s+.{1,40}\s+on\s+(?:google\s+news|twitter|x|facebook|instagram|whatsapp|"
    r"telegram|youtube|linkedin|threads)\b|"
    r"^\s*\(?\s*(?:photo|image|picture|file\s+photo|video|graphic)s?(?:\s+credit)?\s*[:|]|"
    r"\bstory\s+continues\s+below\b|^\s*advertisement\s*$|^\s*(?:sponsored|promoted)(?:\s+content)?\s*$|"
    r"\bin\s+your\s+inbox\b|\ball\s+rights\s+reserved\b|^\s*(?:©|copyright\b)|"
    r"^\s*(?:tags|topics|filed\s+under)\s*:|^\s*(?:share|print|email|comments?)"
    r"(?:\s*[|/•·]\s*(?:share|print|e-?mail|comments?|tweet|whatsapp|facebook|twitter))+\s*$",
    re.I,
)
# Every _FURNITURE alternative needs one of these words: a cheap test before the regex.
_FURNITURE_WORDS = frozenset({
    "click", "tap", "follow", "like", "join", "subscribe", "sign", "download", "copyrighted",
    "written", "submit", "share", "photo", "photos", "image", "images", "picture", "pictures",
    "file", "video", "videos", "graphic", "graphics", "continues",
    "advertisement", "sponsored", "promoted", "inbox", "rights", "copyright", "tags", "topics",
    "filed", "print", "email", "mail", "comment", "comments", "read", "recommended", "related",
    "trending", "watch", "listen", "more", "preferred",
})  # fmt: skip
_WORD = re.compile(r"[a-z]+")
# Reported speech is article text even when it sounds like an instruction.
_REPORTED = re.compile(
    r"\b(?:said|says|told|according\s+to|asked|urged|added|stated)\b|[\"“”]", re.I
)


def line_tokens(line: str) -> frozenset[str]:
    """The lowercase words of a line, once for every test that looks words up."""
    return frozenset(_WORD.findall(line.lower()))


def is_call_to_action(line: str, tokens: frozenset[str] | None = None) -> bool:
    """A short line asking the reader to save, share, subscribe, follow, download ...

    ``tokens`` are the line's `line_tokens` when the caller has them already.
    """
    line = line.strip()
    if not line or len(line) > _MAX_CHARS:
        return False
    words = line.split()
    if len(words) > _MAX_WORDS:
        return False
    furniture_words = not _FURNITURE_WORDS.isdisjoint(
        line_tokens(line) if tokens is None else tokens
    )
    if (furniture_words or "©" in line) and _FURNITURE.search(line) and not _REPORTED.search(line):
        return True
    if _CTA_START.match(line) and not _REPORTED.search(line):
        if len(words) <= 3:
            return True  # "Subscribe now", "Continue reading", "Sign up"
        short = len(words) <= 16 or line.endswith("!")
        return short and bool(_CTA_OBJECT.search(line) or line.endswith("!"))
    return False


_SITE_FROM_CTA = re.compile(
    r"\badd\s+(?P<site>[A-Z][\w&.'’ -]{0,40}?)\s+as\s+(?:your|a|an)\s+"
    r"(?:[\w-]+\s+){0,4}?source\b"
    r"|\bfollow\s+(?P<site2>[A-Z][\w&.'’ -]{0,40}?)\s+on\s+google\s+news\b",
    re.I,
)


def site_from_cta(line: str) -> str | None:
    """The publication a call to action names ("add Swarajya as your preferred source")."""
    m = _SITE_FROM_CTA.search(line)
    if not m:
        return None
    site = (m.group("site") or m.group("site2") or "").strip()
    if not site or site.lower() in {"us", "it", "this", "them", "this site", "our site"}:
        return None
    return site


_BY = re.compile(r"^(?:written\s+|reported\s+|words\s+|story\s+)?by[:\s]\s*(?P<who>.+)$", re.I)
_ORG_BYLINE = re.compile(
    r"^(?P<org>[A-Z][\w&.'’ -]{0,40}?)\s+(?P<kind>staff(?:\s+writers?)?|bureau|desk|"
    r"news\s+desk|web\s+desk|newsroom|editorial(?:\s+(?:team|board|staff))?|team|"
    r"news\s+service|correspondents?|reporters?)$",
    re.I,
)
# Words that can start an institutional byline without naming the publication.
_GENERIC_ORG = {
    "our", "the", "web", "news", "online", "digital", "special", "staff", "editorial",
    "political", "defence", "defense", "foreign", "business", "sports", "city", "national",
    "international", "metro", "local", "express", "a", "an",
}  # fmt: skip
_NAME_TOKEN = (
    r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.(?:\s?[A-Z]\.)*"
    r"|(?:de|da|van|von|der|bin|al|el|la|le|di|du)|Mc[A-Z][a-z]+)"
)
_NAME = re.compile(rf"^{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}$")
_ROLE = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|contributor|columnist|analyst|chief|"
    r"staff|journalist|producer|intern|fellow)s?\b",
    re.I,
)
_BYLINE_PLACE = re.compile(r"\s+(?:in|from)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*$")
_NAME_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\s*")


def parse_byline(line: str, *, loose: bool) -> tuple[list[str], str | None] | None:
    """(authors, site) when the line is a byline, else None.

    ``By ...`` lines always count; an institutional byline (``X Staff``, ``X Bureau``,
    ``X Desk``) is kept as the credited author and names the publication X as the site;
    a bare list of personal names counts only when ``loose`` (the line sits among the
    other header lines).
    """
    line = line.strip().rstrip(".")
    if not line or len(line) > 120:
        return None
    m = _BY.match(line)
    if m:
        who = re.split(r"\s*[|,–—]\s*(?=(?:updated|published|\w+\s+\d|\d))", m.group("who"))[0]
        who = _BYLINE_PLACE.sub("", who)
        names = [n.strip() for n in _NAME_SPLIT.split(who) if n.strip()]
        # "By Jane Doe, Senior Correspondent": the role is not a second author.
        people = [n for n in names if not _ROLE.search(n)] or names[:1]
        if not people:
            return None
        return people, _org_site(people[0]) if len(people) == 1 else None
    org = _org_site(line)
    if org is not None or _ORG_BYLINE.match(line):
        return [line], org
    if loose:
        names = [n.strip() for n in _NAME_SPLIT.split(line) if n.strip()]
        if names and all(_NAME.match(n) for n in names):
            return names, None
    return None


def _org_site(text: str) -> str | None:
    m = _ORG_BYLINE.match(text.strip())
    if not m:
        return None
    kind = m.group("kind").lower()
    if kind.startswith(("correspondent", "reporter")):
        return None  # "Defence Correspondent" names a beat, not a publication
    org = m.group("org").strip()
    if org.split()[0].lower() in _GENERIC_ORG:
        return None
    return org
