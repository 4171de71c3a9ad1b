"""An OptionList with vim keys, the base of every list pane."""

from __future__ import annotations

from textual.binding import Binding
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import OptionList


class NavList(OptionList):
    """OptionList that also moves with j/k, g/G and the page keys."""

    _blank_line: Strip | None = None
    _line_total = 0  # lines of options, counted once a frame
    _measured_width = -1  # the width the options' heights were measured at

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("k", "cursor_up", "Up", show=False, id="cursor_up"),
        Binding("g", "first", "First", show=False, id="first"),
        Binding("G", "last", "Last", show=False, id="last"),
        Binding("enter", "select", "Go to", show=True, id="select"),
    ]

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        if width != self._measured_width:
            # OptionList measures option heights once, and again only when the widget is
            # resized; a scrollbar appearing narrows the text without a resize, and the last
            # line of every wrapped option would be cut. Measure again at the new width.
            self._measured_width = width
            self._option_render_cache.clear()
            self._line_cache.clear()
        self._blank_line = None
        self._line_total = len(self._lines)  # (the property brings the line cache up to date)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        # Lines below the last option are blank: build that strip once a frame, not per line
        # (OptionList looks its style up for each one, a visible cost on a tall, empty panel).
        if self.scroll_offset.y + y >= self._line_total:
            blank = self._blank_line
            if blank is None:
                width = self.scrollable_content_region.width
                style = self.get_visual_style("option-list--option").rich_style
                blank = self._blank_line = Strip.blank(width, style)
            return blank
        return super().render_line(y)
