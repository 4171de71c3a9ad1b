"""What `y` copies: the claim selected in the Outline, else the article's web address.

One key, the sensible thing in each pane: in the Outline the claim with who said it and
where it was read (an analyst pastes it into notes with its citation); anywhere else the
article's address (as feeds' copy did). Plain text: the clipboard is read by people.
"""

from __future__ import annotations

from tui.core.model import Article, Claim
from tui.widgets.safe_text import sanitize_for_terminal


def claim_citation(claim: Claim, article: Article) -> str:
    """The claim's text, then its speaker and source, then the article's title and URL."""
    lines = [f"“{claim.text.strip()}”"]
    who = [w for w in (claim.speaker, claim.source) if w]
    if who:
        lines.append("— " + ", ".join(dict.fromkeys(who)))
    title = article.title or article.source_path or ""
    if title:
        lines.append(title)
    if article.url:
        lines.append(article.url)
    return "\n".join(sanitize_for_terminal(line) for line in lines)
