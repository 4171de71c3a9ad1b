"""Which loader a file needs: by its extension, confirmed or decided by its content."""

from __future__ import annotations

import json
import re

from tui.core.loaders.decode import bom_encoding

TEXT, MARKDOWN, HTML, FEED, JSON = "text", "markdown", "html", "feed", "json"
XML = "xml"  # an .xml file: a feed or a page, decided by content

EXTENSIONS: dict[str, str] = {
    ".txt": TEXT, ".text": TEXT,
    ".md": MARKDOWN, ".markdown": MARKDOWN, ".mdown": MARKDOWN, ".mkd": MARKDOWN,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML,
    ".xml": XML, ".rss": FEED, ".atom": FEED, ".rdf": FEED, ".feed": FEED,
    ".json": JSON,
}  # fmt: skip
# Extensions that are never articles: a directory walk skips them without reading them.
NOT_ARTICLES = frozenset(
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".tif", ".tiff", ".heic",
        ".avif", ".psd", ".pdf", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".7z", ".rar",
        ".tar", ".exe", ".dll", ".so", ".dylib", ".pyc", ".pyo", ".o", ".a", ".class", ".jar",
        ".whl", ".mp3", ".mp4", ".m4a", ".wav", ".flac", ".ogg", ".opus", ".avi", ".mov",
        ".mkv", ".webm", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".sqlite", ".sqlite3",
        ".db", ".bin", ".iso", ".dmg", ".img", ".parquet", ".npy", ".npz", ".pkl", ".pickle",
        ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".epub",
    }
)  # fmt: skip

_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|rdf)", re.I)
_ROOT = re.compile(rb"<([A-Za-z_][\w:.-]*)")  # the first element (skips <? and <!)
_HTML_ANY = re.compile(
    rb"<(?:head|body|title|p|div|article|section|main|h[1-6]|span|a|br|table|ul|ol|meta|link)",
    re.I,
)
_FRONT_MATTER = re.compile(
    rb"\A(?:---|\+\+\+)[ \t]*\r?\n(?:[^\n]*\n){0,60}?(?:---|\+\+\+|\.\.\.)[ \t]*\r?$", re.M
)
_MD_HEADING = re.compile(rb"^#{1,6} \S", re.M)
_MD_MARKS = re.compile(rb"^(?:[-*+] |\d+\. |> )|\[[^\]\n]+\]\([^)\n]+\)|\*\*[^*\n]+\*\*|^```", re.M)

HEAD = 8192


def _head(data: bytes) -> bytes:
    bom = bom_encoding(data)
    if bom is not None and bom[0] != "utf-8":
        head = data[bom[1] : bom[1] + 2 * HEAD].decode(bom[0], errors="replace")
        return head.encode("utf-8", "replace").lstrip()
    if bom is not None:
        data = data[bom[1] :]
    return data[:HEAD].lstrip()


def sniff(data: bytes) -> str:
    """The format the content looks like (text when nothing else fits)."""
    head = _head(data)
    if head.startswith(b"<"):
        body = re.sub(rb"<!--.*?-->", b"", head, flags=re.S)
        root = _ROOT.search(body)
        name = root.group(1).lower() if root else b""
        if _FEED_ROOT.fullmatch(b"<" + name):
            return FEED
        if name == b"html" or _HTML_ANY.fullmatch(b"<" + name):
            return HTML
        if body.startswith(b"<?xml"):
            return XML
        return HTML
    if head[:1] in (b"{", b"["):
        if _looks_like_export(data):
            return JSON
        return TEXT
    if _FRONT_MATTER.match(head) or _MD_HEADING.search(head[:2048]):
        return MARKDOWN
    if len(_MD_MARKS.findall(head)) >= 3:
        return MARKDOWN
    return TEXT


def _looks_like_export(data: bytes) -> bool:
    try:
        doc = json.loads(data.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError):
        return False
    if isinstance(doc, dict):
        return "articles" in doc or "text" in doc
    return isinstance(doc, list) and any(isinstance(d, dict) and "text" in d for d in doc)


def format_for(suffix: str, data: bytes) -> str:
    """The loader for a file: its extension's, unless the content clearly says otherwise."""
    by_ext = EXTENSIONS.get(suffix.lower())
    if by_ext in (TEXT, MARKDOWN, JSON):
        return by_ext
    content = sniff(data)
    if by_ext == HTML:
        return FEED if content == FEED else HTML
    if by_ext in (FEED, XML):
        return HTML if content == HTML else FEED
    return content if content != XML else FEED
