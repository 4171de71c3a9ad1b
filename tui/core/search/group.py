"""Search hits as a reader wants them listed: grouped by article, each spot once."""

from __future__ import annotations

from tui.core.search.index import Hit

PER_ARTICLE = 3  # hits shown per article across the library (n / N reach the others)


def group_hits(hits: list[Hit], per_article: int | None = PER_ARTICLE) -> list[Hit]:
    """Each article's hits together, articles in the order of their best hit.

    A spot found twice (a sentence and an entity in it, or the title and the headline
    sentence) is listed once, as its best-ranked hit. ``per_article`` caps each article's
    hits (None: no cap, as when searching within one article).
    """
    seen: set[tuple[str, object]] = set()
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        spot = hit.sentence if hit.sentence >= 0 else " ".join(hit.text.split()).casefold()
        text = " ".join(hit.text.split()).casefold()
        if (hit.article_id, spot) in seen or (hit.article_id, text) in seen:
            continue
        seen.update({(hit.article_id, spot), (hit.article_id, text)})
        group = groups.setdefault(hit.article_id, [])
        if per_article is None or len(group) < per_article:
            group.append(hit)
    return [hit for group in groups.values() for hit in group]
