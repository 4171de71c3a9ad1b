"""The fast scans of the entity pass find what the plain patterns found."""

from __future__ import annotations

import re

import pytest

from tui.core.extract import ner_features as nf
from tui.core.extract.entities.evidence import _LAW_RE, word_starts
from tui.core.extract.entities.places import _NICKNAMED_RE

HOSTILE = (
    "XSection 5 and Section 12A, _Article 3, Prop. 13. McDonald “Big” Smith “Jr” Jones; "
    'Tom "Tiger" Woods. Title 42 ÉSection 9 Amendment 1Section 2 section 4'
)


@pytest.mark.parametrize("pattern", [_LAW_RE, _NICKNAMED_RE])
def test_word_starts_matches_a_leading_word_boundary(pattern: re.Pattern[str]) -> None:
    plain = re.compile(r"\b" + pattern.pattern)
    expected = [m.span() for m in plain.finditer(HOSTILE)]
    assert expected  # the sample has hits for both patterns
    assert [m.span() for m in word_starts(pattern, HOSTILE)] == expected


def _runs(text: str) -> list[str]:
    return [text[t[0][0] : t[-1][1]] for t, _, _ in nf.iter_runs(text, 0, len(text), False)]


def test_runs_take_back_an_arabic_article_prefix() -> None:
    text = "He met al-Assad, then ash-Sharaa; el-Sisi was in Cairo."
    assert _runs(text) == ["al-Assad", "ash-Sharaa", "el-Sisi", "Cairo"]


def test_runs_do_not_start_inside_a_word() -> None:
    # "al-" inside "banal-" is no prefix; "Pre-Raphaelite" stays one word.
    assert _runs("A banal-Foo story about Pre-Raphaelite art.") == ["Pre-Raphaelite"]
