"""The app's settings and memory: the user's config applied, the theme and tabs remembered.

A mixin of the app, so that app.py keeps to loading and actions. The config's problems are
told once, in one notification, after the first paint; a bad file never stops the reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.config import Config, load_config
from tui.state import ReaderState, load_state, save_state

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

# A breakpoint no terminal reaches: side_panels = overlay keeps the folded layout.
NEVER_WIDE = 100_000


class SessionMixin:
    """Reads the config and the remembered state at start, writes the state at exit."""

    config: Config
    remembered: ReaderState

    def load_session(self, config: Config | None = None) -> None:
        """Apply ``config`` (read from its file when None) and the remembered state."""
        self.config = config if config is not None else load_config()
        self.remembered = load_state()
        app: Any = self
        if self.config.keys:
            self.apply_keys()
        theme = self.remembered.theme or self.config.reader.theme
        if theme in app.available_themes:
            app.theme = theme
        elif theme:
            self.config.problems.append(f"unknown theme {theme!r}; using {app.theme}")

    def apply_keys(self) -> None:
        """The config's [keys] through Textual's keymap; unknown ids and clashes reported."""
        from tui.keymap import check_keymap
        from tui.screens.help import help_areas

        app: Any = self
        keymap, problems = check_keymap(self.config.keys, help_areas(type(app)))
        self.config.problems.extend(f"{self.config.path}: {p}" for p in problems)
        app.set_keymap(keymap)

    @property
    def wide_from(self) -> int:
        """Columns from which the side panels sit beside the reader (config [layout])."""
        layout = self.config.layout
        if layout.side_panels == "beside":
            return 0
        if layout.side_panels == "overlay":
            return NEVER_WIDE
        return layout.breakpoint

    def tell_config_problems(self) -> None:
        problems = self.config.problems
        if problems:
            app: Any = self
            lines = "\n".join(problems[:5]) + ("\n…" if len(problems) > 5 else "")
            app.notify(lines, title="Config", severity="warning", markup=False, timeout=10)

    def tabs_to_restore(self, known: set[str]) -> list[str]:
        """The remembered tabs still in the library, the last shown article first."""
        tabs = [t for t in self.remembered.open_tabs if t in known]
        active = self.remembered.active_article
        if active in tabs:
            tabs.remove(active)
            tabs.insert(0, active)
        return tabs

    def save_session(self, main: MainScreen) -> None:
        app: Any = self
        deck = main.deck
        shown = deck.main.article
        self.remembered = ReaderState(
            theme=app.theme,
            open_tabs=list(dict.fromkeys(a.id for a in deck.tab_articles.values())),
            active_article=shown.id if shown is not None else "",
        )
        save_state(self.remembered)
