"""The optional spaCy engine: label mapping and merging (with a stand-in pipeline), and a real
pipeline when spaCy and en_core_web_sm happen to be installed."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tui.core.extract.entities_spacy import extract_entities_spacy


@dataclass
class _Ent:
    start_char: int
    end_char: int
    label_: str


@dataclass
class _Doc:
    ents: list[_Ent]


def _fake_nlp(found: list[tuple[str, str]]):
    """A pipeline stand-in that finds the given (surface, label) pairs, every occurrence."""

    def nlp(text: str) -> _Doc:
        ents = []
        for surface, label in found:
            i = text.find(surface)
            while i >= 0:
                ents.append(_Ent(i, i + len(surface), label))
                i = text.find(surface, i + len(surface))
        return _Doc(sorted(ents, key=lambda x: x.start_char))

    return nlp


def test_labels_are_mapped_and_mentions_merged() -> None:
    text = "Dmitry Shugayev said Russia's S-400 deal stands. Shugayev spoke on Monday in Moscow."
    nlp = _fake_nlp(
        [
            ("Dmitry Shugayev", "PERSON"),
            (" Shugayev spoke", "PER"),
            ("Russia's", "GPE"),
            ("Monday", "DATE"),
            ("Moscow", "LOC"),
        ]
    )
    ents = {e.name: e for e in extract_entities_spacy(text, nlp=nlp)}
    assert ents["Dmitry Shugayev"].label == "PERSON"
    assert ents["Russia"].label == "GPE"
    assert ents["Russia"].mentions == [(21, 27)]
    assert "Monday" not in ents
    assert ents["Moscow"].label == "LOC"
    for e in ents.values():
        for s, t in e.mentions:
            assert text[s:t] in {e.name, *e.aliases}


def test_real_pipeline_when_installed(seed_path) -> None:
    spacy = pytest.importorskip("spacy")
    try:
        spacy.load("en_core_web_sm")
    except OSError:
        pytest.skip("en_core_web_sm is not installed")
    text = seed_path.read_text(encoding="utf-8")
    ents = {e.name: e.label for e in extract_entities_spacy(text)}
    assert ents.get("India") == "GPE"
