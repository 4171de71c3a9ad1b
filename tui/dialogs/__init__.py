"""Modal dialogs of the reader."""
