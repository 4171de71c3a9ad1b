"""Loaders: turn files, feeds, pages and text into Articles.

Each format is a small module with one ``load(data, source_path=..., raw=...)`` entry
point (text, markdown, html, feed, jsonexport); ``load_paths`` and ``iter_load`` pick one
per file by extension and content, and turn every kind of bad input into one
``LoadFailure`` (path + reason) instead of raising.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.loaders import feed, html, jsonexport, markdown, sniff
from tui.core.loaders import text as text_loader
from tui.core.loaders.decode import binary_reason
from tui.core.loaders.errors import LoadError
from tui.core.model import Article

__all__ = [
    "DEFAULT_MAX_MB",
    "FileResult",
    "LoadError",
    "LoadFailure",
    "LoadResult",
    "default_max_bytes",
    "iter_load",
    "load_bytes",
    "load_paths",
]

DEFAULT_MAX_MB = 50.0
MAX_MB_ENV = "NEWSREADER_MAX_FILE_MB"
STDIN = "-"
_MB = 1024 * 1024

ProgressCallback = Callable[[int, int, str], None]

_LOADERS = {
    sniff.TEXT: text_loader.load,
    sniff.MARKDOWN: markdown.load,
    sniff.HTML: html.load,
    sniff.FEED: feed.load,
    sniff.JSON: jsonexport.load,
}


@dataclass(slots=True)
class LoadFailure:
    """A file that could not be loaded, and why."""

    path: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "error": self.error}


@dataclass(slots=True)
class LoadResult:
    """Everything ``load_paths`` produced: articles, failures, and files it passed over."""

    articles: list[Article] = field(default_factory=list)
    errors: list[LoadFailure] = field(default_factory=list)
    # Files a directory walk passed over on purpose (binary, not an article); not errors.
    skipped: list[LoadFailure] = field(default_factory=list)


@dataclass(slots=True)
class FileResult:
    """What one input gave: its articles, or the reason it failed or was skipped."""

    path: str
    articles: list[Article] = field(default_factory=list)
    error: str | None = None
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


def default_max_bytes() -> int:
    """The maximum file size: ``$NEWSREADER_MAX_FILE_MB`` megabytes, 50 by default."""
    value = os.environ.get(MAX_MB_ENV, "").strip()
    try:
        mb = float(value) if value else DEFAULT_MAX_MB
    except ValueError:
        mb = DEFAULT_MAX_MB
    if not mb > 0:
        mb = DEFAULT_MAX_MB
    return int(mb * _MB)


def load_paths(
    paths: Iterable[str | Path],
    *,
    raw: bool = False,
    max_bytes: int | None = None,
    on_progress: ProgressCallback | None = None,
) -> LoadResult:
    """Load every path (files, directories, ``-`` for stdin); never raises for bad input.

    ``on_progress(done, total, path)`` is called after each file.
    """
    result = LoadResult()
    for item in iter_load(paths, raw=raw, max_bytes=max_bytes, on_progress=on_progress):
        if item.skipped:
            result.skipped.append(LoadFailure(item.path, item.error or "skipped"))
        elif item.error is not None:
            result.errors.append(LoadFailure(item.path, item.error))
        else:
            result.articles.extend(item.articles)
    return result


@dataclass(slots=True)
class _Input:
    path: str
    directory: str | None = None  # the directory walk that found it
    error: str | None = None  # known bad before reading
    skipped: bool = False
    is_dir: bool = False  # a directory given as input: counted, not loaded


def iter_load(
    paths: Iterable[str | Path],
    *,
    raw: bool = False,
    max_bytes: int | None = None,
    on_progress: ProgressCallback | None = None,
) -> Iterator[FileResult]:
    """Yield one FileResult per input file, loading lazily, in a stable order.

    Directories are listed first (to know the total for progress), then each file is read
    only when its turn comes. A directory that gives no article at all adds one failure.
    """
    limit = default_max_bytes() if max_bytes is None else max_bytes
    inputs = list(_expand(paths))
    total = sum(1 for item in inputs if not item.is_dir)
    # Per directory given: [files with articles, files failed, files skipped].
    per_dir: dict[str, list[int]] = {}
    done = 0
    for item in inputs:
        if item.is_dir:
            per_dir.setdefault(item.path, [0, 0, 0])
            continue
        if item.error is not None:
            result = FileResult(item.path, error=item.error, skipped=item.skipped)
        else:
            result = _load_one(item, raw, limit)
        if item.directory is not None:
            counts = per_dir.setdefault(item.directory, [0, 0, 0])
            if result.articles:
                counts[0] += 1
            elif result.skipped:
                counts[2] += 1
            elif result.error is not None:
                counts[1] += 1
        yield result
        done += 1
        if on_progress is not None:
            on_progress(done, total, item.path)
    for directory, (good, failed, skipped) in per_dir.items():
        if good == 0 and failed == 0:
            why = f" ({skipped} files skipped)" if skipped else ""
            yield FileResult(directory, error=f"no readable articles in directory{why}")


def _expand(paths: Iterable[str | Path]) -> Iterator[_Input]:
    for raw_path in paths:
        path = str(raw_path)
        if path == STDIN:
            yield _Input(STDIN)
            continue
        try:
            st = os.stat(path)
        except OSError as exc:
            yield _Input(path, error=_os_reason(exc, path, listed=False))
            continue
        if stat.S_ISDIR(st.st_mode):
            # Counted even when it lists nothing, so an empty directory is reported.
            yield _Input(path, is_dir=True)
            yield from _walk(path)
        else:
            yield _Input(path)


def _walk(root: str) -> Iterator[_Input]:
    """Files under root, sorted, hidden ones left out, each directory visited once."""
    visited: set[tuple[int, int]] = set()
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=errors.append):
        while errors:
            exc = errors.pop()
            yield _Input(exc.filename or dirpath, error=_os_reason(exc, dirpath, listed=True))
        try:
            st = os.stat(dirpath)
        except OSError as exc:
            yield _Input(dirpath, error=_os_reason(exc, dirpath, listed=True))
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in visited:
            # A symlink back to a directory already walked: a loop or a duplicate.
            dirnames[:] = []
            yield _Input(
                dirpath, root, error="symbolic link loop, directory already read", skipped=True
            )
            continue
        visited.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = os.path.join(dirpath, name)
            suffix = os.path.splitext(name)[1].lower()
            if suffix in sniff.NOT_ARTICLES:
                yield _Input(full, root, error=f"not an article file ({suffix})", skipped=True)
            else:
                yield _Input(full, root)
    while errors:
        failure = errors.pop()
        yield _Input(failure.filename or root, error=_os_reason(failure, root, listed=True))


def _load_one(item: _Input, raw: bool, limit: int) -> FileResult:
    try:
        data = _read_stdin(limit) if item.path == STDIN else _read(item.path, limit)
        reason = binary_reason(data)
        if reason is not None:
            # Named on the command line: an error; met in a directory walk: passed over.
            return FileResult(item.path, error=reason, skipped=item.directory is not None)
        suffix = "" if item.path == STDIN else os.path.splitext(item.path)[1]
        source = "<stdin>" if item.path == STDIN else item.path
        articles = load_bytes(data, source, suffix=suffix, raw=raw, check_binary=False)
        return FileResult(item.path, articles=articles)
    except LoadError as exc:
        return FileResult(item.path, error=str(exc))
    except OSError as exc:
        return FileResult(item.path, error=_os_reason(exc, item.path, item.directory is not None))
    except RecursionError:
        return FileResult(item.path, error="input nested too deeply to parse")
    except MemoryError:
        return FileResult(item.path, error="out of memory while loading")
    except Exception as exc:  # a parser bug must not stop the other files
        detail = " ".join(str(exc).split())[:200]
        return FileResult(item.path, error=f"could not load ({type(exc).__name__}: {detail})")


def load_bytes(
    data: bytes,
    source_path: str | None = None,
    *,
    suffix: str = "",
    raw: bool = False,
    check_binary: bool = True,
) -> list[Article]:
    """The articles in one file's bytes; LoadError (with the reason) for bad input."""
    if check_binary:
        reason = binary_reason(data)
        if reason is not None:
            raise LoadError(reason)
    if raw:
        return text_loader.load(data, source_path=source_path, raw=True)
    fmt = sniff.format_for(suffix, data)
    return _LOADERS[fmt](data, source_path=source_path)


# Indirection so tests can simulate unreadable files even when running as root.
_open = open


def _read(path: str, limit: int) -> bytes:
    st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise LoadError("is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise LoadError("not a regular file (device, pipe or socket)")
    if st.st_size > limit:
        raise LoadError(_too_large(st.st_size, limit))
    with _open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise LoadError(_too_large(max(len(data), st.st_size), limit, grew=True))
    return data


def _read_stdin(limit: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise LoadError("standard input is not available")
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise LoadError(_too_large(len(data), limit, grew=True))
    return data


def _too_large(size: int, limit: int, *, grew: bool = False) -> str:
    more = "more than " if grew else ""
    return f"file too large ({more}{size / _MB:.1f} MB > {limit / _MB:g} MB limit)"


def _os_reason(exc: OSError, path: str, listed: bool) -> str:
    code = exc.errno
    if code == errno.ENOENT:
        if os.path.islink(path):
            return "broken symbolic link"
        return "file vanished while loading" if listed else "no such file or directory"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.ELOOP:
        return "symbolic link loop"
    if code == errno.ENAMETOOLONG:
        return "file name too long"
    if code == errno.ENOTDIR:
        return "not a directory (a path component is a file)"
    if code == errno.EISDIR:
        return "is a directory"
    return (exc.strerror or str(exc) or type(exc).__name__).lower()
