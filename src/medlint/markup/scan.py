"""Things that are not prose wherever they stand: bare URLs, e-mail addresses, entities."""
from __future__ import annotations

import re

from .model import Link, Markup
from ..punctuation import trim_trailing
from .tags import ENTITY

# GFM's autolink extension: a scheme or www., then anything up to white space
# or '<'; trailing punctuation is trimmed below.
URL = re.compile(r"(?<![\w/@.-])(?:(?:https?|ftp)://|www\.)[^\s<>\"]+", re.I)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_TRAILING = ".,:;!?*_~'\""


def trim_url(url: str) -> str:
    """Drop trailing punctuation and an unbalanced closing parenthesis (as GFM does)."""
    return trim_trailing(url, _TRAILING)


def add_url(markup: Markup, raw: str, start: int, record: bool = True) -> int:
    """Mask a bare URL found at *start* (recorded as a link); return its end."""
    url = trim_url(raw)
    end = start + len(url)
    if record:
        markup.links.append(Link("url", url, start, end, target_start=start, target_end=end))
    markup.mask(start, end)
    return end


def scan_plain(markup: Markup, text: str, start: int, end: int) -> None:
    """Mask bare URLs (recorded as links), e-mail addresses and entities in text[start:end]."""
    if end <= start:
        return
    for m in URL.finditer(text, start, end):
        add_url(markup, m.group(), m.start())
    for m in EMAIL.finditer(text, start, end):
        markup.mask(m.start(), m.end())
    for m in ENTITY.finditer(text, start, end):
        markup.mask(m.start(), m.end())
