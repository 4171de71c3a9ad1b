"""docs/robustness.md: every row names tests that exist (the suite proves they pass)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from tests.conftest import REPO

DOC = REPO / "docs" / "robustness.md"
# `tests/x.py::test_name` or `tests/x.py::test_name[param]`, as written in the table.
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(test_\w+)(?:\[(.+?)\])?`")


def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = (ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, functions) and node.name.startswith("test_")
    }


def test_every_row_names_a_test() -> None:
    rows = [line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    body = [r for r in rows if not r.startswith(("| Bad input", "| Property", "|---"))]
    assert len(body) >= 60
    for row in body:
        assert REFERENCE.search(row), f"row without a test: {row}"


def test_every_named_test_exists() -> None:
    cases = json.loads((REPO / "tests" / "hostile" / "cases.json").read_text(encoding="utf-8"))
    found = REFERENCE.findall(DOC.read_text(encoding="utf-8"))
    assert found
    for file, name, param in found:
        path = REPO / file
        assert path.is_file(), file
        assert name in _tests_in(path), f"{file}::{name}"
        if name == "test_hostile_file":
            assert param in cases, f"no hostile case {param!r}"


def test_the_corpus_readme_points_here() -> None:
    readme = (REPO / "tests" / "hostile" / "README.md").read_text(encoding="utf-8")
    assert "docs/robustness.md" in readme
