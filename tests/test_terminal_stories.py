"""End to end in a real terminal: the Story view and the entity view inside tmux."""

from __future__ import annotations

import os
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.core.stories.corpus import ALL, write_articles
from tests.test_terminal_e2e import WAIT_SECONDS, _tmux, _wait_for, needs_tmux
from tui.cli import main

pytestmark = pytest.mark.slow


def _run_in_tmux(socket: str, args: str, status: Path) -> None:
    env_path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    command = (
        f"cd {REPO} && unset COLUMNS LINES; "
        f"PYTHONPATH={env_path} {sys.executable} -m tui {args}; echo $? > {status}"
    )
    started = _tmux(
        socket, "new-session", "-d", "-s", "reader", "-x", "120", "-y", "36", "sh", "-c", command
    )
    assert started.returncode == 0, started.stderr


def _wait_exit(status: Path) -> str:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline and not status.exists():
        time.sleep(0.2)
    assert status.exists(), "newsreader did not exit"
    return status.read_text().strip()


@needs_tmux
def test_story_view_and_entity_view_in_tmux(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", ALL)
    db = tmp_path / "lib.sqlite3"
    assert main(["import", str(tmp_path / "in"), "--library", str(db), "--quiet"]) == 0
    socket = f"newsreader-stories-{uuid.uuid4().hex[:8]}"
    status = tmp_path / "status"
    _run_in_tmux(socket, f"stories --view --library {db}", status)
    try:
        _wait_for(socket, lambda s: "Stories (3)" in s and "Coverage" in s)
        for _ in range(3):  # move down the list until the Port Elwyn story shows
            screen = _tmux(socket, "capture-pane", "-p", "-t", "reader").stdout
            if "Repeated quotes" in screen:
                break
            _tmux(socket, "send-keys", "-t", "reader", "j")
            time.sleep(0.5)
        screen = _wait_for(socket, lambda s: "first in Coastal Wire" in s)
        assert "Figures that disagree" in screen
        _tmux(socket, "send-keys", "-t", "reader", "e")  # the story's main person or org
        _wait_for(socket, lambda s: "articles" in s and "Stories (3)" not in s)
        _tmux(socket, "send-keys", "-t", "reader", "Escape")
        _wait_for(socket, lambda s: "Stories (3)" in s)
        _tmux(socket, "send-keys", "-t", "reader", "q")
        assert _wait_exit(status) == "0"
    finally:
        _tmux(socket, "kill-server")
