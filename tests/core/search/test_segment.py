"""Index segments: saved and memory-mapped, merged with tombstones, same hits as in memory."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from tests.core.search.test_index import make
from tui.core.search import SearchIndex
from tui.core.search.build import build_arrays
from tui.core.search.segment import SegmentError, load_segment, merge_arrays, save_segment

QUERIES = ["shutdwn", "budget", "@Acme", '"the river"', "kind:claim", "site:example", "ri"]


def articles(offset: int) -> list:
    out = []
    for i in range(4):
        n = offset + i
        out.append(
            make(
                f"The government shutdown {n} ended. Acme Corp said the budget grew {n}%. "
                f"Floods reached the river town of Millbrook {n}. Naïve “quotes” {n}.",
                title=f"Budget story {n}",
                published=datetime(2024, 1, 1 + n),
                site="example.com" if n % 2 else "other.org",
                claims=(1,),
                figures=(1,),
                entities=(("Acme Corp", "Acme Corp"),),
            )
        )
    return out


def hit_keys(index: SearchIndex, query: str) -> list[tuple[str, str, str]]:
    return [(h.article_id, h.kind, h.text) for h in index.search(query, limit=50)]


def texts_of(arts: list) -> dict[str, str]:
    return {a.id: a.text for a in arts}


def segment_index(arrays, arts: list) -> SearchIndex:
    return SearchIndex.from_arrays(arrays, texts_of(arts).__getitem__)


def test_saved_segment_answers_like_the_index_in_memory(tmp_path: Path) -> None:
    arts = articles(0)
    path = tmp_path / "one.seg"
    size = save_segment(path, build_arrays(arts))
    assert path.stat().st_size == size
    loaded = segment_index(load_segment(path), arts)
    memory = SearchIndex(arts)
    for q in QUERIES:
        assert hit_keys(loaded, q) == hit_keys(memory, q), q


def test_merge_drops_deleted_articles_and_keeps_the_ranking(tmp_path: Path) -> None:
    first, second = articles(0), articles(10)
    a, b = build_arrays(first), build_arrays(second)
    keep_a = np.ones(len(first), dtype=bool)
    keep_a[1] = False  # deleted from the library
    merged = merge_arrays([(a, keep_a), (b, np.ones(len(second), dtype=bool))])
    save_segment(tmp_path / "m.seg", merged)
    kept = [x for i, x in enumerate(first) if i != 1] + second
    loaded = segment_index(load_segment(tmp_path / "m.seg"), kept)
    memory = SearchIndex(kept)
    for q in QUERIES:
        assert hit_keys(loaded, q) == hit_keys(memory, q), q
    assert first[1].id not in {h.article_id for h in loaded.search("budget", limit=100)}


def test_delete_hides_an_article_at_once() -> None:
    arts = articles(0)
    index = SearchIndex(arts)
    assert arts[2].id in {h.article_id for h in index.search("millbrook", limit=50)}
    assert index.delete([arts[2].id, "no-such-id"]) == 1
    assert arts[2].id not in {h.article_id for h in index.search("millbrook", limit=50)}
    assert arts[2].id not in {h.article_id for h in index.search("kind:claim", limit=50)}


@pytest.mark.parametrize(
    "damage", [b"", b"NRSEG1\n\x00" + (999).to_bytes(8, "little"), b"junk" * 9]
)
def test_a_damaged_segment_is_refused(tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "bad.seg"
    path.write_bytes(damage)
    with pytest.raises(SegmentError):
        load_segment(path)
