"""Start-up time of newsreader beside a minimal Textual app, in one run.

Each program runs in a real pseudo-terminal (140x45), writes the wall-clock time at which it
reached the point measured to a file, and exits: "first paint" (the first screen is drawn, via
``call_after_refresh`` from mount, the same hook in both apps), "first article" (the list and
the first article's text are on screen: its body and analysis were read from the library) or
"imported" (the seeds loaded, analysed, stored and listed). Reported: seconds from spawning
the process to that point.

Libraries: one holding the seeds (newsreader launched again), a new empty file each run (the
first launch: the seeds are imported after the first paint), and one of 10,000 articles
(copies of the seed, each with a small edit), built once with the library API and cached in
the temp directory. Nothing touches the user's own library.

    PYTHONPATH=. python benchmarks/startup.py [--runs N] [--quick] [--articles N]
"""

from __future__ import annotations

import argparse
import compileall
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
from dataclasses import replace
from datetime import timedelta
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


def build_library(n: int) -> Path:
    """A library of ``n`` edited copies of the seed, built once and cached in the temp dir."""
    sys.path.insert(0, str(REPO))
    from tui.core.extract import EXTRACTOR_VERSION, analyse
    from tui.core.library import Library
    from tui.core.library.store import current_extractor_version
    from tui.core.loaders import load_paths

    path = Path(tempfile.gettempdir()) / f"newsreader-startup-{n}-v{EXTRACTOR_VERSION}.sqlite3"
    done = path.with_suffix(".done")
    if path.exists() and done.exists():
        return path
    for stale in path.parent.glob(path.name + "*"):
        stale.unlink()
    started = time.perf_counter()
    seed = load_paths([REPO / "seeds"]).articles[0]
    seed.analysis = analyse(seed)
    sites = ["swarajya.com", "bbc.co.uk", "reuters.com", "thehindu.com", "tass.com"]
    version = current_extractor_version()
    with Library.open(path) as library:
        batch = []
        for i in range(n):
            extra = f"\n\nEdition {i}: filed from desk {i % 97}."
            start = len(seed.text) + 2
            article = replace(
                seed,
                id="",
                title=f"{seed.title} (edition {i})",
                text=seed.text + extra,
                site=sites[i % len(sites)],
                published=(seed.published - timedelta(hours=i)) if seed.published else None,
                paragraphs=[*seed.paragraphs, (start, start + len(extra) - 2)],
                sentences=[*seed.sentences, (start, start + len(extra) - 2)],
            )
            article.__post_init__()  # a new content id for the edited text
            batch.append(article)
            if len(batch) == 500:
                library.store_analysed(batch, version)
                batch = []
        if batch:
            library.store_analysed(batch, version)
        library.set_meta("seeded", "benchmark")
    done.write_text("ok")
    print(f"(built {path} with {n} articles in {time.perf_counter() - started:.1f} s)")
    return path


def seeded_library() -> Path:
    """A library holding the seeds, as after a first run."""
    sys.path.insert(0, str(REPO))
    from tui.core.library import open_default_library

    path = Path(tempfile.mkdtemp(prefix="newsreader-startup-")) / "seeds.sqlite3"
    library, _ = open_default_library(None, path)
    library.close()
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="3 runs each")
    parser.add_argument("--articles", type=int, default=10_000, help="size of the big library")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    # Byte-compile the package first, as installing it does: with PYTHONDONTWRITEBYTECODE set
    # (or a read-only checkout) every run would otherwise recompile newsreader's modules,
    # while Textual's, installed, are compiled already.
    compileall.compile_dir(REPO / "tui", quiet=1)
    env = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(REPO))
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    seeds_db = seeded_library()
    big_db = build_library(args.articles)
    fresh_dir = Path(tempfile.mkdtemp(prefix="newsreader-startup-fresh-"))
    reader = [sys.executable, "-m", "tui", "--library"]
    big = f"{args.articles:,}-article library"
    cases = {
        "minimal Textual app (first paint)": ([sys.executable, "-c", MINIMAL_APP], {}),
        "newsreader seeds (first paint)": (
            [*reader, str(seeds_db)],
            {"NEWSREADER_EXIT_AFTER": "first-paint"},
        ),
        "newsreader seeds (first article)": (
            [*reader, str(seeds_db)],
            {"NEWSREADER_EXIT_AFTER": "first-article"},
        ),
        f"newsreader {big} (first paint)": (
            [*reader, str(big_db)],
            {"NEWSREADER_EXIT_AFTER": "first-paint"},
        ),
        f"newsreader {big} (first article)": (
            [*reader, str(big_db)],
            {"NEWSREADER_EXIT_AFTER": "first-article"},
        ),
        "newsreader seeds, fresh library (first paint)": (
            None,  # a new library file each run: the first launch, seeds imported after
            {"NEWSREADER_EXIT_AFTER": "first-paint"},
        ),
        "newsreader seeds, fresh library (imported)": (
            None,
            {"NEWSREADER_EXIT_AFTER": "loaded"},
        ),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    run_in_pty(cases["minimal Textual app (first paint)"][0], env)  # warm the file cache
    for run in range(runs):
        for case, (name, (argv, extra)) in enumerate(cases.items()):  # interleaved
            if argv is None:
                argv = [*reader, str(fresh_dir / f"fresh-{run}-{case}.sqlite3")]
            times[name].append(run_in_pty(argv, {**env, **extra}))
    base = statistics.median(times["minimal Textual app (first paint)"])
    print(f"{'program':<48} {'median s':>9} {'min s':>7} {'ratio':>6}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<48} {median:>9.3f} {min(values):>7.3f} {median / base:>5.2f}x")
    print(
        f"({runs} runs each, {SIZE[1]}x{SIZE[0]} pty; bars: seeds first paint <= 1.5x minimal, "
        f"{big} first screen <= 1 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
