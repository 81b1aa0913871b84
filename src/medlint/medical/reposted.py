"""Is a dose in a document the page reposts, or in a list of other reports' titles?

Health sites repost whole documents without quotation marks: a clinician's
handout, an FAQ, a press release, a newspaper article.  An editor sees from
the page's framing that the doses in them are the document's, not the
page's own uncited claims:

* the page's title names the kind of document it carries ("... - handout
  Dr. X", "Frequently Asked Questions - 2011", "... press release", "doctor
  interview");
* a section (or the page's top, before any heading) opens with a short line
  that names and links its source ("Posted at [Site](https://...) Nov 2013",
  "Copied from [headline](https://...)", "Source: ...");
* a section's heading calls it a press release, or an e-mail or letter sent by someone;
* a short line earlier in the section introduces what follows as items from a
  document ("A few of the many interesting items in the ebook");
* an earlier heading says what follows is a translation or a copy ("In English
  (via Google Translation), then the original from the attached PDF"): the
  sections after it are the document's, each up to its own heading.

A section whose heading names the writer's own comment ("Notes",
"Comments", "See also", "My view") is the page's again.

Stacked headings with nothing between them (three or more in a row) are a
list of titles, each the headline of another report or page, not advice.
"""
from __future__ import annotations

import re

from ..document import Document
from .. import lazyre
from .substance import page_title

#: A title naming a reposted document's kind.
_DOCUMENT_TITLE = lazyre.compile(r"\b(?:handouts?|FAQs?|frequently\s+asked\s+questions|press\s+releases?|news\s+releases?|"
                                 r"transcripts?|interviews?|excerpts?|reprint(?:ed)?|reposted)\b", re.I)
#: A short line naming where the text under it comes from.
_SOURCE_LEAD = lazyre.compile(
    r"^\W{0,3}(?:(?:copied|clipped|reprinted|reposted|republished|excerpted|adapted|taken)\s+(?:\w+\s+){0,3}?from"
    r"|(?:originally\s+)?(?:posted|published|appeared)\s+(?:at|in|on|by)|source\s*:|from\s*:|courtesy\s+of"
    r"|press\s+release|news\s+release)(?!\w)", re.I)
#: A heading that says the text after it is a translation or a copy of someone else's document:
#: "In English (via Google Translation), then the original from the attached PDF".
_REPRODUCED_HEADING = lazyre.compile(r"\b(?:translat(?:ed|ion)|copied|reprinted|reposted|excerpts?\s+from|extracted\s+from)\b",
                                     re.I)
#: A short line that introduces items taken from a named kind of document: "A few of the many
#: interesting items in the ebook", "Highlights from the report:".
_ITEMS_FROM = lazyre.compile(r"\b(?:items|excerpts|quotes|quotations|highlights|points|passages|extracts)\s+(?:in|from|of)\s+"
                             r"(?:the|this|that|his|her|their)\s+(?:e-?book|book|paper|article|report|PDF|guidelines?|handout|"
                             r"booklet|leaflet|press\s+release)\b", re.I)
#: A heading naming a press release, or an e-mail or letter someone sent ("Email description to the
#: site, Sept 2013", "Letter from a reader").
_RELEASE_HEADING = lazyre.compile(r"\b(?:press|news)\s+release\b|\b(?:e-?mail|letter)\s+(?:from|to|description|sent|received)\b",
                                  re.I)
#: A heading over the writer's own comment.
_OWN_COMMENT = lazyre.compile(r"\b(?:notes?|comments?|commentary|see\s+also|editor'?s?\s+notes?|"
                              r"(?:my|our)\s+(?:view|take|comments?|notes?|thoughts?))\b", re.I)
#: Longer first blocks are the document's text, not a line naming its source.
LEAD_CHARS = 240
#: Headings in a row that make a list of titles.
TITLE_RUN = 3
_HEADING_KINDS = ("heading", "h1", "h2", "h3", "h4", "h5", "h6")
_TAG = lazyre.compile(r"<[^>]+>")
_TARGET = lazyre.compile(r"\]\([^)]*\)")
_MARKS = lazyre.compile(r"[\[\]*_]")
_LINKED = lazyre.compile(r"https?://|\]\(|href\s*=", re.I)


def _section(doc: Document, offset: int) -> tuple[int, int, str]:
    """The section holding *offset*: where its text starts (after its heading, or at the
    body's start), where it ends (the next heading) and its heading's text."""
    lo, text, hi = doc.body_start, "", len(doc.text)
    for heading in doc.headings:
        if heading.start <= offset:
            lo, text = max(heading.end, heading.start), heading.text or ""
        else:
            hi = heading.start
            break
    return lo, hi, text


def _first_block(doc: Document, lo: int, hi: int) -> str:
    """The prose of the first non-blank, non-heading block in ``[lo, hi)``."""
    for block in doc.blocks:
        if block.start < lo or block.kind in _HEADING_KINDS:
            continue
        if block.start >= hi:
            break
        text = doc.text[block.start:block.end]
        if _TAG.sub("", text).strip():
            return text
    return ""


def reposted(doc: Document, offset: int) -> bool:
    """True when *offset* lies in a document the page reposts (see the module's docstring)."""
    lo, hi, heading = _section(doc, offset)
    if _OWN_COMMENT.search(heading):
        return False
    if _RELEASE_HEADING.search(heading):
        return True
    key = ("reposted-lead", lo)
    if key not in doc.cache:
        lead = _first_block(doc, lo, hi)
        prose = " ".join(lead.split())
        doc.cache[key] = bool(lead) and len(prose) <= LEAD_CHARS and bool(_LINKED.search(lead)) and bool(
            _SOURCE_LEAD.search(_plain(prose)))
    if doc.cache[key]:
        return True
    if _items_from(doc, lo, hi, offset):
        return True
    if "reposted-from" not in doc.cache:
        doc.cache["reposted-from"] = next((h.start for h in doc.headings if _REPRODUCED_HEADING.search(h.text or "")),
                                          None)
    if doc.cache["reposted-from"] is not None and doc.cache["reposted-from"] < offset:
        return True
    if "reposted-title" not in doc.cache:
        doc.cache["reposted-title"] = bool(_DOCUMENT_TITLE.search(page_title(doc)))
    return doc.cache["reposted-title"]


def _items_from(doc: Document, lo: int, hi: int, offset: int) -> bool:
    """Whether a short block of the section ``[lo, hi)`` before *offset* introduces items
    from a document (the first such line of each section is found once per page)."""
    key = ("reposted-items", lo)
    if key not in doc.cache:
        doc.cache[key] = None
        for block in doc.blocks:
            if block.start < lo:
                continue
            if block.start >= hi:
                break
            prose = " ".join(doc.prose[block.start:block.end].split())
            if len(prose) <= LEAD_CHARS and _ITEMS_FROM.search(prose):
                doc.cache[key] = block.end
                break
    found = doc.cache[key]
    return found is not None and found <= offset


def _plain(text: str) -> str:
    """Text without Markdown link targets, emphasis and tags, for reading a lead line's words."""
    text = _TAG.sub(" ", text)
    text = _TARGET.sub(" ", text)
    return _MARKS.sub(" ", text).strip()


def in_title_list(doc: Document, offset: int) -> bool:
    """True when *offset* is in a heading stacked with others, nothing between them
    (:data:`TITLE_RUN` or more in a row): a list of reports' titles, not the page's advice."""
    block = doc.block_at(offset)
    if block is None or block.kind not in _HEADING_KINDS:
        return False
    i = doc.block_index(block)
    if i is None:
        return False
    blocks = doc.blocks
    first = last = i
    while first > 0 and blocks[first - 1].kind in _HEADING_KINDS:
        first -= 1
    while last + 1 < len(blocks) and blocks[last + 1].kind in _HEADING_KINDS:
        last += 1
    return last - first + 1 >= TITLE_RUN
