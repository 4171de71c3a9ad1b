"""Write docs/screenshot.svg: the reader on the bundled seeds, real loaders and extractors.

    python scripts/screenshot.py [--size 140x45] [-o docs/screenshot.svg]

Runs the app headless (Textual's pilot) on a temporary library, waits until the seed is
loaded, analysed and shown, and saves what the screen shows as SVG.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


async def _shoot(size: tuple[int, int], output: Path) -> None:
    from tui.app import NewsReaderApp
    from tui.core.library import open_default_library

    with tempfile.TemporaryDirectory() as tmp:
        library, _ids = open_default_library(None, Path(tmp) / "library.sqlite3")
        app = NewsReaderApp(library=library)
        async with app.run_test(size=size) as pilot:
            for _ in range(200):
                await pilot.pause(0.05)
                reader = app.main.reader
                if reader.article is not None and reader.article.analysis.claims:
                    break
            await app.workers.wait_for_complete()
            await pilot.pause(0.3)
            output.write_text(app.export_screenshot(title="newsreader"), encoding="utf-8")
        library.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", default="140x45", help="COLUMNSxROWS (default 140x45)")
    parser.add_argument("-o", "--output", type=Path, default=REPO / "docs" / "screenshot.svg")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.lower().split("x"))
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    asyncio.run(_shoot((columns, rows), args.output))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
