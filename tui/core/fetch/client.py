"""One shared HTTP client: timeouts, a size cap, redirects checked hop by hop, conditional GET."""

from __future__ import annotations

import importlib.util
import threading
import time
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

import httpx

from tui import __version__
from tui.core.fetch.body import ACCEPT_ENCODING, BadEncoding, BodyTimeout, BodyTooLarge, read_body
from tui.core.fetch.politeness import HostLimiter, max_age_seconds, retry_after_seconds
from tui.core.fetch.safety import Resolver, UnsafeURL, check_redirect, check_url, redact
from tui.core.fetch.safety import system_resolver as _system_resolver
from tui.core.loaders import default_max_bytes

USER_AGENT = f"newsreader/{__version__} (terminal news reader; +python-httpx)"
CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 30.0
TOTAL_TIMEOUT_S = 120.0  # a server dripping bytes slower than the read timeout ends here
MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)
_PERMANENT = (301, 308)
_MB = 1024 * 1024
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, "
    "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
)


class FetchError(Exception):
    """A fetch that failed; ``str()`` is a one-line reason fit to show a user."""

    def __init__(self, reason: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(reason)
        self.status = status
        self.retry_after = retry_after

    @property
    def gone(self) -> bool:
        """The server says the resource no longer exists (404, 410)."""
        return self.status in (404, 410)


@dataclass(slots=True)
class FetchResult:
    """A response: the final URL, its status (200 or 304), body and caching headers."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    max_age: float | None = None
    moved_to: str | None = None  # the new URL when every redirect was permanent

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(slots=True)
class FetchSettings:
    """Limits of one fetcher; the defaults are the issue's."""

    connect_timeout: float = CONNECT_TIMEOUT_S
    read_timeout: float = READ_TIMEOUT_S
    total_timeout: float = TOTAL_TIMEOUT_S
    max_bytes: int = field(default_factory=default_max_bytes)  # the files' cap (50 MB)
    max_redirects: int = MAX_REDIRECTS
    total_requests: int = 8
    per_host: int = 2


class Fetcher:
    """Fetches URLs politely and safely; thread-safe, one connection pool. Close when done."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        resolver: Resolver | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.settings = s = settings or FetchSettings()
        self.resolver: Resolver = resolver or _system_resolver
        self.limiter = HostLimiter(s.total_requests, s.per_host)
        timeout = httpx.Timeout(s.read_timeout, connect=s.connect_timeout)
        limits = httpx.Limits(max_connections=s.total_requests, max_keepalive_connections=32)
        self._client = httpx.Client(
            timeout=timeout,
            limits=limits,
            follow_redirects=False,
            http2=importlib.util.find_spec("h2") is not None,
            headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
            transport=transport,
        )
        self._closed = threading.Event()

    def close(self) -> None:
        self._closed.set()
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """GET ``url`` (conditionally when a validator is given); FetchError with the reason."""
        try:
            current = check_url(url)
        except UnsafeURL as exc:
            raise FetchError(str(exc)) from None
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        seen = {current}
        permanent = True
        deadline = time.monotonic() + self.settings.total_timeout
        for _ in range(self.settings.max_redirects + 1):
            status, location, result = self._request(current, conditional, deadline)
            if location is None:
                assert result is not None
                if permanent and current != url:
                    result.moved_to = current
                return result
            target = urljoin(current, location)
            try:
                check_redirect(current, target, self.resolver)
            except UnsafeURL as exc:
                raise FetchError(str(exc), status) from None
            if target in seen:
                raise FetchError(f"redirect loop at {redact(target)}", status)
            seen.add(target)
            permanent = permanent and status in _PERMANENT
            current = target
        raise FetchError(f"too many redirects (more than {self.settings.max_redirects})")

    def _request(
        self, url: str, headers: dict[str, str], deadline: float
    ) -> tuple[int, str | None, FetchResult | None]:
        """One hop: (status, redirect location or None, the result when not a redirect)."""
        host = urlsplit(url).hostname or ""
        try:
            with (
                self.limiter.slot(host),
                self._client.stream(
                    "GET", url, headers={**headers, "Accept-Encoding": ACCEPT_ENCODING}
                ) as response,
            ):
                if response.status_code in _REDIRECTS and response.headers.get("location"):
                    return response.status_code, response.headers["location"], None
                _check_status(response)
                if response.status_code == 304:
                    return 304, None, _result(url, response, b"")
                body = read_body(
                    response.iter_raw(),
                    response.headers.get("content-encoding", ""),
                    self.settings.max_bytes,
                    deadline,
                )
                return response.status_code, None, _result(url, response, body)
        except BodyTooLarge:
            limit = self.settings.max_bytes / _MB
            raise FetchError(f"response too large (more than {limit:g} MB)") from None
        except BodyTimeout:
            raise FetchError(
                f"download too slow (not done after {self.settings.total_timeout:g} s)"
            ) from None
        except BadEncoding as exc:
            raise FetchError(str(exc)) from None
        except httpx.HTTPError as exc:
            raise FetchError(_describe(exc, self.settings)) from None


def _check_status(response: httpx.Response) -> None:
    code = response.status_code
    if code == 304 or 200 <= code < 300:
        return
    wait = retry_after_seconds(response.headers.get("retry-after"))
    phrase = response.reason_phrase or "error"
    reason = f"HTTP {code} {phrase}".strip()
    if code in (429, 503) and wait is not None:
        reason += f", retry after {wait:.0f} s"
    raise FetchError(reason, code, wait)


def _result(url: str, response: httpx.Response, body: bytes) -> FetchResult:
    headers = response.headers
    media, charset = _content_type(headers.get("content-type", ""))
    return FetchResult(
        url=url,
        status=response.status_code,
        body=body,
        content_type=media,
        charset=charset,
        etag=headers.get("etag"),
        last_modified=headers.get("last-modified"),
        max_age=max_age_seconds(headers.get("cache-control")),
    )


def _content_type(value: str) -> tuple[str, str | None]:
    message = Message()
    message["content-type"] = value
    charset = message.get_param("charset")
    return message.get_content_type().lower(), str(charset).strip().lower() if charset else None


def _describe(exc: httpx.HTTPError, settings: FetchSettings) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return f"connection timed out (after {settings.connect_timeout:g} s)"
    if isinstance(exc, httpx.ReadTimeout):
        return f"no answer from the server (read timed out after {settings.read_timeout:g} s)"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({_short(exc)})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server broke the HTTP protocol ({_short(exc)})"
    return f"network error ({type(exc).__name__}: {_short(exc)})"


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
