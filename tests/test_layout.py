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
