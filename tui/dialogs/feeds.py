"""The Feeds pane: each subscription with its unread count and, if its last refresh failed, why."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.feeds import Feed, FeedCounts
from tui.core.fetch import redact
from tui.core.textsafe import sanitize_for_terminal
from tui.dialogs import Dialog

HELP = "Enter: show this feed's articles   R: refresh all   escape: close"


def feed_line(feed: Feed, counts: FeedCounts | None) -> Content:
    """One line for a feed: name, unread/total, and the failure reason if any (plain text)."""
    name = sanitize_for_terminal(feed.name)
    unread, total = (counts.unread, counts.articles) if counts else (0, 0)
    line = Content(f"{name}  ").append(Content.styled(f"{unread} unread / {total}", "bold"))
    if feed.last_error:
        reason = sanitize_for_terminal(feed.last_error)
        line = line.append(Content.styled(f"  ✗ {reason}", "$error"))
    return line


class FeedsDialog(Dialog[int | None]):
    """Pick a subscription (returns its id) to filter the article list by it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="cancel"),
        Binding("R", "refresh_all", "Refresh all", id="refresh_all"),
    ]

    def __init__(self, feeds: list[Feed], counts: dict[int, FeedCounts]) -> None:
        super().__init__()
        self.feeds, self.counts = feeds, counts

    def compose(self) -> ComposeResult:
        with Vertical(id="feeds-box"):
            options = [
                Option(feed_line(f, self.counts.get(f.id)), id=str(f.id)) for f in self.feeds
            ]
            yield OptionList(*options, id="feeds-list")
            empty = "No subscriptions: newsreader feeds add URL" if not self.feeds else ""
            yield Static(empty or HELP, id="feeds-help", markup=False)

    def on_mount(self) -> None:
        box = self.query_one("#feeds-box")
        box.border_title = f"Feeds ({len(self.feeds)})"
        if self.feeds:
            box.border_subtitle = sanitize_for_terminal(redact(self.feeds[0].url))
        self.query_one(OptionList).focus()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        feed = self.feeds[event.option_index]
        self.query_one("#feeds-box").border_subtitle = sanitize_for_terminal(redact(feed.url))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.feeds[event.option_index].id)

    def action_refresh_all(self) -> None:
        """Close and refresh every feed in the background."""
        self.dismiss(None)
        self.app.call_later(self.app.run_action, "refresh_feeds")
