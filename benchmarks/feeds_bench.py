"""Feeds benchmark (issue 14): refresh many feeds from a loopback server; times, CPU, memory.

A server in a separate process serves N feeds of M entries: half give teasers whose pages (the
real pages of ../shared/corpus/html, each copy under its own URL) are fetched and extracted,
half give whole stories. Then: the first refresh (fetch, extract, analyse, store), a second
refresh where every feed answers 304, and one feed of 5,000 entries.

    python benchmarks/feeds_bench.py            # 200 feeds x 20 entries, and 5,000 entries
    python benchmarks/feeds_bench.py --quick    # 20 feeds x 10 entries, and 500 entries

CPU time is reported beside wall time: the machine may be shared, and CPU time says what the
work cost whatever else was running. Nothing is asserted; the figures are printed.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, print_table, require_shared

from tests.core.feeds import fakesite

if TYPE_CHECKING:
    from tui.core.feeds import RefreshReport
    from tui.core.library import Library

BIG_FEED = "/big.xml"
# ---------------------------------------------------------------------- the server process


def _pages() -> list[tuple[bytes, bytes | None]]:
    """The corpus pages, each with the URL it names as its own (canonical), if any."""
    import trafilatura

    out = []
    for path in sorted((SHARED / "corpus" / "html").glob("*.html")):
        page = path.read_bytes()
        doc = trafilatura.bare_extraction(page.decode("utf-8", "replace"), with_metadata=True)
        url = getattr(doc, "url", None)
        own = url.encode() if url else None
        out.append((page, own))
    return out


def _copy(page: tuple[bytes, bytes | None], url: str) -> bytes:
    """A copy of a page that names ``url`` as its own, so every copy is its own article."""
    body, own = page
    return body.replace(own, url.encode()) if own else body


def serve(port_file: Path, feeds: int, entries: int, big: int) -> None:
    """Serve the feeds and pages on 127.0.0.1 until killed; write the port to ``port_file``."""
    pages = _pages()
    cache: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"  # type: ignore[index]
            path = self.path
            if path.startswith("/p") and "/story/" in path:
                n = int(path.rsplit("/", 1)[1])
                body = _copy(pages[n % len(pages)], base + path)
                self._send(body, "text/html; charset=utf-8", None)
            elif path == BIG_FEED or path.startswith("/feed/"):
                if path not in cache:
                    cache[path] = _feed(base, path, entries, big)
                etag = f'"{path}-v1"'
                if self.headers.get("If-None-Match") == etag:
                    self._send(b"", "application/rss+xml", etag, status=304)
                else:
                    self._send(cache[path], "application/rss+xml", etag)
            else:
                self._send(b"not found", "text/plain", None, status=404)

        def _send(self, body: bytes, ctype: str, etag: str | None, status: int = 200) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_file.write_text(str(server.server_address[1]))
    server.serve_forever()


def _feed(base: str, path: str, entries: int, big: int) -> bytes:
    if path == BIG_FEED:
        return fakesite.rss(f"{base}/pbig", range(10**6, 10**6 + big), title="Big")
    i = int(path.removeprefix("/feed/").removesuffix(".xml"))
    stories = range(i * 1000, i * 1000 + entries)
    # Even feeds give teasers (full text fetched), odd ones whole stories.
    return fakesite.rss(f"{base}/p{i}", stories, title=f"Feed {i}", summaries=i % 2 == 0)


# ---------------------------------------------------------------------- measuring


class RssSampler(threading.Thread):
    """Samples the resident memory of this process and its children (but not the server)."""

    def __init__(self, exclude: int) -> None:
        super().__init__(daemon=True)
        self.exclude, self.peak, self._done = exclude, 0, threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.1):
            self.peak = max(self.peak, _tree_rss(os.getpid(), self.exclude))

    def stop(self) -> int:
        self._done.set()
        self.join()
        return max(self.peak, _tree_rss(os.getpid(), self.exclude))


def _tree_rss(pid: int, exclude: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            rss = next((int(line.split()[1]) for line in fh if line.startswith("VmRSS")), 0)
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            children = [int(c) for c in fh.read().split()]
    except (OSError, ValueError):
        return 0
    return rss * 1024 + sum(_tree_rss(c, exclude) for c in children if c != exclude)


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the worker pools)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _refresh(library: Library, urls: list[str], workers: int) -> tuple[RefreshReport, float, float]:
    from tui.core.feeds import FeedStore, Refresher
    from tui.core.fetch import Fetcher

    store = FeedStore.of(library)
    feeds = [f for f in store.feeds() if f.url in set(urls)]
    store.close()
    wall, cpu = time.perf_counter(), _cpu()
    with Fetcher() as fetcher:
        refresher = Refresher(library, fetcher, workers=workers)
        report = refresher.refresh(feeds, force=True)
        refresher.close()
    return report, time.perf_counter() - wall, _cpu() - cpu


def ui_latency(
    library_path: Path, probes_s: float = 0.02
) -> tuple[list[float], RefreshReport | None]:
    """Run the app headless, press R, and sample the event loop's lag until the refresh ends.

    The lag of a timer due every ``probes_s`` is how long a key press would wait before the
    app could handle it: the input latency the refresh causes.
    """
    import asyncio

    from textual.worker import WorkerState

    from tui.app import NewsReaderApp
    from tui.core.library import Library

    library = Library.open(library_path)
    app = NewsReaderApp(library=library)
    lags: list[float] = []
    reports: list[RefreshReport] = []
    done = app._refreshed  # type: ignore[attr-defined]

    def finished(report: RefreshReport) -> None:
        reports.append(report)
        done(report)

    app._refreshed = finished  # type: ignore[method-assign]

    async def scenario() -> None:
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause(1.0)
            await pilot.press("R")
            loop = asyncio.get_running_loop()
            while not reports:
                due = loop.time() + probes_s
                await asyncio.sleep(probes_s)
                lags.append(max(0.0, loop.time() - due))
            busy = [w for w in app.workers if w.state == WorkerState.RUNNING]
            for worker in busy:
                await worker.wait()

    try:
        asyncio.run(scenario())
    finally:
        library.close()
    return lags, reports[0] if reports else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 feeds x 10 entries, 500 big")
    parser.add_argument("--ui-feeds", type=int, default=40, help="feeds for --ui (40)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--serve", metavar="PORT_FILE", help=argparse.SUPPRESS)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--big", type=int, default=5000)
    parser.add_argument(
        "--ui", action="store_true", help="instead: input latency in the app while R refreshes"
    )
    args = parser.parse_args()
    if args.quick:
        args.feeds, args.entries, args.big = 20, 10, 500
    elif args.ui:
        args.feeds = args.ui_feeds
    if args.serve:
        serve(Path(args.serve), args.feeds, args.entries, args.big)
        return
    require_shared()
    with tempfile.TemporaryDirectory(prefix="feeds-bench-") as tmp:
        run(Path(tmp), args)


def run(tmp: Path, args: argparse.Namespace) -> None:
    port_file = tmp / "port"
    cmd = [sys.executable, __file__, "--serve", str(port_file), "--feeds", str(args.feeds)]
    cmd += ["--entries", str(args.entries), "--big", str(args.big)]
    server = subprocess.Popen(cmd)
    try:
        while not port_file.exists() or not port_file.read_text():
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port_file.read_text()}"
        urls = [f"{base}/feed/{i}.xml" for i in range(args.feeds)]
        db = _subscribed(tmp, urls, base + BIG_FEED)
        if args.ui:
            _report_ui(*ui_latency(db), args)
        else:
            _report_refreshes(db, urls, base + BIG_FEED, server.pid, args)
    finally:
        server.kill()
        server.wait()


def _subscribed(tmp: Path, urls: list[str], big_url: str) -> Path:
    from tui.core.feeds import FeedStore
    from tui.core.library import Library

    db = tmp / "library.sqlite3"
    with Library.open(db) as library:
        library.set_meta("seeded", "benchmark")  # the app must not import the seeds
        store = FeedStore.of(library)
        for url in urls:
            store.add(url)
        store.close()
    return db


def _report_refreshes(
    db: Path, urls: list[str], big_url: str, server_pid: int, args: argparse.Namespace
) -> None:
    from tui.core.feeds import FeedStore
    from tui.core.library import Library

    with Library.open(db) as library:
        sampler = RssSampler(exclude=server_pid)
        sampler.start()
        first, wall1, cpu1 = _refresh(library, urls, args.workers)
        peak = sampler.stop()
        second, wall2, cpu2 = _refresh(library, urls, args.workers)
        store = FeedStore.of(library)
        store.add(big_url, full_text=False)
        store.close()
        big, wall3, cpu3 = _refresh(library, [big_url], args.workers)
    rows = [
        [
            f"first refresh: {args.feeds} feeds x {args.entries}, {first.pages} pages",
            first.new,
            wall1,
            cpu1,
            f"{first.new / wall1:.0f}/s",
            f"{peak / 2**20:.0f} MB",
        ],
        [
            f"second refresh, all 304 ({second.count('not modified')} feeds)",
            second.new,
            wall2,
            cpu2,
            "",
            "",
        ],
        [f"one feed of {args.big} entries", big.new, wall3, cpu3, f"{big.new / wall3:.0f}/s", ""],
    ]
    print_table(
        ["run", "articles", "wall s", "CPU s", "rate", "peak RSS"],
        rows,
        title=f"feeds benchmark ({args.workers} workers, {_load()})",
    )
    for outcome in first.failed + second.failed + big.failed:
        print(f"failed: {outcome.feed.url}: {outcome.error}")


def _report_ui(lags: list[float], report: RefreshReport | None, args: argparse.Namespace) -> None:
    ms = sorted(lag * 1000 for lag in lags)
    if not ms or report is None:
        print("the refresh did not finish")
        return
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    rows = [
        [
            f"{args.feeds} feeds x {args.entries}, R in the app",
            report.new,
            ms[len(ms) // 2],
            p95,
            ms[-1],
        ]
    ]
    print_table(
        ["run", "articles", "lag p50 ms", "lag p95 ms", "max ms"],
        rows,
        title=f"input latency during a refresh (event-loop lag every 20 ms; {_load()})",
    )


def _load() -> str:
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


if __name__ == "__main__":
    main()
