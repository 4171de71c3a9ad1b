"""Broken input in the reader (issue 7): a clear message per failed file, the rest loads.

A directory with a binary file, a binary file whose NAME carries escape sequences and a
newline, a 212 MB file (sparse) and one good article: the reader shows one notification per
bad file naming it and its reason (made inert), loads the good one, and its memory stays
bounded while doing so.
"""

from __future__ import annotations

import asyncio
import tracemalloc
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.hostile_payloads import unsafe_characters
from tests.ui.hostile_screen import assert_segments_inert, screen_segments, screen_text
from tui.app import NewsReaderApp
from tui.core.loaders import load_paths

HOSTILE_NAME = "evil\x1b]0;PWNED\x07\x1b[2J\nname\u202e.bin"
GOOD = "Officials in Delhi said on Tuesday that the new bridge will open in 2027.\n"


@pytest.fixture(autouse=True)
def _tmp_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREADER_LIBRARY", str(tmp_path / "library.db"))
    monkeypatch.delenv("NEWSREADER_MAX_FILE_MB", raising=False)


def _broken_dir(root: Path) -> Path:
    folder = root / "inbox"
    folder.mkdir()
    (folder / "a-binary.dat").write_bytes(b"\x00\x01\x02\x03binary\x00" * 200)
    (folder / HOSTILE_NAME).write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 300)
    with (folder / "huge.txt").open("wb") as fh:  # 212 MB on paper, nothing on disk
        fh.truncate(212 * 1024 * 1024)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def _run(app: NewsReaderApp, scenario) -> None:
    async def main() -> None:
        async with app.run_test(size=(140, 45), notifications=True) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause(0.2)
            await scenario(app, pilot)

    asyncio.run(main())


def test_each_bad_file_is_named_in_a_notification_and_the_good_one_loads(tmp_path: Path) -> None:
    folder = _broken_dir(tmp_path)

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert app.is_running
        # The good article loaded and is shown.
        assert [Path(a.source_path).name for a in app.main.articles] == ["good.txt"]
        failures = {Path(path).name: reason for path, reason in app.failures}
        assert failures == {
            "a-binary.dat": "binary file, not an article",
            HOSTILE_NAME: "binary file (PNG image), not an article",
            "huge.txt": "file too large (212.0 MB > 50 MB limit)",
        }
        messages = [n.message for n in app._notifications if n.severity == "error"]
        assert len(messages) == 3
        for name, reason in (
            ("a-binary.dat", "binary file"),
            ("huge.txt", "file too large (212.0 MB > 50 MB limit)"),
            ("evil␛]0;PWNED␇␛[2J name.bin", "binary file (PNG image)"),
        ):
            assert any(name in m and reason in m for m in messages), (name, messages)
        for message in messages:
            assert not unsafe_characters(message) and "\n" not in message
        # The toasts on screen: inert too, and they name the files.
        await pilot.pause(0.3)
        assert_segments_inert(screen_segments(app))
        shown = screen_text(app)
        assert "Could not load" in shown and "huge.txt" in shown
        assert "bridge" in shown  # the good article is in the reader

    _run(NewsReaderApp([str(folder)]), scenario)


def test_a_200mb_file_given_by_name_is_refused_with_a_message(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(212 * 1024 * 1024)

    async def scenario(app: NewsReaderApp, pilot: Pilot) -> None:
        assert app.is_running and not app.main.articles
        messages = [n.message for n in app._notifications]
        assert any("huge.txt: file too large (212.0 MB > 50 MB limit)" in m for m in messages)
        assert any("No article could be loaded" in m for m in messages)
        await pilot.press("q")

    app = NewsReaderApp([str(big)])
    _run(app, scenario)
    assert app.return_code == 0


def _peak_bytes(paths: list[Path]) -> tuple[int, object]:
    tracemalloc.start()
    try:
        result = load_paths(paths)
        return tracemalloc.get_traced_memory()[1], result
    finally:
        tracemalloc.stop()


def test_memory_stays_bounded_next_to_a_too_large_file(tmp_path: Path, monkeypatch) -> None:
    """A real (not sparse) 6 MB file over a 5 MB limit costs nothing: it is never read."""
    monkeypatch.setenv("NEWSREADER_MAX_FILE_MB", "5")
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    baseline, _ = _peak_bytes([folder])
    (folder / "big.txt").write_bytes(b"All work and no play makes a dull article. " * 146_000)
    with (folder / "huge.txt").open("wb") as fh:
        fh.truncate(212 * 1024 * 1024)
    peak, result = _peak_bytes([folder])
    assert [Path(a.source_path).name for a in result.articles] == ["good.txt"]
    assert sorted(Path(f.path).name for f in result.errors) == ["big.txt", "huge.txt"]
    assert "file too large (6.0 MB > 5 MB limit)" in {f.error for f in result.errors}
    # Far below the 6 MB file, let alone the 212 MB one: only the good file was read.
    assert peak - baseline < 1024 * 1024, (peak, baseline)
