"""Sections that carry another site's text: the part of a page under a heading that links
to a page elsewhere ("#### [Vitamin D and falls](https://news.example.org/2013/...) Press
release", "### From [the Ecologist](https://...)").

Health sites and wikis excerpt the page a heading links to: a press release, a newspaper
article, a blog post, a product description. Its "recently", "currently" and "studies
show" are that page's, dated by it (the link takes the reader there), not claims the page
makes in its own voice. The section runs from the heading to the next heading of the same
or a higher level; a heading of the page's own between them (no outside link) ends it only
when it is of the same or a higher level, so an excerpt's own sub-headings stay in it.
A link within the same site (a relative address) names the site's own page, and a heading
that is only the address names a site the page goes on to describe: no excerpt.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from ..document import Document
from .. import lazyre

_OUTSIDE = lazyre.compile(r"(?:https?:)?//", re.I)
_ADDRESS = lazyre.compile(r"\S*(?:://|www\.|\.(?:com|org|net|gov|edu|ca|uk|au)\b)\S*", re.I)
_WORDS = lazyre.compile(r"[^\W\d_]{2,}")


def _titled(text: str) -> bool:
    """Heading text that is more than an address: two words or more besides it ("#### [www.pills.example.com](...)"
    names a site the page goes on to describe, not an excerpt)."""
    return len(_WORDS.findall(_ADDRESS.sub(" ", text))) >= 2


def _outside_link(doc: Document, links: list[Any], starts: list[int], lo: int, hi: int, heading: str) -> bool:
    """A link to another site in ``[lo, hi)``, in a heading that says more than its address
    (the linked page's title, or "Copied from <address> without its figures"). *links* are
    sorted by start (*starts*), so each heading looks only at its own links."""
    if not _titled(heading):
        return False
    i = bisect.bisect_left(starts, lo)
    while i < len(links) and links[i].start < hi:
        if not links[i].image and _OUTSIDE.match(links[i].target or ""):
            return True
        i += 1
    return False


def excerpt_spans(doc: Document) -> list[tuple[int, int]]:
    """The sections under headings that link to another site (computed once per document)."""
    key = "excerpt-spans"
    if key not in doc.cache:
        headings = sorted(doc.headings, key=lambda h: h.start)
        links = sorted(doc.links, key=lambda link: link.start)
        starts = [link.start for link in links]
        spans: list[tuple[int, int]] = []
        for i, heading in enumerate(headings):
            if not _outside_link(doc, links, starts, heading.start, heading.end, heading.text or ""):
                continue
            end = next((h.start for h in headings[i + 1:] if h.level <= heading.level), len(doc.text))
            if spans and spans[-1][1] >= heading.start:
                spans[-1] = (spans[-1][0], max(spans[-1][1], end))
            else:
                spans.append((heading.end, end))
        doc.cache[key] = spans
    return doc.cache[key]


def in_excerpt(doc: Any, offset: int) -> bool:
    """True if *offset* is in a section under a heading that links to another site."""
    spans = excerpt_spans(doc)
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
