"""In a real terminal: R refreshes the feeds while the user reads; the reader stays put."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.core.feeds import fakesite
from tests.core.feeds.conftest import base
from tests.test_terminal_e2e import _quit, _start, _tmux, _wait_for, needs_tmux
from tui.core.feeds import FeedStore
from tui.core.library import Library

pytestmark = pytest.mark.slow


@needs_tmux
def test_refresh_in_tmux_while_reading(tmp_path: Path, httpserver: HTTPServer) -> None:
    body = fakesite.rss(base(httpserver), range(3), summaries=False)
    httpserver.expect_request("/feed.xml").respond_with_data(
        body, content_type="application/rss+xml"
    )
    status = tmp_path / "status"
    with Library.open(tmp_path / "e2e-library.sqlite3") as library:  # the library _start uses
        library.set_meta("seeded", "yes")
        store = FeedStore.of(library)
        store.add(httpserver.url_for("/feed.xml"), full_text=False)
        store.close()
    mine = tmp_path / "mine.txt"
    mine.write_text("Reading this one\n\nThe council said on Monday it would spend $4 million.")
    socket = f"newsreader-feeds-{uuid.uuid4().hex[:8]}"
    _start(socket, mine, status)
    try:
        _wait_for(socket, lambda s: "spend $4 million" in s, timeout=60)
        _tmux(socket, "send-keys", "-t", "reader", "R")
        screen = _wait_for(socket, lambda s: all(f"Story {n}:" in s for n in range(3)), 120)
        assert "spend $4 million" in screen  # the reader still shows what the user reads
        _quit(socket, status)
    finally:
        _tmux(socket, "kill-server")
