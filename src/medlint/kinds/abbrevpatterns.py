"""The patterns the acronym rule builds for one abbreviation, compiled once per process.

Each long-form test of :mod:`medlint.kinds.acronyms` and its helpers asks a pattern made
from the abbreviation's letters ("words whose initials are C, S, V"). Building it anew on
every page that uses the abbreviation cost more than the search it serves: ``re`` parses a
pattern of a few hundred characters in a few milliseconds, its own cache holds only the
last 512 patterns of the whole run, and the same abbreviations (SPSS, CI, BMI) come back on
page after page. So the patterns are kept here, keyed by the letters, for the whole run.
The patterns are exactly the ones the tests wrote inline before (issue 23).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterator

#: How many patterns of one kind are kept (a run meets a few hundred abbreviations).
_KEPT = 4096


@lru_cache(maxsize=_KEPT)
def kept(pattern: str, flags: int = 0) -> "re.Pattern[str]":
    """``re.compile(pattern, flags)``, compiled once for the run: the patterns built from an
    abbreviation's letters, which ``re``'s small cache drops between two pages that use it."""
    return re.compile(pattern, flags)


#: Characters that a letter in a case-blind pattern matches but a case-blind back-reference to
#: that letter does not (dotless i for I, long s for S): a text holding one is searched with the
#: abbreviation's own pattern instead (see :class:`LetterPattern`).
_BACKREF_GAPS = ("\u0131", "\u017f")


class LetterPattern:
    """One compiled pattern for every abbreviation of the same number of letters.

    A long form's pattern differs from one abbreviation to the next only in its letters, and
    compiling a pattern costs more than searching a page with it. So the letters are written
    ahead of the text, ``C`` ``c`` ``S`` ``s`` ``V`` ``v`` then a NUL, and the pattern reads them
    into groups and refers back to them where the letters stood: *body* builds the pattern from
    the references to each letter (in capitals, in lower case), in order. A
    back-reference matches exactly the text of its group (in a case-blind pattern, as the
    letter itself would, but for the two characters of _BACKREF_GAPS), and the body is tried at
    each place of the text in turn, as ``search`` does; the character before the searched span
    is kept ahead of it, so a look-behind reads what it read in the page."""

    def __init__(self, body: "Callable[[list[tuple[str, str]]], str]", letters: int, flags: int = 0) -> None:
        refs = [(r"\%d" % (2 * i + 1), r"\%d" % (2 * i + 2)) for i in range(letters)]
        self.letters = letters
        self.flags = flags
        self.pattern = kept(r"\A" + "(.)" * (2 * letters) + r"\x00(?s:.)(?s:.*?)(" + body(refs) + ")", flags)
        self.body = 2 * letters + 1

    def spans(self, letters: str, text: str, lo: int = 0, hi: int | None = None) -> "Iterator[tuple[int, int]] | None":
        """The spans of ``pattern.finditer(text, lo, hi)`` for the abbreviation *letters*, read
        lazily (a generator), or None when the text holds a character a back-reference reads
        otherwise than the letter (the caller then uses the abbreviation's own pattern)."""
        if self.flags & re.IGNORECASE and any(c in text for c in _BACKREF_GAPS):
            return None
        return self._spans(letters, text, lo, len(text) if hi is None else min(hi, len(text)))

    def matches(self, letters: str, text: str, lo: int = 0, hi: int | None = None) -> "Iterator[tuple[re.Match[str], int]]":
        """Each match of a case-sensitive pattern, as :meth:`spans` finds them, with the shift
        that turns its offsets into the text's (for a pattern that names groups of its own)."""
        assert not self.flags & re.IGNORECASE, "a case-blind pattern must go through spans()"
        return self._matches(letters, text, lo, len(text) if hi is None else min(hi, len(text)))

    def _spans(self, letters: str, text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        for m, shift in self._matches(letters, text, lo, hi):
            yield m.start(self.body) + shift, m.end(self.body) + shift

    def _matches(self, letters: str, text: str, lo: int, hi: int) -> "Iterator[tuple[re.Match[str], int]]":
        head = "".join(c.upper() + c.lower() for c in letters) + "\x00"
        pos = lo
        while pos <= hi:
            buf = head + (text[pos - 1] if pos > 0 else "\x00") + text[pos:hi]
            m = self.pattern.match(buf)
            if m is None:
                return
            shift = pos - len(head) - 1
            start, end = m.start(self.body) + shift, m.end(self.body) + shift
            yield m, shift
            pos = end if end > start else end + 1
