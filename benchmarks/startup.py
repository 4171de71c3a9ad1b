"""Start-up time of newsreader on the seeds, beside a minimal Textual app, in one run.

Each program runs in a real pseudo-terminal (140x45), writes the wall-clock time at which it
reached the point measured to a file, and exits: "first paint" (the first screen is drawn, via
``call_after_refresh`` from mount, the same hook in both apps) or, for newsreader, "loaded" (the
seeds are loaded, analysed and shown). Reported: seconds from spawning the process to that point.

    PYTHONPATH=. python benchmarks/startup.py [--runs N] [--quick]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SIZE = (45, 140)  # rows, columns

MINIMAL_APP = """
import os, time
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.painted)

    def painted(self):
        with open(os.environ["NEWSREADER_PAINT_FILE"], "w") as f:
            f.write(repr(time.time()))
        self.exit()

Minimal().run()
"""


def run_in_pty(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``argv`` in a pseudo-terminal until it reports its paint."""
    paint_file = Path(tempfile.gettempdir()) / f"newsreader-paint-{os.getpid()}"
    paint_file.unlink(missing_ok=True)
    env = {**env, "NEWSREADER_PAINT_FILE": str(paint_file)}
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[0], SIZE[1], 0, 0))

    def drain() -> None:
        try:
            while os.read(master, 65536):
                pass
        except OSError:
            pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    start = time.time()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=REPO)
    code = proc.wait(timeout=120)
    os.close(slave)
    os.close(master)
    if code != 0 or not paint_file.exists():
        raise SystemExit(f"{argv} exited with {code} without reporting its paint")
    painted = float(paint_file.read_text())
    paint_file.unlink()
    return painted - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="3 runs each")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    env = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(REPO))
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    seeds = str(REPO / "seeds")
    cases = {
        "minimal Textual app (first paint)": ([sys.executable, "-c", MINIMAL_APP], {}),
        "newsreader seeds (first paint)": (
            [sys.executable, "-m", "tui", seeds],
            {"NEWSREADER_EXIT_AFTER": "first-paint"},
        ),
        "newsreader seeds (loaded + analysed)": (
            [sys.executable, "-m", "tui", seeds],
            {"NEWSREADER_EXIT_AFTER": "loaded"},
        ),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    run_in_pty(cases["minimal Textual app (first paint)"][0], env)  # warm the file cache
    for _ in range(runs):
        for name, (argv, extra) in cases.items():  # interleaved: noise hits all alike
            times[name].append(run_in_pty(argv, {**env, **extra}))
    base = statistics.median(times["minimal Textual app (first paint)"])
    print(f"{'program':<40} {'median s':>9} {'min s':>7} {'ratio':>6}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<40} {median:>9.3f} {min(values):>7.3f} {median / base:>5.2f}x")
    print(f"({runs} runs each, {SIZE[1]}x{SIZE[0]} pty; bar: first paint <= 1.5x minimal)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
