"""Paragraph and sentence spans over an article body."""

from __future__ import annotations

import re

from tui.core.model import Span

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def split_paragraphs(text: str) -> list[Span]:
    """Spans of the non-blank paragraphs (one or more newlines separate them)."""
    spans: list[Span] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        _append_stripped(text, start, m.start(), spans)
        start = m.end()
    _append_stripped(text, start, len(text), spans)
    return spans


def split_sentences(text: str, paragraphs: list[Span] | None = None) -> list[Span]:
    """Spans of the sentences; a paragraph break always ends a sentence."""
    if paragraphs is None:
        paragraphs = split_paragraphs(text)
    spans: list[Span] = []
    for p_start, p_end in paragraphs:
        start = p_start
        for m in _SENTENCE_END.finditer(text, p_start, p_end):
            end = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
            _append_stripped(text, start, end, spans)
            start = m.end()
        _append_stripped(text, start, p_end, spans)
    return spans


def _append_stripped(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))
