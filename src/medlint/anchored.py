"""Scans that try a pattern only at its anchors, not at every character of a page.

Python's ``re`` searches for a pattern that opens with a literal quickly, but tries one
that opens with a character class, an alternation or a look-around at every position.
Many of medlint's whole-page patterns can only match where a rare literal stands ("et al",
a bracket before a digit, a line's first mark): listing those places with ``str.find`` and
trying the pattern there finds the same matches at a fraction of the cost (issue 23). Each
caller's list of places has a test against the full scan.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator


def find_all(text: str, part: str, start: int = 0) -> Iterator[int]:
    """Every offset of *part* in *text* from *start*, overlapping ones too (``str.find``)."""
    at = text.find(part, start)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def matches_from(pattern: re.Pattern[str], text: str, start: int, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, start)`` finds when every match starts at one of *starts*:
    the pattern tried at each of them in order, from the end of the last match (a scan tries it
    at every character; a match attempt at one place reads the same text either way, and
    look-behinds still see the text before *start*)."""
    pos = start
    for at in sorted(starts):
        if at >= pos and (m := pattern.match(text, at)) is not None:
            yield m
            pos = m.end()
