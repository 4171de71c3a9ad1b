"""What an article is about, as sparse term counts: words, names and its date.

Pure functions over plain values, so the importer's writer, the benchmark and the tests all
build the same features. Weights that depend on the whole library (how rare a term is) are
applied later, by :mod:`tui.core.stories.grouping`, from the counts seen so far.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

STOPWORDS_FILE = Path(__file__).resolve().parent / "data" / "stopwords.txt"


def _read_words(path: Path) -> frozenset[str]:
    lines = path.read_text("utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


STOPWORDS = _read_words(STOPWORDS_FILE)
_WORD_RE = re.compile(r"[^\W\d_](?:[^\W_]|['’-](?=[^\W\d_]))+|\d[\d,.]*\d|\d")
# Labels of the names that say which event an article is about.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "NORP"})
_MIN_WORD = 3
ENTITY_PREFIX = "@"
TITLE_WEIGHT = 2  # a title word counts as this many body mentions
ENTITY_WEIGHT = 2  # a name's word counts again, under its own key, this many times a mention
MAX_TERM_COUNT = 8  # one word repeated forty times is not forty times as telling


@dataclass(slots=True)
class StoryDoc:
    """The parts of an article that placing it in a story reads."""

    id: str
    title: str
    text: str
    sort_ts: float | None  # published time (UTC timestamp), None when unknown
    entities: list[tuple[str, str, int]] = field(default_factory=list)  # name, label, mentions


def words(text: str) -> list[str]:
    """Casefolded content words (no stopwords, no short words); numbers kept whole."""
    found = _WORD_RE.findall(text.casefold().replace("’", "'"))
    return [
        w.removesuffix("'s").replace(",", "")
        for w in found
        if w not in STOPWORDS and (len(w) >= _MIN_WORD or w.isdigit())
    ]


def term_counts(doc: StoryDoc) -> Counter[str]:
    """Body words, title words (weighted up) and the words of the names it mentions."""
    counts: Counter[str] = Counter(words(doc.text))
    for word in words(doc.title):
        counts[word] += TITLE_WEIGHT
    for name, label, mentions in doc.entities:
        if label not in _NAME_LABELS:
            continue
        # Each word of a name on its own: "Shugayev" and "Dmitry Shugayev" then share a key.
        for word in words(name):
            if not word.isdigit():
                counts[ENTITY_PREFIX + word] += ENTITY_WEIGHT * max(1, mentions)
    for term, n in counts.items():
        if n > MAX_TERM_COUNT:
            counts[term] = MAX_TERM_COUNT
    return counts
