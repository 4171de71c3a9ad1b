"""Bytes to text: binary sniffing and encoding detection for every loader.

UTF-8 (with or without BOM), UTF-16/32 with a BOM, Windows-1252 and Latin-1 are
recognised; anything undecodable becomes U+FFFD, never an exception.
"""

from __future__ import annotations

import codecs
import re

from tui.core.loaders.errors import LoadError

# How much of the start of a file the binary sniffing looks at.
SNIFF_BYTES = 64 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of common binary formats that are never articles.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"RIFF", "media file"),
    (b"OggS", "media file"),
    (b"ID3", "audio file"),
    (b"\x00asm", "WebAssembly module"),
)

# Bytes that never occur in text: C0 controls except tab, newlines, form feed and ESC.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_HIGH = bytes(range(0x80, 0x100))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the mark's length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def binary_reason(data: bytes) -> str | None:
    """Why these bytes are not text (a short reason), or None when they look like text."""
    if bom_encoding(data) is not None:
        return None
    head = data[:SNIFF_BYTES]
    for magic, kind in _MAGIC:
        # "MZ"/"RIFF"/"ID3" are short: only trust them with control bytes around.
        if head.startswith(magic) and (len(magic) >= 4 or head.translate(None, _CONTROL) != head):
            return f"binary file ({kind}), not an article"
    if b"\x00" in head:
        if _looks_like_bomless_utf16(head):
            return None
        return "binary file, not an article"
    if head:
        controls = len(head) - len(head.translate(None, _CONTROL))
        if controls / len(head) > 0.05:
            return "binary file, not an article"
    return None


def _looks_like_bomless_utf16(head: bytes) -> bool:
    """ASCII-range UTF-16 text without a BOM: NULs sit on every other byte."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return False
    return (odd.count(0) > 0.9 * len(odd) and even.count(0) == 0) or (
        even.count(0) > 0.9 * len(even) and odd.count(0) == 0
    )


def declared_encoding(data: bytes) -> str | None:
    """The charset an XML declaration or HTML <meta> states, if Python knows it."""
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, *, declared: str | None = None) -> str:
    """Decode bytes to text; the result never contains a BOM and decoding never fails."""
    bom = bom_encoding(data)
    if bom is not None:
        name, size = bom
        return data[size:].decode(name, errors="replace")
    if b"\x00" in data[:SNIFF_BYTES] and _looks_like_bomless_utf16(data[:SNIFF_BYTES]):
        even_nuls = data[0:SNIFF_BYTES:2].count(0)
        name = "utf-16-be" if even_nuls > data[1:SNIFF_BYTES:2].count(0) else "utf-16-le"
        return data.decode(name, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # A declared charset wins over guessing, unless the bytes are really UTF-8.
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return data.decode(declared, errors="replace")
        except LookupError:
            pass
    if _has_utf8(data, utf8_error):
        # Truncated or mixed UTF-8: keep the UTF-8, read stray bytes as Windows-1252.
        return data.decode("utf-8", errors=_MIXED)
    return _decode_single_byte(data)


def _has_utf8(data: bytes, first_error: UnicodeDecodeError) -> bool:
    """The bytes hold valid multi-byte UTF-8, or only their last character is cut off."""
    if first_error.start >= len(data) - 3:
        return True
    return _UTF8_MULTIBYTE.search(data) is not None


def _mixed_handler(exc: UnicodeError) -> tuple[str, int]:
    """Decode errors inside UTF-8: a sequence cut off at the end becomes U+FFFD, any
    other stray byte is read as Windows-1252 (the usual culprit in mixed files)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    chunk = exc.object[exc.start : exc.end]
    if exc.end >= len(exc.object) and "end of data" in exc.reason:
        return "\ufffd", exc.end
    return _cp1252(bytes(chunk)), exc.end


_MIXED = "newsreader-utf8-cp1252"
codecs.register_error(_MIXED, _mixed_handler)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _decode_single_byte(data: bytes) -> str:
    """Windows-1252 for Western text; charset-normalizer for other single-byte scripts."""
    sample = data[:SNIFF_BYTES]
    high = len(sample) - len(sample.translate(None, _HIGH))
    letters = sum(1 for b in sample if 97 <= (b | 32) <= 122)
    if high and high > letters:
        # Mostly non-Latin letters (Cyrillic, Greek ... in a legacy code page).
        guess = _charset_normalizer_guess(data)
        if guess:
            return data.decode(guess, errors="replace")
    return _cp1252(data)


def _cp1252(data: bytes) -> str:
    """Windows-1252; its five undefined bytes fall back to Latin-1 (C1 controls)."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return "".join(
            chunk.decode("cp1252", errors="strict") if i % 2 == 0 else chunk.decode("latin-1")
            for i, chunk in enumerate(re.split(rb"([\x81\x8d\x8f\x90\x9d]+)", data))
        )


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a trafilatura dependency, always present
        return None
    best = from_bytes(data[:SNIFF_BYTES]).best()
    if best is None:
        return None
    try:
        return codecs.lookup(best.encoding).name
    except LookupError:
        return None


def check_text(text: str) -> None:
    """Refuse decoded text that has nothing readable in it."""
    if not text:
        raise LoadError("empty file")
    if not text.strip():
        raise LoadError("only whitespace, no article text")
