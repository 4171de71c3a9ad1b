"""Which URLs newsreader may fetch: http(s) only, and no hop from a public host to a private one.

Private and loopback addresses are allowed as such (people run feed servers at home), but a
public server must not be able to redirect the fetcher at the user's own network.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

# host -> the IP addresses it resolves to; tests pass a stub so nothing leaves the machine.
Resolver = Callable[[str], list[str]]

SCHEMES = ("http", "https")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


class UnsafeURL(ValueError):
    """A URL newsreader refuses to fetch; the message says why."""


def system_resolver(host: str) -> list[str]:
    """The addresses the system resolver gives for ``host`` (an IP literal stays itself)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def check_url(url: str) -> str:
    """The URL if newsreader may fetch it; UnsafeURL (with the reason) otherwise."""
    try:
        parts = urlsplit(url.strip())
    except ValueError as exc:
        raise UnsafeURL(f"not a valid URL ({exc})") from None
    if parts.scheme.lower() not in SCHEMES:
        scheme = parts.scheme or "no scheme"
        raise UnsafeURL(f"only http and https URLs can be fetched ({scheme})")
    if not parts.hostname:
        raise UnsafeURL("the URL has no host")
    return url.strip()


def is_url(text: str) -> bool:
    """Whether a command-line argument is meant as an address (``scheme://...``), not a path.

    Any scheme counts, so ``ftp://`` or ``file://`` get a clear refusal, not "no such file".
    """
    return _SCHEME.match(text) is not None


def is_private_host(host: str, resolver: Resolver) -> bool:
    """True when the host is, or resolves to, a non-public address (loopback, LAN, link-local)."""
    addresses = _literal(host) or resolver(host)
    for address in addresses:
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            continue
        if not ip.is_global:
            return True
    return False


def check_redirect(source: str, target: str, resolver: Resolver) -> None:
    """Refuse a redirect from a public host to a private one (UnsafeURL)."""
    check_url(target)
    src_host = urlsplit(source).hostname or ""
    dst_host = urlsplit(target).hostname or ""
    if is_private_host(dst_host, resolver) and not is_private_host(src_host, resolver):
        raise UnsafeURL(
            f"refused a redirect from a public host ({src_host}) to a private address ({dst_host})"
        )


def redact(url: str) -> str:
    """The URL without any user name or password, for messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<invalid URL>"
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def _literal(host: str) -> list[str]:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return []
    return [host.strip("[]")]
