"""Is a dose in a document the page reposts, or in a list of other reports' titles?

Health sites repost whole documents without quotation marks: a clinician's
handout, an FAQ, a press release, a newspaper article.  An editor sees from
the page's framing that the doses in them are the document's, not the
page's own uncited claims:

* the page's title names the kind of document it carries ("... - handout
  Dr. X", "Frequently Asked Questions - 2016", "... press release", "doctor
  interview");
* a section (or the page's top, before any heading) opens with a short line
  that names and links its source ("Posted at [Site](https://...) Nov 2013",
  "Copied from [headline](https://...)", "Source: ...");
* a section's heading calls it a press release, or an e-mail or letter sent by someone;
* a short line earlier in the section introduces what follows as items from a
  document ("A handful of the useful items in the booklet");
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


#: A reproduced paper's header, as a page that pastes a paper keeps it above the text: the
#: journal's dates, an author byline ("Margaret L Okonkwo MD1,*", "Varga B, Holmgren KT,
#: Adeyemi OR.", "Tomas Brink, Helena Marsh & Pieter J van Dalen") or an affiliation
#: ("Institute of Bone Research, Northfield University, ...").
_PAPER_DATES = lazyre.compile(r"\b(?:Received|Accepted|Published(?:\s+online)?|Revised|Epub)\b:?\s+(?:\d{1,2}\s+)?"
                              r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d")
_NAME = r"[A-Z][a-z'\u2019-]+(?:\s+[A-Z]\.?)*(?:\s+(?:van|von|de|der|da|del|di|le|la)\b)*\s+[A-Z][a-z'\u2019-]+"
_DEGREE = r"(?:MD|PhD|MBBS|MSc|MS|MPH|RN|DO|RD|PharmD|BSc|FRC[A-Z]+)(?![A-Za-z])"
#: A byline line of a name and degrees only: "Margaret L Okonkwo MD1,*," (not a panel's
#: "Daniel Kerr, MD, an MS specialist in ...", which introduces someone's comment).
_DEGREES = lazyre.compile(r"^\W*" + _NAME + r"\W{0,2}\s*,?\s*" + _DEGREE + r"(?:\s*,\s*" + _DEGREE + r")*[\d,*\s\u2020\u2021\u00a7]*$")
_VANCOUVER = lazyre.compile(r"^\s*(?:[A-Z][a-z'\u2019-]+(?:\s+[a-z]+)*\s+[A-Z]{1,3},\s*)+[A-Z][a-z'\u2019-]+(?:\s+[a-z]+)*\s+[A-Z]{1,3}\.?\s*$")
_NAME_LIST = lazyre.compile(r"^\s*" + _NAME + r"(?:\s*(?:,|&|\band\b)\s*" + _NAME + r"){2,}\s*[.,]?\s*$")
_AFFILIATION = lazyre.compile(r"\b(?:University|Universit\w+|Department|Dept\.|Institute|Hospital|School\s+of|Faculty|Centre|Center|"
                              r"Laboratory|Division\s+of|Clinic)\b")
#: Longer blocks are no header line.
HEADER_CHARS = 300


def is_header_line(text: str) -> bool:
    """Whether one short block reads as a pasted paper's byline, affiliation or dates."""
    line = " ".join(text.split())
    if not line or len(line) > HEADER_CHARS:
        return False
    if _PAPER_DATES.search(line) or _DEGREES.match(line) or _VANCOUVER.match(line) or _NAME_LIST.match(line):
        return True
    # an affiliation opens with the institution ("Institute of Bone Research, Northfield University, ..."),
    # not with a person introduced by it ("Daniel Kerr, MD, an MS specialist at the Lakeside Clinic")
    return bool(_AFFILIATION.match(line, len(line) - len(line.lstrip("0123456789*\u2020\u2021 ")))) and (
        len(set(_AFFILIATION.findall(line))) >= 2 and line.count(",") >= 2)


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


#: A byline naming a person: "By Lena Marwick, Wellness Monthly", "#### By Dr. Konrad von
#: Ebersfeld", "Posted on March 12, 2015 by Harold T. Pennington" ("By contrast," "By the way" name no one).
_BYLINE = lazyre.compile(r"^\W{0,3}(?:(?i:(?:posted|written|published)(?:\s+on\s+[^\n]{1,40}?)?\s+by)|By|BY|(?i:author)\s*:)\s+"
                         r"(?:(?:Dr|Prof|Professor)\.?\s+)?[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|van|von|de|der|da|del|di|le|la)){1,4}"
                         r"(?=[\s,.;:()]|$)")
#: A journal's citation line: "Environ Health Perspect. 2008 April; 116(4): A160-A167."
_JOURNAL_LINE = lazyre.compile(r"\b(?:19|20)\d\d\b[^;\n]{0,25};\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*:\s*[A-Za-z]?\d+")
#: A line that says the text under it is someone else's: "The following is a Critically Appraised
#: Topic for ...", "The following was copied from ...".
_FOLLOWING_IS = lazyre.compile(r"^\W*the\s+following\s+(?:\w+\s+){0,2}?(?:is|was|are|were)\s+(?:a|an|the|from|copied|taken|"
                               r"written|excerpted|reprinted|reproduced|translated|quoted|part|an?\s+excerpt)\b", re.I)
#: A heading that ends a reproduced paper: its reference list (the sections after it are the page's).
_REFERENCES = lazyre.compile(r"^\W*(?:references|bibliography|literature\s+cited|sources)\W*$", re.I)
#: How many blocks at the top of a page may come before the line that shows it is reproduced.
OPENING_BLOCKS = 8
_DOI_LINE = lazyre.compile(r"\b10\.\d{4,9}/\S|\b(?:PMID|PMCID)\s*:?\s*\d|\bPMC\d{4,}")


def opens_reproduced(text: str, heading: bool = False) -> bool:
    """Whether one short block says the text under it is someone else's: a person's byline,
    a journal's citation or DOI line, a pasted paper's header line, "The following is a ...".
    A *heading* opens it only as a byline ("#### By Dr. X"): a heading with a DOI or a link
    is the source of its own section (``citations.heading_cites``)."""
    line = " ".join(_plain(text).split())
    if not line or len(line) > HEADER_CHARS:
        return False
    if heading:
        return bool(_BYLINE.match(line))
    return bool(_BYLINE.match(line) or _JOURNAL_LINE.search(line) or _FOLLOWING_IS.match(line)
                or _DOI_LINE.search(text) or is_header_line(line))


def _reproduced_span(doc: Document) -> tuple[int, int] | None:
    """Where a page that opens with a reproduced text (a bylined article or guest post, a
    pasted paper under its citation line, "The following is a ...") has that text: from its
    opening line to the first heading over the writer's own comment, or to the first heading
    after the text's reference list. None when the page opens with its own words (a long
    paragraph, a sentence or a list before any such line). Found once per page."""
    if "reproduced-span" in doc.cache:
        return doc.cache["reproduced-span"]
    span = None
    seen = 0
    for block in doc.blocks:
        if block.end <= doc.body_start:
            continue
        text = doc.prose[block.start:block.end]
        if not text.strip():
            continue
        heading = block.kind in _HEADING_KINDS
        if heading and _OWN_COMMENT.search(text):
            break
        if opens_reproduced(text, heading):
            span = (block.start, _reproduced_end(doc, block.start))
            break
        seen += 1
        line = " ".join(_plain(text).split())
        if seen >= OPENING_BLOCKS or (not heading and (
                len(line) > HEADER_CHARS or block.kind in ("list-item", "li") or line.endswith((".", "!", "?")))):
            break  # the page's own words come first: a sentence, a long paragraph or a list
    doc.cache["reproduced-span"] = span
    return span


def _reproduced_end(doc: Document, start: int) -> int:
    """Where the reproduced text opened at *start* ends: an own-comment heading, or the
    first heading after its reference list."""
    after_references = False
    for heading in doc.headings:
        if heading.start <= start:
            continue
        text = heading.text or ""
        if _OWN_COMMENT.search(text) or after_references:
            return heading.start
        after_references = bool(_REFERENCES.match(text))
    return len(doc.text)


def in_comment(doc: Document, offset: int) -> bool:
    """Whether *offset* is in a section whose heading names the writer's comment ("Comment by
    the site", "Notes", "My view"): the writer's remarks on the text the page carries."""
    return bool(_OWN_COMMENT.search(_section(doc, offset)[2]))


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
    span = _reproduced_span(doc)
    if span is not None and span[0] <= offset < span[1]:
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
