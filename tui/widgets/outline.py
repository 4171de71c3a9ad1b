"""The Outline panel: the article's claims in document order (or grouped by speaker)."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.model import Article, Claim
from tui.widgets.lists import NavList
from tui.widgets.safe_text import sanitize_for_terminal

BAR_WIDTH = 5


def score_bar(score: float, width: int = BAR_WIDTH) -> str:
    """A small bar for a 0..1 score: '▰▰▰▱▱'."""
    filled = round(max(0.0, min(1.0, score)) * width)
    return "▰" * filled + "▱" * (width - filled)


def claim_prompt(claim: Claim, limit: int = 220) -> Content:
    """Score bar, who says it (and via whom), quote marker, hedges, then the sentence."""
    parts: list[str | tuple[str, str]] = [
        (score_bar(claim.score), "$text-success"),
        (f" {claim.score:.2f} ", "$text-muted"),
    ]
    if claim.speaker:
        parts.append((sanitize_for_terminal(claim.speaker), "bold $text-accent"))
    if claim.source:
        parts += [(" via ", "$text-muted"), (sanitize_for_terminal(claim.source), "$text-accent")]
    if claim.quote:
        parts.append((" “quote”", "italic $text-primary"))
    text = sanitize_for_terminal(claim.text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    parts += ["\n", text]
    if claim.hedges:
        hedges = ", ".join(sanitize_for_terminal(h) for h in claim.hedges)
        parts += ["\n", ("hedged: " + hedges, "italic $text-warning")]
    return Content.assemble(*parts)


class OutlinePanel(NavList):
    """Claims; selecting one scrolls the reader to its sentence."""

    BINDINGS = [
        Binding("enter", "select", "Go to claim"),
        Binding("s", "toggle_grouping", "Group by speaker"),
    ]

    group_by_speaker: reactive[bool] = reactive(False)

    class ClaimChosen(Message):
        """The user chose a claim (by cursor or selection)."""

        def __init__(self, claim: Claim, selected: bool = False) -> None:
            super().__init__()
            self.claim = claim
            self.selected = selected  # Enter / click, not just the cursor moving

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self._claims: list[Claim | None] = []  # per option index; None for group headings

    def set_article(self, article: Article | None) -> None:
        self.article = article
        self._rebuild()

    def watch_group_by_speaker(self) -> None:
        self._rebuild()

    def action_toggle_grouping(self) -> None:
        """Group claims by speaker, or show them in document order."""
        self.group_by_speaker = not self.group_by_speaker

    def _rebuild(self) -> None:
        self.clear_options()
        self._claims = []
        claims = sorted(self.article.analysis.claims, key=lambda c: c.span) if self.article else []
        if not claims:
            self.add_option(Option(Content.styled("No claims found", "$text-muted"), disabled=True))
            self._claims.append(None)
            return
        options: list[Option | None] = []
        unattributed = "(unattributed)"
        if self.group_by_speaker:
            groups: dict[str, list[Claim]] = {}
            for claim in claims:
                groups.setdefault(claim.speaker or claim.source or "(unattributed)", []).append(
                    claim
                )
            for who, group in sorted(
                groups.items(), key=lambda kv: (kv[0] == unattributed, -len(kv[1]), kv[0])
            ):
                heading = Content.assemble(
                    (sanitize_for_terminal(who), "bold $text-accent"),
                    (f"  {len(group)}", "$text-muted"),
                )
                options.append(Option(heading, disabled=True))
                self._claims.append(None)
                for claim in group:
                    options.append(Option(claim_prompt(claim)))
                    self._claims.append(claim)
        else:
            for claim in claims:
                options.append(Option(claim_prompt(claim)))
                self._claims.append(claim)
        self.add_options(options)
        first = next((i for i, c in enumerate(self._claims) if c is not None), None)
        if first is not None:
            self.highlighted = first

    def claim_at(self, index: int | None) -> Claim | None:
        if index is None or not 0 <= index < len(self._claims):
            return None
        return self._claims[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        claim = self.claim_at(event.option_index)
        if claim is not None:
            self.post_message(self.ClaimChosen(claim, selected=True))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        claim = self.claim_at(event.option_index)
        if claim is not None and self.has_focus:
            self.post_message(self.ClaimChosen(claim))
