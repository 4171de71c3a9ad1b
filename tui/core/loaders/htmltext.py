"""HTML to plain paragraphs without trafilatura: for feed fragments and as a fallback."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "section", "article", "header", "footer", "aside",
    "figure", "figcaption", "hr", "main", "address", "details", "summary", "center",
}  # fmt: skip
_DROP = ("script", "style", "noscript", "template", "iframe", "svg", "head", "object", "embed")
_TAG = re.compile(r"<[^>]{0,2000}>")
_SPACES = re.compile(r"[ \t\f\v\r\u00a0]+")
# Characters lxml refuses in text (XML 1.0 excludes them); a browser would not show them.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# A numeric character reference (&#27; &#x1B;), which parsers turn into the character itself.
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")


def _drop_bad_ref(m: re.Match[str]) -> str:
    digits = m.group(1) or m.group(2)
    if len(digits.lstrip("0")) > 8:
        return ""  # far past U+10FFFF (and never an int of thousands of digits)
    code = int(digits, 16) if m.group(1) else int(digits)
    if code > 0x10FFFF or _NOT_XML.match(chr(code)):
        return ""
    return m.group(0)


def xml_safe(markup: str) -> str:
    """Markup without the control characters and lone surrogates HTML parsers reject, raw or
    spelled as character references (one &#27; makes trafilatura give up on the page)."""
    markup = _NOT_XML.sub("", markup)
    if "&#" in markup:
        markup = _CHAR_REF.sub(_drop_bad_ref, markup)
    return markup


_CHROME = ("nav", "header", "footer", "aside", "form", "button", "select", "menu", "dialog")


def html_to_paragraphs(markup: str, *, drop_chrome: bool = False) -> list[str]:
    """The visible text of an HTML document or fragment, one paragraph per block.

    ``drop_chrome`` also leaves out navigation, headers, footers, sidebars and forms.
    """
    if not markup or not markup.strip():
        return []
    markup = xml_safe(markup)
    if "<" not in markup:
        return _lines(markup)
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return _lines(_TAG.sub(" ", markup))
    for bad in list(root.iter(*(_DROP + _CHROME if drop_chrome else _DROP))):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments, processing instructions
        if el.tag.lower() in _BLOCK:
            # A character reference such as &#27; parses to a control character, which lxml
            # then refuses to store back: drop it like a raw one.
            el.tail = "\n" + xml_safe(el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + xml_safe(el.text or "")
    return _lines(root.text_content())


def html_to_text(markup: str) -> str:
    """The visible text of an HTML fragment as one line (titles, author names)."""
    return " ".join(" ".join(html_to_paragraphs(markup)).split())


def _lines(text: str) -> list[str]:
    return [line for line in (_SPACES.sub(" ", ln).strip() for ln in text.split("\n")) if line]
