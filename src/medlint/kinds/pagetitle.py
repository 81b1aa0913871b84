"""A long form in the page's title: "Magnesium and the Central Nervous System" for CNS.

A site generator shows the front matter's ``title`` as the page's headline, above its text:
the first words a reader meets. A long form there in Title Case has been spelt out for the
reader as much as one in an ``<h1>`` of the body (which the rule's Title Case test already
reads); the title just is not part of the body's text.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import lazyre
from .longforms import SMALL_WORDS, initials_spell

if TYPE_CHECKING:
    from ..document import Document

_WORD = lazyre.compile(r"[A-Za-z][\w'\u2019]*(?:-[A-Za-z0-9][\w'\u2019]*)*")
#: Words beyond the abbreviation's letters a long form may hold (its small words).
_SLACK = 3


def title_spells(doc: "Document", abbr: str) -> bool:
    """True if the page's front-matter title holds words in Title Case whose initials spell
    *abbr* (three letters or more): each word that gives a letter opens with a capital,
    small words ("and", "of the") may stand between."""
    data = doc.front_matter.data if doc.front_matter else None
    title = data.get("title") if isinstance(data, dict) else None
    if not isinstance(title, str) or len(abbr) < 3 or not abbr.isalpha():
        return False
    words = _WORD.findall(title)
    for i, first in enumerate(words):
        if first[0] != abbr[0]:
            continue
        for k in range(len(abbr), min(len(words) - i, len(abbr) + _SLACK) + 1):
            chosen = tuple(words[i:i + k])
            if all(w[0].isupper() or w.lower() in SMALL_WORDS for w in chosen) and initials_spell(chosen, abbr):
                return True
    return False
