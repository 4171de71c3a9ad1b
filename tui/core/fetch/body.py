"""Reading a response body under a size cap, decompressing it ourselves so a gzip bomb is refused.

httpx would inflate a whole network chunk at once; here each step inflates at most what is left
under the cap, so memory never exceeds the cap however well the body compresses.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterable

# What we ask for and can undo with the standard library.
ACCEPT_ENCODING = "gzip, deflate"
_STEP = 256 * 1024


class BodyTooLarge(Exception):
    """The body (after decompression) is larger than the cap."""


class BodyTimeout(Exception):
    """The whole body took longer than the total time allowed."""


class BadEncoding(Exception):
    """The body is not valid data for its Content-Encoding."""


def read_body(
    chunks: Iterable[bytes], encoding: str, cap: int, deadline: float | None = None
) -> bytes:
    """The decoded body from raw chunks; BodyTooLarge past ``cap`` bytes, BodyTimeout late."""
    inflater = _Inflater(encoding)
    out = bytearray()
    for chunk in chunks:
        for piece in inflater.feed(chunk, cap + 1 - len(out)):
            out += piece
            if len(out) > cap:
                raise BodyTooLarge(len(out))
        if deadline is not None and time.monotonic() > deadline:
            raise BodyTimeout()
    out += inflater.flush(cap + 1 - len(out))
    if len(out) > cap:
        raise BodyTooLarge(len(out))
    return bytes(out)


class _Inflater:
    """gzip, deflate (zlib-wrapped or raw) or identity, inflating in bounded steps."""

    def __init__(self, encoding: str) -> None:
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1:
            raise BadEncoding(f"stacked content encodings are not supported ({encoding})")
        self.coding = codings[0] if codings else ""
        if self.coding in ("gzip", "x-gzip"):
            self._obj: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.coding == "deflate":
            self._obj = None  # zlib-wrapped or raw: decided on the first bytes
        elif self.coding:
            raise BadEncoding(f"unsupported content encoding ({self.coding})")
        else:
            self._obj = None

    def feed(self, data: bytes, room: int) -> Iterable[bytes]:
        if not self.coding:
            yield data
            return
        if self._obj is None:
            # RFC 9110 deflate is zlib-wrapped; some servers send raw deflate.
            raw = not data or (data[0] & 0x0F) != 8
            self._obj = zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
        try:
            while data:
                piece = self._obj.decompress(data, max(1, min(room, _STEP)))
                room -= len(piece)
                yield piece
                if room <= 0:
                    return
                data = self._obj.unconsumed_tail
        except zlib.error as exc:
            raise BadEncoding(f"corrupt {self.coding} data ({exc})") from None

    def flush(self, room: int) -> bytes:
        if self._obj is None:
            return b""
        try:
            return self._obj.flush(max(1, room))
        except zlib.error as exc:
            raise BadEncoding(f"corrupt {self.coding} data ({exc})") from None
