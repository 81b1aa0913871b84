"""Where the page shows whose words a relative word is, or when it was written (``freshness``).

The ``reproduced`` region (:mod:`medlint.reproduced`) finds text the page carries from its
markers at the top of a page or a section. These are the markers a reader also sees deeper
in a page, read only for "recent" and "currently", where a false "old news" costs the most
(a dose or an advice rule judges the same text by its own measure):

* the site's notes set into a text it carries ("{Note by the editor: ...}", "[Comment from
  HealthWiki: ...]", in braces or brackets with the section's text before and after): a writer
  who marks its own words as notes shows that the rest of the section is not its own;
* a line saying the text below is taken from a source ("The following was excerpted from
  the board's minutes"), anywhere on the page: the text up to the writer's own comment;
* a section naming its author on a line of its own with a degree or an affiliation ("Prof. Carl
  Ode" over "Lakeside Institute", "Mia K. Tern, MD"): a talk's or a chapter's abstract;
* an author line with an e-mail address near the top of a page or a section ("Ann Lee
  ann@uni.example, Carl Ode"): a pasted paper's header;
* a paragraph of two sentences or more set wholly in italics after a lead-in ("She wrote:") or
  over a source line ("- the ward's diary"): a passage quoted without quotation marks;

and the dates a reader sees for a section:

* a dateline or a publication date among its blocks ("March 3, 2012" alone on its line,
  "Publication date: May 2012"), the page's year or later: a news item's or a document's
  own date, as a heading naming the year is.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from .. import lazyre
from ..markup.model import HEADING_KINDS
from ..document import Document
from ..reproduced import own_comment


#: A month's name, long or short (freshness.py reads dates with it too).
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
#: A calendar date with its year: "March 3, 2012", "3rd March 2012", "March 2012", "2012-03-03".
_DATE = (rf"{_DAY}(?:{MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+((?:19|20)\d\d)|((?:19|20)\d\d)-[01]\d-[0-3]\d)")
#: A block that is a date and nothing else (a news item's dateline), or that gives the document's
#: publication date ("Version 2. Publication date: May 2012; review due May 2015").
_SECTION_DATE = lazyre.compile(
    rf"\A[\W_]*{_DATE}[\W_]*\Z"
    rf"|\b(?:publication\s+date|date\s+(?:of\s+)?publi(?:shed|cation)|published(?:\s+on)?|posted(?:\s+on)?|"
    rf"released(?:\s+on)?|issued(?:\s+on)?|(?:web|online|print)\s+edition)\s*:?\s*{_DATE}", re.I)
#: Longer blocks are text, not a dateline or a colophon line.
DATELINE_CHARS = 200

#: The site's note set into a text it carries: "{Note by the editor:", "[Comment from HealthWiki:",
#: "[Editor's note:". A plain "Note:", or one in parentheses ("(Editor's note: we will update this
#: page.)"), is the writer's aside in its own text as often.
_SITE_NOTE = lazyre.compile(
    r"\A((?:\s|<[^>]+>|[*_>{\[(])*)(?:(?:notes?|comments?|remarks?)\s+(?:by|from)\s+[^\s:]+(?:\s+[^\s:]+){0,2}"
    r"|editor['\u2019]?s\s+(?:note|comment))\s*:", re.I)
#: How far into a block the note's label may stand.
NOTE_LABEL_CHARS = 120

#: A line saying the text below comes from a source ("The following was excerpted from the minutes").
_FOLLOWING_FROM = lazyre.compile(
    r"\A[\W_]*the\s+following\s+(?:\w+\s+){0,2}?(?:is|are|was|were)\s+(?:\w+\s+)?(?:extracted|excerpted|copied|"
    r"taken|reprinted|reproduced|quoted|translated|clipped|adapted)\s+from\b", re.I)
#: Such a line is short.
LEAD_CHARS = 240

#: An author named on a line of their own: a title, a middle initial or a degree shows it is a person
#: ("Dr. Ann B. Lee", "Prof. Carl Ode", "Mia K. Tern", "Ola Berg, PhD"), not a label ("Calcium Carbonate").
_NAME_WORD = r"[A-Z][a-z'\u2019-]+(?:-[A-Z][a-z]+)?"
_AUTHOR = lazyre.compile(
    rf"(?:(?:Dr|Prof|Professor)\.?\s*{_NAME_WORD}(?:\s*[A-Z]\.)*(?:\s+(?:[A-Z]\.\s*)*(?:O['\u2019])?{_NAME_WORD}){{1,2}}"
    rf"|{_NAME_WORD}(?:\s+[A-Z]\.)+\s+(?:O['\u2019])?{_NAME_WORD}"
    rf"|(?:[A-Z]\.\s*){{1,2}}\s*{_NAME_WORD}(?:\s+{_NAME_WORD})?"
    rf"|{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}},?\s+(?:MD|PhD|DPhil|MBBS|FRCP|DSc|RN)(?:\s*,\s*(?:MD|PhD|MPH|FRCP))*)"
    rf"(?:\s*[,\u2013-]?\s+[A-Z][\w.&'\u2019-]*(?:\s+(?:of|and|for|the|[A-Z][\w.&'\u2019-]*)){{0,10}})?")
#: An author line in a paper's header: a name and an e-mail address.
_EMAIL = lazyre.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PERSON = lazyre.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.?)*\s+[A-Z][a-z]+")
#: How many blocks of a section may come before its header line.
HEADER_BLOCKS = 4
#: A header line is short.
HEADER_CHARS = 160


def _plain(doc: Document, start: int, end: int) -> str:
    return " ".join(doc.prose[start:end].split())


def _sections(doc: Document) -> tuple[list[int], list[Any], list[int]]:
    """The starts of the page's headings (sorted), its body blocks and their starts, found once."""
    key = "freshness-context:sections"
    if key not in doc.cache:
        heads = sorted(h.start for h in doc.headings)
        blocks = [b for b in doc.blocks if b.start >= doc.body_start]
        doc.cache[key] = (heads, blocks, [b.start for b in blocks])
    return doc.cache[key]


def _section(doc: Document, offset: int) -> tuple[int, int]:
    """The section holding *offset*: from the heading over it (or the body's start) to the next heading."""
    heads = _sections(doc)[0]
    i = bisect.bisect_right(heads, offset)
    return (heads[i - 1] if i else doc.body_start), (heads[i] if i < len(heads) else len(doc.text))


def _section_blocks(doc: Document, lo: int, hi: int) -> list[Any]:
    """The non-heading blocks of ``[lo, hi)`` with text."""
    _, blocks, starts = _sections(doc)
    i = bisect.bisect_left(starts, lo)
    out = []
    for b in blocks[i:]:
        if b.start >= hi:
            break
        if b.kind not in HEADING_KINDS and doc.prose[b.start:b.end].strip():
            out.append(b)
    return out


def dated_section(doc: Document, start: int, page_year: int) -> bool:
    """A block of the phrase's section is its dateline or names its publication date, in the
    page's year or later ("March 3, 2012" alone on a line over a news item, "Publication date:
    May 2012" under a guideline), the page's year, the one before or later: the reader
    sees when its "currently" was, as with a heading naming it."""
    lo, hi = _section(doc, start)
    key = ("freshness-context:dated", lo, page_year)
    if key not in doc.cache:
        dated = False
        for b in _section_blocks(doc, lo, hi):
            if b.end - b.start > 4 * DATELINE_CHARS or b.kind in ("list-item", "li"):
                continue  # text, or an item of a reading list ("Roe J. Published on May 2, 2011.")
            line = _plain(doc, b.start, b.end)
            if len(line) > DATELINE_CHARS:
                continue
            for m in _SECTION_DATE.finditer(line):
                years = [int(y) for y in m.groups() if y]
                if years and years[0] >= page_year - 1:
                    dated = True
            if dated:
                break
        doc.cache[key] = dated
    return doc.cache[key]


def carried(doc: Document, start: int) -> bool:
    """The phrase is in text the page carries, as a marker deeper in the page shows (see the
    module's docstring): the site's notes set into its section, a "The following was excerpted
    from ..." line above it, an author's name on a line of the section, or a paper's header."""
    return (_among_notes(doc, start) or _after_following(doc, start) or _authored(doc, start)
            or _under_header(doc, start) or _italic_passage(doc, start))


#: A paragraph set wholly in italics: one emphasis run from its first character to its last.
_ITALIC_MD = lazyre.compile(r"\A\s*([*_])(?![*_\s])(?:(?!\1).)+(?<![*_\s])\1\s*\Z", re.S)
_ITALIC_HTML = lazyre.compile(r"\A\s*(?:<p[^>]*>\s*)?<(em|i)\b[^>]*>(?:(?!</?(?:em|i)\b).)+</\1>\s*(?:</p>\s*)?\Z", re.S | re.I)
_SENTENCE_END = lazyre.compile(r"[.!?][\"'\u201d)]*\s+[A-Z\"\u201c]")
#: A passage this long at least: a short italic line is the writer's note or emphasis.
ITALIC_WORDS = 25
#: A line that leads into a quotation: it ends in a colon ("She wrote:", "From the report:"), in a
#: verb of saying ("As the nurse recalled,"), or in a sentence announcing "the following" text.
_LEAD_IN = lazyre.compile(r"(?::|\b(?:wrote|writes|said|says|recalls|recalled|explains|explained|put\s+it|"
                          r"describes|described)\s*,?|\b(?:the\s+following|as\s+follows)\b[^.!?:]{0,60}[.:])"
                          r"[\W_]*\Z", re.I)
#: A source line under a quotation: a dash before its author or work ("- Ann Roe, 2009"), or "Source:".
_SOURCE_LINE = lazyre.compile(r"\A[\s*_>]*(?:[-\u2013\u2014]+\s*\S|(?:source|quoted\s+from|excerpted\s+from|"
                              r"reprinted\s+from|taken\s+from)\b)", re.I)


def _wholly_italic(doc: Document, block: Any) -> bool:
    text = doc.text[block.start:block.end]
    return bool(_ITALIC_MD.match(text) or _ITALIC_HTML.match(text))


def _text_block(doc: Document, block: Any, step: int) -> Any:
    """The nearest block before (*step* -1) or after (+1) *block* with text, past a run of paragraphs
    wholly in italics (one quotation set as several paragraphs), or None."""
    index = doc.block_index(block)
    i = -1 if index is None else index + step
    while 0 <= i < len(doc.blocks):
        b = doc.blocks[i]
        if doc.prose[b.start:b.end].strip() and not (b.kind in ("paragraph", "p") and _wholly_italic(doc, b)):
            return b
        i += step
    return None


def _italic_passage(doc: Document, start: int) -> bool:
    """The phrase is in a paragraph of two sentences or more set wholly in italics that the page
    introduces as a quotation, by a lead-in line above it ("The mother wrote:") or a source line
    below it ("- from the ward's diary"), as pages set a passage they quote from an article or a case
    report without quotation marks: the source's words. Italics alone are the writer's own emphasis
    or aside, however long."""
    block = doc.block_at(start)
    if block is None or block.kind not in ("paragraph", "p"):
        return False
    if not _wholly_italic(doc, block):
        return False
    prose = doc.prose[block.start:block.end]
    if len(prose.split()) < ITALIC_WORDS or _SENTENCE_END.search(prose) is None:
        return False
    above, below = _text_block(doc, block, -1), _text_block(doc, block, 1)
    if above is not None and above.kind not in HEADING_KINDS and _LEAD_IN.search(_plain(doc, above.start, above.end)):
        return True
    return (below is not None and below.kind in ("paragraph", "p") and below.end - below.start <= 2 * HEADER_CHARS
            and _SOURCE_LINE.match(_plain(doc, below.start, below.end)) is not None)


def _note_block(doc: Document, block: Any) -> bool:
    """The block opens with the site's note label set in braces or brackets ("{Note by ...:")."""
    m = _SITE_NOTE.match(doc.text[block.start:min(block.end, block.start + NOTE_LABEL_CHARS)])
    return m is not None and ("{" in m.group(1) or "[" in m.group(1))


def _among_notes(doc: Document, start: int) -> bool:
    """The site's note in braces or brackets ("{Note by the editor: ...}") is set into the phrase's
    section, with the section's text both before and after it: the note is the writer's, the text
    around it the source's. A note closing the section, or an aside in parentheses ("(Editor's note:
    we will update this page.)"), is the writer's remark on its own text."""
    block = doc.block_at(start)
    if block is None or block.kind in HEADING_KINDS or _note_block(doc, block):
        return False  # the note itself is the writer's own
    lo, hi = _section(doc, start)
    key = ("freshness-context:notes", lo)
    if key not in doc.cache:
        notes = [_note_block(doc, b) for b in _section_blocks(doc, lo, hi)]
        doc.cache[key] = any(note and not all(notes[:i]) and not all(notes[i + 1:])
                             for i, note in enumerate(notes))
    return doc.cache[key]


def _carried_from(doc: Document) -> list[tuple[int, int]]:
    """The spans under "The following was excerpted from ..." lines: to the writer's own comment
    heading, or the page's end."""
    key = "freshness-context:following"
    if key not in doc.cache:
        spans = []
        for b in _sections(doc)[1]:
            if b.kind in HEADING_KINDS or b.end - b.start > 2 * LEAD_CHARS:
                continue
            line = _plain(doc, b.start, b.end)
            if len(line) <= LEAD_CHARS and _FOLLOWING_FROM.match(line):
                ends = [h.start for h in doc.headings if h.start > b.end and own_comment(h.text or "")]
                spans.append((b.end, min(ends, default=len(doc.text))))
        doc.cache[key] = spans
    return doc.cache[key]


def _after_following(doc: Document, start: int) -> bool:
    return any(lo <= start < hi for lo, hi in _carried_from(doc))


#: What shows a name line is an outside author's: a degree after the name, or an affiliation on
#: the line or the next ("Lakeside Institute of Endocrinology", "Dept. of Nursing, Harbour University").
_CREDENTIAL = lazyre.compile(
    r"\b(?:MD|PhD|DPhil|MBBS|FRCP|DSc|MPH|RN|Universit(?:y|ies|[a-z]+t)|Institutes?|Hospitals?|College|School|"
    r"Cent(?:re|er)|Department|Dept|Faculty|Clinic|Foundation|Laborator(?:y|ies)|Society|Academy|Council|Agency|"
    r"Ministry|Trust)\b")


def _author_line(doc: Document, block: Any, following: Any) -> bool:
    """*block* names an author on a line of its own with a degree or an affiliation, on the line or
    in *following* (the next block, or None); not the page's own author (front matter ``author``)."""
    line = _plain(doc, block.start, block.end).strip(" *_")
    if len(line) > HEADER_CHARS or not _AUTHOR.fullmatch(line):
        return False
    if not _CREDENTIAL.search(line):
        after = _plain(doc, following.start, following.end) if following is not None else ""
        if len(after) > HEADER_CHARS or not _CREDENTIAL.search(after):
            return False  # a bare name ("Dr. Ann B. Lee") is as often the writer's own byline
    data = doc.front_matter.data if doc.front_matter else {}
    author = data.get("author") if isinstance(data, dict) else None
    names = [n for n in (author if isinstance(author, list) else [author]) if isinstance(n, str)]
    return not any(n.split() and n.split()[-1] in line for n in names)  # the page's own author signs


def _authored(doc: Document, start: int) -> bool:
    """A block of the phrase's section (under a heading) is an author's name on its own with a degree
    or an affiliation ("Prof. Carl Ode" over "Lakeside Institute", "Mia K. Tern, MD"): an abstract or
    chapter by that person, as conference pages and book reviews set them."""
    lo, hi = _section(doc, start)
    if lo == doc.body_start and not any(h.start == lo for h in doc.headings):
        return False  # the page's top, under no heading: a signature there is the page's own
    key = ("freshness-context:authored", lo)
    if key not in doc.cache:
        blocks = _section_blocks(doc, lo, hi)
        doc.cache[key] = any(_author_line(doc, b, blocks[i + 1] if i + 1 < len(blocks) else None)
                             for i, b in enumerate(blocks))
    return doc.cache[key]


def _header_line(doc: Document, block: Any) -> bool:
    """A paper's author line: short, a person's name and an e-mail address."""
    line = " ".join(doc.text[block.start:block.end].split())  # the prose blanks an address as a link
    return len(line) <= HEADER_CHARS and bool(_EMAIL.search(line)) and bool(_PERSON.search(_EMAIL.sub(" ", line)))


def _under_header(doc: Document, start: int) -> bool:
    """An author line with an e-mail address among the first blocks of a section above the phrase
    (a pasted paper's header, under its title and journal): the text from there to the writer's own
    comment heading is the paper's."""
    key = "freshness-context:headers"
    if key not in doc.cache:
        spans = []
        heads = _sections(doc)[0]
        for lo, hi in zip([doc.body_start, *heads], [*heads, len(doc.text)]):
            for b in _section_blocks(doc, lo, hi)[:HEADER_BLOCKS]:
                if _header_line(doc, b):
                    ends = [h.start for h in doc.headings if h.start > b.end and own_comment(h.text or "")]
                    spans.append((b.end, min(ends, default=len(doc.text))))
                    break
        doc.cache[key] = spans
    return any(lo <= start < hi for lo, hi in doc.cache[key])


#: A sentence opening with the time it tells of: "In 2009, ...", "By March 2009, ...", "During 2009 ...".
_OPENING_YEAR = lazyre.compile(
    rf"[\W_]*(?:in|by|during)\s+(?:(?:early|late|mid)[\s-]+)?(?:{MONTH}\s+)?(?:19|20)\d\d(?!\d)\s*,", re.I)


def opening_year(doc: Document, lo: int, start: int, cut: Any) -> bool:
    """The sentence starting at *lo* opens with its time ("In 2009, a recent trial showed ...") and the
    phrase is in that opening clause (no clause cut *cut* between): recent as of that year."""
    m = _OPENING_YEAR.match(doc.prose, lo, start)
    return m is not None and cut.search(doc.prose, m.end(), start) is None


def opens_with_year(doc: Document, lo: int, hi: int) -> bool:
    """The text at *lo* (before *hi*) opens with the time it tells of ("In 2013, ...")."""
    return _OPENING_YEAR.match(doc.prose, lo, hi) is not None


#: A sentence starting this near its paragraph's start is read with the paragraph above.
NEAR_START = 120
#: "the new guidelines", "the recent report": a publication the text has just named.
_THE_PUBLICATION = lazyre.compile(
    r"\bthe\s+(?:new|recent|latest)\s+(?:\w+\s+)?(?:guidelines?|reports?|recommendations?|review|stud(?:y|ies)|"
    r"trial|paper|article|statement|guidance|meta-analysis)\b", re.I)


def named_before(doc: Document, start: int, end: int, lo: int, dated: Any) -> bool:
    """"the new guidelines" after text of its paragraph, or of the paragraph just above when the phrase
    opens its own, that gave the publication its year ("The academy's report, released in March 2009, raised
    the intake. Dietitians felt the new guidelines ..."): the reader has just seen when it was new. *lo* is the
    phrase's sentence's start; *dated* the pattern of a publication given its year."""
    m = _THE_PUBLICATION.search(doc.prose, max(lo, start - 12), min(len(doc.prose), end + 30))
    if m is None or not m.start() <= start < m.end():
        return False
    block = doc.block_at(start)
    if block is None or block.kind in HEADING_KINDS:
        return False
    first = block.start
    if lo - block.start <= NEAR_START:  # the paragraph's first sentence (or one an initial cut short: "Ann C. Roe")
        index = doc.block_index(block)
        previous = doc.blocks[index - 1] if index else None
        if previous is not None and previous.kind not in HEADING_KINDS:
            first = previous.start
    return dated.search(doc.prose, first, lo) is not None
