"""Plain text: the seed's shape, metadata lines, calls to action, datelines, titles."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.conftest import SEED_ARTICLE
from tui.core.loaders import load_paths, text
from tui.core.loaders.boilerplate import is_call_to_action, parse_byline, site_from_cta
from tui.core.loaders.common import title_from_lead
from tui.core.loaders.dates import is_dateline, parse_dateline

IST = timezone(timedelta(hours=5, minutes=30))


@pytest.fixture(scope="module")
def seed():
    result = load_paths([SEED_ARTICLE])
    assert result.errors == []
    (article,) = result.articles
    return article


def test_seed_metadata(seed) -> None:
    assert seed.section == "Defence"
    assert seed.authors == ["Swarajya Staff"]
    assert seed.site == "Swarajya"
    assert seed.published == datetime(2025, 9, 3, 9, 41, tzinfo=IST)
    assert seed.updated == datetime(2025, 9, 3, 9, 41, tzinfo=IST)
    assert seed.published.isoformat() == "2025-09-03T09:41:00+05:30"
    assert seed.source_path == str(SEED_ARTICLE)


def test_seed_title_from_lead_sentence(seed) -> None:
    assert seed.title.startswith("India and Russia are holding talks for extra deliveries of S-400")
    assert len(seed.title) <= 101
    assert seed.title not in ("Defence", "Swarajya Staff")


def test_seed_body_and_boilerplate(seed) -> None:
    assert seed.text.startswith("India and Russia are holding talks")
    assert seed.text.endswith("several Pakistani missiles and aircraft.")
    for cta in ("Save & read", "Bookmark stories", "Please click here", "Swarajya Staff"):
        assert cta not in seed.text
    assert seed.boilerplate == [
        "Save & read from anywhere!",
        "Bookmark stories for easy access on any device or the Swarajya app.",
        "Please click here to add Swarajya as your preferred and trusted news source on Google.",
    ]
    assert len(seed.paragraphs) == 11
    assert 12 <= len(seed.sentences) <= 20
    for s, e in [*seed.paragraphs, *seed.sentences]:
        assert 0 <= s < e <= len(seed.text)
        assert seed.text[s:e] == seed.text[s:e].strip()


def test_raw_mode_keeps_the_seed_exactly() -> None:
    data = SEED_ARTICLE.read_bytes()
    (article,) = load_paths([SEED_ARTICLE], raw=True).articles
    assert article.text == data.decode("utf-8")
    assert article.section is None and article.authors == [] and article.boilerplate == []
    for s, e in article.sentences:
        assert 0 <= s < e <= len(article.text)


@pytest.mark.parametrize(
    "line",
    [
        "Save & read from anywhere!",
        "Bookmark stories for easy access on any device or the Swarajya app.",
        "Please click here to add The Courier as your preferred news source on Google.",
        "Subscribe to our newsletter",
        "Sign up for our morning briefing",
        "Follow us on Instagram for more stories",
        "Download the app",
        "Download The Daily Herald app for breaking news alerts",
        "Share this article",
        "Get the latest headlines delivered to your inbox",
        "Also read: Why the monsoon arrived late this year",
        "Tap here to turn on notifications",
        "Listen to this story",
        "Support our journalism",
        "Never miss a story: enable alerts",
        "Story continues below advertisement",
        "© 2024 Example Media. All rights reserved.",
        "Enjoyed this article? Share it with your friends!",
        "Like what you read? Subscribe now.",
        "Add to your reading list",
        "Continue reading",
        "Photo: Reuters",
        "Follow The Courier on X",
        "Join our WhatsApp channel for the latest updates",
        "Tap to read the full story",
        "Make The Courier your preferred source on Google",
        "Scan the QR code to download our app",
    ],
)
def test_calls_to_action(line: str) -> None:
    assert is_call_to_action(line)


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply on Monday after the app launch.",
        "Follow the money, the inspector said.",
        "Save the Children said 40 schools had closed.",
        '"Download the app," the minister urged parents.',
        "India had signed a $5.5 billion deal with Russia in 2018 to procure five S-400 systems.",
        "Get ready for a long winter, forecasters warned on Sunday.",
        "Watchdog groups said the click-through rates were inflated.",
        "Print media has declined sharply, the report said.",
        "Photographers gathered outside the court on Monday.",
        "Follow-up talks are planned for March.",
        "Get out of the car, the officer shouted.",
        "Live fire exercises began on Tuesday near the border.",
        "Add to that the cost of fuel, which rose 12% in a year.",
        # Credit lines are part of the article (the trafilatura gold keeps them).
        "(With inputs from agencies)",
        "Additional reporting by Steve Lee; Editing by Ann Roe",
        "Watch out for falling rocks near the pass, officials warned.",
    ],
)
def test_article_sentences_are_not_calls_to_action(line: str) -> None:
    assert not is_call_to_action(line)


def test_site_named_by_a_call_to_action() -> None:
    line = "Please click here to add The Courier as your preferred and trusted news source."
    assert site_from_cta(line) == "The Courier"
    assert site_from_cta("Add us as a preferred source on Google") is None


@pytest.mark.parametrize(
    ("line", "authors", "site"),
    [
        ("Swarajya Staff", ["Swarajya Staff"], "Swarajya"),
        ("Reuters Bureau", ["Reuters Bureau"], "Reuters"),
        ("By Maria Lopez and Tom Reyes", ["Maria Lopez", "Tom Reyes"], None),
        ("BY J. R. Hartley", ["J. R. Hartley"], None),
        ("Our Special Correspondent", ["Our Special Correspondent"], None),
        ("Web Desk", ["Web Desk"], None),
        ("Defence Correspondent", ["Defence Correspondent"], None),
        ("By Jane Doe, Senior Correspondent", ["Jane Doe"], None),
        ("By Jane Doe in New Delhi", ["Jane Doe"], None),
        ("By Jane Doe and John Roe, Staff Writers", ["Jane Doe", "John Roe"], None),
    ],
)
def test_bylines(line: str, authors: list[str], site: str | None) -> None:
    assert parse_byline(line, loose=True) == (authors, site)


def test_plain_names_only_count_as_byline_among_header_lines() -> None:
    assert parse_byline("Maria Lopez", loose=True) == (["Maria Lopez"], None)
    assert parse_byline("Maria Lopez", loose=False) is None
    assert parse_byline("Defence", loose=True) is None


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        (
            "Sep 03, 2025, 09:41 AM | Updated 09:41 AM IST",
            "2025-09-03T09:41:00+05:30",
            "2025-09-03T09:41:00+05:30",
        ),
        ("March 5, 2024 3:15 PM EST", "2024-03-05T15:15:00-05:00", None),
        ("5 March 2024, 14:05 GMT | Updated: 6 March 2024, 09:00 GMT",
         "2024-03-05T14:05:00+00:00", "2024-03-06T09:00:00+00:00"),
        ("Published 12 January 2024, 14:05 CET", "2024-01-12T14:05:00+01:00", None),
        ("July 4, 2024 at 9 a.m. ET", "2024-07-04T09:00:00-04:00", None),  # summer: EDT
        ("January 4, 2024 at 9 a.m. ET", "2024-01-04T09:00:00-05:00", None),  # winter: EST
        ("Tue 2 Jan 2024 10.30 AEDT", "2024-01-02T10:30:00+11:00", None),
        ("2024-06-01 08:00 JST", "2024-06-01T08:00:00+09:00", None),
        ("Jun 1, 2024 12:30 PM BST", "2024-06-01T12:30:00+01:00", None),
        ("Aug 9, 2024 11:00 PM PDT", "2024-08-09T23:00:00-07:00", None),
        ("Sep 3, 2025", "2025-09-03T00:00:00", None),  # no zone stated: naive
    ],
)  # fmt: skip
def test_datelines(line: str, published: str, updated: str | None) -> None:
    assert is_dateline(line)
    pub, upd = parse_dateline(line)
    assert pub is not None and pub.isoformat() == published
    assert (upd.isoformat() if upd else None) == updated


@pytest.mark.parametrize(
    "line",
    [
        "Swarajya Staff",
        "Defence",
        "May 5 people died in the 2020 floods, officials said on Monday in a statement.",
        "The deal, signed on Sep 3, 2025, covers five systems and spare parts for ten years.",
    ],
)
def test_not_datelines(line: str) -> None:
    assert not is_dateline(line)


def test_headline_first_line_becomes_title() -> None:
    data = (
        "Ferry strike halts island crossings\n"
        "By Ann Lee\n"
        "March 5, 2024 3:15 PM GMT\n"
        "Ferry workers walked out on Tuesday, stranding hundreds of commuters, the union said.\n"
        "Talks resume on Thursday.\n"
    )
    (article,) = text.load(data.encode())
    assert article.title == "Ferry strike halts island crossings"
    assert article.authors == ["Ann Lee"]
    assert article.published is not None and article.published.utcoffset() == timedelta(0)
    assert article.text.startswith("Ferry workers walked out")


def test_no_header_at_all() -> None:
    data = "The river rose two metres overnight, the agency said. Roads were closed.\n"
    (article,) = text.load(data)
    assert article.text == data.strip()
    assert article.title == "The river rose two metres overnight, the agency said"
    assert article.section is None and article.authors == []


def test_hard_wrapped_paragraphs_are_joined() -> None:
    data = (
        "The council voted on Monday to approve the new ferry route between the\n"
        "old port and the island, after a debate that lasted more than four\n"
        "hours, officials said.\n"
        "\n"
        "Work on the pier starts in May.\n"
    )
    (article,) = text.load(data)
    assert len(article.paragraphs) == 2
    assert "between the old port" in article.text


def test_cta_in_the_middle_is_boilerplate() -> None:
    data = (
        "The council voted on Monday to approve the new ferry route, officials said.\n"
        "Also read: Five things to know about the island\n"
        "Work on the pier starts in May, the harbour master said.\n"
        "Follow us on Google News\n"
    )
    (article,) = text.load(data)
    assert "Also read" not in article.text and "Follow us" not in article.text
    assert article.boilerplate == [
        "Also read: Five things to know about the island",
        "Follow us on Google News",
    ]


def test_title_from_lead_shortens_at_a_boundary() -> None:
    lead = (
        "The regional transport authority announced on Wednesday an ambitious plan to replace "
        "every diesel bus in the valley with electric ones by the end of the decade."
    )
    title = title_from_lead(lead, [(0, len(lead))])
    assert title.endswith("…")
    assert len(title) <= 101
    assert lead.startswith(title[:-1])
    assert not title[:-1].endswith(" ")


def test_title_never_cuts_a_word() -> None:
    lead = "Supercalifragilistic " * 10
    title = title_from_lead(lead, [(0, len(lead.strip()))])
    assert title.endswith("…")
    assert title[:-1].split()[-1] == "Supercalifragilistic"


def test_short_first_line_section_or_headline() -> None:
    body = "Stocks fell sharply on Monday as investors worried about rates, traders said.\n"
    (headline,) = text.load("Markets tumble again\n" + body + "More follows here.\n")
    assert headline.title == "Markets tumble again" and headline.section is None
    (section,) = text.load("Business\n" + body + "More follows here.\n")
    assert section.section == "Business"
    (with_byline,) = text.load("World News\nBy Ann Lee\n" + body + "More follows here.\n")
    assert with_byline.section == "World News" and with_byline.authors == ["Ann Lee"]


def test_relative_update_time_is_not_invented() -> None:
    line = "September 3, 2025 9:41 AM IST | Updated 2 hours ago | 5 min read"
    assert is_dateline(line)
    published, updated = parse_dateline(line)
    assert published is not None and published.isoformat() == "2025-09-03T09:41:00+05:30"
    assert updated is None
