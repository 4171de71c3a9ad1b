"""A small app for the Story view or the entity view alone: `newsreader stories --view`,
`newsreader entity NAME --view` (the reader opens the same screens)."""

from __future__ import annotations

from textual.app import App

from tui.core.library import Library
from tui.screens.entity import EntityScreen
from tui.screens.stories import StoriesScreen


class StoriesApp(App[None]):
    """Opens one screen over the library; leaving that screen quits."""

    TITLE = "newsreader stories"

    def __init__(self, library: Library, entity: str | None = None) -> None:
        super().__init__()
        self.library = library
        self.entity = entity

    def on_mount(self) -> None:
        screen = (
            EntityScreen(self.library, self.entity) if self.entity else StoriesScreen(self.library)
        )
        self.push_screen(screen, callback=self._screen_closed)

    def _screen_closed(self, _result: None) -> None:
        self.exit()
