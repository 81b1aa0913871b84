"""Lines and sections whose unknown words are names or another language, not slips:
a pasted paper's list of authors and its numbered affiliations, and a section the page
says a machine translated.

A paper pasted into a page keeps its header: the authors, each with an affiliation mark
("Ana Ruiz1,2", "Tomas Brink*"), then one numbered line per affiliation ("2 Servicio de
Nefrología, Hospital del Mar, Barcelona, Spain"). Their unknown words are given names,
particles of names and institutions in their own language, which an editor leaves as
they are. A section headed "translated by Google" (or a line saying so above it) holds
the words the translator left in the original language. Both are judged on one page at a
time, from the lines around the word and the page's headings.
"""
from __future__ import annotations

import re
from typing import Any

from .. import lazyre
from ..markup.model import HEADING_KINDS
from ..document import Document

#: A numbered affiliation line: an index (or a mark) and then a capital ("2 Service de ...",
#: "* Institute of ...").
_AFFILIATION_INDEX = lazyre.compile(r"[ \t]*(?:\d{1,2}|[*\u2020\u2021\u00a7]{1,3})[ \t.)]*(?=[A-Z\u00c0-\u00de])")
#: Words that name an institution, in English and the languages affiliations are written in.
_INSTITUTION = lazyre.compile(
    r"\b(?:Universit\w*|Univ\.|H[o\u00f4]spita\w*|Hospices?|Institut\w*|Department|D[e\u00e9]partement|Departamento|"
    r"Dipartimento|Abteilung|Klinik\w*|Clinic\w*|Clinique|Cl\u00ednica|Service|Servicio|Servizio|Centre|Center|"
    r"Centro|Zentrum|Faculty|Facult\w*|Fakult\w*|Laborator\w*|Laboratoire|School|College|Division|Unit|Unit\u00e9|"
    r"Unidad|INSERM|CNRS|Ministry|Foundation|Fondation|Fundaci\w+)\b")
#: An affiliation line names its place after commas: institution, city, country.
_AFFILIATION_COMMAS = 2
#: Longer lines are prose, not an affiliation or a list of authors.
_LINE_CHARS = 300
#: How many lines either side are searched for a second numbered affiliation.
_NEIGHBOUR_LINES = 6
#: A name with an affiliation mark glued to it: "Luong*", "Ruiz1,2", "Brink\u2020".
_MARKED_NAME = lazyre.compile(r"[A-Z\u00c0-\u00de][\w'\u2019-]*(?:\d{1,2}(?:,\d{1,2})*|[*\u2020\u2021\u00a7]+)(?=[\s,;]|$)")
#: One author of a list: two to five words, the first and the last capitalised, marks after.
_AUTHOR = lazyre.compile(r"[A-Z\u00c0-\u00de][\w'\u2019.-]*(?:[ \t]+[\w'\u2019.-]+){0,3}[ \t]+[A-Z\u00c0-\u00de][\w'\u2019.-]*"
                     r"[ \t]*(?:\d{1,2}(?:,\d{1,2})*|[*\u2020\u2021\u00a7]+)?[ \t]*")
_AUTHOR_SEPARATOR = lazyre.compile(r"[ \t]*(?:,|;|&|\band\b)[ \t]*")
#: A heading or a short line that says the text under it was translated by a machine:
#: "translated by Google", "Google Translation of the abstract", "(via Google Translate)".
_MACHINE_TRANSLATED = lazyre.compile(
    r"\b(?:google|bing|deepl|machine|automatic(?:ally)?)[ \t-]*translat\w*"
    r"|\btranslat\w*[ \t]+(?:\w+[ \t]+)?(?:by|with|via|using|through)[ \t]+(?:google|bing|deepl|(?:a[ \t]+)?machine)\b",
    re.I)
#: What every match of :data:`_MACHINE_TRANSLATED` holds, with the same flags: a page without it
#: (nearly all) is not searched with the whole pattern, which has no literal to skip ahead by.
_TRANSLAT = lazyre.compile(r"translat", re.I)
#: A line that says so without being a heading is short: a label, not a sentence about translation.
_TRANSLATION_LABEL_CHARS = 80


def _block_texts(doc: Document, offset: int) -> tuple[str, list[str], list[str]] | None:
    """The text of the block holding *offset*, and of up to :data:`_NEIGHBOUR_LINES` non-empty
    blocks before and after it (from the page with nothing skipped: a rule may skip bylines),
    or None outside a block. Blocks, not lines, so that HTML paragraphs count like Markdown's.
    Remembered per block of the page: every unknown word of a block asks the same."""
    whole = doc.whole
    block = whole.block_at(offset)
    index = whole.block_index(block) if block is not None else None
    if block is None or index is None:
        return None
    found: dict[int, tuple[str, list[str], list[str]]] = whole.cache.setdefault("spell:block-texts", {})
    texts = found.get(index)
    if texts is None:
        count = len(whole.blocks)
        before = [t for t in (_block_text(whole, i) for i in range(max(0, index - 3 * _NEIGHBOUR_LINES), index))
                  if t][-_NEIGHBOUR_LINES:]
        after = [t for t in (_block_text(whole, i) for i in range(index + 1, min(count, index + 1 + 3 * _NEIGHBOUR_LINES)))
                 if t][:_NEIGHBOUR_LINES]
        texts = found[index] = (_block_text(whole, index), before, after)
    return texts


def _block_text(whole: Document, index: int) -> str:
    """The prose of the page's block *index*, its white space collapsed (remembered: a block
    is the neighbour of a dozen others)."""
    found: dict[int, str] = whole.cache.setdefault("spell:block-text", {})
    text = found.get(index)
    if text is None:
        block = whole.blocks[index]
        text = found[index] = " ".join(whole.prose[block.start:block.end].split())
    return text


def _affiliation(line: str) -> bool:
    """Whether *line* reads as a numbered affiliation: an index, an institution, two commas."""
    if not line.strip() or len(line) > _LINE_CHARS:
        return False
    index = _AFFILIATION_INDEX.match(line)
    return (index is not None and line.count(",") >= _AFFILIATION_COMMAS
            and _INSTITUTION.search(line, index.end()) is not None)


def affiliation_line(doc: Document, offset: int) -> bool:
    """The word stands in a numbered affiliation line that another numbered affiliation line
    stands near: a pasted paper's list of affiliations, not one sentence opening with a number."""
    texts = _block_texts(doc, offset)
    if texts is None or not _affiliation(texts[0]):
        return False
    return any(_affiliation(line) for line in texts[1] + texts[2])


def author_line(doc: Document, offset: int) -> bool:
    """The word stands in a list of two or more authors (each two to five words, the first and
    the last capitalised) that a mark ties to affiliations: a name with a mark glued to it, or a
    numbered affiliation line among the lines after it."""
    texts = _block_texts(doc, offset)
    if texts is None:
        return False
    line = texts[0].strip(" \t#*_")
    if not line or len(line) > _LINE_CHARS:
        return False
    parts = [p for p in _AUTHOR_SEPARATOR.split(line.rstrip(" .")) if p]
    if len(parts) < 2 or not all(_AUTHOR.fullmatch(p) for p in parts):
        return False
    return _MARKED_NAME.search(line) is not None or any(_affiliation(l) for l in texts[2])


def _translated_spans(doc: Document) -> list[tuple[int, int]]:
    """The sections a heading says were machine-translated (to the next heading of its level
    or higher), and the text after a short line saying so (to the next heading)."""
    cached = doc.cache.get("spell:translated")
    if cached is not None:
        return cached
    spans: list[tuple[int, int]] = []
    headings = sorted(doc.headings, key=lambda h: h.start)
    if _TRANSLAT.search(doc.prose) and _MACHINE_TRANSLATED.search(doc.prose):
        for i, heading in enumerate(headings):
            if _MACHINE_TRANSLATED.search(heading.text or ""):
                end = next((h.start for h in headings[i + 1:] if h.level <= heading.level), len(doc.text))
                spans.append((heading.end, end))
        for block in doc.blocks:
            if block.kind in HEADING_KINDS:
                continue
            text = doc.prose[block.start:block.end].strip()
            if len(text) <= _TRANSLATION_LABEL_CHARS and _MACHINE_TRANSLATED.search(text):
                end = next((h.start for h in headings if h.start >= block.end), len(doc.text))
                spans.append((block.end, end))
    spans.sort()
    doc.cache["spell:translated"] = spans
    return spans


def machine_translated(doc: Document, offset: int) -> bool:
    """The word stands in a section the page says a machine translated: its unknown words
    are the ones the translator left in the original language."""
    return any(start <= offset < end for start, end in _translated_spans(doc))  # a page has one or two
