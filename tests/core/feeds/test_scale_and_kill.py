"""A 5,000-entry feed, and a refresh killed with SIGKILL half-way then completed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.core.feeds import fakesite
from tests.core.feeds.conftest import base, with_etag
from tui.core.feeds import FeedStore, Refresher, fulltext, subscribe
from tui.core.fetch import Fetcher
from tui.core.library import Library
from tui.core.model import Analysis, Article

RSS = "application/rss+xml"


def _no_analysis(article: Article) -> Analysis:
    return Analysis()


def test_five_thousand_entries_parsed_deduplicated_stored(
    httpserver: HTTPServer, _private_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The extractors are measured elsewhere (benchmarks/feeds_bench.py): here, the plumbing.
    monkeypatch.setattr(fulltext, "default_analyser", _no_analysis)
    entries = [*range(5000), 17, 4242]  # two entries repeated: listed once
    body = fakesite.rss(base(httpserver), entries)
    httpserver.expect_request("/big.xml").respond_with_data(body, content_type=RSS)
    with Library.open(_private_library) as library, Fetcher() as fetcher:
        feed = subscribe(library, fetcher, httpserver.url_for("/big.xml"), full_text=False)
        refresher = Refresher(library, fetcher, workers=1)
        first = refresher.refresh([feed])
        store = FeedStore.of(library)
        again = refresher.refresh(store.feeds())  # no ETag: fetched and parsed again
        store.close()
        refresher.close()
        assert first.new == 5000 and len(library) == 5000
        assert again.new == 0 and again.changed == 0 and len(library) == 5000


def _ready_library(server: HTTPServer, path: Path, feeds: int, entries: int) -> list[str]:
    urls = []
    for i in range(feeds):
        body = fakesite.rss(
            f"{base(server)}/p{i}", range(i * 100, i * 100 + entries), summaries=False
        )
        server.expect_request(f"/f{i}.xml").respond_with_handler(with_etag(body, RSS, f'"{i}"'))
        urls.append(server.url_for(f"/f{i}.xml"))
    with Library.open(path) as library:
        store = FeedStore.of(library)
        for url in urls:
            store.add(url, full_text=False)
        store.close()
    return urls


def _count(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


@pytest.mark.slow
def test_refresh_killed_midway_is_completed_by_the_next(
    httpserver: HTTPServer, _private_library: Path
) -> None:
    feeds, entries = 12, 10
    _ready_library(httpserver, _private_library, feeds, entries)
    cmd = [sys.executable, "-m", "tui.cli", "feeds", "refresh", "-q", "--workers", "1"]
    env = {**os.environ, "NEWSREADER_LIBRARY": str(_private_library)}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(_private_library) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _count(_private_library)
    assert partial < feeds * entries, "the refresh finished before it could be killed"
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with Library.open(_private_library) as library:
        assert library.integrity_check() == "ok"
        assert len(library) == feeds * entries  # nothing lost, nothing twice
        store = FeedStore.of(library)
        counts = store.counts()
        store.close()
        assert sorted(c.articles for c in counts.values()) == [entries] * feeds
