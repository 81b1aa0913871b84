"""``linktext``: links whose text says nothing, and colons that promise what never comes.

Screen-reader users list a page's links out of context, and search engines
read link text as a description of the target: "click here" tells neither
anything. A paragraph that ends with a colon announces a list, a link or a
quotation; when nothing at all follows it to the end of the page, the promised
content was lost, typically when a page was copied.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator

from ..diagnostic import Finding
from ..document import Document
from . import BuildContext

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "vague": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "dangling_colon": {"type": "boolean"},
    },
}
DEFAULTS: dict[str, Any] = {"vague": [], "dangling_colon": True}
PLACEHOLDERS = ("match", "problem")


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    vague = {" ".join(v.lower().split()) for v in options["vague"]}
    dangling = options["dangling_colon"]

    def check(doc: Document) -> Iterator[Finding]:
        for link in doc.links:
            if link.text_start is None or link.text_end is None or link.image:
                continue
            shown = " ".join(re.sub(r"[.!:\u2026>\u00bb\u2192]+$", "", (link.text or "").strip()).lower().split())
            if shown in vague:
                yield Finding(link.text_start, link.text_end, {"match": link.text or "",
                                                               "problem": "Link text that says nothing about where it goes"})
        if dangling:
            yield from _dangling_colons(doc)

    return check


def _dangling_colons(doc: Document) -> Iterator[Finding]:
    """A block that ends with a colon and is the last thing on the page: whatever
    follows it in the file, even a plain paragraph, a URL, an equation, code, an
    image or a heading (the sections it announces: "the groups are:" then "## Group 1"),
    may be what it announces, so only nothing counts as nothing. Short labels
    ("RESULTS:", "Source:", "Email:") announce nothing."""
    text = doc.text
    for block in doc.blocks:
        if block.kind in ("heading", "table-row", "th", "td", "dt"):
            continue
        prose = doc.prose[block.start:block.end].rstrip()
        if not prose.endswith(":"):
            continue
        colon = block.start + len(prose) - 1
        words = prose.split()
        if len(words) <= 3:
            continue  # a section label
        if text[colon + 1:block.end].strip():
            continue  # a URL, an address or markup follows on the same line
        if _FOLLOWS.sub("", text[colon + 1:]).strip():
            continue  # something follows: the next block, or the next section
        shown = ("… " if len(words) > 6 else "") + " ".join(words[-6:])
        yield Finding(colon, colon + 1, {"match": shown,
                                         "problem": "A sentence ends with a colon but nothing follows it"})


#: What may end a page without being content: closing and opening tags of blocks, and comments.
_FOLLOWS = re.compile(r"</?(?:p|div|span|section|article|main|header|footer|br|hr|body|html)\b[^>]*>"
                      r"|<!--.*?-->", re.I | re.S)
