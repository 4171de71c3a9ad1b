"""The query language parser."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from tui.core.search import parse_query


def test_plain_words_are_normalised_and_hyphens_join() -> None:
    q = parse_query("Delivries  S-400 Müller")
    assert q.words == ["delivries", "s400", "muller"]
    assert not q.phrases and not q.entities and not q.kinds


def test_quoted_phrase_is_literal_and_unterminated_quote_runs_to_end() -> None:
    q = parse_query('talks "extra  deliveries" more')
    assert q.phrases == ["extra deliveries"]
    assert q.words == ["talks", "more"]
    assert parse_query('"still typ').phrases == ["still typ"]


def test_entity_forms() -> None:
    q = parse_query('@putin entity:"Narendra Modi" entity:TASS')
    assert q.entities == ["putin", "Narendra Modi", "TASS"]
    assert q.words == []


def test_kind_site_since_filters() -> None:
    q = parse_query("kind:claim kind:Figures site:BBC.com since:2025-01-01 oil")
    assert q.kinds == {"claim", "figure"}
    assert q.sites == ["bbc.com"]
    assert q.since == datetime(2025, 1, 1)
    assert q.words == ["oil"]
    assert not q.errors


def test_bad_filters_are_reported_not_raised() -> None:
    q = parse_query("kind:poem since:yesterday")
    assert len(q.errors) == 2
    assert q.kinds == set() and q.since is None


def test_unknown_field_and_times_stay_plain_words() -> None:
    assert parse_query("at 10:30 foo:bar").words == ["at", "10", "30", "foo", "bar"]


def test_empty_field_values_while_typing_are_ignored() -> None:
    q = parse_query("kind: site: @")
    assert q.is_empty and not q.errors and not q.sites and not q.entities


@given(st.text())
def test_parse_never_raises(text: str) -> None:
    q = parse_query(text)
    assert isinstance(q.words, list)
