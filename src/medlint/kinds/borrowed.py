"""Text a page borrows that the regions do not mark: a chapter under its author's name, a
programme's talk titles, a result quoted with its confidence interval.

- A section that opens with a line holding only a person's name in bold ("**Ines Kovač**",
  often with a portrait under it) is that person's text: a book's chapter abstract, a
  speaker's summary, signed as a byline is, without the "By".
- A line that opens with a time range ("10:50-11:20 - Dr Ana Ruiz - Dosing in ...") is an
  entry of a meeting's programme: the talk's title is its speaker's wording.
- An effect measure given with its value and a 95% confidence interval ("(XR 2.31; 95% CI
  1.8-2.9)") is a result quoted from the paper that computed it, in the paper's notation.
  The token must be shaped as a measure (a ratio: HR, OR, RR, IRR, aOR...) or set to its
  value by "=" or ":"; a condition before a figure ("more common with CKD 1.4 (95% CI ...)")
  is the page's word and stays read.

The page cannot expand the abbreviations of such text without rewording its source.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Container

from .. import lazyre
from ..markup.model import HEADING_KINDS
from .wholeword import writes

if TYPE_CHECKING:
    from ..document import Document

#: A person's name alone: an optional title, given name(s) or initials, a surname, optional degrees.
_PERSON = lazyre.compile(
    r"(?:(?:Dr|Prof|Professor)\.?[ \t]+)?[A-Z][a-z\u00c0-\u017f'\u2019-]+(?:[ \t]+[A-Z]\.)*"
    r"(?:[ \t]+(?:van|von|de|der|da|di|le|la|del))?(?:[ \t]+[A-Z][a-z\u00c0-\u017f'\u2019-]+){1,2}"
    r"(?:,?[ \t]+(?:MD|PhD|MSc|MPH|RN|DO|FRCP|FRCOG|MBBS)\b\.?)*")
_NAME_WORD = lazyre.compile(r"[A-Z][a-z\u00c0-\u017f'\u2019-]+")
#: A block wholly in bold, in Markdown or HTML.
_BOLD = lazyre.compile(r"(?s)[ \t]*(?:\*\*|__|<(?:b|strong)\b[^>]*>)(?:(?!\*\*|__|</?(?:b|strong)\b).)+"
                       r"(?:\*\*|__|</(?:b|strong)>)[ \t]*")
_LINK = lazyre.compile(r"\]\(|<a\b|https?://", re.I)
_SCHEDULE = lazyre.compile(r"[ \t*_>-]*\d{1,2}[:.]\d\d[ \t]*(?:[ap]\.?m\.?)?[ \t]*[-\u2013\u2014][ \t]*\d{1,2}[:.]\d\d\b")
#: An effect measure's shape: a ratio's letters ending in R ("HR", "OR", "IRR", "SHR").
_MEASURE = lazyre.compile(r"[A-Z]{0,3}R")
_SET_TO = lazyre.compile(r"[ \t]*[=:]")
_WITH_CI = lazyre.compile(r"[ \t]*[=:]?[ \t]*[<>\u2264\u2265]?[ \t]*\d+(?:\.\d+)?[ \t]*[;,(][ \t]*95[ \t]*%[ \t]*"
                          r"(?:CI|C\.I\.|confidence)\b", 0)


def signed_sections(doc: "Document", english: Container[str]) -> list[tuple[int, int]]:
    """The spans of sections that open with a person's name alone in bold, from the name to
    the next heading. Each word of the name is no English word or one the page never writes
    in lower case (a name is capitalised on every use: "**Lotion Basics**" names no one on a
    page that speaks of lotion)."""
    spans = []
    blocks = doc.blocks
    heads = [i for i, b in enumerate(blocks) if b.kind in HEADING_KINDS]
    for n, i in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(blocks)
        first = next((blocks[j] for j in range(i + 1, stop) if doc.prose[blocks[j].start:blocks[j].end].strip()), None)
        if first is None or not _BOLD.fullmatch(doc.text, first.start, first.end) or _LINK.search(doc.text, first.start, first.end):
            continue  # a linked line names a source other rules judge (a linked title)
        name = doc.prose[first.start:first.end].strip(" \t*_")
        if not _PERSON.fullmatch(name):
            continue
        words = [w for w in _NAME_WORD.findall(name) if w not in ("Dr", "Prof", "Professor")]
        if any(w.lower() in english and _in_lower_case(doc.whole.prose, w) for w in words):
            continue  # "**Lotion Basics**" on a page about lotions: words, not a name
        spans.append((first.end, blocks[stop].start if stop < len(blocks) else len(doc.text)))
    return spans


def _in_lower_case(page: str, word: str) -> bool:
    """True if *page* writes *word* in lower case somewhere: a word, where a name never is."""
    return writes(page, re.escape(word.lower()))


def programme_line(prose: str, start: int) -> bool:
    """True if the line holding *start* opens with a time range: a programme's entry."""
    line_start = prose.rfind("\n", 0, start) + 1
    return bool(_SCHEDULE.match(prose, line_start))


def quoted_result(prose: str, start: int, end: int) -> bool:
    """True if a value and a 95% confidence interval follow the token, and the token is an
    effect measure's (a ratio's letters) or is set to the value by "=" or ":": a paper's result."""
    if not (_MEASURE.fullmatch(prose, start, end) or _SET_TO.match(prose, end)):
        return False
    return bool(_WITH_CI.match(prose, end))
