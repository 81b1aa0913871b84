"""Abbreviations that contract one word: TB for tuberculosis, TG for triglycerides.

The rule's tests for a long form written without brackets look for one word per letter
(or one compound word that splits at the second letter, "osteo|arthritis" for OA). A few
standard medical abbreviations contract a single word at its syllables instead, and no
test of initials can see them: TB is tuberculosis, TG triglyceride. Lists of medical
abbreviations (the NLM's MedlinePlus guide to abbreviations, the abbreviation appendices of
clinical style manuals) give each with its one word; a page that writes that word has
spelt the abbreviation out for the reader, as one that writes the words of an acronym has.
Only contractions a lay reader links to their word once the page has named it are listed: the
clinician's shorthand in X (Dx, Tx, Hx) is jargon whatever else the page writes.
"""
from __future__ import annotations

import re

from .wholeword import writes

#: Each contraction and the stem of the one word it stands for (British and American spelling).
CONTRACTIONS: dict[str, str] = {
    "TB": r"tubercul(?:osis|ar|ous)",
    "TG": r"triglycerides?",
    "TGS": r"triglycerides",
    "HGB": r"ha?emoglobin",
}


def contraction_spelled_out(prose: str, abbr: str) -> bool:
    """True if *abbr* is a one-word contraction (:data:`CONTRACTIONS`) and *prose* writes
    its word, in any case."""
    stem = CONTRACTIONS.get(abbr)
    return stem is not None and writes(prose, stem, re.I)
