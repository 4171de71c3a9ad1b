"""`pip install .` with the pip that ships with Python (no upgrade) gives a newsreader that
loads HTML pages and feeds with HTML content.

pip 23.2 (Python 3.11's own) drops extras such as ``lxml[html_clean]`` that a dependency
asks for; every module our code paths import must still arrive. Dependencies come from the
package index (pip's cache makes a second run fast).
"""

from __future__ import annotations

import ensurepip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO

pytestmark = pytest.mark.slow

_NOT_COPIED = shutil.ignore_patterns(
    ".venv", ".git", "__pycache__", "*.pyc", ".pytest_cache", ".ruff_cache", ".hypothesis",
    "dist", "build", "*.egg-info", "__snapshots__",
)  # fmt: skip
_OFFLINE = ("NewConnectionError", "Temporary failure in name resolution", "Network is unreachable")


def _run(cmd: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["NO_COLOR"] = "1"
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def stock_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin directory of a fresh venv where the stock pip installed a copy of the tree."""
    tmp = tmp_path_factory.mktemp("stock-pip")
    tree = tmp / "newsreader"
    shutil.copytree(REPO, tree, ignore=_NOT_COPIED)
    venv = tmp / "venv"
    made = _run([sys.executable, "-m", "venv", str(venv)], tmp)
    assert made.returncode == 0, made.stderr
    pip = _run([str(venv / "bin" / "python"), "-m", "pip", "--version"], tmp)
    assert pip.stdout.startswith(f"pip {ensurepip.version()} "), pip.stdout
    proc = _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(tree)], tmp)
    if proc.returncode != 0 and any(sign in proc.stderr for sign in _OFFLINE):
        pytest.skip("the package index cannot be reached")
    assert proc.returncode == 0, proc.stderr
    return venv / "bin"


def test_stock_pip_install_loads_pages_and_html_feeds(stock_venv: Path, tmp_path: Path) -> None:
    page, feed = FIXTURES / "loaders" / "page.html", FIXTURES / "loaders" / "rss2.xml"
    proc = _run([str(stock_venv / "newsreader"), "extract", str(page), str(feed)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["errors"] == []
    by_path: dict[str, list[dict]] = {}
    for art in doc["articles"]:
        by_path.setdefault(art["source_path"], []).append(art)
    (html_art,) = by_path[str(page)]
    assert html_art["title"] == "Harbour council approves new ferry route"
    assert "€4.2 million a year" in html_art["text"]
    assert "Subscribe" not in html_art["text"]
    ferry = by_path[str(feed)][0]
    assert ferry["text"].startswith("The harbour council voted on Monday")
    assert "alert(1)" not in ferry["text"]
