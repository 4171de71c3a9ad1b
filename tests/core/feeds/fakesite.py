"""A news site of our own for the feed tests and benchmark: RSS/Atom feeds and article pages.

All text here is ours (generated), so it may be served, stored and committed freely.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape

_PLACES = ("Lisbon", "Nairobi", "Osaka", "Quito", "Tallinn", "Perth", "Accra", "Denver")
_BODIES = ("the port authority", "the city council", "the health ministry", "the rail operator")
_PEOPLE = ("Ana Duarte", "Kofi Mensah", "Yuki Sato", "Lena Tamm", "Raúl Vega", "Mia Brook")


def article_paragraphs(n: int, paragraphs: int = 6) -> list[str]:
    """Prose for article ``n``: names, places and figures that vary with ``n``."""
    place = _PLACES[n % len(_PLACES)]
    body = _BODIES[n % len(_BODIES)]
    person = _PEOPLE[n % len(_PEOPLE)]
    out = []
    for k in range(paragraphs):
        amount = 3 + (n * 7 + k * 13) % 90
        share = 10 + (n + k * 5) % 80
        out.append(
            f"{place} — {body.capitalize()} said on Tuesday that spending on project {n}-{k} "
            f"would rise to ${amount} million next year, up {share}% from 2024. "
            f'"We expect the work to finish by March," {person}, a spokesperson, told '
            f"reporters. Critics said the plan, first announced in {2010 + k}, had already "
            f"cost {amount * 3} jobs and displaced about {share * 40} residents."
        )
    return out


def page_html(n: int, title: str | None = None, paragraphs: int = 6) -> str:
    """An article page with a header, navigation and footer around the story."""
    title = title or f"Story {n}: {_PLACES[n % len(_PLACES)]} budget row"
    body = "\n".join(f"<p>{escape(p)}</p>" for p in article_paragraphs(n, paragraphs))
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{escape(title)}</h1><p class='byline'>By {_PEOPLE[n % 6]}</p>"
        f"{body}</article>"
        "<footer>Copyright The Example Courier. All rights reserved.</footer></body></html>"
    )


def home_html(feed_href: str) -> str:
    """A home page that advertises its feed the usual way."""
    return (
        "<!DOCTYPE html><html><head><title>The Example Courier</title>"
        f'<link rel="alternate" type="application/rss+xml" title="RSS" href="{feed_href}">'
        "</head><body><p>Welcome.</p></body></html>"
    )


def rss(
    base: str,
    entries: range | list[int],
    *,
    title: str = "The Example Courier",
    summaries: bool = True,
    ttl: int | None = None,
    edited: set[int] | None = None,
) -> bytes:
    """An RSS 2.0 feed whose entries link to ``{base}/story/{n}``.

    ``summaries``: each entry carries a one-sentence teaser ending in "..."; otherwise the
    whole story as content. ``edited``: entries whose text was changed since (same GUID).
    """
    start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    items = []
    for n in entries:
        paras = article_paragraphs(n)
        if edited and n in edited:
            paras = [*paras, f"Update: {_BODIES[n % 4]} corrected the figures on Friday."]
        text = paras[0][:160] + "..." if summaries else "".join(f"<p>{p}</p>" for p in paras)
        when = format_datetime(start + timedelta(minutes=n))
        items.append(
            f"<item><title>Story {n}: {_PLACES[n % len(_PLACES)]} budget row</title>"
            f"<link>{base}/story/{n}</link><guid isPermaLink='false'>courier-{n}</guid>"
            f"<pubDate>{when}</pubDate><description>{escape(text)}</description></item>"
        )
    ttl_tag = f"<ttl>{ttl}</ttl>" if ttl is not None else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{base}/</link>{ttl_tag}"
        + "".join(items)
        + "</channel></rss>"
    ).encode()
