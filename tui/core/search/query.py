"""The search query language.

Plain words are fuzzy; ``"exact phrase"`` is literal; ``@name`` / ``entity:name`` keeps
sentences mentioning that entity; ``kind:claim|figure|title|sentence|entity``;
``site:NAME``; ``since:YYYY-MM-DD``. Parsing never raises: what cannot be understood is
kept as plain words or reported in ``Query.errors``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from tui.core.search.normalise import query_words

KINDS = ("sentence", "claim", "figure", "title", "entity")

_FIELD_RE = re.compile(r"^(entity|kind|site|since):(.*)$", re.IGNORECASE)


@dataclass(slots=True)
class Query:
    """A parsed query: what to match and which filters apply."""

    text: str = ""
    words: list[str] = field(default_factory=list)  # normalised plain words
    phrases: list[str] = field(default_factory=list)  # literal phrases, as typed
    entities: list[str] = field(default_factory=list)  # entity names, as typed
    kinds: set[str] = field(default_factory=set)
    sites: list[str] = field(default_factory=list)
    since: datetime | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """True when nothing is matched on the text itself (only filters, or nothing)."""
        return not self.words and not self.phrases


def parse_query(text: str) -> Query:
    """Parse a query string; never raises."""
    q = Query(text=text)
    plain: list[str] = []
    for term, quoted in _scan(text):
        if quoted:
            if term.strip():
                q.phrases.append(" ".join(term.split()))
        else:
            _field(q, term, plain)
    q.words = query_words(" ".join(plain))
    return q


def _scan(text: str) -> list[tuple[str, bool]]:
    """Split into terms: ``("phrase", True)`` for quoted phrases, ``(term, False)`` else.

    An unterminated quote runs to the end (the user is still typing). A field may carry
    a quoted value: ``entity:"Vladimir Putin"``, ``@"New York"``.
    """
    terms: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        if text[i] == '"':
            j = text.find('"', i + 1)
            j = n if j < 0 else j
            terms.append((text[i + 1 : j], True))
            i = j + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] != '"':
            j += 1
        term = text[i:j]
        if j < n and text[j] == '"' and (term.endswith(":") or term == "@"):
            k = text.find('"', j + 1)
            k = n if k < 0 else k
            term += text[j + 1 : k]
            j = k + 1
        terms.append((term, False))
        i = j
    return terms


def _field(q: Query, term: str, plain: list[str]) -> None:
    if term.startswith("@"):
        name = term[1:].strip()
        if name:
            q.entities.append(name)
        return
    m = _FIELD_RE.match(term)
    if not m:
        plain.append(term)
        return
    key, value = m.group(1).lower(), m.group(2).strip()
    if not value:
        return  # "kind:" while typing: nothing yet
    if key == "entity":
        q.entities.append(value)
    elif key == "kind":
        kind = value.lower()
        # Accept prefixes while typing ("kind:cl") and plurals ("kind:claims").
        matches = [k for k in KINDS if k.startswith(kind) or kind == k + "s"]
        if len(matches) >= 1:
            q.kinds.add(matches[0])
        else:
            q.errors.append(f"unknown kind {value!r} (one of {', '.join(KINDS)})")
    elif key == "site":
        q.sites.append(value.casefold())
    elif key == "since":
        since = _parse_date(value)
        if since is None:
            q.errors.append(f"since: wants a date like 2025-01-01, not {value!r}")
        else:
            q.since = since


def _parse_date(value: str) -> datetime | None:
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    try:
        d = date.fromisoformat(value)
    except ValueError:
        return None
    return datetime(d.year, d.month, d.day)
