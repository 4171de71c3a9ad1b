"""End to end in a real terminal: newsreader on the seeds inside tmux."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS

pytestmark = pytest.mark.slow

WIDTH, HEIGHT = 140, 45
WAIT_SECONDS = 20.0


def _tmux(socket: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["tmux", "-L", socket, "-f", "/dev/null", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def _wait_for(socket: str, predicate, timeout: float = WAIT_SECONDS) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux(socket, "capture-pane", "-p", "-t", "reader").stdout
        if predicate(screen):
            return screen
        time.sleep(0.25)
    raise AssertionError(f"timed out; the screen was:\n{screen}")


def _start(socket: str, target: Path, status: Path) -> None:
    env_path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    # Never the user's library: a fresh one beside the status file.
    library = status.parent / "e2e-library.sqlite3"
    command = (
        # COLUMNS / LINES from the test runner would override the tmux window size.
        f"cd {REPO} && unset COLUMNS LINES; "
        f"PYTHONPATH={env_path} {sys.executable} -m tui --library {library} {target}; "
        f"echo $? > {status}"
    )
    started = _tmux(
        socket,
        "new-session",
        "-d",
        "-s",
        "reader",
        "-x",
        str(WIDTH),
        "-y",
        str(HEIGHT),
        "sh",
        "-c",
        command,
    )
    assert started.returncode == 0, started.stderr


def _quit(socket: str, status: Path) -> None:
    _tmux(socket, "send-keys", "-t", "reader", "q")
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline and not status.exists():
        time.sleep(0.2)
    assert status.exists(), "newsreader did not exit after q"
    assert status.read_text().strip() == "0"


needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@needs_tmux
def test_reader_in_tmux(tmp_path: Path) -> None:
    socket = f"newsreader-e2e-{uuid.uuid4().hex[:8]}"
    status = tmp_path / "status"
    _start(socket, SEEDS, status)
    try:
        titles = ("Articles", "Outline (", "Entities (", "Figures (")
        # Wait for the whole first screen: a capture can land between two partial updates.
        screen = _wait_for(socket, lambda s: "S-400" in s and all(t in s for t in titles))
        # The seed's title (derived from its lead sentence), in the header and list.
        assert "india and russia are holding talks" in screen.casefold()
        _tmux(socket, "send-keys", "-t", "reader", "?")
        screen = _wait_for(socket, lambda s: "What it does" in s)
        _tmux(socket, "send-keys", "-t", "reader", "Escape")
        _wait_for(socket, lambda s: "What it does" not in s)
        _quit(socket, status)
    finally:
        _tmux(socket, "kill-server")


@needs_tmux
def test_hostile_article_stays_inert_in_tmux(tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(
        "Hostile \x1b]2;PWNED\x07 title [@click=app.quit]click[/]\n\n"
        "Body \x1b[2J\x1b[31mred\x1b[0m \u202eright-to-left\u202c and [bold]markup[/bold].\n",
        encoding="utf-8",
    )
    socket = f"newsreader-e2e-{uuid.uuid4().hex[:8]}"
    status = tmp_path / "status"
    _start(socket, article, status)
    try:
        screen = _wait_for(socket, lambda s: "[bold]markup[/bold]" in s)
        assert "␛]2;PWNED␇" in screen  # shown as text, not sent to the terminal
        assert "␛[31mred" in screen
        assert "[@click=app.quit]click[/]" in screen
        title = _tmux(socket, "display", "-p", "-t", "reader", "#{pane_title}").stdout
        assert "PWNED" not in title
        _quit(socket, status)
    finally:
        _tmux(socket, "kill-server")
