"""Markup readers: turn a file's text into masks, links, blocks and headings."""
from __future__ import annotations

from ..document import Markup
from .frontmatter import read_front_matter


def parse(text: str, format: str, anchors_only: bool = False) -> Markup:
    """Read *text* as ``markdown``, ``html`` or ``text``. With *anchors_only*, the
    headings and HTML ids must be right and the rest may be skipped (another
    page's anchors, for a link's ``#fragment``)."""
    markup = Markup()
    start = 0
    front = read_front_matter(text)
    if front is not None:
        markup.front_matter = front
        markup.mask(front.start, front.end)
        start = front.end
    if format == "markdown":
        from .markdown import parse_markdown

        parse_markdown(markup, text, start, anchors_only)
        return markup
    if format == "html":
        from .html import parse_html as reader
    else:
        from .text import parse_text as reader
    reader(markup, text, start)
    return markup
