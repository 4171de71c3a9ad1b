"""Modal dialogs of the reader (Textual screens)."""
