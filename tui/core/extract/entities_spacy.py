"""Optional second entity engine: a spaCy pipeline the user has installed.

spaCy is not a dependency of newsreader: it is imported only when this engine is used, and
`SpacyUnavailable` says what to install when it is missing. Labels are mapped to ours
(OntoNotes pipelines such as en_core_web_sm already use them; CoNLL-style PER/LOC/MISC ones
are mapped too), and mentions are merged into entities exactly as the default engine does.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from tui.core.extract.entities import group_mentions
from tui.core.model import Entity, Span

DEFAULT_MODEL = "en_core_web_sm"

# Pipeline label -> our label; labels not listed (DATE, MONEY, CARDINAL, LAW, MISC...) are
# not entities here (figures are extracted separately).
LABEL_MAP = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "PRODUCT": "PRODUCT",
    "EVENT": "EVENT",
    "FAC": "FAC",
}
_LEADING = ("the ", "The ")
_TRAILING = ("'s", "’s", "'", "’")


class SpacyUnavailable(RuntimeError):
    """spaCy or the requested pipeline is not installed."""


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Any:
    """Load (once) a spaCy pipeline by package name or path, keeping only what NER needs."""
    try:
        import spacy
    except ImportError as exc:
        raise SpacyUnavailable(
            "the spaCy engine needs spaCy: pip install spacy, then install a pipeline "
            f"such as {DEFAULT_MODEL}"
        ) from exc
    try:
        return spacy.load(model, exclude=["lemmatizer", "textcat"])
    except OSError as exc:
        raise SpacyUnavailable(f"spaCy pipeline {model!r} is not installed") from exc


def extract_entities_spacy(
    text: str, sentences: list[Span] | None = None, model: str = DEFAULT_MODEL, nlp: Any = None
) -> list[Entity]:
    """Entities found by a spaCy pipeline, in the same shape as `extract_entities`.

    `sentences` is accepted for signature parity and not needed: spaCy splits the text
    itself. `nlp` may be given directly (any callable returning a Doc-like object with
    `.ents`, each with `start_char`, `end_char` and `label_`)."""
    if not text.strip():
        return []
    if nlp is None:
        nlp = load_pipeline(model)
    doc = nlp(text)
    spans: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        s, e = _trim(text, int(ent.start_char), int(ent.end_char))
        if s < e:
            spans.append((s, e, label))
    return group_mentions(text, spans)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive, as the default engine's spans do."""
    for lead in _LEADING:
        if text.startswith(lead, s) and e - s > len(lead):
            s += len(lead)
    for tail in _TRAILING:
        if text.endswith(tail, s, e) and e - s > len(tail):
            e -= len(tail)
            break
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
