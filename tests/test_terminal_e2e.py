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


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_reader_in_tmux(tmp_path: Path) -> None:
    socket = f"newsreader-e2e-{uuid.uuid4().hex[:8]}"
    status = tmp_path / "status"
    env_path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    command = (
        # COLUMNS / LINES from the test runner would override the tmux window size.
        f"cd {REPO} && unset COLUMNS LINES; "
        f"PYTHONPATH={env_path} {sys.executable} -m tui {SEEDS}; "
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
    try:
        screen = _wait_for(socket, lambda s: "Outline (" in s and "S-400" in s)
        assert "s400 talks" in screen.casefold()  # the seed's title, in the header and list
        for title in ("Articles", "Outline (", "Entities (", "Figures ("):
            assert title in screen
        _tmux(socket, "send-keys", "-t", "reader", "?")
        screen = _wait_for(socket, lambda s: "What it does" in s)
        _tmux(socket, "send-keys", "-t", "reader", "Escape")
        _wait_for(socket, lambda s: "What it does" not in s)
        _tmux(socket, "send-keys", "-t", "reader", "q")
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline and not status.exists():
            time.sleep(0.2)
        assert status.exists(), "newsreader did not exit after q"
        assert status.read_text().strip() == "0"
    finally:
        _tmux(socket, "kill-server")
