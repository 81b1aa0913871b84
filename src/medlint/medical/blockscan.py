"""Scans of a block's prose made once and shared by every match, dose or claim in the block.

Rules ask of each match "where is the last clause break before me", "where does my
sentence stop", "is there a negation between the clause start and me", "how many
quotation marks come before me". Asked with a fresh scan from the block's start (or
to its end) each time, a block with n matches costs n times its length: a 130 KB
line of "studies show" took over a minute. Here each question scans ``prose[lo:hi]``
once (kept in ``doc.cache``) and answers each match by bisection, with the very
answer of the per-match scan; where the shared scan could differ from it (a match
of the scan straddling the point asked about, or a word character just before it),
the per-match scan is made instead.

The patterns given must match no empty string and look beyond a match's end only
with ``\\b`` after a word character or a lookahead of one character (as the clause,
sentence and negation patterns of :mod:`medlint.kinds.pattern` do).
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from ..document import Document

_WORD_CHAR = re.compile(r"\w")


def _spans(doc: Document, pattern: Any, lo: int, hi: int) -> tuple[list[int], list[int]]:
    """Starts and ends of ``pattern.finditer(prose, lo, hi)``, found once per block."""
    key = ("blockscan", pattern.pattern, pattern.flags, lo, hi)
    found = doc.cache.get(key)
    if found is None:
        matches = [(m.start(), m.end()) for m in pattern.finditer(doc.prose, lo, hi)]
        found = doc.cache[key] = ([s for s, _ in matches], [e for _, e in matches])
    return found


def _clean_edge(prose: str, at: int) -> bool:
    """A scan ending at *at* sees what one running on does: no word character just before
    (a ``\\b`` there would differ) and no white space at *at* (a lookahead would)."""
    return not _WORD_CHAR.match(prose, at - 1) and not prose[at:at + 1].isspace()


def _crosses(starts: list[int], ends: list[int], at: int) -> bool:
    """Whether a match of the shared scan starts before *at* and ends after it."""
    i = bisect.bisect_left(starts, at)
    return i > 0 and ends[i - 1] > at


def last_end(doc: Document, pattern: Any, lo: int, hi: int, at: int) -> int:
    """The end of the last match of ``pattern.finditer(prose, lo, at)``, *lo* if none
    (``lo <= at <= hi``)."""
    prose = doc.prose
    if at <= lo:
        return lo
    starts, ends = _spans(doc, pattern, lo, hi)
    if at > hi or not _clean_edge(prose, at) or _crosses(starts, ends, at):
        cuts = list(pattern.finditer(prose, lo, at))
        return cuts[-1].end() if cuts else lo
    i = bisect.bisect_right(ends, at)
    return ends[i - 1] if i > 0 else lo


def first_start(doc: Document, pattern: Any, lo: int, hi: int, at: int) -> int | None:
    """The start of ``pattern.search(prose, at, hi)`` (None if no match), for ``lo <= at``."""
    starts, ends = _spans(doc, pattern, lo, hi)
    if at < lo or _crosses(starts, ends, at):
        found = pattern.search(doc.prose, at, hi)
        return found.start() if found else None
    i = bisect.bisect_left(starts, at)
    return starts[i] if i < len(starts) else None


def any_between(doc: Document, pattern: Any, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether ``pattern.search(prose, start, end)`` finds anything, for ``lo <= start <= end <= hi``."""
    prose = doc.prose
    if start >= end:
        return pattern.search(prose, start, end) is not None
    starts, ends = _spans(doc, pattern, lo, hi)
    if (start < lo or end > hi or not _clean_edge(prose, end) or _crosses(starts, ends, end)
            or _crosses(starts, ends, start)):
        return pattern.search(prose, start, end) is not None
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and ends[i] <= end


def char_positions(doc: Document, chars: str, lo: int, hi: int) -> dict[str, list[int]]:
    """Where each of *chars* stands in ``prose[lo:hi]``, found once per block."""
    key = ("blockscan-chars", chars, lo, hi)
    found = doc.cache.get(key)
    if found is None:
        prose = doc.prose
        found = {}
        for char in chars:
            where, i = [], prose.find(char, lo, hi)
            while i >= 0:
                where.append(i)
                i = prose.find(char, i + 1, hi)
            found[char] = where
        doc.cache[key] = found
    return found


def count_in(where: list[int], start: int, end: int) -> int:
    """How many of the sorted positions *where* fall in ``[start, end)``."""
    return max(0, bisect.bisect_left(where, end) - bisect.bisect_left(where, start))


def last_in(where: list[int], start: int, end: int) -> int:
    """The last of the sorted positions *where* in ``[start, end)``, -1 if none."""
    i = bisect.bisect_left(where, end)
    return where[i - 1] if i > 0 and where[i - 1] >= start else -1


def blank_back(prose: str, lo: int, at: int, blanks: str | None = None) -> int:
    """Where the run of *blanks* (white space if None) ending at *at* begins, not before *lo*:
    ``len(prose[lo:at].rstrip(blanks)) + lo`` without copying the block."""
    while at > lo and (prose[at - 1] in blanks if blanks is not None else prose[at - 1].isspace()):
        at -= 1
    return at
