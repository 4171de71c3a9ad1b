"""Shared test fixtures: paths to the repository, the seeds and ../shared/."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = REPO / "seeds"
FIXTURES = REPO / "tests" / "fixtures"
SEED_ARTICLE = SEEDS / "swarajya-2025-09-03-india-russia-s400-talks.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared/ beside the repository; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared/ is not present")
    return SHARED


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED_ARTICLE
