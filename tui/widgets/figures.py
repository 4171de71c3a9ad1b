"""The Figures panel: each number the article cites, its kind, value and phrase."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.model import Article, Figure
from tui.widgets.lists import NavList
from tui.widgets.safe_text import sanitize_for_terminal

CONTEXT_CHARS = 36


PLAIN_KINDS = {"year", "year_range", "date"}


def format_value(value: float | str | None, kind: str = "") -> str:
    """A normalised value, readable: integers with separators (not years), floats to 4
    significant digits."""
    if value is None:
        return "?"
    if isinstance(value, str):
        return sanitize_for_terminal(value)
    if float(value).is_integer() and abs(value) < 1e18:
        return str(int(value)) if kind in PLAIN_KINDS else f"{int(value):,}"
    return f"{value:,.4g}"


def normalised(fig: Figure) -> str:
    """'≈ 5,500,000,000 USD', '2020..2024', '36 percent'."""
    text = format_value(fig.value, fig.kind)
    if fig.value_max is not None:
        text += "–" + format_value(fig.value_max, fig.kind)
    if fig.unit:
        text += " " + sanitize_for_terminal(fig.unit)
    elif fig.kind == "percent":
        text += " %"
    return ("≈ " if fig.approx else "") + text


def phrase(article: Article, fig: Figure, context: int = CONTEXT_CHARS) -> str:
    """The words around the figure inside its sentence, trimmed to ``context`` each side."""
    start, end = fig.span
    lo, hi = 0, len(article.text)
    if 0 <= fig.sentence < len(article.sentences):
        lo, hi = article.sentences[fig.sentence]
    left = max(lo, start - context)
    right = min(hi, end + context)
    before = article.text[left:start]
    after = article.text[end:right]
    if left > lo and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if right < hi and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return sanitize_for_terminal(before + article.text[start:end] + after)


def figure_prompt(article: Article, fig: Figure) -> Content:
    return Content.assemble(
        (sanitize_for_terminal(fig.text), "bold $text-warning"),
        (f"  {fig.kind}", "$text-muted"),
        ("  = " + normalised(fig), "$text-success"),
        "\n",
        (phrase(article, fig), "italic"),
    )


class FiguresPanel(NavList):
    """Figures in document order; selecting one jumps to it in the reader."""

    BINDINGS = [Binding("enter", "select", "Go to figure", id="select")]

    class FigureChosen(Message):
        def __init__(self, figure: Figure, selected: bool = False) -> None:
            super().__init__()
            self.figure = figure
            self.selected = selected

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self._figures: list[Figure] = []

    def set_article(self, article: Article | None) -> None:
        self.article = article
        self.clear_options()
        self._figures = sorted(article.analysis.figures, key=lambda f: f.span) if article else []
        if not self._figures or article is None:
            self.add_option(
                Option(Content.styled("No figures found", "$text-muted"), disabled=True)
            )
            return
        self.add_options(Option(figure_prompt(article, f)) for f in self._figures)
        self.highlighted = 0

    def figure_at(self, index: int | None) -> Figure | None:
        if index is None or not 0 <= index < len(self._figures):
            return None
        return self._figures[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        fig = self.figure_at(event.option_index)
        if fig is not None:
            self.post_message(self.FigureChosen(fig, selected=True))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        fig = self.figure_at(event.option_index)
        if fig is not None and self.has_focus:
            self.post_message(self.FigureChosen(fig))
