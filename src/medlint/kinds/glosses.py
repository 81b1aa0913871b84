"""Long forms the page gives in a shape the bracket and adjacency tests miss (issue 16).

A writer explains an abbreviation in several ways an editor accepts as a definition:

* the long form and the abbreviation joined by "or", a dash or a colon, with the line
  wrapped between them ("... atrial premature\\ncontraction or APC"): a hard-wrapped
  paragraph is one run of text to its reader;
* a name turned round by "of", then its initials in the usual order ("the University of
  Leeds" then "LU", "Institute of Oncology" then "OI"): the words stand nearby, each
  with its capital, and the "of" is why the letters come in another order;
* a name written in mixed case with its long form in brackets ("BIOnet (Biobank
  Infrastructure Operations Network)"), later written in capitals ("BIONET");
* the letters listed one by one after it: "the PQRS scheme (patient, question, reason,
  setting)";
* compound words spelling it by their parts next to it: "an electromyogram, or EMG";
* a stated meaning: "ABBR stands for", "means", "is short for", "is an abbreviation
  of" followed by words;
* a letter dropped from an abbreviation whose letters are listed, in the same sentence
  ("the PQRST question (...), here only a PQRS").

Each test is tight, because words sharing a few initials are common: every word of a
turned-round name opens with a capital and the words are adjacent; a shortened
abbreviation needs its listed full form in the same sentence. A letter added to a defined
abbreviation is not explained (UV defined says nothing of the B of UVB; CK nothing of CKD).
"""
from __future__ import annotations

import re
from .. import lazyre
from .abbrevpatterns import kept
from .longforms import _phrase, _spells_some, defined_adjacent

#: A line break inside a paragraph: after a line with text on it (so neither end of a blank
#: line, which is a paragraph break, not a wrap), and not before a blank line, the page's end,
#: a list item, a heading, a quotation or a table row (those open a new unit of text).
_WRAP = lazyre.compile(r"(?<=\S)[ \t]*\n(?![ \t]*(?:\n|\Z|[-*+>#|]|\d+[.)][ \t]))[ \t]*")
#: A name in Title Case turned round by "of": "University of Leeds", "Institute of Oncology".
_TURNED = lazyre.compile(
    r"((?:[A-Z](?<![\w'’-][A-Z])[a-z'’]{2,}[ \t\n]+)(?:[A-Z][a-z'’]{2,}[ \t\n]+){0,2})of[ \t\n]+(?:the[ \t\n]+)?"
    r"((?:[A-Z][a-z'’]{2,}(?![\w'’-])[ \t\n]*){1,3})")
_CAPITAL_WORD = lazyre.compile(r"[A-Z][a-z'’]+")
#: How far from a use a turned-round name may stand (about two sentences).
_NEAR = 300
#: Stated meanings: "PQR stands for", "is short for", "is an abbreviation of/for".
_MEANING = lazyre.compile(
    r"(?<![\w-])[\"'“‘*_]*([A-Z][A-Z0-9]{1,7})[\"'”’*_]*,?[ \t]+(?:stands?[ \t]+for|is[ \t]+short[ \t]+for"
    r"|is[ \t]+(?:an?|the)[ \t]+(?:abbreviation|acronym|initialism)[ \t]+(?:of|for))[ \t:]+[\"'“‘]?[A-Za-z]")
#: "PQR means ...": a stated meaning only if the words after it spell it (:func:`_means_long_form`);
#: health writing says what a result means far more often ("a high TSH means your thyroid ...").
_MEANS = lazyre.compile(r"(?<![\w-])[\"'“‘*_]*([A-Z][A-Z0-9]{1,7})[\"'”’*_]*,?[ \t]+means[ \t:]+(?:(?:the|a|an)[ \t]+)?[\"'“‘]?(?=[A-Za-z])")
#: A list of what the letters stand for, in brackets or after a colon, up to two words after
#: the abbreviation: "the PQRS scheme (patient, question, reason, setting)".
_LISTED = lazyre.compile(r"([A-Z](?<![\w-][A-Z])[A-Z]{1,7})[\"'”’*_]*(?:[ \t\n]+[a-z]+){0,2}[ \t\n]*[(:][ \t\n]*([^()\n:]{4,240}?)[).\n]")
#: What separates the items of such a list.
_ITEM_SEPARATOR = lazyre.compile(r"[ \t\n]*(?:[,;/][ \t\n]*(?:(?:and|or)[ \t\n]+)?|[ \t\n]+(?:and|or)[ \t\n]+)")
_ARTICLE = lazyre.compile(r"(?:the|a|an)[ \t\n]+", re.I)
#: A long form of compound words joined to the abbreviation after it: "an electromyogram, or".
_COMPOUND_BEFORE = lazyre.compile(r"((?:[A-Za-z][a-z]*[ \t]+){0,2}[A-Za-z][a-z]{5,})[ \t]*,?[ \t]*(?:or|[-–—:=])[ \t]*[*_]*$")
#: The same after it: "EMG - electromyogram", "EMG, or electromyogram".
_COMPOUND_AFTER = lazyre.compile(r"[*_]*[ \t]*,?[ \t]*(?:or|[-–—:=])[ \t]*((?:[A-Za-z][a-z]*[ \t]+){0,2}[A-Za-z][a-z]{5,})")
#: A sentence's end: where a dropped-letter variant stops looking for its full form.
_SENTENCE_END = lazyre.compile(r"[.!?](?:\s|$)|\n[ \t]*\n")


def glossed(whole: str, base: str, at: int, cache: dict[str, object]) -> bool:
    """True if the page (*whole*, its prose) explains *base*, used at *at*, in one of the
    shapes above. *cache* keeps the
    page-wide work (the unwrapped text, the stated meanings) between the rule's questions."""
    if not base.isalpha():
        return False
    if "meanings" not in cache:
        cache["meanings"] = set(_MEANING.findall(whole)) | {
            m.group(1) for m in _MEANS.finditer(whole) if _means_long_form(whole, m.end(), m.group(1))}
    if base in cache["meanings"]:  # type: ignore[operator]
        return True
    if letters_listed(whole, base, cache):
        return True
    if "unwrapped" not in cache:
        cache["unwrapped"] = _WRAP.sub(" ", whole)
    if len(base) >= 3 and _wrapped_adjacent(whole, base, cache):
        return True
    if len(base) >= 3 and compound_adjacent(cache["unwrapped"], base):  # type: ignore[arg-type]
        return True
    if turned_name(whole, base, at):
        return True
    if len(base) >= 3 and mixed_case_defined(whole, base):
        return True
    return shortened_form(whole, base, at, cache)


def _means_long_form(whole: str, at: int, abbr: str) -> bool:
    """True if the words from *at* ("TSH means thyroid stimulating hormone") spell *abbr* by
    their initials, or by the parts of compound words ("EMG means electromyogram"): a long
    form, not a consequence ("means your thyroid is underactive")."""
    if not abbr.isalpha():
        return False
    words = _phrase(whole[at:at + 160], from_end=False)
    min_word = 4 if len(abbr) == 2 else 3
    return bool(words) and (_spells_some(words, abbr, min_word, from_end=False)
                            or (len(abbr) >= 3 and _parts_spell(words[:3], abbr, from_end=False)))


def letters_listed(whole: str, base: str, cache: dict[str, object]) -> bool:
    """True if the page lists what each letter of *base* stands for, one item a letter, in
    brackets or after a colon right after it (up to two words between: "the PQRS scheme
    (patient, question, reason, and setting)"): the items' initials, in order, are its
    letters, so no chance phrase passes."""
    if "listed" not in cache:
        listed = set()
        for m in _LISTED.finditer(whole):
            items = [i for i in _ITEM_SEPARATOR.split(m.group(2).strip()) if i]
            initials = "".join(_ARTICLE.sub("", i, count=1)[:1].upper() for i in items)
            if len(items) == len(m.group(1)) and initials == m.group(1) \
                    and all(len(_ARTICLE.sub("", i, count=1)) >= 3 for i in items):
                listed.add(m.group(1))
        cache["listed"] = listed
    return base in cache["listed"]  # type: ignore[operator]


def _wrapped_adjacent(whole: str, base: str, cache: dict[str, object]) -> bool:
    """The adjacency test of :func:`defined_adjacent` on the page with wrapped lines joined."""
    unwrapped = cache["unwrapped"]
    return unwrapped != whole and defined_adjacent(unwrapped, base)  # type: ignore[arg-type]


def compound_adjacent(text: str, base: str) -> bool:
    """True if *base* stands right after or before compound words that spell it by their
    parts, joined by "or", a dash or a colon ("an electromyogram, or EMG", "IHC -
    immunohistochemistry"): each word gives its initial, and may give the starts of the
    parts a linking vowel opens ("electr-o-|myo-gram", "chem-i-|luminescence"); one word at
    least gives more than its initial (plain initials are the adjacency test's)."""
    for m in kept(r"(?<![\w\-'’])%s(?![\w\-'’])" % re.escape(base)).finditer(text):
        before = _COMPOUND_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if before and _parts_spell(before.group(1).split(), base, from_end=True):
            return True
        after = _COMPOUND_AFTER.match(text, m.end())
        if after and _parts_spell(after.group(1).split(), base, from_end=False):
            return True
    return False


def _parts_spell(words: list[str], letters: str, from_end: bool) -> bool:
    """True if the last (or first) words spell *letters* by their initials and the starts of
    their inner parts (a letter after a linking "o" or "i", three letters or more on each side)."""
    target = letters.lower()

    def spell(i: int, j: int, chosen: list[str], more: bool) -> bool:
        if i == len(chosen):
            return j == len(target) and more
        word = chosen[i].lower()
        if j >= len(target) or word[0] != target[j]:
            return False
        inner = [p for p in range(3, len(word) - 2) if word[p - 1] in "oi"]

        def extend(k: int, start: int, gave: int) -> bool:
            if spell(i + 1, k, chosen, more or gave > 1):
                return True
            return any(k < len(target) and word[p] == target[k] and extend(k + 1, p, gave + 1)
                       for p in inner if p >= start + 3)
        return extend(j + 1, 0, 1)

    for n in range(1, len(words) + 1):
        chosen = words[-n:] if from_end else words[:n]
        if spell(0, 0, chosen, False):
            return True
    return False


def turned_name(whole: str, base: str, at: int) -> bool:
    """True if a name in Title Case turned round by "of" stands within about two sentences
    of the use, and the initials of its part after "of" then its part before spell *base*
    ("University of Leeds" for LU). Every word has its capital and four letters or more
    (a two-letter token) or three (longer ones); the name is whole (its words adjacent)."""
    least = 4 if len(base) == 2 else 3
    for m in _TURNED.finditer(whole, max(0, at - _NEAR), min(len(whole), at + _NEAR)):
        head = _CAPITAL_WORD.findall(m.group(1))
        tail = _CAPITAL_WORD.findall(m.group(2))
        # any run of the head's last words, then any run of the tail's first words
        for i in range(len(head)):
            for k in range(1, len(tail) + 1):
                words = tail[:k] + head[i:]
                if len(words) == len(base) and all(len(w) >= least for w in words) \
                        and "".join(w[0] for w in words) == base:
                    return True
    return False


def mixed_case_defined(whole: str, base: str) -> bool:
    """True if the page writes *base* as a name in mixed case (two capitals or more, then
    lower case: "BIOnet") and gives that name a long form in brackets right after it
    ("BIOnet (Biobank Infrastructure Operations Network)"): a later use in capitals is the
    same name, already explained."""
    pattern = kept(r"(?<![\w-])(%s)(?![\w-])[ \t\n*_\]]*\((?:[^()]*?[A-Za-z]{3,}){2}" % re.escape(base), re.I)
    for m in pattern.finditer(whole):
        word = m.group(1)
        if word != base and word[:2].isupper() and any(c.islower() for c in word):
            return True
    return False


def shortened_form(whole: str, base: str, at: int, cache: dict[str, object]) -> bool:
    """True if *base* is an abbreviation with one letter dropped (not its first) whose letters
    the page lists one by one (:func:`letters_listed`), and that full form stands in the same
    sentence: "the PQRST question (...), here only a PQRS" is read from the list. A full form
    merely defined is not enough (a university's campus code with a letter fewer is another
    campus), nor is a letter ADDED to a defined abbreviation: UV defined says nothing of the B
    of UVB, CK nothing of the D of CKD."""
    if len(base) < 3:
        return False
    start = max((m.end() for m in _SENTENCE_END.finditer(whole, max(0, at - 300), at)), default=max(0, at - 300))
    end = _SENTENCE_END.search(whole, at)
    sentence = whole[start:end.start() if end else min(len(whole), at + 300)]
    for token in re.findall(r"(?<![\w-])[A-Z]{%d}(?![\w-])" % (len(base) + 1), sentence):
        if letters_listed(whole, token, cache) and any(token[:i] + token[i + 1:] == base for i in range(1, len(token))):
            return True
    return False
