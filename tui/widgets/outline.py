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


def claim_key_of(claim: Claim) -> str:
    """The library's stable id of a claim (imported late: the library is not needed to paint)."""
    from tui.core.library.store import claim_key

    return claim_key(claim)


def claim_prompt(
    claim: Claim, limit: int = 220, *, starred: bool = False, note: str | None = None
) -> Content:
    """Star and note marks, score bar, who says it (and via whom), quote, sentence, hedges,
    and the user's note on the claim (plain text: it may quote the article)."""
    parts: list[str | tuple[str, str]] = []
    if starred:
        parts.append(("★ ", "bold $text-warning"))
    if note is not None:
        parts.append(("✎ ", "bold $text-accent"))
    parts += [
        (score_bar(claim.score), "$text-success"),
        (f" {claim.score:.2f} ", "$text-muted"),
    ]
    if claim.speaker:
        parts.append((sanitize_for_terminal(claim.speaker), "bold $text-accent"))
    if claim.source:
        parts += [(" via ", "$text-muted"), (sanitize_for_terminal(claim.source), "$text-accent")]
    if claim.quote:
        parts.append((" “quote”", "italic $text-primary"))
    if not claim.key_claim:
        # An attributed statement that is not check-worthy: there, but quieter.
        parts.append((" · statement", "italic $text-muted"))
    text = sanitize_for_terminal(claim.text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    parts += ["\n", text if claim.key_claim else (text, "$text-muted")]
    if claim.hedges:
        hedges = ", ".join(sanitize_for_terminal(h) for h in claim.hedges)
        parts += ["\n", ("hedged: " + hedges, "italic $text-warning")]
    if note:
        parts += ["\n", ("✎ " + sanitize_for_terminal(note), "italic $text-muted")]
    return Content.assemble(*parts)


class OutlinePanel(NavList):
    """Claims; selecting one scrolls the reader to its sentence."""

    BINDINGS = [
        Binding("enter", "select", "Go to claim", id="select"),
        Binding("s", "toggle_grouping", "Group by speaker", id="toggle_grouping"),
        Binding("asterisk", "star_claim", "Star claim", id="star_claim"),
        Binding("a", "note_claim", "Note on claim", id="note_claim"),
        Binding("K", "toggle_key_only", "Key claims only / all", id="toggle_key_only"),
    ]

    group_by_speaker: reactive[bool] = reactive(False)
    key_claims_only: reactive[bool] = reactive(False)

    class ClaimChosen(Message):
        """The user chose a claim (by cursor or selection)."""

        def __init__(self, claim: Claim, selected: bool = False) -> None:
            super().__init__()
            self.claim = claim
            self.selected = selected  # Enter / click, not just the cursor moving

    class StarRequested(Message):
        """Star or unstar this claim."""

        def __init__(self, claim: Claim) -> None:
            super().__init__()
            self.claim = claim

    class NoteRequested(Message):
        """Open the note editor for this claim."""

        def __init__(self, claim: Claim) -> None:
            super().__init__()
            self.claim = claim

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self._claims: list[Claim | None] = []  # per option index; None for group headings
        self.starred: set[str] = set()  # claim keys
        self.notes: dict[str, str] = {}  # claim key -> the user's note on it

    def set_article(
        self,
        article: Article | None,
        starred: set[str] | None = None,
        notes: dict[str, str] | None = None,
    ) -> None:
        """Show ``article``'s claims; ``starred`` are claim keys to mark, ``notes`` the notes
        (by claim key) to show under their claims."""
        self.article = article
        self.starred = set(starred or ())
        self.notes = dict(notes or {})
        self._rebuild()

    def set_flags(self, starred: set[str], notes: dict[str, str]) -> None:
        """Update the star marks and the notes, keeping the cursor."""
        self.starred, self.notes = set(starred), dict(notes)
        for index, claim in enumerate(self._claims):
            if claim is not None:
                self.replace_option_prompt_at_index(index, self._prompt(claim))

    def _prompt(self, claim: Claim) -> Content:
        if not (self.starred or self.notes):
            return claim_prompt(claim)
        key = claim_key_of(claim)
        return claim_prompt(claim, starred=key in self.starred, note=self.notes.get(key))

    @property
    def current_claim(self) -> Claim | None:
        return self.claim_at(self.highlighted)

    def action_star_claim(self) -> None:
        """Star or unstar the highlighted claim (kept in the library)."""
        claim = self.current_claim
        if claim is not None:
            self.post_message(self.StarRequested(claim))

    def action_note_claim(self) -> None:
        """Write a note on the highlighted claim."""
        claim = self.current_claim
        if claim is not None:
            self.post_message(self.NoteRequested(claim))

    def watch_group_by_speaker(self) -> None:
        self._rebuild()

    def watch_key_claims_only(self) -> None:
        self._rebuild()

    def action_toggle_key_only(self) -> None:
        """Show only the check-worthy claims, or every attributed statement too."""
        self.key_claims_only = not self.key_claims_only

    def action_toggle_grouping(self) -> None:
        """Group claims by speaker, or show them in document order."""
        self.group_by_speaker = not self.group_by_speaker

    def _rebuild(self) -> None:
        self.clear_options()
        self._claims = []
        claims = sorted(self.article.analysis.claims, key=lambda c: c.span) if self.article else []
        if self.key_claims_only:
            claims = [c for c in claims if c.key_claim]
        if not claims:
            empty = (
                "No key claims (K shows every statement)"
                if self.key_claims_only
                else "No claims found"
            )
            self.add_option(Option(Content.styled(empty, "$text-muted"), disabled=True))
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
                    options.append(Option(self._prompt(claim)))
                    self._claims.append(claim)
        else:
            for claim in claims:
                options.append(Option(self._prompt(claim)))
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
