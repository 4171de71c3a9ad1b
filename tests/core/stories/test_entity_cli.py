"""`newsreader entity NAME`: one entity across the library, aliases merged."""

from __future__ import annotations

import json

from tests.core.stories.corpus import ALL, write_articles
from tui.cli import main


def _library(tmp_path) -> str:
    write_articles(tmp_path / "in", ALL)
    db = str(tmp_path / "lib.sqlite3")
    assert main(["import", str(tmp_path / "in"), "--library", db, "--quiet"]) == 0
    return db


def test_surname_finds_the_person_in_every_article_newest_first(tmp_path, capsys):
    db = _library(tmp_path)
    capsys.readouterr()
    assert main(["entity", "Calder", "--library", db, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["entity"]["name"] == "Ines Calder" and doc["entity"]["label"] == "PERSON"
    published = [a["published"] for a in doc["articles"]]
    assert len(published) == 3 and published == sorted(published, reverse=True)
    assert len({a["story"] for a in doc["articles"]}) == 1  # all in one story
    said = [c["text"] for a in doc["articles"] for c in a["said"]]
    assert any("$5.5 billion" in s for s in said)
    figures = {f["text"] for a in doc["articles"] for f in a["figures"]}
    assert {"$5.5 billion", "$5.43 billion"} <= figures


def test_plain_output_and_unknown_names(tmp_path, capsys):
    db = _library(tmp_path)
    capsys.readouterr()
    assert main(["entity", "tomas verhoek", "--library", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Tomas Verhoek") and "said: Fire chief Tomas Verhoek said" in out
    assert main(["entity", "Nobody Atall", "--library", db]) == 1
    err = capsys.readouterr().err
    assert "no article in the library mentions" in err and "Traceback" not in err


def test_an_organisation_is_not_matched_by_a_word_of_its_name(tmp_path, capsys):
    db = _library(tmp_path)
    capsys.readouterr()
    # "Authority" ends "Harbour Authority" but is not its name; only people match by surname.
    assert main(["entity", "Authority", "--library", db]) == 1
