"""A real terminal: hostile files in every loader format, opened in newsreader inside tmux.

What the terminal did is checked from the outside: tmux's pane title (OSC 0 / OSC 2 would set
it), tmux's paste buffers (OSC 52 would fill one: `set-clipboard on` lets it), and the screen
itself (`capture-pane -p`, and `-e` with attributes): the markup and the escape sequences show
as literal text, the screen was not cleared, and `q` still quits with status 0.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.hostile_payloads import FORMATS, write_hostile_files

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

WIDTH, HEIGHT = 140, 45
WAIT_SECONDS = 30.0
# Formats whose text carries raw ESC sequences (XML forbids them; HTML parsers drop them).
WITH_ESC = {"txt", "md", "json"}


class Tmux:
    """One private tmux server (its own socket), so nothing leaks to or from the user's."""

    def __init__(self) -> None:
        self.socket = f"newsreader-hostile-{uuid.uuid4().hex[:8]}"

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=False,
        )

    def new_session(self, width: int, height: int, command: str) -> subprocess.CompletedProcess:
        """Start the session running ``command``; OSC 52 may set tmux's buffers (set-clipboard)
        and OSC 0 / 2 its pane title, were they ever sent: the options come first."""
        return self(
            *("start-server", ";", "set-option", "-g", "set-clipboard", "on", ";"),
            *("set-option", "-g", "allow-rename", "on", ";"),
            *("new-session", "-d", "-s", "reader", "-x", str(width), "-y", str(height)),
            *("sh", "-c", command),
        )

    def screen(self, *flags: str) -> str:
        return self("capture-pane", "-p", *flags, "-t", "reader").stdout

    def wait_for(self, predicate, timeout: float = WAIT_SECONDS) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.25)
        raise AssertionError(f"timed out; the screen was:\n{screen}")


def _start(tmux: Tmux, target: Path, status: Path, library: Path) -> None:
    env_path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    command = (
        f"cd {shlex.quote(str(REPO))} && unset COLUMNS LINES; "
        f"NEWSREADER_LIBRARY={shlex.quote(str(library))} PYTHONPATH={shlex.quote(env_path)} "
        f"{shlex.quote(sys.executable)} -m tui {shlex.quote(str(target))} "
        f"--library {shlex.quote(str(library))}; echo $? > {shlex.quote(str(status))}"
    )
    started = tmux.new_session(WIDTH, HEIGHT, command)
    assert started.returncode == 0, started.stderr


def _buffers(tmux: Tmux) -> str:
    return tmux("list-buffers").stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_file_stays_inert_in_tmux(fmt: str, tmp_path: Path) -> None:
    path = write_hostile_files(tmp_path / "in")[fmt]
    status = tmp_path / "status"
    tmux = Tmux()
    _start(tmux, path, status, tmp_path / "library.db")
    try:
        title_before = tmux("display", "-p", "-t", "reader", "#{pane_title}").stdout
        # The screen was not cleared nor the cursor moved by the article: the frame is whole.
        # (Waited for, not checked once: tmux may capture while a frame is still arriving.)
        frames = ("Articles", "Outline (", "Entities (", "Figures (")
        screen = tmux.wait_for(lambda s: "B0LD[/bold]" in s and all(f in s for f in frames))
        flat = screen.replace("\n", "").replace("│", "")
        # Markup: literal text, no style, no action.
        assert "[bold]B0LD[/bold]" in flat and "[@click=app.quit]QUIT[/]" in flat
        if fmt in WITH_ESC:
            assert "␛]52;c;SGFja2VkIQ==␇" in flat and "␛[31mRED" in flat
            assert "␛]0;PWNED␇" in flat
            styled = tmux.screen("-e")
            # With attributes: the article's "\x1b[31m" is text, never an SGR of its own.
            assert "␛[31mRED" in styled and "\x1b[31mRED" not in styled
        title = tmux("display", "-p", "-t", "reader", "#{pane_title}").stdout
        assert "PWNED" not in title and "AUTHOR" not in title
        assert title == title_before
        assert "SGFja2Vk" not in _buffers(tmux) and "Hacked" not in _buffers(tmux)
        assert tmux("show-buffer").stdout == ""  # OSC 52 never set a buffer
        tmux("send-keys", "-t", "reader", "q")
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline and not status.exists():
            time.sleep(0.2)
        assert status.exists(), "newsreader did not exit after q"
        assert status.read_text().strip() == "0"
    finally:
        tmux("kill-server")


def test_osc52_and_title_checks_can_fail(tmp_path: Path) -> None:
    """The probes work: a program that DOES send OSC 52 and OSC 2 is caught by them."""
    tmux = Tmux()
    script = "printf '\\033]2;PWNED\\007\\033]52;c;SGFja2VkIQ==\\007'; sleep 5"
    started = tmux.new_session(80, 24, script)
    assert started.returncode == 0, started.stderr
    try:
        deadline = time.monotonic() + 10
        title = buffer = ""
        while time.monotonic() < deadline and not ("PWNED" in title and buffer):
            time.sleep(0.2)
            title = tmux("display", "-p", "-t", "reader", "#{pane_title}").stdout
            buffer = tmux("show-buffer").stdout
        assert "PWNED" in title
        assert buffer == "Hacked!"
    finally:
        tmux("kill-server")
