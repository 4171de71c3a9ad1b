"""The Outline marks key (check-worthy) claims apart from other statements; K shows key ones."""

from __future__ import annotations

import asyncio
import dataclasses

from tests.ui.sample import sample_articles
from tui.app import NewsReaderApp
from tui.widgets.outline import OutlinePanel


def with_one_statement() -> list:
    first, *rest = sample_articles()
    claims = list(first.analysis.claims)
    claims[0] = dataclasses.replace(claims[0], key_claim=False)
    analysis = dataclasses.replace(first.analysis, claims=claims)
    return [dataclasses.replace(first, analysis=analysis), *rest]


def test_statements_are_marked_and_k_hides_them() -> None:
    articles = with_one_statement()
    statement = sorted(articles[0].analysis.claims, key=lambda c: c.span)
    n_claims = len(statement)
    seen: dict[str, object] = {}

    async def main() -> None:
        app = NewsReaderApp(articles=articles)
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            outline = app.main.query_one(OutlinePanel)
            prompts = [str(outline.get_option_at_index(i).prompt) for i in range(n_claims)]
            seen["marked"] = [p for p in prompts if "· statement" in p]
            await pilot.press("1", "K")
            await pilot.pause()
            seen["shown"] = [c for c in outline._claims if c is not None]
            await pilot.press("K")
            await pilot.pause()
            seen["again"] = [c for c in outline._claims if c is not None]

    asyncio.run(main())
    assert len(seen["marked"]) == 1  # type: ignore[arg-type]
    shown = seen["shown"]
    assert len(shown) == n_claims - 1 and all(c.key_claim for c in shown)  # type: ignore
    assert len(seen["again"]) == n_claims  # type: ignore[arg-type]
