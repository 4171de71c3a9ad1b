"""`newsreader import` and `newsreader export` as a user runs them."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO, SEED_ARTICLE
from tests.core.library.helpers import fake_analyse, make_article, write_articles
from tui import __version__
from tui.cli import main
from tui.core.export import csv_cell
from tui.core.library import Library, claim_key
from tui.core.model import Entity, Figure


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), full_env.get("PYTHONPATH")]))
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=full_env,
        cwd=REPO,
    )


def test_import_reports_imported_duplicates_and_failures(tmp_path) -> None:
    db = tmp_path / "lib.db"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    proc = run_cli(
        "import", str(SEED_ARTICLE), str(empty), str(tmp_path / "nope.txt"), "--library", str(db)
    )
    assert proc.returncode == 1
    assert "imported 1, duplicates skipped 0, failed 2" in proc.stdout
    assert "empty.txt: empty file" in proc.stderr and "nope.txt" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert "\x1b[" not in proc.stderr  # no progress bar when stderr is not a terminal

    proc = run_cli("import", str(SEED_ARTICLE), "--library", str(db))
    assert proc.returncode == 0, proc.stderr
    assert "imported 0, duplicates skipped 1, failed 0" in proc.stdout


def test_import_uses_the_worker_pool_for_many_files(tmp_path) -> None:
    write_articles(tmp_path / "in", 120)
    db = tmp_path / "lib.db"
    proc = run_cli("import", str(tmp_path / "in"), "--library", str(db), "--chunk-size", "10")
    assert proc.returncode == 0, proc.stderr
    assert "imported 120, duplicates skipped 0, failed 0" in proc.stdout
    with Library.open(db) as lib:
        assert len(lib) == 120 and lib.integrity_check() == "ok"


def test_library_from_the_environment(tmp_path, capsys, monkeypatch) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("NEWSREADER_LIBRARY", str(db))
    assert main(["import", str(SEED_ARTICLE), "-q"]) == 0
    assert str(db) in capsys.readouterr().out
    assert db.exists()


@pytest.mark.parametrize("command", ["import", "export"])
def test_not_a_library_is_one_clean_line_and_untouched(tmp_path, command) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("my own notes, not a database\n" * 50)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    args = [command, str(SEED_ARTICLE)] if command == "import" else [command]
    proc = run_cli(*args, "--library", str(db))
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "not a newsreader library" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


@pytest.fixture
def library(tmp_path):
    """A library with two articles, one starred, a starred and annotated claim."""
    db = tmp_path / "lib.db"
    lib = Library.open(db, analyser=fake_analyse)
    first, second = make_article(1, url="https://x.org/1"), make_article(2)
    lib.import_articles([first, second])
    claim = lib.get_article(first.id).analysis.claims[1]
    lib.star_claim(first.id, claim_key(claim))
    lib.set_note(first.id, claim_key(claim), "ask for the [bold]survey[/bold]")
    lib.set_note(first.id, None, "useful background")
    lib.star_article(second.id)
    lib.close()
    return db, first, second, claim


def test_export_markdown_is_a_briefing_with_notes(library, capsys) -> None:
    db = library[0]
    assert main(["export", "--library", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# newsreader briefing")
    assert "## Article 1" in out and "## Article 2" in out
    assert "- **Note:** useful background" in out
    assert "  - Note: ask for the \\[bold\\]survey\\[/bold\\]" in out  # inert Markdown
    assert "★ **Officials**: Prices rose 3 percent in Bristol" in out
    assert "hedged: reportedly" in out


def test_export_json_has_the_extract_schema(library, tmp_path) -> None:
    db, first, second, _ = library
    out = tmp_path / "out.json"
    assert main(["export", "--library", str(db), "--format", "json", "-o", str(out)]) == 0
    doc = json.loads(out.read_text())
    assert doc["newsreader"] == __version__ and doc["errors"] == []
    by_id = {a["id"]: a for a in doc["articles"]}
    assert set(by_id) == {first.id, second.id}
    art = by_id[first.id]
    for key in ("id", "title", "text", "paragraphs", "sentences", "entities", "figures", "claims"):
        assert key in art
    assert art["url"] == "https://x.org/1"
    assert [n["text"] for n in art["library"]["notes"]] == [
        "useful background",
        "ask for the [bold]survey[/bold]",
    ]
    assert by_id[second.id]["library"]["starred"] is True


def test_export_starred_only(library, capsys) -> None:
    db, first, second, _ = library
    with Library.open(db) as lib:
        lib.star_claim(first.id, claim_key(lib.get_article(first.id).analysis.claims[0]), False)
        third = make_article(3)
        lib.import_articles([third])
    assert main(["export", "--library", str(db), "--format", "json", "--starred"]) == 0
    ids = {a["id"] for a in json.loads(capsys.readouterr().out)["articles"]}
    assert ids == {first.id, second.id}  # starred claim / starred article; not the third


def test_export_csv_rows_and_formula_guard(tmp_path, capsys) -> None:
    def hostile(article):
        analysis = fake_analyse(article)
        analysis.entities.append(Entity('=HYPERLINK("http://evil","x")', "ORG", mentions=[(0, 1)]))
        analysis.figures.append(Figure("-5 points", "count", -5.0, (0, 1), 0))
        analysis.figures.append(Figure("@SUM(A1)", "quantity", "@SUM(A1)", (0, 1), 0))
        return analysis

    db = tmp_path / "lib.db"
    article = make_article(1)
    article.title = "+1 for you"
    with Library.open(db, analyser=hostile) as lib:
        lib.import_articles([article])
    assert main(["export", "--library", str(db), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["row"] for r in rows} == {"entity", "figure"}
    assert all(r["article_id"] == article.id and r["article_title"] == "'+1 for you" for r in rows)
    texts = {r["text"] for r in rows}
    assert '\'=HYPERLINK("http://evil","x")' in texts
    assert "'-5 points" in texts and "'@SUM(A1)" in texts
    minus = next(r for r in rows if r["text"] == "'-5 points")
    assert minus["value"] == "-5.0"  # numbers stay numbers
    assert next(r for r in rows if r["text"] == "'@SUM(A1)")["value"] == "'@SUM(A1)"
    assert {r["text"] for r in rows if r["row"] == "entity"} >= {"Leeds", "Bristol"}


def test_csv_cell() -> None:
    assert [csv_cell(v) for v in ("=1+1", "+1", "-1", "@x", "\tx", "ok", -1.0, None)] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@x",
        "'\tx",
        "ok",
        -1.0,
        None,
    ]


def test_export_to_a_file_is_atomic_and_complete(library, tmp_path) -> None:
    db = library[0]
    out = tmp_path / "brief.md"
    out.write_text("old")
    assert main(["export", "--library", str(db), "-o", str(out)]) == 0
    assert out.read_text().startswith("# newsreader briefing")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".brief")] == []


HOSTILE = "Evil \x1b]52;c;ZXZpbA==\x07 \x1b[2J \x9b31m \u202eredro\u202c [bold]x[/bold]"


@pytest.mark.parametrize("fmt", ["markdown", "json", "csv"])
def test_export_never_sends_control_sequences(tmp_path, capsys, fmt) -> None:
    def hostile(article):
        analysis = fake_analyse(article)
        analysis.entities.append(Entity(HOSTILE, "ORG", mentions=[(0, 1)]))
        return analysis

    db = tmp_path / "lib.db"
    article = make_article(1)
    article.title = HOSTILE
    with Library.open(db, analyser=hostile) as lib:
        lib.import_articles([article])
        lib.set_note(article.id, None, HOSTILE)
    assert main(["export", "--library", str(db), "--format", fmt]) == 0
    out = capsys.readouterr().out
    for ch in ("\x1b", "\x07", "\x9b", "\u202e", "\u202c"):
        assert ch not in out
    if fmt == "json":  # lossless: the escapes decode back to the original text
        doc = json.loads(out)["articles"][0]
        assert doc["title"] == HOSTILE and doc["library"]["notes"][0]["text"] == HOSTILE
    else:
        assert "\\x1b" in out and "\\x07" in out  # shown, not sent


def test_import_failure_names_are_shown_not_sent(tmp_path) -> None:
    bad = tmp_path / "bad\x1b[31m\u202e.txt"
    bad.write_text("")
    proc = run_cli("import", str(bad), "--library", str(tmp_path / "lib.db"))
    assert proc.returncode == 1
    assert "\x1b" not in proc.stderr and "\u202e" not in proc.stderr
    assert "bad\\x1b[31m\\u202e.txt: empty file" in proc.stderr


def test_reader_accepts_library_option() -> None:
    from tui.cli import _reader_parser

    args = _reader_parser().parse_args(["--library", "x.db", "a.txt"])
    assert (args.library, args.paths) == ("x.db", ["a.txt"])
    proc = run_cli("--help")
    assert "import" in proc.stdout and "export" in proc.stdout and "--library" in proc.stdout
