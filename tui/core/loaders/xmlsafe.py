"""Refuse XML that declares entities, before any parser sees it.

feedparser's strict parser (expat) expands internal entities, so a "billion laughs"
document would be expanded; lxml and expat differ in what they do with external
entities (XXE). Entity declarations have no place in a news feed or page, so a document
whose DTD declares any (``<!ENTITY``, parameter entities included) is not parsed at all.
"""

from __future__ import annotations

import re

from tui.core.loaders.decode import bom_encoding
from tui.core.loaders.errors import LoadError

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)
_ENTITY = re.compile(rb"<!ENTITY", re.I)


def _as_ascii_compatible(data: bytes) -> bytes:
    bom = bom_encoding(data)
    if bom is not None and bom[0].startswith(("utf-16", "utf-32")):
        return data[bom[1] :].decode(bom[0], errors="replace").encode("utf-8", "replace")
    if b"\x00" in data[:1024]:
        return data.replace(b"\x00", b"")  # BOM-less UTF-16/32
    return data


def check_no_entities(data: bytes) -> None:
    """Raise LoadError when the document's DTD declares entities."""
    sample = _as_ascii_compatible(data)
    doctype = _DOCTYPE.search(sample)
    # Everything after the DOCTYPE is searched: a "]>" inside an entity value must not
    # hide a later declaration.
    if doctype and _ENTITY.search(sample, doctype.end()):
        raise LoadError(
            "unsafe XML: the document declares entities (<!ENTITY>), which can expand "
            "without bound or read local files; not parsed"
        )
