"""HTML tags, comments and entities, with the offsets of every attribute value.

The stdlib ``html.parser`` reports where a tag starts but not where its
attribute values are, and link rules must point at the ``href`` value itself;
so tags are read here with small anchored regexes, linear in the tag length.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .. import lazyre

_TAG_OPEN = lazyre.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)")
_ATTR = lazyre.compile(
    r"""[ \t\r\n\f]+([^\s"'<>/=`]+)(?:[ \t\r\n\f]*=[ \t\r\n\f]*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)
_TAG_CLOSE = lazyre.compile(r"[ \t\r\n\f]*(/?)>")
ENTITY = lazyre.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

#: Elements whose content is never prose.
RAW_TEXT = frozenset({"script", "style", "pre", "code", "kbd", "samp", "textarea", "svg", "math", "template", "var"})
#: Elements that delimit blocks of text (paragraphs, list items, cells...).
BLOCK_TAGS = frozenset({
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote", "dd", "dt",
    "figcaption", "caption", "div", "section", "article", "header", "footer", "main", "aside",
    "nav", "ul", "ol", "dl", "table", "tr", "thead", "tbody", "tfoot", "figure", "form",
    "details", "summary", "body", "html", "head", "title", "address", "hr", "br", "fieldset",
})
#: Attributes that carry an address, by element.
LINK_ATTRS = {
    "a": "href", "area": "href", "link": "href", "img": "src", "source": "src", "video": "src",
    "audio": "src", "iframe": "src", "embed": "src", "track": "src", "object": "data",
}
EMBEDS = frozenset({"img", "source", "video", "audio", "iframe", "embed", "track", "object"})


@dataclass
class Attr:
    name: str
    value: str
    value_start: int
    value_end: int


@dataclass
class Tag:
    name: str  # lower case
    closing: bool
    self_closing: bool
    start: int
    end: int
    attrs: dict[str, Attr] = field(default_factory=dict)


def parse_tag(text: str, pos: int, end: int) -> Tag | None:
    """Parse an HTML start or end tag at *pos*; None if there is none."""
    m = _TAG_OPEN.match(text, pos, end)
    if not m:
        return None
    closing = bool(m.group(1))
    tag = Tag(m.group(2).lower(), closing, False, pos, pos)
    p = m.end()
    while True:
        close = _TAG_CLOSE.match(text, p, end)
        if close:
            tag.self_closing = bool(close.group(1))
            tag.end = close.end()
            return tag
        a = _ATTR.match(text, p, end)
        if not a or a.end() == p:
            return None
        name = a.group(1).lower()
        for group in (2, 3, 4):
            if a.group(group) is not None:
                raw = a.group(group)
                tag.attrs.setdefault(name, Attr(name, html.unescape(raw), a.start(group), a.end(group)))
                break
        else:
            tag.attrs.setdefault(name, Attr(name, "", a.end(), a.end()))
        p = a.end()


def find_close_tag(text: str, name: str, pos: int, end: int) -> tuple[int, int] | None:
    """Span of the next ``</name>`` after *pos*, case-insensitive."""
    m = re.compile(r"</" + re.escape(name) + r"\s*>", re.I).search(text, pos, end)
    return (m.start(), m.end()) if m else None


def comment_end(text: str, pos: int, end: int) -> int:
    """End of an HTML comment, CDATA, doctype or processing instruction at *pos*."""
    for opener, closer in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"), ("<!", ">")):
        if text.startswith(opener, pos):
            close = text.find(closer, pos + len(opener), end)
            return end if close < 0 else close + len(closer)
    return pos
