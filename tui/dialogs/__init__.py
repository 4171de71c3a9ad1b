"""Modal dialogs of the reader (Textual screens)."""

from __future__ import annotations

from tui.resources import styles_dir

# Every dialog's CSS_PATH: Textual reads the file when the first dialog opens, so it costs
# nothing before the first screen is painted.
DIALOG_CSS = [str(styles_dir() / "dialogs.tcss")]
