"""A small library of our own: three stories, written for these tests (no publisher's text).

Two of them are the same kind of event (a harbour fire) in different towns a year apart, so
topic words alone do not separate them; the third is unrelated. The Port Elwyn articles
disagree on the damage figure, round one figure, and repeat a quote first carried by the
wire article.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ELWYN_WIRE = {
    "title": "Fire destroys warehouses at Port Elwyn harbour",
    "site": "Coastal Wire",
    "published": "2026-03-02T06:00:00+00:00",
    "text": (
        "A fire destroyed four warehouses at Port Elwyn harbour overnight, the Elwyn Fire "
        "Service said on Monday.\n\n"
        "Mayor Ines Calder said the damage was estimated at $5.5 billion. "
        '"We will rebuild the harbour stone by stone," Calder said.\n\n'
        "About 5,000 dock workers were sent home, according to the Harbour Authority. "
        "Fire chief Tomas Verhoek said 120 firefighters fought the blaze for nine hours."
    ),
}
ELWYN_DAILY = {
    "title": "Port Elwyn counts the cost after harbour warehouse fire",
    "site": "Elwyn Daily",
    "published": "2026-03-02T14:00:00+00:00",
    "text": (
        "Port Elwyn woke to smoke on Monday after fire gutted warehouses along the harbour.\n\n"
        "Mayor Ines Calder put the damage at $5.43 billion, and the Harbour Authority said "
        "4,987 dock workers had been sent home. "
        '"We will rebuild the harbour stone by stone," Calder told reporters, via Coastal '
        "Wire.\n\n"
        "The Elwyn Fire Service said 120 firefighters fought the blaze. "
        "Fire chief Tomas Verhoek said the cause was not yet known."
    ),
}
ELWYN_TIMES = {
    "title": "Harbour blaze: Elwyn Fire Service investigates warehouse fire",
    "site": "National Times",
    "published": "2026-03-03T09:00:00+00:00",
    "text": (
        "Investigators from the Elwyn Fire Service began work at Port Elwyn harbour on "
        "Tuesday, a day after fire destroyed four warehouses.\n\n"
        "Fire chief Tomas Verhoek said 150 firefighters had fought the blaze. "
        'Mayor Ines Calder repeated that the city would rebuild: "We will rebuild the harbour '
        'stone by stone."\n\n'
        "The Harbour Authority said shipping would resume on Thursday."
    ),
}
DUNMORE_ONE = {
    "title": "Warehouse fire at Dunmore quay",
    "site": "Coastal Wire",
    "published": "2027-05-10T08:00:00+00:00",
    "text": (
        "Fire swept through two warehouses at Dunmore quay on Sunday, the Dunmore Rescue "
        "Brigade said.\n\n"
        "Brigade commander Aoife Brennan said 60 firefighters brought the fire under control. "
        "Councillor Rhys Maddox said the quay would reopen within a week."
    ),
}
DUNMORE_TWO = {
    "title": "Dunmore quay reopens after warehouse blaze",
    "site": "Western Herald",
    "published": "2027-05-11T10:00:00+00:00",
    "text": (
        "Dunmore quay reopened on Monday after a fire at two warehouses, Councillor Rhys "
        "Maddox said.\n\n"
        "The Dunmore Rescue Brigade said commander Aoife Brennan led 60 firefighters at the "
        "quay overnight."
    ),
}
VALORIA_ONE = {
    "title": "Valoria votes in snap parliamentary election",
    "site": "Elwyn Daily",
    "published": "2026-03-02T09:00:00+00:00",
    "text": (
        "Voters in Valoria chose a new parliament on Monday in a snap election called by "
        "Prime Minister Oskar Lindqvist.\n\n"
        "The Valorian Electoral Commission said turnout reached 64 percent by noon. "
        "Opposition leader Mira Santos said the vote was a referendum on Lindqvist."
    ),
}
VALORIA_TWO = {
    "title": "Lindqvist's party leads Valoria election count",
    "site": "National Times",
    "published": "2026-03-03T07:00:00+00:00",
    "text": (
        "Prime Minister Oskar Lindqvist's party led the count in Valoria's snap parliamentary "
        "election on Tuesday, the Valorian Electoral Commission said.\n\n"
        "Opposition leader Mira Santos conceded that the vote had gone against her."
    ),
}

ELWYN = [ELWYN_WIRE, ELWYN_DAILY, ELWYN_TIMES]
DUNMORE = [DUNMORE_ONE, DUNMORE_TWO]
VALORIA = [VALORIA_ONE, VALORIA_TWO]
ALL = [*ELWYN, *DUNMORE, *VALORIA]


def write_articles(folder: Path, articles: list[dict[str, Any]]) -> dict[str, str]:
    """One JSON file an article, named in published order; returns path -> title."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for n, article in enumerate(sorted(articles, key=lambda a: a["published"])):
        path = folder / f"{n:03d}.json"
        path.write_text(json.dumps(article), encoding="utf-8")
        out[str(path)] = article["title"]
    return out
