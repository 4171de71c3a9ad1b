"""The console script as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

from tui import __version__
from tui.cli import main


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


def test_version(capsys) -> None:
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_commands() -> None:
    proc = run_cli("--help")
    assert proc.returncode == 0
    assert "extract" in proc.stdout


def test_extract_seeds_json() -> None:
    proc = run_cli("extract")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["newsreader"] == __version__
    assert len(doc["articles"]) == 1
    assert doc["errors"] == []
    art = doc["articles"][0]
    for key in ("id", "title", "text", "paragraphs", "sentences", "entities", "figures", "claims"):
        assert key in art
    for s, e in art["sentences"]:
        assert 0 <= s < e <= len(art["text"])


def test_usage_error_exits_2() -> None:
    proc = run_cli("extract", "--format", "yaml")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_missing_path_exits_1_without_traceback(tmp_path) -> None:
    proc = run_cli("extract", str(tmp_path / "nope.txt"))
    assert proc.returncode == 1
    assert "nope.txt" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["errors"][0]["path"].endswith("nope.txt")


def test_spacy_engine_without_spacy_is_a_clear_error() -> None:
    import importlib.util

    if importlib.util.find_spec("spacy") is not None:
        import pytest

        pytest.skip("spaCy is installed here")
    proc = run_cli("extract", "--engine", "spacy")
    assert proc.returncode == 2
    assert "spaCy" in proc.stderr and "pip install spacy" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
