"""Hand-made analysed articles for the UI tests.

The real extractors are developed elsewhere; the UI tests must not depend on what they
find. These helpers read the seed and attach an Analysis computed by locating known strings
in its text, so spans are real offsets and the tests stay stable when the extractors change.
Paragraphs and sentences are split here too (simply), so that changes to the loaders or the
sentence splitter do not move the snapshots either.
"""

from __future__ import annotations

import re
from datetime import datetime

from tests.conftest import SEED_ARTICLE
from tui.core.model import Analysis, Article, Claim, Entity, Figure, Span

_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[\"“A-Z0-9])")


def split_paragraphs(text: str) -> list[Span]:
    """Every non-blank line is a paragraph."""
    spans, start = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            offset = start + line.index(stripped)
            spans.append((offset, offset + len(stripped)))
        start += len(line) + 1
    return spans


def split_sentences(text: str, paragraphs: list[Span]) -> list[Span]:
    """Sentences end at . ! ? (and a closing quote) before a capital, digit or quote."""
    spans = []
    for p_start, p_end in paragraphs:
        start = p_start
        for m in _SENTENCE_END.finditer(text, p_start, p_end):
            end = m.start() + len(m.group(0).rstrip())
            spans.append((start, end))
            start = m.end()
        spans.append((start, p_end))
    return spans


def _article(text: str, **fields: object) -> Article:
    paragraphs = split_paragraphs(text)
    return Article(
        text=text,
        paragraphs=paragraphs,
        sentences=split_sentences(text, paragraphs),
        **fields,  # type: ignore[arg-type]
    )


SEED_ENTITIES: list[tuple[str, str, list[str]]] = [
    ("Dmitry Shugayev", "PERSON", ["Dmitry Shugayev", "Shugayev"]),
    ("India", "GPE", ["India"]),
    ("Russia", "GPE", ["Russia", "Moscow"]),
    ("China", "GPE", ["China"]),
    ("Pakistan", "GPE", ["Pakistan"]),
    ("TASS", "ORG", ["TASS"]),
    (
        "Federal Service for Military-Technical Cooperation",
        "ORG",
        ["Federal Service for Military-Technical Cooperation"],
    ),
    (
        "Stockholm International Peace Research Institute",
        "ORG",
        ["Stockholm International Peace Research Institute"],
    ),
    ("Indian Armed Forces", "ORG", ["Indian Armed Forces"]),
    ("S-400", "PRODUCT", ["S-400"]),
    ("Su-57", "PRODUCT", ["Su-57"]),
    ("Operation Sindoor", "EVENT", ["Operation Sindoor"]),
]

# (figure text, kind, value, value_max, unit)
SEED_FIGURES: list[tuple[str, str, float | str, float | None, str | None]] = [
    ("$5.5 billion", "money", 5.5e9, None, "USD"),
    ("2018", "year", 2018, None, None),
    ("five", "count", 5, None, "systems"),
    ("2026", "year", 2026, None, None),
    ("2027", "year", 2027, None, None),
    ("Between 2020 and 2024", "year_range", 2020, 2024, None),
    ("36 per cent", "percent", 36, None, None),
]

# (phrase inside the sentence, score, speaker, source, quote, hedges)
SEED_CLAIMS: list[tuple[str, float, str | None, str | None, bool, list[str]]] = [
    ("India and Russia are holding talks", 0.82, None, "TASS", False, []),
    ("Dmitry Shugayev, who leads", 0.74, "Dmitry Shugayev", None, False, []),
    ("As is known, India has our S-400", 0.66, "Dmitry Shugayev", "TASS", True, []),
    ("with the last two units expected", 0.58, None, None, False, ["expected to"]),
    (
        "Moscow accounted for 36 per cent",
        0.91,
        None,
        "Stockholm International Peace Research Institute",
        False,
        [],
    ),
    ("the S-400 system reportedly intercepting", 0.63, None, None, False, ["reportedly"]),
]


def _all(text: str, needle: str) -> list[Span]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def _sentence_of(article: Article, offset: int) -> int:
    return next(i for i, (s, e) in enumerate(article.sentences) if s <= offset < e)


def analyse_seed(article: Article) -> Article:
    """Attach the hand-made analysis of the seed article to ``article``."""
    text = article.text
    entities = []
    for name, label, forms in SEED_ENTITIES:
        mentions: list[Span] = []
        for form in forms:
            mentions += _all(text, form)
        # "Dmitry Shugayev" contains "Shugayev": keep the longest mention at each place.
        mentions = sorted(set(mentions), key=lambda m: (m[0], -m[1]))
        kept: list[Span] = []
        for m in mentions:
            if not kept or m[0] >= kept[-1][1]:
                kept.append(m)
        entities.append(Entity(name=name, label=label, aliases=forms, mentions=kept))
    figures = []
    for fig_text, kind, value, value_max, unit in SEED_FIGURES:
        start = text.index(fig_text)
        figures.append(
            Figure(
                text=fig_text,
                kind=kind,
                value=value,
                span=(start, start + len(fig_text)),
                sentence=_sentence_of(article, start),
                value_max=value_max,
                unit=unit,
            )
        )
    claims = []
    for phrase, score, speaker, source, quote, hedges in SEED_CLAIMS:
        index = _sentence_of(article, text.index(phrase))
        span = article.sentences[index]
        claims.append(
            Claim(
                text=text[span[0] : span[1]],
                span=span,
                sentence=index,
                score=score,
                speaker=speaker,
                source=source,
                quote=quote,
                hedges=hedges,
                entities=[
                    e.name for e in entities if any(span[0] <= m[0] < span[1] for m in e.mentions)
                ],
            )
        )
    article.analysis = Analysis(entities=entities, figures=figures, claims=claims)
    return article


def seed_article() -> Article:
    """The bundled seed, with metadata a real loader would fill in, and its sample analysis."""
    # The body as the loader leaves it: the section, byline, dateline and call-to-action lines
    # (the first five and the last) are metadata and boilerplate, not text.
    lines = SEED_ARTICLE.read_text(encoding="utf-8").splitlines()
    article = _article(
        "\n\n".join(lines[5:-1]),
        boilerplate=[*lines[3:5], lines[-1]],
        title="India, Russia in talks for more S-400 deliveries",
        source_path=str(SEED_ARTICLE),
        site="Swarajya",
        section="Defence",
        authors=["Swarajya Staff"],
        published=datetime(2025, 9, 3, 9, 41),
    )
    return analyse_seed(article)


SECOND_TEXT = """\
Harbour authority approves new ferry timetable

The harbour authority said on Monday that the ferry between the two islands will run \
every 40 minutes from June, up from every hour.

"We expect about 1,200 more passengers a day," said Mara Lind, the authority's director.

The change is expected to cost 3.2 million euros a year, according to the regional council.
"""


def second_article() -> Article:
    """A short article of our own, for tabs, split view and [ / ]."""
    article = _article(
        SECOND_TEXT,
        title="Harbour authority approves new ferry timetable",
        site="Island Post",
        section="Local",
        published=datetime(2025, 5, 12, 8, 0),
    )
    text = SECOND_TEXT
    lind = _all(text, "Mara Lind")
    start = text.index("1,200 more passengers")
    fig_span = (start, start + len("1,200"))
    quote_sentence = _sentence_of(article, start)
    article.analysis = Analysis(
        entities=[Entity("Mara Lind", "PERSON", ["Mara Lind"], lind)],
        figures=[
            Figure("1,200", "count", 1200, fig_span, quote_sentence, unit="passengers"),
        ],
        claims=[
            Claim(
                text=article.sentence_text(quote_sentence),
                span=article.sentences[quote_sentence],
                sentence=quote_sentence,
                score=0.7,
                speaker="Mara Lind",
                quote=True,
                hedges=["expect"],
            )
        ],
    )
    return article


def sample_articles() -> list[Article]:
    """The seed and the second article, both analysed by hand."""
    return [seed_article(), second_article()]


HOSTILE_TITLE = "[bold red]Boom[/] [@click=app.quit]x[/] \x1b]0;pwned\x07 \u202eevil\u200b end"


def hostile_article() -> Article:
    """An article whose every field tries to inject markup or terminal escapes."""
    text = (
        "Intro [b]not bold[/b] \x1b[31mred?\x1b[0m and \x1b]52;c;SGVsbG8=\x07 clipboard.\n"
        "Second \u202eesrever\u202c line with zero\u200bwidth and a \x9b C1 CSI.\n"
    )
    article = _article(
        text,
        title=HOSTILE_TITLE,
        site="[link=http://x]site[/link]",
        authors=["\x1b[2Jclear"],
    )
    start = text.index("[b]")
    article.analysis = Analysis(
        entities=[Entity("[b]E[/b]\x1b[5m", "ORG", [], [(start, start + 3)])],
        figures=[Figure("\x1b[1m9", "count", 9, (start, start + 3), 0)],
        claims=[
            Claim(
                text=article.sentence_text(0),
                span=article.sentences[0],
                sentence=0,
                score=0.5,
                speaker="[@click=app.quit]me[/]",
                hedges=["\x1b[8m"],
            )
        ],
    )
    return article
