"""Widgets of the reader, one per pane."""
