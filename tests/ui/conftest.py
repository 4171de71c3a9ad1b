"""Fixtures for the UI tests: apps over the hand-made sample articles."""

from __future__ import annotations

import pytest

from tests.ui.sample import sample_articles
from tui.app import NewsReaderApp


@pytest.fixture
def app() -> NewsReaderApp:
    """The reader over the sample articles (no loading, no real extractors)."""
    return NewsReaderApp(articles=sample_articles())


@pytest.fixture(autouse=True)
def _reading_takes_a_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article shown counts as read after a minute, not 2 s: on a loaded machine a test
    (or a snapshot) can take longer than 2 s, and what it sees must not depend on that.
    Tests of the delay itself set their own."""
    import tui.screens.library_actions as actions

    monkeypatch.setattr(actions, "READ_AFTER_SECONDS", 60.0)
