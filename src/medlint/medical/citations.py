"""Is there a citation near this claim?

A citation is a DOI, a PMID or PMCID, a link (Markdown, HTML or a bare URL),
a footnote reference (``[^1]``), a numbered reference (``[1]``, ``[1-3]``,
``<sup>1</sup>``, ``et al. (28)``, ``(28)``, ``(9, 10)``, a number typed after the full stop: ``shown.7``
or flattened onto the word or its parenthesis: ``reported23,25``, ``(20 IU/kg)8,9``), an author-year citation (``(Smith et al., 2019)``,
``Smith and Jones (2019)``) or a named body with the year of its report (``the Institute of
Medicine (2011)``, ``IOM 2011``).  A bare year ("a trial published in 2016") is
not: it names no source a reader could find.
"""
from __future__ import annotations

import bisect
import re
from typing import Any, Callable

from ..document import Document
from .. import lazyre
from .headingspans import in_heading, last_at

KINDS = ("doi", "pmid", "link", "footnote", "numbered", "author-year", "authority")

_DOI = lazyre.compile(r"\b10\.\d{4,9}/\S")
_PMID = lazyre.compile(r"\b(?:PMID|PMCID)\s*:?\s*(?:PMC)?\d|\bPMC\d{4,}")
_NUMBERED = lazyre.compile(r"\[\s*\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\s*\](?![(:])|<sup[^>]*>\s*\[?\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\]?\s*</sup>|[\u00b9\u00b2\u00b3\u2070-\u2079]+"
    # "Chung et al. (28)", and a reference number typed after the full stop: "... shown.7 The"
    r"|\bet\s+al\.?,?\s*\(\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\)"
    r"|(?<=[A-Za-z)\]])\.\d{1,3}(?:[-\u2013,]\d{1,3})*(?=\s+[A-Z(]|\s*$)"
    # "(28)", "(9, 10)", "(49)-(51)" after a word or punctuation, not an enumeration "(2) take"
    r"|(?<=[\w.,;)\]])\s?\(\d{1,3}(?:\s*[-\u2013]\s*\d{1,3})?\)(?:\s*[-\u2013]\s*\(\d{1,3}\))?(?!\s*[a-z(])"
    r"|\(\d{1,3}(?:\s*,\s*\d{1,3})+\)(?:\s*[-\u2013]\s*\(\d{1,3}\))?"
    # superscripts flattened onto the word when a page was copied: "were reported23,25,29."
    r"|(?<=[a-z]{3})\d{1,3}(?:[,\u2013-]\d{1,3})*(?=[.,;:]?(?:\s|$))"
    # ... or onto a closing parenthesis: "15 mg/kg (600,000 IU/kg)4,5." (two or more numbers, the
    # later ones of one or two digits, so a dose typed after a parenthesis, "(daily)2,000 IU", is not one)
    r"|(?<=[a-z]\))\d{1,3}(?:[,\u2013-]\d{1,2})+(?=[.,;:]?(?:\s|$))"
    # ... or spaced out, with a space before the punctuation no typed number has: "respectively 5 , 6 ."
    r"|(?<=[a-z)]) \d{1,3}(?: ?[,\u2013-] ?\d{1,3})* ?(?=:\s*$)|(?<=[a-z)]) \d{1,3}(?: ?[,\u2013-] ?\d{1,3})* (?=[.,;:])", re.M)
_SURNAME = r"[A-Z][A-Za-z\u00c0-\u017f'\u2019-]+"
_AUTHOR_YEAR = lazyre.compile(
    r"\(\s*(?:e\.g\.,?\s+|see\s+)?" + _SURNAME + r"(?:\s+(?:et\s+al\.?|and|&)(?:\s+" + _SURNAME + r")?)?,?\s+(?:19|20)\d\d[a-z]?"
    r"(?:\s*[;,]\s*" + _SURNAME + r"[^()]{0,40}?(?:19|20)\d\d[a-z]?)*\s*\)"
    r"|" + _SURNAME + r"(?:\s+et\s+al\.?|\s+(?:and|&)\s+" + _SURNAME + r")?\s+\(\s*(?:19|20)\d\d[a-z]?\s*\)"
)
#: A named body with the year of its report: "the Institute of Medicine (2011) recommends",
#: "IOM 2011", "the Endocrine Society's 2011 guideline", "WHO, 2020".
_BODY = (r"(?:(?:[A-Z][\w'&-]*\s+){0,5}?(?:Institute|Society|Association|Academy|Agency|Organi[sz]ation|Council|"
         r"Committee|Foundation|College|Board|Authority|Ministry|Department|Panel|Commission|Administration|"
         r"Federation|Centers?)(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,3})?"
         r"|IOM|NAM|WHO|EFSA|NIH|FDA|NHS|NICE|USDA|AAP|ACOG|SACN|CDC|EMA|ESPGHAN|Health\s+Canada)")
_AUTHORITY = lazyre.compile(r"\b" + _BODY + r"(?:'s)?(?:\s*\(\w+\))?\s*(?:\(\s*|,\s*|\s)(?:in\s+)?(?:19|20)\d\d\b")
_SENTENCE_END = lazyre.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]*[A-Z0-9])")


def window(doc: Document, start: int, end: int, scope: str = "paragraph") -> tuple[int, int]:
    """The span a citation must fall in: the claim's block, or its sentence."""
    block = doc.block_at(start)
    lo, hi = (block.start, max(block.end, end)) if block else (doc.body_start, len(doc.text))
    if scope == "sentence":
        cuts = _sentence_cuts(doc, lo, hi)
        i = bisect.bisect_right(cuts, start)
        lo = cuts[i - 1] if i > 0 else lo
        nxt = bisect.bisect_left(cuts, end)
        hi = cuts[nxt] if nxt < len(cuts) else hi
    return lo, hi


def _sentence_cuts(doc: Document, lo: int, hi: int) -> list[int]:
    """Where sentences end in ``prose[lo:hi]``: found once per block (a block with
    thousands of claims is scanned once, not once per claim)."""
    key = f"sentence-cuts:{lo}:{hi}"
    if key not in doc.cache:
        doc.cache[key] = [m.end() for m in _SENTENCE_END.finditer(doc.prose, lo, hi)]
    return doc.cache[key]


def _spans_meet(doc: Document, name: str, spans: Callable[[], list[tuple[int, int]]], lo: int, hi: int) -> bool:
    """Whether a span (start-sorted on demand) overlaps ``[lo, hi)``, by bisection on
    the starts and a running maximum of the ends: no scan of every link per claim (*spans*
    is called once per document, not per claim)."""
    key = f"span-index:{name}"
    if key not in doc.cache:
        ordered = sorted(spans())
        reach, ends = -1, []
        for _, span_end in ordered:
            reach = max(reach, span_end)
            ends.append(reach)
        doc.cache[key] = ([s for s, _ in ordered], ends)
    starts, ends = doc.cache[key]
    i = bisect.bisect_left(starts, hi) - 1
    return i >= 0 and ends[i] > lo


def cited(doc: Document, lo: int, hi: int, kinds: tuple[str, ...] | list[str] = KINDS) -> bool:
    """True if a citation of one of *kinds* stands in ``doc.text[lo:hi]``.  Answers are
    kept per window, so the claims of one paragraph share one scan of it."""
    key = f"cited:{lo}:{hi}:{','.join(kinds)}"
    if key not in doc.cache:
        doc.cache[key] = _cited(doc, lo, hi, kinds)
    return doc.cache[key]


def _cited(doc: Document, lo: int, hi: int, kinds: tuple[str, ...] | list[str]) -> bool:
    text = doc.text
    if "link" in kinds and _spans_meet(doc, "links", lambda: [(link.start, link.end) for link in doc.links
                                                              if link.kind != "definition"], lo, hi):
        return True
    if "footnote" in kinds and _spans_meet(doc, "footnotes", lambda: list(doc.footnote_refs), lo, hi):
        return True
    checks = {"doi": _DOI, "pmid": _PMID, "numbered": _NUMBERED, "author-year": _AUTHOR_YEAR, "authority": _AUTHORITY}
    return any(kind in kinds and checks[kind].search(text, lo, hi) for kind in checks)


#: A block this short after a claim is its source line ("PMID 123", "Smith et al. 2019. doi:...").
SOURCE_LINE_CHARS = 300
#: How many blocks of a heading's section may hold the source of the heading's claim.
SECTION_BLOCKS = 3


_LIST_ITEMS = ("list-item", "li")


def lead_in(doc: Document, start: int) -> tuple[int, int] | None:
    """The span of the paragraph that introduces the list holding *start* ("The AAP's
    recommendations are as follows [8]:"), or None when *start* is not in a list item or
    the list has no such paragraph (one ending with a colon) right before it."""
    block = doc.block_at(start)
    if block is None or block.kind not in _LIST_ITEMS:
        return None
    blocks = doc.blocks
    i = next((k for k, b in enumerate(blocks) if (b.start, b.end) == (block.start, block.end)), None)
    while i is not None and i > 0 and blocks[i].kind in _LIST_ITEMS:
        i -= 1
    if i is None or blocks[i].kind in _LIST_ITEMS or in_heading(doc, blocks[i].start):
        return None
    lead = blocks[i]
    return (lead.start, lead.end) if doc.prose[lead.start:lead.end].rstrip().endswith(":") else None


_SOURCES_LABEL = lazyre.compile(r"\s*(?:\W{0,3})(?:sources?|references?|bibliography|citations?|further\s+reading|literature|"
                                r"read\s+more)\s*(?:\W{0,3}):?\s*$", re.I)


def sources_below(doc: Document, start: int, kinds: tuple[str, ...] | list[str] = KINDS) -> bool:
    """True if the claim's section (under its heading, up to the next heading of the same or a
    higher level) ends with a list of sources: a "Sources:" or "References" label, then a citation."""
    headings = sorted(doc.headings, key=lambda h: h.start)
    above = [h for h in headings if h.start <= start]
    level = above[-1].level if above else 0
    end = next((h.start for h in headings if h.start > start and (not above or h.level <= level)),
               len(doc.text))
    # Per section (cached: a long table of doses asks once per dose): each "Sources" label's
    # block start, and whether a block after it in the section cites. The claim's answer is
    # that of the first label after it.
    key = f"sources-below:{end}:{','.join(kinds)}"
    if key not in doc.cache:
        labels: list[tuple[int, bool]] = []
        blocks = [b for b in doc.blocks if b.start < end]
        for n, block in enumerate(blocks):
            if _SOURCES_LABEL.match(doc.prose[block.start:block.end]):
                labels.append((block.start, n))
        cited_from: list[bool] = [False] * (len(blocks) + 1)  # whether any block from n on cites
        if labels:
            for n in range(len(blocks) - 1, labels[0][1], -1):
                cited_from[n] = cited_from[n + 1] or cited(doc, blocks[n].start, blocks[n].end, kinds)
        doc.cache[key] = [(label_start, cited_from[n + 1]) for label_start, n in labels]
    return next((ok for label_start, ok in doc.cache[key] if label_start > start), False)


#: A paragraph this short, of one sentence, may be a sentence a copied PDF split off its paragraph.
SPLIT_SENTENCE_CHARS = 250
_PARAGRAPHS = ("paragraph", "p")


def _split_sentence_cited(doc: Document, blocks: list[Any], i: int, kinds: tuple[str, ...] | list[str]) -> bool:
    """Whether the one-sentence paragraph ``blocks[i]`` runs on into a next paragraph that ends
    with its numbered references, as text copied from a PDF splits a cited paragraph into
    one paragraph per sentence ("... in summer." then "... in Romania (29,33,34)."): the
    references close the whole run."""
    if "numbered" not in kinds or i + 1 >= len(blocks) or blocks[i].kind not in _PARAGRAPHS:
        return False
    # asked once per claim or dose: a long paragraph of them would re-read itself each time
    cache = doc.cache.setdefault("citations:split-sentence", {})
    key = (blocks[i].start, blocks[i].end, blocks[i + 1].start, blocks[i + 1].end)
    if key not in cache:
        cache[key] = _split_sentence_of(doc, blocks[i], blocks[i + 1])
    return cache[key]


def _split_sentence_of(doc: Document, here: Any, nxt: Any) -> bool:
    """:func:`_split_sentence_cited` for one pair of paragraphs."""
    text = " ".join(doc.prose[here.start:here.end].split())
    if len(text) > SPLIT_SENTENCE_CHARS or _SENTENCE_END.search(text.rstrip()) or nxt.kind not in _PARAGRAPHS:
        return False
    tail = doc.text[nxt.start:nxt.end].rstrip()
    return bool(_NUMBERED.search(tail, max(0, len(tail) - 40))) if tail else False


def cited_nearby(doc: Document, start: int, kinds: tuple[str, ...] | list[str] = KINDS) -> bool:
    """True if the source of the claim at *start* sits just after its block, as real pages put it:
    a heading whose section opens with the cited paper, a list item whose list's lead-in
    paragraph is cited, a section that ends with its list of sources, or a paragraph followed by a short
    source line that names the paper (a pasted abstract with its PMID or DOI on the next line;
    a plain link after the paragraph may be about anything, so it does not count)."""
    block = doc.block_at(start)
    if block is None:
        return False
    lead = lead_in(doc, start)
    if lead is not None and cited(doc, lead[0], lead[1], kinds):
        return True  # a list's items share the source of the paragraph that introduces them
    if heading_cites(doc, start, kinds):
        return True
    if sources_below(doc, start, kinds):
        return True
    blocks = doc.blocks
    i = doc.block_index(block)
    if i is None:
        return False
    heading = in_heading(doc, start, widen=True)
    if not heading and _split_sentence_cited(doc, blocks, i, kinds):
        return True
    following = blocks[i + 1:i + 1 + (SECTION_BLOCKS if heading else SOURCE_LINE_BLOCKS)]
    for nxt in following:
        if in_heading(doc, nxt.start):
            break  # the next section: not this claim's source
        if not heading and len(doc.prose_of(nxt.start, nxt.end).strip()) > SOURCE_LINE_CHARS:
            break
        wanted = kinds if heading else tuple(k for k in kinds if k in ("doi", "pmid"))
        if wanted and cited(doc, nxt.start, nxt.end, wanted):
            return True
        if not heading and "link" in kinds and literature_link(doc, nxt.start, nxt.end):
            return True
    return False


#: How many short blocks after a claim's paragraph may hold its source line (a result, then
#: a note on the table, then the link to the paper or the protocol it comes from).
SOURCE_LINE_BLOCKS = 2
#: Where a link goes to a paper rather than to anything at all: a DOI resolver, PubMed or PMC,
#: or a document (a PDF) such as the protocol or report the claim restates.
_LITERATURE_TARGET = lazyre.compile(
    r"^(?:https?:)?//(?:[\w-]+\.)*(?:doi\.org|ncbi\.nlm\.nih\.gov|pubmed\.gov|europepmc\.org)(?:[/:?#]|$)"
    r"|\.pdf(?:[?#].*)?$", re.I)


def literature_link(doc: Document, lo: int, hi: int) -> bool:
    """Whether ``doc.text[lo:hi]`` links to a paper: PubMed, PMC, a DOI resolver or a PDF.
    A short line of such a link right after a claim ("**[JAMA](pubmed link)**" under a
    trial's result, the protocol PDF under its dose table) is the claim's source line; a plain
    link to any web page is not, as it may be about anything."""
    return any(lo <= link.start < hi and link.kind != "definition" and not link.image
               and _LITERATURE_TARGET.search(link.target.strip()) for link in doc.links)


def source_line_follows(doc: Document, start: int) -> bool:
    """True when the block holding *start* is followed by a short line with a DOI or a PMID:
    a pasted abstract and its source line ("PMID: 23124916"), the paper's own text."""
    block = doc.block_at(start)
    i = doc.block_index(block) if block is not None else None
    if i is None or i + 1 >= len(doc.blocks):
        return False
    nxt = doc.blocks[i + 1]
    if in_heading(doc, nxt.start):
        return False
    if len(doc.prose_of(nxt.start, nxt.end).strip()) > SOURCE_LINE_CHARS:
        return False
    return cited(doc, nxt.start, nxt.end, ("doi", "pmid"))


def heading_cites(doc: Document, start: int, kinds: tuple[str, ...] | list[str] = KINDS) -> bool:
    """True if the heading of the section holding *start* (not a heading itself) carries a
    source: "## [Vitamin D and falls](https://journal.example/...)" or a title with its DOI
    heads the text it names, and every claim under it is that source's."""
    at = last_at(doc, start)
    above = doc.headings[at] if at is not None else None
    if above is None or above.start <= start < max(above.end, above.start + 1):
        return False
    if cited(doc, above.start, above.end, tuple(k for k in kinds if k in ("link", "doi", "pmid"))):
        return True
    return "link" in kinds and _ancestor_links_out(doc, above)


_EXTERNAL = lazyre.compile(r"^(?:https?:)?//", re.I)


def _ancestor_links_out(doc: Document, heading: Any) -> bool:
    """Whether a higher heading above *heading* (its section's parents) links to another site:
    "# [Sunshine: Dangerous or Healthy?](http://example.org/sunshine.htm) 2009" heads a reposted
    article, and its subsections are that article's text.  A link to the site's own pages
    (a tag, another post) in a parent heading is no source."""
    key = f"ancestor-links-out:{heading.start}"
    if key not in doc.cache:
        doc.cache[key] = _links_out_above(doc, heading)
    return doc.cache[key]


def _links_out_above(doc: Document, heading: Any) -> bool:
    level = heading.level
    for h in reversed([h for h in doc.headings if h.start < heading.start]):
        if h.level >= level:
            continue
        level = h.level
        if any(link.kind != "definition" and h.start <= link.start < max(h.end, h.start + 1)
               and _EXTERNAL.match(link.target or "") for link in doc.links):
            return True
        if level <= 1:
            break
    return False


#: How many blocks before a claim may hold the source of the study the claim refers back to.
EARLIER_BLOCKS = 2


def cited_earlier(doc: Document, start: int, kinds: tuple[str, ...] | list[str] = KINDS,
                  blocks: int = EARLIER_BLOCKS) -> bool:
    """True if one of the *blocks* blocks just before the claim at *start* cites a source,
    within its section (a heading that cites, such as a linked study title, counts; the
    heading before it ends the search).  For a claim that refers back to a study the page
    has just cited ("the trial found a 40% reduction"): the caller decides that it does."""
    block = doc.block_at(start)
    if block is None:
        return False
    ordered = doc.blocks
    if "block-starts" not in doc.cache:
        doc.cache["block-starts"] = [b.start for b in ordered]
    i = bisect.bisect_left(doc.cache["block-starts"], block.start)  # blocks do not nest: by bisection
    for prev in reversed(ordered[max(0, i - blocks):i]):
        if cited(doc, prev.start, prev.end, kinds):
            return True
        if in_heading(doc, prev.start, widen=True):
            break  # the section's heading: what stands above it is another section
    return False


#: Reference numbers as copying and OCR leave them in a reproduced paper: "(57) reported",
#: "'63,65'", "'66]", "at a similar altitude. 17", "(table 2).21 27 We", "reduced by 14%.35".
_LOOSE_NUMBERED = lazyre.compile(
    r"\(\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\)"
    r"|['\u2018\u2019]\d{1,3}(?:[-\u2013,]\d{1,3})*['\u2019\]]"
    r"|(?<=[A-Za-z)\]%])\.\s?\d{1,3}(?:(?:\s|,\s?|[-\u2013])\d{1,3})*(?=\s+[A-Z(]|\s*$)")


def cited_loosely(doc: Document, lo: int, hi: int) -> bool:
    """True if ``doc.text[lo:hi]`` holds a reference number in one of the looser shapes a copied
    paper leaves, on a page that has a reference list for it to point into (without one, "(2)"
    is an enumeration and ". 23" a count)."""
    if not any(region.kind == "reference" for region in doc.whole.regions):
        return False
    return bool(_LOOSE_NUMBERED.search(doc.text, lo, hi))
