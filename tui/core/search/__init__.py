"""Fuzzy search over articles: the query language, the index and ranked hits (no UI)."""

from __future__ import annotations

from tui.core.search.index import Hit, Searchable, SearchCancelled, SearchIndex, match_positions
from tui.core.search.query import KINDS, Query, parse_query

__all__ = [
    "KINDS",
    "Hit",
    "Query",
    "SearchCancelled",
    "SearchIndex",
    "Searchable",
    "match_positions",
    "parse_query",
]
