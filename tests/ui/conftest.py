"""Fixtures for the UI tests: apps over the hand-made sample articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.sample import sample_articles
from tui.app import NewsReaderApp


@pytest.fixture
def app() -> NewsReaderApp:
    """The reader over the sample articles (no loading, no real extractors)."""
    return NewsReaderApp(articles=sample_articles())


@pytest.fixture(autouse=True)
def _reading_takes_a_minute(user_config: Path) -> None:
    """An article shown counts as read after a minute, not 2 s: on a loaded machine a test
    (or a snapshot) can take longer than 2 s, and what it sees must not depend on that.
    Tests of the delay itself write their own config."""
    user_config.write_text("[reader]\nmark_read_after = 60\n", encoding="utf-8")
