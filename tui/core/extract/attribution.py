"""Who said it and through which channel: speaker and source named in one sentence.

Rules over one sentence at a time (its quoted passages blanked), cheap enough to run on every
sentence: each public function first checks a set of trigger words (the lower-cased tokens and
bigrams of claims_features) and only then runs its regular expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tui.core.extract.speaker_data import (
    CREDIT_PATTERN,
    NAMING_VERBS,
    ORG_HEADS,
    SPEECH_VERBS,
)


def _alternation(words: dict[str, str]) -> str:
    """A regex matching any of the words, each followed by its lookahead ("" for none),
    factored by common prefixes: "said|says" -> "sa(?:id|ys)", far fewer steps per try."""
    trie: dict[str, Any] = {}
    for word, ahead in words.items():
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {"": ahead}  # the end of a word, holding its lookahead

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append(node[""][""])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


_PLAIN = dict.fromkeys(SPEECH_VERBS, "")
_VERBS = _alternation(_PLAIN)
# "continued" and "added" tell of speech only before "that", punctuation or a quote
# ("Medicare continued to grow", "the firm added 200 jobs" are narration).
_AFTER_SPEECH_STRICT = r"(?=\s*(?:that\b|[,.:;\"”“]|$))"
_AFTER_SPEECH = r"(?=\s*(?:that\b|[,.:;\"”“]|$|(?:on|in|at|during|via|later)\s))"
_QUOTE_AHEAD = r"(?=[^“\"]{0,80}[“\"])"
_VERBS_RE = _alternation(
    {
        **_PLAIN,
        "added": _AFTER_SPEECH,
        "continued": _AFTER_SPEECH_STRICT,
        **dict.fromkeys(NAMING_VERBS, _QUOTE_AHEAD),
    }
)
# After "he"/"she" a verb is speech more surely: only "continued" needs the guard.
_PRONOUN_VERBS = _alternation({**_PLAIN, "continued": _AFTER_SPEECH_STRICT})
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Between subject and verb: auxiliaries, adverbs ("facetiously"), a day ("on Tuesday").
_AUX = (
    r"(?:(?:has|have|had|was|were|is|also|later|then|previously|earlier|reportedly|even|again|"
    r"once|still|[a-z]{3,}ly|(?:on\s+)?" + _WEEKDAY + r")\s+)*"
)
_QUOTED_AS = r"(?:was|were|is)\s+quoted\s+as\s+saying|(?:was|were|is)\s+quoted|quoted"
# A capitalised name: words starting upper-case, allowing particles and initials.
_NAME = (
    r"(?:[A-Z][\w’'.-]*[\w.]|[A-Z])(?:\s+(?:(?:de|da|di|del|des|du|dos|das|van|von|der|ter|al|"
    r"bin|ibn|la|le|of|for|the)\s+){0,2}"
    r"(?:[A-Z][\w’'.-]*\w|[A-Z]\.)){0,7}"  # bounded: no quadratic scans of long capitalised runs
)
# A described speaker: "the minister", "a senior Russian defence export official"...
_ROLE_NOUNS = (
    r"officials?|spokes(?:person|man|woman)|ministers?|ministry|president|chief|head|director|"
    r"secretary|sources?|experts?|analysts?|officers?|envoy|ambassador|commander|leaders?|"
    r"executives?|advis[eo]rs?|representatives?|aides?|diplomats?|police|statement|report|"
    r"researchers?|scientists?|economists?|lawmakers?|chairman|chairwoman|chair|founder|ceo|"
    r"government|army|military|company|agency|authorities|witnesses|residents|people|bank|"
    r"institute|court|council|commission|committee|office|department|union|group|firm|board|"
    r"party|embassy|regulator|watchdog|campaign|investigators?|prosecutors?|organi[sz]ation|"
    r"governor|congressman|congresswoman|senator|mayor|justice|judge|sheriff|candidate|"
    r"attorney|lawyer|nominee"
)
# Groups quoted without a determiner: "police said", "analysts said".
_BARE_ROLES = (
    r"\b(?:[Pp]olice|[Oo]fficials|[Aa]nalysts|[Ee]xperts|[Ss]ources|[Aa]uthorities|[Ww]itnesses|"
    r"[Rr]esidents|[Ii]nvestigators|[Pp]rosecutors|[Dd]iplomats|[Ee]conomists|[Rr]esearchers|"
    r"[Ss]cientists|[Dd]octors|[Ll]awmakers)\b"
)
# "officials in Kabul": the place says where the speakers are; it is not the speaker.
_WHERE = r"(?:\s+(?:in|from|at)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?"
_DESC = (
    r"(?:\b(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any)\s+"
    r"(?:[\w’'-]+\s+){0,6}?(?:" + _ROLE_NOUNS + r")\b|" + _BARE_ROLES + r")" + _WHERE
)

# Up to two appositions: "Chi Onwurah, the Labour MP for ..., who backs the report, said".
_APPOSITIONS = (
    r"(?:\s*,\s*(?P<appos>[^,;:\"“”]{2,120}?)(?:\s*,\s*[^,;:\"“”]{2,120}?)?\s*[,—–]"
    r"|\s*,(?=\s+said\b))?"
)
_VERB_TAIL = (
    r"(?:\s*\([^()\n]{1,40}\))?"  # "Chuck Schumer (D-N.Y.) told ..."
    + _APPOSITIONS
    + r"\s+"
    + _AUX
    + r"(?:"
    + _QUOTED_AS
    + r"|"
    + _VERBS_RE
    + r")\b"
)
# Two patterns, so the costly described-speaker one runs only when a role noun is present.
_SUBJ_VERB_NAME = re.compile(r"(?<![\w’'-])(?=[A-Z])(?P<who>" + _NAME + r")" + _VERB_TAIL)
_SUBJ_VERB_DESC = re.compile(r"(?<![\w’'-])(?P<who>" + _DESC + r")" + _VERB_TAIL)
# The same without appositions (which need a comma): the same matches, found faster, in a
# sentence with no comma before its last speech verb.
_BARE_TAIL = _VERB_TAIL.replace(_APPOSITIONS, "")
_SUBJ_VERB_NAME_BARE = re.compile(r"(?<![\w’'-])(?=[A-Z])(?P<who>" + _NAME + r")" + _BARE_TAIL)
_SUBJ_VERB_DESC_BARE = re.compile(r"(?<![\w’'-])(?P<who>" + _DESC + r")" + _BARE_TAIL)
_VERB_SUBJ = re.compile(
    r"(?:^|[,\"”:;]\s*)(?:" + _VERBS + r"|" + _QUOTED_AS + r")\s+(?P<who>[^,;:.!?\"“”()]{2,140})"
)
_NAME_RE = re.compile(_NAME)
_DESC_START = re.compile(_DESC)
_PRONOUN_VERB = re.compile(
    r"(?<![\w’'])(?P<pro>he|she|He|She)\s+"
    + _AUX
    + r"(?:"
    + _QUOTED_AS
    + r"|"
    + _PRONOUN_VERBS
    + r")\b"
)
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+(?P<who>[^,;:.!?\"“”()—–]{2,140})")
_SOURCE = re.compile(
    r"\b(?:(?:cited|quoted|reported|published|broadcast|carried)(?:\s+as\s+saying)?\s+by"
    r"|quoted\s+as\s+saying\s+by"
    r"|(?:told|telling|tells|tell)"
    r"|(?i:data|figures|statistics|numbers|(?:a|the)\s+(?:\w+\s+)?(?:report|study|survey)|"
    r"an\s+analysis|research)\s+(?:from|by|of)"
    r"|(?i:a|the)\s+(?:\w+\s+)?(?:report|story|article)\s+(?:in|on)"
    r"|in\s+an?\s+interview\s+with|(?:in\s+a\s+post\s+)?on\s+(?=X\b|Twitter|Facebook|Telegram)"
    r"|according\s+to\s+(?:a\s+report\s+(?:in|by|from)|data\s+from|figures\s+from|reports?\s+in)"
    r")\s+(?P<src>[^,;:.!?\"“”()]{2,140})"
)
_STATEMENT = re.compile(r"\bin\s+(?:a|an)\s+(?P<src>(?:\w+\s+)?(?:statement|interview|post))\b")
# Every word _ROLE_NOUNS can match (singular and plural): the gate for _SUBJ_VERB_DESC.
_ROLE_WORDS = frozenset(
    str.split(
        "official officials spokesperson spokesman spokeswoman minister ministers ministry "
        "president chief head director secretary source sources expert experts analyst "
        "analysts officer officers envoy ambassador commander leader leaders executive "
        "executives adviser advisers advisor advisors representative representatives aide "
        "aides diplomat diplomats police statement report researcher researchers scientist "
        "scientists economist economists lawmaker lawmakers chairman chairwoman chair founder "
        "ceo government army military company agency authorities witnesses residents people "
        "bank institute court council commission committee office department union group firm "
        "board party embassy regulator watchdog campaign investigator investigators prosecutor "
        "prosecutors organisation organization doctors governor congressman congresswoman "
        "senator mayor justice judge sheriff candidate attorney lawyer nominee"
    )
)

# Source-like heads: a news outlet or agency named in an "according to" phrase is a channel.
_OUTLET = re.compile(
    r"(?:\b(?:news agency|newspaper|broadcaster|news outlet|news channel|daily|tabloid)\b"
    r"|\b(?:TASS|Reuters|AP|AFP|PTI|ANI|IANS|Xinhua|Interfax|RIA|Bloomberg|BBC|CNN|Al Jazeera|"
    r"NHK|Yonhap|Kyodo|Sputnik|Politico|Axios|BuzzFeed|HuffPost|Breitbart|NPR|MSNBC|CNBC|"
    r"ABC|NBC|CBS|Fox News)\b|\b(?:News|Times|Post|Journal|Agency|Herald|Tribune|Express|"
    r"Gazette|Telegraph|Guardian|Press|Wire|Network|Magazine|Review|Television|TV|Radio|"
    r"Courier|Observer|Chronicle|Inquirer|Examiner|Bulletin|"
    r"Dispatch|Constitution)$)"
)
_DATA_HEAD = re.compile(
    r"^(?:(?:the|a|an|our|its|their|his|her|new|latest|official)\s+)?(?:[\w’'-]+\s+){0,4}?(?:data|figures|statistics|reports?|studies|study|"
    r"surveys?|analysis|research|estimates?|documents?|records?|affidavit|filings?|complaint|"
    r"papers|letter|memo|indictment|ruling|transcripts?|polls?|census|forecasts?|projections?|"
    r"models?|count|tally|information|estimates|calculations?|analyses|investigations?|"
    r"inquiry|review|audit|assessments?|invitation|emails?|database|filing|testimony|"
    r"interviews|discussions|conversations|accounts|tallies|results|returns)\b",
    re.I,
)
_DOC_BY = re.compile(
    r"\b(?:obtained|seen|reviewed|published|released|conducted|compiled|commissioned)\s+by\b"
)
_FROM_BY = re.compile(r"\b(?:from|by|of|in)\s+(.+)$")
_PRONOUNS = frozenset(
    str.split("He She It They We I You This That There Others Some Many Most Both All Each")
)
_LEADING_NOISE = re.compile(
    r"^(?:(?:However|But|And|Also|Meanwhile|Earlier|Later|Separately|Moreover|Still|Yet|So|"
    r"Then|Now|Last|On|In|At|Since|While|When|As|Indeed|Instead)\b[\s,]*)+"
)
_STOP_AT = re.compile(
    r"\s+(?:(?:cited|quoted|reported|published)\s+by|on\s+(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|[a-z])|last\s+\w+|this\s+\w+|in\s+(?:an?|the|his|her|their)\s+\w+|"
    r"at\s+an?\s+\w+|during|via|earlier|later|who|which|that|as|after|before|when|while|said|"
    r"says|told|and\s+(?=[a-z]))\b.*$",
    re.S,
)


@dataclass(slots=True)
class Attribution:
    """Who made a statement (speaker), the channel it came through (source)."""

    speaker: str | None = None
    source: str | None = None
    pronoun: str = ""  # "he" or "she": the speaker, to be resolved by the caller


_SOURCE_TRIGGERS = frozenset(
    str.split(
        "cited quoted reported published broadcast carried told telling tells tell data figures "
        "statistics numbers report study survey analysis research story article interview "
        "x twitter facebook telegram"
    )
)
_STATEMENT_TRIGGERS = frozenset(("statement", "interview", "post"))
_VERB_TRIGGERS = frozenset(v.split()[0] for v in SPEECH_VERBS) | {"quoted", *NAMING_VERBS}
_CALLED_WORDS = frozenset(NAMING_VERBS)
# Words without which no speaker or source pattern can match (the quick filter of claims.py).
SPEAKER_TRIGGERS = _VERB_TRIGGERS | frozenset(
    str.split(
        "according cited data figures statistics report study survey interview statement saying"
    )
)


def attribute(sentence: str, words: set[str] | frozenset[str] | None = None) -> Attribution:
    """Speaker and source named in one sentence (quoted passages should be blanked first).

    `words`: the sentence's claims_features set, if at hand; patterns whose cue words are
    absent are then skipped.
    """
    att = Attribution()
    if words is None or not _SOURCE_TRIGGERS.isdisjoint(words):
        m = _SOURCE.search(sentence)
        if m:
            att.source = _clean_source(m.group("src"))
    if att.source is None and (words is None or not _STATEMENT_TRIGGERS.isdisjoint(words)):
        m = _STATEMENT.search(sentence)
        if m:
            att.source = m.group("src")
    m = _ACCORDING.search(sentence) if words is None or "according" in words else None
    if m:
        who = _trim(m.group("who"))
        if who and (_DATA_HEAD.match(who) or _DOC_BY.search(who)):
            # "according to data from X", "according to a court filing by X": a channel
            m2 = _FROM_BY.search(who)
            if att.source is None:
                att.source = _clean_source(m2.group(1) if m2 else who)
        elif who and _OUTLET.search(who):
            att.source = att.source or _clean_source(who)
        elif who:
            att.speaker = _clean_speaker(who)
    if words is not None and _VERB_TRIGGERS.isdisjoint(words):
        pass  # no speech verb: no "X said" / "said X" / "he said"
    elif att.speaker is None:
        att.speaker = _subject_speaker(sentence, words)
        if att.speaker is None:
            m = _VERB_SUBJ.search(sentence)
            if m:
                # "said a White House spokesman, Eric Schultz": the name after the role
                named = _APPOSED_NAME.match(sentence, m.end("who"))
                apposed = named.group(1) if named and m.group("who")[:1].islower() else ""
                phrase = m.group("who")
                att.speaker = _clean_speaker(apposed) if apposed else _speaker_from_phrase(phrase)
        pro = _PRONOUN_VERB.search(sentence) if att.speaker is None else None
        if pro:
            att.pronoun = pro.group("pro").lower()
    if att.speaker and att.source and att.speaker in att.source:
        att.speaker = None  # "The report by the X Union claims": the union is the channel
    if (
        att.speaker
        and att.source is None
        and att.speaker[0].isupper()
        and _OUTLET.search(att.speaker)
    ):
        att.source, att.speaker = _clean_source(att.speaker), None  # "the Financial Times reported"
    return att


def _subject_speaker(sentence: str, words: set[str] | frozenset[str] | None) -> str | None:
    """The first "X said" / "the minister said" / "X, who ..., said" subject in the sentence."""
    found: list[tuple[int, str]] = []
    # The subject ends at a speech verb: nothing after the last one can match.
    hi = len(sentence)
    if words is not None:
        verbs = _VERB_TRIGGERS.intersection(words)
        low = sentence.lower()
        ends = [low.rfind(v) + len(v) for v in verbs if v in low]
        if ends and len(low) == len(sentence):  # lower() can change lengths (rare scripts)
            # the lookaheads of _VERBS_RE look past the verb ("called it “a stunt”": far)
            reach = 90 if not _CALLED_WORDS.isdisjoint(verbs) else 6
            hi = min(len(sentence), max(ends) + reach)
    lead = _LEADING_CLAUSE.match(sentence)
    skip_to = lead.end() if lead else 0  # "When Winfrey asked ..., he declined": not Winfrey
    commas = "," in sentence[:hi]
    by_name = _SUBJ_VERB_NAME if commas else _SUBJ_VERB_NAME_BARE
    by_role = _SUBJ_VERB_DESC if commas else _SUBJ_VERB_DESC_BARE
    for m in by_name.finditer(sentence, 0, hi):
        if sentence[max(0, m.start() - 6) : m.start()].lower().endswith(_LOCATIVE_ENDS):
            continue  # "officials in Kabul said": the place is not the speaker
        if m.start() < skip_to:
            continue
        who = _clean_speaker(m.group("who"))
        if who:
            found.append((m.start(), who))
            break
    if words is None or not _ROLE_WORDS.isdisjoint(words):
        for m in by_role.finditer(sentence, 0, hi):
            appos: str = m.groupdict().get("appos") or ""
            named = appos and _PERSON_NAME.fullmatch(appos.strip())
            # "the White House press secretary, Sarah Huckabee Sanders, said": the name
            who = _clean_speaker(appos if named else m.group("who"))
            if who:
                found.append((m.start(), who))
                break
    return min(found)[1] if found else None


_APPOSED_NAME = re.compile(
    r"\s*,\s*((?:[A-Z][\w’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w’'-]+|[A-Z]\.)){1,3})\s*(?:[,.;]|$)"
)
_PERSON_NAME = re.compile(r"(?:[A-Z][\w’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w’'-]+|[A-Z]\.)){1,3}")
_LEADING_CLAUSE = re.compile(
    r"\W*(?:When|Whenever|After|Before|While|If|Although|Though|Because|Since|Until|Once|Unless)"
    r"\b[^,;:\"“”]{1,150},"
)
_LOCATIVE = frozenset(("in", "at", "near", "from", "outside", "inside"))
_LOCATIVE_ENDS = tuple(f"{w} " for w in _LOCATIVE)


def _trim(phrase: str) -> str:
    phrase = _STOP_AT.sub("", phrase.strip())
    return phrase.strip(" -–—'’")


def _speaker_from_phrase(phrase: str) -> str | None:
    """The speaker in the words after an inverted verb ("..., said X").

    "John Smith, the minister" -> "John Smith"; "the minister" -> "the minister";
    "Department of Correction spokesman Jason Kersten" -> "Jason Kersten" (a name after a
    lower-case role word wins over the organisation before it).
    """
    phrase = _trim(phrase)
    if not phrase:
        return None
    m = _NAME_RE.match(phrase)
    if m and m.end() == len(phrase):
        return _clean_speaker(phrase)
    words = phrase.split()
    k = len(words)
    while k > 0 and _is_name_word(words[k - 1]):
        k -= 1
    if 0 < k < len(words) and words[k - 1][0].islower():
        return _clean_speaker(" ".join(words[k:]))
    m = _DESC_START.match(phrase)
    if m:
        return _clean_speaker(m.group(0))
    m = _NAME_RE.match(phrase)
    return _clean_speaker(m.group(0)) if m else None


def _clean_speaker(who: str) -> str | None:
    who = _trim(who)
    first = who.split(" ", 1)[0] if who else ""
    if first in _PRONOUNS and " " not in who:
        return None
    who = _LEADING_NOISE.sub("", who)
    if who.startswith("The ") and who[4:5].isupper():
        who = who[4:]
    if not who or who in _PRONOUNS or len(who) > 120:
        return None
    if who[0].isupper():
        who = _strip_title(who)
        if who.rstrip(".") in _BARE_TITLES:
            return None  # a bare "Dr" or "Mr." (the name was cut off)
    if who.endswith(".") and len(who.rsplit(" ", 1)[-1]) > 3 and who[-4:] not in _ABBREV_ENDS:
        who = who[:-1]
    if who in _CALENDAR:
        return None
    return _person_of_place(who) or None


_CALENDAR = frozenset(
    str.split(
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
        "June July August September October November December Today Yesterday"
    )
)


def _person_of_place(who: str) -> str:
    """ "Rick Perry of Texas" -> "Rick Perry"; "Bank of America" stays whole."""
    head, sep, _ = who.partition(" of ")
    words = head.split()
    person_like = 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
    if sep and person_like and words[-1].lower() not in ORG_HEADS:
        return head
    return who


_ABBREV_ENDS = frozenset(("Inc.", "Ltd.", "Co.", "orp.", " Jr.", " Sr.", "S.A.", "U.S."))


# Titles before a name: "Finance Minister Nirmala Sitharaman" -> "Nirmala Sitharaman".
_TITLES = frozenset(
    str.split(
        "President Minister Secretary Senator Sen. Rep. Representative Governor Gov. Mayor Dr Dr. "
        "Mr Mr. Mrs Mrs. Ms Ms. General Gen. Lt. Col. Colonel Admiral Adm. Major Maj. Captain "
        "Capt. Chancellor King Queen Prince Princess Sheikh Pope Justice Judge Ambassador "
        "Commander Spokesperson Spokesman Spokeswoman CEO Chairman Chairwoman Director Professor "
        "Prof. Sir Commissioner Speaker Leader Premier Envoy Inspector Marshal Chief Executive"
    )
)


_BARE_TITLES = frozenset(("Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col"))


def _strip_title(name: str) -> str:
    words = name.split()
    k = max((i for i, w in enumerate(words[:-1]) if w in _TITLES), default=-1)
    if k < 0:
        return name
    rest = words[k + 1 :]
    if len(rest) > 2 and rest[0] in ("of", "for") and rest[1][:1].isupper():
        rest = rest[2:]  # "Secretary of State Antony Blinken"
    if rest and rest[0][:1].isupper() and rest[0] not in _TITLES:
        return " ".join(rest)
    return name


_CONNECTORS = frozenset(("of", "for", "and", "de", "on", "&"))


_DESCRIPTOR_NOUNS = frozenset(
    str.split(
        "agency agencies newspaper daily weekly broadcaster outlet channel website site magazine "
        "network wire tabloid station portal journal think-tank tank group organisation "
        "organization body firm publication paper"
    )
)


def _clean_source(src: str) -> str | None:
    """The outlet's name in a channel phrase.

    "Russian state news agency TASS" -> "TASS" (a name after a descriptor noun);
    "the Stockholm International Peace Research Institute shows" and "Human Rights Watch
    found 40 people" -> the first run of capitalised words (connectors allowed inside).
    """
    words = _trim(src).split()
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if _is_name_word(words[i]):
            j = i + 1
            while j < len(words) and (
                _is_name_word(words[j])
                or (words[j] in _CONNECTORS and j + 1 < len(words) and _is_name_word(words[j + 1]))
            ):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    if not runs:
        return None
    runs = [(i, j) for i, j in runs if i == 0 or words[i - 1].lower() not in _LOCATIVE]
    if not runs:
        return None  # "told reporters in Washington": a place, not a channel
    chosen = runs[0] if runs[0][0] <= 2 else (-1, -1)  # "told the jury how ... New York": no
    for start, end in runs:
        if start > 0 and words[start - 1].lower() in _DESCRIPTOR_NOUNS:
            chosen = (start, end)
            break
    if chosen[0] < 0:
        return None
    name = words[chosen[0] : chosen[1]]
    if len(name) > 1 and name[0] == "The" and (len(name) > 2 or chosen[0] > 0):
        name = name[1:]  # "The Hindu" stays whole, "the World Bank" does not
    return " ".join(name)


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isalpha() for c in word))


_CREDIT = re.compile(CREDIT_PATTERN, re.I)


def is_credit(sentence: str) -> bool:
    """A byline or credit line ("Reporting by ...", "... contributed to this report")."""
    head = sentence[:30]
    cue = (
        head.lstrip(" \t\"“'‘(—–-").startswith(("By ", "BY ", "by "))
        or head.lower().lstrip().startswith(_CREDIT_LEADS)
        or "contribut" in sentence
        or "reported from" in sentence
    )
    return cue and bool(_CREDIT.search(sentence))


_CREDIT_LEADS = (
    "reporting",
    "additional",
    "editing",
    "edited",
    "writing",
    "compiled",
    "photo",
    "video",
    "graphics",
    "reporter",
    "correspondent",
    "staff writer",
)
