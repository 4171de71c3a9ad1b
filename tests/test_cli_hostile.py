"""Headless outputs over hostile input: stdout and stderr never carry a terminal control (issue 7).

`newsreader extract` (Markdown and JSON), `newsreader search` (text and JSON), `newsreader
import` and `newsreader export` (Markdown, JSON, CSV), with the crafted files of
tests/hostile_payloads.py and with a file whose NAME holds ESC, OSC and newline characters.
JSON may keep the data as ``\\u001b`` escapes (inert, lossless); nothing is sent raw.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.hostile_payloads import FORMATS, PAYLOAD, unsafe_characters, write_hostile_files
from tui.cli import main
from tui.core.library import Library

HOSTILE_NAME = "bad\x1b]0;PWNED\x07\x1b[2J\nnewsreader: fake.txt: all good\u202e.bin"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_hostile_files(tmp_path_factory.mktemp("hostile"))


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_inert(text: str, *, newlines: bool = True) -> None:
    allowed = text.replace("\n", "").replace("\t", "") if newlines else text
    assert not unsafe_characters(allowed), unsafe_characters(allowed)[:5]


def _assert_stderr_lines(err: str, failures: int) -> None:
    """One line per failure, each a `newsreader: PATH: REASON` message: no injected lines."""
    _assert_inert(err)
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == failures, lines
    assert all(line.startswith("newsreader") for line in lines), lines
    assert all("\\x1b]0;PWNED\\x07" in line for line in lines), lines


@pytest.mark.parametrize("fmt", FORMATS)
def test_extract_markdown_is_inert(capsys, files, fmt: str) -> None:
    code, out, err = _run(capsys, "extract", str(files[fmt]), "--format", "markdown")
    assert code == 0, err
    _assert_inert(out)
    assert "B0LD" in out and "QUIT" in out  # the text is there, escaped for Markdown


@pytest.mark.parametrize("fmt", FORMATS)
def test_extract_json_is_inert_and_lossless(capsys, files, fmt: str) -> None:
    code, out, err = _run(capsys, "extract", str(files[fmt]))
    assert code == 0, err
    _assert_inert(out)
    doc = json.loads(out)
    article = doc["articles"][0]
    assert "[@click=app.quit]QUIT[/]" in article["text"]
    if fmt in ("txt", "md", "json"):
        assert "\x1b]52;c;" in article["text"]  # the data kept, as \u001b in the JSON text
        assert "\\u001b]52;c;" in out


def test_search_text_and_json_are_inert(capsys, files) -> None:
    paths = [str(files[f]) for f in FORMATS]
    for query in ("B0LD", "PWNED", "desrever joiner", "kind:title click"):
        code, out, err = _run(capsys, "search", query, *paths)
        assert code == 0, err
        _assert_inert(out)
        assert out.strip(), f"no hits for {query!r}"
        code, out, err = _run(capsys, "search", query, *paths, "--json")
        assert code == 0
        _assert_inert(out)
        assert json.loads(out)["hits"]
    code, out, _ = _run(capsys, "search", "PWNED", str(files["txt"]))
    # One line per hit header and one per hit text: no line breaks from the article.
    assert "\\x1b]0;PWNED\\x07" in out


def test_import_and_export_are_inert(capsys, files, tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    paths = [str(files[f]) for f in FORMATS]
    code, out, err = _run(capsys, "import", *paths, "--library", str(db), "--workers", "1")
    assert code == 0, err
    _assert_inert(out + err)
    with Library.open(db) as library:
        ids = [s.id for s in library.list_articles()]
        # The RSS and Atom entries carry the same text: one is a duplicate.
        assert "imported 5, duplicates skipped 1, failed 0" in out
        assert len(ids) == 5
        article = library.get_article(ids[0])
        claim = article.analysis.claims[0] if article.analysis.claims else None
        library.set_note(ids[0], None, f"article note {PAYLOAD}")
        if claim is not None:
            from tui.core.library import claim_key

            library.set_note(ids[0], claim_key(claim), f"claim note {PAYLOAD}\nsecond line")
    for fmt in ("markdown", "json", "csv"):
        code, out, err = _run(capsys, "export", "--library", str(db), "--format", fmt)
        assert code == 0, err
        # CSV rows end in \r\n (RFC 4180); no other control character anywhere.
        _assert_inert(out.replace("\r\n", "\n") + err)
        assert "B0LD" in out
        if fmt == "json":
            doc = json.loads(out)
            notes = [n["text"] for a in doc["articles"] for n in a["library"]["notes"]]
            assert any(PAYLOAD in n for n in notes)  # lossless through \u escapes
        if fmt == "csv":
            rows = list(csv.reader(io.StringIO(out)))
            assert rows[0][0] == "article_id" and len(rows) > 1
        if fmt == "markdown":
            assert "article note" in out


def test_hostile_file_name_in_every_error_message(capsys, tmp_path: Path) -> None:
    bad = tmp_path / HOSTILE_NAME
    bad.write_bytes(b"\x00\x01\x02binary\x00" * 64)
    good = tmp_path / "good.txt"
    good.write_text("A plain article about the budget. It has two sentences.\n", encoding="utf-8")
    db = tmp_path / "library.db"

    code, out, err = _run(capsys, "extract", str(bad), str(good), "--format", "markdown")
    assert code == 1
    _assert_stderr_lines(err, 1)
    assert "binary file" in err
    _assert_inert(out)  # the Markdown report lists the failure too

    code, out, err = _run(capsys, "extract", str(bad), str(good))
    assert code == 1
    _assert_stderr_lines(err, 1)
    _assert_inert(out)
    assert json.loads(out)["errors"][0]["path"] == str(bad)  # lossless in JSON

    code, out, err = _run(capsys, "search", "budget", str(bad), str(good))
    assert code == 1
    _assert_stderr_lines(err, 1)
    _assert_inert(out)

    code, out, err = _run(capsys, "import", str(bad), str(good), "--library", str(db))
    assert code == 1
    _assert_stderr_lines(err, 1)
    _assert_inert(out)
    assert "imported 1" in out

    missing = tmp_path / ("gone\x1b]0;PWNED\x07\n" + "x.txt")
    code, out, err = _run(capsys, "extract", str(missing))
    assert code == 1
    _assert_stderr_lines(err, 1)
    assert "no such file" in err


def test_hostile_library_path_in_error_messages(capsys, tmp_path: Path) -> None:
    not_ours = tmp_path / "lib\x1b]0;PWNED\x07\nfake: ok.db"
    not_ours.write_bytes(b"this is not a database at all, but it is not empty either" * 20)
    for command in (["export"], ["import", str(tmp_path)]):
        code, out, err = _run(capsys, *command, "--library", str(not_ours))
        assert code == 1 and not out
        _assert_stderr_lines(err, 1)
    assert not_ours.read_bytes().startswith(b"this is not a database")  # never overwritten


def test_lone_surrogates_in_json_are_one_clean_failure(capsys, tmp_path: Path) -> None:
    """JSON can spell a lone surrogate (\\ud800), which no UTF-8 output can carry: the file is
    refused with one escaped line, never a crash half-way through printing."""
    bad = tmp_path / "surrogate.json"
    bad.write_text('{"articles": [{"title": "A \\ud800 title", "text": "Prices rose 5%."}]}')
    for command in (["extract", str(bad)], ["extract", str(bad), "--format", "markdown"]):
        code, out, err = _run(capsys, *command)
        assert code == 1
        assert "surrogates not allowed" in err and len(err.splitlines()) == 1
        out.encode("utf-8")
        _assert_inert(out + err)
