"""Plain text: all prose except URLs and e-mail addresses; blank lines part paragraphs."""
from __future__ import annotations

import re

from .model import Block, Markup
from .scan import scan_plain

_PARAGRAPH = re.compile(r"(?:[^\r\n]*\S[^\r\n]*(?:\r\n|\r|\n|$))+")
_ITEM = re.compile(r"^[ \t]*(?:[-*+\u2022]|\d{1,3}[.)])[ \t]+\S", re.M)


def parse_text(markup: Markup, text: str, start: int) -> None:
    for m in _PARAGRAPH.finditer(text, start):
        a, b = m.start(), m.start() + len(m.group().rstrip("\r\n"))
        # A line that starts like a list item starts a block of its own.
        cuts = [i.start() for i in _ITEM.finditer(text, a, b) if i.start() > a]
        for s, e in zip([a] + cuts, cuts + [b]):
            segment = text[s:e]
            markup.blocks.append(Block("paragraph", s, s + len(segment.rstrip())))
    scan_plain(markup, text, start, len(text))
