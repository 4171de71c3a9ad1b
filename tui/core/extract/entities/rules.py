"""Rules over one tagged run: designations, ship names, operations, organisation names,
titles that split names, multi-word gazetteer names; the run's mentions as token spans."""

from __future__ import annotations

from tui.core.extract import ner_features as nf
from tui.core.extract.entities.lexicon import (
    GAZ_LABEL,
    gaz,
    gazetteer_label,
    gazetteer_names,
    is_connector,
    is_contraction,
    is_designation,
    map_label,
    multiword,
)
from tui.core.extract.entities.tagger import I_PER, LOC, MISC, ORG, PER, TAG_TYPES, bio_spans
from tui.core.extract.entities.words import (
    ADJECTIVAL,
    BYLINE_WORDS,
    DESIGNATORS,
    GENERIC_HEADS,
    NAME_PARTICLES,
    POSTNOMINALS,
    RULER_NOUNS,
    STRONG_ORGCUE,
    TITLE_WORDS,
    TITLES,
)

_HEADS = STRONG_ORGCUE | GENERIC_HEADS


def _rule_spans(words: list[str], caps: bool) -> list[tuple[int, int, str]]:
    """Spans set by rules: ship names, designations, operations, NORP + org name."""
    g = gaz()
    n = len(words)
    rule: list[tuple[int, int, str]] = []
    i = 0
    while i < n:
        w = words[i]
        if w in g["SHIPPREFIX"] and i + 1 < n and words[i + 1][:1].isupper():
            j = i + 1
            while j < n and words[j][:1].isupper() and words[j] not in g["SHIPPREFIX"]:
                j += 1
            rule.append((i, j, "PRODUCT"))
            i = j
            continue
        if is_designation(w) and w not in g["NOTENT"]:
            s = i - 1 if i > 0 and words[i - 1] in g["MAKER"] else i
            j = i + 1
            while j < n and (
                words[j] in g["PRODUCT"]
                or (
                    not caps
                    and words[j].isupper()
                    and len(words[j]) <= 4
                    and words[j] not in g["ORG"]
                )
                or (
                    not caps
                    and j == i + 1
                    and words[j][:1].isupper()
                    and words[j] not in g["COUNTRY"]
                    and words[j] not in g["NORP"]
                    and words[j] not in g["ORG"]
                    and words[j] not in g["MAKER"]
                    and words[j] not in g["CITY"]
                    and not is_designation(words[j])
                )
            ):
                j += 1
            if s < i and rule and rule[-1][1] > s:
                s = i
            rule.append((s, j, "PRODUCT"))
            i = j
            continue
        if w == "Operation" and i + 1 < n and words[i + 1][:1].isupper():
            j = i + 1
            while j < n and words[j][:1].isupper():
                j += 1
            rule.append((i, j, "EVENT"))
            i = j
            continue
        if i == 0 and not caps and n > 1 and w not in TITLE_WORDS and w not in g["NORP"]:
            # "Stockholm International Peace Research Institute": capitalised words that end
            # in a strong organisation word are one organisation, whatever their parts are.
            end = -1
            for j in range(1, n):
                if words[j] in STRONG_ORGCUE:
                    end = j + 1
                elif (
                    not (words[j][:1].isupper() or words[j] in ("of", "for", "and", "the", "&"))
                    or words[j] in TITLES
                    or words[j - 1 : j + 1] == ["and", "the"]  # "X Bank and the Y Forces"
                ):
                    break
            if end < 0 and n > 2 and words[1] in ("of", "for", "on") and w in _HEADS:
                end = 1  # "Centre for Disease Control", "Office for Civil Rights"
            if end > 0 and " ".join(words[:end]) in gazetteer_names():
                end = -1  # "West Bank" is a place
            end = _over_of_for(words, end)
            if 0 < end == n - 1 and (words[end] in g["CITY"] or words[end] in nf.place_names()):
                end = n  # "Imperial College London"
            if end > 0:
                rule.append((0, end, "ORG"))
                i = end
                continue
        if not caps and w in g["NORP"] and i + 2 <= n:
            # "Indian Armed Forces", "Syrian Computer Society": a nationality + an org name.
            end = -1
            for j in range(i + 1, n):
                if words[j] in g["ORGCUE"]:
                    end = j + 1
                elif not (words[j][:1].isupper() or words[j] in ("of", "for", "and", "the")):
                    break
            end = _over_of_for(words, end)
            if end > 0:
                rule.append((i, end, "ORG"))
                i = end
                continue
        i += 1
    return rule


def _over_of_for(words: list[str], end: int) -> int:
    """An organisation name ending at `end` goes on over "of"/"for" and what follows:
    "Federal Service for Military-Technical Cooperation", "Bank of England"."""
    n = len(words)
    if not 0 < end < n or words[end] not in ("of", "for"):
        return end
    k = end
    while k < n and words[k] not in TITLES and words[k - 1 : k + 1] != ["and", "the"]:
        k += 1
    while k > end and is_connector(words[k - 1]):
        k -= 1
    return k if k > end + 1 else end


def _add_tagged(
    words: list[str], tagged: list[tuple[int, int, str]], s: int, e: int, typ: str
) -> None:
    # Connectors never start or end a mention, nor do words that are never names ("MPs").
    notent = gaz()["NOTENT"]
    while s < e and is_connector(words[s]):
        s += 1
    while e > s and (is_connector(words[e - 1]) or (e - s > 1 and words[e - 1] in notent)):
        e -= 1
    if typ != PER:
        # A title ending a name is the job, not part of the name: "PAHO Director", "U.S.
        # Attorney"; not "Department of Justice".
        while e - s > 1 and words[e - 1] in TITLES and not is_connector(words[e - 2]):
            e -= 1
    if e - s > 1 and words[e - 1] in gaz()["NORP"] and words[e - 2] not in gaz()["NORP"]:
        # "Bronx Republicans", "Never Trump Republicans": the group, after what qualifies it
        _add_tagged(words, tagged, s, e - 1, typ)
        tagged.append((e - 1, e, MISC))
        return
    if s < e:
        tagged.append((s, e, typ))


def _join_long_names(
    words: list[str], tagged: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Join tagger spans that one organisation's name spans: "Pacific Gas & Electric",
    "National Oceanic and Atmospheric Administration", "Intergovernmental Panel on Climate
    Change", "European Centre for Medium-Range Weather Forecasts"."""
    cues = gaz()["ORGCUE"] | STRONG_ORGCUE
    out = [tagged[0]]
    for s, e, typ in tagged[1:]:
        ps, pe, ptyp = out[-1]
        gap = words[pe:s]
        join = False
        if not gap and PER in (typ, ptyp) and (_is_initial(words[s]) or _is_initial(words[pe - 1])):
            out[-1] = (ps, e, PER)  # "Franklin" + "D. Roosevelt"
            continue
        if not gap and typ == LOC and e - s == 1 and ptyp == ORG and words[pe - 1] in cues:
            join = True  # "Imperial College London"
        elif gap == ["&"]:
            join = True
        elif gap == ["and"]:
            join = words[e - 1] in cues and words[pe - 1] not in cues and ptyp != PER
        elif len(gap) == 1 and gap[0] in ("on", "for", "of"):
            join = words[pe - 1] in cues and ptyp == ORG
        if join:
            out[-1] = (ps, e, ORG)
        else:
            out.append((s, e, typ))
    return _with_designators(words, out)


def _with_designators(
    words: list[str], tagged: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """An organisation span takes the legal-form or PAC word that follows it ("Asheville Tea
    PAC", "WhiTim Napa LLC")."""
    out = []
    for i, (s, e, typ) in enumerate(tagged):
        nxt_start = tagged[i + 1][0] if i + 1 < len(tagged) else len(words)
        if e < nxt_start and words[e] in DESIGNATORS and typ != PER:
            e, typ = e + 1, ORG
        out.append((s, e, typ))
    return out


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def _after_titles(words: list[str], t: int, e: int) -> int:
    """Where the name starts after the title at t: past every title word, connector and
    further title ("Chief Medical Officer Dr Anton Best" -> "Anton Best")."""
    k = t + 1
    while k < e - 1 and (words[k] in TITLE_WORDS or is_connector(words[k])):
        k += 1
    for t2 in range(k, e - 1):
        if words[t2] in TITLES and words[t2 + 1][:1].isupper():
            k = t2 + 1
    return k


def _add_left_of_title(
    words: list[str], tagged: list[tuple[int, int, str]], s: int, e: int, typ: str
) -> None:
    """What precedes a title: a place or an organisation ("U.S.", "New York City"), else
    nothing ("Acting")."""
    common = nf.common_words()
    while s < e and words[s].lower() in common:
        s += 1
    if s >= e:
        return
    name = " ".join(words[s:e])
    g = gaz()
    for kind, label in GAZ_LABEL.items():
        if name in g[kind]:
            tagged.append((s, e, LOC if label == "GPE" else ORG if label == "ORG" else MISC))
            return
    if typ != PER:
        _add_tagged(words, tagged, s, e, typ)


RunSpecs = tuple[tuple[tuple[int, int, str, bool], ...], tuple[int, ...]]


def run_specs(words: list[str], tags: list[int], nxt: str, caps: bool) -> RunSpecs:
    """One tagged run's mentions as token-index spans: rules first, then the tagger, then
    gazetteers. Returns ((start, end, label, strong)...) and the indexes of tokens left out."""
    g = gaz()
    n = len(words)
    if n == 1 and (words[0].isalpha() or not is_designation(words[0])):
        # Fast path for the commonest run: one capitalised word.
        w = words[0]
        typ = TAG_TYPES[tags[0]]
        if nxt in RULER_NOUNS and typ and w not in gazetteer_names():
            typ = PER  # "the Assad regime", "the Trump administration"
        lab = None
        if (
            typ
            and len(w) > 1
            and w not in g["NOTENT"]
            and w not in GENERIC_HEADS
            and w not in TITLES
            and not w.endswith(ADJECTIVAL)
            and not (("'" in w or "’" in w) and is_contraction(w))
        ):
            if w in g["ORG"] and typ in (PER, MISC):
                typ = ORG
            lab = map_label(typ, words, nxt)
        from_gazetteer = False
        if lab is None:
            lab = gazetteer_label(w, caps)
            from_gazetteer = True
        if lab is None:
            return (), () if caps else (0,)
        return ((0, 1, lab, from_gazetteer),), ()
    rule = _rule_spans(words, caps)
    for i in range(1, n):
        # "Haider al-Abadi", "Osama bin Laden": a particle-led word continues a person's name.
        if TAG_TYPES[tags[i - 1]] == PER and words[i].startswith(NAME_PARTICLES):
            tags = list(tags)
            tags[i] = I_PER
    tagged: list[tuple[int, int, str]] = []
    for s, e, typ in bio_spans(tags):
        # A title inside a name splits it: "New York City Mayor Bill de Blasio", "Acting U.S.
        # Attorney Joshua Levy", "Secretary of State John Kerry".
        for t in range(s, e - 1):
            if words[t] in TITLES and words[t + 1][:1].isupper():
                if words[e - 1] in STRONG_ORGCUE:
                    break  # "President Obama Administration" is not a person
                k = _after_titles(words, t, e)
                head_end = t
                while head_end > s and words[head_end - 1] in TITLE_WORDS:
                    head_end -= 1  # "Trust Executive Director": "Executive" is the title's
                if head_end > s:
                    _add_left_of_title(words, tagged, s, head_end, typ)
                s, typ = k, PER
                break
        if typ == PER:
            while e - s > 1 and words[e - 1] in POSTNOMINALS:
                e -= 1  # "Neil Ford QC"
        _add_tagged(words, tagged, s, e, typ)
    if len(tagged) > 1:
        tagged = _join_long_names(words, tagged)
    # Multi-word gazetteer names, unless the tagger found a longer name around them.
    mw = multiword()
    for i in range(n):
        cands = mw.get(words[i])
        if not cands:
            continue
        for cw, label in cands:
            j = i + len(cw)
            if tuple(words[i:j]) == cw:
                if not any(s <= i and j <= e and e - s > j - i for s, e, _ in tagged):
                    rule.append((i, j, label))
                break
    taken = [False] * n
    spans: list[tuple[int, int, str]] = []
    strong: set[int] = set()  # starts of spans a rule or the gazetteer set (they vote more)
    for s, e, lab in sorted(rule, key=lambda x: (x[0], -x[1])):
        if any(taken[s:e]):
            continue
        spans.append((s, e, lab))
        strong.add(s)
        for k in range(s, e):
            taken[k] = True
    for s, e, typ in tagged:
        if any(taken[s:e]):
            continue
        if e - s > 1 and words[e - 1] in BYLINE_WORDS:
            e -= 1
            typ = ORG
            strong.add(s)
        ws = words[s:e]
        if e - s == 1:
            w = ws[0]
            if len(w) == 1 or w in g["NOTENT"] or w in GENERIC_HEADS or w.endswith(ADJECTIVAL):
                continue
            if w in g["ORG"] and typ in (PER, MISC):
                typ = ORG
        follow = nxt if e == n else words[e].lower()
        lab = map_label(typ, ws, follow)
        if lab is None:
            continue
        spans.append((s, e, lab))
        for k in range(s, e):
            taken[k] = True
    # Untagged country/city names, gazetteer products and organisations (tagger said O).
    for k in range(n):
        if taken[k]:
            continue
        lab = gazetteer_label(words[k], caps)
        if lab:
            spans.append((k, k + 1, lab))
            strong.add(k)
            taken[k] = True
    spans.sort()
    specs = tuple((s, e, lab, s in strong) for s, e, lab in spans)
    left = () if caps else tuple(k for k in range(n) if not taken[k])
    return specs, left
