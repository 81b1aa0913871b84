"""Long forms that hold a single capital letter as a word: "vitamin D binding protein" for DBP.

Biomedical names are built on letters: vitamin D, T cells, B vitamins, hepatitis C. Their
abbreviations take the letter as it stands ("vitamin K epoxide reductase" is VKOR, "D binding
protein" DBP), so the page that writes the long form in words has defined it, even without
the "long form (ABBR)" brackets, and a reader who meets the abbreviation further down has
met its words. :func:`medlint.kinds.longforms.written_out` asks a phrase met once to be
marked by a capital or repeated, because words of four letters spell three initials by
chance on a long page; a phrase that holds a lone capital letter at the right place does
not happen by chance, so one use anywhere on the page (outside its reference lists) is enough.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .abbrevpatterns import LetterPattern

#: Small words that may stand between two of a long form's words that are not letters
#: ("vitamin K epoxide reductase", but never "vitamin D on blood pressure" for DBP: a letter
#: word is joined straight to the next word, as a name's are).
_SMALL = r"(?:(?:of|the|for|in|on|to|with|by|a|an)\s+){1,2}"
_JOIN = r"(?:[ \t]+|[ \t]*-[ \t]*)"


@lru_cache(maxsize=256)
def _pattern(abbr: str) -> "re.Pattern[str]":
    """The pattern of *abbr*'s long form with letters as words (one per abbreviation, cached:
    the rule asks again on every use). On a page of up to :data:`SHARED_PATTERN_CHARS` the rule
    reads :func:`_letters_pattern`, one pattern per length that finds the same (the tests check
    it against this one); on a longer page, this one."""
    words = []
    for i, c in enumerate(abbr):
        # "I" and "A" stand alone as words ("I think", "A new test"): never a letter of a name here.
        letter = r"(?P<l%d>%s(?![\w'\u2019]))" % (i, re.escape(c)) if c not in "IA" else r"(?P<l%d>(?!))" % i
        word = r"%s[a-z'\u2019]{2,}" % "[%s%s]" % (c, c.lower())
        words.append(r"(?:%s|%s)" % (letter, word))
    joined = words[0]
    for i in range(1, len(abbr)):
        # small words only between two words that give no lone letter
        small = r"(?(l%d)|(?:%s(?=[A-Za-z][a-z'\u2019]{2,}(?![\w'\u2019])))?)" % (i - 1, _SMALL)
        joined += _JOIN + small + words[i]
    return re.compile(r"(?<![\w'\u2019-])" + joined + r"(?![\w'\u2019])")


#: Pages up to this long are searched with the pattern shared by every abbreviation of a length
#: (:func:`_letters_pattern`: no compile per abbreviation); a longer one with the abbreviation's
#: own (:func:`_pattern`), since the shared one reads a fresh copy of the rest of the page for
#: each match, and a long page with many rejected matches would cost their product.
SHARED_PATTERN_CHARS = 50_000


@lru_cache(maxsize=None)
def _letters_pattern(n: int) -> LetterPattern:
    """:func:`_pattern` for any abbreviation of *n* letters, one compile per length: the letters
    are read by reference (:class:`medlint.kinds.abbrevpatterns.LetterPattern`); a lone I or A
    gives no letter, as in :func:`_pattern` (``(?![IA])`` before the letter's reference)."""
    def body(refs: list[tuple[str, str]]) -> str:
        words = [r"(?:(?P<l%d>(?![IA])%s(?![\w'\u2019]))|(?:%s|%s)[a-z'\u2019]{2,})" % (i, upper, upper, lower)
                 for i, (upper, lower) in enumerate(refs)]
        joined = words[0]
        for i in range(1, n):
            small = r"(?(l%d)|(?:%s(?=[A-Za-z][a-z'\u2019]{2,}(?![\w'\u2019])))?)" % (i - 1, _SMALL)
            joined += _JOIN + small + words[i]
        return r"(?<![\w'\u2019-])" + joined + r"(?![\w'\u2019])"
    return LetterPattern(body, n)


def letter_long_form(prose: str, abbr: str) -> bool:
    """True if *prose* holds words whose initials spell *abbr* (three letters or more, all
    letters), at least one of them a lone capital letter that is its own letter and at least
    one a word of three letters or more: "vitamin D binding protein", "D-binding protein",
    "T cell receptor" (TCR). No small word stands next to the letter ("the effect of vitamin
    D on blood pressure" spells no DBP)."""
    if len(abbr) < 3 or not abbr.isalpha() or not abbr.isupper():
        return False
    if len(prose) > SHARED_PATTERN_CHARS:
        matches = _pattern(abbr).finditer(prose)  # (the shared pattern copies the rest of the page per match)
    else:
        matches = (m for m, _ in _letters_pattern(len(abbr)).matches(abbr, prose))
    for m in matches:
        letters = sum(1 for i in range(len(abbr)) if m.group("l%d" % i))
        if 0 < letters < len(abbr):
            return True
    return False
