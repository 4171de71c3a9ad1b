"""The search index: an inverted index over normalised words, scored with numpy.

Layout (all flat arrays, no per-sentence Python objects):

- ``words``: the sorted vocabulary (``bisect`` gives a prefix's word-id range);
- ``_post`` / ``_post_off``: every word's posting list (doc ids, ascending), concatenated in
  vocabulary order, so all words with one prefix share one contiguous slice;
- one row per document in ``_doc_*`` arrays: article index, kind, flags, sentence index and
  the character span into ``Article.text`` (sentence texts are never copied).

A query word matches vocabulary words exactly, by prefix (bisect), by fuzzy whole word
(rapidfuzz Levenshtein over the vocabulary words of a similar length) and by fuzzy prefix
(the word being typed, with a typo); each match kind has a score, and a document's score
for the word is its best match. Documents are ranked by how many query words they match,
then by the summed scores, then claims before other sentences, then newer articles.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from rapidfuzz import fuzz, process

from tui.core.model import Article, Span
from tui.core.search.build import (
    FLAG_CLAIM,
    FLAG_FIGURE,
    KIND_ENTITY,
    KIND_SENTENCE,
    KIND_TITLE,
    Arrays,
    build_arrays,
)
from tui.core.search.cache import LRU
from tui.core.search.matching import WordMatch, match_positions
from tui.core.search.normalise import query_words, word_sequence
from tui.core.search.query import Query, parse_query
from tui.core.search.strings import StringTable
from tui.core.search.vocabulary import PREFIX_LENGTHS, SCORE_EXACT, Vocabulary, once

_MAX_WORDS = 7  # words beyond this still filter but stop adding to the score
_PHRASE_BONUS = 1 << 13
_WORD_HIT = 64  # a matched word's weight in the accumulator (above any summed score)
_MAX_COUNTED = 1000  # query words counted (the accumulator holds 1000 * 64 + 63)
_TOP_RERANK = 100  # candidates re-checked for the whole query as a phrase
_ENTITY_CUTOFF = 85.0

Canceller = Callable[[], bool]
Ranked = tuple[int, int, float]  # (rank key, document, score)


class SearchCancelled(Exception):
    """Raised by :meth:`SearchIndex.search` when its cancel check fires."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result.

    ``span`` is the hit's character span in ``Article.text`` (for a title hit, ``(0, 0)``);
    ``sentence`` is the index into ``Article.sentences`` to open (-1: the top of the
    article). ``positions`` are offsets into ``text``, the displayed string.
    """

    article_id: str
    article_index: int
    title: str
    kind: str  # sentence, claim, figure, title, entity
    sentence: int
    span: Span
    text: str
    positions: tuple[int, ...]
    score: float
    rank: int = field(default=0, compare=False, repr=False)  # orders hits of several segments

    def to_dict(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "kind": self.kind,
            "sentence": self.sentence,
            "span": list(self.span),
            "score": self.score,
            "text": self.text,
            "positions": list(self.positions),
        }


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """What an in-memory index keeps of an article: its text, to show its hits.

    The analysis is read while building and then let go, so an index over a large library
    holds the articles' text, not every entity, figure and claim object.
    """

    id: str
    title: str
    text: str
    published: datetime | None
    source_path: str | None


class Searchable:
    """What the reader searches: one index in memory, or the library's on disk."""

    def search(
        self,
        query: str | Query,
        *,
        limit: int = 50,
        article_id: str | None = None,
        cancel: Canceller | threading.Event | None = None,
    ) -> list[Hit]:
        raise NotImplementedError

    def article_hits(
        self,
        query: str | Query,
        article_id: str,
        *,
        limit: int = 1000,
        cancel: Canceller | threading.Event | None = None,
    ) -> list[Hit]:
        """Hits inside one article in reading order (title first): for ``n`` / ``N``."""
        hits = self.search(query, limit=limit, article_id=article_id, cancel=cancel)
        return sorted(hits, key=lambda h: (h.kind != "title", h.sentence, h.span))


class SearchIndex(Searchable):
    """A fuzzy full-text index over articles' sentences, claims, entities and titles.

    ``articles`` may be any iterable (a generator reading a library one article at a
    time): each is indexed and kept as an :class:`IndexedArticle`. :meth:`from_arrays`
    opens a segment instead (memory-mapped arrays), reading hit texts through ``text_of``.
    """

    def __init__(self, articles: Iterable[Article]) -> None:
        self.articles: list[IndexedArticle] = []
        arrays = build_arrays(self._kept(articles))
        self._attach(arrays, lambda a: self.articles[a].text)

    @classmethod
    def from_arrays(cls, arrays: Arrays, text_by_id: Callable[[str], str]) -> SearchIndex:
        """An index over one segment's arrays; ``text_by_id(article id)`` gives a text."""
        index = cls.__new__(cls)
        index.articles = []
        index._attach(arrays, lambda a: text_by_id(index.article_id(a)))
        return index

    def _kept(self, articles: Iterable[Article]) -> Iterator[Article]:
        for art in articles:
            self.articles.append(
                IndexedArticle(art.id, art.title, art.text, art.published, art.source_path)
            )
            yield art

    def _attach(self, arrays: Arrays, text_of: Callable[[int], str]) -> None:
        self.arrays = arrays
        self._text_of = text_of
        self._lock = threading.Lock()
        self._word_cache: LRU[str, WordMatch] = LRU(512)
        self._result_cache: LRU[tuple[str, int, str | None], list[Hit]] = LRU(64)
        self.doc_count = len(arrays["doc_kind"])
        self._doc_article = arrays["doc_article"]
        self._doc_kind = arrays["doc_kind"]
        self._doc_flags = arrays["doc_flags"]
        self._doc_sentence = arrays["doc_sentence"]
        self._doc_start = arrays["doc_start"]
        self._doc_end = arrays["doc_end"]
        self._doc_aux = arrays["doc_aux"]
        self._tiebreak = arrays["tiebreak"]
        self._post = arrays["post"]
        self._post_off = arrays["post_off"]
        self._article_day = arrays["article_day"]
        self.vocab = Vocabulary(StringTable.of(arrays, "words").tolist())
        self.words = self.vocab.words
        self._id_table = StringTable.of(arrays, "ids")
        self._titles = StringTable.of(arrays, "titles")
        self._entity_texts = StringTable.of(arrays, "entity_texts")
        self.article_count = len(self._id_table)
        self._dead = np.zeros(self.article_count, dtype=bool)
        self._alive_docs: np.ndarray | None = None  # None: no article deleted
        self._lazy: dict[str, object] = {}

    # ------------------------------------------------------------------ lazy tables
    @property
    def article_numbers(self) -> dict[str, int]:
        """Article id -> its number in this index."""
        table = self._id_table
        return once(self._lazy, "ids", lambda: {v: i for i, v in enumerate(table.tolist())})

    @property
    def _site_names(self) -> list[str]:
        return once(self._lazy, "sites", StringTable.of(self.arrays, "sites").tolist)

    @property
    def _entity_names(self) -> list[str]:
        return once(self._lazy, "entities", StringTable.of(self.arrays, "entity_names").tolist)

    def _entity_docs(self, i: int) -> np.ndarray:
        off = self.arrays["entity_off"]
        return self.arrays["entity_docs"][off[i] : off[i + 1]]

    # ------------------------------------------------------------------ deletions
    def article_ids(self) -> list[str]:
        """Every article id in the index, deleted ones included."""
        return self._id_table.tolist()

    def delete(self, article_ids: Iterable[str]) -> int:
        """Hide these articles' hits at once (a tombstone); return how many were here."""
        found = [self.article_numbers[i] for i in article_ids if i in self.article_numbers]
        fresh = [a for a in found if not self._dead[a]]
        if fresh:
            self._dead[fresh] = True
            self._alive_docs = ~self._dead[self._doc_article]
            self.clear_caches()
        return len(fresh)

    @property
    def live_mask(self) -> np.ndarray:
        """Articles not deleted (True), in article order."""
        return ~self._dead

    def clear_caches(self) -> None:
        """Forget cached word matches and results (they are only a typing speed-up)."""
        self._word_cache.clear()
        self._result_cache.clear()

    # ------------------------------------------------------------------ info
    @property
    def vocabulary_size(self) -> int:
        return len(self.words)

    def nbytes(self) -> int:
        """Approximate memory held by the index (arrays, vocabulary, prefix tables)."""
        import sys

        total = sum(a.nbytes for a in self.arrays.values())
        total += sum(sys.getsizeof(w) for w in self.words) + sys.getsizeof(self.words)
        tables = [self.vocab.prefix_table(n) for n in PREFIX_LENGTHS]
        for table in (*self.vocab.by_len.values(), *tables):
            total += sys.getsizeof(table)  # the strings are shared with ``words`` or small
        total += sum(sys.getsizeof(p) for t in tables for p in t)
        return total

    def article_id(self, a: int) -> str:
        return self._id_table[a]

    def doc_text(self, doc: int) -> str:
        """The displayed text of one document (a slice of the article, title or name)."""
        a = int(self._doc_article[doc])
        kind = int(self._doc_kind[doc])
        if kind == KIND_TITLE:
            return self._titles[a]
        if kind == KIND_ENTITY:
            return self._entity_texts[int(self._doc_aux[doc])]
        return self._text_of(a)[int(self._doc_start[doc]) : int(self._doc_end[doc])]

    # ------------------------------------------------------------------ search
    def search(
        self,
        query: str | Query,
        *,
        limit: int = 50,
        article_id: str | None = None,
        cancel: Canceller | threading.Event | None = None,
    ) -> list[Hit]:
        """Ranked hits for ``query`` (a string in the query language or a parsed Query).

        ``article_id`` restricts the search to one article (find-in-article). ``cancel``
        is polled between stages; when it returns True (or the Event is set) the search
        stops with :class:`SearchCancelled`.
        """
        q = query if isinstance(query, Query) else parse_query(query)
        limit = max(0, int(limit))
        cache_key = (q.text, limit, article_id)
        cached = self._result_cache.get(cache_key)
        if cached is not None:
            return list(cached)
        if limit == 0 or self.doc_count == 0:
            return []
        hits = self.hits(q, self.ranked(q, limit=limit, article_id=article_id, cancel=cancel))
        self._result_cache.put(cache_key, hits)
        return list(hits)

    def ranked(
        self,
        q: Query,
        *,
        limit: int,
        article_id: str | None = None,
        cancel: Canceller | threading.Event | None = None,
    ) -> list[Ranked]:
        """The best ``limit`` documents as (rank key, document, score), best first.

        Rank keys of several segments compare, so their best documents merge; only the
        final ones become :class:`Hit` objects (:meth:`hits`), the costly part.
        """
        if limit <= 0 or self.doc_count == 0:
            return []
        if article_id is not None and article_id not in self.article_numbers:
            return []
        return self._search(q, limit, article_id, _checker(cancel))

    def hits(self, q: Query, ranked: list[Ranked]) -> list[Hit]:
        """Hits (text, kind, highlighted positions) for documents from :meth:`ranked`."""
        matches = [self._word_match(w, _never) for w in q.words]
        phrases = _phrase_patterns(q)
        return [self._hit(doc, q, matches, phrases, score, rank) for rank, doc, score in ranked]

    def _search(
        self, q: Query, limit: int, article_id: str | None, check: Callable[[], None]
    ) -> list[Ranked]:
        n = self.doc_count
        mask = self._filter_mask(q, article_id)
        check()
        required: list[np.ndarray] = []
        for name in q.entities:
            entity_mask = self._entity_mask(name, check)
            mask = entity_mask if mask is None else mask & entity_mask
        check()
        phrases = _phrase_patterns(q)
        for ph in q.phrases:
            pm = self._phrase_words_mask(ph, check)
            if pm is not None:
                required.append(pm)
        for r in required:
            mask = r if mask is None else mask & r
        matches = [self._word_match(w, check) for w in q.words]  # cached: hits() reuses them

        if q.is_empty:
            return self._browse(q, mask, limit, phrases)

        # One accumulator per document: 64 for each query word it matches plus the word's
        # best score (scores stay below 64 in all), so acc >> 6 counts the words matched and
        # acc & 63 sums their scores: the rank's base, with the fewest passes over memory.
        acc: np.ndarray | None = None
        for i, wm in enumerate(matches[:_MAX_COUNTED]):
            check()
            if not wm.found:
                continue
            best = np.zeros(n, dtype=np.uint16)
            for word_score, docs in wm.groups:  # ascending: a document keeps its best score
                best[docs] = _WORD_HIT + (word_score if i < _MAX_WORDS else 0)
            if acc is None:
                acc = best
            else:
                acc += best
        if acc is None:
            acc = np.zeros(n, dtype=np.uint16)
        # From here on only the candidate documents: those matching a word (or, with
        # phrases alone, those holding the phrase's words) that pass the filters.
        if q.words:
            cand = np.flatnonzero(acc > 0)  # a bool array takes numpy's fast path (6x)
            if mask is not None:
                cand = cand[mask[cand]]
        else:
            cand = np.flatnonzero(mask) if mask is not None else np.arange(n)
        if self._alive_docs is not None:
            cand = cand[self._alive_docs[cand]]
        check()
        if q.words:
            base = np.minimum(acc[cand], 100 * _WORD_HIT + 63).astype(np.int64)
        else:
            base = np.full(len(cand), _WORD_HIT, dtype=np.int64)
        key = (base << 48) | self._tiebreak[cand]
        want = max(limit * 4, _TOP_RERANK) if not phrases else max(limit * 20, 2000)
        order = _top(key, want)
        top = cand[order]
        top_keys = key[order]
        check()
        # Re-rank the best few: the query's words appearing in order, together.
        words = q.words
        scored: list[tuple[int, int]] = []
        for doc, k in zip(top.tolist(), top_keys.tolist(), strict=True):
            # The text is read only when a check needs it (it may come from the library).
            text = self.doc_text(doc) if phrases or len(words) >= 2 else ""
            if phrases and not all(p.search(text) for p in phrases):
                continue
            if (
                len(words) >= 2
                and int(acc[doc]) >> 6 >= len(words)
                and _contains_run(word_sequence(text), words)
            ):
                k += _PHRASE_BONUS << 48
            scored.append((k, doc))
        scored.sort(reverse=True)
        check()
        out: list[Ranked] = []
        for k, doc in scored[:limit]:
            base_k = k >> 48
            if base_k >= _PHRASE_BONUS or not q.words:
                score = 100.0
            else:
                n_words = min(len(words), _MAX_WORDS)
                score = round(100.0 * (int(acc[doc]) & 63) / (SCORE_EXACT * n_words), 1)
            out.append((k, doc, score))
        return out

    def _browse(
        self, q: Query, mask: np.ndarray | None, limit: int, phrases: list[re.Pattern[str]]
    ) -> list[Ranked]:
        """No words to match: the newest documents passing the filters (claims first)."""
        if mask is None:
            # Nothing asked at all: recent claims, or recent titles when nothing is a claim.
            mask = (self._doc_flags & FLAG_CLAIM) > 0
            if not mask.any():
                mask = self._doc_kind == KIND_TITLE
        if self._alive_docs is not None:
            mask = mask & self._alive_docs
        docs = np.flatnonzero(mask)
        if not len(docs):
            return []
        order = docs[np.argsort(-self._tiebreak[docs], kind="stable")]
        out: list[Ranked] = []
        for doc in order.tolist():
            if phrases and not all(p.search(self.doc_text(doc)) for p in phrases):
                continue
            out.append((int(self._tiebreak[doc]), doc, 100.0 if phrases else 0.0))
            if len(out) >= limit:
                break
        return out

    def _filter_mask(self, q: Query, article_id: str | None) -> np.ndarray | None:
        mask: np.ndarray | None = None
        if q.kinds:
            kinds = np.zeros(self.doc_count, dtype=bool)
            sentence = self._doc_kind == KIND_SENTENCE
            if "sentence" in q.kinds:
                kinds |= sentence
            if "claim" in q.kinds:
                kinds |= sentence & ((self._doc_flags & FLAG_CLAIM) > 0)
            if "figure" in q.kinds:
                kinds |= sentence & ((self._doc_flags & FLAG_FIGURE) > 0)
            if "title" in q.kinds:
                kinds |= self._doc_kind == KIND_TITLE
            if "entity" in q.kinds:
                kinds |= self._doc_kind == KIND_ENTITY
            mask = kinds
        if q.sites or q.since is not None or article_id is not None:
            keep = np.ones(self.article_count, dtype=bool)
            if article_id is not None:
                keep[:] = False
                keep[self.article_numbers[article_id]] = True
            if q.sites:
                keep &= np.fromiter(
                    (any(s in names for s in q.sites) for names in self._site_names),
                    dtype=bool,
                    count=self.article_count,
                )
            if q.since is not None:
                keep &= self._article_day >= q.since.date().toordinal()
            docs = keep[self._doc_article]
            mask = docs if mask is None else mask & docs
        return mask

    def _entity_mask(self, name: str, check: Callable[[], None]) -> np.ndarray:
        """Sentences mentioning an entity whose name is close to ``name``.

        With no such entity (or no entity extraction at all) the name's words are
        required in the sentence instead, so ``@putin`` still narrows sensibly.
        """
        key = " ".join(query_words(name))
        mask = np.zeros(self.doc_count, dtype=bool)
        if not key:
            return mask
        found = False
        if self._entity_names:
            for _, _, i in process.extract(
                key,
                self._entity_names,
                scorer=fuzz.WRatio,
                score_cutoff=_ENTITY_CUTOFF,
                limit=None,
            ):
                mask[self._entity_docs(i)] = True
                found = True
        if found:
            return mask
        mask[:] = self._doc_kind == KIND_SENTENCE
        for w in key.split():
            check()
            wm = self._word_match(w, check)
            has = np.zeros(self.doc_count, dtype=bool)
            for _, docs in wm.groups:
                has[docs] = True
            mask &= has
        return mask

    def _phrase_words_mask(self, phrase: str, check: Callable[[], None]) -> np.ndarray | None:
        """Docs containing every word of a literal phrase (the last may be partial)."""
        words = query_words(phrase)
        if not words:
            return None
        mask = np.ones(self.doc_count, dtype=bool)
        for j, w in enumerate(words):
            check()
            lo = bisect_left(self.words, w)
            if j == len(words) - 1:
                hi = bisect_left(self.words, w + "\U0010ffff")
            else:
                hi = lo + 1 if lo < len(self.words) and self.words[lo] == w else lo
            has = np.zeros(self.doc_count, dtype=bool)
            has[self._post[self._post_off[lo] : self._post_off[hi]]] = True
            mask &= has
        return mask

    # ------------------------------------------------------------------ words
    def _word_match(self, q: str, check: Callable[[], None]) -> WordMatch:
        wm = self._word_cache.get(q)
        if wm is None:
            wm = self.vocab.match(q, self._post, self._post_off, check)
            self._word_cache.put(q, wm)
        return wm

    # ------------------------------------------------------------------ hits
    def _hit(
        self,
        doc: int,
        q: Query,
        matches: list[WordMatch],
        phrases: list[re.Pattern[str]],
        score: float,
        rank: int,
    ) -> Hit:
        a = int(self._doc_article[doc])
        kind_code = int(self._doc_kind[doc])
        flags = int(self._doc_flags[doc])
        if kind_code == KIND_TITLE:
            kind = "title"
        elif kind_code == KIND_ENTITY:
            kind = "entity"
        elif (
            "figure" in q.kinds
            and flags & FLAG_FIGURE
            and not ("claim" in q.kinds and flags & FLAG_CLAIM)
        ):
            kind = "figure"
        elif flags & FLAG_CLAIM:
            kind = "claim"
        else:
            kind = "sentence"
        text = self.doc_text(doc)
        return Hit(
            article_id=self._id_table[a],
            article_index=a,
            title=self._titles[a],
            kind=kind,
            sentence=int(self._doc_sentence[doc]),
            span=(int(self._doc_start[doc]), int(self._doc_end[doc])),
            text=text,
            positions=match_positions(text, matches, phrases),
            score=score,
            rank=int(rank),
        )


def _top(key: np.ndarray, want: int) -> np.ndarray:
    """Indexes of the ``want`` largest keys, largest first."""
    if want < len(key):
        part = np.argpartition(-key, want)[:want]
        return part[np.argsort(-key[part], kind="stable")]
    return np.argsort(-key, kind="stable")


def _contains_run(seq: list[str], words: list[str]) -> bool:
    n = len(words)
    first = words[0]
    return any(seq[i] == first and seq[i : i + n] == words for i in range(len(seq) - n + 1))


def _phrase_patterns(q: Query) -> list[re.Pattern[str]]:
    return [
        re.compile(r"\s+".join(re.escape(p) for p in ph.split()), re.IGNORECASE)
        for ph in q.phrases
    ]


def _never() -> None:
    """A cancel check that never fires."""


def _checker(cancel: Canceller | threading.Event | None) -> Callable[[], None]:
    if cancel is None:
        return lambda: None
    test = cancel.is_set if isinstance(cancel, threading.Event) else cancel

    def check() -> None:
        if test():
            raise SearchCancelled

    return check
