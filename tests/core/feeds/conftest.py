"""The loopback news site: a pytest-httpserver that serves our feeds and pages, and misbehaves."""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.core.feeds import fakesite

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test here may reach beyond this machine, whatever a feed links to."""
    real = httpx.HTTPTransport.handle_request

    def guarded(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        if request.url.host not in _LOOPBACK:
            raise httpx.ConnectError(f"test guard: {request.url.host} is not loopback")
        return real(self, request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", guarded)


def with_etag(body: bytes, content_type: str, etag: str) -> Callable[[Request], Response]:
    """A handler answering 304 when the client already has ``etag``."""

    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type=content_type, headers={"ETag": etag})

    return handler


def serve_stories(server: HTTPServer) -> None:
    """``/story/N`` answers the article page for N."""

    def handler(request: Request) -> Response:
        n = int(re.sub(r"\D", "", request.path) or 0)
        return Response(fakesite.page_html(n), content_type="text/html; charset=utf-8")

    server.expect_request(re.compile(r"^/story/\d+$")).respond_with_handler(handler)


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    """The server with article pages; each test adds its feeds."""
    serve_stories(httpserver)
    return httpserver


def base(server: HTTPServer) -> str:
    return server.url_for("").rstrip("/")
