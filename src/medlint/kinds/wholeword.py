"""A word, or a phrase, as the page writes it whole: not part of a longer word or a hyphenated one.

Several heuristics ask whether a page writes a word anywhere ("is this surname ever in lower
case?", "does the page name tuberculosis?"): a hit inside "baker-style" or "tuberculosis-like"
is still the word, but one inside "bakery" is not. One definition of the word's edges keeps
them answering alike.
"""
from __future__ import annotations

import re


def whole_word(pattern: str) -> str:
    """*pattern* (a regular expression, escaped as needed) bounded as a whole word: no word
    character or hyphen on either side."""
    return r"(?<![\w-])%s(?![\w-])" % pattern


def writes(text: str, pattern: str, flags: int = 0, times: int = 1) -> bool:
    """True if *text* writes *pattern* as a whole word (see :func:`whole_word`) *times* times
    or more (it stops reading at the last one it needs)."""
    found = 0
    for _ in re.finditer(whole_word(pattern), text, flags):
        found += 1
        if found >= times:
            return True
    return False
