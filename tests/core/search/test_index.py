"""The search index: matching tiers, ranking, filters, positions, cancellation."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.model import Analysis, Article, Claim, Entity, Figure
from tui.core.search import SearchCancelled, SearchIndex
from tui.core.sentences import split_paragraphs, split_sentences


def make(
    text: str,
    title: str = "",
    *,
    published: datetime | None = None,
    site: str | None = None,
    claims: tuple[int, ...] = (),
    figures: tuple[int, ...] = (),
    entities: tuple[tuple[str, str], ...] = (),
) -> Article:
    """An article; ``entities`` are (name, surface) pairs whose surfaces are found in text."""
    paragraphs = split_paragraphs(text)
    sentences = split_sentences(text, paragraphs)
    art = Article(
        text=text,
        title=title,
        published=published,
        site=site,
        paragraphs=paragraphs,
        sentences=sentences,
    )
    ents = []
    for name, surface in entities:
        start, mentions = 0, []
        while (i := text.find(surface, start)) >= 0:
            mentions.append((i, i + len(surface)))
            start = i + 1
        ents.append(Entity(name=name, label="ORG", mentions=mentions))
    art.analysis = Analysis(
        entities=ents,
        figures=[
            Figure(text="x", kind="count", value=1.0, span=sentences[i], sentence=i)
            for i in figures
        ],
        claims=[
            Claim(text=art.sentence_text(i), span=sentences[i], sentence=i, score=0.8)
            for i in claims
        ],
    )
    return art


def texts(hits) -> list[str]:
    return [h.text for h in hits]


def test_typo_and_hyphen_normalisation_find_the_sentence() -> None:
    art = make("Talks went on. Extra deliveries of S-400 systems are planned. Nothing else.")
    hits = SearchIndex([art]).search("delivries s400")
    assert hits[0].text == "Extra deliveries of S-400 systems are planned."
    matched = "".join(hits[0].text[p] for p in hits[0].positions)
    assert "S400" in matched and "deliv" in matched


def test_ranking_exact_phrase_then_whole_word_then_prefix_then_fuzzy() -> None:
    art = make(
        "Fuzzy: the markit team met. "
        "Prefix: the marketplace team met. "
        "Whole: the team went to market today. "
        "Phrase: a market team met. "
        "Other: nothing to see."
    )
    order = texts(SearchIndex([art]).search("market team"))
    assert [t.split(":")[0] for t in order] == ["Phrase", "Whole", "Prefix", "Fuzzy"]


def test_words_matched_count_before_match_quality() -> None:
    art = make("Oil prices rose sharply. Oil exports fell.")
    hits = SearchIndex([art]).search("oil pricse")
    assert hits[0].text.startswith("Oil prices")


def test_ties_go_to_claims_then_newer_articles() -> None:
    old = make("Inflation rose again.", "old", published=datetime(2020, 1, 1))
    new = make("Inflation rose again.", "new", published=datetime(2025, 1, 1))
    claim = make("Inflation rose again.", "claim", published=datetime(2019, 1, 1), claims=(0,))
    hits = SearchIndex([old, new, claim]).search("inflation")
    assert [h.title for h in hits] == ["claim", "new", "old"]
    assert hits[0].kind == "claim"


def test_quoted_phrase_is_literal() -> None:
    art = make("Deliveries of S-400 began. The S 400 was late. S-400 deliveries resumed.")
    hits = SearchIndex([art]).search('"deliveries of S-400"')
    assert texts(hits) == ["Deliveries of S-400 began."]
    assert "".join(hits[0].text[p] for p in hits[0].positions) == "Deliveries of S-400"


def test_kind_filters_and_titles() -> None:
    art = make(
        "Prices rose 5 percent. The minister spoke about prices.",
        "Prices rising fast",
        claims=(1,),
        figures=(0,),
    )
    index = SearchIndex([art])
    assert [h.kind for h in index.search("prices kind:title")] == ["title"]
    assert [h.kind for h in index.search("prices kind:claim")] == ["claim"]
    figure_hits = index.search("prices kind:figure")
    assert [h.text for h in figure_hits] == ["Prices rose 5 percent."]
    assert figure_hits[0].kind == "figure"
    assert {h.kind for h in index.search("prices")} == {"title", "claim", "sentence"}


def test_entity_filter_is_fuzzy_on_the_name_and_keeps_mentioning_sentences() -> None:
    art = make(
        "Vladimir Putin met officials. The weather was fine. Putin spoke later.",
        entities=(("Vladimir Putin", "Putin"),),
    )
    index = SearchIndex([art])
    hits = index.search("@putn")
    assert texts(hits) == ["Vladimir Putin met officials.", "Putin spoke later."]
    assert texts(index.search("entity:putin spoke")) == ["Putin spoke later."]
    assert index.search("kind:entity putin")[0].text == "Vladimir Putin"


def test_entity_filter_without_extracted_entities_falls_back_to_words() -> None:
    art = make("Vladimir Putin met officials. The weather was fine.")
    assert texts(SearchIndex([art]).search("@putin")) == ["Vladimir Putin met officials."]


def test_site_and_since_filters() -> None:
    a = make("Storm hits the coast.", "a", site="BBC News", published=datetime(2024, 5, 1))
    b = make("Storm hits the coast.", "b", site="Reuters", published=datetime(2025, 6, 1))
    c = make("Storm hits the coast.", "c", site="Reuters")
    index = SearchIndex([a, b, c])
    assert [h.title for h in index.search("storm site:bbc")] == ["a"]
    assert [h.title for h in index.search("storm since:2025-01-01")] == ["b"]
    assert [h.title for h in index.search("storm site:reuters")] == ["b", "c"]


def test_empty_query_shows_recent_claims() -> None:
    old = make("Old claim here. Filler.", "old", published=datetime(2020, 1, 1), claims=(0,))
    new = make("New claim here. Filler.", "new", published=datetime(2025, 1, 1), claims=(0,))
    hits = SearchIndex([old, new]).search("")
    assert texts(hits) == ["New claim here.", "Old claim here."]
    assert all(h.kind == "claim" for h in hits)


def test_empty_query_without_claims_lists_titles() -> None:
    hits = SearchIndex([make("Some text.", "A title")]).search("  ")
    assert [h.kind for h in hits] == ["title"]


def test_find_in_one_article() -> None:
    a = make("Rain fell today.", "a")
    b = make("Rain fell yesterday.", "b")
    index = SearchIndex([a, b])
    assert [h.title for h in index.search("rain", article_id=b.id)] == ["b"]
    assert index.search("rain", article_id="no-such-id") == []


def test_cancellation_is_checked() -> None:
    index = SearchIndex([make("Rain fell today. More rain tomorrow.")])
    with pytest.raises(SearchCancelled):
        index.search("rain", cancel=lambda: True)
    event = threading.Event()
    event.set()
    with pytest.raises(SearchCancelled):
        index.search("tomorow", cancel=event)
    assert index.search("rain", cancel=threading.Event())


def test_hit_span_points_into_article_text() -> None:
    art = make("First sentence here. Second sentence about ships.")
    hit = SearchIndex([art]).search("ships")[0]
    assert art.text[hit.span[0] : hit.span[1]] == hit.text
    assert hit.sentence == 1
    assert hit.article_id == art.id


def test_empty_index() -> None:
    assert SearchIndex([]).search("anything") == []
    assert SearchIndex([]).search("") == []


CORPUS = [
    make(
        "Ünïcödé text: Straße, café, naïve résumé. İstanbul talks on 3.5% growth.",
        "Çé title",
        claims=(0,),
        entities=(("Straße", "Straße"),),
    ),
    make('Deliveries of S-400 were discussed. "Quoted" words [bold]x[/bold] too.'),
]
INDEX = SearchIndex(CORPUS)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_search_never_raises_and_positions_lie_inside_text(query: str) -> None:
    for hit in INDEX.search(query, limit=10):
        assert all(0 <= p < len(hit.text) for p in hit.positions)
        assert list(hit.positions) == sorted(set(hit.positions))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["strasse", "cafe", "s-400", '"', "@", "kind:", "ü", "3.5"])))
def test_search_never_raises_on_query_pieces(parts: list[str]) -> None:
    for hit in INDEX.search(" ".join(parts), limit=10):
        assert all(0 <= p < len(hit.text) for p in hit.positions)


def test_article_hits_come_in_reading_order() -> None:
    art = make("Rain at dawn. Sun at noon. Heavy rain, more rain at night.", "Rain report")
    other = make("Rain elsewhere.", "other")
    hits = SearchIndex([art, other]).article_hits("rain", art.id)
    assert [h.kind for h in hits] == ["title", "sentence", "sentence"]
    assert [h.sentence for h in hits] == [-1, 0, 2]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 200_000), max_size=300))
def test_stable_order_matches_numpy_stable_argsort(values: list[int]) -> None:
    import numpy as np

    from tui.core.search.build import stable_order as _stable_order

    arr = np.asarray(values, dtype=np.int32)
    assert _stable_order(arr).tolist() == np.argsort(arr, kind="stable").tolist()


def test_index_reads_a_stream_once_and_keeps_no_analysis() -> None:
    from tui.core.search.index import IndexedArticle

    arts = [
        make(
            "The port reopened on Monday. Ferries ran again.", "Port", entities=(("Port", "port"),)
        ),
        make("Vladimir Putin spoke later.", "Kremlin", entities=(("Vladimir Putin", "Putin"),)),
    ]
    consumed = []

    def stream():
        for art in arts:
            consumed.append(art.id)
            yield art

    index = SearchIndex(stream())
    assert consumed == [a.id for a in arts]  # read once, in order
    assert [type(a) for a in index.articles] == [IndexedArticle, IndexedArticle]
    assert not any(hasattr(a, "analysis") for a in index.articles)
    # Hits still carry everything shown: entity names, titles, sentence text and ids.
    hit = index.search("kind:entity putin")[0]
    assert (hit.text, hit.title, hit.article_id) == ("Vladimir Putin", "Kremlin", arts[1].id)
    assert texts(index.search("feries")) == ["Ferries ran again."]
    assert index.article_hits("ferries", arts[0].id)[0].text == "Ferries ran again."
