"""Search hits grouped by article, each spot once (issue 13, defect 8)."""

from __future__ import annotations

from tui.core.search.group import group_hits
from tui.core.search.index import Hit


def hit(article: str, kind: str, sentence: int, text: str, score: float = 1.0) -> Hit:
    return Hit(
        article_id=article,
        article_index=0,
        title=article,
        kind=kind,
        sentence=sentence,
        span=(0, len(text)),
        text=text,
        positions=(),
        score=score,
    )


def test_hits_are_grouped_by_article_in_the_order_of_their_best_hit() -> None:
    hits = [hit("a", "sentence", 1, "one"), hit("b", "sentence", 4, "two")]
    hits += [hit("a", "claim", 2, "three"), hit("b", "sentence", 5, "four")]
    assert [(h.article_id, h.text) for h in group_hits(hits)] == [
        ("a", "one"),
        ("a", "three"),
        ("b", "two"),
        ("b", "four"),
    ]


def test_the_same_spot_is_listed_once() -> None:
    hits = [
        hit("a", "sentence", 3, "India and Russia are holding talks."),
        hit("a", "entity", 3, "India"),  # a mention inside that sentence
        hit("a", "title", -1, "Talks go on"),
        hit("a", "sentence", 0, "Talks  go on"),  # the headline as the first sentence
    ]
    assert [h.kind for h in group_hits(hits)] == ["sentence", "title"]


def test_one_article_does_not_fill_the_list() -> None:
    hits = [hit("a", "sentence", i, f"s{i}") for i in range(10)] + [hit("b", "sentence", 0, "x")]
    grouped = group_hits(hits, per_article=3)
    assert [h.article_id for h in grouped] == ["a", "a", "a", "b"]
    assert len(group_hits(hits, per_article=None)) == 11  # within one article: every hit
