"""The design we compared and did not keep: SQLite FTS5 (trigram tokenizer) + rapidfuzz.

Candidates come from FTS5: every trigram of the query's words, OR-ed, ranked by bm25
(the trigram tokenizer has no fuzzy match of its own, so a typo must still share trigrams);
the best candidates are re-ranked with rapidfuzz WRatio, as a fuzzy finder would.
Stock Python 3.11's sqlite3 (SQLite >= 3.34) has FTS5 with the trigram tokenizer.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from rapidfuzz import fuzz, process

CANDIDATES = 500  # FTS5 rows re-ranked per keystroke
_WORD = re.compile(r"\w+")


class Fts5Index:
    """Sentences in an FTS5 trigram table in one SQLite file."""

    def __init__(self, path: Path, sentences: list[str]) -> None:
        self.path = path
        self.conn = sqlite3.connect(path)
        self.conn.execute("PRAGMA journal_mode = OFF")
        self.conn.execute("CREATE VIRTUAL TABLE s USING fts5(text, tokenize='trigram')")
        with self.conn:
            self.conn.executemany("INSERT INTO s(rowid, text) VALUES (?, ?)", enumerate(sentences))
        self.conn.execute("INSERT INTO s(s) VALUES ('optimize')")
        self.conn.commit()

    def size_bytes(self) -> int:
        return self.path.stat().st_size

    def search(self, query: str, limit: int = 20) -> list[tuple[int, str]]:
        """(row, sentence) of the best ``limit`` sentences for a typed query."""
        grams = {
            w[i : i + 3]
            for w in _WORD.findall(query.casefold())
            if len(w) >= 3
            for i in range(len(w) - 2)
        }
        if not grams:
            return []  # trigrams need three characters: nothing to look up yet
        match = " OR ".join('"' + g.replace('"', '""') + '"' for g in sorted(grams))
        rows = self.conn.execute(
            "SELECT rowid, text FROM s WHERE s MATCH ? ORDER BY rank LIMIT ?",
            (match, CANDIDATES),
        ).fetchall()
        texts = [t for _, t in rows]
        best = process.extract(query, texts, scorer=fuzz.WRatio, limit=limit)
        return [(rows[i][0], t) for t, _, i in best]

    def close(self) -> None:
        self.conn.close()
