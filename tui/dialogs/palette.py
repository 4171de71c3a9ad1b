"""The reader's own commands in the command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import NewsReaderApp

# (name, help, action string run on the app). Fixed command names only: no article text is
# ever fuzzy-matched here.
COMMANDS: list[tuple[str, str, str]] = [
    ("Open file or folder", "Load articles with the file picker", "app.open"),
    (
        "Search all articles",
        'Fuzzy search: words, "phrase", @entity, kind:, site:',
        "screen.search",
    ),
    ("Find in article", "Fuzzy search within the current article", "screen.find"),
    (
        "Star / unstar article",
        "Keep the current article starred in the library",
        "screen.star_article",
    ),
    ("Mark read / unread", "Toggle the current article's read state", "screen.toggle_read"),
    ("Note on article", "Write a note on the current article", "screen.note_article"),
    ("Show all / unread / starred", "Cycle the article list filter", "screen.cycle_filter"),
    ("Filter article list", "unread, starred, site:, since:, @entity", "screen.filter"),
    (
        "Delete article",
        "Remove the current article from the library (asks first)",
        "screen.delete_article",
    ),
    ("Toggle side panels", "Show or hide Outline, Entities and Figures", "screen.toggle_panels"),
    ("Show Outline", "Claims in document order", "screen.show_panel('outline')"),
    ("Show Entities", "People, organisations and places", "screen.show_panel('entities')"),
    ("Show Figures", "Numbers the article cites", "screen.show_panel('figures')"),
    (
        "Toggle entity highlights",
        "Mark entity mentions in the text",
        "screen.toggle_highlight('entities')",
    ),
    ("Toggle figure highlights", "Mark figures in the text", "screen.toggle_highlight('figures')"),
    (
        "Toggle claim highlights",
        "Mark claim sentences in the text",
        "screen.toggle_highlight('claims')",
    ),
    ("Toggle split view", "Compare two articles side by side", "screen.toggle_split"),
    ("Open in new tab", "Open the highlighted article in a new tab", "screen.new_tab"),
    ("Close tab", "Close the current article tab", "screen.close_tab"),
    ("Stories", "Articles about the same event, side by side (S)", "app.stories"),
    (
        "Entity view",
        "The highlighted entity (Entities panel) across the library (E)",
        "app.entity_view",
    ),
    ("Toggle light / dark theme", "Switch between the light and dark theme", "app.toggle_theme"),
    (
        "Export article as Markdown",
        "Write the current article's analysis to a file",
        "app.export_markdown",
    ),
    ("Keys (help)", "Every key binding with its description", "app.help"),
]


class ReaderCommands(Provider):
    """Open, panels, highlights, split, theme, export and help."""

    def _runner(self, action: str) -> Callable[[], object]:
        app: NewsReaderApp = self.app  # type: ignore[assignment]

        def run() -> None:
            app.run_reader_action(action)

        return run

    async def discover(self) -> Hits:
        for name, help_, action in COMMANDS:
            yield DiscoveryHit(name, self._runner(action), help=help_)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_, action in COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), self._runner(action), name, help_)
