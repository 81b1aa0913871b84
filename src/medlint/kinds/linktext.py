"""``linktext``: links whose text says nothing, and colons that promise what never comes.

Screen-reader users list a page's links out of context, and search engines
read link text as a description of the target: "click here" tells neither
anything. A paragraph that ends with a colon announces a list, a link or a
quotation; when the next block holds none of them (or there is no next
block), the promised content was lost, typically when a page was copied.
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

_DELIVERS = ("list-item", "table-row", "li", "blockquote", "heading")


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
    blocks = [b for b in doc.blocks if doc.prose[b.start:b.end].strip() or any(
        l.start < b.end and l.end > b.start for l in doc.links)]
    for i, block in enumerate(blocks):
        if block.kind in ("heading", "table-row"):
            continue
        text = doc.prose[block.start:block.end].rstrip()
        if not text.endswith(":"):
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        has_link = nxt is not None and any(l.start < nxt.end and l.end > nxt.start for l in doc.links)
        code_between = nxt is not None and not doc.prose[block.end:nxt.start].strip() and doc.text[block.end:nxt.start].strip()
        if nxt is None or not (nxt.kind in _DELIVERS or has_link or code_between):
            end = block.start + len(text)
            words = " ".join(doc.prose[block.start:end].split()).split(" ")
            shown = ("… " if len(words) > 6 else "") + " ".join(words[-6:])
            yield Finding(end - 1, end, {"match": shown,
                                         "problem": "A sentence ends with a colon but what it announces does not follow"})
