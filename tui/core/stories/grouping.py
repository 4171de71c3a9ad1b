"""Incremental story grouping: a new article joins the closest story or starts one.

Single pass, no recompute. An article's terms are weighted by TF-IDF where the document
frequencies are those of the articles seen so far (nothing is fitted on articles not yet
imported). Candidate stories come from an inverted index over each article's most telling
terms (names and rare words); the article joins the candidate whose term vector is the most
similar if that similarity clears the threshold, else it starts a story. Published dates far
apart lower the similarity: two floods a year apart are two stories, whatever their words.

The index behind it is a protocol: :class:`MemoryIndex` here (benchmarks, tests) and the
library's SQLite tables (:mod:`tui.core.stories.store`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from tui.core.stories.features import StoryDoc, term_counts

DAY_S = 86_400.0


@dataclass(frozen=True, slots=True)
class GroupingParams:
    """The grouping's knobs (tuned on one half of the dev stories, checked on the other)."""

    threshold: float = 0.18
    index_terms: int = 25  # an article's terms entered in the inverted index
    candidates: int = 15  # stories scored in full
    postings_cap: int = 200  # newest stories read per looked-up term
    story_terms: int = 200  # terms a story's vector keeps
    date_grace_days: float = 3.0  # published gaps up to this cost nothing
    date_halving_days: float = 30.0  # each such further gap halves the similarity


@dataclass(slots=True)
class StoryState:
    """What the grouping keeps of one story: the sum of its articles' weighted vectors.

    Each article's vector is weighted with the IDF of when it was placed; the sum is the
    story's centroid (compared after normalising). Nothing is re-weighted later, so placing
    an article reads and writes one row per candidate story.
    """

    id: int
    vector: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first_ts: float | None = None
    last_ts: float | None = None

    def similarity(self, vec: Mapping[str, float]) -> float:
        """Cosine of a normalised vector with this story's centroid."""
        norm = math.hypot(*self.vector.values())
        return cosine(vec, self.vector) / norm if norm else 0.0


class StoryIndex(Protocol):
    """Where document frequencies, stories and their postings live."""

    def n_docs(self) -> int: ...
    def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]: ...
    def add_doc_freqs(self, terms: Iterable[str]) -> None: ...
    def lookup(self, terms: Iterable[str], cap: int) -> Counter[int]: ...
    def story(self, story_id: int) -> StoryState: ...
    def new_story(self) -> StoryState: ...
    def save(self, story: StoryState, doc_id: str, similarity: float, terms: list[str]) -> None: ...


@dataclass(slots=True)
class Placement:
    """Where an article went, and how similar the closest story was."""

    story_id: int
    similarity: float
    new: bool


def idf(n_docs: int, df: int) -> float:
    """Smoothed inverse document frequency; ``n_docs`` counts the article being placed."""
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def weigh(counts: Mapping[str, float], idfs: Mapping[str, float]) -> dict[str, float]:
    """Sublinear term frequency times IDF, L2-normalised."""
    vec = {t: (1.0 + math.log(c)) * idfs[t] for t, c in counts.items() if c >= 1}
    norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
    return {t: w / norm for t, w in vec.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def date_factor(ts: float | None, story: StoryState, params: GroupingParams) -> float:
    """1 within the grace period around the story's span; halves every ``halving`` days past."""
    if ts is None or story.first_ts is None or story.last_ts is None:
        return 1.0
    gap = max(story.first_ts - ts, ts - story.last_ts, 0.0) / DAY_S - params.date_grace_days
    return 1.0 if gap <= 0 else 0.5 ** (gap / params.date_halving_days)


def place(doc: StoryDoc, index: StoryIndex, params: GroupingParams | None = None) -> Placement:
    """Put one article in a story (an existing one or a new one) and update the index."""
    params = params or GroupingParams()
    counts = term_counts(doc)
    index.add_doc_freqs(counts)
    n_docs = index.n_docs()
    idfs = _idfs(counts, index, n_docs)
    vec = weigh(counts, idfs)
    ranked = sorted(vec, key=vec.__getitem__, reverse=True)[: params.index_terms]
    best: StoryState | None = None
    best_sim = 0.0
    for story_id, _ in index.lookup(ranked, params.postings_cap).most_common(params.candidates):
        story = index.story(story_id)
        sim = story.similarity(vec) * date_factor(doc.sort_ts, story, params)
        if sim > best_sim:
            best, best_sim = story, sim
    new = best is None or best_sim < params.threshold
    story = index.new_story() if new or best is None else best
    _absorb(story, vec, doc.sort_ts, params.story_terms)
    index.save(story, doc.id, best_sim, ranked)
    return Placement(story.id, best_sim, new)


def _idfs(terms: Iterable[str], index: StoryIndex, n_docs: int) -> dict[str, float]:
    terms = list(terms)
    dfs = index.doc_freqs(terms)
    return {t: idf(n_docs, dfs.get(t, 1)) for t in terms}


def _absorb(story: StoryState, vec: dict[str, float], ts: float | None, keep: int) -> None:
    total = story.vector
    for term, weight in vec.items():
        total[term] = total.get(term, 0.0) + weight
    if len(total) > keep:
        # Keep the heaviest terms: frequent in the story and rare in the library.
        story.vector = dict(sorted(total.items(), key=lambda kv: kv[1], reverse=True)[:keep])
    story.size += 1
    if ts is not None:
        story.first_ts = ts if story.first_ts is None else min(story.first_ts, ts)
        story.last_ts = ts if story.last_ts is None else max(story.last_ts, ts)


class MemoryIndex:
    """The story index in memory: for benchmarks, tests and evaluation runs."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.docs = 0
        self.stories: dict[int, StoryState] = {}
        self.postings: dict[str, dict[int, None]] = {}  # insertion-ordered: newest last
        self.members: dict[str, int] = {}

    def n_docs(self) -> int:
        return self.docs

    def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        df = self.df
        return {t: df[t] for t in terms if t in df}

    def add_doc_freqs(self, terms: Iterable[str]) -> None:
        self.docs += 1
        self.df.update(set(terms))

    def lookup(self, terms: Iterable[str], cap: int) -> Counter[int]:
        hits: Counter[int] = Counter()
        for term in terms:
            posting = self.postings.get(term)
            if posting:
                hits.update(list(posting)[-cap:])
        return hits

    def story(self, story_id: int) -> StoryState:
        return self.stories[story_id]

    def new_story(self) -> StoryState:
        story = StoryState(len(self.stories) + 1)
        self.stories[story.id] = story
        return story

    def save(self, story: StoryState, doc_id: str, similarity: float, terms: list[str]) -> None:
        self.members[doc_id] = story.id
        for term in terms:
            posting = self.postings.setdefault(term, {})
            posting.pop(story.id, None)  # re-entered last: the newest stories are read first
            posting[story.id] = None
