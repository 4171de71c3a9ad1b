"""`newsreader extract` over loaders, as a user runs it: JSON, --raw, stdin, failures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, REPO, SEED_ARTICLE

HOSTILE = REPO / "tests" / "hostile"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
    return subprocess.run(
        [sys.executable, "-m", "tui", "extract", *args],
        capture_output=True,
        input=stdin,
        timeout=180,
        cwd=cwd,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )


def test_extract_seed_json() -> None:
    proc = run(str(SEED_ARTICLE))
    assert proc.returncode == 0, proc.stderr
    (art,) = json.loads(proc.stdout)["articles"]
    assert art["section"] == "Defence"
    assert art["authors"] == ["Swarajya Staff"]
    assert art["site"] == "Swarajya"
    assert art["published"] == "2025-09-03T09:41:00+05:30"
    assert art["updated"] == "2025-09-03T09:41:00+05:30"
    assert art["title"].startswith("India and Russia are holding talks")
    assert "Bookmark stories" not in art["text"]
    assert len(art["boilerplate"]) == 3


def test_extract_raw_gives_the_file_exactly() -> None:
    proc = run("--raw", str(SEED_ARTICLE))
    assert proc.returncode == 0, proc.stderr
    (art,) = json.loads(proc.stdout)["articles"]
    assert art["text"] == SEED_ARTICLE.read_text(encoding="utf-8")
    for s, e in art["sentences"]:
        assert 0 <= s < e <= len(art["text"])


def test_extract_stdin() -> None:
    data = SEED_ARTICLE.read_bytes()
    proc = run("-", stdin=data)
    assert proc.returncode == 0, proc.stderr
    (art,) = json.loads(proc.stdout)["articles"]
    assert art["source_path"] == "<stdin>" and art["section"] == "Defence"
    proc = run("--raw", "-", stdin=data)
    assert json.loads(proc.stdout)["articles"][0]["text"] == data.decode("utf-8")


def test_failures_one_line_each_and_the_rest_loads(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(3 * 1024 * 1024)
    bad = [
        HOSTILE / "nul-bytes.dat",
        HOSTILE / "empty.txt",
        HOSTILE / "billion-laughs.xml",
        HOSTILE / "invalid.xml",
        tmp_path / "missing.txt",
        big,
    ]
    proc = run("--max-file-mb", "2", str(SEED_ARTICLE), *map(str, bad))
    assert proc.returncode == 1
    stderr = proc.stderr.decode()
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == len(bad)
    for path, line in zip(bad, lines, strict=True):
        assert line.startswith(f"newsreader: {path}: ")
    assert "file too large (3.0 MB > 2 MB limit)" in stderr
    doc = json.loads(proc.stdout)
    assert len(doc["articles"]) == 1
    assert [e["path"] for e in doc["errors"]] == [str(p) for p in bad]


def test_max_file_mb_usage_error() -> None:
    proc = run("--max-file-mb", "zero")
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr


def test_control_characters_in_file_names_stay_inert(tmp_path: Path) -> None:
    weird = tmp_path / "evil\x1b]52;c;aGk=\x07\nname.txt"
    weird.write_bytes(b"")
    proc = run(str(weird))
    assert proc.returncode == 1
    line = proc.stderr.decode()
    assert "\x1b" not in line and "\x07" not in line
    assert line.count("\n") == 1 and "empty file" in line


def test_markdown_report_of_a_feed() -> None:
    proc = run("--format", "markdown", str(FIXTURES / "loaders" / "rss2.xml"))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert "Harbour council approves new ferry route" in out
    assert "The Harbour Gazette" in out
