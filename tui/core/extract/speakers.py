"""Speakers to full names: surnames, "he"/"she" and "the governor" to the person meant.

Works on the rows of claim_rows after quotations have shared their speakers, in document
order, with the PERSON entities of the article (when the caller has them) and the named
speakers met so far.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from tui.core.extract.claim_rows import Row
from tui.core.extract.speaker_data import GENDER_NOUNS, GENDER_TITLES, ROLE_TITLES
from tui.core.model import Entity, Span

_MAX_SEEN = 50  # speakers remembered for surname resolution (bounds the work per sentence)
# A full personal name: two to four capitalised words (particles allowed).
PERSON_LIKE = re.compile(
    r"^[A-Z][\w’'.-]+(?:\s+(?:(?:de|da|di|del|des|du|dos|van|von|der|al|bin|la|le)\s+){0,2}"
    r"[A-Z][\w’'.-]+){1,3}$"
)
# "the governor", "the four-term congressman": a definite, singular role standing for a person.
_ROLE = re.compile(r"^[Tt]he\s+(?:[\w’'-]+\s+){0,3}?(?P<role>" + "|".join(ROLE_TITLES) + r")$")
_ROLES_BY_TITLE: dict[str, list[str]] = {}
for _role, _titles in ROLE_TITLES.items():
    for _title in _titles:
        _ROLES_BY_TITLE.setdefault(_title, []).append(_role)
_TITLE_BEFORE = 24  # characters before a PERSON mention searched for its title
_APPOSED_ROLE = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w’'.-]+\s+){0,4}?(?P<role>" + "|".join(ROLE_TITLES) + r")\b", re.I
)
_INITIAL = re.compile(r"[A-Z]\.\s")  # "B. Schiff": a name the tagger cut at its initial


class PersonIndex:
    """PERSON entities by exact name/alias and by each word of their names."""

    def __init__(self, persons: list[Entity]) -> None:
        self.exact: dict[str, str] = {}
        self.by_word: dict[str, list[str]] = {}
        for ent in persons:
            for form in (ent.name, *ent.aliases):
                self.exact.setdefault(form, ent.name)
                for w in form.split():
                    names = self.by_word.setdefault(w, [])
                    if ent.name not in names:
                        names.append(ent.name)

    def resolve(self, surface: str, seen: list[str]) -> str:
        """The full name for a speaker: an exact entity, one containing the surface or
        contained in it ("Finance Minister Nirmala Sitharaman"), else an earlier speaker."""
        if not surface[:1].isupper():
            return surface
        if surface in self.exact:
            return self.exact[surface]
        pattern = _whole_word(surface)
        candidates: list[str] = []
        for w in surface.split():
            for name in self.by_word.get(w, ()):
                if name not in candidates:
                    candidates.append(name)
        inside = [  # the speaker phrase holds a title before the name: keep the surname
            name for name in candidates if len(name) < len(surface) and surface.endswith(" " + name)
        ]
        if inside:
            name = max(inside, key=len)
            # "Adam B. Schiff" over the tagger's "B. Schiff" (a name cut at its initial)
            return surface if _INITIAL.match(name) and PERSON_LIKE.match(surface) else name
        # A name the tagger cut at an initial ("J. Trump") is no fuller name than "Trump".
        whole = [n for n in candidates if not _INITIAL.match(n)]
        for name in (*whole, *reversed(seen)):
            if len(name) > len(surface) and pattern.search(name):
                return name
        return surface


def resolve_speakers(
    rows: list[Row],
    persons: list[Entity],
    mentions: list[tuple[int, int, str, str]],
    text: str,
    quoted: list[Span],
) -> None:
    """Short names to full PERSON names; "he"/"she" and "the governor" to the person meant.

    A pronoun goes to the later of the last named speaker and the last PERSON named outside
    quotation marks; a role to the last person given that title ("Gov. Mike Pence"), else
    like a pronoun.
    """
    told = [i for i, r in enumerate(rows) if r.att.speaker or r.att.pronoun]
    if not told:
        return
    person_mentions = [
        (s, name) for s, e, name, label in mentions if label == "PERSON" and not _inside(s, quoted)
    ]
    needs_antecedents = any(
        rows[i].att.pronoun or _ROLE.match(rows[i].att.speaker or "") for i in told
    )
    ends = {s: e for s, e, _, label in mentions if label == "PERSON"}
    titled = _titled_mentions(text, person_mentions, ends) if needs_antecedents else {}
    subjects = _subject_mentions(text, rows, person_mentions) if needs_antecedents else []
    genders = _genders(text, person_mentions, ends) if needs_antecedents else {}
    finder = _Antecedents(person_mentions, subjects, genders)
    index = PersonIndex(persons)
    seen: list[str] = []  # full speaker names met so far, most recent last
    last_speaker: tuple[int, str] | None = None
    done: set[int] = set()  # attributions shared by a quotation's rows: resolved once
    for i in told:
        r = rows[i]
        att = r.att
        if id(att) in done:
            continue
        done.add(id(att))
        near = rows[max(0, i - 2)].start  # an antecedent is sought in the last two sentences
        role = _ROLE.match(att.speaker) if att.speaker else None
        if role:
            named = _titled_before(titled.get(role.group("role").lower(), []), r.start)
            att.speaker = named or finder.find(last_speaker, r.start, near, "") or role.group(0)
        elif att.speaker:
            att.speaker = index.resolve(att.speaker, seen)
        elif att.pronoun:
            att.speaker = finder.find(last_speaker, r.start, near, att.pronoun)
        if att.speaker and PERSON_LIKE.match(att.speaker):
            if att.speaker in seen:
                seen.remove(att.speaker)
            seen.append(att.speaker)
            del seen[:-_MAX_SEEN]
            last_speaker = (r.start, att.speaker)


# Only capitalised words (titles, "Still,", "On Saturday,") between a sentence start and a name.
_SUBJECT_LEAD = re.compile(r"[\W]*(?:[^,.;:!?\n]{0,50},\s+)?(?:[A-Z][\w.’'-]*,?\s+){0,5}")


def _subject_mentions(
    text: str, rows: list[Row], person_mentions: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """The mentions that open their sentence, as the subject does ("Still, Mr. Trump, ...").

    A person named later in a sentence is more often its object ("campaigning with Romney"),
    which a following "he said" does not refer to.
    """
    starts = [r.start for r in rows]
    out = []
    for s, name in person_mentions:
        k = bisect_left(starts, s + 1) - 1
        lead = starts[k] if k >= 0 else 0
        if s - lead <= 60 and _SUBJECT_LEAD.fullmatch(text, lead, s):
            out.append((s, name))
    return out


class _Antecedents:
    """Who "he", "she" or "the governor" is: the later of the last named speaker and the last
    person opening a sentence, when one is in the last two sentences; else the later of the
    last speaker and the last person named at all. A person the text marks as the other
    gender ("Ms. Lerner" for "he") is passed over."""

    def __init__(
        self,
        mentions: list[tuple[int, str]],
        subjects: list[tuple[int, str]],
        genders: dict[str, str],
    ) -> None:
        self.mentions, self.subjects, self.genders = mentions, subjects, genders
        self.m_starts = [m[0] for m in mentions]
        self.s_starts = [m[0] for m in subjects]

    def find(
        self, last_speaker: tuple[int, str] | None, at: int, near: int, pronoun: str
    ) -> str | None:
        if last_speaker and not self._fits(last_speaker[1], pronoun):
            last_speaker = None
        best = _later(last_speaker, self._before(self.subjects, self.s_starts, at, pronoun))
        if best is None or best[0] < near:
            before = self._before(self.mentions, self.m_starts, at, pronoun)
            best = _later(last_speaker, before)
        return best[1] if best else None

    def _fits(self, name: str, pronoun: str) -> bool:
        return not pronoun or self.genders.get(name, pronoun) == pronoun

    def _before(
        self, items: list[tuple[int, str]], starts: list[int], at: int, pronoun: str
    ) -> tuple[int, str] | None:
        k = bisect_left(starts, at) - 1
        for j in range(k, max(-1, k - _GENDER_SKIP), -1):
            if self._fits(items[j][1], pronoun):
                return items[j]
        return None


_GENDER_SKIP = 8  # people passed over, at most, for not matching "he"/"she"


def _genders(
    text: str, person_mentions: list[tuple[int, str]], ends: dict[int, int]
) -> dict[str, str]:
    """ "he" or "she" for the PERSON names the text marks: "Ms. Lerner", "Ortiz, the chairwoman"."""
    out: dict[str, str] = {}
    for s, name in person_mentions:
        before = text[max(0, s - 6) : s].split()
        for pronoun, titles in GENDER_TITLES.items():
            if before and before[-1] in titles:
                out.setdefault(name, pronoun)
        m = _APPOSED_GENDER.match(text, ends.get(s, s), ends.get(s, s) + 60)
        if m:
            out.setdefault(name, _PRONOUN_OF_NOUN[m.group("noun").lower()])
    return out


_PRONOUN_OF_NOUN = {noun: pro for pro, nouns in GENDER_NOUNS.items() for noun in nouns}
_APPOSED_GENDER = re.compile(
    r",\s+(?:the|a|an|his|her)\s+(?:[\w’'.-]+\s+){0,4}?(?P<noun>"
    + "|".join(_PRONOUN_OF_NOUN)
    + r")\b",
    re.I,
)


def _later(a: tuple[int, str] | None, b: tuple[int, str] | None) -> tuple[int, str] | None:
    if a is None or (b is not None and b[0] > a[0]):
        return b
    return a


def _titled_mentions(
    text: str, person_mentions: list[tuple[int, str]], ends: dict[int, int]
) -> dict[str, list[tuple[int, str]]]:
    """PERSON mentions by the role their title names: "Gov. Mike Pence" under "governor",
    "Mike Pence, the governor of Indiana," too."""
    out: dict[str, list[tuple[int, str]]] = {}
    for s, name in person_mentions:
        before = text[max(0, s - _TITLE_BEFORE) : s].split()
        roles = list(_ROLES_BY_TITLE.get(before[-1], ())) if before else []
        m = _APPOSED_ROLE.match(text, ends.get(s, s), ends.get(s, s) + 80)
        if m:
            roles.append(m.group("role").lower())
        for role in roles:
            out.setdefault(role, []).append((s, name))
    return out


def _titled_before(mentions: list[tuple[int, str]], at: int) -> str | None:
    k = bisect_left(mentions, (at, "")) - 1
    return mentions[k][1] if k >= 0 else None


def _inside(pos: int, regions: list[Span]) -> bool:
    k = bisect_left(regions, (pos + 1, -1)) - 1
    return k >= 0 and regions[k][0] <= pos < regions[k][1]


def _whole_word(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])")
