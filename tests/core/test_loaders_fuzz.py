"""Property tests: any bytes in, articles with valid spans or one failure out, never a crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.loaders import load_bytes, load_paths
from tui.core.loaders.decode import decode
from tui.core.loaders.errors import LoadError

SUFFIXES = ["", ".txt", ".md", ".html", ".xml", ".json"]
PIECES = st.sampled_from(
    [
        "<p>", "</p>", "<rss version='2.0'><channel><item><title>", "</title></item>",
        "<!DOCTYPE x [", "<!ENTITY a 'b'>", "]>", "&a;", "---\ntitle: x\n---\n", "# Head\n",
        '{"text": "', '"}', "By Jane Doe\n", "Sep 03, 2025, 09:41 AM IST\n",
        "Subscribe to our newsletter\n", "\n\n", "\r\n", "\ufeff", "\x00", "é", "€", "“",
        "The minister said the plan would cost $5.5 billion. ", "U.S. Gen. J. R. Smith ",
    ]
)  # fmt: skip
DOCS = st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=25).map("".join)


def _check(articles) -> None:
    for article in articles:
        n = len(article.text)
        assert article.text.strip()
        for s, e in [*article.paragraphs, *article.sentences]:
            assert 0 <= s < e <= n


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES), raw=st.booleans())
def test_any_bytes(data: bytes, suffix: str, raw: bool) -> None:
    try:
        articles = load_bytes(data, "fuzz", suffix=suffix, raw=raw)
    except LoadError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    _check(articles)
    if raw:
        assert articles[0].text == decode(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=DOCS, suffix=st.sampled_from(SUFFIXES), encoding=st.sampled_from(["utf-8", "utf-16"]))
def test_structured_text(doc: str, suffix: str, encoding: str) -> None:
    data = doc.encode(encoding, errors="surrogatepass")
    try:
        articles = load_bytes(data, "fuzz", suffix=suffix)
    except LoadError:
        return
    _check(articles)


@settings(max_examples=40, deadline=None)
@given(doc=DOCS)
def test_load_paths_never_raises(tmp_path_factory, doc: str) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / "doc.txt"
    path.write_text(doc, encoding="utf-8", errors="surrogatepass")
    result = load_paths([path])
    assert len(result.errors) + (1 if result.articles else 0) == 1
    _check(result.articles)
