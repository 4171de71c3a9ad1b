"""The built wheel carries seeds/ and styles/: install it into a fresh virtual environment
and run `newsreader extract` from another directory."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 300):
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{cmd}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(venv bin directory, a working directory outside the repository)."""
    tmp = tmp_path_factory.mktemp("wheel")
    dist = tmp / "dist"
    if importlib.util.find_spec("build") is None:
        pytest.skip("the 'build' package is not installed (pip install -e '.[test]')")
    # Without network access an isolated build cannot fetch hatchling: reuse ours if present.
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-isolation"]
    _run([sys.executable, "-m", "build", "--wheel", *isolation, "--outdir", str(dist)], REPO)
    (wheel,) = dist.glob("newsreader-*.whl")
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], tmp)
    bin_dir = venv / "bin"
    py = bin_dir / "python"
    # Dependencies come from the running environment (no network needed): a .pth file puts
    # its site-packages after the fresh venv's own, so the wheel's `tui` wins.
    site = _run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp)
    Path(site.stdout.strip(), "_newsreader_test_deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n"
    )
    _run([str(py), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], tmp)
    work = tmp / "elsewhere"
    work.mkdir()
    return bin_dir, work


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["NO_COLOR"] = "1"
    return env


def test_installed_package_is_the_wheel(installed) -> None:
    bin_dir, work = installed
    code = (
        "import tui, tui.resources as r; print(tui.__file__); "
        "print(r.seeds_dir()); print(r.styles_dir())"
    )
    out = _run([str(bin_dir / "python"), "-c", code], work, _env()).stdout.split("\n")
    venv = str(bin_dir.parent)
    assert out[0].startswith(venv), out
    seeds, styles = Path(out[1]), Path(out[2])
    assert seeds.is_relative_to(venv) and styles.is_relative_to(venv)
    assert any(seeds.glob("*.txt"))
    assert any(styles.glob("*.tcss"))


def test_newsreader_extract_from_another_directory(installed) -> None:
    bin_dir, work = installed
    proc = _run([str(bin_dir / "newsreader"), "extract"], work, _env())
    doc = json.loads(proc.stdout)
    assert doc["errors"] == []
    (art,) = doc["articles"]
    assert art["section"] == "Defence"
    assert art["authors"] == ["Swarajya Staff"]
    assert art["published"] == "2025-09-03T09:41:00+05:30"
    assert "_bundled" in art["source_path"]
    assert art["text"].startswith("India and Russia are holding talks")
