"""The markup readers' output: the types every reader fills and the document reads.

This is the lowest floor of the document model: readers (``markup/*.py``)
import only this module, and :mod:`medlint.document` builds on it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_NEWLINE = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets at which the lines of *text* start (LF, CRLF and CR all end a line)."""
    return [0] + [m.end() for m in _NEWLINE.finditer(text)]


@dataclass
class FrontMatter:
    """Front matter: ``format`` is yaml, toml or json; offsets cover the delimiters."""

    format: str
    start: int
    end: int
    content_start: int
    content_end: int
    data: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    error_offset: int | None = None


@dataclass
class Link:
    """A link or embedded resource, with the spans of its parts.

    ``kind`` is one of ``inline``, ``reference``, ``definition``, ``autolink``,
    ``url`` (a bare URL in text) or ``html``; ``image`` says it embeds its
    target (``![](...)`` or ``<img>``).  ``target`` is the address as written
    after unescaping; ``target_span`` is where it stands in the file (for a
    reference link, that of its definition, if any).
    """

    kind: str
    target: str
    start: int
    end: int
    text: str | None = None
    text_start: int | None = None
    text_end: int | None = None
    target_start: int | None = None
    target_end: int | None = None
    title: str | None = None
    image: bool = False
    tag: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    label: str | None = None


#: The block kinds that are headings: Markdown's ``heading`` and HTML's ``h1``-``h6``.
HEADING_KINDS = frozenset(("heading", "h1", "h2", "h3", "h4", "h5", "h6"))


@dataclass
class Block:
    """A unit of text: ``paragraph``, ``list-item``, ``heading``, ``blockquote``,
    ``table-row``, ``footnote`` or an HTML element name such as ``p``/``li``."""

    kind: str
    start: int
    end: int


@dataclass
class Heading:
    """A heading: its level, the span of its content and its explicit id, if any."""

    level: int
    start: int
    end: int
    text: str
    id: str | None = None


@dataclass
class Markup:
    """What a markup reader found; turned into a :class:`Document`."""

    masks: list[tuple[int, int]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    definitions: dict[str, Link] = field(default_factory=dict)
    #: Explicit anchors: HTML id/name attributes and {#id} heading attributes.
    anchors: list[tuple[str, int]] = field(default_factory=list)
    footnote_refs: list[tuple[int, int]] = field(default_factory=list)
    #: HTML comments outside code: where inline suppressions may stand.
    comments: list[tuple[int, int]] = field(default_factory=list)
    front_matter: FrontMatter | None = None

    def mask(self, start: int, end: int) -> None:
        if end > start:
            self.masks.append((start, end))
