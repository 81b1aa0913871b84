"""Abbreviations a site's glossary pages define, for every page of the site.

A site that spells out its abbreviations once, on a glossary page, has defined
them for the reader who follows its navigation (``acronym-undefined`` with
``site_definitions: true``). A glossary page is one named so by its file name
(``glossary.md``, ``abbreviations.html``, ``acronyms.md``), its front-matter
title or a heading ("Glossary", "Abbreviations", "List of abbreviations",
"Acronyms and abbreviations", "Terms and definitions"); what it defines is what
its glossary section defines (the whole page when the page itself is named so),
in any form :func:`medlint.regions.defined_abbreviations` knows. A definition on
an ordinary page defines only for that page: "CIS" spelt out in one article says
nothing about the next.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..document import Document
from ..errors import FileError
from ..files import Skipped, decode
from ..markup import format_for
from ..regions import defined_abbreviations
from .. import lazyre

if TYPE_CHECKING:
    from .index import SiteIndex

_GLOSSARY_NAME = lazyre.compile(
    r"(?:list\s+of\s+)?(?:glossary|abbreviations?|acronyms?|acronyms\s+and\s+abbreviations|abbreviations\s+and\s+acronyms"
    r"|terms\s+and\s+definitions|definitions\s+of\s+terms|glossary\s+of\s+terms)(?:\s+and\s+terms)?", re.I)
_FILE_NAME = lazyre.compile(r"(?:glossary|abbreviations?|acronyms?)(?:[-_ ]\w+)?", re.I)
#: A heading line naming a glossary, in Markdown or HTML: a cheap test before a page is parsed.
_HEADING_LINE = lazyre.compile(
    r"^[ \t]{0,3}#{1,6}[ \t]*[*_]*(?:list\s+of\s+)?(?:glossary|abbreviations?|acronyms?|terms\s+and\s+definitions)\b"
    r"|<h[1-6][^>]*>\s*(?:<[^>]+>\s*)*(?:list\s+of\s+)?(?:glossary|abbreviations?|acronyms?|terms\s+and\s+definitions)\b"
    r"|^title\s*[:=]\s*[\"']?(?:list\s+of\s+)?(?:glossary|abbreviations?|acronyms?)\b"
    r"|\"title\"\s*:\s*\"(?:list\s+of\s+)?(?:glossary|abbreviations?|acronyms?)\b",
    re.I | re.M)


def site_definitions(site: "SiteIndex") -> dict[str, Path]:
    """Each abbreviation the site's glossary pages define, with the page that defines it;
    computed once per index. Every glossary page is noted as consulted, so a cached
    result is dropped when one of them changes."""
    cached: dict[str, Path] | None = getattr(site, "_glossary", None)
    if cached is None:
        cached = {}
        pages: list[Path] = []
        for page in sorted(site.pages, key=lambda p: p.rel):
            defined = _glossary_of(page.path)
            if defined is None:
                continue
            pages.append(page.path)
            for abbr in defined:
                cached.setdefault(abbr, page.path)
        site._glossary = cached  # type: ignore[attr-defined]
        site._glossary_pages = pages  # type: ignore[attr-defined]
    site.consulted.update(getattr(site, "_glossary_pages", []))
    return cached


def _glossary_of(path: Path) -> list[str] | None:
    """What the page at *path* defines as a glossary, or None if it is no glossary page."""
    named = bool(_FILE_NAME.fullmatch(path.stem))
    try:
        text = decode(path.read_bytes(), str(path))
    except (OSError, FileError, Skipped):
        return None
    if not named and not _HEADING_LINE.search(text):
        return None
    doc = Document.from_text(text, str(path), format_for(str(path)))
    title = doc.front_matter.data.get("title") if doc.front_matter else None
    if named or (isinstance(title, str) and _GLOSSARY_NAME.fullmatch(title.strip())):
        return list(defined_abbreviations(doc))
    spans = _glossary_sections(doc)
    if not spans:
        return None
    return [abbr for abbr, at in defined_abbreviations(doc).items() if any(s <= at < e for s, e in spans)]


def _glossary_sections(doc: Document) -> list[tuple[int, int]]:
    """The spans under a heading naming a glossary, to the next heading of its level or above."""
    headings = sorted(doc.headings, key=lambda h: h.start)
    spans = []
    for i, h in enumerate(headings):
        if not _GLOSSARY_NAME.fullmatch(h.text.strip(" *_:")):
            continue
        end = next((g.start for g in headings[i + 1:] if g.level <= h.level), len(doc.text))
        spans.append((h.end, end))
    return spans
