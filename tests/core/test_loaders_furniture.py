"""Page furniture by shape and wording: what goes, and the running prose that must stay."""

from __future__ import annotations

import pytest

from tui.core.loaders.furniture import is_furniture, split_dateline, unconfuse

FURNITURE = [
    # credits
    "Additional reporting by Ana Pérez in Lisbon; Editing by John Smith and Jo Brown",
    "Reporting by Tom Berg; Writing by Ana Pérez",
    "(Reporting by Tom Berg)",
    "Maria Lopez contributed to this report.",
    "The Associated Press writers Ana Pérez and Tom Berg contributed.",
    "By Maria Lopez, Harbour Gazette, Lisbon",
    "– Tom Berg",
    # teasers
    "MORE: Storm closes the mountain pass for a second day",
    "- VIDEO: How the new ferries are built",
    "Related Coverage",
    "- A SIMPLE GUIDE: What the new timetable means for you",
    "- Council Votes On Parking Fees - October 9, 2020",
    "[Our Latest Forecast: Who Will Win The Harbour Election?]",
    "Harbour Gazette – The council met again on Monday to discuss the budget... more",
    # newsletters and contact boxes
    "Get The Harbour Gazette Daily Edition by email. Sign Up",
    "The Gazette will launch Harbour Notes, a weekly newsletter. Sign up here.",
    "To reach the reporter behind this story, contact maria@gazette.example.",
    "Feel free to send us your comments and/or criticisms.",
    "Аdvеrtіѕе wіth the most read news site on the island ~ call us at 555-0100.",
    # copyright and provenance
    "© 2024 The Harbour Gazette. All rights reserved.",
    "(c) 2022 Harbour Media Ltd",
    "Copyright 2019 by the author. Reprinted by permission of Harbour Books.",
    "This article originally appeared on Harbour Weekly.",
    "This story was first published by Harbour Weekly.",
    "Our Standards: The Harbour Trust Principles.",
    "GAZETTE.EXAMPLE",
    # bare date lines
    "Posted on",
    "Posted: Thursday, April 21, 2022. 10:11 pm CST.",
    "Updated 3 hours ago",
    "Release Date:",
    "May 06, 2022 News",
    # captions and photo credits
    "FILE PHOTO: A ferry leaves the old port at dawn, March 4, 2024. REUTERS/Ana Perez",
    "A ferry leaves the old port. (Photo by Ana Perez)",
    "The island pier at low tide. Photograph: Ana Perez/Getty Images",
    "Harbour workers on the pier. (AP Photo/Tom Berg)",
    "Chief Harbour Master Ana Pérez. (FILE)",
    "Crews unload the ferry at the pier on Monday. By HARBOUR AUTHORITY",
    "Source: Harbour Authority, Port Statistics Office",
]

PROSE = [
    "Reporting by the agency showed that ferry use rose by a third last year.",
    "Share prices of the ferry operator fell 4% on Monday.",
    "The photo shows the pier before the storm, the harbour master said.",
    "Updated figures published on Monday show the route will cost more than planned.",
    "Posted workers from abroad make up a tenth of the harbour's staff, the union said.",
    "More than 200 people signed the petition, organisers said.",
    "She contributed to the report's findings as an outside adviser to the council.",
    "The council said it would publish the full report, including the copyright terms "
    "agreed with the ferry operator, next month.",
    "Email the council at harbour@council.example or call 555-0100 for more details, "
    "officials said, adding that the consultation closes on Friday.",
    "By Monday the council had approved the route.",
    "Watch out for delays, the harbour master warned drivers on Monday.",
    "NASA said the launch would go ahead.",
    "By the numbers",
    "Without written permission from the landlord, tenants on the island cannot sublet their "
    "flats, and several said they had been fined for doing so.",
    "The story first appeared in a local paper in 2019, when reporters found that the ferry "
    "operator had been paid twice for the same route, and it was picked up by national "
    "outlets within days as the council refused to answer questions about the contract.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_is_recognised(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", PROSE)
def test_running_prose_stays(line: str) -> None:
    assert not is_furniture(line)


_VOTE = "The council voted on Monday to approve it."


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        (f"LOS ANGELES (Reuters) - {_VOTE}", "LOS ANGELES", "Reuters"),
        (f"WASHINGTON (CNN) -- {_VOTE}", "WASHINGTON", "CNN"),
        (f"ST CATHERINE, Jamaica — {_VOTE}", "ST CATHERINE, Jamaica", None),
        ("(CNN) — The council voted on Monday to approve the new route.", None, "CNN"),
        (f"AUSTIN (KXAN) — {_VOTE}", "AUSTIN", "KXAN"),
        (f"London (CNN){_VOTE}", "London", "CNN"),
    ],
)
def test_dateline_prefix_goes_to_metadata(
    paragraph: str, place: str | None, agency: str | None
) -> None:
    rest, got_place, got_agency = split_dateline(paragraph)
    assert rest.startswith("The council voted on Monday")
    assert (got_place, got_agency) == (place, agency)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The council voted on Monday - and the vote was close, officials said.",
        "US — Canada talks resume",
        "Harbour City (population 40,000) - a port town - voted on Monday to approve it.",
        "LONDON (Harbour Council) - A line whose parenthesis is no agency at all, said one.",
        "Apple (AAPL) Shares of the company rose 4% on Monday after the results came out.",
    ],
)
def test_no_dateline_in_ordinary_sentences(paragraph: str) -> None:
    assert split_dateline(paragraph) == (paragraph, None, None)


def test_the_sites_own_name_as_a_dateline() -> None:
    paragraph = f"Harbour Gazette – {_VOTE} More follows."
    rest, place, agency = split_dateline(paragraph, "Harbour Gazette")
    assert rest.startswith("The council voted") and (place, agency) == (None, "Harbour Gazette")
    assert split_dateline(paragraph, "Another Paper") == (paragraph, None, None)


def test_lookalike_letters_read_as_latin() -> None:
    assert unconfuse("Аdvеrtіѕе") == "Advertise"
