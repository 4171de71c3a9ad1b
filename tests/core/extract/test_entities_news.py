"""Entity panels on today's news (issue 12): patterns of real pages, on texts of our own.

Each test is one pattern seen across many pages; the texts are written for these tests.
The panel quality on the 40 real pages is checked at the end (skipped without ../shared).
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.extract.entities import extract_entities
from tui.core.model import Entity
from tui.core.sentences import split_sentences


def panel(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities(text, split_sentences(text))}


def test_credit_lines_and_bylines_name_no_entities() -> None:
    text = (
        "By Harriet Vole, Staff Writer\n"
        "The Westbrook council approved the budget on Monday, Mayor Ines Tarrow said.\n"
        "Additional reporting by Colm Brady; Editing by Petra Lusk\n"
        "Oskar Weil contributed to this report.\n"
        "- Council Votes To Close Library Branch - March 3, 2024"
    )
    names = set(panel(text))
    assert "Ines Tarrow" in names
    for reporter in ("Harriet Vole", "Colm Brady", "Petra Lusk", "Oskar Weil", "Library Branch"):
        assert not any(reporter in n for n in names), names


def test_capitalised_ordinary_words_are_not_names() -> None:
    text = (
        "Images of the flooded valley spread quickly. The images showed water in the streets. "
        "The Court of Appeal will hear an appeal next week. Emails were sent to every email "
        "address on file."
    )
    names = set(panel(text))
    assert not names & {"Images", "Appeal", "Emails"}, names


def test_a_headline_line_keeps_only_confirmed_names() -> None:
    text = (
        "Wary Voters Break Old Records in Tense Count\n"
        "Officials in Ohio said the count would take a week."
    )
    names = set(panel(text))
    assert names == {"Ohio"}, names


def test_initials_stay_in_the_name() -> None:
    ents = panel("Franklin D. Roosevelt spoke to the nation. Roosevelt was calm.")
    assert ents["Franklin D. Roosevelt"].label == "PERSON"
    assert "Roosevelt" in ents["Franklin D. Roosevelt"].aliases


def test_state_abbreviations_party_tags_and_towns_before_states() -> None:
    text = (
        "Sen. Hal Brennick (R-N.C.) and Rep. Dora Kuyper (D-Calif.) met in Reno, Nev., "
        "where the bill stalled."
    )
    ents = panel(text)
    for place in ("N.C.", "Calif.", "Nev.", "Reno"):
        assert ents[place].label == "GPE", (place, ents.get(place))
    assert ents["Hal Brennick"].label == "PERSON"


def test_datelines_in_capitals_are_places() -> None:
    text = "PORT LOUIS, MAURITIUS — The port reopened on Friday after the storm passed."
    ents = panel(text)
    assert ents["PORT LOUIS"].label == "GPE"
    assert ents["MAURITIUS"].label == "GPE"


def test_long_names_with_and_ampersand_and_for() -> None:
    text = (
        "The National Oceanic and Atmospheric Administration issued a warning. "
        "Pacific Gas & Electric cut power. The European Centre for Medium-Range Weather "
        "Forecasts agreed."
    )
    ents = panel(text)
    for name in (
        "National Oceanic and Atmospheric Administration",
        "Pacific Gas & Electric",
        "European Centre for Medium-Range Weather Forecasts",
    ):
        assert ents[name].label == "ORG", (name, ents.get(name))


def test_titles_are_cut_off_people() -> None:
    text = (
        "Chief Medical Officer Dr Anton Pryce spoke. Chefs Jamie Orwell and Nadia Sahin "
        "signed, as did Nadine Ford QC."
    )
    names = set(panel(text))
    assert {"Anton Pryce", "Jamie Orwell", "Nadia Sahin", "Nadine Ford"} <= names, names
    assert not any(n.startswith(("Chief", "Chefs", "Medical")) for n in names), names


def test_modern_brands_and_platforms_are_typed() -> None:
    text = "Users of Reddit and Netflix on Android phones paid in Bitcoin, Microsoft said."
    ents = panel(text)
    assert ents["Reddit"].label == "ORG"
    assert ents["Netflix"].label == "ORG"
    assert ents["Android"].label == "PRODUCT"
    assert ents["Bitcoin"].label == "PRODUCT"


def test_laws_events_works_and_facilities() -> None:
    text = (
        "Congress repealed the Dodd-Frank Act after the Great Recession. Voters backed "
        "Prop. 13 and Section 8 housing. The thriller “Night Harbour” won at the Golden Globes, "
        "and the crew met on Kessel Road."
    )
    ents = panel(text)
    assert ents["Dodd-Frank Act"].label == "LAW"
    assert ents["Prop. 13"].label == "LAW"
    assert ents["Section 8"].label == "LAW"
    assert ents["Great Recession"].label == "EVENT"
    assert ents["Golden Globes"].label == "EVENT"
    assert ents["Night Harbour"].label == "WORK_OF_ART"
    assert ents["Kessel Road"].label == "FAC"


def test_short_forms_join_the_full_name() -> None:
    text = (
        "The United States and the New York City Housing Authority (NYCHA) signed. "
        "Michael Bloomberg praised NYCHA. Bloomberg said the U.S. would pay. "
        "Republicans objected; one Republican walked out."
    )
    ents = panel(text)
    assert "U.S." in ents["United States"].aliases
    assert "NYCHA" in ents["New York City Housing Authority"].aliases
    assert "Bloomberg" in ents["Michael Bloomberg"].aliases
    assert "Republican" in ents["Republicans"].aliases
    for short in ("U.S.", "NYCHA", "Bloomberg", "Republican"):
        assert short not in ents


def test_places_from_open_data_and_compounds() -> None:
    # Without the place list the tagger takes "Mato Grosso" for a person.
    text = "Fires grew, as did Mato Grosso. A Maryland-based lawyer sued."
    ents = panel(text)
    assert ents["Mato Grosso"].label == "GPE"
    assert ents["Maryland"].label == "GPE"


def test_extract_cli_lists_the_panel(tmp_path: Path) -> None:
    """The user's path: `newsreader extract --raw FILE` prints the panel."""
    page = tmp_path / "story.txt"
    page.write_text(
        "By Harriet Vole\nThe Dodd-Frank Act was debated as Netflix and Reddit lobbied "
        "in Washington.\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["extract", "--raw", str(page)]) == 0
    ents = {e["name"]: e["label"] for e in json.loads(out.getvalue())["articles"][0]["entities"]}
    assert ents.get("Dodd-Frank Act") == "LAW"
    assert ents.get("Netflix") == "ORG" and ents.get("Reddit") == "ORG"
    assert "Harriet Vole" not in ents


# --- the panel scorer and the panel on real pages ----------------------------------------------


def _scorer():  # type: ignore[no-untyped-def]
    bench = Path(__file__).resolve().parents[3] / "benchmarks"
    if str(bench) not in sys.path:
        sys.path.insert(0, str(bench))
    import eval_pages

    return eval_pages


def test_panel_scorer_matches_forms_once_and_merges_place_types() -> None:
    ep = _scorer()
    gold = [({ep.norm("United States"), ep.norm("U.S.")}, "PLACE"), ({"reuters"}, "ORG")]
    pred = ep.panel_of(
        [
            Entity("the U.S.", "GPE"),
            Entity("United  States", "LOC"),  # a duplicate: only one can match
            Entity("Reuters", "PERSON"),  # found, wrongly typed
            Entity("Nobody", "ORG"),
        ]
    )
    assert ep.max_matching(pred, gold, typed=False) == 2
    assert ep.max_matching(pred, gold, typed=True) == 1
    r = ep.prf(2, len(pred), len(gold))
    assert r["precision"] == 0.5 and r["recall"] == 1.0


def test_panel_on_real_pages(shared: Path) -> None:
    """Quality floor on the 40 dev pages (dev figures: found P 0.80, typed F1 0.76)."""
    result = _scorer().evaluate(shared, "all")
    assert result["pages"] == 40
    assert result["found"]["precision"] >= 0.75, result
    assert result["typed"]["f1"] >= 0.70, result


@pytest.mark.parametrize("split", ["dev", "check"])
def test_pages_splits_partition_the_pages(shared: Path, split: str) -> None:
    ep = _scorer()
    assert set(ep.page_files(shared, "dev")).isdisjoint(ep.page_files(shared, "check"))
    assert len(ep.page_files(shared, "dev")) + len(ep.page_files(shared, "check")) == 40
    assert ep.page_files(shared, split)
