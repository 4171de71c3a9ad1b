"""The library store: round trips, duplicates, filters, reading state, notes, the cache."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

import tui.core.extract as extract
from tests.core.library.helpers import fake_analyse, make_article, upgraded_analyse
from tui.core.library import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    ArticleFilter,
    ArticleNotFound,
    Library,
    LibraryError,
    claim_key,
    notes_by_sentence,
)
from tui.core.loaders import LoadFailure


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "lib.db", analyser=fake_analyse)
    yield library
    library.close()


def test_open_creates_a_wal_library_with_our_id(tmp_path) -> None:
    path = tmp_path / "sub" / "dir" / "lib.db"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_round_trip_keeps_every_field(lib) -> None:
    article = make_article(1, url="https://example.org/1", published=datetime(2025, 9, 3, 10))
    article.authors = ["A. Writer"]
    article.section = "Defence"
    article.boilerplate = ["Subscribe now"]
    summary = lib.import_articles([article])
    assert (summary.imported, summary.duplicates, summary.failed) == (1, 0, [])
    back = lib.get_article(article.id)
    assert back.to_dict() == article.to_dict()
    assert back.analysis.claims and back.analysis.figures and back.analysis.entities


def test_listing_has_counts_and_no_body(lib) -> None:
    article = make_article(1)
    lib.import_articles([article])
    (row,) = lib.list_articles()
    assert row.id == article.id and row.title == "Article 1"
    assert (row.n_claims, row.n_figures, row.n_entities) == (4, 4, 3)  # Leeds, Bristol, Tuesday
    assert not row.read and not row.starred


def test_duplicates_by_content_hash_and_by_url(lib) -> None:
    first = make_article(1, url="https://example.org/a")
    same_text = make_article(1)  # same content, no url
    same_url = make_article(2, url="https://example.org/a")  # edited text, same url
    other = make_article(3)
    summary = lib.import_articles([first, same_text, same_url, other])
    assert (summary.imported, summary.duplicates) == (2, 2)
    assert summary.article_ids == [first.id, first.id, first.id, other.id]
    assert len(lib) == 2


def test_failures_are_reported_not_stored(lib) -> None:
    def broken(article):
        raise ValueError("boom")

    lib2 = Library.open(lib.path, analyser=broken)
    summary = lib2.import_articles([LoadFailure("x.bin", "binary file"), make_article(1)])
    lib2.close()
    assert summary.imported == 0
    assert summary.failed == [("x.bin", "binary file"), ("mem/1.txt", "analysis failed: boom")]
    assert len(lib) == 0


def test_filters(lib) -> None:
    a = make_article(1, site="a.com", published=datetime(2025, 1, 1, tzinfo=UTC))
    b = make_article(2, site="b.com", published=datetime(2025, 6, 1, tzinfo=UTC))
    c = make_article(3, site="b.com", published=datetime(2025, 3, 1), body="Plain words only.")
    lib.import_articles([a, b, c])
    ids = lambda **kw: [s.id for s in lib.list_articles(ArticleFilter(**kw))]  # noqa: E731
    assert ids() == [b.id, c.id, a.id]  # newest first
    lib.mark_read(b.id)
    lib.star_article(a.id)
    assert ids(unread=True) == [c.id, a.id]
    assert ids(starred=True) == [a.id]
    assert ids(site="b.com") == [b.id, c.id]
    assert ids(since=datetime(2025, 2, 1, tzinfo=UTC)) == [b.id, c.id]
    assert ids(entity="leeds") == [b.id, a.id]
    assert ids(entity="Bristol", site="a.com", starred=True) == [a.id]
    assert lib.count_articles(ArticleFilter(site="b.com")) == 2
    assert [s.id for s in lib.list_articles(limit=1, offset=1)] == [c.id]
    assert lib.sites() == [("b.com", 2), ("a.com", 1)]
    assert lib.entity_names("le") == [("Leeds", 2)]
    lib.mark_read(b.id, False)
    lib.star_article(a.id, False)
    assert ids(unread=True) == [b.id, c.id, a.id] and ids(starred=True) == []


def test_claim_stars_notes_and_delete(lib) -> None:
    article = make_article(1)
    lib.import_articles([article])
    claims = lib.get_article(article.id).analysis.claims
    key = claim_key(claims[1])
    lib.star_claim(article.id, key)
    lib.star_claim(article.id, key)  # idempotent
    assert lib.starred_claims(article.id) == {key}
    assert lib.articles_with_starred_claims() == {article.id}
    lib.set_note(article.id, key, "check the survey")
    lib.set_note(article.id, None, "whole article")
    notes = lib.notes_for(article.id)
    assert [(n.claim_key, n.text) for n in notes] == [
        (None, "whole article"),
        (key, "check the survey"),
    ]
    assert notes[1].anchor_text == claims[1].text
    lib.set_note(article.id, key, "edited")
    assert lib.notes_for(article.id)[1].text == "edited"
    lib.set_note(article.id, None, "   ")  # blank deletes
    assert [n.claim_key for n in lib.notes_for(article.id)] == [key]
    with pytest.raises(LibraryError):
        lib.set_note(article.id, "0123456789abcdef", "no such claim")
    lib.star_claim(article.id, key, starred=False)
    assert lib.starred_claims(article.id) == set()

    lib.delete_article(article.id)
    assert len(lib) == 0 and lib.notes_for(article.id) == []
    with pytest.raises(ArticleNotFound):
        lib.get_article(article.id)
    with pytest.raises(ArticleNotFound):
        lib.mark_read(article.id)
    counts = [
        lib._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("article_bodies", "analyses", "article_entities", "notes", "claim_stars")
    ]
    assert counts == [0, 0, 0, 0, 0]


def test_analysis_is_cached_per_extractor_version(tmp_path, monkeypatch) -> None:
    calls = []

    def counting(article):
        calls.append(article.id)
        return fake_analyse(article)

    library = Library.open(tmp_path / "lib.db", analyser=counting)
    article = make_article(1)
    library.import_articles([article])
    assert len(calls) == 1
    library.close()
    library = Library.open(tmp_path / "lib.db", analyser=counting)
    library.get_article(article.id)
    assert len(calls) == 1  # reopening: served from the cache
    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", "99")
    library.get_article(article.id)
    assert len(calls) == 2  # newer extractors: analysed again, lazily, once
    library.get_article(article.id)
    assert len(calls) == 2
    row = library._conn.execute("SELECT extractor_version FROM analyses").fetchone()
    assert row[0] == "99"
    library.close()


def test_notes_survive_reimport(lib) -> None:
    article = make_article(1, url="https://example.org/1")
    lib.import_articles([article])
    key = claim_key(lib.get_article(article.id).analysis.claims[0])
    lib.set_note(article.id, key, "my note")
    lib.star_claim(article.id, key)
    summary = lib.import_articles([make_article(1, url="https://example.org/1")])
    assert (summary.imported, summary.duplicates) == (0, 1)
    (note,) = lib.notes_for(article.id)
    assert (note.claim_key, note.text) == (key, "my note")
    assert lib.starred_claims(article.id) == {key}


@pytest.mark.parametrize("via", ["lazy", "reimport"])
def test_notes_and_stars_survive_an_extractor_upgrade(tmp_path, monkeypatch, via) -> None:
    path = tmp_path / "lib.db"
    article = make_article(1)
    with Library.open(path, analyser=fake_analyse) as old:
        old.import_articles([article])
        claims = old.get_article(article.id).analysis.claims
        # The survey sentence: claim 1 under the old extractor.
        survey = claims[1]
        old.set_note(article.id, claim_key(survey), "ask for the survey")
        old.star_claim(article.id, claim_key(survey))
        old.set_note(article.id, None, "article note")

    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", "next")
    with Library.open(path, analyser=upgraded_analyse) as new:
        if via == "reimport":
            assert new.import_articles([make_article(1)]).duplicates == 1
        upgraded = new.get_article(article.id)
        new_claim = next(c for c in upgraded.analysis.claims if c.sentence == survey.sentence)
        assert new_claim.text != survey.text  # reworded: its key changed
        assert upgraded.analysis.claims.index(new_claim) != 1  # and its position
        notes = {n.claim_key: n.text for n in new.notes_for(article.id)}
        assert notes == {None: "article note", claim_key(new_claim): "ask for the survey"}
        assert new.starred_claims(article.id) == {claim_key(new_claim)}
        assert notes_by_sentence(upgraded, new.notes_for(article.id)) == {
            survey.sentence: "ask for the survey"
        }
        assert new.get_summary(article.id).n_claims == len(upgraded.analysis.claims)


def test_notes_by_sentence_keeps_orphans_on_their_sentence(lib) -> None:
    article = make_article(1)
    lib.import_articles([article])
    stored = lib.get_article(article.id)
    claim = stored.analysis.claims[0]
    lib.set_note(article.id, claim_key(claim), "n")
    stored.analysis.claims = []  # the claim is gone; the note still knows its words
    assert notes_by_sentence(stored, lib.notes_for(article.id)) == {claim.sentence: "n"}


def test_meta(lib) -> None:
    assert lib.get_meta("seeded") is None
    lib.set_meta("seeded", "yes")
    assert lib.get_meta("seeded") == "yes"


def test_undated_articles_list_below_dated_ones(lib) -> None:
    """A feed item without a date was added now; it must not sort above the newest news."""
    old = make_article(1, published=datetime(2020, 1, 1, tzinfo=UTC))
    new = make_article(2, published=datetime(2024, 5, 1, tzinfo=UTC))
    undated = make_article(3)
    lib.import_articles([undated, old, new])
    assert [r.id for r in lib.list_articles()] == [new.id, old.id, undated.id]
    assert [r.id for r in lib.list_articles(limit=1, offset=2)] == [undated.id]


def test_the_article_list_is_read_in_index_order(lib) -> None:
    """The list's order comes from an index: no per-query sort of every article."""
    from tui.core.library.rows import _SUMMARY_SELECT

    plan = lib._read(
        lambda c: c.execute(
            "EXPLAIN QUERY PLAN "
            + _SUMMARY_SELECT
            + " ORDER BY published IS NULL, sort_ts DESC, id LIMIT 100"
        ).fetchall()
    )
    details = " ".join(str(row[-1]) for row in plan)
    assert "articles_dated_order" in details and "TEMP B-TREE" not in details
