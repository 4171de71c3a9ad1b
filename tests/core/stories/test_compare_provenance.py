"""Figures that disagree, repeated quotes and their first carrier, the story briefing."""

from __future__ import annotations

import json

import pytest

from tests.core.stories.corpus import ALL, ELWYN, write_articles
from tui.cli import main
from tui.core.extract import analyse
from tui.core.loaders.jsonexport import load
from tui.core.model import Figure
from tui.core.stories.compare import disagreements, values_agree
from tui.core.stories.provenance import repeated_quotes


def _articles(items: list[dict]) -> list:
    out = []
    for item in items:
        article = load(json.dumps(item))[0]
        analyse(article)
        out.append(article)
    return out


def _fig(value: float, *, approx: bool = False, value_max: float | None = None) -> Figure:
    return Figure(
        "x", "count", value, (0, 1), 0, value_max=value_max, unit="workers", approx=approx
    )


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (_fig(5.5e9), _fig(5.43e9), False),  # the example
        (_fig(5000, approx=True), _fig(4987), True),  # "about 5,000" vs "4,987"
        (_fig(5000), _fig(4987), True),  # 5,000 is 4,987 rounded
        (_fig(120), _fig(150), False),
        (_fig(100, value_max=150), _fig(300), True),  # a range is not a disagreement
        (_fig(64), _fig(64.0), True),
        (_fig(1.2e6, approx=True), _fig(2e6), False),  # hedged, but far off
    ],
)
def test_values_agree_allows_rounding_and_ranges(a, b, agree):
    assert values_agree(a, b) is agree


def test_a_storys_disagreeing_figures_are_grouped_by_value():
    found = [d.describe() for d in disagreements(_articles(ELWYN))]
    assert "$5.5 billion in Coastal Wire; $5.43 billion in Elwyn Daily" in found
    assert "120 firefighters in Coastal Wire, Elwyn Daily; 150 firefighters in National Times" in (
        found
    )
    assert not any("dock workers" in d for d in found)  # about 5,000 vs 4,987: rounding
    assert len(found) == 2


def test_figures_of_different_things_do_not_disagree():
    one = {
        "title": "A",
        "text": "The council hired 40 teachers for the new school in Arden.",
        "published": "2026-01-01",
    }
    two = {
        "title": "B",
        "text": "The hospital in Arden treated 75 patients after the storm.",
        "published": "2026-01-02",
    }
    assert disagreements(_articles([one, two])) == []


def test_the_first_carrier_is_the_earliest_whatever_the_order_given():
    articles = _articles(list(reversed(ELWYN)))
    [quote] = repeated_quotes(articles)
    assert quote.text == "We will rebuild the harbour stone by stone"
    assert quote.first.article.site == "Coastal Wire"
    assert len(quote.carriers) == 3
    assert quote.describe() == "first in Coastal Wire (via Coastal Wire), repeated by 2"


def test_a_lightly_edited_quote_is_the_same_quote():
    base = dict(ELWYN[0])
    edited = dict(ELWYN[1], published="2026-03-01T00:00:00+00:00")
    edited["text"] = edited["text"].replace("stone by stone", "stone by stone, every one")
    [quote] = repeated_quotes(_articles([base, edited]))
    assert quote.first.article.site == "Elwyn Daily"  # dated earlier here


def test_export_stories_writes_the_briefing(tmp_path, capsys):
    write_articles(tmp_path / "in", ALL)
    db = str(tmp_path / "lib.sqlite3")
    assert main(["import", str(tmp_path / "in"), "--library", db, "--quiet"]) == 0
    out = tmp_path / "briefing.md"
    assert main(["export", "--stories", "--library", db, "-o", str(out)]) == 0
    text = out.read_text()
    assert text.startswith("# newsreader story briefing")
    assert "## Fire destroys warehouses at Port Elwyn harbour" in text
    assert "3 articles from 3 outlets" in text
    assert "first in Coastal Wire (via Coastal Wire), repeated by 2" in text
    assert "$5.5 billion in Coastal Wire; $5.43 billion in Elwyn Daily" in text
    assert main(["export", "--stories", "--format", "csv", "--library", db]) == 2
