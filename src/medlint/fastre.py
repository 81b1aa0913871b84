"""Patterns that scan whole documents, compiled with the ``regex`` module.

For a pattern that begins with a lookbehind, a word boundary or a
case-insensitive literal (``(?i)\\bPMID\\b``), ``regex`` finds the places
worth trying much faster than ``re`` does: 10 to 50 times on health articles
(measured per pattern by ``bench/run.py``'s corpus). ``re`` stays the choice
for patterns matched at one position or in short windows, where ``regex``'s
larger cost per call dominates. ``VERSION0`` keeps ``re``'s semantics.
Patterns are compiled on first use (:mod:`medlint.lazyre`), and ``regex`` is
imported then.
"""
from __future__ import annotations

from typing import Any

from .lazyre import LazyPattern


def compile(pattern: str, flags: int = 0) -> Any:
    """A pattern with the ``re`` API (``finditer``, ``search``, ``match``...), compiled on first use."""
    return LazyPattern(pattern, flags, _compile_now)


def _compile_now(pattern: str, flags: int) -> Any:
    from .patterncache import compile_regex
    from regex import VERSION0

    return compile_regex(pattern, flags | VERSION0)


#: Seconds one search of a rule's pattern may take on a document: a base, and more
#: for long texts (an honest pattern needs about 0.3 s per megabyte here).
REGEX_TIMEOUT = 2.0
REGEX_SECONDS_PER_MB = 2.0


def regex_timeout(length: int) -> float:
    """The time limit of one search over *length* characters (read at call time, so tests can lower it)."""
    return REGEX_TIMEOUT + REGEX_SECONDS_PER_MB * length / 1_000_000
