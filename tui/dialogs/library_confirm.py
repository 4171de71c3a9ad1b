"""A modal question before deleting something from the library."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui.dialogs import Dialog
from tui.dialogs._text import inert


class ConfirmDelete(Dialog[bool]):
    """Ask "Delete <title>?". Dismisses True on Delete (y), False on Cancel (n, escape).

    Cancel has the focus, so a stray enter never deletes.
    """

    BINDINGS = [
        Binding("y", "confirm", "Delete", id="confirm"),
        Binding("n,escape", "cancel", "Cancel", id="cancel"),
    ]

    def __init__(
        self,
        title: str,
        detail: str = "Its notes and stars are deleted with it. This cannot be undone.",
    ) -> None:
        super().__init__()
        self._title = title or "(untitled)"
        self._detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(inert(f"Delete “{self._title}”?"), id="confirm-question")
            if self._detail:
                yield Static(inert(self._detail), id="confirm-detail")
            with Horizontal(id="confirm-buttons"):
                yield Button("Delete", variant="error", id="confirm-delete")
                yield Button("Cancel", variant="primary", id="confirm-cancel")

    def on_mount(self) -> None:
        self.query_one("#confirm-cancel", Button).focus()

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-delete")
