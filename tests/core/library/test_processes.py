"""Real processes: two writers at once, and an import killed with SIGKILL half-way."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO
from tests.core.library.helpers import kill_after_commits, write_articles
from tui.core.library import Library

WRITER = """
import sys
from tests.core.library.helpers import fake_analyse, make_article
from tui.core.library import Library
path, start = sys.argv[1], int(sys.argv[2])
lib = Library.open(path, analyser=fake_analyse)
for n in range(start, start + 40):
    lib.import_articles([make_article(n)])
    rows = lib.list_articles(limit=5)
    lib.mark_read(rows[0].id)
    lib.set_note(rows[-1].id, None, "note from %d" % start)
lib.close()
"""

IMPORTER = """
import sys
from tests.core.library.helpers import slow_analyse
from tui.core.library import Library, import_paths
lib = Library.open(sys.argv[1])
import_paths(lib, [sys.argv[2]], workers=2, chunk_size=5, analyser=slow_analyse)
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def test_two_processes_write_the_same_library_at_once(tmp_path) -> None:
    path = tmp_path / "lib.db"
    Library.open(path).close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(start)],
            cwd=REPO,
            env=_env(),
            stderr=subprocess.PIPE,
            text=True,
        )
        for start in (0, 1000)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with Library.open(path) as lib:
        assert lib.integrity_check() == "ok"
        assert len(lib) == 80
        titles = {s.title for s in lib.list_articles()}
        assert {f"Article {n}" for n in [*range(40), *range(1000, 1040)]} == titles
        assert lib.note_count() >= 2


def test_sigkill_mid_import_loses_only_the_chunk_in_flight(tmp_path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 200)
    path = tmp_path / "lib.db"
    Library.open(path).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(path), str(folder)],
        cwd=REPO,
        env=_env(),
        start_new_session=True,  # its own process group: the kill takes the workers too
        stderr=subprocess.PIPE,
    )
    kill_after_commits(proc, path, 10)
    proc.stderr.close()

    with Library.open(path) as lib:
        assert lib.integrity_check() == "ok"
        conn = lib._conn
        n = len(lib)
        assert 10 <= n < 200
        assert n % 5 == 0  # whole chunks only
        # Every committed article is complete: body and analysis, nothing dangling.
        incomplete = conn.execute(
            "SELECT count(*) FROM articles a "
            "LEFT JOIN article_bodies b ON b.article_id = a.id "
            "LEFT JOIN analyses y ON y.article_id = a.id "
            "WHERE b.article_id IS NULL OR y.article_id IS NULL"
        ).fetchone()[0]
        assert incomplete == 0
        for table in ("article_bodies", "analyses", "article_entities"):
            orphans = conn.execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone()[0]
            assert orphans == 0, table
        for row in lib.list_articles():
            article = lib.get_article(row.id)
            assert article.text.startswith("Story number") and article.analysis.claims
            assert row.n_claims == len(article.analysis.claims)
        # Importing again completes the rest and skips what survived.
        from tests.core.library.helpers import fake_analyse
        from tui.core.library import import_paths

        summary = import_paths(lib, [folder], workers=1, analyser=fake_analyse)
        assert (summary.imported, summary.duplicates, summary.failed) == (200 - n, n, [])
