"""The footer: the keys that apply where the focus is, drawn as one line.

Textual's ``Footer`` mounts a widget per key and recomposes them all whenever the focus
moves; with a dozen keys that was the largest single cost of the first screen
(benchmarks/startup.py). This bar draws the same keys as one line of text, keeps the
column span of each, and turns a click on a key into that key press.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True)
class KeySpan:
    """One key shown in the bar: the columns it covers and the key it presses."""

    start: int
    end: int
    key: str
    enabled: bool


Entry = tuple[str, str, str, bool]  # key, key display, description, enabled
# Actions shown at the right-hand end (search, help), kept when the others do not all fit.
RIGHT_ACTIONS = ("search", "help")


def _entry_width(entry: Entry) -> int:
    _key, display, description, _enabled = entry
    return cell_len(display) + 2 + (cell_len(description) + 1 if description else 0)


class KeyBar(Widget, can_focus=False):
    """The active bindings of the focused widget's chain, and the palette key on the right."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--disabled",
        "key-bar--hover",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[KeySpan] = []
        self._hover: int | None = None
        # The last line drawn and what it was drawn from: the bar is asked to render again
        # after every layout, mostly with nothing changed.
        self._drawn: tuple[tuple[int, int | None], Text] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self._drawn = None
            self.refresh()

    def notify_style_update(self) -> None:
        self._drawn = None  # a theme or style change: colours to look up again
        super().notify_style_update()

    def _entries(self) -> tuple[list[Entry], list[Entry]]:
        """The shown keys, one per action, as (key, key display, description, enabled): those
        of the focused chain on the left; help and the command palette kept on the right."""
        active = self.screen.active_bindings
        by_action: dict[str, Entry] = {}
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in by_action:
                display = self.app.get_key_display(binding)
                by_action[binding.action] = (binding.key, display, binding.description, enabled)
        right = [by_action.pop(action) for action in RIGHT_ACTIONS if action in by_action]
        if self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, _tooltip = found
                display = self.app.get_key_display(binding)
                right.append((binding.key, display, "Commands", enabled))
        return list(by_action.values()), right

    def render(self) -> Text:
        key = (self.size.width, self._hover)
        if self._drawn is not None and self._drawn[0] == key:
            return self._drawn[1]
        text = self._draw()
        self._drawn = (key, text)
        return text

    def _draw(self) -> Text:
        width = self.size.width
        text = Text(no_wrap=True, overflow="crop", end="")
        spans: list[KeySpan] = []
        self._spans = spans
        if not width:
            return text
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        description_style = self.get_component_rich_style("key-bar--description", partial=True)
        disabled_style = self.get_component_rich_style("key-bar--disabled", partial=True)
        hover_style = self.get_component_rich_style("key-bar--hover", partial=True)
        left, right = self._entries()
        # Whole keys only: the right-hand keys first, then as many of the others as fit
        # (one that would be cut at the edge is left out; ? lists them all).
        while right and sum(map(_entry_width, right)) > width:
            right.pop(0)
        right_width = sum(map(_entry_width, right))
        room = width - right_width - (1 if right else 0)
        shown: list[Entry] = []
        used = 0
        for entry in left:
            if used + _entry_width(entry) > room:
                break
            shown.append(entry)
            used += _entry_width(entry)

        def add(entry: Entry) -> None:
            key, display, description, enabled = entry
            start = text.cell_len
            extra = Style() if enabled else disabled_style
            if self._hover == len(spans):
                extra += hover_style
            text.append(f" {display} ", key_style + extra)
            if description:
                text.append(f"{description} ", description_style + extra)
            spans.append(KeySpan(start, text.cell_len, key, enabled))

        for entry in shown:
            add(entry)
        if right:
            text.append(" " * (width - used - right_width))
            for entry in right:
                add(entry)
        return text

    def _span_at(self, x: int) -> int | None:
        return next((i for i, s in enumerate(self._spans) if s.start <= x < s.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._span_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self._span_at(event.x)
        if index is None:
            return
        event.stop()
        span = self._spans[index]
        if span.enabled:
            self.app.simulate_key(span.key)
        else:
            self.app.bell()
