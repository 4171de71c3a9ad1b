"""Hostile articles in every loader format, shared by the pilot, CLI and tmux tests (issue 7).

Every field a format carries (title, author, site, body...) holds Textual/Rich markup, ANSI CSI
sequences, OSC 52 / OSC 8 / OSC 0 sequences, other C0/C1 controls, a bidi override and
zero-width characters. :func:`write_hostile_files` writes one file per format; the checks below
say what "inert" means for a rendered string.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

# Markup that would do something if parsed: style, an action, a link.
MARKUP = "[bold]B0LD[/bold] [@click=app.quit]QUIT[/] [link=file:///etc/passwd]PASSWD[/link]"
# Sequences a terminal acts on: colour + clear + cursor home, OSC 52 clipboard write, OSC 8
# hyperlink, OSC 0 title change, C1 CSI / OSC, bell, backspace, vertical tab, DEL.
ESCAPES = (
    "\x1b[31mRED\x1b[0m\x1b[2J\x1b[H\x1b[5;5H "
    "\x1b]52;c;SGFja2VkIQ==\x07 "
    "\x1b]8;;http://evil.example/\x1b\\LINK\x1b]8;;\x1b\\ "
    "\x1b]0;PWNED\x07 \x1b]2;PWNED2\x1b\\ "
    "\x9b31mC1CSI \x9d0;C1OSC\x9c \x07\x08\x0b\x7f"
)
# Invisible characters that reorder or hide text.
INVISIBLE = "\u202edesrever\u202c \u2066iso\u2069 zero\u200bwidth join\u200der \ufeffbom"
PAYLOAD = f"{MARKUP} {ESCAPES} {INVISIBLE}"
# XML 1.0 forbids C0 controls even as character references: feeds carry the rest.
XML_PAYLOAD = f"{MARKUP} \x9b31mC1CSI \x9d0;C1OSC\x9c {INVISIBLE}"

PROSE = (
    "The ministry said on Tuesday that 40 per cent of the budget went to roads. "
    "Officials in Delhi expect the work to finish by 2027, according to the report.\n\n"
    "Critics argue the plan costs $5 billion more than promised."
)

# What must never appear in text that reaches a terminal.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)
# Literal markup that must stay visible as text.
MARKUP_TEXT = ("[bold]B0LD[/bold]", "[@click=app.quit]QUIT[/]", "[link=file:///etc/passwd]")

FORMATS = ("txt", "md", "html", "rss", "atom", "json")


def unsafe_characters(text: str) -> list[str]:
    """The terminal-unsafe characters in ``text`` (empty when it is inert)."""
    return UNSAFE.findall(text)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _html_body() -> str:
    # Raw controls (HTML parsers drop them) and character references to them.
    refs = "&#27;[31mREF&#27;[0m &#x1b;]52;c;SGk=&#7; &#x9b;31m"
    paragraphs = [f"<p>{_xml(PAYLOAD)} {refs}</p>"]
    paragraphs += [f"<p>{_xml(p)}</p>" for p in PROSE.split("\n\n")]
    return "\n".join(paragraphs)


def hostile_sources() -> dict[str, tuple[str, str]]:
    """Format -> (file name, file content)."""
    title = f"Headline {PAYLOAD}"
    author = f"Author {MARKUP} \x1b]0;AUTHOR\x07"
    site = f"Site {MARKUP} \x1b[2J"
    body = f"{PAYLOAD}\n\n{PROSE}\n"
    x_title, x_author, x_site = (
        f"Headline {XML_PAYLOAD}",
        f"Author {XML_PAYLOAD}",
        f"Site {XML_PAYLOAD}",
    )
    x_body = f"{XML_PAYLOAD} {PROSE}"
    doc = {
        "newsreader": "0",
        "articles": [
            {
                "title": title,
                "authors": [author],
                "site": site,
                "section": f"Section {MARKUP} \x1b[1m",
                "text": body,
            }
        ],
    }
    return {
        "txt": ("hostile.txt", f"{title}\n\n{body}"),
        "md": (
            "hostile.md",
            f"---\ntitle: {title}\nauthor: {author}\nsite: {site}\n---\n\n{body}",
        ),
        "html": (
            "hostile.html",
            "<!DOCTYPE html><html><head>"
            f"<title>{_xml(title)}</title>"
            f'<meta name="author" content="{_xml(author)}">'
            f'<meta property="og:site_name" content="{_xml(site)}">'
            f"</head><body><article><h1>{_xml(title)}</h1>{_html_body()}</article></body></html>",
        ),
        "rss": (
            "hostile-rss.xml",
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{_xml(x_site)}</title><link>http://example.com/</link>"
            f"<description>d</description><item><title>{_xml(x_title)}</title>"
            f"<link>http://example.com/a</link><author>{_xml(x_author)}</author>"
            f"<description>{_xml(x_body)}</description></item></channel></rss>",
        ),
        "atom": (
            "hostile-atom.xml",
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{_xml(x_site)}</title><id>urn:x</id><updated>2025-01-01T00:00:00Z</updated>"
            f"<entry><title>{_xml(x_title)}</title><id>urn:x:1</id>"
            "<updated>2025-01-01T00:00:00Z</updated>"
            f"<author><name>{_xml(x_author)}</name></author>"
            f'<content type="text">{_xml(x_body)}</content></entry></feed>',
        ),
        "json": ("hostile.json", json.dumps(doc, ensure_ascii=True)),
    }


def write_hostile_files(directory: Path) -> dict[str, Path]:
    """Write one hostile file per format into ``directory``; format -> path."""
    directory.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for fmt, (name, content) in hostile_sources().items():
        path = directory / name
        path.write_text(content, encoding="utf-8")
        out[fmt] = path
    return out
