"""What the terminal would receive: every segment the compositor renders for a screen."""

from __future__ import annotations

from rich.segment import Segment
from textual.app import App
from textual.content import Content

from tests.hostile_payloads import unsafe_characters

# Words that only occur inside the hostile markup: a segment carrying them must carry no action.
MARKERS = ("B0LD", "QUIT", "PASSWD", "PWNED", "LINK", "AUTHOR")


def screen_segments(app: App) -> list[Segment]:
    """Every segment of the current screen as it would be written to the terminal."""
    return [segment for strip in app.screen._compositor.render_strips() for segment in strip]


def screen_text(app: App) -> str:
    """The current screen as text, one row per line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def assert_segments_inert(segments: list[Segment]) -> None:
    """No control, bidi or zero-width character, no link, no click action from the article."""
    for segment in segments:
        assert not unsafe_characters(segment.text), repr(segment.text)
        style = segment.style
        if style is None:
            continue
        assert not style.link, f"link style on {segment.text!r}"
        meta = style.meta or {}
        clicks = {k: v for k, v in meta.items() if k.startswith("@")}
        if clicks:
            assert not any(m in segment.text for m in MARKERS), (segment.text, clicks)
            assert "quit" not in repr(clicks) and "passwd" not in repr(clicks)


def assert_content_inert(content: object) -> None:
    """A widget's Content / Text / str: plain, and no span styled as a link or an action."""
    text = content.plain if isinstance(content, Content) else str(content)
    assert not unsafe_characters(text), repr(text)
    for span in getattr(content, "spans", []):
        style = str(span.style)
        assert "link" not in style and "@click" not in style, style
