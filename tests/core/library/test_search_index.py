"""The library's search index on disk: imports, deletes, repairs, kills, the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.core.library.helpers import fake_analyse, kill_after_commits, write_articles
from tui.cli import main
from tui.core.library import Library, import_paths
from tui.core.library.indexing import index_folder, open_index, repair
from tui.core.search.persistent import PersistentIndex


def imported(tmp_path: Path, count: int, **kw) -> Path:
    db = tmp_path / "lib.db"
    write_articles(tmp_path / "in", count)
    with Library.open(db, analyser=fake_analyse) as lib:
        summary = import_paths(lib, [tmp_path / "in"], workers=1, analyser=fake_analyse, **kw)
        assert summary.imported == count
    return db


def found_ids(index: PersistentIndex, query: str = "story number") -> set[str]:
    return {h.article_id for h in index.search(query, limit=100_000)}


def test_an_import_indexes_its_articles_and_search_finds_them(tmp_path: Path) -> None:
    db = imported(tmp_path, 30)
    with Library.open(db) as lib:
        index = open_index(lib)
        assert index.sync(lib.article_ids()) == []
        assert found_ids(index) == set(lib.article_ids())
        hit = index.search("numbr 17", limit=1)[0]  # a typo, and a number
        assert hit.text == "Story number 17." and hit.positions


def test_delete_is_at_once_and_survives_a_new_process_and_a_merge(tmp_path: Path) -> None:
    db = imported(tmp_path, 12)
    with Library.open(db) as lib:
        index = open_index(lib)
        victim = index.search("number 5", limit=1)[0].article_id
        lib.delete_article(victim)
        index.delete([victim])
        assert victim not in found_ids(index)
        again = open_index(lib)  # as a fresh process would: it agrees with the library
        again.sync(lib.article_ids())
        assert victim not in found_ids(again)
        again.merge(everything=True)
        assert len(again.segments) == 1
        from tui.core.search.segment import load_segment
        from tui.core.search.strings import StringTable

        on_disk = load_segment(index_folder(db) / again.segments[0].name)
        assert victim not in StringTable.of(on_disk, "ids").tolist()  # dropped for good
        assert len(found_ids(again)) == 11
        assert again.indexed_ids() == set(lib.article_ids())


def test_imports_merge_segments_by_size_tier(tmp_path: Path, monkeypatch) -> None:
    from tui.core.library import importer

    monkeypatch.setattr(importer, "INDEX_FLUSH", 5)
    db = imported(tmp_path, 60, chunk_size=5)
    with Library.open(db) as lib:
        index = open_index(lib)
        assert len(index.segments) < 60 // 5  # merged on the way
        assert index.indexed_ids() == set(lib.article_ids())
        assert found_ids(index) == set(lib.article_ids())  # no article twice, none lost


def test_missing_or_damaged_index_is_repaired_while_search_keeps_working(tmp_path: Path) -> None:
    db = imported(tmp_path, 40)
    folder = index_folder(db)
    segment = next(folder.glob("*.seg"))
    segment.write_bytes(segment.read_bytes()[:100])  # damaged (a disk error, a bad copy)
    with Library.open(db) as lib:
        index = open_index(lib)
        assert index.segments == []  # the damaged segment is dropped, not trusted
        results: list[int] = []
        stop = threading.Event()

        def keep_searching() -> None:
            while not stop.is_set():
                results.append(len(index.search("story", limit=1000)))

        searcher = threading.Thread(target=keep_searching)
        searcher.start()
        try:
            assert repair(lib, index) == 40
        finally:
            stop.set()
            searcher.join()
        assert found_ids(index) == set(lib.article_ids())
        assert results and max(results) <= len(index.search("story", limit=1000))


def test_the_same_article_in_two_segments_is_found_once(tmp_path: Path) -> None:
    db = imported(tmp_path, 10)
    with Library.open(db) as lib:
        index = open_index(lib)
        from tui.core.search.build import build_arrays

        index.add(build_arrays([lib.get_article(lib.article_ids()[0])]))  # indexed again
        hits = index.search("story number", limit=1000)
        keys = [(h.article_id, h.kind, h.span) for h in hits]
        assert len(keys) == len(set(keys)) and len({h.article_id for h in hits}) == 10


KILLED_IMPORT = """
import sys
from tests.core.library.helpers import slow_analyse
from tui.core.library import Library, import_paths, importer
importer.INDEX_FLUSH = 5  # a segment, and often a merge, every chunk
lib = Library.open(sys.argv[1])
import_paths(lib, [sys.argv[2]], workers=1, chunk_size=5, analyser=slow_analyse)
"""


@pytest.mark.parametrize("kill_after", [10, 35, 60])
def test_sigkill_at_any_point_leaves_an_index_that_repair_makes_whole(
    tmp_path: Path, kill_after: int
) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 150)
    db = tmp_path / "lib.db"
    Library.open(db).close()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, str(db), str(folder)],
        cwd=REPO,
        env=env,
        start_new_session=True,
    )
    kill_after_commits(proc, db, kill_after)
    with Library.open(db) as lib:
        index = open_index(lib)
        live = set(lib.article_ids())
        assert index.indexed_ids() <= live  # never an article the library does not hold
        repair(lib, index)
        assert index.indexed_ids() == live
        assert found_ids(index) == live


def test_cli_searches_the_library_and_groups_hits_per_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = imported(tmp_path, 8)
    assert main(["search", "numbr", "--library", str(db), "--json", "--limit", "50"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["articles"]) == 8
    for group in doc["articles"]:
        assert all(doc["hits"][i]["article_id"] == group["article_id"] for i in group["hits"])
    assert main(["search", "leeds", "--library", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.count("Story number") == 8  # one heading per article, hits beneath it


def test_cli_index_check_repair_and_rebuild(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = imported(tmp_path, 6)
    for seg in index_folder(db).glob("*.seg"):
        seg.unlink()  # the index lost (a crash before the manifest, a wiped folder)
    assert main(["index", "--check", "--library", str(db), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["missing"] == 6
    assert main(["index", "--library", str(db), "-q"]) == 0
    capsys.readouterr()
    assert main(["index", "--check", "--library", str(db), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["articles"], report["indexed"], report["missing"]) == (6, 6, 0)
    assert main(["index", "--rebuild", "--library", str(db), "-q"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert len(list(index_folder(db).glob("*.seg"))) == 1
    assert main(["search", "numbr 3", "--library", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["hits"]
