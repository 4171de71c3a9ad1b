"""The folder of index segments and its manifest: which segment files make the index.

The manifest (``manifest.json``) is replaced atomically (written aside, flushed, renamed)
after the segment files it names are on disk, so a crash at any point leaves the previous
manifest or the new one, each naming only whole segments. Writers (an import, a merge, a
repair; in this or another process) take an exclusive lock on ``lock`` first.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from tui.core.search.build import Arrays
from tui.core.search.segment import save_segment

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: one process at a time
    fcntl = None  # type: ignore[assignment]

MANIFEST = "manifest.json"
FORMAT = 1
_ORPHAN_AGE_S = 600  # a file no manifest names, this old, is a crash's leftover


class IndexUnavailable(Exception):
    """The index folder cannot be created or written (read-only place, disk full)."""


@dataclass(frozen=True, slots=True)
class SegmentInfo:
    """One segment file named by the manifest."""

    name: str
    articles: int
    docs: int
    bytes: int


class SegmentFolder:
    """A folder of segment files plus the manifest naming the live ones."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def manifest_path(self) -> Path:
        return self.folder / MANIFEST

    def stamp(self) -> tuple[int, int] | None:
        """Changes whenever the manifest is replaced (cheap: one stat)."""
        try:
            st = self.manifest_path.stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_ino

    def read(self) -> list[SegmentInfo]:
        """The live segments; an absent or unreadable manifest is an empty index."""
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return []
            return [SegmentInfo(**s) for s in data["segments"]]
        except (OSError, ValueError, TypeError, KeyError):
            return []

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the writers' lock (blocks while another writer holds it)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fh = (self.folder / "lock").open("a+b")
        except OSError as exc:
            raise IndexUnavailable(f"{self.folder}: {exc.strerror or exc}") from None
        try:
            if fcntl is not None:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            yield
        finally:
            fh.close()  # closing releases the lock

    def write_segment(self, arrays: Arrays) -> SegmentInfo:
        """Save a new segment file (not yet live: :meth:`commit` names it)."""
        name = f"{time.time_ns():x}-{uuid.uuid4().hex[:8]}.seg"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            size = save_segment(self.folder / name, arrays)
        except OSError as exc:
            raise IndexUnavailable(f"{self.folder}: {exc.strerror or exc}") from None
        return SegmentInfo(name, len(arrays["article_day"]), len(arrays["doc_kind"]), size)

    def commit(
        self, segments: list[SegmentInfo], removed: Sequence[SegmentInfo] = ()
    ) -> None:
        """Make ``segments`` the live set (caller holds the lock); delete ``removed`` files."""
        data = {"format": FORMAT, "segments": [asdict(s) for s in segments]}
        tmp = self.folder / f"{MANIFEST}.{uuid.uuid4().hex[:8]}.tmp"
        try:
            with tmp.open("w", encoding="utf-8") as fh:
                json.dump(data, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.manifest_path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise IndexUnavailable(f"{self.folder}: {exc.strerror or exc}") from None
        for seg in removed:
            # A reader that has it mapped keeps its pages until it lets go (POSIX).
            with contextlib.suppress(OSError):
                (self.folder / seg.name).unlink()

    def remove_orphans(self, max_age: float = _ORPHAN_AGE_S) -> int:
        """Delete old segment and temporary files no manifest names (caller holds the lock)."""
        live = {s.name for s in self.read()} | {MANIFEST, "lock"}
        removed = 0
        now = time.time()
        with contextlib.suppress(OSError):
            for path in self.folder.iterdir():
                if path.name in live:
                    continue
                with contextlib.suppress(OSError):
                    if now - path.stat().st_mtime >= max_age:
                        path.unlink()
                        removed += 1
        return removed

    def size_bytes(self) -> int:
        """Bytes on disk of the live segments."""
        return sum(s.bytes for s in self.read())
