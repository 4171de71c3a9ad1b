"""Make hostile text inert before it reaches a terminal (issue 7): one rule set for every output.

Article text, titles, bylines, notes and file names come from the open web. Before any of it is
drawn or printed, the characters a terminal would act on, or that would disguise what is shown,
are neutralised:

- C0 controls (ESC starts every CSI / OSC / DCS sequence), DEL and the C1 block (U+009B is a
  one-byte CSI, U+009D a one-byte OSC);
- bidirectional embeddings, overrides, isolates and marks, which make text read differently from
  what it is;
- zero-width and other invisible format characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM...), which
  hide or split words;
- lone surrogates, which cannot be encoded and would crash the writer.

Two renderings share that rule set:

- :func:`sanitize_for_terminal` (the reader UI): one line, controls shown as Unicode Control
  Pictures (ESC becomes ``␛``), invisible characters dropped;
- :func:`visible_escapes` (the CLI, exports, dialogs): controls and invisible characters written
  as Python escapes (``\\x1b``, ``\\u202e``), newlines and tabs kept; :func:`one_line` escapes
  those too (stderr messages), :func:`json_escapes` writes ``\\uXXXX`` inside serialised JSON.

Either way the result is data: the UI wraps it in ``rich.text.Text`` / ``Content``, never markup.
This module imports nothing from Textual.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline (handled per rendering), DEL, and the C1 block.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Bidi controls and marks, zero-width and invisible format characters, BOM, interlinear
# annotation characters: they can reorder, hide or disguise what is shown.
_INVISIBLE = "\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
_SURROGATE = "\ud800-\udfff"
_LINE_BREAKS = "\t\n\r\u2028\u2029"

#: Every character no output may carry as is (tab and newline aside: see ``one_line``).
UNSAFE = re.compile(f"[{_CONTROL}{_INVISIBLE}{_SURROGATE}]")
_UNSAFE_ONE_LINE = re.compile(f"[{_CONTROL}{_INVISIBLE}{_SURROGATE}{_LINE_BREAKS}]")
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")


def is_unsafe(ch: str) -> bool:
    """True for a character that must never reach a terminal as is (tab and newline too)."""
    return _UNSAFE_ONE_LINE.match(ch) is not None


def _placeholder(ch: str) -> str:
    code = ord(ch)
    if ch in _LINE_BREAKS:
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: ESC becomes ␛, NUL becomes ␀
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= code <= 0x9F or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return ""  # invisible format characters are dropped


def sanitize_for_terminal(s: str | None) -> str:
    """A one-line, terminal-safe version of ``s`` for the UI.

    Control characters (C0, DEL, C1, so ESC and every escape sequence introducer) are replaced
    by visible placeholders, so the rest of a sequence shows as plain text; tabs and line breaks
    become spaces; bidi controls and zero-width characters are dropped; lone surrogates become
    U+FFFD. Idempotent.
    """
    if not s:
        return ""
    if _UNSAFE_ONE_LINE.search(s) is None:
        return s
    return _UNSAFE_ONE_LINE.sub(lambda m: _placeholder(m.group(0)), s)


def sanitize_with_map(s: str) -> tuple[str, list[int] | None]:
    """Sanitize ``s`` and return, when characters were dropped, the source index of each output
    character (so spans over the original text can be placed on the sanitized one).

    The map is ``None`` when output and input line up one to one.
    """
    if _UNSAFE_ONE_LINE.search(s) is None:
        return s, None
    if _INVISIBLE_RE.search(s) is None:
        # Every unsafe character maps to exactly one placeholder: offsets are preserved.
        return _UNSAFE_ONE_LINE.sub(lambda m: _placeholder(m.group(0)), s), None
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(s):
        if _UNSAFE_ONE_LINE.match(ch):
            ch = _placeholder(ch)
            if not ch:
                continue
        out.append(ch)
        index.append(i)
    return "".join(out), index


_SHORT_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(ch: str) -> str:
    short = _SHORT_ESCAPES.get(ch)
    if short is not None:
        return short
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible_escapes(text: str) -> str:
    """``text`` with every terminal-unsafe character written as its escape (e.g. ``\\x1b``).

    Newlines and tabs are kept (Markdown, CSV and notes need them). Idempotent.
    """
    return UNSAFE.sub(lambda m: _escape(m.group()), text)


def one_line(text: str) -> str:
    """``text`` as one inert line (stderr messages, file names): every unsafe character,
    newlines and tabs included, written as its escape."""
    return _UNSAFE_ONE_LINE.sub(lambda m: _escape(m.group()), text)


def json_escapes(json_text: str) -> str:
    """Serialised JSON with the unsafe characters as ``\\uXXXX`` escapes: safe and lossless.

    Only valid on JSON text, where a raw control character (or lone surrogate, which
    ``json.dumps(..., ensure_ascii=False)`` writes as is) can only sit inside a string.
    """
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
