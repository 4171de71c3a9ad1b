"""Text that is safe to print: control characters shown as visible escapes, never sent."""

from __future__ import annotations

import re

# What must never reach a terminal: C0 controls but newline and tab (ESC starts every escape
# sequence), DEL, C1 controls (U+009B is a one-byte CSI) and the bidirectional controls that
# make text read differently from what it is. Zero-width joiners stay: scripts need them.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible_escapes(text: str) -> str:
    """``text`` with every terminal-unsafe character written as its escape (e.g. ``\\x1b``)."""
    return UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def json_escapes(json_text: str) -> str:
    """Serialised JSON with the same characters as ``\\uXXXX`` escapes: safe and lossless."""
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
