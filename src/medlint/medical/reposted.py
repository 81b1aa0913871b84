"""Is a dose in a document the page reposts, or in a list of other reports' titles?

Health sites repost whole documents without quotation marks: a clinician's
handout, an FAQ, a press release, a newspaper article.  An editor sees from
the page's framing that the doses in them are the document's, not the
page's own uncited claims. Where reproduced text starts and ends (a page-opening
byline or citation, a linked title heading, a section led by its source, a
pasted abstract, text ending in its source's references) and what counts as the
writer's own comment are decided once, in :mod:`medlint.reproduced`; this module adds
the page-level framing the dose and advice checks read besides:

* the page's title names the kind of document it carries ("... - handout
  Dr. X", "Frequently Asked Questions - 2016", "... press release", "doctor
  interview");
* a section's heading calls it a press release, or an e-mail or letter sent by someone;
* an earlier heading says what follows is a translation or a copy ("In English
  (via Google Translation), then the original from the attached PDF"): the
  sections after it are the document's, each up to its own heading.

A section whose heading names the writer's own comment is the page's again.

Stacked headings with nothing between them (three or more in a row) are a
list of titles, each the headline of another report or page, not advice.
"""
from __future__ import annotations

import re

from ..document import Document
from .. import lazyre
from ..reproduced import in_reproduced, own_comment
from .headingspans import last_at
from .substance import page_title


#: A title naming a reposted document's kind.
_DOCUMENT_TITLE = lazyre.compile(r"\b(?:handouts?|FAQs?|frequently\s+asked\s+questions|press\s+releases?|news\s+releases?|"
                                 r"transcripts?|interviews?|excerpts?|reprint(?:ed)?|reposted)\b", re.I)
#: A heading that says the text after it is a translation or a copy of someone else's document:
#: "In English (via Google Translation), then the original from the attached PDF".
_REPRODUCED_HEADING = lazyre.compile(r"\b(?:translat(?:ed|ion)|copied|reprinted|reposted|excerpts?\s+from|extracted\s+from)\b",
                                     re.I)
#: A heading naming a press release, or an e-mail or letter someone sent ("Email description to the
#: site, Sept 2013", "Letter from a reader").
_RELEASE_HEADING = lazyre.compile(r"\b(?:press|news)\s+release\b|\b(?:e-?mail|letter)\s+(?:from|to|description|sent|received)\b",
                                  re.I)
#: Headings in a row that make a list of titles.
TITLE_RUN = 3
_HEADING_KINDS = ("heading", "h1", "h2", "h3", "h4", "h5", "h6")


def _section(doc: Document, offset: int) -> tuple[int, int, str]:
    """The section holding *offset*: where its text starts (after its heading, or at the
    body's start), where it ends (the next heading) and its heading's text."""
    lo, text, hi = doc.body_start, "", len(doc.text)
    i = last_at(doc, offset)
    if i is not None:
        heading = doc.headings[i]
        lo, text = max(heading.end, heading.start), heading.text or ""
    after = 0 if i is None else i + 1
    if after < len(doc.headings):
        hi = doc.headings[after].start
    return lo, hi, text


def in_comment(doc: Document, offset: int) -> bool:
    """Whether *offset* is in a section whose heading names the writer's comment ("Comment by
    the site", "Notes", "My view"): the writer's remarks on the text the page carries."""
    return own_comment(_section(doc, offset)[2])


def reposted(doc: Document, offset: int) -> bool:
    """True when *offset* lies in a document the page reposts (see the module's docstring)."""
    heading = _section(doc, offset)[2]
    if own_comment(heading):
        return False
    if _RELEASE_HEADING.search(heading) or in_reproduced(doc, offset):
        return True
    if "reposted-from" not in doc.cache:
        doc.cache["reposted-from"] = next((h.start for h in doc.headings if _REPRODUCED_HEADING.search(h.text or "")),
                                          None)
    if doc.cache["reposted-from"] is not None and doc.cache["reposted-from"] < offset:
        return True
    if "reposted-title" not in doc.cache:
        doc.cache["reposted-title"] = bool(_DOCUMENT_TITLE.search(page_title(doc)))
    return doc.cache["reposted-title"]


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
