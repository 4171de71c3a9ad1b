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


@pytest.fixture(autouse=True)
def _private_library(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    """Every test gets its own library file: no test may touch the user's real library.

    Subprocesses inherit the variable; a test that wants a given file sets it or passes
    ``--library``.
    """
    path = tmp_path_factory.mktemp("library") / "library.sqlite3"
    monkeypatch.setenv("NEWSREADER_LIBRARY", str(path))
    return path


@pytest.fixture(autouse=True)
def user_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    """Every test gets its own (absent) config and state files: none touches the user's.

    A test that wants a config writes this path; the app reads it at start.
    """
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("NEWSREADER_CONFIG", str(folder / "config.toml"))
    monkeypatch.setenv("NEWSREADER_STATE", str(folder / "state.json"))
    return folder / "config.toml"
