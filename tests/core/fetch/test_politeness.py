"""Politeness rules: concurrency per host and overall, Retry-After, max-age, backoff; URL checks."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest

from tui.core.fetch.politeness import (
    MAX_WAIT_S,
    HostLimiter,
    backoff_seconds,
    max_age_seconds,
    retry_after_seconds,
)
from tui.core.fetch.safety import (
    UnsafeURL,
    check_redirect,
    check_url,
    is_private_host,
    is_url,
    redact,
)


def _peak_concurrency(limiter: HostLimiter, hosts: list[str]) -> tuple[int, dict[str, int]]:
    lock = threading.Lock()
    now: dict[str, int] = {}
    peak_host: dict[str, int] = {}
    total = [0, 0]

    def request(host: str) -> None:
        with limiter.slot(host):
            with lock:
                now[host] = now.get(host, 0) + 1
                total[0] += 1
                peak_host[host] = max(peak_host.get(host, 0), now[host])
                total[1] = max(total[1], total[0])
            time.sleep(0.05)
            with lock:
                now[host] -= 1
                total[0] -= 1

    threads = [threading.Thread(target=request, args=(h,)) for h in hosts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return total[1], peak_host


def test_at_most_two_per_host_and_n_overall() -> None:
    overall, per_host = _peak_concurrency(HostLimiter(total=3, per_host=2), ["a"] * 8 + ["b"] * 8)
    assert overall <= 3 and max(per_host.values()) <= 2
    assert overall >= 2  # it does run requests side by side


def test_retry_after_forms() -> None:
    now = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds("Mon, 30 Nov 2026 12:05:00 GMT", now) == 300
    assert retry_after_seconds("Mon, 30 Nov 2026 11:00:00 GMT", now) == 0
    assert retry_after_seconds("99999999") == MAX_WAIT_S
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_max_age_and_backoff() -> None:
    assert max_age_seconds("public, max-age=600") == 600
    assert max_age_seconds("no-cache, max-age=600") is None
    assert max_age_seconds(None) is None
    assert [backoff_seconds(n) for n in (1, 2, 3)] == [60, 120, 240]
    assert backoff_seconds(100) == MAX_WAIT_S


def test_url_rules() -> None:
    assert check_url(" https://example.org/feed ") == "https://example.org/feed"
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "ftp://x/y", "http://"):
        with pytest.raises(UnsafeURL):
            check_url(bad)
    assert is_url("HTTPS://x") and is_url("ftp://x") and not is_url("notes/http.txt")
    assert redact("https://me:pw@example.org:8080/a?b=1") == "https://example.org:8080/a?b=1"


def test_private_addresses() -> None:
    def resolver(host: str) -> list[str]:
        return {"lan.example": ["10.1.2.3"], "pub.example": ["93.184.216.34"]}.get(host, [])

    assert is_private_host("127.0.0.1", resolver) and is_private_host("[::1]", resolver)
    assert is_private_host("lan.example", resolver) and not is_private_host("pub.example", resolver)
    assert is_private_host("169.254.169.254", resolver)  # cloud metadata: link-local
    with pytest.raises(UnsafeURL, match="private address"):
        check_redirect("http://pub.example/a", "http://169.254.169.254/latest", resolver)
    check_redirect("http://lan.example/a", "http://127.0.0.1/b", resolver)  # private to private
    check_redirect("http://pub.example/a", "https://pub.example/b", resolver)
