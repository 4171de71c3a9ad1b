"""Unit tests of the pure helpers behind the reader: sanitizing and wrapping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.widgets.reader import wrap_spans
from tui.widgets.safe_text import sanitize_for_terminal, sanitize_with_map


def test_controls_become_visible_and_invisibles_are_dropped() -> None:
    s = "a\x1b]0;title\x07b\x9bc\u202ed\u200be\tf\ng\x7f"
    out = sanitize_for_terminal(s)
    assert out == "a␛]0;title␇b\ufffdcde f g\u2421"


def test_plain_text_is_returned_unchanged() -> None:
    s = "India’s S-400 — “quoted” 交付"
    assert sanitize_for_terminal(s) is s
    assert sanitize_with_map(s) == (s, None)


@given(st.text())
def test_sanitized_text_has_no_control_or_bidi_characters(s: str) -> None:
    out = sanitize_for_terminal(s)
    for ch in out:
        code = ord(ch)
        assert code >= 0x20 and not 0x7F <= code <= 0x9F
        assert ch not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff"


@given(st.text())
def test_map_points_back_at_the_source_character(s: str) -> None:
    out, index = sanitize_with_map(s)
    if index is None:
        assert len(out) == len(s)
    else:
        assert len(index) == len(out)
        assert index == sorted(set(index))
        for i, j in enumerate(index):
            assert out[i] == s[j] or out[i] == sanitize_for_terminal(s[j])


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400), st.integers(5, 100))
def test_wrap_covers_the_text_and_fits_the_width(text: str, width: int) -> None:
    spans = wrap_spans(text, 0, len(text), width)
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s <= e <= len(text)
        # Nothing but spaces is skipped between lines.
        assert text[previous_end:s].strip(" ") == ""
        previous_end = e
        piece = sanitize_for_terminal(text[s:e])
        assert cell_len(piece) <= width or e - s == 1
    assert text[previous_end:].strip(" ") == ""


def test_wrap_breaks_at_spaces() -> None:
    text = "the quick brown fox jumps over the lazy dog"
    lines = [text[s:e] for s, e in wrap_spans(text, 0, len(text), 10)]
    assert lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
