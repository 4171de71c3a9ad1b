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

import contextlib
import re
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from tui.core.model import Article, Span
from tui.core.search.normalise import (
    PART_RE,
    WORD_RE,
    fold,
    index_words,
    query_words,
    word_sequence,
)
from tui.core.search.query import Query, parse_query

KIND_SENTENCE, KIND_TITLE, KIND_ENTITY = 0, 1, 2
FLAG_CLAIM, FLAG_FIGURE = 1, 2

# Per-word match scores: the ranking tiers (exact > prefix > fuzzy whole > fuzzy prefix).
SCORE_EXACT, SCORE_PREFIX = 8, 6
SCORE_FUZZY = {1: 4, 2: 3}
SCORE_FUZZY_PREFIX = {1: 2, 2: 1}
_MAX_WORDS = 7  # words beyond this still filter but stop adding to the score
_PHRASE_BONUS = 1 << 13
_TOP_RERANK = 100  # candidates re-checked for the whole query as a phrase
_PREFIX_LENGTHS = range(3, 13)  # prefix tables kept for the fuzzy-prefix match
_ENTITY_CUTOFF = 85.0

Canceller = Callable[[], bool]


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


@dataclass(slots=True)
class WordMatch:
    """How one query word matches the vocabulary, and the documents per match score."""

    word: str
    groups: list[tuple[int, np.ndarray]] = field(default_factory=list)  # ascending score
    fuzzy: dict[str, int] = field(default_factory=dict)  # vocabulary word -> distance
    fuzzy_prefixes: dict[str, int] = field(default_factory=dict)  # prefix -> distance
    _prefix_tuple: tuple[str, ...] | None = None

    @property
    def found(self) -> bool:
        return any(len(d) for _, d in self.groups)

    def classify(self, word: str) -> tuple[str, str] | None:
        """How ``word`` (normalised) matched: ``(tier, the part compared)`` or None."""
        q = self.word
        if word == q:
            return "exact", word
        if len(q) >= 2 and word.startswith(q):
            return "prefix", q
        if word in self.fuzzy:
            return "fuzzy", word
        if self._prefix_tuple is None:
            self._prefix_tuple = tuple(self.fuzzy_prefixes)
        if self._prefix_tuple and word.startswith(self._prefix_tuple):
            for p in self._prefix_tuple:
                if word.startswith(p):
                    return "fuzzy", p
        return None


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """What the index keeps of an article: enough to show and rank its hits.

    The analysis is read while building and then let go, so an index over a large library
    holds the articles' text, not every entity, figure and claim object.
    """

    id: str
    title: str
    text: str
    published: datetime | None
    source_path: str | None
    entity_names: tuple[str, ...]


class SearchIndex:
    """A fuzzy full-text index over articles' sentences, claims, entities and titles.

    ``articles`` may be any iterable (a generator reading a library one article at a
    time): each is indexed and kept as an :class:`IndexedArticle`.
    """

    def __init__(self, articles: Iterable[Article]) -> None:
        self.articles: list[IndexedArticle] = []
        self._ids: dict[str, int] = {}
        self._lock = threading.Lock()
        self._word_cache: OrderedDict[str, WordMatch] = OrderedDict()
        self._result_cache: OrderedDict[tuple[str, int, str | None], list[Hit]] = OrderedDict()
        self._build(articles)

    # ------------------------------------------------------------------ build
    def _build(self, articles: Iterable[Article]) -> None:
        vocab: defaultdict[str, int] = defaultdict()
        vocab.default_factory = vocab.__len__  # a new word gets the next id
        word_id = vocab.__getitem__
        tokens = array("i")
        counts = array("i")
        doc_article, doc_kind, doc_flags = array("i"), array("b"), array("b")
        doc_sentence, doc_start, doc_end, doc_aux = array("i"), array("i"), array("i"), array("i")
        entity_docs: dict[str, list[int]] = {}

        def add(text: str, a: int, kind: int, flags: int, sent: int, s: int, e: int, aux: int):
            ws = index_words(text)
            tokens.extend(map(word_id, ws))
            counts.append(len(ws))
            doc_article.append(a)
            doc_kind.append(kind)
            doc_flags.append(flags)
            doc_sentence.append(sent)
            doc_start.append(s)
            doc_end.append(e)
            doc_aux.append(aux)

        site_names: list[str] = []
        for a, art in enumerate(articles):
            self._ids[art.id] = a
            self.articles.append(
                IndexedArticle(
                    id=art.id,
                    title=art.title,
                    text=art.text,
                    published=art.published,
                    source_path=art.source_path,
                    entity_names=tuple(e.name for e in art.analysis.entities),
                )
            )
            site_names.append(_site_names(art))
            text = art.text
            flags_of: dict[int, int] = {}
            starts = [s for s, _ in art.sentences]
            for claim in art.analysis.claims:
                i = claim.sentence
                if not 0 <= i < len(art.sentences):
                    i = _sentence_of(starts, claim.span[0])
                if i >= 0:
                    flags_of[i] = flags_of.get(i, 0) | FLAG_CLAIM
            for fig in art.analysis.figures:
                i = fig.sentence
                if not 0 <= i < len(art.sentences):
                    i = _sentence_of(starts, fig.span[0])
                if i >= 0:
                    flags_of[i] = flags_of.get(i, 0) | FLAG_FIGURE
            if art.title.strip():
                add(art.title, a, KIND_TITLE, 0, -1, 0, 0, 0)
            # Sentences in bulk: one tokenising call each, the row columns extended at once.
            first_doc = len(doc_article)
            n = len(art.sentences)
            for s, e in art.sentences:
                ws = index_words(text[s:e])
                tokens.extend(map(word_id, ws))
                counts.append(len(ws))
            doc_article.extend(array("i", [a]) * n)
            doc_kind.extend(array("b", [KIND_SENTENCE]) * n)
            doc_flags.extend(array("b", [flags_of.get(i, 0) for i in range(n)]))
            doc_sentence.extend(array("i", range(n)))
            doc_start.extend(array("i", [s for s, _ in art.sentences]))
            doc_end.extend(array("i", [e for _, e in art.sentences]))
            doc_aux.extend(array("i", [0]) * n)
            for k, ent in enumerate(art.analysis.entities):
                names = [ent.name, *ent.aliases]
                mention_sents = sorted(
                    {i for i in (_sentence_of(starts, m[0]) for m in ent.mentions) if i >= 0}
                )
                first = mention_sents[0] if mention_sents else -1
                s, e = ent.mentions[0] if ent.mentions else (0, 0)
                add(" ".join(names), a, KIND_ENTITY, 0, first, s, e, k)
                docs = [first_doc + i for i in mention_sents]
                for name in names:
                    key = " ".join(query_words(name))
                    if key:
                        entity_docs.setdefault(key, []).extend(docs)

        n_docs = len(counts)
        self.doc_count = n_docs
        self._doc_article = np.frombuffer(doc_article, dtype=np.int32).copy()
        self._doc_kind = np.frombuffer(doc_kind, dtype=np.int8).copy()
        self._doc_flags = np.frombuffer(doc_flags, dtype=np.int8).copy()
        self._doc_sentence = np.frombuffer(doc_sentence, dtype=np.int32).copy()
        self._doc_start = np.frombuffer(doc_start, dtype=np.int32).copy()
        self._doc_end = np.frombuffer(doc_end, dtype=np.int32).copy()
        self._doc_aux = np.frombuffer(doc_aux, dtype=np.int32).copy()

        # Sort the vocabulary so that each prefix is one contiguous id range.
        unsorted = list(vocab)
        vocab.clear()
        order = sorted(range(len(unsorted)), key=unsorted.__getitem__)
        self.words: list[str] = [unsorted[i] for i in order]
        del unsorted
        remap = np.empty(len(order), dtype=np.int32)
        remap[np.asarray(order, dtype=np.int64)] = np.arange(len(order), dtype=np.int32)
        word_of_token = remap[np.frombuffer(tokens, dtype=np.int32)]
        del tokens[:]  # the largest temporaries follow: free what is done with first
        doc_of_token = np.repeat(
            np.arange(n_docs, dtype=np.int32), np.frombuffer(counts, dtype=np.int32)
        )
        by_word = _stable_order(word_of_token)
        self._post = doc_of_token[by_word]
        self._post_off = np.zeros(len(self.words) + 1, dtype=np.int64)
        np.cumsum(np.bincount(word_of_token, minlength=len(self.words)), out=self._post_off[1:])
        del by_word, word_of_token, doc_of_token

        # Words by length, for the fuzzy match (only similar lengths can be close).
        self._by_len: dict[int, list[str]] = {}
        for w in self.words:
            self._by_len.setdefault(len(w), []).append(w)
        # Distinct prefixes per length, for the fuzzy match of a word still being typed.
        self._prefixes: dict[int, list[str]] = {}
        for n in _PREFIX_LENGTHS:
            seen: list[str] = []
            last = ""
            for w in self.words:
                if len(w) > n:
                    p = w[:n]
                    if p != last:
                        seen.append(p)
                        last = p
            self._prefixes[n] = seen

        # Entities: distinct normalised names -> sentence docs that mention them.
        self._entity_names = list(entity_docs)
        self._entity_docs = [np.unique(np.asarray(v, dtype=np.int32)) for v in entity_docs.values()]

        # Per-article filter data: site names and publication day (-1: undated).
        self._site_names = site_names
        self._article_day = np.array(
            [a.published.date().toordinal() if a.published else -1 for a in self.articles],
            dtype=np.int64,
        )

        # Tie-break key: claims first, then newer articles, then earlier sentences.
        n_articles = len(self.articles)
        by_date = sorted(
            range(n_articles),
            key=lambda i: (_timestamp(self.articles[i].published), -i),
        )
        recency = np.empty(max(n_articles, 1), dtype=np.int64)
        recency[np.asarray(by_date, dtype=np.int64)] = np.arange(n_articles, dtype=np.int64)
        claim = (self._doc_flags & FLAG_CLAIM).astype(np.int64) > 0
        sent = np.clip(self._doc_sentence.astype(np.int64), -1, 0xFFFE) + 1
        self._tiebreak = (
            (claim.astype(np.int64) << 46)
            | (recency[self._doc_article] << 16 if n_docs else np.zeros(0, np.int64))
            | (0xFFFF - sent)
        )

    def clear_caches(self) -> None:
        """Forget cached word matches and results (they are only a typing speed-up)."""
        with self._lock:
            self._word_cache.clear()
            self._result_cache.clear()

    # ------------------------------------------------------------------ info
    @property
    def vocabulary_size(self) -> int:
        return len(self.words)

    def nbytes(self) -> int:
        """Approximate memory held by the index (arrays, vocabulary, prefix tables)."""
        import sys

        arrays = (
            self._doc_article,
            self._doc_kind,
            self._doc_flags,
            self._doc_sentence,
            self._doc_start,
            self._doc_end,
            self._doc_aux,
            self._post,
            self._post_off,
            self._tiebreak,
        )
        total = sum(a.nbytes for a in arrays)
        total += sum(sys.getsizeof(w) for w in self.words) + sys.getsizeof(self.words)
        for table in (*self._by_len.values(), *self._prefixes.values()):
            total += sys.getsizeof(table)  # the strings are shared with ``words`` or small
        total += sum(sys.getsizeof(p) for t in self._prefixes.values() for p in t)
        return total

    def doc_text(self, doc: int) -> str:
        """The displayed text of one document (a slice of the article, title or name)."""
        art = self.articles[int(self._doc_article[doc])]
        kind = int(self._doc_kind[doc])
        if kind == KIND_TITLE:
            return art.title
        if kind == KIND_ENTITY:
            return art.entity_names[int(self._doc_aux[doc])]
        return art.text[int(self._doc_start[doc]) : int(self._doc_end[doc])]

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
        check = _checker(cancel)
        q = query if isinstance(query, Query) else parse_query(query)
        limit = max(0, int(limit))
        cache_key = (q.text, limit, article_id)
        with self._lock:
            cached = self._result_cache.get(cache_key)
            if cached is not None:
                self._result_cache.move_to_end(cache_key)
                return list(cached)
        if limit == 0 or self.doc_count == 0:
            return []
        if article_id is not None and article_id not in self._ids:
            return []
        hits = self._search(q, limit, article_id, check)
        with self._lock:
            self._result_cache[cache_key] = hits
            if len(self._result_cache) > 64:
                self._result_cache.popitem(last=False)
        return list(hits)

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

    def _search(
        self, q: Query, limit: int, article_id: str | None, check: Callable[[], None]
    ) -> list[Hit]:
        n = self.doc_count
        mask = self._filter_mask(q, article_id)
        check()
        required: list[np.ndarray] = []
        for name in q.entities:
            entity_mask = self._entity_mask(name, check)
            mask = entity_mask if mask is None else mask & entity_mask
        check()
        phrases = [
            re.compile(r"\s+".join(re.escape(p) for p in ph.split()), re.IGNORECASE)
            for ph in q.phrases
        ]
        for ph in q.phrases:
            pm = self._phrase_words_mask(ph, check)
            if pm is not None:
                required.append(pm)
        for r in required:
            mask = r if mask is None else mask & r
        matches = [self._word_match(w, check) for w in q.words]

        if q.is_empty:
            return self._browse(q, mask, limit, phrases)

        total = np.zeros(n, dtype=np.uint16)
        count = np.zeros(n, dtype=np.uint16)
        for i, wm in enumerate(matches):
            check()
            if not wm.found:
                continue
            best = np.zeros(n, dtype=np.uint8)
            for score, docs in wm.groups:
                best[docs] = score
            if i < _MAX_WORDS:
                total += best
            count += best > 0
        # From here on only the candidate documents: those matching a word (or, with
        # phrases alone, those holding the phrase's words) that pass the filters.
        if q.words:
            cand = np.flatnonzero(count)
            if mask is not None:
                cand = cand[mask[cand]]
        else:
            cand = np.flatnonzero(mask) if mask is not None else np.arange(n)
        check()
        hits_count = np.minimum(count[cand], 100).astype(np.int64) if q.words else 1
        base = hits_count * 64 + np.minimum(total[cand], 63).astype(np.int64)
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
            text = self.doc_text(doc)
            if phrases and not all(p.search(text) for p in phrases):
                continue
            if (
                len(words) >= 2
                and int(count[doc]) >= len(words)
                and _contains_run(word_sequence(text), words)
            ):
                k += _PHRASE_BONUS << 48
            scored.append((k, doc))
        scored.sort(reverse=True)
        check()
        out: list[Hit] = []
        for k, doc in scored[:limit]:
            base_k = k >> 48
            if base_k >= _PHRASE_BONUS or not q.words:
                score = 100.0
            else:
                n_words = min(len(words), _MAX_WORDS)
                score = round(100.0 * min(int(total[doc]), 63) / (SCORE_EXACT * n_words), 1)
            out.append(self._hit(doc, q, matches, phrases, score))
        return out

    def _browse(
        self, q: Query, mask: np.ndarray | None, limit: int, phrases: list[re.Pattern[str]]
    ) -> list[Hit]:
        """No words to match: the newest documents passing the filters (claims first)."""
        if mask is None:
            # Nothing asked at all: recent claims, or recent titles when nothing is a claim.
            mask = (self._doc_flags & FLAG_CLAIM) > 0
            if not mask.any():
                mask = self._doc_kind == KIND_TITLE
        docs = np.flatnonzero(mask)
        if not len(docs):
            return []
        order = docs[np.argsort(-self._tiebreak[docs], kind="stable")]
        out: list[Hit] = []
        for doc in order.tolist():
            if phrases and not all(p.search(self.doc_text(doc)) for p in phrases):
                continue
            out.append(self._hit(doc, q, [], phrases, 100.0 if phrases else 0.0))
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
            keep = np.ones(len(self.articles), dtype=bool)
            if article_id is not None:
                keep[:] = False
                keep[self._ids[article_id]] = True
            if q.sites:
                keep &= np.fromiter(
                    (any(s in names for s in q.sites) for names in self._site_names),
                    dtype=bool,
                    count=len(self.articles),
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
                mask[self._entity_docs[i]] = True
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
        with self._lock:
            wm = self._word_cache.get(q)
            if wm is not None:
                self._word_cache.move_to_end(q)
                return wm
        wm = self._match_word(q, check)
        with self._lock:
            self._word_cache[q] = wm
            if len(self._word_cache) > 512:
                self._word_cache.popitem(last=False)
        return wm

    def _match_word(self, q: str, check: Callable[[], None]) -> WordMatch:
        words, post, off = self.words, self._post, self._post_off
        wm = WordMatch(q)
        lo = bisect_left(words, q)
        exact = lo < len(words) and words[lo] == q
        covered_hi = lo + 1 if exact else lo  # ids already matched exactly or by prefix
        if len(q) >= 2:
            covered_hi = bisect_left(words, q + "\U0010ffff", lo)
        n = len(q)
        k = 0 if n < 4 else 1 if n < 8 else 2
        if k:
            check()
            fuzzy_ids: dict[int, list[int]] = {}
            for length in range(n - k, n + k + 1):
                for w, d, _ in process.extract(
                    q,
                    self._by_len.get(length, ()),
                    scorer=Levenshtein.distance,
                    score_cutoff=k,
                    limit=None,
                ):
                    if d == 0 or w.startswith(q):
                        continue
                    wm.fuzzy[w] = int(d)
                    fuzzy_ids.setdefault(int(d), []).append(bisect_left(words, w))
            check()
            prefix_ids: dict[int, list[tuple[int, int]]] = {}
            for length in range(n - 1, n + 2):
                table = self._prefixes.get(length)
                if not table:
                    continue
                # A word being typed keeps its first letter: compare with that block only.
                block = table[bisect_left(table, q[0]) : bisect_left(table, q[0] + "\U0010ffff")]
                for p, d, _ in process.extract(
                    q, block, scorer=Levenshtein.distance, score_cutoff=k, limit=None
                ):
                    if d == 0 or p.startswith(q) or q.startswith(p):
                        continue
                    wm.fuzzy_prefixes[p] = int(d)
                    a = bisect_left(words, p)
                    b = bisect_right(words, p + "\U0010ffff", a)
                    prefix_ids.setdefault(int(d), []).append((a, b))
            for d in sorted(prefix_ids, reverse=True):
                parts = [post[off[a] : off[b]] for a, b in prefix_ids[d]]
                wm.groups.append((SCORE_FUZZY_PREFIX[d], np.concatenate(parts)))
            for d in sorted(fuzzy_ids, reverse=True):
                parts = [post[off[i] : off[i + 1]] for i in fuzzy_ids[d]]
                wm.groups.append((SCORE_FUZZY[d], np.concatenate(parts)))
        if covered_hi > lo + (1 if exact else 0):
            a = lo + 1 if exact else lo
            wm.groups.append((SCORE_PREFIX, post[off[a] : off[covered_hi]]))
        if exact:
            wm.groups.append((SCORE_EXACT, post[off[lo] : off[lo + 1]]))
        return wm

    # ------------------------------------------------------------------ hits
    def _hit(
        self,
        doc: int,
        q: Query,
        matches: list[WordMatch],
        phrases: list[re.Pattern[str]],
        score: float,
    ) -> Hit:
        a = int(self._doc_article[doc])
        art = self.articles[a]
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
            article_id=art.id,
            article_index=a,
            title=art.title,
            kind=kind,
            sentence=int(self._doc_sentence[doc]),
            span=(int(self._doc_start[doc]), int(self._doc_end[doc])),
            text=text,
            positions=match_positions(text, matches, phrases),
            score=score,
        )


def match_positions(
    text: str, matches: Sequence[WordMatch], phrases: Sequence[re.Pattern[str]] = ()
) -> tuple[int, ...]:
    """Offsets in ``text`` of the characters that matched (for highlighting)."""
    found: set[int] = set()
    for pattern in phrases:
        for m in pattern.finditer(text):
            found.update(range(m.start(), m.end()))
    # Every matching word starts with one of these: a cheap first test per word.
    starts = tuple({p for wm in matches for p in (wm.word, *wm.fuzzy, *wm.fuzzy_prefixes) if p})
    if starts:
        for m in WORD_RE.finditer(text):
            raw, start = m.group(0), m.start()
            if raw.isalnum():
                word = fold(raw)
                if word.startswith(starts):
                    _mark(word, range(start, m.end()), matches, found)
                continue
            offsets: list[int] = []
            parts: list[str] = []
            for p in PART_RE.finditer(raw):
                part_offsets = range(start + p.start(), start + p.end())
                offsets.extend(part_offsets)
                part = fold(p.group(0))
                parts.append(part)
                if part.startswith(starts):
                    _mark(part, part_offsets, matches, found)
            joined = "".join(parts)
            if joined.startswith(starts):
                _mark(joined, offsets, matches, found)
    return tuple(sorted(p for p in found if 0 <= p < len(text)))


def _mark(word: str, offsets: Sequence[int], matches: Sequence[WordMatch], found: set[int]) -> None:
    for wm in matches:
        how = wm.classify(word)
        if how is None:
            continue
        tier, target = how
        if tier == "exact" or len(word) != len(offsets):
            # Normalisation changed the length (e.g. "ß" -> "ss"): mark the whole word.
            found.update(offsets)
        elif tier == "prefix":
            found.update(offsets[: len(wm.word)])
        else:
            for tag, _i1, _i2, j1, j2 in Levenshtein.opcodes(wm.word, target):
                if tag == "equal":
                    found.update(offsets[j1:j2])


def _stable_order(values: np.ndarray) -> np.ndarray:
    """``argsort(values, kind="stable")`` for non-negative int32, as 16-bit radix passes.

    numpy radix-sorts 16-bit keys; two passes (low half, then high half) beat its
    general stable sort on the millions of tokens of a large index.
    """
    # argsort answers int64; the positions fit int32, and half the bytes keep the peak
    # memory of a large build down.
    low = np.argsort((values & 0xFFFF).astype(np.uint16), kind="stable").astype(np.int32)
    high = (values >> 16).astype(np.uint16)[low]
    if not high.any():
        return low
    return low[np.argsort(high, kind="stable")]


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


def _sentence_of(starts: list[int], offset: int) -> int:
    i = bisect_right(starts, offset) - 1
    return i if i >= 0 else -1


def _timestamp(dt: datetime | None) -> float:
    if dt is None:
        return float("-inf")
    try:
        return dt.timestamp()
    except (OverflowError, OSError, ValueError):
        return float("-inf")


def _site_names(article: Article) -> str:
    names = [article.site or ""]
    if article.url:
        with contextlib.suppress(ValueError):
            names.append(urlsplit(article.url).netloc)
    return fold(" ".join(names))


def _checker(cancel: Canceller | threading.Event | None) -> Callable[[], None]:
    if cancel is None:
        return lambda: None
    test = cancel.is_set if isinstance(cancel, threading.Event) else cancel

    def check() -> None:
        if test():
            raise SearchCancelled

    return check
