"""The design card's structural rules, checked on the source."""

from __future__ import annotations

import ast
from pathlib import Path

TUI = Path(__file__).resolve().parent.parent / "tui"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_core_imports_nothing_from_textual_or_the_ui() -> None:
    offenders = {
        str(path.relative_to(TUI)): sorted(
            m
            for m in _imported_modules(path)
            if m.split(".")[0] == "textual"
            or m.startswith(("tui.widgets", "tui.screens", "tui.dialogs", "tui.app"))
        )
        for path in (TUI / "core").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_styles_live_in_tcss_files_not_in_python() -> None:
    inline = []
    for path in TUI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    targets = item.targets if isinstance(item, ast.Assign) else []
                    if any(
                        isinstance(t, ast.Name) and t.id in ("DEFAULT_CSS", "CSS") for t in targets
                    ):
                        inline.append(f"{path.relative_to(TUI)}:{node.name}")
    assert inline == []


def test_every_dialog_loads_the_dialog_stylesheet() -> None:
    from textual.screen import ModalScreen

    import tui.dialogs.export
    import tui.dialogs.filter
    import tui.dialogs.library_confirm
    import tui.dialogs.library_note
    import tui.dialogs.open_file
    import tui.dialogs.search
    import tui.screens.help
    from tui.dialogs import DIALOG_CSS

    assert all(Path(p).is_file() for p in DIALOG_CSS)
    dialogs = {
        cls.__name__: cls.CSS_PATH
        for module in (
            tui.dialogs.export,
            tui.dialogs.filter,
            tui.dialogs.library_confirm,
            tui.dialogs.library_note,
            tui.dialogs.open_file,
            tui.dialogs.search,
            tui.screens.help,
        )
        for cls in vars(module).values()
        if isinstance(cls, type)
        and issubclass(cls, ModalScreen)
        and cls.__module__ == module.__name__
    }
    assert len(dialogs) == 7
    assert all(path == DIALOG_CSS for path in dialogs.values()), dialogs


def test_every_dialog_is_a_dialog() -> None:
    """Every modal screen (seven at issue 13, then feeds) shares one base: stylesheet, escape."""
    from textual.screen import ModalScreen

    import tui.screens.help
    from tui.dialogs import Dialog

    modal = [
        cls
        for path in [*(TUI / "dialogs").glob("[!_]*.py"), TUI / "screens" / "help.py"]
        for cls in vars(__import__(f"tui.{path.parent.name}.{path.stem}", fromlist=["_"])).values()
        if isinstance(cls, type)
        and issubclass(cls, ModalScreen)
        and cls.__module__ == f"tui.{path.parent.name}.{path.stem}"
    ]
    assert tui.screens.help.HelpScreen in modal
    assert len(set(modal)) >= 7 and all(issubclass(cls, Dialog) for cls in modal)


def test_no_module_in_tui_is_over_600_lines_and_the_main_screen_is_small() -> None:
    data_modules = {"figures_data.py"}  # word lists
    sizes = {
        str(path.relative_to(TUI)): len(path.read_text(encoding="utf-8").splitlines())
        for path in TUI.rglob("*.py")
        if path.name not in data_modules and "data" not in path.parent.name
    }
    # Being split on other branches now (issue 13): entities into a package, the store and
    # the search index as the index becomes persistent, the figure extractor.
    elsewhere = {
        "core/extract/entities.py",
        "core/extract/figures.py",
        "core/library/store.py",
        "core/search/index.py",
    }
    too_long = {k: n for k, n in sizes.items() if n > 600 and k not in elsewhere}
    assert too_long == {}
    assert sizes["screens/main.py"] <= 350


_PROBE = """
import sys
{code}
loaded = sorted(m for m in sys.modules if m.startswith({prefixes!r}))
print(len(loaded), " ".join(loaded[:5]))
"""


def _textual_modules_after(code: str) -> str:
    return _loaded_after(code, ("textual",))


def _loaded_after(code: str, prefixes: tuple[str, ...]) -> str:
    """How many modules starting with ``prefixes`` a fresh interpreter has after ``code``."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", _PROBE.format(code=code, prefixes=prefixes)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.strip()
    return out


def test_importing_the_core_never_loads_textual() -> None:
    code = (
        "import tui.core, tui.core.model, tui.core.filters, tui.core.export, "
        "tui.core.library, tui.core.library.memory, tui.core.library.protocol, "
        "tui.core.search, tui.core.titles"
    )
    assert _textual_modules_after(code).split()[0] == "0", _textual_modules_after(code)


def test_extract_raw_runs_without_textual(tmp_path: Path) -> None:
    from tests.conftest import SEED_ARTICLE

    code = (
        "import io, contextlib\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['extract', '--raw', {str(SEED_ARTICLE)!r}]) == 0"
    )
    assert _textual_modules_after(code).split()[0] == "0", _textual_modules_after(code)


def test_start_up_imports_stay_deferred() -> None:
    """What the first paint does not need is imported later: the search engine, the
    importer's loaders, the extractors, the dialogs."""
    deferred = (
        "tui.core.search.index",
        "tui.core.loaders",
        "tui.core.extract.entities",
        "tui.dialogs.search",
        "numpy",
        "rapidfuzz",
        "trafilatura",
    )
    out = _loaded_after("import tui.app", deferred)
    assert out.split()[0] == "0", out
