"""Files that are not ours, damaged files, failed imports: refused clearly, never changed."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from tests.core.library.helpers import fake_analyse, make_article
from tui.core.library import Library, LibraryError, import_paths
from tui.core.library import store as store_module
from tui.core.library.schema import SCHEMA_VERSION


def digest(*paths) -> list[str | None]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None for p in paths]


def _other_programs_db(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ada', '555')")
    conn.commit()
    conn.close()


def _corrupt_db(path) -> None:
    # A real library whose pages after the header are overwritten with junk.
    with Library.open(path, analyser=fake_analyse) as lib:
        lib.import_articles([make_article(n) for n in range(20)])
    data = bytearray(path.read_bytes())
    data[100:] = bytes((i * 7) % 251 for i in range(len(data) - 100))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("my shopping list\n"), "not an SQLite database"),
        (lambda p: p.write_bytes(b"\x00" * 4096), "not an SQLite database"),
        (_other_programs_db, "another program's database"),
        (_corrupt_db, "damaged"),
    ],
    ids=["text", "zeros", "other-sqlite", "corrupt"],
)
def test_not_ours_is_refused_and_never_written(tmp_path, make, message) -> None:
    path = tmp_path / "lib.db"
    make(path)
    before = digest(path)
    with pytest.raises(LibraryError, match=message):
        Library.open(path)
    assert digest(path) == before
    assert not (tmp_path / "lib.db-wal").exists()


def test_newer_library_is_refused(tmp_path) -> None:
    path = tmp_path / "lib.db"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(LibraryError, match="newer newsreader"):
        Library.open(path)
    assert digest(path) == before


def test_folder_is_refused(tmp_path) -> None:
    with pytest.raises(LibraryError, match="folder"):
        Library.open(tmp_path)


def test_empty_file_becomes_a_library(tmp_path) -> None:
    path = tmp_path / "lib.db"
    path.touch()  # e.g. made by `touch`: nothing in it to lose
    with Library.open(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION


def test_failed_import_leaves_the_database_untouched(tmp_path) -> None:
    path = tmp_path / "lib.db"
    with Library.open(path, analyser=fake_analyse) as lib:
        lib.import_articles([make_article(1)])
        lib.set_note(lib.list_articles()[0].id, None, "keep me")
    before = digest(path, tmp_path / "lib.db-wal")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    with Library.open(path, analyser=fake_analyse) as lib:
        summary = import_paths(lib, [tmp_path / "missing.txt", empty], workers=1)
        assert summary.imported == 0 and len(summary.failed) == 2
    assert digest(path, tmp_path / "lib.db-wal") == before


def test_an_error_mid_chunk_rolls_the_whole_chunk_back(tmp_path, monkeypatch) -> None:
    path = tmp_path / "lib.db"
    lib = Library.open(path, analyser=fake_analyse)
    lib.import_articles([make_article(0)])
    real_insert = store_module._insert_article
    calls = []

    def failing_insert(conn, article, version, added):
        calls.append(article.id)  # a PreparedArticle
        if len(calls) == 3:
            raise OSError("disk full")
        real_insert(conn, article, version, added)

    monkeypatch.setattr(store_module, "_insert_article", failing_insert)
    with pytest.raises(OSError):
        lib.import_articles([make_article(n) for n in range(1, 6)], chunk_size=10)
    assert [s.title for s in lib.list_articles()] == ["Article 0"]
    for table in ("article_bodies", "analyses"):
        assert lib._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 1
    lib.close()


def test_damage_deep_in_the_file_is_a_library_error(tmp_path) -> None:
    path = tmp_path / "lib.db"
    with Library.open(path, analyser=fake_analyse) as lib:
        lib.import_articles([make_article(n, body="Long text 7. " * 400) for n in range(40)])
    data = bytearray(path.read_bytes())
    half = len(data) // 2
    data[half:] = bytes((i * 13) % 251 for i in range(len(data) - half))
    path.write_bytes(bytes(data))
    before = digest(path)
    # Page 1 is intact, so the file may open; touching the damaged pages must then raise a
    # LibraryError (never a raw sqlite3 error), and nothing is written.
    with pytest.raises(LibraryError, match="damaged"), Library.open(path) as lib:
        for row in lib.list_articles():
            lib.get_article(row.id)
        assert lib.integrity_check() == "ok"  # unreachable for a damaged file
    assert digest(path) == before


def test_one_library_shared_by_threads(tmp_path) -> None:
    import threading

    with Library.open(tmp_path / "lib.db", analyser=fake_analyse) as lib:
        lib.import_articles([make_article(n) for n in range(20)])
        ids = [s.id for s in lib.list_articles()]
        errors: list[BaseException] = []

        def work(offset: int) -> None:
            try:
                for i in range(50):
                    article_id = ids[(i + offset) % len(ids)]
                    lib.mark_read(article_id, bool(i % 2))
                    lib.set_note(article_id, None, f"thread {offset}")
                    lib.list_articles(limit=10)
                    lib.get_article(article_id)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert lib.integrity_check() == "ok" and lib.note_count() == 20
