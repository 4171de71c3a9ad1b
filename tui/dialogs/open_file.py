"""Open a file or a folder: a directory tree and a path field in a modal."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text, TextType
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Static

from tui.core.textsafe import sanitize_for_terminal
from tui.dialogs import DIALOG_CSS
from tui.widgets.safe_input import SafeInput


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


class OpenDialog(ModalScreen[str | None]):
    """Pick a file (Enter on it) or type a file/folder path and press Enter."""

    CSS_PATH = DIALOG_CSS

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, root: str | Path = ".") -> None:
        super().__init__()
        self.root = Path(root)

    def compose(self) -> ComposeResult:
        with Vertical(id="open-box"):
            yield Static("Enter on a file opens it; Enter on a folder puts it in the path field.")
            yield SafeDirectoryTree(str(self.root), id="open-tree")
            yield SafeInput(
                placeholder="path to a file or folder, or an http(s):// address", id="open-path"
            )
            with Horizontal(id="open-buttons"):
                yield Button("Open", id="open-ok", variant="primary")
                yield Button("Cancel", id="open-cancel")

    def on_mount(self) -> None:
        self.query_one("#open-box").border_title = "Open a file or folder"
        self.query_one(DirectoryTree).focus()

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
        if not Path(value).expanduser().exists():
            self.notify(
                f"No such file or folder: {sanitize_for_terminal(value)}",
                severity="error",
                markup=False,
            )
            return
        self.dismiss(str(Path(value).expanduser()))

    @on(Button.Pressed, "#open-cancel")
    def action_cancel(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
