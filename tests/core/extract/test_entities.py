"""Named entities: the seed article, general patterns, CoNLL dev quality, properties."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.extract.entities import extract_entities
from tui.core.model import Entity
from tui.core.sentences import split_sentences


def run(text: str) -> list[Entity]:
    return extract_entities(text, split_sentences(text))


def by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


# --- the seed article ------------------------------------------------------------------------

SEED_EXPECTED = {
    "India": "GPE",
    "Russia": "GPE",
    "TASS": "ORG",
    "Dmitry Shugayev": "PERSON",
    "Federal Service for Military-Technical Cooperation": "ORG",
    "S-400 Triumf": "PRODUCT",
    "Su-57": "PRODUCT",
    "T-90": "PRODUCT",
    "Su-30 MKI": "PRODUCT",
    "MiG-29": "PRODUCT",
    "AK-203": "PRODUCT",
    "BrahMos": "PRODUCT",
    "Kamov": "ORG",  # the helicopter maker: "Kamov helicopters"
    "INS Vikramaditya": "PRODUCT",
    "Admiral Gorshkov": "PRODUCT",
    "China": "GPE",
    "France": "GPE",
    "Israel": "GPE",
    "Pakistan": "GPE",
    "Moscow": "GPE",
    "Stockholm International Peace Research Institute": "ORG",
    "Operation Sindoor": "EVENT",
    "Indian Armed Forces": "ORG",
    "Russian": "NORP",
    "Pakistani": "NORP",
    "Swarajya": "ORG",
    "Google": "ORG",
}


@pytest.fixture(scope="module")
def seed_entities(seed_path: Path) -> dict[str, Entity]:
    text = seed_path.read_text(encoding="utf-8")
    return by_name(run(text))


def test_seed_every_entity_with_its_label(seed_entities: dict[str, Entity]) -> None:
    found = {name: e.label for name, e in seed_entities.items()}
    missing = {n: lab for n, lab in SEED_EXPECTED.items() if found.get(n) != lab}
    assert not missing, f"missing or mislabelled: {missing}; found {found}"


def test_seed_no_false_entity(seed_entities: dict[str, Entity]) -> None:
    extra = set(seed_entities) - set(SEED_EXPECTED)
    assert not extra
    for word in ("However", "Although", "Bookmark", "Defence", "Save", "Please", "Staff"):
        assert all(word not in e.name.split() for e in seed_entities.values())


def test_seed_aliases(seed_entities: dict[str, Entity]) -> None:
    shugayev = seed_entities["Dmitry Shugayev"]
    assert shugayev.aliases == ["Shugayev"]
    assert shugayev.count == 3
    s400 = seed_entities["S-400 Triumf"]
    assert "S-400" in s400.aliases
    assert s400.count == 5
    assert seed_entities["India"].count == 7


# --- general patterns --------------------------------------------------------------------------


def test_surname_is_a_mention_of_the_full_name() -> None:
    text = (
        "Angela Merkel met the union leaders in Berlin on Monday. "
        "Merkel said the talks had gone well. Later, Merkel flew to Paris."
    )
    ents = by_name(run(text))
    merkel = ents["Angela Merkel"]
    assert merkel.label == "PERSON"
    assert merkel.aliases == ["Merkel"]
    assert merkel.count == 3
    assert "Merkel" not in ents
    assert ents["Berlin"].label == "GPE" and ents["Paris"].label == "GPE"


def test_designations_are_products_and_short_forms_merge() -> None:
    text = (
        "Turkey took delivery of the S-400 Triumf system in 2019. The S-400 angered Washington, "
        "which removed Ankara from the F-35 programme. The army also fields T-90 tanks, and "
        "airlines grounded the Boeing 737 MAX."
    )
    ents = by_name(run(text))
    assert ents["S-400 Triumf"].label == "PRODUCT"
    assert ents["S-400 Triumf"].aliases == ["S-400"]
    assert "S-400" not in ents
    for name in ("F-35", "T-90", "Boeing 737 MAX"):
        assert ents[name].label == "PRODUCT", name
    assert ents["Turkey"].label == "GPE"


def test_multi_word_organisations_are_whole() -> None:
    text = (
        "The International Atomic Energy Agency said on Tuesday that inspectors had left. "
        "A spokesman for the Ministry of Defence declined to comment."
    )
    ents = by_name(run(text))
    assert ents["International Atomic Energy Agency"].label == "ORG"
    assert ents["Ministry of Defence"].label == "ORG"


def test_acronym_in_brackets_is_an_alias() -> None:
    text = (
        "The Stockholm International Peace Research Institute (SIPRI) published its report. "
        "SIPRI said arms imports fell."
    )
    ents = by_name(run(text))
    sipri = ents["Stockholm International Peace Research Institute"]
    assert sipri.label == "ORG"
    assert "SIPRI" in sipri.aliases
    assert sipri.count == 3


def test_sentence_initial_capitals_are_not_entities() -> None:
    text = (
        "However, the talks stalled. Although prices rose, demand held. Meanwhile, exports fell. "
        "Bookmark this page. Nevertheless the deal survived. In May, Japan signed."
    )
    names = {e.name for e in run(text)}
    assert names == {"Japan"}


def test_all_caps_headline_gives_no_garbage() -> None:
    text = (
        "INDIA AND RUSSIA HOLD FRESH TALKS ON NEW S-400 DELIVERIES\n"
        "India and Russia are holding talks on extra deliveries, officials said."
    )
    ents = by_name(run(text))
    assert set(ents) == {"India", "Russia", "S-400"}
    assert ents["India"].label == "GPE"
    assert "INDIA" in ents["India"].aliases
    assert ents["S-400"].label == "PRODUCT"


def test_possessive_is_outside_the_span() -> None:
    text = "Russia's economy grew while China’s slowed."
    ents = by_name(run(text))
    assert ents["Russia"].mentions == [(0, 6)]
    s, e = ents["China"].mentions[0]
    assert text[s:e] == "China"


def test_titles_are_not_part_of_a_person() -> None:
    text = "President Emmanuel Macron met Prime Minister Narendra Modi in New Delhi."
    ents = by_name(run(text))
    assert ents["Emmanuel Macron"].label == "PERSON"
    assert ents["Narendra Modi"].label == "PERSON"
    assert ents["New Delhi"].label == "GPE"


def test_empty_and_sentence_less_input() -> None:
    assert extract_entities("", []) == []
    ents = extract_entities("Paris is in France.", [])
    assert {e.name for e in ents} == {"Paris", "France"}


# --- quality on CoNLL-2003 dev (a quality bar, not timing) -------------------------------------


def test_conll_dev_f1(shared: Path) -> None:
    from benchmarks.eval_entities import eval_conll

    scores, _, _ = eval_conll(shared)
    assert scores["micro"]["f1"] >= 0.70, scores["micro"]


# --- properties --------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "India",
        "S-400",
        "Triumf",
        "of",
        "the",
        "Dr.",
        "U.S.",
        "al-Assad",
        "(ex-",
        ")",
        "Russia's",
        "’s",
        "SIPRI",
        "(SIPRI)",
        "Boeing",
        "737",
        "MAX",
        "INS",
        "Operation",
        "However,",
        "said",
        ".",
        "\n",
        "ÉCOLE",
        "Ümit",
        "ǅemal",
        "İstanbul",
        "ﬁ",
        "",
    ]
)


def _check(text: str) -> None:
    ents = run(text)
    spans = []
    for e in ents:
        assert e.mentions == sorted(e.mentions)
        forms = {e.name, *e.aliases}
        for s, t in e.mentions:
            assert 0 <= s < t <= len(text)
            assert text[s:t] in forms
            spans.append((s, t))
    spans.sort()
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        assert e1 <= s2


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_text(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=40), st.sampled_from([" ", "  ", "\t", "\u00a0", "-"]))
def test_name_like_text(words: list[str], sep: str) -> None:
    _check(sep.join(words))


def test_names_around_titles_and_particles() -> None:
    text = (
        "Secretary of State John Kerry met Iraqi Prime Minister Haider al-Abadi in Baghdad. "
        "Kerry said the Assad regime had lost control of the north."
    )
    ents = by_name(run(text))
    assert ents["John Kerry"].label == "PERSON"
    assert ents["John Kerry"].aliases == ["Kerry"]
    assert ents["Haider al-Abadi"].label == "PERSON"
    assert ents["Assad"].label == "PERSON"
    assert ents["Iraqi"].label == "NORP"
    assert ents["Baghdad"].label == "GPE"


def test_shouted_words_in_a_mixed_line_are_not_names() -> None:
    text = "A SIMPLE GUIDE: How do I protect myself?\nNATO and the EU met in Brussels."
    names = {e.name for e in run(text)}
    assert names == {"NATO", "EU", "Brussels"}


def test_odd_sentence_spans_do_not_duplicate_mentions() -> None:
    text = "India and Russia met. Dmitry Shugayev said so."
    for spans in ([(0, len(text)), (0, len(text))], [(22, 46), (0, 21)], [(-5, 1000)]):
        ents = by_name(extract_entities(text, spans))
        assert ents["India"].mentions == [(0, 5)], spans
        assert ents["Dmitry Shugayev"].count == 1
