"""Property tests over arbitrary and hostile article text (issue 7).

Not covered elsewhere: the loaders, the sentence splitter and each extractor already have
"never raises" properties (test_loaders_fuzz.py, test_sentences.py, tests/core/extract/), and
search has arbitrary QUERIES over a fixed corpus (tests/core/search/test_index.py). Here:
the whole analysis on arbitrary text is idempotent; extract JSON -> load -> analyse is a
stable round trip; search over arbitrary ARTICLE text; library import of arbitrary text.
Example counts are modest: the suite runs on two cores.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tui.core.extract import analyse
from tui.core.library import Library
from tui.core.loaders import jsonexport
from tui.core.loaders.common import Meta, article_from_text
from tui.core.model import Article
from tui.core.search import SearchIndex
from tui.core.textsafe import json_escapes

# Prose-like text with the characters that break naive code: controls and escapes, bidi and
# zero-width characters, quotes and brackets, numbers and currency, CJK, surrogate-free.
_PIECES = st.sampled_from(
    [
        "India", "Russia", "S-400", "Dmitry Shugayev", "said", "the", "$5.5 billion", "36%",
        "in 2024", "between 2020 and 2024", "“", "”", '"', "'", "(", ")", "[bold]", "[/]",
        "[@click=app.quit]", ". ", "? ", "\n", "\n\n", "\r\n", "\t", "\x1b[31m",
        "\x1b]52;c;SGk=\x07", "\x9b", "\x00", "\u202e", "\u200b", "\u200d", "\ufeff",
        "交付", "Ünïcödé", "…", "-", "  ",
    ]
)  # fmt: skip
_CHARS = st.characters(exclude_categories=("Cs",))
HOSTILE_TEXT = st.lists(st.one_of(_PIECES, st.text(_CHARS, max_size=8)), max_size=60).map(" ".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _article(text: str) -> Article:
    return article_from_text(text, Meta(title="", source_path="hostile.txt"))


def _analysis(article: Article) -> dict[str, object]:
    doc = article.to_dict()
    return {key: doc[key] for key in ("entities", "figures", "claims")}


@SETTINGS
@given(HOSTILE_TEXT)
def test_analysis_never_raises_is_valid_and_idempotent(text: str) -> None:
    article = _article(text)
    analyse(article)
    first = article.to_dict()
    analyse(article)
    assert article.to_dict() == first  # re-analysis gives the same result
    again = _article(text)  # and a fresh copy of the same text gets the same analysis
    analyse(again)
    assert _analysis(again) == _analysis(article)
    size = len(article.text)
    a = article.analysis
    for ent in a.entities:
        assert all(0 <= s < e <= size for s, e in ent.mentions)
    for fig in a.figures:
        assert 0 <= fig.span[0] < fig.span[1] <= size
        assert -1 <= fig.sentence < len(article.sentences)
    for claim in a.claims:
        assert 0 <= claim.span[0] < claim.span[1] <= size
        assert article.text[claim.span[0] : claim.span[1]].strip() == claim.text.strip()


@SETTINGS
@given(HOSTILE_TEXT)
def test_extract_json_round_trip_is_stable(text: str) -> None:
    article = _article(text)
    if not article.text.strip():
        return
    analyse(article)
    doc = {"newsreader": "test", "articles": [article.to_dict()]}
    # What `newsreader extract` prints (controls as \u escapes), read back by the JSON loader.
    printed = json_escapes(json.dumps(doc, ensure_ascii=False, indent=2))
    (loaded,) = jsonexport.load(printed, source_path="hostile.txt")
    assert loaded.text == article.text and loaded.title == article.title
    assert loaded.sentences == article.sentences
    assert _analysis(loaded) == _analysis(article)  # kept, not dropped
    analyse(loaded)
    assert _analysis(loaded) == _analysis(article)


@SETTINGS
@given(st.lists(HOSTILE_TEXT, min_size=1, max_size=3), st.data())
def test_search_over_arbitrary_article_text(texts: list[str], data: st.DataObject) -> None:
    # Texts equal up to whitespace share a content id: keep one, as the library would.
    articles = list({a.id: a for a in map(_article, texts)}.values())
    for article in articles:
        analyse(article)
    index = SearchIndex(articles)
    words = [w for a in articles for w in a.text.split()] or ["x"]
    queries = [
        data.draw(st.sampled_from(words)),
        data.draw(st.text(max_size=12)),
        '"' + data.draw(st.sampled_from(words)) + '"',
        "",
    ]
    by_id = {a.id: a for a in articles}
    for query in queries:
        for hit in index.search(query, limit=20):
            assert all(0 <= p < len(hit.text) for p in hit.positions)
            assert list(hit.positions) == sorted(set(hit.positions))
            article = by_id[hit.article_id]
            s, e = hit.span
            assert 0 <= s <= e <= len(article.text)
            assert -1 <= hit.sentence < len(article.sentences)
            if hit.kind not in ("title", "entity"):
                # Entity hits show the entity's name (its span is the first mention), title
                # hits the title; sentence, claim and figure hits are the text at their span.
                assert article.text[s:e] == hit.text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT, HOSTILE_TEXT)
def test_library_import_keeps_arbitrary_text_intact(text: str, title: str) -> None:
    assume(text.strip())  # the loaders never make an article of blank text
    article = article_from_text(
        text,
        Meta(title=title, source_path="hostile\x1b]0;x\x07.txt", authors=[title[:40]]),
    )
    # A fresh library per example: the same normalised content would be a duplicate.
    with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp) / "library.db") as library:
        summary = library.import_articles([article])
        assert not summary.failed, summary.failed
        assert [s.id for s in library.list_articles()] == [article.id]
        back = library.get_article(article.id)
        assert back.text == article.text
        assert back.title == article.title and back.authors == article.authors
        assert back.source_path == article.source_path
        assert back.sentences == article.sentences and back.paragraphs == article.paragraphs
        assert _analysis(back) == _analysis(article)
