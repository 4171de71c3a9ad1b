"""The Story view: stories on the left; the highlighted story's coverage side by side on the
right (outlets and times, repeated quotes with their first carrier, what one article alone
has, figures that disagree)."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.library import Library
from tui.core.model import Article
from tui.core.stories.compare import disagreements
from tui.core.stories.provenance import publication_order, repeated_quotes
from tui.core.stories.queries import Story, catch_up, list_stories
from tui.resources import styles_dir
from tui.widgets.safe_text import sanitize_for_terminal as safe


class StoriesScreen(Screen[None]):
    """Stories of the library, latest first; Enter reads the coverage, e the main entity."""

    CSS_PATH = [str(styles_dir() / "stories.tcss")]
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="stories_back"),
        Binding("j", "move(1)", "Next story", show=False, id="stories_next"),
        Binding("k", "move(-1)", "Previous story", show=False, id="stories_previous"),
        Binding("enter", "read", "Read coverage", id="stories_read"),
        Binding("tab", "switch", "Switch pane", show=False, id="stories_switch"),
        Binding("e", "entity", "Main entity", id="stories_entity"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.stories: list[Story] = []
        self._articles: dict[int, list[Article]] = {}

    def compose(self) -> ComposeResult:
        yield OptionList(id="stories-list")
        with VerticalScroll(id="stories-detail"):
            yield Static(id="stories-body")

    def on_mount(self) -> None:
        catch_up(self.library)
        self.stories = list_stories(self.library)
        listing = self.query_one(OptionList)
        listing.border_title = f"Stories ({len(self.stories)})"
        self.query_one("#stories-detail").border_title = "Coverage"
        listing.add_options([Option(_story_line(s), id=str(s.id)) for s in self.stories])
        if not self.stories:
            body = "No story has more than one article yet. Articles about the same event are "
            self.query_one("#stories-body", Static).update(Text(body + "grouped on import."))
        listing.focus()
        if self.stories:
            listing.highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        story = self.stories[event.option_index]
        self.query_one("#stories-body", Static).update(story_text(story, self.articles(story)))
        self.query_one("#stories-detail", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_read()

    def articles(self, story: Story) -> list[Article]:
        if story.id not in self._articles:
            self._articles[story.id] = [self.library.get_article(a.id) for a in story.articles]
        return self._articles[story.id]

    def current(self) -> Story | None:
        index = self.query_one(OptionList).highlighted
        return None if index is None or not self.stories else self.stories[index]

    def action_move(self, step: int) -> None:
        listing = self.query_one(OptionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_read(self) -> None:
        self.query_one("#stories-detail").focus()

    def action_switch(self) -> None:
        listing = self.query_one(OptionList)
        (self.query_one("#stories-detail") if listing.has_focus else listing).focus()

    def action_entity(self) -> None:
        story = self.current()
        if story is None:
            return
        names: Counter[str] = Counter()
        for article in self.articles(story):
            names.update(e.name for e in article.analysis.entities if e.label in _PEOPLE)
        if names:
            from tui.screens.entity import EntityScreen

            self.app.push_screen(EntityScreen(self.library, names.most_common(1)[0][0]))

    def action_close(self) -> None:
        self.dismiss()


_PEOPLE = ("PERSON", "ORG")


def _story_line(story: Story) -> Text:
    line = Text(safe(story.title), overflow="ellipsis", no_wrap=True)
    day = (story.first_published or "")[:10]
    line.append(f"\n  {len(story.articles)} articles, {len(story.sites)} outlets  {day}", "dim")
    return line


def story_text(story: Story, articles: list[Article]) -> Text:
    """The coverage of one story as plain Text (article text never parsed as markup)."""
    out = Text()
    out.append(safe(story.title) + "\n\n", "bold")
    ordered = publication_order(articles)
    out.append("Outlets\n", "bold underline")
    for article in ordered:
        when = article.published.strftime("%Y-%m-%d %H:%M") if article.published else "undated"
        out.append(f"  {when:<16}  ", "dim")
        out.append(safe(article.site or "-") + "  ", "italic")
        out.append(safe(article.title or article.id) + "\n")
    quotes = repeated_quotes(ordered)
    if quotes:
        out.append("\nRepeated quotes\n", "bold underline")
        for quote in quotes:
            out.append(f"  “{safe(quote.text)}”\n")
            out.append(f"    {safe(quote.describe())}\n", "dim")
    found = disagreements(ordered)
    if found:
        out.append("\nFigures that disagree\n", "bold underline")
        for item in found:
            out.append(f"  {safe(item.describe())}\n", "red")
    return out
