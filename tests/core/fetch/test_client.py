"""The fetcher against a loopback server that misbehaves on purpose."""

from __future__ import annotations

import gzip
import time
import zlib
from collections.abc import Iterator

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tui.core.fetch import USER_AGENT, Fetcher, FetchError, FetchSettings
from tui.core.fetch.client import _content_type

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    settings = FetchSettings(read_timeout=1.0, total_timeout=2.0, max_bytes=64 * 1024)
    with Fetcher(settings) as f:
        yield f


def test_ok_with_charset_and_user_agent(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/feed", headers={"User-Agent": USER_AGENT}).respond_with_data(
        FEED, content_type="application/rss+xml; charset=ISO-8859-1", headers={"ETag": '"v1"'}
    )
    result = fetcher.get(httpserver.url_for("/feed"))
    assert result.status == 200 and result.body == FEED
    assert (result.content_type, result.charset, result.etag) == (
        "application/rss+xml",
        "iso-8859-1",
        '"v1"',
    )


def test_conditional_get_answers_304(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304
    )
    result = fetcher.get(httpserver.url_for("/feed"), etag='"v1"')
    assert result.not_modified and result.body == b""


@pytest.mark.parametrize("status", [404, 410, 500])
def test_error_statuses(httpserver: HTTPServer, fetcher: Fetcher, status: int) -> None:
    httpserver.expect_request("/x").respond_with_data("no", status=status)
    with pytest.raises(FetchError) as info:
        fetcher.get(httpserver.url_for("/x"))
    assert info.value.status == status and f"HTTP {status}" in str(info.value)
    assert info.value.gone == (status in (404, 410))


def test_429_reports_retry_after(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/x").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "120"}
    )
    with pytest.raises(FetchError) as info:
        fetcher.get(httpserver.url_for("/x"))
    assert info.value.retry_after == 120 and "retry after 120 s" in str(info.value)


def test_redirect_chain_followed_and_permanent_move_reported(
    httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    for i in range(3):
        httpserver.expect_request(f"/r{i}").respond_with_data(
            "", status=301, headers={"Location": f"/r{i + 1}"}
        )
    httpserver.expect_request("/r3").respond_with_data(FEED)
    result = fetcher.get(httpserver.url_for("/r0"))
    assert result.body == FEED and result.url == httpserver.url_for("/r3")
    assert result.moved_to == httpserver.url_for("/r3")


def test_redirect_loop_and_too_many(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.get(httpserver.url_for("/a"))
    for i in range(7):
        httpserver.expect_request(f"/n{i}").respond_with_data(
            "", status=307, headers={"Location": f"/n{i + 1}"}
        )
    with pytest.raises(FetchError, match="too many redirects"):
        fetcher.get(httpserver.url_for("/n0"))


def test_redirect_to_file_scheme_refused(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/f").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.get(httpserver.url_for("/f"))


def test_only_http_schemes() -> None:
    with Fetcher() as f, pytest.raises(FetchError, match="only http and https"):
        f.get("file:///etc/passwd")


def test_body_over_the_cap_refused(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * (200 * 1024))
    with pytest.raises(FetchError, match="too large"):
        fetcher.get(httpserver.url_for("/big"))


def test_gzip_bomb_refused_and_small_gzip_read(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))
    assert len(bomb) < 64 * 1024  # the compressed body is small: only inflating reveals it
    httpserver.expect_request("/bomb").respond_with_data(bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="too large"):
        fetcher.get(httpserver.url_for("/bomb"))
    httpserver.expect_request("/gz").respond_with_data(
        gzip.compress(FEED), headers={"Content-Encoding": "gzip"}
    )
    assert fetcher.get(httpserver.url_for("/gz")).body == FEED
    httpserver.expect_request("/deflate").respond_with_data(
        zlib.compress(FEED), headers={"Content-Encoding": "deflate"}
    )
    assert fetcher.get(httpserver.url_for("/deflate")).body == FEED


def test_corrupt_gzip_is_a_clear_error(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/bad").respond_with_data(
        b"not gzip at all", headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(FetchError, match="corrupt gzip"):
        fetcher.get(httpserver.url_for("/bad"))


def test_slow_drip_past_the_total_timeout(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    def drip(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(40):
                time.sleep(0.2)  # each byte arrives within the read timeout...
                yield b"x"

        return Response(body())  # ...but the whole never does within the total

    httpserver.expect_request("/drip").respond_with_handler(drip)
    started = time.monotonic()
    with pytest.raises(FetchError, match="too slow"):
        fetcher.get(httpserver.url_for("/drip"))
    assert time.monotonic() - started < 5


def test_silent_server_hits_the_read_timeout(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    def silent(request: Request) -> Response:
        time.sleep(1.5)
        return Response("late")

    httpserver.expect_request("/silent").respond_with_handler(silent)
    with pytest.raises(FetchError, match="read timed out"):
        fetcher.get(httpserver.url_for("/silent"))


def test_connection_refused_is_a_clear_error(fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="cannot connect"):
        fetcher.get("http://127.0.0.1:9/")


def test_redirect_from_public_to_private_refused() -> None:
    """A public host may not send the fetcher to a private address (resolver stubbed)."""
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://intranet.lan/admin"})

    addresses = {"news.example": ["93.184.216.34"], "intranet.lan": ["192.168.1.10"]}
    transport = httpx.MockTransport(handler)
    with (
        Fetcher(resolver=lambda h: addresses.get(h, []), transport=transport) as f,
        pytest.raises(FetchError, match="private address"),
    ):
        f.get("http://news.example/feed")
    assert asked == ["http://news.example/feed"]  # the private address was never requested


def test_private_to_private_redirect_allowed(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    target = httpserver.url_for("/final").replace("localhost", "127.0.0.1")
    httpserver.expect_request("/start").respond_with_data(
        "", status=302, headers={"Location": target}
    )
    httpserver.expect_request("/final").respond_with_data(FEED)
    assert fetcher.get(httpserver.url_for("/start")).body == FEED


def test_credentials_never_in_messages(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/a").respond_with_data(
        "", status=302, headers={"Location": f"http://user:secret@127.0.0.1:{httpserver.port}/b"}
    )
    httpserver.expect_request("/b").respond_with_data(
        "", status=302, headers={"Location": f"http://user:secret@127.0.0.1:{httpserver.port}/b"}
    )
    with pytest.raises(FetchError) as info:
        fetcher.get(httpserver.url_for("/a"))
    assert "secret" not in str(info.value)


def test_content_type_parsing() -> None:
    assert _content_type('text/html; charset="UTF-8"') == ("text/html", "utf-8")
    assert _content_type("") == ("text/plain", None)
