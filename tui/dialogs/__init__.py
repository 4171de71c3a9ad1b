"""Modal dialogs of the reader (Textual screens), all built on :class:`Dialog`."""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from tui.resources import styles_dir

# Every dialog's CSS_PATH: Textual reads the file when the first dialog opens, so it costs
# nothing before the first screen is painted.
DIALOG_CSS: list[str | PurePath] = [str(styles_dir() / "dialogs.tcss")]

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """A modal screen styled by styles/dialogs.tcss; escape cancels (dismisses with None).

    A dialog whose cancel means something else (No, discard?) overrides ``action_cancel``.
    """

    CSS_PATH = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)
