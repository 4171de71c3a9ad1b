"""Paragraph and sentence spans over an article body.

Every newline ends a paragraph: the loaders emit one paragraph per line (or blank-line separated
paragraphs), and a headline, byline or bullet line without final punctuation must not run into
the next line. Hard-wrapped text must be unwrapped by its loader before it reaches here.

Sentences are found in two steps, so the splitter stays fast on long texts: one regular
expression finds candidate boundaries (a run of ``. ! ? …`` with any closing quotes or brackets,
followed by whitespace), then cheap checks run only at those candidates: the token before the
terminator (abbreviation, initial, list marker) and the word after it (lowercase, digit, a word
that usually starts a sentence).
"""

from __future__ import annotations

import re

from tui.core.model import Span

# The same characters str.splitlines() breaks on.
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_PARAGRAPH_BREAK = re.compile(f"[{_LINE_BREAKS}]+")

_CLOSERS = "\"'”’»›)]}"
_OPENERS = "\"'“‘«‹([{¿¡*_"

_CANDIDATE = re.compile(
    # A terminator run (". . ." spaced ellipses included), closing quotes/brackets and citation
    # marks as Wikipedia has them ("died.[3][4] A ..."), then whitespace. A quote mark standing
    # alone after the stop closes it too, as transcripts space it ('in America. " I think').
    r"(?P<term>[.!?…‼⁇⁈⁉]++(?:[ \u00a0][.…]++)*)"
    r"(?P<close>[" + re.escape(_CLOSERS) + r"]*(?:[ \u00a0][\"”’'](?=\s|\Z))?"
    r"(?:[ \u00a0]?\[\d{1,3}\])*)(?=\s|\Z)"
    # A footnote marker glued to the full stop, as web extraction leaves it: "line.2 Warren".
    r"|(?P<foot>\.(?<=[a-z]\.)\d{1,2})(?=\s)"
    # A bullet inside a line starts a new item: "Related: • One • Two".
    r"|(?P<bullet>[•▪◦‣●■►])(?<=\s.)(?=\s)"
    # CJK full stops need no space after them.
    r"|(?P<cjk>[。！？]++[」』”’）)]*)"
    # Line breaks inside caller-supplied paragraphs still end a sentence.
    r"|(?P<nl>[" + _LINE_BREAKS + r"]+)"
)
# Where a candidate may begin. A run of stops that is no candidate at its start is none anywhere
# inside (possessive runs), so the scan skips it whole: "......x" stays linear.
_CANDIDATE_START = re.compile("[.!?…‼⁇⁈⁉" + _LINE_BREAKS + "]+|[•▪◦‣●■►。！？]")
_NEXT = re.compile(r"\s*([" + re.escape(_OPENERS) + r"]*)(\S*)")
_WORD = re.compile(r"[^\W\d_]+")
_MULTI_DOT = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
_LIST_MARKER = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})\)?")
_SPEECH_VERB = (
    r"(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|shouted|"
    r"yelled|cried|exclaimed|wondered|recalled|explained|continued|insisted|argued|noted|"
    r"demanded|quipped|joked|tweeted|posted|laughed|stated)"
)
# 'Why?" Smith asked.' - a quoted question or exclamation followed by a named speaker.
_ATTRIBUTION = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,4}" + _SPEECH_VERB + r"\b")


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Titles stand before a name: never a sentence end.
_TITLES = _words(
    """Mr Mrs Ms Mx Messrs Mmes Mme Mlle Dr Drs Prof Profs Gen Lt Col Sgt Capt Cpt Cpl Pvt Maj
    Adm Cmdr Cdr Brig Cmdt Rep Reps Sen Sens Gov Govs Rev Hon Pres Supt Det Insp Fr Msgr Atty
    Amb Ald Ft Mt Sra Srta Hr Fw Spc Smt Sh Kum Wg Sqn Ldr Flt Gp Cmde""",
)
# Abbreviations that often stand mid-sentence but may also end one ("the U.S. The ..."):
# they end a sentence only before a word that typically starts one.
_AMBIGUOUS = _words(
    """Inc Ltd Corp Co Cos Bros Jr Sr St Ave Blvd Rd Hwy Dept Univ Assn Intl Natl Govt
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo
    Mont Neb Nev Okla Ore Pa Penn Tenn Tex Vt Va Wash Wis Wyo
    Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    al approx est dept govt esp incl Re Ph""",
)
# Abbreviations that stand before a number ("No. 10", "Sept. 11", "Rs. 500", "pp. 4-5").
_BEFORE_NUMBER = _words(
    """No Nos no nos Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Fig Figs fig figs p pp
    Vol vol Vols vols Ch ch Chap chap Sec sec Secs Art art Arts Para para Pt pt Ex ex Ref ref
    Op op Tel tel Ext ext Rs Re ca c est approx nr Nr Rev Ed ed Prop Props Apt Ste Rm Bldg Fl
    Rte Exit Gr Cl Div Reg Gen ft lb lbs oz yd yds mi gal qt hr hrs min mins sq cu mo yr yrs wk""",
)
# Never a sentence end whatever follows.
_NEVER = _words("vs v cf viz eg ie e.g i.e a.k.a c.f ibid")
# Words that usually begin a sentence; after an ambiguous abbreviation they mark a new one.
_STARTERS = _words(
    """A An The He She It They We I You His Her Its Their Our My Your This That These Those
    There Here But And Or So Yet Nor Still However Meanwhile Moreover Furthermore Instead
    Nevertheless Nonetheless Also Then Now Today Yesterday Tomorrow Later Earlier Last Next
    In On At As After Before When Whenever While If Although Though Since Because For With
    Without By From To Of During Under Over Despite Among Between Unlike Like Until Once
    Some Many Most All Both Each Every No Not None Few Several Such Other Another Any
    What Who Whom Whose Why How Where Which Is Are Was Were Do Does Did Has Have Had Can
    Could Will Would Should Might Must Let Please Thus Hence Indeed Even Only Just
    Officials Critics Experts Analysts Asked Speaking According""",
)


def split_paragraphs(text: str) -> list[Span]:
    """Spans of the non-blank paragraphs; every line break separates two paragraphs."""
    spans: list[Span] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        _append_stripped(text, start, m.start(), spans)
        start = m.end()
    _append_stripped(text, start, len(text), spans)
    return spans


def split_sentences(text: str, paragraphs: list[Span] | None = None) -> list[Span]:
    """Spans of the sentences, in order; a paragraph or line break always ends a sentence."""
    if paragraphs is None:
        paragraphs = split_paragraphs(text)
    spans: list[Span] = []
    # Find a character that can begin a candidate with a plain character class (fast), and only
    # there try the full candidate pattern: an alternation cannot use re's prefix scan.
    search, match = _CANDIDATE_START.search, _CANDIDATE.match
    for p_start, p_end in paragraphs:
        start = pos = p_start
        while (hit := search(text, pos, p_end)) is not None:
            m = match(text, hit.start(), p_end)
            if m is None:
                pos = hit.end()
                continue
            end = pos = m.end()
            if m.lastgroup == "nl" or m.lastgroup == "bullet":
                _append_stripped(text, start, m.start(), spans)
                start = end if m.lastgroup == "nl" else m.start()
            elif end < p_end and _is_boundary(text, m, start, p_end):
                _append_stripped(text, start, end, spans)
                start = end
        _append_stripped(text, start, p_end, spans)
    return spans


def _is_boundary(text: str, m: re.Match[str], sent_start: int, p_end: int) -> bool:
    """Whether the candidate terminator ``m`` really ends the sentence begun at ``sent_start``."""
    kind = m.lastgroup
    if kind == "cjk":
        return True
    nxt = _NEXT.match(text, m.end(), p_end)
    assert nxt is not None  # every part of _NEXT may be empty: it always matches
    opener, word = nxt.group(1), nxt.group(2)
    if not word:
        # A quote mark left standing alone ('America. "') closes the sentence before it.
        return not opener
    first = word[0]
    if first.islower() and not (len(word) > 1 and word[1].isupper()):  # "iPhone" is capitalised
        return False
    if kind == "foot":
        return first.isupper()

    term = m.group("term")
    close = m.group("close")
    if "?" in term or "!" in term or "‼" in term or "⁇" in term or "⁈" in term or "⁉" in term:
        # A quoted question or exclamation followed by its named speaker goes on.
        if close and close.lstrip()[:1] in "\"'”’»›" and first.isupper():
            head = _WORD.match(word)
            if not (head and head.group() in _STARTERS) and _ATTRIBUTION.match(text, nxt.start(2)):
                return False
        return True
    dots = term.count(".")
    if "…" in term or dots >= 3:
        # An ellipsis marks an elision more often than an ending: it ends the sentence only when
        # a full stop follows it ("….", "....") or the next word typically starts a sentence.
        if m.start() > 0 and text[m.start() - 1] in "[(":
            return False  # "[...]" stays inside its sentence
        if dots >= 4 or (dots and "…" in term):
            return True
        head = _WORD.match(word)
        return head is not None and head.group() in _STARTERS

    # A full stop: look at the token it ends.
    s = m.start()
    if s == 0 or text[s - 1].isspace():
        return True
    before = text[max(sent_start, s - 40) : s].rsplit(None, 1)
    if not before:
        return True
    prev = before[-1].lstrip(_OPENERS)
    if "-" in prev:
        prev = prev.rsplit("-", 1)[-1]  # "then-Rep.", "ex-Gov."
    if not prev:
        return True
    if _LIST_MARKER.fullmatch(prev) and _opens_list(text, sent_start, s - len(before[-1])):
        return False  # "1. First item", "b. Second", "IV. Results"
    if prev in _NEVER or (len(prev) > 2 and prev.lower() in _NEVER):  # "Vs.", not "Henry V."
        return False
    multi = "." in prev and _MULTI_DOT.fullmatch(prev) is not None  # U.S, a.m, Ph.D, J.R.R
    if first.isdigit() or first in "$€£¥₹#":
        return not (
            prev in _BEFORE_NUMBER or prev in _AMBIGUOUS or prev in _TITLES or multi
        ) and not (len(prev) == 1 and prev.isalpha())
    if prev in _TITLES:
        return False
    if multi or prev in _AMBIGUOUS or (len(prev) == 1 and prev.isupper()):
        # "U.S. Army", "Apple Inc. Chief", "George W. Bush" go on; "U.S. The" ends.
        if len(word) == 2 and word[1] == ".":
            return False  # another initial: "J. I. Rodale"
        head = _WORD.match(word)
        return head is not None and head.group() in _STARTERS
    return True


def _opens_list(text: str, sent_start: int, token_start: int) -> bool:
    """Whether a token at ``token_start`` stands where a list marker would: first in its
    sentence, or right after a colon ("Three reasons: 1. Cost. 2. Time.")."""
    j = token_start - 1
    while j >= sent_start and text[j].isspace():
        j -= 1
    return j < sent_start or text[j] == ":"


def _append_stripped(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))
