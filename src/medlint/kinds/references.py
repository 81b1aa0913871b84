"""``references``: a reference or source line that is nothing but a URL.

A block (a paragraph, a list item) counts as a reference or source when it
lies in a ``reference`` region (:mod:`medlint.regions`: a References or
Sources section, a label line and the list after it), when it starts with a
source label (``Source:``, ``Reference:``, ``Learn more:``, ``Full
study:``...), or when it follows a block that is only such a label.  The
whole block is judged, so the URL that ends a reference wrapped over several
lines is the reference's; so is a URL in a block of its own after one that
ends "Available at:" or "Retrieved ... from".  It is reported when, with its
list marker, its label, numbering and punctuation taken away, nothing is left
but one or more absolute URLs (as bare URLs, autolinks or links whose text is the URL or
a domain): no title, author, journal, site name or date that would tell a
reader what the source is, or let anyone find it once the link breaks.
"""
from __future__ import annotations

import bisect
from typing import Any, Callable, Iterable, Iterator

from ..diagnostic import Finding
from ..document import Document
from ..markup.model import HEADING_KINDS, Link
from . import BuildContext
from .common import compile_regex
from .. import lazyre

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "labels": {"type": "array", "items": {"type": "string", "minLength": 1}},
    },
}
#: Words that introduce a source on its line (regexes, matched case-insensitively before a colon).
DEFAULTS: dict[str, Any] = {"labels": [
    r"sources?", r"references?", r"refs?\.?", r"citations?", r"bibliography", r"(?:full\s+|original\s+)?study",
    r"(?:original|full|source|journal)\s+(?:article|paper|report|publication)", r"via",
    r"(?:learn|read)\s+more", r"more\s+info(?:rmation)?", r"further\s+reading", r"published\s+(?:in|at)",
]}
PLACEHOLDERS = ("match",)

#: What may stand around the URL on a bare reference line: list markers, numbering
#: ("1.", "[1]", "(1)", "^"), emphasis and punctuation.
_NOISE = lazyre.compile(r"[\s\-*+\u2022\u00b7\u2013\u2014#>_|:;,.()\[\]^\"'\u201c\u201d\u2018\u2019<>]+|\b\d{1,3}\b")
#: Link text that is a URL or a bare domain (``example.org``, ``www.example.org/page``).
_URLISH = lazyre.compile(r"(?i)(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?")
_ABSOLUTE = lazyre.compile(r"(?i)^(?:https?://|//|www\.)")
#: An address of an image or a page asset: a picture left on the page, not a source.
_ASSET = lazyre.compile(r"(?i)\.(?:gif|png|jpe?g|svg|webp|bmp|ico|css|js)(?:[?#]|$)")


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    labels = "|".join(f"(?:{label})" for label in options["labels"])
    label = compile_regex(r"(?i)^[\s>*_\-+\u2022#]*(?:" + labels + r")[\s*_]*:", ["labels"])
    label_only = compile_regex(r"(?i)^[\s>*_\-+\u2022#]*(?:" + labels + r")[\s*_]*:?[\s*_]*$", ["labels"])

    def check(doc: Document) -> Iterator[Finding]:
        refs = doc.spans_of(["reference"])
        ref_starts = [s for s, _ in refs]
        links = sorted((lk for lk in doc.links if not lk.image and lk.kind != "definition"), key=lambda lk: lk.start)
        link_starts = [lk.start for lk in links]
        after_label, previous = False, ""
        for block in doc.blocks:
            if block.kind in HEADING_KINDS:
                continue
            start, end = block.start, block.end
            prose = doc.prose[start:end]
            if not doc.text[start:end].strip():
                continue
            on_block = _links_in(links, link_starts, start, end)
            labelled, before = after_label, previous
            previous = prose.rstrip()
            if not on_block:  # nothing to report here: only whether a label line opens a list
                after_label = bool(label_only.search(prose))
                continue
            after_label = False
            head = label.search(prose)
            if not (labelled or head is not None or _inside(refs, ref_starts, start)):
                continue
            if not labelled and head is None and _CONTINUES.search(before):
                continue  # the tail of the reference above ("... Available at:" / "Retrieved from")
            if not on_block or not all(_ABSOLUTE.match(lk.target or "") and not _ASSET.search(lk.target or "")
                                       for lk in on_block):
                continue
            rest = prose[head.end():] if head else prose
            if not _only_urls(rest, on_block, start + (head.end() if head else 0)):
                continue
            after_label = labelled  # a list of bare URLs after "Sources:" goes on
            line_of = None
            for lk in on_block:  # one finding per line: a paragraph of bare URLs is a list of them
                line = doc.text.count("\n", start, lk.start)
                if line != line_of:
                    line_of = line
                    yield Finding(lk.start, lk.end, {"match": doc.text[lk.start:lk.end]})

    return check


#: The end of a block that a URL on its own after it continues: "Available at:",
#: "Retrieved March 3, 2012, from", a reference ending with ';' or ','.
_CONTINUES = lazyre.compile(r"(?i)(?:[,;:]|\b(?:from|at|in|via|see|here|available|online))[\s*_]*$")


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _links_in(links: list[Link], starts: list[int], start: int, end: int) -> list[Link]:
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return links[lo:hi]


def _only_urls(prose: str, links: list[Link], offset: int) -> bool:
    """True if the line's prose (from *offset*) holds nothing but the links' URL-like text
    and noise: no title, author, journal or date."""
    chars = list(prose)
    for lk in links:
        if lk.text_start is None or lk.text_end is None:
            continue
        shown = (lk.text or "").strip()
        if shown and not _URLISH.fullmatch(shown):
            return False  # the link's text names the source
        for i in range(max(lk.text_start - offset, 0), max(lk.text_end - offset, 0)):
            if i < len(chars):
                chars[i] = " "
    left = _NOISE.sub("", "".join(chars))
    return not left
