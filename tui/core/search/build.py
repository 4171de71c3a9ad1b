"""Build one index segment's arrays from articles (pure numpy; no files, no UI).

A segment is a dict of flat arrays (see :mod:`tui.core.search.segment`): per document
(title, sentence or entity name) its article, kind, flags, sentence and span; the sorted
vocabulary with every word's posting list; the entity names with the sentences that mention
them; and per article the few strings a hit shows (id, title, site, source path).
Article texts are not copied: a hit's text is read back from the article (or the library).
"""

from __future__ import annotations

import contextlib
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from urllib.parse import urlsplit

import numpy as np

from tui.core.model import Article
from tui.core.search.normalise import fold, index_words, query_words
from tui.core.search.strings import pack_strings

KIND_SENTENCE, KIND_TITLE, KIND_ENTITY = 0, 1, 2
FLAG_CLAIM, FLAG_FIGURE = 1, 2
_MAX_MINUTE = (1 << 30) - 1  # the recency field of the tie-break key is 30 bits

Arrays = dict[str, np.ndarray]


class _Columns:
    """The growing per-document columns and token stream of a build."""

    def __init__(self) -> None:
        vocab: defaultdict[str, int] = defaultdict()
        vocab.default_factory = vocab.__len__  # a new word gets the next id
        self.vocab = vocab
        self.word_id = vocab.__getitem__
        self.tokens = array("i")
        self.counts = array("i")
        self.article, self.kind, self.flags = array("i"), array("b"), array("b")
        self.sentence, self.start, self.end, self.aux = (array("i") for _ in range(4))

    def add(self, text: str, a: int, kind: int, sent: int, s: int, e: int, aux: int) -> None:
        ws = index_words(text)
        self.tokens.extend(map(self.word_id, ws))
        self.counts.append(len(ws))
        for col, value in (
            (self.article, a),
            (self.kind, kind),
            (self.flags, 0),
            (self.sentence, sent),
            (self.start, s),
            (self.end, e),
            (self.aux, aux),
        ):
            col.append(value)

    def add_sentences(self, art: Article, a: int, flags_of: dict[int, int]) -> None:
        # In bulk: one tokenising call each, the row columns extended at once.
        text, n = art.text, len(art.sentences)
        for s, e in art.sentences:
            ws = index_words(text[s:e])
            self.tokens.extend(map(self.word_id, ws))
            self.counts.append(len(ws))
        self.article.extend(array("i", [a]) * n)
        self.kind.extend(array("b", [KIND_SENTENCE]) * n)
        self.flags.extend(array("b", [flags_of.get(i, 0) for i in range(n)]))
        self.sentence.extend(array("i", range(n)))
        self.start.extend(array("i", [s for s, _ in art.sentences]))
        self.end.extend(array("i", [e for _, e in art.sentences]))
        self.aux.extend(array("i", [0]) * n)


def build_arrays(articles: Iterable[Article]) -> Arrays:
    """Index ``articles`` (any iterable, read once) into one segment's arrays."""
    cols = _Columns()
    ids: list[str] = []
    titles: list[str] = []
    sites: list[str] = []
    paths: list[str] = []
    days: list[int] = []
    minutes: list[int] = []
    entity_texts: dict[str, int] = {}  # distinct displayed names: entity docs share them
    entity_docs: dict[str, list[int]] = {}
    for a, art in enumerate(articles):
        ids.append(art.id)
        titles.append(art.title)
        sites.append(_site_names(art))
        paths.append(art.source_path or "")
        days.append(art.published.date().toordinal() if art.published else -1)
        minutes.append(_minute(art.published))
        if art.title.strip():
            cols.add(art.title, a, KIND_TITLE, -1, 0, 0, 0)
        first_doc = len(cols.article)
        starts = [s for s, _ in art.sentences]
        cols.add_sentences(art, a, _sentence_flags(art, starts))
        for ent in art.analysis.entities:
            names = [ent.name, *ent.aliases]
            mention_sents = sorted(
                {i for i in (_sentence_of(starts, m[0]) for m in ent.mentions) if i >= 0}
            )
            first = mention_sents[0] if mention_sents else -1
            s, e = ent.mentions[0] if ent.mentions else (0, 0)
            shown = entity_texts.setdefault(ent.name, len(entity_texts))
            cols.add(" ".join(names), a, KIND_ENTITY, first, s, e, shown)
            docs = [first_doc + i for i in mention_sents]
            for name in names:
                key = " ".join(query_words(name))
                if key:
                    entity_docs.setdefault(key, []).extend(docs)
    out = _postings(cols)
    out.update(_doc_columns(cols, np.asarray(minutes, dtype=np.int64)))
    out.update(_entities(entity_docs))
    out["article_day"] = np.asarray(days, dtype=np.int64)
    out["article_minute"] = np.asarray(minutes, dtype=np.int64)
    for name, values in (
        ("ids", ids),
        ("titles", titles),
        ("sites", sites),
        ("paths", paths),
        ("entity_texts", list(entity_texts)),
    ):
        out.update(pack_strings(name, values))
    return out


def _doc_columns(cols: _Columns, minutes: np.ndarray) -> Arrays:
    def col(values: array, dtype: type) -> np.ndarray:
        return np.frombuffer(values, dtype=dtype).copy() if len(values) else np.zeros(0, dtype)

    out = {
        "doc_article": col(cols.article, np.int32),
        "doc_kind": col(cols.kind, np.int8),
        "doc_flags": col(cols.flags, np.int8),
        "doc_sentence": col(cols.sentence, np.int32),
        "doc_start": col(cols.start, np.int32),
        "doc_end": col(cols.end, np.int32),
        "doc_aux": col(cols.aux, np.int32),
    }
    out["tiebreak"] = tiebreak(out["doc_flags"], out["doc_sentence"], minutes[out["doc_article"]])
    return out


def tiebreak(flags: np.ndarray, sentence: np.ndarray, minute: np.ndarray) -> np.ndarray:
    """Rank key among equal scores: claims first, then newer articles, earlier sentences.

    Absolute (minutes since 1970), so keys from different segments compare.
    """
    claim = ((flags & FLAG_CLAIM) > 0).astype(np.int64)
    sent = np.clip(sentence.astype(np.int64), -1, 0xFFFE) + 1
    return (claim << 46) | (minute.astype(np.int64) << 16) | (0xFFFF - sent)


def _postings(cols: _Columns) -> Arrays:
    """Sort the vocabulary (each prefix one id range) and group the tokens by word."""
    unsorted = list(cols.vocab)
    cols.vocab.clear()
    order = sorted(range(len(unsorted)), key=unsorted.__getitem__)
    words = [unsorted[i] for i in order]
    del unsorted
    remap = np.empty(len(order), dtype=np.int32)
    remap[np.asarray(order, dtype=np.int64)] = np.arange(len(order), dtype=np.int32)
    word_of_token = remap[np.frombuffer(cols.tokens, dtype=np.int32)] if cols.tokens else remap[:0]
    del cols.tokens[:]  # the largest temporaries follow: free what is done with first
    n_docs = len(cols.counts)
    counts = np.frombuffer(cols.counts, dtype=np.int32) if n_docs else np.zeros(0, np.int32)
    doc_of_token = np.repeat(np.arange(n_docs, dtype=np.int32), counts)
    by_word = stable_order(word_of_token)
    post_off = np.zeros(len(words) + 1, dtype=np.int64)
    np.cumsum(np.bincount(word_of_token, minlength=len(words)), out=post_off[1:])
    out = {"post": doc_of_token[by_word], "post_off": post_off}
    out.update(pack_strings("words", words))
    return out


def _entities(entity_docs: dict[str, list[int]]) -> Arrays:
    docs = [np.unique(np.asarray(v, dtype=np.int32)) for v in entity_docs.values()]
    return entity_arrays(list(entity_docs), docs)


def entity_arrays(names: list[str], docs: list[np.ndarray]) -> Arrays:
    """Entity names with the (ascending) sentence documents mentioning each."""
    off = np.zeros(len(docs) + 1, dtype=np.int64)
    np.cumsum([len(d) for d in docs], out=off[1:])
    out = {
        "entity_docs": np.concatenate(docs) if docs else np.zeros(0, np.int32),
        "entity_off": off,
    }
    out.update(pack_strings("entity_names", names))
    return out


def _sentence_flags(art: Article, starts: list[int]) -> dict[int, int]:
    flags_of: dict[int, int] = {}
    for items, flag in ((art.analysis.claims, FLAG_CLAIM), (art.analysis.figures, FLAG_FIGURE)):
        for item in items:
            i = item.sentence
            if not 0 <= i < len(art.sentences):
                i = _sentence_of(starts, item.span[0])
            if i >= 0:
                flags_of[i] = flags_of.get(i, 0) | flag
    return flags_of


def stable_order(values: np.ndarray) -> np.ndarray:
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


def _sentence_of(starts: list[int], offset: int) -> int:
    i = bisect_right(starts, offset) - 1
    return i if i >= 0 else -1


def _minute(dt: datetime | None) -> int:
    if dt is None:
        return 0
    try:
        return min(max(int(dt.timestamp() // 60), 0), _MAX_MINUTE)
    except (OverflowError, OSError, ValueError):
        return 0


def _site_names(article: Article) -> str:
    names = [article.site or ""]
    if article.url:
        with contextlib.suppress(ValueError):
            names.append(urlsplit(article.url).netloc)
    return fold(" ".join(names))
