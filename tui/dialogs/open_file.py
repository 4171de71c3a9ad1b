"""Open a file or a folder: a path field (focused, tab completes, ``~`` is home) over a tree."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text, TextType
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, DirectoryTree, Input, Static

from tui.core.paths import complete_path
from tui.core.textsafe import sanitize_for_terminal
from tui.dialogs import Dialog
from tui.widgets.safe_input import SafeInput

HINT = "Type a path (tab completes, ~ is home) or an http(s):// address and Enter, or pick below."


class SafeDirectoryTree(DirectoryTree):
    """A DirectoryTree that shows file names as inert text.

    Tree labels given as strings are parsed as markup, and a file name is hostile input: a
    file called ``[@click=app.quit]x`` would become a click action, and an ESC in a name
    would reach the terminal.
    """

    def process_label(self, label: TextType) -> Text:
        plain = label if isinstance(label, str) else label.plain
        safe = sanitize_for_terminal(plain)
        if isinstance(label, Text) and safe == plain:
            return label
        return Text(safe)


class OpenDialog(Dialog[str | None]):
    """Type a file/folder path and press Enter, or pick a file in the tree."""

    BINDINGS = [
        Binding("tab", "complete", "Complete path", show=False, priority=True, id="complete")
    ]

    def __init__(self, root: str | Path = ".") -> None:
        super().__init__()
        self.root = Path(root)

    def compose(self) -> ComposeResult:
        with Vertical(id="open-box"):
            yield Static(HINT, id="open-hint")
            yield SafeInput(
                placeholder="path to a file or folder, or an http(s):// address", id="open-path"
            )
            yield Static("", id="open-matches", markup=False)
            yield SafeDirectoryTree(str(self.root), id="open-tree")
            with Horizontal(id="open-buttons"):
                yield Button("Open", id="open-ok", variant="primary")
                yield Button("Cancel", id="open-cancel")

    def on_mount(self) -> None:
        self.query_one("#open-box").border_title = "Open a file or folder"
        self.query_one("#open-path", Input).focus()

    def action_complete(self) -> None:
        """Tab in the path field completes it; elsewhere it moves the focus on."""
        field = self.query_one("#open-path", Input)
        if self.focused is not field:
            self.focus_next()
            return
        completed, candidates = complete_path(field.value, self.root)
        field.value = completed
        field.cursor_position = len(completed)
        shown = "  ".join(candidates) if len(candidates) > 1 else ""
        self.query_one("#open-matches", Static).update(Content(sanitize_for_terminal(shown)))
        folder = Path(completed).expanduser()
        if completed.endswith(("/", "\\")) and folder.is_dir():
            self.query_one(DirectoryTree).path = folder

    @on(DirectoryTree.FileSelected)
    def _file(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(str(event.path))

    @on(DirectoryTree.DirectorySelected)
    def _directory(self, event: DirectoryTree.DirectorySelected) -> None:
        self.query_one("#open-path", Input).value = str(event.path)

    @on(Input.Submitted, "#open-path")
    @on(Button.Pressed, "#open-ok")
    def _submit(self) -> None:
        value = self.query_one("#open-path", Input).value.strip()
        if not value:
            self.notify("Type a path or pick a file", severity="warning", markup=False)
            return
        from tui.core.fetch.safety import is_url

        if is_url(value):
            self.dismiss(value)  # fetched by the import (tui.core.feeds.urls)
            return
        path = Path(value).expanduser()
        if not path.is_absolute():
            path = self.root / path
        if not path.exists():
            self.notify(
                f"No such file or folder: {sanitize_for_terminal(value)}",
                severity="error",
                markup=False,
            )
            return
        self.dismiss(str(path))

    @on(Button.Pressed, "#open-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
