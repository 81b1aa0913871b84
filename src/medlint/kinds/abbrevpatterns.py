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

#: How many patterns of one kind are kept (a run meets a few hundred abbreviations).
_KEPT = 4096


@lru_cache(maxsize=_KEPT)
def kept(pattern: str, flags: int = 0) -> "re.Pattern[str]":
    """``re.compile(pattern, flags)``, compiled once for the run: the patterns built from an
    abbreviation's letters, which ``re``'s small cache drops between two pages that use it."""
    return re.compile(pattern, flags)
