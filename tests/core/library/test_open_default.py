"""open_default_library: what the reader calls at start-up."""

from __future__ import annotations

import pytest

import tui.core.extract as extract
from tests.conftest import SEED_ARTICLE
from tests.core.library.helpers import fake_analyse, make_article, write_articles
from tui.core.library import (
    ENV_VAR,
    Library,
    LibraryError,
    import_paths,
    open_default_library,
    resolve_library_path,
)


def test_first_run_imports_the_seeds_once(tmp_path) -> None:
    db = tmp_path / "lib.db"
    lib, ids = open_default_library(None, db)
    assert len(ids) == 1 and lib.get_article(ids[0]).text
    assert lib.last_import is not None and lib.last_import.imported == 1
    lib.delete_article(ids[0])  # the user deletes the seed: it does not come back
    lib.close()
    lib, ids = open_default_library([], db)
    assert ids == [] and len(lib) == 0
    lib.close()


def test_paths_are_imported_and_their_ids_returned(tmp_path) -> None:
    files = write_articles(tmp_path / "in", 3)
    db = tmp_path / "lib.db"
    lib, ids = open_default_library([str(tmp_path / "in")], db)
    assert len(ids) == 3
    lib.close()
    # Opening the same files again: already there, same ids, nothing new.
    lib, again = open_default_library([str(f) for f in files] + [str(tmp_path / "x")], db)
    assert again == ids
    assert lib.last_import.duplicates == 3 and lib.last_import.failed[0][0].endswith("x")
    assert len(lib) == 3
    lib.close()


def test_library_path_resolution(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.db"))
    assert resolve_library_path(tmp_path / "flag.db") == tmp_path / "flag.db"
    assert resolve_library_path(None) == tmp_path / "env.db"
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert resolve_library_path(None).name == "library.sqlite3"
    assert "newsreader" in resolve_library_path(None).parts


def test_not_a_library_raises(tmp_path) -> None:
    bad = tmp_path / "lib.db"
    bad.write_bytes(SEED_ARTICLE.read_bytes())
    with pytest.raises(LibraryError, match="not a newsreader library"):
        open_default_library(None, bad)
    assert bad.read_bytes() == SEED_ARTICLE.read_bytes()


def test_failed_reanalysis_keeps_the_older_analysis(tmp_path, monkeypatch) -> None:
    with Library.open(tmp_path / "lib.db", analyser=fake_analyse) as lib:
        article = make_article(1)
        lib.import_articles([article])

    def broken(article):
        raise RuntimeError("model missing")

    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", "next")
    with Library.open(tmp_path / "lib.db", analyser=broken) as lib:
        assert lib.get_article(article.id).analysis.claims  # the cached v1 analysis


def test_reimport_skips_analysis_of_known_articles(tmp_path, monkeypatch) -> None:
    write_articles(tmp_path / "in", 4)
    calls: list[str] = []

    def counting(article):
        calls.append(article.id)
        return fake_analyse(article)

    db = tmp_path / "lib.db"
    with Library.open(db) as lib:
        first = import_paths(lib, [tmp_path / "in"], workers=1, analyser=counting)
    assert (first.imported, len(calls)) == (4, 4)
    before = db.read_bytes()
    with Library.open(db) as lib:
        again = import_paths(lib, [tmp_path / "in"], workers=1, analyser=counting)
    assert (again.imported, again.duplicates, again.article_ids) == (0, 4, first.article_ids)
    assert len(calls) == 4  # nothing analysed twice
    assert db.read_bytes() == before  # and nothing written
    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", "next")
    with Library.open(db) as lib:
        upgraded = import_paths(lib, [tmp_path / "in"], workers=1, analyser=counting)
        assert upgraded.duplicates == 4 and len(calls) == 8  # stale: analysed again, stored
        version = lib._conn.execute("SELECT DISTINCT extractor_version FROM analyses").fetchall()
        assert version == [("next",)]
