"""A search index kept on disk: immutable segments, tombstones in memory, tiered merges.

In the manner of Lucene: each import adds a segment; deleting an article hides its hits at
once (a tombstone in every segment holding it); segments of a similar size merge into one
(the tombstoned articles are then dropped for good). Opening maps the segment files and
reads only what a query touches, so a fresh process answers from a large library at once.
Hit texts are read back through ``load_text`` (the library), a few at a time.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from tui.core.search.build import Arrays
from tui.core.search.cache import LRU
from tui.core.search.index import Canceller, Hit, Searchable, SearchIndex
from tui.core.search.manifest import SegmentFolder, SegmentInfo
from tui.core.search.query import Query, parse_query
from tui.core.search.segment import SegmentError, load_segment, merge_arrays

TextLoader = Callable[[str], str]  # article id -> its text ("" when it is gone)
MERGE_FACTOR = 4  # this many segments of one size tier merge into one
# Merges stop at this size: a merge holds its inputs' postings in memory, and beyond it the
# reader's memory would grow for a gain (fewer segments) that searching hardly feels.
MAX_MERGED_ARTICLES = 40_000
_TEXT_CACHE = 2048  # article texts kept for re-ranking and showing hits


class PersistentIndex(Searchable):
    """The union of a folder's segments, searched as one index. Thread-safe."""

    def __init__(
        self,
        folder: Path,
        load_text: TextLoader,
        live_ids: Callable[[], Iterable[str]] | None = None,
    ) -> None:
        """``live_ids`` lists the articles that exist (the library's): a merge keeps only
        those, so an article deleted by any process never comes back with a merge."""
        self.folder = SegmentFolder(folder)
        self._load_text = load_text
        self._live_ids = live_ids
        self._lock = threading.RLock()
        self._texts: LRU[str, str] = LRU(_TEXT_CACHE)
        self._segments: list[tuple[SegmentInfo, SearchIndex]] = []
        self._stamp: tuple[int, int] | None = None
        self._results: LRU[tuple[str, int, str | None], list[Hit]] = LRU(64)
        self.refresh()

    # ------------------------------------------------------------------ segments
    def refresh(self) -> bool:
        """Pick up segments added or merged (by this or another process); True if changed."""
        stamp = self.folder.stamp()
        if stamp == self._stamp and self._segments:
            return False
        with self._lock:
            self._stamp = stamp
            infos = self.folder.read()
            known = {info.name: index for info, index in self._segments}
            segments, damaged = [], []
            for info in infos:
                index = known.get(info.name)
                if index is None:
                    try:
                        arrays = load_segment(self.folder.folder / info.name)
                    except SegmentError:
                        damaged.append(info)
                        continue
                    index = SearchIndex.from_arrays(arrays, self.text)
                segments.append((info, index))
            _hide_older_copies([index for _, index in segments])
            self._segments = segments
            self._results.clear()
        if damaged:
            self._drop(damaged)
        return True

    def _drop(self, damaged: list[SegmentInfo]) -> None:
        """Forget unreadable segments: their articles count as missing and are re-indexed."""
        names = {d.name for d in damaged}
        with self.folder.locked():
            live = [s for s in self.folder.read() if s.name not in names]
            self.folder.commit(live, damaged)
        self.refresh()

    def add(self, arrays: Arrays, keep: np.ndarray | None = None) -> SegmentInfo | None:
        """Add a segment (only the articles ``keep`` marks, if given); merge if due."""
        if keep is not None:
            arrays = merge_arrays([(arrays, keep)])
        if not len(arrays["article_day"]):
            return None
        info = self.folder.write_segment(arrays)
        with self.folder.locked():
            self.folder.commit([*self.folder.read(), info])
        self.refresh()
        self.merge()
        return info

    def merge(self, *, everything: bool = False) -> int:
        """Merge segments of one size tier (all of them with ``everything``); return merges."""
        merges = 0
        while True:
            with self.folder.locked():
                self.refresh()
                group = self._merge_group(everything)
                if group and self._live_ids is not None:
                    # Only now (it reads every id): drop what the library no longer has.
                    self.sync(self._live_ids())
                    group = self._merge_group(everything)
                if not group:
                    return merges
                self._merge(group)
            merges += 1
            self.refresh()
            if everything:
                return merges

    def _merge_group(self, everything: bool) -> list[int]:
        sizes = [info.articles for info, _ in self._segments]
        if everything:
            dead = any(not index.live_mask.all() for _, index in self._segments)
            return list(range(len(sizes))) if len(sizes) > 1 or dead else []
        tiers: dict[int, list[int]] = {}
        for i, n in enumerate(sizes):
            tiers.setdefault(int(math.log(max(n, 1), MERGE_FACTOR)), []).append(i)
        for tier in sorted(tiers):
            group = tiers[tier][:MERGE_FACTOR]
            if len(group) == MERGE_FACTOR and sum(sizes[i] for i in group) <= MAX_MERGED_ARTICLES:
                return group
        return []

    def _merge(self, group: list[int]) -> None:
        chosen = [self._segments[i] for i in group]
        merged = merge_arrays([(index.arrays, index.live_mask) for _, index in chosen])
        info = self.folder.write_segment(merged)
        # The merged segment takes the place of the newest it replaces (newer copies win).
        names = {c.name for c, _ in chosen}
        out: list[SegmentInfo] = []
        for seg in self.folder.read():
            if seg.name == chosen[-1][0].name:
                out.append(info)
            elif seg.name not in names:
                out.append(seg)
        self.folder.commit(out, [c for c, _ in chosen])

    # ------------------------------------------------------------------ articles
    def text(self, article_id: str) -> str:
        """An article's text (cached): what hits are sliced from."""
        text = self._texts.get(article_id)
        if text is None:
            text = self._load_text(article_id)
            self._texts.put(article_id, text)
        return text

    def indexed_ids(self) -> set[str]:
        """Ids of the articles the index can find (deleted ones excluded)."""
        out: set[str] = set()
        for _, index in self._segments:
            ids = index.article_ids()
            out.update(i for i, live in zip(ids, index.live_mask.tolist(), strict=True) if live)
        return out

    def delete(self, article_ids: Iterable[str]) -> int:
        """Hide these articles' hits at once; return how many copies were hidden."""
        ids = list(article_ids)
        with self._lock:
            hidden = sum(index.delete(ids) for _, index in self._segments)
            self._results.clear()
        return hidden

    def sync(self, live_ids: Iterable[str]) -> list[str]:
        """Agree with the library: hide articles it no longer has; return those to index."""
        live = set(live_ids)
        indexed = self.indexed_ids()
        self.delete(indexed - live)
        return sorted(live - indexed)

    @property
    def segments(self) -> list[SegmentInfo]:
        return [info for info, _ in self._segments]

    @property
    def doc_count(self) -> int:
        return sum(index.doc_count for _, index in self._segments)

    # ------------------------------------------------------------------ search
    def search(
        self,
        query: str | Query,
        *,
        limit: int = 50,
        article_id: str | None = None,
        cancel: Canceller | threading.Event | None = None,
    ) -> list[Hit]:
        """Ranked hits from every segment (the same ranking as :class:`SearchIndex`)."""
        self.refresh()
        q = query if isinstance(query, Query) else parse_query(query)
        key = (q.text, int(limit), article_id)
        cached = self._results.get(key)
        if cached is not None:
            return list(cached)
        with self._lock:
            segments = list(self._segments)
        best: list[tuple[int, int, float, int]] = []  # rank, doc, score, segment
        for i, (_, index) in enumerate(segments):
            if article_id is None or article_id in index.article_numbers:
                found = index.ranked(q, limit=limit, article_id=article_id, cancel=cancel)
                best.extend((rank, doc, score, i) for rank, doc, score in found)
        best.sort(key=lambda r: r[0], reverse=True)
        hits: list[Hit] = []
        for rank, doc, score, i in best[: max(0, int(limit))]:
            hits.extend(segments[i][1].hits(q, [(rank, doc, score)]))
        self._results.put(key, hits)
        return list(hits)



def _hide_older_copies(indexes: list[SearchIndex]) -> None:
    """An article in two segments (re-indexed after a crash) is found in the newer only."""
    seen: set[str] = set()
    for index in reversed(indexes):
        ids = index.article_ids()
        index.delete([i for i in ids if i in seen])
        seen.update(ids)
