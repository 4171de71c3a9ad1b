"""Document evidence that a capitalised string is not an entity of the article.

- Credit lines: a byline ("By Evan Symon, August 14"), "Reporting by ...; Editing by ...",
  "X contributed to this report", "(Picture by X)", and related-link lists ("- Title -
  October 10, 2020") name reporters and other articles, not the article's subjects.
- Ordinary words: a one-word name the text also writes in lowercase ("Appeal" beside
  "appeal") is an ordinary word capitalised by position or by a title, unless a gazetteer
  knows it or it is written as a name in the middle of a sentence more often than not.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from tui.core.extract import ner_features as nf
from tui.core.extract.entities.mentions import Mention, key
from tui.core.extract.entities.words import HEADLINE_SMALL, PERSON_NEXT, TITLES, WORK_NOUNS
from tui.core.model import Entity, Span

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Each pattern matches a whole line (at most _CREDIT_MAX characters) that credits people.
_CREDIT_RE = re.compile(
    r"[ \t]*(?:By|BY|Words by|Story by)[ \t]+[A-Z][^\n]{0,80}"  # a byline
    r"|[^\n]*\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Ee]dited|[Cc]ompiled|[Pp]roduced|"
    r"[Pp]hotos?|[Pp]ictures?|[Ii]mages?|[Vv]ideo|[Gg]raphics?|[Ii]llustrations?)[ \t]+by[ \t]"
    r"[^\n]*"
    r"|[^\n]*\bcontributed[ \t]+(?:to[ \t]+)?(?:this|the)[ \t]+(?:report|story|article)[^\n]*"
    rf"|[ \t]*[-•*–—][ \t][^\n]+[-–—|][ \t]+(?:{_MONTHS})\.?[ \t]+\d{{1,2}},?[ \t]+\d{{4}}[ \t]*"
)
_CREDIT_MAX = 200
_BULLETS = "-•*–—"


def credit_lines(text: str) -> list[Span]:
    """Spans of the lines that credit reporters, photographers or link to other articles."""
    spans: list[Span] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if (
            len(line) <= _CREDIT_MAX
            and (
                "by" in line
                or "By" in line
                or "BY" in line
                or "contributed" in line
                or line.lstrip()[:1] in _BULLETS
            )
            and _CREDIT_RE.fullmatch(text, start, end)
            and _credits_names(text, start, end)
        ):
            spans.append((start, end))
        start = end + 1
    return spans


def _credits_names(text: str, start: int, end: int) -> bool:
    """A byline-shaped line is a credit only when it is short of a sentence: "By Evan Symon,
    August 14" is, "By the end of the year, prices rose." is not."""
    line = text[start:end].strip()
    if not line.startswith(("By ", "BY ", "Words by", "Story by")):
        return True
    return not line.endswith((".", "?", "!")) or line.count(" ") <= 6


def outside(mentions: list[Mention], spans: Iterable[Span]) -> list[Mention]:
    """The mentions that start outside every span (both sorted by start)."""
    spans = list(spans)
    if not spans:
        return mentions
    kept = []
    k = 0
    for m in mentions:
        while k < len(spans) and spans[k][1] <= m.start:
            k += 1
        if k < len(spans) and spans[k][0] <= m.start < spans[k][1]:
            continue
        kept.append(m)
    return kept


def mixed_script(word: str) -> bool:
    """Latin letters mixed with Cyrillic or Greek look-alikes ("Аdvеrtіѕе"): spam, not a name."""
    if word.isascii():
        return False
    latin = other = False
    for c in word:
        if c.isascii():
            latin = latin or c.isalpha()
        elif "\u0370" <= c <= "\u04ff":
            other = True
    return latin and other


def ordinary_words(text: str, mentions: list[Mention]) -> set[str]:
    """Keys of one-word mentions that are ordinary words: the text writes them in lowercase at
    least as often as it capitalises them in mid-sentence ("Appeal", "Trust", "Officials")."""
    mid: dict[str, int] = {}
    candidates: dict[str, str] = {}
    for m in mentions:
        if len(m.tokens) != 1 or m.strong or m.label == "PRODUCT":
            continue
        word = m.text
        if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
            continue
        candidates[m.key] = word.lower()
        if not m.first:
            mid[m.key] = mid.get(m.key, 0) + 1
    in_names = {t for m in mentions if len(m.tokens) > 1 for t in m.tokens}
    common = nf.lowercase_words()
    out = set()
    for k, low in candidates.items():
        if not mid.get(k) and low in common and low.title() not in in_names:
            out.add(k)  # only ever opening a sentence, and an ordinary English word
            continue
        lower = _count_whole_word(text, low)
        if low.endswith("s") and not lower:
            lower = _count_whole_word(text, low[:-1])  # "Emails" when the text says "email"
        if lower and lower >= mid.get(k, 0):
            out.add(k)
    return out


def _count_whole_word(text: str, low: str) -> int:
    n = 0
    i = text.find(low)
    while i >= 0:
        j = i + len(low)
        if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
            n += 1
        i = text.find(low, j)
    return n


_PARTY_STATE_RE = re.compile(r"[DRI][-‐‑]([A-Z][A-Za-z.]*)\Z")
_DATELINE_AFTER_RE = re.compile(r"[ \t]*(?:,|\(|--|—|–|-[ \t])")
# No leading \b: a pattern that opens with literal letters lets the engine skip to them;
# word_starts() checks the boundary.
_LAW_RE = re.compile(
    r"(?:Prop\.|Proposition|Section|Article|Title|Amendment)[ \t]+\d{1,4}[A-Z]?\b"
)
_WORD_CHAR_RE = re.compile(r"\w")


def word_starts(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches finditer would give for pattern with a leading \\b (which starts at a
    letter): those not preceded by a word character, scanning on past the others."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        a = m.start()
        if a and _WORD_CHAR_RE.match(text, a - 1):
            pos = a + 1
            continue
        yield m
        pos = m.end() if m.end() > a else a + 1

_NAMED_LAW_RE = re.compile(r"\b[A-Z][a-z]+['’]s[ \t]+Law\b")  # "Moore's Law"


def places_by_pattern(text: str, mentions: list[Mention]) -> None:
    """Relabel places that the layout shows: the state of a party tag ("(D-Calif.)" ->
    "Calif."), a capitalised dateline ("LOS ANGELES (Reuters) -"), and a town before its state
    or country ("Reno, Nev.", "Redmond, Washington"). Every mention of the same string follows."""
    places: set[str] = set()
    for i, m in enumerate(mentions):
        pm = _PARTY_STATE_RE.match(m.text)
        if pm:
            m.start += 2
            if text.startswith(".", m.end) and not m.text.endswith("."):
                m.end += 1
            m.text = text[m.start : m.end]
            m.tokens = (m.text,)
            m.key = key(m.text)
            m.label = "GPE"
            continue
        at_line_start = m.start == 0 or text[m.start - 1] == "\n"
        if at_line_start and m.text.isupper() and _DATELINE_AFTER_RE.match(text, m.end):
            places.add(m.key)
        elif m.label in ("PERSON", "ORG") and i + 1 < len(mentions):
            nxt = mentions[i + 1]
            if nxt.label == "GPE" and text[m.end : nxt.start] in (", ", ",\u00a0"):
                places.add(m.key)
    for m in mentions:
        if m.key in places:
            m.label = "GPE"


def numbered_laws(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with numbered laws and sections added ("Prop. 13", "Section 8"); a mention
    inside one ("Section") gives way to it, one overlapping it otherwise keeps its place."""
    laws = []
    hits = list(word_starts(_LAW_RE, text))
    if "s Law" in text or "s\tLaw" in text:
        hits.extend(_NAMED_LAW_RE.finditer(text))
    for lm in hits:
        a, b = lm.span()
        laws.append(Mention(a, b, "LAW", text[a:b], tuple(text[a:b].split()), False))
    return with_mentions(mentions, laws)


def with_mentions(
    mentions: list[Mention], new: list[Mention], new_wins: bool = False
) -> list[Mention]:
    """The mentions (sorted, not overlapping) with new ones (sorted, not overlapping) added: a
    mention inside a new one gives way to it; where they overlap otherwise, the mention stays
    and the new one is not added, unless `new_wins`. Linear in both, by a merge."""
    if not new:
        return mentions
    kept: list[Mention] = []
    added: list[Mention] = []
    i = 0
    for n in new:
        while i < len(mentions) and mentions[i].end <= n.start:
            kept.append(mentions[i])
            i += 1
        clash = []
        while i < len(mentions) and mentions[i].start < n.end:
            clash.append(mentions[i])
            i += 1
        inside = all(n.start <= m.start and m.end <= n.end for m in clash)
        if inside or new_wins:
            added.append(n)
        else:
            kept.extend(clash)
    kept.extend(mentions[i:])
    return sorted(kept + added, key=lambda x: x.start)


def inside_any(spans: list[Span], pos: int) -> bool:
    """Whether pos lies in one of the spans (sorted, not overlapping)."""
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


_QUOTED_RE = re.compile(r"[“\"]([A-Z0-9][^“”\"\n]{0,70}?)[,.]?[”\"]")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\W*\Z")
_LIST_GAP_RE = re.compile(r"[ \t]*(?:,|,?[ \t]+and|,?[ \t]+or)?[ \t]*(?:[a-z]+[ \t]+){0,2}\Z")


def quoted_works(text: str, mentions: list[Mention]) -> list[Mention]:
    """Titles of works in quotation marks: 'thriller "Parasite"', '"Fleabag" creator', and the
    titles listed with them ('"Joker," "Marriage Story," and "Little Women"'). Every mention of
    such a title, quoted or not, is a WORK_OF_ART; mentions inside the quotes give way."""
    found: list[tuple[int, int, int, int, bool]] = []
    for qm in _QUOTED_RE.finditer(text):
        a, b = qm.span(1)
        title = text[a:b]
        words = title.split()
        if not words or len(words) > 8 or not all(_title_word(w) for w in words):
            continue
        found.append((a, b, qm.start(), qm.end(), _announced(text, qm.start(), qm.end())))
    works = _spread_over_lists(text, found)
    if not works:
        return mentions
    titles = {key(text[a:b]) for a, b in works}
    titles |= {t[4:] for t in titles if t.startswith("the ")}  # "Irishman" of "The Irishman"
    for m in mentions:
        if m.key in titles:
            m.label = "WORK_OF_ART"
    new = [
        Mention(a, b, "WORK_OF_ART", text[a:b], tuple(text[a:b].split()), False) for a, b in works
    ]
    return with_mentions(mentions, new, new_wins=True)


def _title_word(word: str) -> bool:
    w = word.strip(",.:;!?")
    return bool(w) and (w[:1].isupper() or w[:1].isdigit() or w in HEADLINE_SMALL)


def _announced(text: str, qs: int, qe: int) -> bool:
    """A work noun just before the quote (within two words) or right after it."""
    before = text[max(0, qs - 40) : qs].split()[-3:]
    after = text[qe : qe + 30].split()[:1]
    return any(w.lower().strip(",.’'s") in WORK_NOUNS for w in before + after)


def _spread_over_lists(
    text: str, found: list[tuple[int, int, int, int, bool]]
) -> list[tuple[int, int]]:
    """Quoted titles next to an announced one in a list are titles too."""
    ok = [f[4] for f in found]
    for _ in range(2):
        for i in range(len(found) - 1):
            gap = text[found[i][3] : found[i + 1][2]]
            if len(gap) <= 30 and _LIST_GAP_RE.match(gap) and (ok[i] or ok[i + 1]):
                ok[i] = ok[i + 1] = True
    return [(f[0], f[1]) for f, good in zip(found, ok, strict=True) if good]


def trusted(text: str, entities: list[Entity]) -> list[Entity]:
    """The entities without lone one-word people: a single word the tagger took for a person,
    met once, never with a full name or a title ("Emma", "Swift"), is wrong more often than
    not on news pages; "Mr Clinton", "Clinton said" and "the Assad regime" are kept."""
    return [e for e in entities if not _lone_person(text, e)]


def _lone_person(text: str, ent: Entity) -> bool:
    if ent.label != "PERSON" or len(ent.mentions) != 1 or ent.aliases or " " in ent.name:
        return False
    start, end = ent.mentions[0]
    before = text[max(0, start - 20) : start].split()
    after = text[end : end + 20].split()
    if before and before[-1] in TITLES:
        return False
    return not (after and after[0].strip(",.;:") in PERSON_NEXT)  # "Kerry said", "Assad regime"
