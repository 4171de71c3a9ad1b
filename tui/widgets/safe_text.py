"""Make hostile article text inert before it reaches a widget (issue 7).

Article text, titles, bylines and file names come from the open web. Before any of it is
drawn, control characters and escape sequences become visible placeholders, and invisible
characters that can reorder or hide text (bidi overrides, zero-width characters) are dropped.
The result is then always wrapped in ``rich.text.Text`` / ``Content``, never parsed as markup.
"""

from __future__ import annotations

import re

# C0 controls (except tab/newline, handled separately), DEL, and the C1 block.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f\x80-\x9f"
# Bidi embeddings/overrides/isolates and marks, zero-width characters, BOM, and other
# invisible format characters that can disguise or reorder what is shown.
_INVISIBLE = "\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
_UNSAFE = re.compile(f"[{_CONTROL}{_INVISIBLE}\t\n\r\u2028\u2029]")
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")


def _placeholder(ch: str) -> str:
    code = ord(ch)
    if ch in "\t":
        return " "
    if ch in "\n\r\u2028\u2029":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: ESC becomes ␛, NUL becomes ␀
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= code <= 0x9F:
        return "\ufffd"
    return ""  # invisible format characters are dropped


def sanitize_for_terminal(s: str | None) -> str:
    """A one-line, terminal-safe version of ``s``.

    Control characters (C0, DEL, C1, so ESC and every escape sequence introducer) are
    replaced by visible placeholders, so the rest of a sequence shows as plain text;
    tabs and line breaks become spaces; bidi controls and zero-width characters are dropped.
    """
    if not s:
        return ""
    if _UNSAFE.search(s) is None:
        return s
    return _UNSAFE.sub(lambda m: _placeholder(m.group(0)), s)


def sanitize_with_map(s: str) -> tuple[str, list[int] | None]:
    """Sanitize ``s`` and return, when characters were dropped, the source index of each output
    character (so spans over the original text can be placed on the sanitized one).

    The map is ``None`` when output and input line up one to one.
    """
    if _UNSAFE.search(s) is None:
        return s, None
    if _INVISIBLE_RE.search(s) is None:
        # Every unsafe character maps to exactly one placeholder: offsets are preserved.
        return _UNSAFE.sub(lambda m: _placeholder(m.group(0)), s), None
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(s):
        if _UNSAFE.match(ch):
            ch = _placeholder(ch)
            if not ch:
                continue
        out.append(ch)
        index.append(i)
    return "".join(out), index
