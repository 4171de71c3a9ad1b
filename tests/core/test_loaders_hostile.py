"""Bad input: every crafted file in tests/hostile/ and every generated one gives one
specific failure (or loads as stated), and load_paths never raises."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import tui.core.loaders as loaders
from tui.core.loaders import iter_load, load_paths

HOSTILE = Path(__file__).resolve().parent.parent / "hostile"
CASES = {k: v for k, v in json.loads((HOSTILE / "cases.json").read_text()).items() if k != "_doc"}


def _valid_spans(article) -> None:
    n = len(article.text)
    for s, e in [*article.paragraphs, *article.sentences]:
        assert 0 <= s < e <= n


def test_every_hostile_file_has_a_case() -> None:
    files = {p.name for p in HOSTILE.iterdir()} - {"cases.json", "README.md"}
    assert files == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file(name: str) -> None:
    case = CASES[name]
    path = HOSTILE / name
    result = load_paths([path])
    if case["outcome"] == "error":
        assert result.articles == []
        assert len(result.errors) == 1, result.errors
        failure = result.errors[0]
        assert failure.path == str(path)
        assert case["reason"] in failure.error
        assert "\n" not in failure.error
        return
    assert result.errors == [], result.errors
    assert result.articles
    if "count" in case:
        assert len(result.articles) == case["count"]
    article = result.articles[0]
    if "title" in case:
        assert article.title == case["title"]
    for snippet in case.get("text_has", []):
        assert snippet in article.text
    for snippet in case.get("text_lacks", []):
        assert snippet not in article.text
    for a in result.articles:
        _valid_spans(a)
        assert a.title and len(a.title) <= 101


def test_missing_path() -> None:
    result = load_paths(["/nonexistent/nope.txt"])
    assert [(f.path, f.error) for f in result.errors] == [
        ("/nonexistent/nope.txt", "no such file or directory")
    ]


def test_directory_with_nothing_readable(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))
    (tmp_path / "blob").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / ".hidden.txt").write_text("A hidden article is not read, officials said.")
    result = load_paths([tmp_path])
    assert result.articles == []
    assert [f.path for f in result.errors] == [str(tmp_path)]
    assert result.errors[0].error == "no readable articles in directory (2 files skipped)"
    assert {Path(s.path).name for s in result.skipped} == {"photo.jpg", "blob"}


def test_empty_directory(tmp_path: Path) -> None:
    result = load_paths([tmp_path])
    assert [(f.path, f.error) for f in result.errors] == [
        (str(tmp_path), "no readable articles in directory")
    ]


def test_binary_given_by_name_is_an_error_not_a_skip(tmp_path: Path) -> None:
    blob = tmp_path / "data.txt"
    blob.write_bytes(b"\x00" * 100 + b"text")
    result = load_paths([blob])
    assert result.errors[0].error == "binary file, not an article"
    assert result.skipped == []


def test_file_over_the_size_limit_is_refused_without_reading(tmp_path: Path, monkeypatch) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # sparse: 212 MB on paper, nothing on disk
        fh.truncate(212 * 1024 * 1024)

    def no_open(*args, **kwargs):
        raise AssertionError("a file over the limit must not be opened")

    monkeypatch.setattr(loaders, "_open", no_open)
    result = load_paths([big])
    assert result.errors[0].error == "file too large (212.0 MB > 50 MB limit)"


def test_size_limit_argument_and_environment(tmp_path: Path, monkeypatch) -> None:
    f = tmp_path / "a.txt"
    f.write_text("The council met on Monday, officials said. " * 100)  # ~4.3 KB
    assert load_paths([f], max_bytes=1024).errors[0].error.startswith("file too large (0.0 MB")
    monkeypatch.setenv("NEWSREADER_MAX_FILE_MB", "0.001")
    assert "limit" in load_paths([f]).errors[0].error
    monkeypatch.setenv("NEWSREADER_MAX_FILE_MB", "nonsense")
    assert load_paths([f]).articles
    assert loaders.default_max_bytes() == 50 * 1024 * 1024


def test_single_10mb_line(tmp_path: Path) -> None:
    f = tmp_path / "line.txt"
    sentence = "The committee approved the plan on Tuesday and officials welcomed it. "
    f.write_text(sentence * (10 * 1024 * 1024 // len(sentence)))
    result = load_paths([f])
    assert result.errors == []
    (article,) = result.articles
    assert len(article.text) > 10_000_000 - 100
    assert article.title.startswith("The committee approved the plan")
    _valid_spans(article)


def test_directory_of_20000_files(tmp_path: Path) -> None:
    root = tmp_path / "many"
    for d in range(20):
        sub = root / f"d{d:02}"
        sub.mkdir(parents=True)
        for i in range(1000):
            (sub / f"{i:04}.txt").write_text(f"Story {d}-{i} was filed on Monday, editors said.")
    calls: list[tuple[int, int]] = []
    result = load_paths([root], on_progress=lambda done, total, path: calls.append((done, total)))
    assert result.errors == []
    assert len(result.articles) == 20_000
    assert calls[-1] == (20_000, 20_000)
    # Sorted, stable order.
    assert result.articles[0].source_path.endswith("d00/0000.txt")
    assert result.articles[-1].source_path.endswith("d19/0999.txt")


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_symlink_loops(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "story.txt").write_text("The bridge reopened on Friday, engineers said.")
    (root / "sub" / "back").symlink_to(root, target_is_directory=True)  # directory loop
    (root / "self.txt").symlink_to(root / "self.txt")  # a link to itself
    result = load_paths([root])
    assert len(result.articles) == 1
    assert [(Path(f.path).name, f.error) for f in result.errors] == [
        ("self.txt", "symbolic link loop")
    ]
    assert any("symbolic link loop" in s.error for s in result.skipped)
    # The loop given directly.
    assert load_paths([root / "self.txt"]).errors[0].error == "symbolic link loop"


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing-target.txt")
    assert load_paths([link]).errors[0].error == "broken symbolic link"
    (tmp_path / "ok.txt").write_text("The ferry sailed on time on Monday, the operator said.")
    result = load_paths([tmp_path])
    assert [(Path(f.path).name, f.error) for f in result.errors] == [
        ("gone.txt", "broken symbolic link")
    ]


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch) -> None:
    """Tests run as root, where chmod 000 does not stop reading: simulate EACCES."""
    f = tmp_path / "secret.txt"
    f.write_text("Nobody may read this, the clerk said.")
    (tmp_path / "open.txt").write_text("Everybody may read this, the clerk said.")
    real_open = loaders._open

    def guarded(path, *args, **kwargs):
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(loaders, "_open", guarded)
    result = load_paths([tmp_path])
    assert len(result.articles) == 1
    assert [(Path(e.path).name, e.error) for e in result.errors] == [
        ("secret.txt", "permission denied")
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_chmod(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("Nobody may read this, the clerk said.")
    f.chmod(0)
    try:
        assert load_paths([f]).errors[0].error == "permission denied"
    finally:
        f.chmod(0o644)


def test_path_vanishes_while_loading(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Story {name} was filed on Monday, editors said.")

    def delete_next(done: int, total: int, path: str) -> None:
        if path.endswith("a.txt"):
            (tmp_path / "b.txt").unlink()

    result = load_paths([tmp_path], on_progress=delete_next)
    assert len(result.articles) == 2
    assert [(Path(e.path).name, e.error) for e in result.errors] == [
        ("b.txt", "file vanished while loading")
    ]


def test_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = load_paths([fifo])  # must not block
    assert result.errors[0].error == "not a regular file (device, pipe or socket)"


def test_deeply_nested_html(tmp_path: Path) -> None:
    page = tmp_path / "nested.html"
    text = "<p>The council approved the budget on Monday, officials said after the vote.</p>"
    page.write_text("<html><body>" + "<div>" * 50_000 + text * 5 + "</div>" * 10 + "</body>")
    result = load_paths([page])
    assert len(result.errors) + len(result.articles) == 1  # an article or one clean failure
    for failure in result.errors:
        assert failure.path == str(page)


def test_unclosed_markup_soup(tmp_path: Path) -> None:
    page = tmp_path / "soup.html"
    page.write_text("<html><body>" + "<b><i><span>" * 3000 + "Words without an end")
    result = load_paths([page])
    assert len(result.errors) + len(result.articles) == 1


def test_parser_crash_becomes_a_failure(tmp_path: Path, monkeypatch) -> None:
    f = tmp_path / "story.txt"
    f.write_text("The plan was approved, officials said.")

    def boom(*args, **kwargs):
        raise RuntimeError("parser exploded\nwith a second line")

    monkeypatch.setitem(loaders._LOADERS, "text", boom)
    result = load_paths([f])
    expected = "could not load (RuntimeError: parser exploded with a second line)"
    assert result.errors[0].error == expected


def test_iter_load_is_lazy(tmp_path: Path, monkeypatch) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Story {i} was filed on Monday, editors said.")
    opened: list[str] = []
    real_open = loaders._open

    def counting(path, *args, **kwargs):
        opened.append(Path(path).name)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(loaders, "_open", counting)
    it = iter_load([tmp_path])
    first = next(it)
    assert first.ok and first.articles
    assert opened == ["0.txt"]
    assert [r.path for r in it] == [str(tmp_path / "1.txt"), str(tmp_path / "2.txt")]
