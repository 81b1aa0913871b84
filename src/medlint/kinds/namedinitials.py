"""An author named by surname and initials under a paper's title: "Lindqvist PK." below it.

A pasted list of papers gives each paper as its title (in bold, or a heading) and under it
the author line, "Surname XY." (Vancouver style). The initials are no abbreviation; the rule
already passes them after a surname that is no English word, but many surnames are English
words too (Baker, Christian, Young). Two things tell such an author line from a sentence that
opens with a capitalised word ("Measure PTH."): the block above is a title set apart (a
heading or a line wholly in bold), and the word is never written in lower case on the page
(a surname is a name on every use; an ordinary word opening a sentence is not).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lazyre
from ..markup.model import HEADING_KINDS
from .wholeword import writes

if TYPE_CHECKING:
    from ..document import Document

#: At a block's start: a capitalised word, then the token.
_OPENING = lazyre.compile(r"[ \t*_>-]*([A-Z][a-z\u00c0-\u017f'\u2019-]{2,})[ \t]+")
#: After the initials: a full stop, then the line's end or more words.
_AFTER = lazyre.compile(r"\.(?:[ \t]*$|[ \t]+[A-Z])", re.M)
#: A block wholly in bold: a title set apart ("**A trial of zinc.**", "<b>A trial of zinc.</b>").
_BOLD_TITLE = lazyre.compile(r"(?s)[ \t]*(?:\*\*|__|<(?:b|strong)\b[^>]*>)(?:(?!\*\*|__|</?(?:b|strong)\b).)+"
                             r"(?:\*\*|__|</(?:b|strong)>)[ \t.]*")


def surname_initials(doc: "Document", start: int, end: int) -> bool:
    """True if the token at *start*..*end* of *doc* is one to three capitals after a
    capitalised word that opens its block, followed by a full stop ("Lindqvist PK. No abstract
    available."), under a block that is a title set apart, and the word is never written in
    lower case on the page (see the module docstring)."""
    prose = doc.prose
    if end - start > 3:
        return False
    block = doc.block_at(start)
    if block is None or not _AFTER.match(prose, end):
        return False
    opening = _OPENING.fullmatch(prose, block.start, start)
    if opening is None:
        return False
    before = [b for b in doc.blocks if b.end <= opening.start(1)]  # rare: only after such a line opening
    if not before:
        return False
    above = max(before, key=lambda b: (b.end, -b.start))
    if not (above.kind in HEADING_KINDS
            or _BOLD_TITLE.fullmatch(doc.text, above.start, above.end)):
        return False
    word = opening.group(1).lower()
    return not writes(doc.whole.prose, re.escape(word))
