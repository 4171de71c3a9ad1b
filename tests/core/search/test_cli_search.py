"""`newsreader search` end to end on the bundled seed and on files of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main


def test_search_seeds_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "delivries s400", "--json", "--limit", "3"]) == 0
    doc = json.loads(capsys.readouterr().out)
    hits = doc["hits"]
    assert 1 <= len(hits) <= 3
    first = hits[0]
    assert "deliveries of S-400" in first["text"]
    assert all(0 <= p < len(first["text"]) for p in first["positions"])
    assert {"article_id", "title", "kind", "sentence", "span", "score"} <= set(first)


def test_search_text_output_is_not_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "a.txt"
    page.write_text("The [bold red]rain[/bold red] fell. Nothing else here.", encoding="utf-8")
    assert main(["search", "rain", str(page)]) == 0
    out = capsys.readouterr().out
    assert "[bold red]rain[/bold red]" in out


def test_search_bad_limit_and_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "x", "--limit", "-1"]) == 2
    assert main(["search", "x", "/no/such/file.txt"]) == 1
    assert "no/such/file" in capsys.readouterr().err


def test_search_requires_a_query(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["search"])
    assert exc.value.code == 2
