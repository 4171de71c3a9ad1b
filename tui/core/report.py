"""A readable Markdown report of analysed articles (extract --format markdown, export)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from tui.core.model import Article


class _Failure(Protocol):
    path: str
    error: str


def _escape(text: str) -> str:
    """Keep article text inert in Markdown: no headings, links or emphasis from the input."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def article_markdown(
    article: Article,
    notes: dict[int, str] | None = None,
    *,
    article_note: str | None = None,
    starred: set[int] | None = None,
) -> str:
    """One article: metadata, claims outline, entities and figures.

    ``notes`` and ``starred`` are keyed by sentence index; ``article_note`` is the reader's
    note on the whole article.
    """
    lines = [f"## {_escape(article.title or '(untitled)')}", ""]
    meta = [
        ("Site", article.site),
        ("Section", article.section),
        ("By", ", ".join(article.authors) if article.authors else None),
        ("Published", article.published.isoformat() if article.published else None),
        ("Updated", article.updated.isoformat() if article.updated else None),
        ("Source", article.url or article.source_path),
    ]
    lines += [f"- **{k}:** {_escape(v)}" for k, v in meta if v]
    if article_note:
        lines.append(f"- **Note:** {_escape(article_note)}")
    lines.append("")
    analysis = article.analysis
    if analysis.claims:
        lines += ["### Claims", ""]
        for claim in analysis.claims:
            who = []
            if claim.speaker:
                who.append(f"**{_escape(claim.speaker)}**")
            if claim.source:
                who.append(f"via {_escape(claim.source)}")
            flags = []
            if claim.quote:
                flags.append("quote")
            if claim.hedges:
                flags.append("hedged: " + ", ".join(_escape(h) for h in claim.hedges))
            head = " ".join(who) + ": " if who else ""
            tail = f" _({'; '.join(flags)})_" if flags else ""
            star = "★ " if starred and claim.sentence in starred else ""
            lines.append(f"- {star}{head}{_escape(claim.text)}{tail} [{claim.score:.2f}]")
            note = (notes or {}).get(claim.sentence)
            if note:
                lines.append(f"  - Note: {_escape(note)}")
        lines.append("")
    if analysis.entities:
        lines += ["### Entities", ""]
        by_label: dict[str, list[str]] = {}
        for ent in analysis.entities:
            by_label.setdefault(ent.label, []).append(f"{_escape(ent.name)} ({ent.count})")
        lines += [f"- **{label}:** {', '.join(names)}" for label, names in sorted(by_label.items())]
        lines.append("")
    if analysis.figures:
        lines += ["### Figures", ""]
        for fig in analysis.figures:
            value = "" if fig.value is None else f" = {fig.value}"
            if fig.value_max is not None:
                value += f"..{fig.value_max}"
            unit = f" {_escape(fig.unit)}" if fig.unit else ""
            approx = " (approx.)" if fig.approx else ""
            lines.append(f"- {_escape(fig.text)}: {fig.kind}{value}{unit}{approx}")
        lines.append("")
    return "\n".join(lines)


def markdown_report(articles: Sequence[Article], errors: Iterable[_Failure] = ()) -> str:
    """A briefing over several articles, with failures listed at the end."""
    parts = ["# newsreader report", ""]
    parts += [article_markdown(a) for a in articles]
    errors = list(errors)
    if errors:
        parts += ["## Errors", ""]
        parts += [f"- `{_escape(e.path)}`: {_escape(e.error)}" for e in errors]
        parts.append("")
    return "\n".join(parts)
