"""Schema versions: a library made by the first schema is upgraded in place, data kept."""

from __future__ import annotations

import sqlite3

from tui.core.library import APPLICATION_ID, SCHEMA_VERSION, Library
from tui.core.library.schema import MIGRATIONS, migrate


def make_v1_library(path) -> None:
    """A library exactly as the first released schema wrote it, with one article and notes."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    assert migrate(conn, target=1) == 1
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO articles (id, url, title, site, sort_ts, added_at, read, starred, n_claims) "
        "VALUES ('a1', 'https://x.org/1', 'Old story', 'x.org', 1.0, '2025-01-01T00:00:00', "
        "1, 1, 1)"
    )
    conn.execute("INSERT INTO article_bodies VALUES ('a1', 'Body 12.', '[[0,8]]', '[[0,8]]', '[]')")
    conn.execute(
        "INSERT INTO analyses VALUES ('a1', '1', "
        '\'{"entities":[],"figures":[],"claims":[{"text":"Body 12.","span":[0,8],'
        '"sentence":0,"score":0.9}]}\')'
    )
    conn.execute(
        "INSERT INTO notes (article_id, claim_key, text, created_at) "
        "VALUES ('a1', '', 'written in v1', '2025-01-02T00:00:00+00:00')"
    )
    conn.execute("COMMIT")
    conn.close()


def test_v1_ddl_is_kept_for_upgrades() -> None:
    assert len(MIGRATIONS) == SCHEMA_VERSION >= 2


def test_upgrade_from_the_first_schema(tmp_path, monkeypatch) -> None:
    import tui.core.extract as extract

    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", "1")
    path = tmp_path / "v1.db"
    make_v1_library(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "updated_at" not in {r[1] for r in conn.execute("PRAGMA table_info(notes)")}
    conn.close()

    with Library.open(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
        (row,) = lib.list_articles()
        assert (row.id, row.title, row.read, row.starred, row.n_claims) == (
            "a1",
            "Old story",
            True,
            True,
            1,
        )
        (note,) = lib.notes_for("a1")
        assert note.text == "written in v1"
        assert note.updated_at == note.created_at  # back-filled by the migration
        assert lib.get_article("a1").analysis.claims[0].text == "Body 12."
        lib.set_note("a1", None, "edited in v2")
        (note,) = lib.notes_for("a1")
        assert note.updated_at > note.created_at
        indexes = {r[1] for r in lib._conn.execute("PRAGMA index_list(articles)")}
        assert "articles_site" in indexes
        assert lib.integrity_check() == "ok"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
