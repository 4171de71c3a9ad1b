"""Ask where to write the current article as Markdown."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.dialogs import Dialog
from tui.widgets.safe_input import SafeInput


class ExportDialog(Dialog[str | None]):
    """A path field; Enter exports, Escape cancels."""

    def __init__(self, default_path: str) -> None:
        super().__init__()
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static("Write the article, its claims, entities and figures as Markdown to:")
            yield SafeInput(value=self.default_path, id="export-path")

    def on_mount(self) -> None:
        self.query_one("#export-box").border_title = "Export as Markdown"
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(value or None)

