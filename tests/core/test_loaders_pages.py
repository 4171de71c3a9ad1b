"""HTML pages built for the purpose, loaded as a user does (`newsreader extract`): no lost
bodies, page furniture out of the text, datelines in the metadata, the headline as title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main

_PROSE = [
    "The harbour council voted on Monday to approve a new ferry route between the old port "
    "and the island, officials said after a long public meeting.",
    "The route will cost 4.2 million euros a year to run, according to the council's budget "
    "office, which published its estimate last week.",
    "Work on the new pier starts in May, and the first boats should sail before the summer "
    "holidays begin, the harbour master told reporters.",
]


def _page(title: str, body: str, head: str = "") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>{head}'
        f"</head><body><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav>{body}"
        "</body></html>"
    )


def _extract(tmp_path: Path, capsys: pytest.CaptureFixture[str], html: str) -> dict:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    assert main(["extract", str(page)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["errors"] == []
    (article,) = doc["articles"]
    return article


def test_one_paragraph_starting_with_the_headline_keeps_its_body(tmp_path, capsys) -> None:
    headline = "Harbour council approves new ferry route"
    body = f'<div class="story">{headline} {" ".join(_PROSE)}</div>'
    art = _extract(tmp_path, capsys, _page(f"{headline} | The Harbour Gazette", body))
    assert art["title"] == headline
    assert art["text"].startswith("The harbour council voted on Monday")
    assert "the harbour master told reporters" in art["text"]
    assert art["warnings"] == []


def test_a_body_the_clean_up_would_empty_falls_back_with_a_warning(tmp_path, capsys) -> None:
    legal = [
        "Copyright 2024 The Harbour Gazette. All rights reserved. No part of this website may "
        "be copied, stored or sent on in any form without the publisher's written consent.",
        "This article originally appeared in the printed edition of the Harbour Gazette and is "
        "reproduced here for readers who asked for it, with the permission of the author.",
        "© 2024 Harbour Gazette Media. Requests to reprint our reporting, photographs or "
        "graphics in print or online should be sent in writing to the rights desk.",
    ]
    body = "<article>" + "".join(f"<p>{p}</p>" for p in legal) + "</article>"
    art = _extract(tmp_path, capsys, _page("Reprints | The Harbour Gazette", body))
    assert art["text"].startswith("Copyright 2024 The Harbour Gazette")
    assert "rights desk" in art["text"]
    assert art["warnings"] and "clean-up" in art["warnings"][0]


_FURNITURE = [
    "Additional reporting by Ana Pérez; Editing by John Smith",
    "Maria Lopez and Tom Berg contributed to this report.",
    "MORE: Storm closes the mountain pass for a second day",
    "- VIDEO: How the new ferries are built",
    "READ MORE: Council to vote on parking fees",
    "Get The Harbour Gazette Daily Edition by email. Sign Up",
    "© 2024 The Harbour Gazette. All rights reserved.",
    "This article originally appeared on Harbour Weekly.",
    "Our Standards: The Harbour Gazette Trust Principles.",
    "Posted on",
    "Updated 3 hours ago",
    "FILE PHOTO: A ferry leaves the old port at dawn, March 4, 2024. REUTERS/Ana Perez",
    "A ferry leaves the old port at dawn. (Photo by Ana Perez)",
    "The island pier at low tide. Photograph: Ana Perez/Getty Images",
]


def test_furniture_goes_to_boilerplate_and_the_dateline_to_metadata(tmp_path, capsys) -> None:
    first = f"HARBOUR CITY (Reuters) - {_PROSE[0]}"
    paragraphs = [first, _FURNITURE[11], *_PROSE[1:], *_FURNITURE[:11], *_FURNITURE[12:]]
    body = (
        "<article><h1>Harbour council approves new ferry route</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article>"
    )
    head = '<meta property="og:title" content="Council approves ferry route">'
    art = _extract(tmp_path, capsys, _page("The Harbour Gazette", body, head))
    assert art["title"] == "Harbour council approves new ferry route"
    assert art["place"] == "HARBOUR CITY" and art["agency"] == "Reuters"
    assert art["text"].startswith("The harbour council voted")
    for line in _FURNITURE:
        assert line not in art["text"], line
    assert len(art["boilerplate"]) >= len(_FURNITURE)
    for prose in _PROSE[1:]:
        assert prose in art["text"]


def test_title_is_the_headline_not_a_template_or_the_site(tmp_path, capsys) -> None:
    head = (
        '<meta property="og:site_name" content="The Harbour Gazette">'
        '<meta name="twitter:title" content="escenic">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"Council approves the new ferry route", "author": {"name": "Condé Nast"}}</script>'
    )
    body = (
        "<h1>Gazette</h1><article>"
        + "".join(f"<p>{p}</p>" for p in _PROSE)
        + "</article><h1>The Harbour Gazette</h1>"
    )
    art = _extract(tmp_path, capsys, _page("escenic", body, head))
    assert art["title"] == "Council approves the new ferry route"
    page = _page("The Harbour Gazette | Ferry route approved by the council", body, head[:60])
    art = _extract(tmp_path, capsys, page)
    assert art["title"] == "Ferry route approved by the council"


def test_authors_are_names_only(tmp_path, capsys) -> None:
    head = (
        '<meta property="og:site_name" content="Harbour Gazette">'
        '<meta name="author" '
        'content="By Maria Lopez; Harbour Gazette; Print; Updated 4 March 2024">'
    )
    body = "<article>" + "".join(f"<p>{p}</p>" for p in _PROSE) + "</article>"
    art = _extract(tmp_path, capsys, _page("Ferry route approved", body, head))
    assert art["authors"] == ["Maria Lopez"]
