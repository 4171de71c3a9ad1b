"""The one sanitizer (tui.core.textsafe): what reaches a terminal is inert, idempotently."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import tui.core.library.textsafe as library_textsafe
import tui.widgets.safe_text as widget_safe_text
from tui.core import textsafe
from tui.core.textsafe import (
    json_escapes,
    one_line,
    sanitize_for_terminal,
    sanitize_with_map,
    visible_escapes,
)

# Everything no output may carry: C0 (tab/newline allowed where said), DEL, C1, bidi controls
# and marks, zero-width and invisible format characters, lone surrogates.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(),  # anything, surrogates included
        st.sampled_from("\x1b\x07\x9b\x9d\x00\x7f\n\t\r\u202e\u2066\u200b\u200d\ufeff[]@=/\\"),
    ),
    max_size=200,
)


def test_one_module_behind_both_names() -> None:
    assert widget_safe_text.sanitize_for_terminal is textsafe.sanitize_for_terminal
    assert widget_safe_text.sanitize_with_map is textsafe.sanitize_with_map
    assert library_textsafe.visible_escapes is textsafe.visible_escapes
    assert library_textsafe.json_escapes is textsafe.json_escapes


def test_the_core_module_imports_no_textual() -> None:
    source = Path(textsafe.__file__).read_text(encoding="utf-8")
    assert "textual" not in re.sub(r'""".*?"""', "", source, flags=re.S)


def test_examples_of_each_rendering() -> None:
    s = "a\x1b]52;c;SGk=\x07b\x9b2Jc\u202ed\u200de\tf\ng\x7f\ud800"
    assert sanitize_for_terminal(s) == "a␛]52;c;SGk=␇b\ufffd2Jcde f g\u2421\ufffd"
    assert visible_escapes(s) == "a\\x1b]52;c;SGk=\\x07b\\x9b2Jc\\u202ed\\u200de\tf\ng\\x7f\\ud800"
    assert one_line("a\nb\tc\rd\x1b") == "a\\nb\\tc\\rd\\x1b"
    assert json_escapes('"\x1b\u202e"') == '"\\u001b\\u202e"'
    # Markup is data here: left as is, shown literally by the callers.
    assert sanitize_for_terminal("[bold]x[/bold] [@click=app.quit]q[/]") == (
        "[bold]x[/bold] [@click=app.quit]q[/]"
    )


@settings(max_examples=150, deadline=None)
@given(HOSTILE)
def test_sanitize_for_terminal_is_inert_one_line_and_idempotent(s: str) -> None:
    out = sanitize_for_terminal(s)
    assert not FORBIDDEN.search(out)
    assert "\n" not in out and "\t" not in out and "\u2028" not in out
    assert sanitize_for_terminal(out) == out
    out.encode("utf-8")  # never a lone surrogate that would crash the writer


@settings(max_examples=150, deadline=None)
@given(HOSTILE)
def test_visible_escapes_keep_only_newline_and_tab_and_are_idempotent(s: str) -> None:
    out = visible_escapes(s)
    assert not FORBIDDEN.search(out)
    assert visible_escapes(out) == out
    line = one_line(s)
    assert not FORBIDDEN.search(line) and "\n" not in line and "\t" not in line
    assert one_line(line) == line
    out.encode("utf-8")


@settings(max_examples=100, deadline=None)
@given(st.recursive(st.none() | HOSTILE, lambda kids: st.lists(kids, max_size=3), max_leaves=8))
def test_json_escapes_are_lossless(value: object) -> None:
    import json

    dumped = json.dumps(value, ensure_ascii=False)
    safe = json_escapes(dumped)
    assert not FORBIDDEN.search(safe)
    assert json.loads(safe) == value


@settings(max_examples=100, deadline=None)
@given(HOSTILE)
def test_map_agrees_with_the_plain_sanitizer(s: str) -> None:
    out, index = sanitize_with_map(s)
    assert out == sanitize_for_terminal(s)
    if index is not None:
        assert len(index) == len(out) and index == sorted(set(index))
