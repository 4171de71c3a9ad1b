"""A small modal editor for a note on an article or on one of its claims."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static, TextArea

from tui.dialogs import Dialog
from tui.dialogs._text import SafeTextArea, inert


class NoteEditor(Dialog[str | None]):
    """Edit a note. Dismisses with the text on Save (ctrl+s), None on Cancel (escape; twice
    when text was typed).

    Saving an empty note returns "" (the library deletes a blank note).
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+s", "save", "Save", id="save"),
    ]

    def __init__(self, text: str = "", *, title: str = "Note", quote: str | None = None) -> None:
        """``quote`` is the claim the note is about, shown above the editor."""
        super().__init__()
        self._initial = text
        self._title = title
        self._quote = quote
        self._warned = False  # escape was pressed once with unsaved text

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Static(inert(self._title), id="note-title")
            if self._quote:
                yield Static(inert(f"“{self._quote}”"), id="note-quote")
            yield SafeTextArea(self._initial, id="note-text", soft_wrap=True)
            with Horizontal(id="note-buttons"):
                yield Button("Save", variant="primary", id="note-save")
                yield Button("Cancel", id="note-cancel")

    def on_mount(self) -> None:
        editor = self.query_one("#note-text", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    @property
    def text(self) -> str:
        return self.query_one("#note-text", TextArea).text

    def action_save(self) -> None:
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        """Close without saving; typed text is discarded only on a second escape."""
        if self.text != self._initial and not self._warned:
            self._warned = True
            self.notify(
                "The note is not saved: escape again discards it, ctrl+s saves it",
                severity="warning",
                markup=False,
            )
            return
        self.dismiss(None)


    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.dismiss(None)  # the Cancel button is an explicit discard
