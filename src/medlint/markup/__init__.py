"""Markup readers, registered by format: a file's text in, a :class:`Markup` out.

A new markup format is added here and only here: a reader function and the
file suffixes it reads.  The suffix lists of the file walker and the site
index derive from this registry.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .frontmatter import read_front_matter
from .html import parse_html
from .markdown import parse_markdown
from .model import Markup
from .text import parse_text


@dataclass(frozen=True)
class Reader:
    """One markup format: its reader and the suffixes (lower case, with the dot) it reads.

    ``read(markup, text, start, anchors_only)``; *anchors_only* lets a reader skip
    what another page's ``#fragment`` does not need.  ``page`` says whether files of
    the format are pages of a site (plain text is checked but never published as one).
    """

    read: Callable[[Markup, str, int, bool], None]
    suffixes: tuple[str, ...]
    page: bool = True


READERS: dict[str, Reader] = {
    "markdown": Reader(parse_markdown, (".md", ".markdown")),
    "html": Reader(lambda markup, text, start, _anchors_only: parse_html(markup, text, start), (".html", ".htm")),
    "text": Reader(lambda markup, text, start, _anchors_only: parse_text(markup, text, start), (".txt",), page=False),
}

#: Every suffix a reader claims, and its format.
FORMATS_BY_SUFFIX: dict[str, str] = {s: fmt for fmt, reader in READERS.items() for s in reader.suffixes}
#: Suffixes of the formats a site publishes as pages.
PAGE_SUFFIXES: frozenset[str] = frozenset(s for r in READERS.values() if r.page for s in r.suffixes)


def format_for(path: str) -> str:
    """The markup format a file name implies; unknown suffixes read as text."""
    dot = path.rfind(".")
    return FORMATS_BY_SUFFIX.get(path[dot:].lower(), "text") if dot >= 0 else "text"


def parse(text: str, format: str, anchors_only: bool = False) -> Markup:
    """Read *text* in *format* (a key of :data:`READERS`). With *anchors_only*, the
    headings and HTML ids must be right and the rest may be skipped (another
    page's anchors, for a link's ``#fragment``)."""
    markup = Markup()
    start = 0
    front = read_front_matter(text)
    if front is not None:
        markup.front_matter = front
        markup.mask(front.start, front.end)
        start = front.end
    READERS.get(format, READERS["text"]).read(markup, text, start, anchors_only)
    return markup
