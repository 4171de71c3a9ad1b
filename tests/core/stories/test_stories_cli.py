"""`newsreader import` places articles in stories; `newsreader stories` lists them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.core.stories.corpus import ALL, DUNMORE, ELWYN, VALORIA, write_articles
from tui.cli import main
from tui.core.library import Library


def _import(tmp_path: Path, db: Path, articles: list[dict]) -> dict[str, str]:
    paths = write_articles(tmp_path / "in", articles)
    assert main(["import", str(tmp_path / "in"), "--library", str(db), "--quiet"]) == 0
    return paths


def _stories(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    capsys.readouterr()
    assert main(["stories", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)["stories"]


def _titles(stories: list[dict]) -> list[set[str]]:
    return [{a["title"] for a in s["articles"]} for s in stories]


def test_import_groups_the_same_event_and_separates_a_similar_one(tmp_path, capsys):
    db = tmp_path / "lib.sqlite3"
    _import(tmp_path, db, ALL)
    stories = _stories(capsys, "--library", str(db))
    groups = _titles(stories)
    assert {a["title"] for a in ELWYN} in groups
    assert {a["title"] for a in DUNMORE} in groups
    assert {a["title"] for a in VALORIA} in groups
    assert len(stories) == 3
    elwyn = next(s for s in stories if len(s["articles"]) == 3)
    assert elwyn["title"] == ELWYN[0]["title"]  # the earliest article's headline
    assert elwyn["first_published"].startswith("2026-03-02")
    assert elwyn["last_published"].startswith("2026-03-03")
    assert set(elwyn["articles"][0]) == {"id", "url", "source_path", "title", "site", "published"}


def test_stories_grow_incrementally_across_imports(tmp_path, capsys):
    db = tmp_path / "lib.sqlite3"
    _import(tmp_path / "first", db, ELWYN[:2] + VALORIA[:1])
    before = _stories(capsys, "--library", str(db))
    _import(tmp_path / "second", db, ELWYN[2:] + VALORIA[1:])
    after = _stories(capsys, "--library", str(db))
    elwyn_id = next(s["id"] for s in before if len(s["articles"]) == 2)
    grown = next(s for s in after if s["id"] == elwyn_id)  # the same story, not a recompute
    assert {a["title"] for a in grown["articles"]} == {a["title"] for a in ELWYN}


def test_since_filters_and_all_lists_single_articles(tmp_path, capsys):
    db = tmp_path / "lib.sqlite3"
    _import(tmp_path, db, ALL)
    later = _stories(capsys, "--library", str(db), "--since", "2027-01-01")
    assert _titles(later) == [{a["title"] for a in DUNMORE}]
    assert len(_stories(capsys, "--library", str(db), "--all")) == 3  # no singletons here


def test_articles_stored_before_stories_existed_are_placed_on_listing(tmp_path, capsys):
    db = tmp_path / "lib.sqlite3"
    _import(tmp_path, db, ELWYN)
    with sqlite3.connect(db) as conn:  # as if imported by a version without stories
        conn.execute("DELETE FROM story_members")
        conn.execute("DELETE FROM story_postings")
        conn.execute("DELETE FROM meta WHERE key LIKE 'stories.%'")
    assert _titles(_stories(capsys, "--library", str(db))) == [{a["title"] for a in ELWYN}]


def test_a_failing_placement_never_loses_the_import(tmp_path, capsys, monkeypatch):
    import tui.core.stories.store as story_store

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(story_store, "place_docs", broken)
    db = tmp_path / "lib.sqlite3"
    _import(tmp_path, db, ELWYN)
    with Library.open(db) as library:
        assert len(library) == 3
    monkeypatch.undo()
    assert _titles(_stories(capsys, "--library", str(db))) == [{a["title"] for a in ELWYN}]


def test_plain_listing_and_bad_dates(tmp_path, capsys):
    db = tmp_path / "lib.sqlite3"
    _import(tmp_path, db, ELWYN)
    capsys.readouterr()
    assert main(["stories", "--library", str(db)]) == 0
    out = capsys.readouterr().out
    assert "3 articles, 3 outlets" in out and ELWYN[0]["title"] in out
    assert main(["stories", "--library", str(db), "--since", "last tuesday"]) == 2
    err = capsys.readouterr().err
    assert "not a date" in err and "Traceback" not in err


def test_a_file_that_is_not_a_library_is_a_clean_error(tmp_path, capsys):
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database")
    assert main(["stories", "--library", str(bad)]) == 1
    assert "not a newsreader library" in capsys.readouterr().err
