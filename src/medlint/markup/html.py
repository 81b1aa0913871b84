"""HTML: tags, comments and code are not prose; text between tags is.

Block elements (p, li, h1-h6, td...) delimit the blocks rules use as
paragraphs; ``<a href>``, ``<img src>`` and friends become links with the
exact span of their address.
"""
from __future__ import annotations

import html
import re

from .model import Block, Heading, Link, Markup
from .scan import scan_plain
from .tags import BLOCK_TAGS, EMBEDS, LINK_ATTRS, RAW_TEXT, Tag, comment_end, find_close_tag, parse_tag

_TAGS = re.compile(r"<[^>]*>")
_HEADING = re.compile(r"h([1-6])")


def text_of(raw: str) -> str:
    """Visible text of an HTML fragment, white space collapsed."""
    return " ".join(html.unescape(_TAGS.sub(" ", raw)).split())


class AnchorTracker:
    """Pairs ``<a href>`` with its ``</a>`` and records other addressed tags as links."""

    def __init__(self, markup: Markup, text: str) -> None:
        self.markup = markup
        self.text = text
        self.open: Tag | None = None

    def tag(self, tag: Tag) -> None:
        for key in ("id", "name"):
            if key in tag.attrs and not tag.closing and tag.attrs[key].value:
                self.markup.anchors.append((tag.attrs[key].value, tag.attrs[key].value_start))
        if tag.name == "a":
            if tag.closing:
                self.close(tag.start)
            else:
                self.close(tag.start)  # an unclosed <a> ends where the next begins
                if "href" in tag.attrs:
                    self.open = tag
            return
        attr_name = LINK_ATTRS.get(tag.name)
        if attr_name and not tag.closing and attr_name in tag.attrs:
            attr = tag.attrs[attr_name]
            alt = tag.attrs.get("alt")
            self.markup.links.append(Link(
                "html", attr.value, tag.start, tag.end,
                text=alt.value if alt else None,
                target_start=attr.value_start, target_end=attr.value_end,
                title=tag.attrs["title"].value if "title" in tag.attrs else None,
                image=tag.name in EMBEDS, tag=tag.name,
                attrs={k: a.value for k, a in tag.attrs.items()},
            ))

    def close(self, at: int) -> None:
        tag = self.open
        if tag is None:
            return
        self.open = None
        href = tag.attrs["href"]
        self.markup.links.append(Link(
            "html", href.value, tag.start, at,
            text=text_of(self.text[tag.end:at]), text_start=tag.end, text_end=at,
            target_start=href.value_start, target_end=href.value_end,
            title=tag.attrs["title"].value if "title" in tag.attrs else None,
            tag="a", attrs={k: a.value for k, a in tag.attrs.items()},
        ))


def parse_html(markup: Markup, text: str, start: int) -> None:
    scan_html(markup, text, start, len(text))


def scan_html(markup: Markup, text: str, start: int, end: int) -> None:
    """Read text[start:end] as HTML: mask markup, record links, blocks and headings."""
    anchors = AnchorTracker(markup, text)
    stack: list[str] = []
    block_start = start
    heading: tuple[int, int, str | None] | None = None
    runs: list[tuple[int, int]] = []
    run_start = start
    pos = start

    def boundary(at: int, resume: int) -> None:
        nonlocal block_start
        if text[block_start:at].strip():
            markup.blocks.append(Block(stack[-1] if stack else "paragraph", block_start, at))
        block_start = resume

    while True:
        i = text.find("<", pos, end)
        if i < 0:
            break
        nxt = text[i + 1:i + 2]
        if nxt in ("!", "?"):
            stop = comment_end(text, i, end)
            runs.append((run_start, i))
            markup.mask(i, stop)
            if text.startswith("<!--", i):
                markup.comments.append((i, stop))
            pos = run_start = stop
            continue
        tag = parse_tag(text, i, end)
        if tag is None:
            pos = i + 1
            continue
        runs.append((run_start, i))
        markup.mask(tag.start, tag.end)
        anchors.tag(tag)
        pos = run_start = tag.end
        name = tag.name
        if name in BLOCK_TAGS:
            boundary(tag.start, tag.end)
            h = _HEADING.fullmatch(name)
            if tag.closing:
                if name in stack:
                    while stack and stack.pop() != name:
                        pass
                if h and heading and heading[0] == int(h.group(1)):
                    markup.headings.append(Heading(heading[0], heading[1], tag.start, "", heading[2]))
                    heading = None
            elif not tag.self_closing and name not in ("hr", "br"):
                stack.append(name)
                if h:
                    ident = tag.attrs["id"].value if "id" in tag.attrs else None
                    heading = (int(h.group(1)), tag.end, ident)
        if not tag.closing and not tag.self_closing and name in RAW_TEXT:
            close = find_close_tag(text, name, tag.end, end)
            stop = close[1] if close else end
            markup.mask(tag.end, stop)
            pos = run_start = stop
    anchors.close(end)
    runs.append((run_start, end))
    boundary(end, end)
    for run in runs:
        scan_plain(markup, text, *run)
