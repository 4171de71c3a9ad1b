"""Politeness: how many requests at once, per host and overall; what the server asks us to wait."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

DEFAULT_TOTAL = 8
DEFAULT_PER_HOST = 2
# Whatever a server asks, never wait longer than a day before trying again.
MAX_WAIT_S = 24 * 3600.0
_MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-)?max-age\s*=\s*\"?(\d+)", re.I)


class HostLimiter:
    """At most ``total`` requests at a time, and at most ``per_host`` to any one host."""

    def __init__(self, total: int = DEFAULT_TOTAL, per_host: int = DEFAULT_PER_HOST) -> None:
        self._total = threading.BoundedSemaphore(max(1, total))
        self._per_host = max(1, per_host)
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            sem = self._hosts.setdefault(host, threading.BoundedSemaphore(self._per_host))
        # Host first: a thread waiting for a busy host does not hold a global slot meanwhile.
        with sem, self._total:
            yield


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta or HTTP date), capped; None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_WAIT_S)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    delta = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(delta, 0.0), MAX_WAIT_S)


def max_age_seconds(cache_control: str | None) -> float | None:
    """The ``max-age`` of a Cache-Control header, capped; None when not given."""
    if not cache_control or "no-cache" in cache_control.lower():
        return None
    match = _MAX_AGE.search(cache_control)
    return min(float(match.group(1)), MAX_WAIT_S) if match else None


def backoff_seconds(failures: int, base: float = 60.0) -> float:
    """Wait before retrying a failing feed: doubling from a minute, at most a day."""
    return min(base * (2 ** max(0, failures - 1)), MAX_WAIT_S)
