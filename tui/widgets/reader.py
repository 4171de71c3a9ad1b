"""The reader: an article's headline, metadata and body, drawn with Textual's line API.

Only the visible lines are rendered. The body is wrapped once per width into a list of
(start, end) character spans over ``Article.text`` and each visible line becomes a Strip on
demand (cached), so a 5 MB article costs a fast wrap pass and then a screenful of work.
Highlights (entities, figures, claim sentences, the selected item, search hits) are spans
over the same text, so they line up with what the extractors report.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.model import Article, Span
from tui.widgets.format import display_date, display_site, display_title
from tui.widgets.safe_text import sanitize_for_terminal, sanitize_with_map

# Line kinds in the layout.
_BODY, _TITLE, _META, _BLANK, _RULE, _NOTE = range(6)

MAX_READING_WIDTH = 88


@dataclass(slots=True)
class _Highlight:
    start: int
    end: int
    component: str


def wrap_spans(text: str, start: int, end: int, width: int) -> list[Span]:
    """Greedy word wrap of ``text[start:end]`` to ``width`` cells, as spans over ``text``.

    ASCII paragraphs (the common case) use only ``str.rfind``; other text is measured in
    terminal cells after sanitizing, so wide (CJK) characters and placeholders fit.
    """
    width = max(1, width)
    out: list[Span] = []
    ascii_only = text[start:end].isascii()
    s = start
    while s < end:
        cut = min(end, s + width)
        if not ascii_only:
            # Shrink until the sanitized slice fits in the width.
            while cut > s + 1:
                over = cell_len(sanitize_for_terminal(text[s:cut])) - width
                if over <= 0:
                    break
                cut -= max(1, over // 2)
        if cut >= end:
            out.append((s, end))
            break
        space = text.rfind(" ", s, cut + 1)
        if space > s:
            out.append((s, space))
            s = space + 1
        else:
            out.append((s, cut))
            s = cut
        while s < end and text[s] == " ":
            s += 1
    return out


class ArticleView(ScrollView, can_focus=True):
    """Scrollable view of one article, with highlight layers and a stepping cursor (n/N)."""

    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--meta",
        "article-view--note",
        "article-view--rule",
        "article-view--entity",
        "article-view--figure",
        "article-view--claim",
        "article-view--mark",
        "article-view--focus",
        "article-view--current",
    }

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="scroll_down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="scroll_up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="scroll_home"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="scroll_end"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="page_down"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="page_up"),
    ]

    show_entities: reactive[bool] = reactive(True)
    show_figures: reactive[bool] = reactive(True)
    show_claims: reactive[bool] = reactive(True)

    class MarkMoved(Message):
        """The stepping cursor moved to hit ``index`` of ``total``."""

        def __init__(self, view: ArticleView, index: int, total: int, label: str) -> None:
            super().__init__()
            self.view = view
            self.index = index
            self.total = total
            self.label = label

    class Scrolled(Message):
        """The view's article was scrolled (once per article shown): it is being read."""

        def __init__(self, view: ArticleView) -> None:
            super().__init__()
            self.view = view

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.article: Article | None = None
        self._note = ""  # the user's note on the article, shown under its dates
        self._scrolled = False  # Scrolled was posted for this article
        self._lines: list[tuple[int, int, int]] = []  # (kind, a, b)
        self._header: list[str] = []
        self._body_line_starts: list[int] = []  # char start of each body line...
        self._body_line_rows: list[int] = []  # ...and its row in _lines
        self._layout_width = 0
        self._strips: LRUCache[int, Strip] = LRUCache(2048)
        self._layers: list[_Highlight] = []  # entity/figure/claim layers, sorted by start
        self._marks: list[Span] = []
        self._mark_label = ""
        self._mark_index = -1
        self._focus_span: Span | None = None
        self._overlays: list[_Highlight] = []  # marks, focus and current, sorted by start
        self._max_span = 0
        self._frame_style: Style | None = None  # rich_style for the frame being rendered

    # ---------------------------------------------------------------- public API

    def set_article(self, article: Article | None) -> None:
        """Show ``article`` from its top, with no selection."""
        self.article = article
        self._note = ""
        self._scrolled = False
        self._marks, self._mark_index, self._mark_label = [], -1, ""
        self._focus_span = None
        self._build_layers()
        self._layout_width = 0
        self._relayout()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def set_note(self, note: str) -> None:
        """Show the user's note on the article at its top (plain text; "" shows none)."""
        if note == self._note:
            return
        self._note = note
        self._layout_width = 0  # the header changed: wrap again
        self._relayout()

    @property
    def note(self) -> str:
        return self._note

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value > 0 and self.article is not None and not self._scrolled:
            self._scrolled = True
            self.post_message(self.Scrolled(self))

    @property
    def marks(self) -> list[Span]:
        """The spans that n / N step through."""
        return list(self._marks)

    @property
    def mark_index(self) -> int:
        return self._mark_index

    @property
    def focus_span(self) -> Span | None:
        return self._focus_span

    def show_span(self, span: Span) -> None:
        """Highlight ``span`` as the selection and scroll it into the middle of the view."""
        self._focus_span = span
        self._marks, self._mark_index, self._mark_label = [], -1, ""
        self._rebuild_overlays()
        self.scroll_to_offset(span[0])

    def set_marks(
        self, spans: list[Span], label: str = "", jump: bool = True, current: Span | None = None
    ) -> None:
        """Highlight every span in ``spans`` and step through them with n / N.

        With ``jump``, scroll to ``current`` (one of the spans) or else the first.
        """
        self._marks = sorted(set(spans))
        self._mark_label = label
        self._focus_span = None
        self._mark_index = -1
        if jump and self._marks:
            self._mark_index = self._marks.index(current) if current in self._marks else 0
            self.scroll_to_offset(self._marks[self._mark_index][0])
            self._post_mark()
        self._rebuild_overlays()

    def clear_selection(self) -> None:
        """Drop the selection and the n / N hits."""
        self._marks, self._mark_index, self._mark_label = [], -1, ""
        self._focus_span = None
        self._rebuild_overlays()

    def row_of_offset(self, offset: int) -> int:
        """The layout row that shows character ``offset`` of the article text."""
        if not self._body_line_starts:
            return 0
        i = max(0, bisect_right(self._body_line_starts, offset) - 1)
        return self._body_line_rows[i]

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that character ``offset`` is on screen, about a third from the top."""
        row = self.row_of_offset(offset)
        height = max(1, self.scrollable_content_region.height)
        top = max(0, row - height // 3)
        self.scroll_to(y=top, animate=False, immediate=True)

    def visible_text(self) -> list[str]:
        """The plain text of the rows on screen (for tests and the terminal check)."""
        top = int(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        return [self._plain_row(row) for row in range(top, min(len(self._lines), top + height))]

    # ---------------------------------------------------------------- actions

    def action_next_mark(self) -> None:
        """Step to the next highlighted hit."""
        self._step(1)

    def action_previous_mark(self) -> None:
        """Step to the previous highlighted hit."""
        self._step(-1)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    # ---------------------------------------------------------------- internals

    def _step(self, direction: int) -> None:
        if not self._marks:
            self.notify("Nothing to step through: select an entity or find a word", timeout=2)
            return
        self._mark_index = (self._mark_index + direction) % len(self._marks)
        self._rebuild_overlays()
        self.scroll_to_offset(self._marks[self._mark_index][0])
        self._post_mark()

    def _post_mark(self) -> None:
        self.post_message(
            self.MarkMoved(self, self._mark_index, len(self._marks), self._mark_label)
        )

    def _build_layers(self) -> None:
        layers: list[_Highlight] = []
        article = self.article
        if article is not None:
            analysis = article.analysis
            if self.show_claims:
                layers += [_Highlight(*c.span, "article-view--claim") for c in analysis.claims]
            if self.show_entities:
                layers += [
                    _Highlight(s, e, "article-view--entity")
                    for ent in analysis.entities
                    for s, e in ent.mentions
                ]
            if self.show_figures:
                layers += [_Highlight(*f.span, "article-view--figure") for f in analysis.figures]
        layers.sort(key=lambda h: h.start)
        self._layers = layers
        self._rebuild_overlays()

    def _rebuild_overlays(self) -> None:
        overlays = [_Highlight(s, e, "article-view--mark") for s, e in self._marks]
        if 0 <= self._mark_index < len(self._marks):
            s, e = self._marks[self._mark_index]
            overlays.append(_Highlight(s, e, "article-view--current"))
        if self._focus_span is not None:
            overlays.append(_Highlight(*self._focus_span, "article-view--focus"))
        overlays.sort(key=lambda h: h.start)
        self._overlays = overlays
        spans = self._layers + overlays
        self._max_span = max((h.end - h.start for h in spans), default=0)
        self._strips.clear()
        self.refresh()

    def watch_show_entities(self) -> None:
        self._build_layers()

    def watch_show_figures(self) -> None:
        self._build_layers()

    def watch_show_claims(self) -> None:
        self._build_layers()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_resize(self) -> None:
        self._relayout()

    def _reading_width(self) -> int:
        width = self.scrollable_content_region.width or self.size.width
        return max(10, min(MAX_READING_WIDTH, width - 1))

    def _relayout(self) -> None:
        """Wrap the article to the current width (only when the width changed)."""
        if not self.size.width:
            # Not laid out yet: wrapping now would use a made-up width (and, for a huge
            # article, waste a full pass). on_resize does it once the width is known.
            self._lines, self._layout_width = [], 0
            self.virtual_size = Size(0, 0)
            return
        width = self._reading_width()
        if width == self._layout_width and self._lines:
            return
        anchor = None
        if self._lines and self._body_line_starts:
            top = int(self.scroll_offset.y)
            kind, a, _ = self._lines[min(top, len(self._lines) - 1)]
            anchor = a if kind == _BODY else None
        self._layout_width = width
        self._lines, self._header = [], []
        self._body_line_starts, self._body_line_rows = [], []
        self._strips.clear()
        article = self.article
        if article is None:
            # Nothing to scroll: keeping the empty size spares the first paint a relayout.
            self.virtual_size = Size(0, 0)
            self.refresh()
            return
        lines = self._lines
        for kind, value in self._header_parts(article):
            if kind == _RULE:
                lines.append((_RULE, 0, 0))
                continue
            if kind == _BLANK:
                lines.append((_BLANK, 0, 0))
                continue
            for s, e in wrap_spans(value, 0, len(value), width):
                lines.append((kind, len(self._header), 0))
                self._header.append(value[s:e])
        text = article.text
        if article.paragraphs:
            paragraphs = article.paragraphs
        else:  # imported here: the splitter is not needed to paint the first screen
            from tui.core.sentences import split_paragraphs

            paragraphs = split_paragraphs(text)
        starts, rows = self._body_line_starts, self._body_line_rows
        for p_start, p_end in paragraphs:
            for s, e in wrap_spans(text, p_start, p_end, width):
                starts.append(s)
                rows.append(len(lines))
                lines.append((_BODY, s, e))
            lines.append((_BLANK, 0, 0))
        self.virtual_size = Size(width, len(lines))
        if anchor is not None:
            self.scroll_to(y=self.row_of_offset(anchor), animate=False, immediate=True)
        self.refresh()

    def _header_parts(self, article: Article) -> list[tuple[int, str]]:
        parts: list[tuple[int, str]] = [(_TITLE, display_title(article, limit=1000))]
        byline = []
        if article.authors:
            byline.append("By " + ", ".join(sanitize_for_terminal(a) for a in article.authors))
        for value in (display_site(article), sanitize_for_terminal(article.section)):
            if value:
                byline.append(value)
        if byline:
            parts.append((_META, " · ".join(byline)))
        dates = []
        if article.published:
            dates.append("Published " + display_date(article.published))
        if article.updated:
            dates.append("Updated " + display_date(article.updated))
        if dates:
            parts.append((_META, " · ".join(dates)))
        if self._note.strip():
            parts.append((_NOTE, "✎ " + sanitize_for_terminal(self._note.strip())))
        parts += [(_RULE, ""), (_BLANK, "")]
        return parts

    def _plain_row(self, row: int) -> str:
        kind, a, b = self._lines[row]
        if kind == _BODY and self.article is not None:
            return sanitize_with_map(self.article.text[a:b])[0]
        if kind in (_TITLE, _META, _NOTE):
            return self._header[a]
        if kind == _RULE:
            return "─" * self._layout_width
        return ""

    def render_lines(self, crop: Region) -> list[Strip]:
        # rich_style walks every ancestor's background: look it up once a frame, not a line.
        self._frame_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._frame_style = None

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.scrollable_content_region.width
        base = self._frame_style or self.rich_style
        if row >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._strips.get(row)
        if strip is None:
            strip = self._render_row(row, base)
            self._strips[row] = strip
        left = max(0, (width - self._layout_width) // 2)
        if left:
            strip = Strip([Segment(" " * left, base), *strip], strip.cell_length + left)
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_offsets(scroll_x, row)

    def _render_row(self, row: int, base: Style) -> Strip:
        kind, a, b = self._lines[row]
        if kind == _BODY and self.article is not None:
            text = self._body_text(a, b, base)
        elif kind == _TITLE:
            text = Text(self._header[a], style=self.get_component_rich_style("article-view--title"))
        elif kind == _META:
            text = Text(self._header[a], style=self.get_component_rich_style("article-view--meta"))
        elif kind == _NOTE:
            text = Text(self._header[a], style=self.get_component_rich_style("article-view--note"))
        elif kind == _RULE:
            style = self.get_component_rich_style("article-view--rule")
            text = Text("─" * self._layout_width, style=style)
        else:
            text = Text("")
        text.no_wrap = True
        text.end = ""
        # Text.render ignores Text.style (only __rich_console__ applies it): make it a span.
        text.stylize_before(text.style or base)
        segments = list(text.render(self.app.console))
        return Strip(segments, text.cell_len)

    def _body_text(self, start: int, end: int, base: Style) -> Text:
        assert self.article is not None
        raw = self.article.text[start:end]
        safe, index = sanitize_with_map(raw)
        text = Text(safe, style=base)
        for layer in (self._layers, self._overlays):
            for h in self._intersecting(layer, start, end):
                a = max(h.start, start) - start
                b = min(h.end, end) - start
                if index is not None:
                    a, b = bisect_left(index, a), bisect_left(index, b)
                if b > a:
                    text.stylize(self.get_component_rich_style(h.component), a, b)
        return text

    def _intersecting(self, spans: list[_Highlight], start: int, end: int) -> list[_Highlight]:
        if not spans:
            return []
        # Spans are sorted by start; walk back from the first that starts at or after `end`
        # as far as the longest span could reach.
        hi = bisect_left(spans, end, key=lambda h: h.start)
        floor = start - self._max_span
        found = []
        i = hi - 1
        while i >= 0 and spans[i].start >= floor:
            h = spans[i]
            if h.end > start:
                found.append(h)
            i -= 1
        found.reverse()
        return found
