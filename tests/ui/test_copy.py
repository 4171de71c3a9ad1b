"""`y` copies the claim selected in the Outline (with its citation), else the article URL."""

from __future__ import annotations

import asyncio
import dataclasses

from textual.pilot import Pilot

from tests.ui.sample import sample_articles
from tui.app import NewsReaderApp
from tui.widgets.outline import OutlinePanel

URL = "https://example.org/s400-talks"


def run_copy(keys: list[str]) -> tuple[NewsReaderApp, str]:
    first, *rest = sample_articles()
    app = NewsReaderApp(articles=[dataclasses.replace(first, url=URL), *rest])
    seen: dict[str, str] = {}

    async def main() -> None:
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            seen["claim"] = _claim_text(app, pilot)

    asyncio.run(main())
    return app, seen["claim"]


def _claim_text(app: NewsReaderApp, pilot: Pilot) -> str:
    claim = app.main.query_one(OutlinePanel).current_claim
    return claim.text if claim is not None else ""


def test_y_in_the_outline_copies_the_claim_with_speaker_title_and_url() -> None:
    app, claim = run_copy(["1", "j", "y"])
    assert claim
    copied = app.clipboard
    assert claim.strip()[:40] in copied
    assert "India, Russia in talks for more S-400 deliveries" in copied
    assert copied.rstrip().endswith(URL)
    assert "— " in copied  # the speaker or source line
    assert any(n.message.startswith("Copied the claim") for n in app._notifications)


def test_y_in_the_reader_copies_the_article_url() -> None:
    app, _ = run_copy(["r", "y"])
    assert app.clipboard == URL
