"""Sentence and paragraph splitting: a table of hard news cases, properties, and real text."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.sentences import split_paragraphs, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


# input -> expected sentences
HARD_CASES: list[tuple[str, list[str]]] = [
    # abbreviations before names and mid-sentence
    (
        "Mr. Smith met Mrs. Jones and Dr. Patel. Prof. Li was late.",
        ["Mr. Smith met Mrs. Jones and Dr. Patel.", "Prof. Li was late."],
    ),
    (
        "Gen. Mark Milley spoke to Lt. Col. Ann Day and Sgt. Capt. Ruiz.",
        ["Gen. Mark Milley spoke to Lt. Col. Ann Day and Sgt. Capt. Ruiz."],
    ),
    (
        "Rep. Ocasio-Cortez and Sen. Warren wrote to Gov. Hochul. She replied.",
        ["Rep. Ocasio-Cortez and Sen. Warren wrote to Gov. Hochul.", "She replied."],
    ),
    ("In 2012 then-Rep. Heath Shuler retired.", ["In 2012 then-Rep. Heath Shuler retired."]),
    # U.S. and friends: a proper noun goes on, a sentence-starting word ends it
    (
        "The U.S. Army said so. The U.K. and U.N. agreed.",
        ["The U.S. Army said so.", "The U.K. and U.N. agreed."],
    ),
    (
        "Sales fell in the U.S. The company blamed the weather.",
        ["Sales fell in the U.S.", "The company blamed the weather."],
    ),
    (
        "He moved to the U.S. But he kept his flat.",
        ["He moved to the U.S.", "But he kept his flat."],
    ),
    ("U.S. officials declined to comment.", ["U.S. officials declined to comment."]),
    (
        "Shares of Apple Inc. rose. Amazon.com Inc. said it would appeal. Acme Ltd. He left.",
        [
            "Shares of Apple Inc. rose.",
            "Amazon.com Inc. said it would appeal.",
            "Acme Ltd.",
            "He left.",
        ],
    ),
    (
        "Apple Inc. Chief Executive Tim Cook spoke.",
        ["Apple Inc. Chief Executive Tim Cook spoke."],
    ),
    ("Boeing Co. It makes planes.", ["Boeing Co.", "It makes planes."]),
    ("Microsoft Corp. and Tata Sons Ltd. signed.", ["Microsoft Corp. and Tata Sons Ltd. signed."]),
    # months, numbers, sections
    (
        "It happened on Jan. 5 and Sept. 11, not Aug. 3. Feb. 2 was quiet.",
        ["It happened on Jan. 5 and Sept. 11, not Aug. 3.", "Feb. 2 was quiet."],
    ),
    (
        "He lives at No. 10 Downing St. and works at No. 11.",
        ["He lives at No. 10 Downing St. and works at No. 11."],
    ),
    (
        "The fee is Rs. 500 under Sec. 12 and Art. 370 of the constitution.",
        ["The fee is Rs. 500 under Sec. 12 and Art. 370 of the constitution."],
    ),
    ("See section 3.2.1 of the act. It applies.", ["See section 3.2.1 of the act.", "It applies."]),
    (
        "Voting is at 2344 Bragg St., Apt. 1C between 12 and 8 p.m. Results follow.",
        ["Voting is at 2344 Bragg St., Apt. 1C between 12 and 8 p.m. Results follow."],
    ),
    ("They met on Main St. The talks failed.", ["They met on Main St.", "The talks failed."]),
    ("He sailed to St. Thomas, USVI.", ["He sailed to St. Thomas, USVI."]),
    # decimals, money, times
    (
        "India signed a $5.5 billion deal. Pi is 3.14 and the fund is 1.5m.",
        ["India signed a $5.5 billion deal.", "Pi is 3.14 and the fund is 1.5m."],
    ),
    (
        "It was 9.41 a.m. IST when the blast hit. By 10 a.m. The police had arrived.",
        ["It was 9.41 a.m. IST when the blast hit.", "By 10 a.m.", "The police had arrived."],
    ),
    ("The talks began at 9 a.m. Monday.", ["The talks began at 9 a.m. Monday."]),
    ("He scored 3. Then he left.", ["He scored 3.", "Then he left."]),
    ("Said Lopiano, 52. “I wasn’t in favour.”", ["Said Lopiano, 52.", "“I wasn’t in favour.”"]),
    # initials
    ("J. R. R. Tolkien wrote it.", ["J. R. R. Tolkien wrote it."]),
    ("J. I. Rodale founded it.", ["J. I. Rodale founded it."]),
    (
        "They staged Henry V. The critics loved it.",
        ["They staged Henry V.", "The critics loved it."],
    ),
    (
        "Martin Luther King Jr. Day passed. He met John Smith Sr. The talks went well.",
        ["Martin Luther King Jr. Day passed.", "He met John Smith Sr.", "The talks went well."],
    ),
    (
        "He is 6 ft. 2 in. tall and paid $15/hr. Workers want more.",
        ["He is 6 ft. 2 in. tall and paid $15/hr.", "Workers want more."],
    ),
    (
        "He earned a Ph.D. in physics. His Ph.D. He never used.",
        ["He earned a Ph.D. in physics.", "His Ph.D.", "He never used."],
    ),
    (
        "She was born in Washington, D.C., and moved. She left Washington, D.C. The city shrank.",
        [
            "She was born in Washington, D.C., and moved.",
            "She left Washington, D.C.",
            "The city shrank.",
        ],
    ),
    (
        "The U.N. Security Council met U.S. Rep. John Smith.",
        ["The U.N. Security Council met U.S. Rep. John Smith."],
    ),
    ("“We tried. It failed,” she said.", ["“We tried.", "It failed,” she said."]),
    ("“Who is next?” asked one protester.", ["“Who is next?” asked one protester."]),
    ("Read more at https://x.com/a. Then reply.", ["Read more at https://x.com/a.", "Then reply."]),
    ("George W. Bush and George H.W. Bush met.", ["George W. Bush and George H.W. Bush met."]),
    ("Director Carissa F. Etienne spoke.", ["Director Carissa F. Etienne spoke."]),
    ("They chose Plan B. The rest failed.", ["They chose Plan B.", "The rest failed."]),
    (
        "He was King Francois I. Between 2000 and 2013 it grew.",
        ["He was King Francois I.", "Between 2000 and 2013 it grew."],
    ),
    # Latin abbreviations
    (
        "Fruit, e.g. Apples, i.e. Red ones, etc. are fine. Pears vs. Plums is next.",
        ["Fruit, e.g. Apples, i.e. Red ones, etc. are fine.", "Pears vs. Plums is next."],
    ),
    (
        "They sold apples, pears, etc. The rest rotted.",
        ["They sold apples, pears, etc.", "The rest rotted."],
    ),
    ("Smith et al. found it.", ["Smith et al. found it."]),
    ("In Roe v. Wade the court ruled.", ["In Roe v. Wade the court ruled."]),
    # quotations
    (
        '"So far, we are negotiating this," Shugayev was quoted as saying.',
        ['"So far, we are negotiating this," Shugayev was quoted as saying.'],
    ),
    ('"We won." She smiled.', ['"We won."', "She smiled."]),
    ("“We won.” She smiled.", ["“We won.”", "She smiled."]),
    ("‘We won.’ She smiled.", ["‘We won.’", "She smiled."]),
    (
        '"It is over. We lost," he said. "Next year."',
        ['"It is over.', 'We lost," he said.', '"Next year."'],
    ),
    ('He called it "absurd". Then he left.', ['He called it "absurd".', "Then he left."]),
    ('"Why?" he asked. "Why not?" asked Smith.', ['"Why?" he asked.', '"Why not?" asked Smith.']),
    (
        "“We won!” Smith said. “Really?” She laughed.",
        ["“We won!” Smith said.", "“Really?”", "She laughed."],
    ),
    ('He said "no." and left.', ['He said "no." and left.']),
    ("(See below.) The end.", ["(See below.)", "The end."]),
    ('He said, "Where is he? "', ['He said, "Where is he? "']),
    ('He said, "I do better here. " I think so.', ['He said, "I do better here. "', "I think so."]),
    # question and exclamation marks
    ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    ("What now?! Nobody knows.", ["What now?!", "Nobody knows."]),
    # ellipses
    (
        "I said I'd never felt this way before ... and I was told no.",
        ["I said I'd never felt this way before ... and I was told no."],
    ),
    (
        "It is a commercial area over here… You don’t know them.",
        ["It is a commercial area over here…", "You don’t know them."],
    ),
    ("Speaking of … Biden has the most.", ["Speaking of … Biden has the most."]),
    ("We waited.... Nobody came.", ["We waited....", "Nobody came."]),
    ("We waited.... 5 people came.", ["We waited....", "5 people came."]),
    ("We waited. . . . Nobody came.", ["We waited. . . .", "Nobody came."]),
    ("The text [...] Continues here.", ["The text [...] Continues here."]),
    # URLs, emails, domains
    (
        "Visit swarajya.com. Email vote@nycha.nyc.gov or see https://example.org/a.b?c=d. Done.",
        [
            "Visit swarajya.com.",
            "Email vote@nycha.nyc.gov or see https://example.org/a.b?c=d.",
            "Done.",
        ],
    ),
    (
        "Amazon.com can now be held liable. The ruling stands.",
        ["Amazon.com can now be held liable.", "The ruling stands."],
    ),
    # lowercase after a stop does not start a sentence; a camel-case brand does
    ("He spoke to an official. cited by TASS.", ["He spoke to an official. cited by TASS."]),
    ("Apple shipped it. iOS 13 followed.", ["Apple shipped it.", "iOS 13 followed."]),
    # footnote markers glued to the stop by web extraction
    ("It leads in Iowa.2 Warren is second.", ["It leads in Iowa.2", "Warren is second."]),
    ("Omicron BA.2 has spread.", ["Omicron BA.2 has spread."]),
    # citation marks stay with the sentence they close
    (
        "It was shelled.[3][4] A physician said so. [1] Later it fell.",
        ["It was shelled.[3][4]", "A physician said so. [1]", "Later it fell."],
    ),
    # state abbreviations in datelines
    (
        "NAPA COUNTY, Calif. (KGO) -- A plan advanced.",
        ["NAPA COUNTY, Calif. (KGO) -- A plan advanced."],
    ),
    # lists, bullets, numbered lines, headlines: every line is its own paragraph
    ("1. First item\n2. Second item", ["1. First item", "2. Second item"]),
    ("IV. Results were mixed.", ["IV. Results were mixed."]),
    ("Three reasons: 1. Cost. 2. Time.", ["Three reasons: 1. Cost.", "2. Time."]),
    (
        "- Letter by stars\n- MPs add pressure\n• Vote soon",
        ["- Letter by stars", "- MPs add pressure", "• Vote soon"],
    ),
    (
        "Coronavirus: New York ramps up burials\nImages have emerged. Workers were seen.",
        ["Coronavirus: New York ramps up burials", "Images have emerged.", "Workers were seen."],
    ),
    ("A line without a stop\n\n\nNext paragraph", ["A line without a stop", "Next paragraph"]),
    ("Windows line\r\nbreaks\rtoo", ["Windows line", "breaks", "too"]),
    ("Related: • One story • Two stories", ["Related:", "• One story", "• Two stories"]),
    (
        "Wg. Cdr. Abhinandan and Sqn. Ldr. Singh flew.",
        ["Wg. Cdr. Abhinandan and Sqn. Ldr. Singh flew."],
    ),
    # CJK full stops
    ("今天下雨。明天晴天！", ["今天下雨。", "明天晴天！"]),
    # whitespace only, empty
    ("", []),
    ("  \n\t \n", []),
]


@pytest.mark.parametrize(("text", "expected"), HARD_CASES)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_split_paragraphs_every_line_break() -> None:
    text = "Title\nFirst para. Still first.\n\n  Second para.  \r\nThird"
    assert [text[s:e] for s, e in split_paragraphs(text)] == [
        "Title",
        "First para. Still first.",
        "Second para.",
        "Third",
    ]


def test_given_paragraphs_are_respected() -> None:
    text = "One. Two.\nThree"
    # A caller's paragraph may span a line break: the break still ends the sentence.
    assert [text[s:e] for s, e in split_sentences(text, [(0, len(text))])] == [
        "One.",
        "Two.",
        "Three",
    ]
    assert split_sentences(text, [(5, 9)]) == [(5, 9)]


# --- properties -----------------------------------------------------------------------------

# Text built from the characters the splitter cares about, plus arbitrary Unicode.
# fmt: off
_PIECES = st.sampled_from([
    " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2028", ".", "...", "…", "?", "!",
    '"', "“", "”", "’", "'", "(", ")", "[", "]", "[1]", "U.S.", "Mr.", "Inc.", "a.m.", "J.",
    "The", "he", "said", "1.", "3.14", "$5.5", "e.g.", "No.", "Jan.", "-", "•", "。", "Smith",
    "iOS", "x.2", "A", "z",
])
# fmt: on
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=40).map("".join)

_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def _check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    prev_end = 0
    covered = bytearray(len(text))
    for s, e in spans:
        assert 0 <= prev_end <= s < e <= len(text)
        chunk = text[s:e]
        assert chunk == chunk.strip()
        assert not any(c in _LINE_BREAKS for c in chunk)
        covered[s:e] = b"\x01" * (e - s)
        prev_end = e
    for i, c in enumerate(text):
        assert covered[i] or c.isspace(), f"character {c!r} at {i} is in no span"


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_sentence_span_properties(text: str) -> None:
    _check_spans(text, split_sentences(text))


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_paragraph_span_properties(text: str) -> None:
    paragraphs = split_paragraphs(text)
    _check_spans(text, paragraphs)
    # Every sentence lies inside one paragraph.
    for s, e in split_sentences(text, paragraphs):
        assert any(ps <= s and e <= pe for ps, pe in paragraphs)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_unicode(text: str) -> None:
    _check_spans(text, split_sentences(text))


# --- real text ------------------------------------------------------------------------------


def test_seed_article(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    got = sentences(text)
    # 5 metadata/CTA lines, 14 body sentences, 1 closing CTA line.
    assert len(got) == 20
    assert got[:3] == ["Defence", "Swarajya Staff", "Sep 03, 2025, 09:41 AM | Updated 09:41 AM IST"]
    assert '"As is known, India has our S-400 system.' in got
    assert "It means new supplies." in got
    assert any(s.startswith('So far, we are negotiating this," Shugayev was quoted') for s in got)
    assert any(
        "$5.5 billion deal" in s
        and s.endswith("defences against China’s expanding military influence.")
        for s in got
    )
    assert any(s.startswith("India and Russia") and s.endswith("cited by TASS.") for s in got)


def _corpus_texts(shared: Path) -> dict[str, str]:
    trafilatura = pytest.importorskip("trafilatura")
    pages = sorted((shared / "corpus" / "html").glob("*.html"))
    if not pages:
        pytest.skip("no HTML pages in ../shared/corpus/html")
    texts = {p.name: trafilatura.extract(p.read_bytes()) or "" for p in pages}
    return {k: v for k, v in texts.items() if v}


@pytest.fixture(scope="module")
def corpus(shared: Path) -> dict[str, str]:
    return _corpus_texts(shared)


def _ends(text: str) -> set[int]:
    return {e for _, e in split_sentences(text)}


def test_corpus_clear_boundaries_are_found(corpus: dict[str, str]) -> None:
    """A lowercase word, a full stop and a typical sentence opener: always a boundary."""
    pattern = re.compile(r"\b[a-z]{3,}[.!?][\"”’]?(?= (?:The|He|She|It|They|We|But|In|This) )")
    checked = 0
    for name, text in corpus.items():
        ends = _ends(text)
        for m in pattern.finditer(text):
            checked += 1
            assert m.end() in ends, (
                f"{name}: no boundary after {text[m.start() - 30 : m.end() + 20]!r}"
            )
    assert checked > 100


_OPENERS = {"The", "A", "He", "She", "It", "They", "We", "But", "In", "This", "Between"}


def test_corpus_no_boundary_inside_names_numbers_or_attributions(corpus: dict[str, str]) -> None:
    titles = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Rep|Sen|Gov|Lt|Col|Sgt|Capt|St)\.(?= [A-Z])")
    initials = re.compile(r"\b[A-Z][a-z]+ [A-Z]\.(?= [A-Z][a-z]+\b)")
    decimals = re.compile(r"\d\.(?=\d)")
    quote_comma = re.compile(r",[\"”’](?= [a-z])")
    checked = 0
    for name, text in corpus.items():
        ends = _ends(text)
        for pattern in (titles, initials, decimals, quote_comma):
            for m in pattern.finditer(text):
                # "Plan B. The ..." is a real ending; leave those to the table above.
                following = text[m.end() : m.end() + 12].split()
                if pattern is initials and following and following[0] in _OPENERS:
                    continue
                checked += 1
                assert m.end() not in ends, (
                    f"{name}: split at {text[m.start() - 30 : m.end() + 20]!r}"
                )
    assert checked > 100


def test_corpus_sentence_lengths_are_plausible(corpus: dict[str, str]) -> None:
    words = [len(text[s:e].split()) for text in corpus.values() for s, e in split_sentences(text)]
    assert len(words) > 1000
    mean = sum(words) / len(words)
    assert 10 <= mean <= 30  # news prose averages ~20 words a sentence
    assert max(words) < 120  # a missed split would run two long sentences together


def test_claimbuster_sentences_stay_whole(shared: Path) -> None:
    items = json.loads((shared / "eval" / "claims" / "claimbuster_dev.json").read_text())
    whole = sum(len(split_sentences(item["text"])) == 1 for item in items)
    # Each item is one transcribed sentence; a few hold two ("Washington, D.C. That's ...").
    assert whole / len(items) >= 0.995


def test_claimbuster_joined_sentences_split_back(shared: Path) -> None:
    """Two consecutive transcribed sentences joined by a space come apart at the join."""
    items = json.loads((shared / "eval" / "claims" / "claimbuster_dev.json").read_text())
    texts = [item["text"].strip() for item in items]
    found = total = 0
    for a, b in itertools.pairwise(texts):
        # Lowercase transcript fragments ("... and then") are not sentence starts: skip them.
        if not a or a[-1] not in '.?!"”' or not b.lstrip('"“‘(')[:1].isupper():
            continue
        total += 1
        found += len(a) in {e for _, e in split_sentences(f"{a} {b}")}
    assert total > 5000
    assert found / total >= 0.99
