"""Long forms written out next to their abbreviation without brackets.

Editors accept "ventricular septal defect or VSD", "brain natriuretic peptide - BNP",
"Mean Absolute Error: MAE" and "**CRAN**: the Comprehensive R Archive Network" as
definitions: the reader meets the words and their initials side by side. The test is
strict, so that words which merely happen to share the letters do not count: every letter,
in order, is the initial of a word of the phrase (a hyphenated word may give one initial
or one per part: "age-related" gives A or AR), small function words may stand between
("Journal of the ..."), and the phrase ends (or starts) right at the abbreviation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from medlint import lazyre
from .abbrevpatterns import LetterPattern, kept

#: A word of the phrase: letters, apostrophes, hyphenated parts.
_WORD = lazyre.compile(r"[A-Za-z][\w'’]*(?:[-‐][A-Za-z0-9][\w'’]*)*")
#: What may join an abbreviation to the long form after it: a colon, an equals sign, a dash.
_JOIN_AFTER = lazyre.compile(r"(?:\*\*|\*|_)?\s*[:=–—-]\s*(?:(?:the|a|an)\s+)?", re.I)
#: Words that may stand in a long form without giving a letter ("Journal of the ...").
SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "with", "by", "a", "an", "&", "at"})
#: Longest phrase tried, in words, beyond the abbreviation's letters (the small words).
_SLACK = 3


def initials_spell(words: tuple[str, ...], letters: str, min_word: int = 3) -> bool:
    """True if *words*, in order, spell *letters* by their initials (case-insensitive):
    each word gives its initial, a hyphenated word its initial or one per part, a small
    word between others may give none. A word that gives a letter has *min_word* letters or
    more, or is one capital ("the Comprehensive R Archive Network"): short lower-case words
    ("to be") spell two letters by chance."""
    target = letters.lower()

    @lru_cache(maxsize=None)
    def match(i: int, j: int) -> bool:
        if i == len(words):
            return j == len(target)
        word = words[i]
        inner = 0 < i < len(words) - 1
        if inner and word.lower() in SMALL_WORDS and match(i + 1, j):
            return True
        if j == len(target):
            return False
        if len(word) < min_word and not (len(word) == 1 and word.isupper()):
            return False
        parts = [p for p in word.replace("‐", "-").split("-") if p]
        if parts[0][0].lower() == target[j] and match(i + 1, j + 1):
            return True
        n = len(parts)
        return (n > 1 and "".join(p[0] for p in parts).lower() == target[j:j + n]
                and match(i + 1, j + n))

    return match(0, 0)


def _letters(abbr: str) -> str | None:
    """The letters a long form must spell, or None if *abbr* holds a digit (B12, T1DM)."""
    return abbr if abbr.isalpha() else None


def defined_adjacent(prose: str, abbr: str) -> bool:
    """True if *abbr* stands somewhere in *prose* right after or before its long form,
    without brackets: "ventricular septal defect or VSD", "Mean Absolute Error: MAE", "CRAN:
    the Comprehensive R Archive Network". Two-letter abbreviations need words of four letters
    or more ("to be TB" is chance). Asked only for an abbreviation about to be reported,
    so only its own uses are read."""
    letters = _letters(abbr)
    if letters is None:
        return False
    min_word = 4 if len(letters) == 2 else 3
    for m in kept(r"(?<![\w\-'’])%ss?(?![\w\-'’])" % re.escape(abbr)).finditer(prose):
        line_start = prose.rfind("\n", 0, m.start()) + 1
        head = _joined_before(prose[max(line_start, m.start() - 120):m.start()])
        if head is not None and _spells_some(_phrase(head, from_end=True), letters, min_word, from_end=True):
            return True
        line_end = prose.find("\n", m.end())
        tail = prose[m.end():min(len(prose) if line_end < 0 else line_end, m.end() + 160)]
        join = _JOIN_AFTER.match(tail)
        if join and _spells_some(_phrase(tail[join.end():], from_end=False), letters, min_word, from_end=False):
            return True
    return False


def _joined_before(head: str) -> str | None:
    """*head* without what joins a long form to the abbreviation after it ("or", a dash, a
    colon, a space, emphasis marks), or None if nothing joins them (the token is glued on).
    Stripped by hand, not by a regex anchored at the end: it runs for every capitalised token."""
    stripped = head.rstrip(" \t*_")
    if stripped.endswith((":", "-", "–", "—")):
        return stripped[:-1].rstrip(" \t*_")
    if stripped.endswith(" or"):
        return stripped[:-3].rstrip(" \t*_")
    return stripped if len(stripped) < len(head) else None


def _phrase(text: str, from_end: bool) -> list[str]:
    """The words of *text* next to the abbreviation (its end, or its start), up to the first
    mark that ends a phrase (a comma, a full stop, a bracket)."""
    words: list[str] = []
    spans = list(_WORD.finditer(text))
    if from_end:
        spans.reverse()
        edge = len(text)
        for w in spans:
            if text[w.end():edge].strip(" \t"):
                break
            words.append(w.group(0))
            edge = w.start()
        words.reverse()
    else:
        edge = 0
        for w in spans:
            if text[edge:w.start()].strip(" \t"):
                break
            words.append(w.group(0))
            edge = w.end()
    return words


def _spells_some(words: list[str], letters: str, min_word: int, from_end: bool) -> bool:
    """True if the words nearest the abbreviation, some number of them, spell *letters*."""
    most = min(len(words), len(letters) + _SLACK)
    first = letters[0].lower()
    for k in range(1, most + 1):
        chosen = tuple(words[-k:] if from_end else words[:k])
        if chosen[0][0].lower() != first:
            continue  # the long form opens with the abbreviation's first letter
        if initials_spell(chosen, letters, min_word):
            return True
    return False


#: A hyphenated word that gives one initial, in lower case: a short prefix ("age-related",
#: "non-invasive") or a participle after ("evidence-based", "insulin-dependent" is not:
#: two long nouns, "Missouri-Kansas", are two names, each with its initial).
_COMPOUND = r"[a-z'’]{0,2}(?-i:-[a-z][\w'’]*)+|[a-z'’]+(?-i:-[a-z][\w'’]*(?:ed|ing))"
#: The same in Title Case, after the initial: "Age-Related", "Evidence-Based" (or no hyphen at all).
TITLED_COMPOUND = r"(?:[\w'’]{0,2}(?:-[A-Z][\w'’]*)+|[\w'’]*(?:-[A-Z][\w'’]*(?:ed|ing))?)"
#: Text before a word in mid-sentence: a lower-case word or a comma, then spaces.
_MID_SENTENCE = lazyre.compile(r"[a-z0-9,;]\s+$")


def written_out(prose: str, abbr: str, seen: dict[str, bool]) -> bool:
    """True if the page writes *abbr*'s long form out as a term anywhere in *prose* (the
    page without its reference lists), in any case: words of four letters or more (or
    hyphenated) whose initials spell it, with small words between, used twice or more
    ("evidence-based medicine" in the title and the text, EBM far below), or once with a
    capital in mid-sentence ("teaching Evidence-Based practice"). A phrase met once in
    lower case may spell three letters by chance on a long page; a term the page repeats,
    or marks with a capital, is the long form. "and" joins no words here: "risks and
    burdens" is two things, not the long form of RB. Asked once per abbreviation (*seen*)."""
    if abbr not in seen:
        joined = r"(?:[\s/]+|-)(?:(?:of|the|for|in|on|to|with|by|a|an)\s+){0,2}"
        words = [r"%s(?:%s|[a-z'’]{3,})" % (c, _COMPOUND) for c in abbr.lower()]
        spans = _written_pattern(len(abbr)).spans(abbr, prose)
        if spans is None:  # a character a back-reference reads otherwise: the abbreviation's own pattern
            pattern = kept(r"(?<![\w'’-])" + joined.join(words) + r"(?![\w'’])", re.I)
            spans = (m.span() for m in pattern.finditer(prose))
        count, capital = 0, False
        for start, _ in spans:
            count += 1
            if prose[start].isupper() and _MID_SENTENCE.search(prose, max(0, start - 20), start):
                capital = True
            if count >= 2 or capital:
                break
        seen[abbr] = count >= 2 or capital
    return seen[abbr]


@lru_cache(maxsize=None)
def _written_pattern(n: int) -> LetterPattern:
    """The pattern of :func:`written_out` for any abbreviation of *n* letters, the letters read
    by reference (:class:`medlint.kinds.abbrevpatterns.LetterPattern`): one compile per length."""
    joined = r"(?:[\s/]+|-)(?:(?:of|the|for|in|on|to|with|by|a|an)\s+){0,2}"
    return LetterPattern(lambda refs: r"(?<![\w'’-])" + joined.join(
        r"%s(?:%s|[a-z'’]{3,})" % (lower, _COMPOUND) for _, lower in refs) + r"(?![\w'’])", n, re.I)
