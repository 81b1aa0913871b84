"""Is an offset inside one of the page's headings? Asked per dose, claim and block.

Rules ask it of the blocks around each dose or claim; a scan of every heading per
question made a page of 3,000 short sections cost its number of sections squared.
Here the headings are sorted once per document (kept in ``doc.cache``) and each
question is answered by bisection, with the same answer as the scan
``any(h.start <= offset < end(h) for h in doc.headings)``.
"""
from __future__ import annotations

import bisect
from typing import Any

from ..document import Document


def _table(doc: Document, widen: bool) -> tuple[list[int], list[int]]:
    """Heading starts in order, and the furthest end of any heading starting at or before each."""
    key = ("headingspans", widen)
    found: Any = doc.cache.get(key)
    if found is None:
        spans = sorted((h.start, max(h.end, h.start + 1) if widen else h.end) for h in doc.headings)
        starts, reach, furthest = [], [], -1
        for start, end in spans:
            furthest = max(furthest, end)
            starts.append(start)
            reach.append(furthest)
        found = doc.cache[key] = (starts, reach)
    return found


def in_heading(doc: Document, offset: int, widen: bool = False) -> bool:
    """True when some heading spans *offset*; with *widen*, an empty heading spans its start."""
    starts, reach = _table(doc, widen)
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and reach[i] > offset


def _starts(doc: Document) -> Any:
    """The headings' starts when ``doc.headings`` is in page order (the readers make it so),
    else False: the scans below are then made as before."""
    key = "headingspans:starts"
    starts: Any = doc.cache.get(key)
    if starts is None:
        listed = [h.start for h in doc.headings]
        starts = doc.cache[key] = listed if all(a <= b for a, b in zip(listed, listed[1:])) else False
    return starts


def last_at(doc: Document, offset: int) -> int | None:
    """Index in ``doc.headings`` of the heading a scan in page order stops on: the last one
    starting at or before *offset* before the first that starts after it (None when the
    first heading starts after it). By bisection, not a scan per question."""
    starts = _starts(doc)
    if starts is False:
        found = None
        for i, heading in enumerate(doc.headings):
            if heading.start > offset:
                break
            found = i
        return found
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 else None


def last_before(doc: Document, offset: int) -> Any:
    """The last heading in ``doc.headings`` that starts at or before *offset* (None if none)."""
    if _starts(doc) is False:
        return next((h for h in reversed(doc.headings) if h.start <= offset), None)
    i = last_at(doc, offset)
    return doc.headings[i] if i is not None else None
