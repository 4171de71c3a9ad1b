"""Fixtures for the UI tests: apps over the hand-made sample articles."""

from __future__ import annotations

import pytest

from tests.ui.sample import sample_articles
from tui.app import NewsReaderApp


@pytest.fixture
def app() -> NewsReaderApp:
    """The reader over the sample articles (no loading, no real extractors)."""
    return NewsReaderApp(articles=sample_articles())
