"""The ``reproduced`` region: text the page carries from another source without quotation marks.

Health sites repost articles, press releases, papers and reviews whole, under a byline or a
linked title rather than in a block quote. Their doses, "recent", "studies show" and
abbreviations are the source's (dated and sourced by it), so the prose rules that judge the
page's own claims skip them (``skip: [reproduced]``). This module is the one place that decides
where such text starts and where the writer's own voice resumes; :mod:`medlint.regions` turns
its spans into ``reproduced`` regions and ``medical.reposted`` reads them for the dose and
advice checks.

A span **starts** at:

* a page-opening marker, among the first blocks before the page's own words: a byline ("By
  Jane Roe, Health Monthly", "Posted on March 3, 2015 by ..."), a journal citation or DOI/PMID
  line, a pasted paper's header line (authors with degrees, affiliations, journal dates), or
  "The following is a ...";
* a heading that is a linked title of a page on another site or names its address
  ("## [Vitamin D and falls](https://news.example.org/...) press release"): the section under it;
* a section opening with a short line that names and links its source ("Posted at [Site](...)
  Nov 2013", "Copied from [headline](...)", a line that is only "From [title](https://...)"; a
  "Source: [...](...)" line names where the writer read it), or with a short line that
  introduces items from a named document ("Highlights from the report:");
* a pasted PubMed abstract: a section whose first blocks are the journal line ("Endocrine. 2016
  Mar 22.") and the authors ("Renner KD."): the text after the authors;
* a page whose title names it as someone's handout, leaflet, letter, transcript or press release
  ("Handout on sleep - Dr. Ann Roe"): the whole body (a horizontal rule before "I" does not end it:
  the document's author says "I");
* a heading or short line anywhere saying the text after it is copied ("### The following was
  reprinted from ...", "Below are excerpts from a workshop report"): a heading's section,
  or the rest of the line's section across its sub-headings;
* a paper's "Highlights" or "Key points" box under its authors' line; a pasted abstract's title
  line right above its journal line;
* peer reviewers' comments numbered "1:", "2:" ... under a lead naming feedback or reviewers, and
  the blocks after a paragraph ending "Here's a description ... from <source>.", each up to the
  writer's "I", "we" or "you";
* a reader's letter the page answers ("Dear Dr. Lee, I ..." asking a question or signed, with
  text after it): up to its sign-off or question, the answer's own greeting, or the close of its
  italics; a programme's session abstract, from its "Speakers:" label to the item's end;
* a source's own numbered reference list in the middle of the page: the prose above it in its
  section carries reference numbers and the page goes on in the writer's comment after it (a
  page's own reference list ends the page or is followed by nothing of the writer's but "See
  also" or related links).

A linked heading at page-title level (``#``) heads only its own section, and an action link
("CLICK HERE", "Download the PDF") or a link naming the site's own page ("our ...") titles
nothing. The writer's asides inside a span (a paragraph opening with a plain "Note:") are
carved out of it: the writer's words, with the source's text going on after them; so is an
editor's note opening with a brace ("{Note by the site: ...}") and a site's remark set as a block
quote between two items of the source's list.

A span **ends** where the writer's own voice resumes: a heading or a short label line marking
the site's commentary (:func:`own_comment`: "Comment by <site>", "My view", "Notes", "See also",
"<Site>'s take:"; "note", "view" and "take" only as a label, never "Take 2,000 IU daily"), a horizontal rule followed by the writer's "I" or "my", or the page's
reference list (the heading after a reference section). With
no end marker, a span from a page-opening byline or "The following is" runs to the end of the
page (the marker says the page is the reposted item); every other span ends with its section
(the next heading of the same or a higher level for a linked title, the next heading otherwise).
"""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Iterable

from . import lazyre
from .anchored import find_all, matches_from

if TYPE_CHECKING:  # regions and the document call this module; it only reads them
    from .document import Document

_HEADING_KINDS = ("heading", "h1", "h2", "h3", "h4", "h5", "h6")
_TAG = lazyre.compile(r"<[^>]+>")
_TARGET = lazyre.compile(r"\]\([^)]*\)")
_MARKS = lazyre.compile(r"[\[\]*_]")
_LINKED = lazyre.compile(r"https?://|\]\(|href\s*=", re.I)

# -- the writer's own comment --------------------------------------------------------------------
#: Words a site uses for its own remarks on a text it carries.
_REMARK = r"(?:comments?|commentary|notes?|thoughts|observations|view|opinion|take|remarks?|summary|analysis|response)"
#: Remark words that are a label in any place after "my", "our" or "<Site>'s" ("My thoughts on the study").
_FREE_REMARK = r"(?:comments?|commentary|thoughts|observations|opinion|remarks?|summary|analysis|response)"
#: The end of a label: the line ends or a colon follows ("Notes", "Notes:", "Our take:").
_LABEL_END = r"(?=[\W_]*(?::|$))"
#: "note", "view" and "take" are ordinary words ("Take 2,000 IU daily", "Notes on dosing", "Our view on
#: statins"): they label the writer's comment only when the label ends with them ("Our take", "Editor's note:")
#: or goes on to the text it comments on ("Our take on it", "My view on the study").
_LABEL_REMARK = (r"(?:(?:notes?|view|take)(?:" + _LABEL_END + r"|(?=\s+on\s+(?:it|this|that|these|those|the\s+(?:study|"
                 r"paper|article|report|trial|review|news|research|findings?|post))\b)))")
#: A heading or label over the writer's own comment: "Comments", "Notes", "My view", "Our take",
#: "Editor's note", "See also", "Comment by <Site>", "Summary and comment by the editor",
#: "<Site>'s view". A signer of two or more names, or with a title ("Expert commentary by
#: Dr. Ann Lee, MD"), is someone else: a third party's comment the page reproduces.
_OWN_COMMENT = lazyre.compile(
    r"^[\W_]*(?:(?:my|our|the\s+editor'?s?|editor'?s?|site'?s?|personal)\s+(?:comments?|commentary|thoughts|observations"
    r"|opinion|remarks?|" + _LABEL_REMARK + r")|(?:comments?|commentary|observations|remarks?|notes?" + _LABEL_END + r"))\b"
    r"(?!\s+(?:from|of|by)\b)"
    r"|^[\W_]*(?:see\s+also|related\s+(?:pages|articles|posts|reading)|more\s+on\b)"
    r"|^[\W_]*(?:my|our)\s+(?:\w+\s+)?(?:" + _FREE_REMARK + r"|" + _LABEL_REMARK + r")\b"
    r"|\b" + _REMARK + r"(?:\s+and\s+" + _REMARK + r")?\s+(?:by|from)\s+(?:(?:the|this)\s+(?:editors?|site|webmaster|wiki)\b"
    r"|me\b|(?!(?:Dr|Prof|Professor|Mr|Mrs|Ms)\b)[A-Za-z][\w.-]*(?:\s*$|\s*[:.(\u2013\u2014-]))"
    r"|^[\W_]*[A-Z][\w-]*(?:'s|\u2019s)\s+(?:" + _FREE_REMARK + r"|" + _LABEL_REMARK + r")\b", re.I)
#: A site signing its remark with its CamelCase name: "HealthWiki comment", "VitaminPedia notes".
_SITE_REMARK = lazyre.compile(r"^[\W_]*[A-Z][a-z]+[A-Z]\w*\s+(?i:" + _REMARK + r")\b")
#: Stems every own-comment heading or label holds (a quick test before the full pattern).
_REMARK_STEMS = ("comment", "note", "thought", "observation", "view", "opinion", "take", "remark", "summar", "analysis",
                 "response", "see also", "related", "more on")



def _has_remark(text: str) -> bool:
    """Whether *text* holds one of :data:`_REMARK_STEMS`, in any case (one scan, asked per block)."""
    text = text.lower()
    return any(stem in text for stem in _REMARK_STEMS)  # (``in`` tests: the pattern was tried at each letter)


#: A label line is short; a longer block opening with "Note" is prose that happens to.
LABEL_CHARS = 80
#: A label with no colon after it is a block of its own, shorter still ("**Comments**", "My view").
SHORT_LABEL_CHARS = 40
#: A heading naming readers' comments copied from elsewhere ("Comments on YouTube", "Readers'
#: comments", "Ana Souza 2 weeks ago"): the commenters' words, never the writer's.
_READERS = lazyre.compile(
    r"[\W_]*(?:(?:some\s+(?:of\s+)?(?:the\s+)?)?(?:readers?|users?|viewers?|visitors?)[\u2019']?s?[\u2019']?\s+comments\b"
    r"|(?:some\s+of\s+)?(?:the\s+)?comments\s+(?:on|from|at)\s+(?:the\s+)?(?:YouTube|Facebook|Twitter|Reddit|Instagram|"
    r"video|blog|forum|article|post)\b"
    r"|(?:\w+\s+)?(?:comments?|notes?|remarks?)\s+(?:from|by|of)\s+(?:our\s+|the\s+|other\s+)?(?:readers?|users?|viewers?"
    r"|visitors?|listeners?|experts?|members?|commenters?)\b"
    r"|.*\b(?:\d{1,3}|an?|one)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\W*$)", re.I)


def own_comment(text: str) -> bool:
    """Whether a heading or label names the writer's own comment on the text the page
    carries (the one definition every rule shares): see :data:`_OWN_COMMENT`. Readers'
    comments copied from elsewhere are not the writer's."""
    if not _has_remark(text):
        return False  # most headings and blocks: no word of a remark at all
    text = " ".join(_plain(text).split())
    if not text or _READERS.match(text):
        return False
    return bool(_OWN_COMMENT.search(text) or _SITE_REMARK.match(text))


def _own_label(doc: "Document", start: int, end: int) -> bool:
    """A block that labels the writer's comment from there on: a short block that is only the
    label ("**Comments**", "My view:"), or a block opening with a signed label ("**My comment:**
    ...", "Comment by the site: ...", "<Site>'s take: ..."). A plain "Note: ..." opening a
    paragraph is an aside inside the text, not the end of it."""
    prose = doc.prose[start:min(end, start + 4 * LABEL_CHARS)].strip()
    if not prose or not _has_remark(prose[:LABEL_CHARS]):
        return False
    colon = prose.find(":", 0, LABEL_CHARS)
    label = prose[:colon] if colon > 0 else prose
    rest = prose[colon + 1:].strip(" *_") if colon > 0 else ""
    if not own_comment(label) or len(label) > (LABEL_CHARS if colon > 0 else SHORT_LABEL_CHARS):
        return False  # a sentence that opens with "Notes were taken" is no label
    return not rest or not _PLAIN_NOTE.fullmatch(" ".join(_plain(label).split()))


def _bracketed(text: str) -> bool:
    """A block opening with a brace ("{Note by the editor: ...}", its closing brace sometimes
    lost in copying) or wholly in parentheses: an editor's remark set into the text it
    interrupts, as reprints mark one (prose never opens a paragraph with a brace)."""
    core = text.strip().strip("*_ \t\n")
    return len(core) > 2 and (core[0] == "{" or (core[0] == "(" and core[-1] == ")"))


def _aside(doc: "Document", start: int, end: int) -> bool:
    """A paragraph opening with a plain "Note:" label: the writer's aside inside the text it
    carries (carved out of the reproduced span, which goes on after it)."""
    head = doc.prose[start:min(end, start + LABEL_CHARS)]
    if ":" not in head:
        return False  # most paragraphs: reading the words drops characters, it adds no colon
    head = " ".join(_plain(head).split())
    colon = head.find(":")
    return colon > 0 and bool(_PLAIN_NOTE.fullmatch(head[:colon])) and bool(head[colon + 1:].strip())


#: A label that only says "note": an aside when text follows it on its line.
_PLAIN_NOTE = lazyre.compile(r"\W*(?:notes?|nb|n\.b\.|comments?)\W*", re.I)


# -- page-opening markers (moved here from medical.reposted) -------------------------------------
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


#: A byline naming a person: "By Lena Marwick, Wellness Monthly", "#### By Dr. Konrad von
#: Ebersfeld", "Posted on March 12, 2015 by Harold T. Pennington" ("By contrast," "By the way" name no one).
_BYLINE = lazyre.compile(r"^\W{0,3}(?:(?i:(?:posted|written|published)(?:\s+on\s+[^\n]{1,40}?)?\s+by)|By|BY|(?i:author)\s*:)\s+"
                         r"(?!(?i:[a-z]+ing|now|far|then|default|contrast|comparison|definition|design|law|age|all|far|"
                         r"eat|take|make|use|get|keep|cut|add|avoid|stop|start|choose|limit|drink|walk|try)\b)"
                         r"(?:(?:Dr|Prof|Professor)\.?\s+)?[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|van|von|de|der|da|del|di|le|la)){1,4}"
                         r"(?=[\s,.;:()]|$)")
#: A journal's citation line: "Am J Clin Nutr. 2015 March; 101(3): A12-A19."
_JOURNAL_LINE = lazyre.compile(r"\b(?:19|20)\d\d\b[^;\n]{0,25};\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*:\s*[A-Za-z]?\d+")
#: A line that says the text under it is someone else's: "The following is a Critically Appraised
#: Topic for ...", "The following was copied from ...".
_FOLLOWING_IS = lazyre.compile(r"^\W*the\s+following\s+(?:\w+\s+){0,2}?(?:is|was|are|were)\s+(?:a|an|the|from|copied|taken|"
                               r"written|excerpted|reprinted|reproduced|translated|quoted|part|an?\s+excerpt|clipped|extracted|"
                               r"pasted|adapted|transcribed)\b", re.I)
#: A heading over a reference list: the heading after it is the page's again.
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
        return _heading_byline(line)
    return bool(_BYLINE.match(line) or _JOURNAL_LINE.search(line) or _FOLLOWING_IS.match(line)
                or _DOI_LINE.search(text) or is_header_line(line))


def _heading_byline(line: str) -> bool:
    """A heading that is a byline: the name runs to the heading's end or stops at "," or "|"
    before an outlet ("#### By Dr. Konrad von Ebersfeld", "### By Lena Marwick | Health Monthly"),
    not a Title Case sentence that opens with "By" ("## By Taking Vitamin D Daily You Can ...")."""
    m = _BYLINE.match(line)
    if m is None:
        return False
    rest = line[m.end():].strip()
    return not rest or (rest[0] in ",|" and bool(rest[1:].strip(" ,|")))


def _whole_page(text: str) -> bool:
    """A page-opening marker that says the whole page is the reposted item: a byline or
    "The following is ..." (a citation line heads only the abstract under it)."""
    line = " ".join(_plain(text).split())
    return bool(_BYLINE.match(line) or _FOLLOWING_IS.match(line))


def _plain(text: str) -> str:
    """Text without Markdown link targets, emphasis and tags, for reading a line's words."""
    text = _TAG.sub(" ", text)
    text = _TARGET.sub(" ", text)
    return _MARKS.sub(" ", text).strip()


# -- a section's lead line naming its source ---------------------------------------------------
#: A short line naming where the text under it comes from (with a link).
#: Only words that say the text was copied count ("Source: [NIH](...)" over the writer's own
#: advice names where the writer read it; a bare "From ..." is a lead only as :data:`_FROM_LINK`).
_SOURCE_LEAD = lazyre.compile(
    r"^\W{0,3}(?:(?:copied|clipped|reprinted|reposted|republished|excerpted|adapted)\s+(?:\w+\s+){0,3}?from"
    r"|posted\s+(?:at|in|on)|originally\s+(?:published|posted|appeared)|courtesy\s+of"
    r"|press\s+release|news\s+release)(?!\w)", re.I)
#: A line that is only "From" and a link to another site: "From [Vitamin D and falls](https://news.example.org/...)".
#: or a link to another site whose text opens with "From": "**[From Jane Roe: Vitamin D and MS](https://...)**".
_FROM_LINK = lazyre.compile(r"[\W_]{0,3}(?:from\s+(?:[*_]*\[[^\]]+\]\(\s*https?://[^)]+\)"
                            r"|<a\s[^>]*href\s*=\s*[\"']?https?://[^>]*>.*?</a>)"
                            r"|\[\s*[*_]*from\s[^\]]+\]\(\s*https?://[^)]+\)|<a\s[^>]*href\s*=\s*[\"']?https?://[^>]*>\s*from\s.*?</a>)"
                            r"[*_]*\W{0,3}", re.I | re.S)
#: A short line that introduces items taken from a named kind of document: "A few of the many
#: interesting items in the ebook", "Highlights from the report:".
_ITEMS_FROM = lazyre.compile(r"\b(?:items|excerpts|quotes|quotations|highlights|points|passages|extracts)\s+(?:in|from|of)\s+"
                             r"(?:the|this|that|his|her|their)\s+(?:e-?book|book|paper|article|report|PDF|guidelines?|handout|"
                             r"booklet|leaflet|press\s+release)\b", re.I)
_ITEMS_WORD = lazyre.compile(r"(?:items|excerpts|quotes|quotations|highlights|points|passages|extracts)\s+(?:in|from|of)\s")
#: Longer first blocks are the document's text, not a line naming its source.
LEAD_CHARS = 240
#: How many blocks may open a section before its source line (a title line, then "From [...]").
LEAD_BLOCKS = 2

# -- excerpts: the section under a heading that links to another site's page ------------------
_OUTSIDE = lazyre.compile(r"(?:https?:)?//", re.I)
_ADDRESS = lazyre.compile(r"\S*(?:://|www\.|\.(?:com|org|net|gov|edu|ca|uk|au)\b)\S*", re.I)
_TITLE_WORD = lazyre.compile(r"[^\W\d_]{2,}")

# -- pasted PubMed abstracts ----------------------------------------------------------------------
#: A paper's journal line as PubMed gives it: "Endocrine. 2016 Mar 22.", "Rheumatol Int. 2023 Aug 11. doi: ...".
_PUBMED_JOURNAL = lazyre.compile(r"[*_\s]*[A-Z][\w.&' -]{1,60}?\.[ \t]+(?:19|20)\d\d(?:[ \t]+[A-Z][a-z]{2,8}\.?)?(?:[ \t]+\d{1,2})?[ \t]*[.;:]")
#: An author line: "Renner KD.", "Maciej K Stawicki 1, Pawel Abramowicz 1, Gabriela Sokolowska 2".
_AUTHORS_LINE = lazyre.compile(
    r"[*_\s]*(?:[A-Z][\w\u00c0-\u017f'\u2019-]*\.?[ \t]+){1,3}[A-Z]{1,3}\.?(?:[ \t]*\d{1,2}(?:,\d{1,2})*)?"
    r"(?:[ \t]*,[ \t]*(?:[A-Z][\w\u00c0-\u017f'\u2019-]*\.?[ \t]+){1,4}[A-Z][\w\u00c0-\u017f'\u2019-]*\.?(?:[ \t]*\d{1,2}(?:,\d{1,2})*)?)*"
    r"[ \t]*(?:,?[ \t]*et[ \t]+al\.?)?[.*_\s]*")
#: How many blocks of a section may stand before its journal line and authors.
ABSTRACT_HEAD_BLOCKS = 4
_RULE_LINE = lazyre.compile(r"(?m)^[ \t]*(?:[-*_\u2013\u2014][ \t]*){3,}$|<hr\b[^>]*>", re.I)
#: Where a rule can start: a line whose first character (past spaces and tabs) can draw one, or a tag.
_RULE_START = lazyre.compile(r"\n[ \t]*[-*_\u2013\u2014]")
_HR_TAG = lazyre.compile(r"<hr", re.I)


def _rule_lines(text: str, start: int) -> list[re.Match[str]]:
    """``list(_RULE_LINE.finditer(text, start))``, the pattern tried only at the line starts whose
    first character can draw a rule, at *start* and at each ``<hr``: every rule starts at one of
    them (a scan tries the pattern at every character of the page)."""
    starts = {start}
    starts.update(m.start() + 1 for m in _RULE_START.finditer(text, start))
    starts.update(m.start() for m in _HR_TAG.finditer(text, start))
    return list(matches_from(_RULE_LINE, text, start, starts))


#: A reference number in running text, as papers print them: ``[12]``, ``<sup>3</sup>``, ``(42)``, superscripts.
_CITE_NUMBER = lazyre.compile(r"<sup[^>]*>\s*\[?\d{1,3}|(?<![\]\w^])\[\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\](?![(:\[])"
                              r"|[\u00b9\u00b2\u00b3\u2070-\u2079]+|(?<=[a-z)\]%])\s?\(\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\)")
#: A source's reference list holds at least this many entries.
SOURCE_REFERENCES = 3


def _blocks_holding(page: "_Page", words: tuple[str, ...]) -> list[int]:
    """Indices in ``page.blocks`` of the blocks that hold one of *words* (plain substrings, found
    with ``str.find``: a rare heuristic reads only the few blocks that can match, not every block)."""
    prose = page.doc.prose
    found: set[int] = set()
    for word in words:
        at = prose.find(word)
        while at >= 0:
            i = bisect.bisect_right(page.block_starts, at) - 1
            if i >= 0 and page.blocks[i].start <= at < page.blocks[i].end:
                found.add(i)
            at = prose.find(word, at + 1)
    return sorted(found)


class _Page:
    """The page's headings and blocks as this module reads them, made once per document."""

    def __init__(self, doc: "Document") -> None:
        self.doc = doc
        self.headings = sorted(doc.headings, key=lambda h: h.start)
        self.heading_starts = [h.start for h in self.headings]
        self.blocks = [b for b in doc.blocks if b.end > doc.body_start]
        self.block_starts = [b.start for b in self.blocks]
        self._marks: list[int] | None = None
        self._voice: list[int] | None = None
        #: The voices found by a horizontal rule before the writer's "I" (a subset of the voices).
        self._rule_voices: set[int] = set()
        #: The writer's asides inside a reproduced text ("Note: ..." paragraphs), found with the voices.
        self.asides: list[tuple[int, int]] = []
        #: Where the words that introduce items ("highlights from ...") stand (found when first asked).
        self.item_words: list[int] | None = None

    def section_end(self, offset: int, level: int | None = None) -> int:
        """The start of the next heading after *offset* (of level *level* or higher, if given)."""
        i = bisect.bisect_right(self.heading_starts, offset)
        for h in self.headings[i:]:
            if level is None or h.level <= level:
                return self._before_markup(h.start)
        return len(self.doc.text)

    def _before_markup(self, offset: int) -> int:
        """Where the markup that opens a heading begins (``## `` or ``<h2>``, and any tags
        before it): the end of the section above it."""
        masked = self.doc.masked
        while offset > 0:
            i = bisect.bisect_right(masked, (offset - 1, len(self.doc.text) + 1)) - 1
            if i < 0 or not masked[i][0] <= offset - 1 < masked[i][1]:
                break
            offset = masked[i][0]
        return offset

    def heading_end_before(self, offset: int) -> int:
        """Where the section holding *offset* begins: the end of the heading before it, or the body's start."""
        i = bisect.bisect_right(self.heading_starts, offset) - 1
        return self.headings[i].end if i >= 0 else self.doc.body_start

    def own_voice(self, start: int, limit: int, rules: bool = True) -> int:
        """Where the writer's own voice resumes after *start*, before *limit*: an own-comment
        heading or label, a horizontal rule followed by the writer's "I" or "my" (unless not
        *rules*: a handout's author says "I" after its own rules), or the heading after a
        reference section; *limit* if none."""
        voices = self._voices()
        i = bisect.bisect_left(voices, start)
        while not rules and i < len(voices) and voices[i] in self._rule_voices:
            i += 1
        return voices[i] if i < len(voices) and voices[i] < limit else limit

    def _voices(self) -> list[int]:
        """Every place the writer's own voice resumes on the page, sorted (found once)."""
        if self._voice is None:
            doc = self.doc
            found: list[int] = []
            after_references = False
            blocks = [b for b in self.blocks if doc.prose[b.start:b.end].strip()]
            for n, b in enumerate(blocks):
                text = doc.prose[b.start:b.end]
                if b.kind in _HEADING_KINDS:
                    if after_references or own_comment(text):
                        found.append(self._before_markup(b.start))
                    after_references = bool(_REFERENCES.match(" ".join(_plain(text).split())))
                elif _own_label(doc, b.start, b.end):
                    if _bracketed(text) or (b.kind == "blockquote" and 0 < n < len(blocks) - 1 and all(
                            x.kind in ("list-item", "li") for x in (blocks[n - 1], blocks[n + 1]))):
                        # "{Note by the site: ...}" wholly in braces, or "> Comment by the site: ..."
                        # set between two items of a list: a remark inside the source's text, which
                        # goes on after it
                        self.asides.append((b.start, b.end))
                        continue
                    found.append(b.start)
                elif _aside(doc, b.start, b.end):
                    self.asides.append((b.start, b.end))
            if "<hr" in doc.text or "\n---" in doc.text or "\n***" in doc.text or "\n___" in doc.text:
                for rule in _rule_lines(doc.text, doc.body_start):
                    if _FIRST_PERSON.search(doc.prose, rule.end(), rule.end() + VOICE_CHARS):
                        found.append(rule.start())
                        self._rule_voices.add(rule.start())
            self._voice = sorted(found)
        return self._voice

    def cite_marks(self) -> list[int]:
        if self._marks is None:
            self._marks = [m.start() for m in _CITE_NUMBER.finditer(self.doc.text, self.doc.body_start)]
        return self._marks


def find_reproduced(doc: "Document", regions: Iterable = (), cites: list[int] | None = None) -> list[tuple[int, int]]:
    """The ``reproduced`` spans of *doc*, sorted and merged, found from its other *regions*
    (bylines and references help to find a pasted abstract and a source's reference list) and
    the sorted starts of its reference numbers (*cites*, found here when not given).
    :func:`medlint.regions.find_regions` calls this once per document."""
    page = _Page(doc)
    if cites is not None:
        page._marks = cites
    regions = list(regions)
    spans = [*_opening(page), *_titled_document(page), *_following_lines(page), *_linked_titles(page), *_source_leads(page),
             *_pubmed_abstracts(page, regions), *_paper_boxes(page), *_reviews(page), *_here_is(page),
             *_before_source_references(page, regions), *_readers_letters(page), *_session_abstracts(page)]
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(s for s in spans if s[1] > s[0]):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    if merged:
        page.own_voice(0, 0)  # the asides are found with the voices
    return carve(merged, page.asides)  # the writer's "Note: ..." asides stay the writer's


def carve(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """*spans* (sorted, disjoint) without the non-empty *holes*: one pass over both sorted lists
    (a page of thousands of sections and asides stays linear)."""
    holes = sorted(holes)
    out: list[tuple[int, int]] = []
    j = 0
    for lo, hi in spans:
        while j < len(holes) and holes[j][1] <= lo:
            j += 1  # a hole before this span is before every later one too
        cur = lo
        k = j
        while k < len(holes) and holes[k][0] < hi:
            a_lo, a_hi = holes[k]
            if a_hi > cur:
                if a_lo > cur:
                    out.append((cur, a_lo))
                cur = a_hi
            k += 1
        if hi > cur:
            out.append((cur, hi))
    return out


def reproduced_spans(doc: "Document") -> list[tuple[int, int]]:
    """The merged ``reproduced`` spans of the whole document (its regions, found once)."""
    whole = doc.whole
    key = "regions.reproduced"
    if key not in whole.cache:
        whole.cache[key] = [(r.start, r.end) for r in whole.regions if r.kind == "reproduced"]
    return whole.cache[key]


def in_reproduced(doc: "Document", offset: int) -> bool:
    """True if *offset* is in a ``reproduced`` span (for checks that test one offset)."""
    spans = reproduced_spans(doc)
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _opening(page: _Page) -> list[tuple[int, int]]:
    """The span a page-opening marker starts (see the module's docstring), or none when the
    page opens with its own words (a long paragraph, a sentence, a list or a sentence ending
    in a colon before any marker). A citation line opens a pasted text only when prose follows
    it, not a list of the writer's notes, and the writer does not speak ("I", "you") under it:
    a page that cites the paper it goes on to discuss is the writer's. A citation over its
    authors (a paper's header) heads the whole page, up to the writer's comment; a citation
    alone heads its section (the abstract under it)."""
    doc = page.doc
    seen = 0
    for block in page.blocks:
        text = doc.prose[block.start:block.end]
        if not text.strip():
            continue
        heading = block.kind in _HEADING_KINDS
        line = " ".join(_plain(text).split())
        if heading and own_comment(text):
            return []
        if block.kind in ("list-item", "li"):
            return []  # a list first: the page's own (a reading list, notes)
        if _FOLLOWING_IS.match(line) and _LEAD_VOICE.search(line):
            return []  # "The following is the plan we use in our clinic": the writer's own
        if heading and _FOLLOWING_SOURCE.match(line) and len(line) <= HEADER_CHARS and not _VOICE.search(line):
            # "### The following was written by a reader in 2010": a heading over the whole page
            return [(block.end, page.own_voice(block.end, len(doc.text)))]
        if block.kind not in ("blockquote",) and opens_reproduced(text, heading) and not _lone_byline(page, line, block.end):
            if _whole_page(text):
                if not _reposted_byline(doc, block.start, block.end, heading):
                    return []  # the page's own author: "By Jane Doe, RN"
                return [(block.start, page.own_voice(block.start, len(doc.text)))]
            headed = _header_lines(page, block.end) > 0  # a citation over its authors: a paper's header
            end = page.own_voice(block.start, len(doc.text) if headed else page.section_end(block.end))
            body = _body_after_header(page, block.end, end)
            if body is None or _VOICE.search(doc.prose, body.start, min(end, body.start + VOICE_CHARS)):
                return []
            return [(block.start, end)]
        seen += 1
        if seen >= OPENING_BLOCKS or (not heading and (
                len(line) > HEADER_CHARS or line.endswith((".", "!", "?"))
                or (line.endswith(":") and len(line.split()) >= 4))):
            return []  # the page's own words come first
    return []


# -- a page or a passage that says it is someone else's document ------------------------------
#: A kind of document a person hands out or sends, as a page's title names it: "Handout on sleep -
#: Dr. Ann Roe", "A pharmacist's letter", "Press release by the Society". (An article or a study is
#: what a site reports on, not what it reprints, so those words are not here.)
_DOCUMENT_WORD = lazyre.compile(r"\b(?:handouts?|leaflets?|brochures?|pamphlets?|flyers?|letters?|transcripts?"
                                r"|(?:press|news)\s+releases?)\b", re.I)
#: Who the document is from, as a title says it: "by/from <Name>", "Dr. <Name>", or a trailing
#: "- <Name>" or "- <Name> 2012" (a site's own "Vitamin D handout for patients" names no one).
_TITLE_AUTHOR = lazyre.compile(
    r"\b(?i:by|from)\s+(?:(?:Dr|Prof)\.?\s+)?[A-Z][a-z]|\b(?:Dr|Prof|Professor)\.?\s+[A-Z][a-z]"
    r"|[-\u2013\u2014]\s*(?:(?i:handout|letter|leaflet)\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?(?:\s+(?:19|20)\d\d)?\W*$")
#: A practice that hands out its own leaflets, as the last word of the name a title gives: "Maple
#: Street Surgery", "Riverside Clinic", "Hill Pharmacy". A title naming one is the site's own
#: handout, not an outside author's (a person, "Dr. Roe", or a society's "press release from ...").
_OWN_PRACTICE = lazyre.compile(
    r"\b(?:surgery|surgeries|clinics?|practices?|pharmac(?:y|ies)|hospitals?|cent(?:re|er)s?|health\s+services?"
    r"|medical\s+(?:group|services?)|team|ward|unit|department|dept\.?)\W*(?:(?:19|20)\d\d\W*)?$", re.I)


_HTML_TITLE = lazyre.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
#: The writer speaking in a lead-in or a title ("I", "my", "me", "we", "our", "us"): what a
#: writer presents in their own voice ("Here's what I learned from ...", "the plan we use") is theirs.
_LEAD_VOICE = lazyre.compile(r"\b(?:I|I'm|I've|I'd|I'll|[Mm]y|[Mm]e|[Ww]e|[Ww]e're|[Ww]e've|[Oo]urs?|[Uu]s)\b(?![-.]\w)")
#: A person a title names ("Dr. Roe", "Prof Lind"): an outside author even when a practice follows.
_TITLE_PERSON = lazyre.compile(r"\b(?:Dr|Prof|Professor)\.?\s+[A-Z]")


def _titled_document(page: _Page) -> list[tuple[int, int]]:
    """A page whose title names it as someone's handout, letter, transcript or press release
    ("Handout on vitamin D and sleep - Roe 2012"): the whole body is that document, up to the
    writer's own voice (a comment heading or label). A title in the writer's voice ("Why I wrote
    to Dr. Roe: my letter") is the writer's page."""
    doc = page.doc
    data = getattr(doc.front_matter, "data", None) if doc.front_matter else None
    title = data.get("title") if isinstance(data, dict) else None
    if not isinstance(title, str) and "<title" in doc.text[:4000].lower():
        m = _HTML_TITLE.search(doc.text, 0, 4000)  # an HTML page's <title>
        title = _TAG.sub(" ", m.group(1)) if m else None
    if not isinstance(title, str) or len(title) > HEADER_CHARS:
        return []
    title = " ".join(title.split())
    if not (_DOCUMENT_WORD.search(title) and (author := _TITLE_AUTHOR.search(title))) or _LEAD_VOICE.search(title):
        return []
    if _OWN_PRACTICE.search(title, author.start()) and not _TITLE_PERSON.search(title):
        return []  # "Patient leaflet from Maple Street Surgery": the practice's own handout
    return [(doc.body_start, page.own_voice(doc.body_start, len(doc.text), rules=False))]


#: A line that says the text after it is copied from elsewhere, wherever it stands on the page:
#: "### The following was reprinted from a newsletter", "Below are excerpts from the
#: workshop summary". (A lead to a list of the writer's own says nothing of copying.)
_COPIED_WORDS = (
    r"(?:the\s+following|what\s+follows|below)\s+(?:\w+\s+){0,2}?(?:is|was|are|were)\s+(?:copied|clipped|excerpted|"
    r"extracted|reprinted|reproduced|reposted|translated|quoted|pasted|transcribed|taken\s+from|(?:an?\s+)?excerpts?\b"
    r"|(?:an?\s+)?(?:comment|letter|e-?mail|message|reply|post|handout)\s+(?:by|from)\b)")
_FOLLOWING_COPIED = lazyre.compile(r"^\W*" + _COPIED_WORDS, re.I)
def _lone_byline(page: _Page, line: str, end: int) -> bool:
    """One person's "Name, MD" with no journal, dates, DOI or other header line under it: the
    page's own author, not a pasted paper's author block."""
    return bool(_DEGREES.match(line)) and not (_PAPER_DATES.search(line) or _JOURNAL_LINE.search(line)) and _header_lines(
        page, end) == 0


#: A heading that says the text under it came from someone else: a copy verb or a source ("The
#: following was reprinted from ...", "... was written by a reader", "The following is from ..."),
#: not a bare "The following is the plan ..." (a heading over the writer's own text).
_FOLLOWING_SOURCE = lazyre.compile(
    r"^\W*" + _COPIED_WORDS + r"|^\W*the\s+following\s+(?:\w+\s+){0,2}?(?:is|was|are|were)\s+(?:(?:an?\s+|the\s+)?(?:\w+\s+){0,3}?"
    r"(?:from|by)\b|(?:written|adapted|translated|transcribed|quoted|part\s+of)\b)", re.I)
#: The writer's own words in a line: "I", "my", "we", "our".
_NARRATOR = lazyre.compile(r"\b(?:I|I'm|I've|I'd|[Mm]y|[Ww]e|[Oo]ur)\b(?![-.]\w)")


def _following_lines(page: _Page) -> list[tuple[int, int]]:
    """A heading or short line anywhere on the page that says the text after it is copied
    (:data:`_FOLLOWING_COPIED`): a heading heads its section (to the next heading of its level
    or higher); a line heads the rest of the section it stands in, across the sub-headings after
    it (a lead line right above "## Introduction" announces the sections that follow); each up to
    the writer's own voice."""
    doc = page.doc
    spans = []
    for n in _blocks_holding(page, ("ollow", "elow")):
        b = page.blocks[n]
        if b.end - b.start > 2 * LEAD_CHARS:
            continue
        line = " ".join(_plain(doc.prose[b.start:b.end]).split())
        if not line or len(line) > LEAD_CHARS or not _FOLLOWING_COPIED.match(line) or _NARRATOR.search(line):
            continue
        if b.kind in _HEADING_KINDS:
            i = bisect.bisect_right(page.heading_starts, b.end) - 1
            level = page.headings[i].level if i >= 0 and page.headings[i].start >= b.start else None
            end = page.section_end(b.end, level)
        else:
            i = bisect.bisect_right(page.heading_starts, b.start) - 1
            level = page.headings[i].level if i >= 0 else 1
            # under the page's title or above every heading: the rest of the page
            end = page.section_end(b.end, level) if level > 1 else len(doc.text)
        spans.append((b.end, page.own_voice(b.end, end)))
    return spans


#: The writer speaking ("I", "my", "you"): a paper's abstract or a news report does neither.
_VOICE = lazyre.compile(r"\b(?:I|I'm|I've|I'd|[Mm]y|[Mm]e|[Yy]ou|[Yy]our|[Yy]ou're)\b(?![-.]\w)")
#: The writer speaking in the first person singular ("I", "my"): a reposted article may address
#: "you", but a writer's own notes under a linked title say "I".
_FIRST_PERSON = lazyre.compile(r"\b(?:I|I'm|I've|I'd|[Mm]y)\b(?![-.]\w)")
#: How much of a span's text is read for the writer's voice.
VOICE_CHARS = 800


#: A line that is one person's name, as a paper's single author stands under its citation: "M. Nathaniel Mead".
_AUTHOR_NAME = lazyre.compile(r"(?:[A-Z]\.\s*){0,3}[A-Z][a-z'\u2019-]+(?:\s+[A-Z]\.)*(?:\s+(?:van|von|de|der|da)\b)*(?:\s+[A-Z][a-z'\u2019-]+){1,2}"
                            r"(?:,?\s+" + _DEGREE + r")*")


def _header_lines(page: _Page, start: int) -> int:
    """How many header lines (authors, affiliations, a DOI; or one author's name first) follow
    *start* before other text."""
    doc = page.doc
    count = 0
    for b in page.blocks[bisect.bisect_left(page.block_starts, start):]:
        text = doc.prose[b.start:b.end]
        if not text.strip():
            continue
        if b.kind in _HEADING_KINDS or not (opens_reproduced(text) or (count == 0 and _AUTHOR_NAME.fullmatch(
                " ".join(_plain(text).split())))):
            break
        count += 1
    return count


def _body_after_header(page: _Page, start: int, end: int):
    """The first block after *start* (before *end*) that is not a header line (authors,
    affiliations, a DOI): the pasted text's first paragraph, or None when a list, a heading
    or nothing comes first."""
    doc = page.doc
    i = bisect.bisect_left(page.block_starts, start)
    for b in page.blocks[i:]:
        if b.start >= end:
            return None
        text = doc.prose[b.start:b.end]
        if not text.strip() or opens_reproduced(text):
            continue
        return None if b.kind in _HEADING_KINDS or b.kind in ("list-item", "li") else b
    return None


#: What follows a byline's name when it names where the article appeared: ", Wellness Monthly",
#: "for the Daily Planet", "| Health News" (not a degree: "By Jane Doe, RN").
_OUTLET = lazyre.compile(r"\s*(?:[,|\u2013\u2014-]|\b(?:for|in|at|of|from)\b)\s*(?:the\s+)?(?!" + _DEGREE + r")(?P<name>[A-Z][\w&'.-]+)")
#: What follows a writer's name in the page's own byline, not an outlet: a job title ("Senior Health
#: Editor", "Registered Dietitian", "Staff Writer"), a review or update note, a month or a date.
_NOT_OUTLET = lazyre.compile(
    r"\b(?:editors?|writers?|dietitians?|dieticians?|nutritionists?|nurses?|doctors?|physicians?|pharmacists?|reporters?"
    r"|correspondents?|contributors?|contributing|columnists?|staff|RN|MD|PhD|RD|DO|MPH|medically|reviewed|updated|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\b|\d", re.I)


def _reposted_byline(doc: "Document", start: int, end: int, heading: bool) -> bool:
    """A page-opening byline of a reposted article: it is set as a heading, names an outlet after the person, gives a
    post's date ("Posted on May 3, 2015 by ..."), links its source, or is not the page's own
    author (the front matter names another). A bare "By Jane Doe, RN" is the page's byline."""
    line = " ".join(_plain(doc.prose[start:end]).split())
    m = _BYLINE.match(line)
    if m is None:
        return bool(_FOLLOWING_IS.match(line))
    data = getattr(doc.front_matter, "data", None) if doc.front_matter else None
    author = data.get("author") if isinstance(data, dict) else None
    names = author if isinstance(author, list) else [author] if isinstance(author, str) else []
    if any(str(n).split()[-1:] and str(n).split()[-1] in line for n in names):
        return False  # the byline names the page's own author, whatever follows the name
    if heading:
        return True  # a byline set as a heading keeps a reposted article's author over it
    if re.match(r"\W*(?:posted|published|written)\s+(?:on|at|in)\s", line, re.I) or _LINKED.search(doc.text, start, end):
        return True
    outlet = _OUTLET.match(line, m.end())
    if outlet and not _NOT_OUTLET.search(line[outlet.start("name"):].split(",")[0].split("|")[0]):
        return True
    return bool(names)


def _titled(text: str) -> bool:
    """Heading text that is more than an address: two words or more besides it ("#### [www.pills.example.com](...)"
    names a site the page goes on to describe, not an excerpt)."""
    return len(_TITLE_WORD.findall(_ADDRESS.sub(" ", text))) >= 2


def _outside_link(links: list, starts: list[int], lo: int, hi: int, heading: str) -> bool:
    """A link to another site in ``[lo, hi)``, in a heading that says more than its address
    (the linked page's title, or "Copied from <address> without its figures")."""
    if not _titled(heading):
        return False
    i = bisect.bisect_left(starts, lo)
    while i < len(links) and links[i].start < hi:
        link = links[i]
        if not link.image and _OUTSIDE.match(link.target or "") and len(
                _TITLE_WORD.findall(_ADDRESS.sub(" ", link.text or ""))) != 1 and not _ACTION.search(link.text or ""):
            # a linked title ("[Vitamin D and falls](...)", "From [the Ecologist](...)") or an address
            # the heading names; not a one-word source named in passing ("How much to take ([NIH](...))")
            return True
        i += 1
    return False


def _linked_titles(page: _Page) -> list[tuple[int, int]]:
    """Sections under headings that link to another site's page: from the heading's end to the
    next heading of the same or a higher level, or to the writer's own voice at any depth."""
    doc = page.doc
    links = sorted((link for link in doc.links if not link.image and _OUTSIDE.match(link.target or "")),
                   key=lambda link: link.start)
    if not links or not page.headings:
        return []
    starts = [link.start for link in links]
    spans = []
    for heading in page.headings:
        if _outside_link(links, starts, heading.start, heading.end, heading.text or ""):
            # (no voice test: a reposted op-ed or blog post says "I" as often as the writer does)
            # a page-title heading (level 1) heads its own section only, never the whole page
            level = heading.level if heading.level > 1 else None
            spans.append((heading.end, page.own_voice(heading.end, page.section_end(heading.end, level))))
    return spans


def _source_leads(page: _Page) -> list[tuple[int, int]]:
    """A section (or the page's top) that opens with a short line naming and linking its source
    ("Posted at [Site](...)", "Copied from [headline](...)", "From [the blog](...)") or with a line
    that is only another site's linked title, or that holds a short line introducing items from a
    document ("Highlights from the report:"): the section after that line."""
    doc = page.doc
    spans = []
    titles = _linked_title_lines(page)
    bounds = [doc.body_start] + [h.end for h in page.headings]
    for n, lo in enumerate(bounds):
        if n and own_comment(page.headings[n - 1].text or ""):
            continue
        hi = page.section_end(lo)
        i = bisect.bisect_left(page.block_starts, lo)
        seen = 0
        for b in page.blocks[i:]:
            if b.start >= hi:
                break
            if b.kind in _HEADING_KINDS:
                continue
            if b.end - b.start > 4 * LEAD_CHARS:
                seen += 1  # a long block: the text itself, no lead line
                continue
            if seen >= LEAD_BLOCKS and not _holds_item_word(page, b.start, b.end):
                # Past the lead blocks only a line introducing items can lead, and it needs its
                # words (found in the block's prose if in its words joined by single spaces).
                seen += not doc.prose[b.start:b.end].isspace() and b.end > b.start
                continue
            prose = " ".join(doc.prose[b.start:b.end].split())
            if not prose:
                continue
            seen += 1
            short = len(prose) <= LEAD_CHARS
            named = seen <= LEAD_BLOCKS and bool(_LINKED.search(doc.text, b.start, b.end)) and bool(
                _SOURCE_LEAD.search(_plain(prose)) or _FROM_LINK.fullmatch(doc.text[b.start:b.end].strip()))
            items = short and _ITEMS_WORD.search(prose) is not None and _ITEMS_FROM.search(prose) is not None
            if short and (named or items or (seen <= LEAD_BLOCKS and b.start in titles)):
                end = page.own_voice(b.end, hi)
                # a line naming its source says so outright; a bare linked title over the writer's "I" does not
                if named or items or not _FIRST_PERSON.search(
                        doc.prose, b.end, min(end, b.end + VOICE_CHARS)):
                    spans.append((b.end, end))
                break
    return spans


#: Link text that asks the reader to act, counts something or names the site's own page, not a
#: source's title: "Download the PDF", "Click here", "Study was cited 335 times", "Our dosing page".
_ACTION = lazyre.compile(r"\b(?:download|click|view|open|search|cited|subscribe|watch|listen|buy|order|visit|our|my)\b", re.I)
#: A link to a file (a PDF, a picture): an attachment, not a page whose text follows.
_FILE_TARGET = lazyre.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|zip|mp[34])(?:[?#]|$)", re.I)


#: The words :data:`_ITEMS_WORD` opens with.
_ITEM_WORDS = ("items", "excerpts", "quotes", "quotations", "highlights", "points", "passages", "extracts")


def _holds_item_word(page: _Page, start: int, end: int) -> bool:
    """Whether :data:`_ITEMS_WORD` matches in the prose from *start* to *end*, asked only when one
    of :data:`_ITEM_WORDS` starts there (their places on the page found once, by ``str.find``)."""
    doc = page.doc
    if page.item_words is None:
        page.item_words = sorted(at for word in _ITEM_WORDS for at in find_all(doc.prose, word))
    i = bisect.bisect_left(page.item_words, start)
    return i < len(page.item_words) and page.item_words[i] < end and _ITEMS_WORD.search(doc.prose, start, end) is not None


def _linked_title_lines(page: _Page) -> set[int]:
    """Starts of blocks whose whole text is one link to another site with a title of two words
    or more (``**[Sunshine and the skin](https://...)**``): the linked title of what follows."""
    doc = page.doc
    found: set[int] = set()
    for link in doc.links:
        if link.image or link.text_start is None or link.text_end is None or not _OUTSIDE.match(link.target or ""):
            continue
        block = doc.block_at(link.text_start)
        if (block is not None and block.kind in ("paragraph", "p", "div")
                and doc.prose[block.start:block.end].strip(" \t\n*_") == doc.prose[link.text_start:link.text_end].strip()
                and _titled(link.text or "") and not _ACTION.search(link.text or "") and not _FILE_TARGET.search(link.target or "")):
            found.add(block.start)
    return found


def _pubmed_abstracts(page: _Page, regions: list) -> list[tuple[int, int]]:
    """Abstracts pasted as PubMed gives them: a section whose first blocks are the journal line
    ("Endocrine. 2016 Mar 22.") and then the authors ("Renner KD."; or a byline region): the text
    after the authors, up to the next heading, horizontal rule or the writer's own voice."""
    doc = page.doc
    text = doc.text
    rules: list[int] | None = None
    bylines = [(r.start, r.end) for r in regions if r.kind == "byline"]
    spans: list[tuple[int, int]] = []
    journal_at, seen, section = -1, 0, -1
    title: tuple[int, int] | None = None  # the paper's title, when a short line stands right above its journal line
    previous = None
    for b in page.blocks:
        if b.kind in _HEADING_KINDS:
            continue
        here = bisect.bisect_right(page.heading_starts, b.start)
        if here != section:
            section, seen, journal_at, previous = here, 0, -1, None
        seen += 1
        if seen > ABSTRACT_HEAD_BLOCKS and journal_at < 0:
            continue
        line = " ".join(doc.prose[b.start:b.end].split())
        if not line:
            continue
        if journal_at < 0 and _PUBMED_JOURNAL.match(line):
            journal_at = b.end
            # (the title only: the journal line itself stays readable to the rules that know a citation)
            title = (previous.start, previous.end) if previous is not None and _paper_title(
                doc.prose[previous.start:previous.end]) else None
        elif journal_at < 0:
            previous = b
        elif journal_at >= 0 and journal_at <= len(text) and (
                _AUTHORS_LINE.fullmatch(line) or any(lo <= b.start < hi for lo, hi in bylines)):
            end = page.section_end(b.end)
            if rules is None:
                rules = [m.start() for m in _rule_lines(text, 0)]
            i = bisect.bisect_right(rules, b.end)
            end = min(end, rules[i]) if i < len(rules) else end
            spans.append((b.end, page.own_voice(b.end, end)))
            if title is not None:
                spans.append(title)  # its title over the journal line
            journal_at = len(text) + 1  # one abstract a section
    return spans


#: A paper's summary box as journals print it under the authors: "Highlights", "Key points",
#: "Graphical abstract", "Abstract", "Summary".
_BOX_LABEL = lazyre.compile(r"[\W_]*(?:highlights|key\s+(?:points|messages|findings)|graphical\s+abstract|abstract|summary"
                            r"|what\s+is\s+(?:already\s+)?known(?:\s+on\s+this\s+topic)?)[\W_]*", re.I)


#: What every box label holds, in either case of its first letter.
_BOX_WORDS = ("ighlights", "IGHLIGHTS", "ey points", "ey messages", "ey findings", "bstract", "BSTRACT", "ummary", "UMMARY",
              "known", "KEY ")


def _paper_boxes(page: _Page) -> list[tuple[int, int]]:
    """A paper's summary box pasted under its authors: a section whose first blocks hold an
    authors' line (three names or more, names with degrees, an affiliation) right above a
    "Highlights" or "Key points" label: the label and the rest of the section, up to the
    writer's own voice. (A list of names over the writer's own text has no such label; one
    person's "Name, MD" is a paper's header only under its journal, dates or DOI line.)"""
    doc = page.doc
    if not any(word in doc.prose for word in _BOX_WORDS):
        return []  # no box label anywhere on the page
    spans = []
    for n in _blocks_holding(page, _BOX_WORDS):
        b = page.blocks[n]
        if b.kind in _HEADING_KINDS or b.end - b.start > 4 * SHORT_LABEL_CHARS:
            continue  # a paragraph that uses the word, not a label
        line = " ".join(_plain(doc.prose[b.start:b.end]).split())
        if len(line) > SHORT_LABEL_CHARS or not _BOX_LABEL.fullmatch(line):
            continue
        lo = page.heading_end_before(b.start)
        before = [x for x in page.blocks[bisect.bisect_left(page.block_starts, lo):n] if doc.prose[x.start:x.end].strip()]
        if not before or len(before) > ABSTRACT_HEAD_BLOCKS or any(x.kind in _HEADING_KINDS for x in before):
            continue  # the label is not among the section's first blocks
        lines = [" ".join(_plain(doc.prose[x.start:x.end]).split()) for x in before]
        if not is_header_line(lines[-1]):
            continue
        if _DEGREES.match(lines[-1]) and not any(is_header_line(x) or _JOURNAL_LINE.search(x) or _DOI_LINE.search(x)
                                                 or _PUBMED_JOURNAL.match(x) for x in lines[:-1]):
            continue  # one "Name, MD" byline over "Key points": a health page's own author and summary
        spans.append((b.start, page.own_voice(b.start, page.section_end(b.start))))
    return spans


#: A paragraph opening one reviewer's comments: "1: This paper ...", "Reviewer 2: The authors ...",
#: "Referee #1 - ..." (a bare "1." is an ordinary numbered list, so a bare number needs its colon).
_REVIEW_ITEM = lazyre.compile(r"[\s*_]*(?:(?:reviewer|referee)\s*#?\s*(\d{1,2})\s*[:.)\u2013\u2014-]|(\d{1,2}):)\s+\S", re.I)
#: The writer's lead to the comments: it names reviews or feedback.
_REVIEW_LEAD = lazyre.compile(r"\b(?:feedback|reviewers?|referees?|critiques?|peer[- ]reviews?|(?:reviews?|comments)\s+(?:from|by)\b)",
                              re.I)
#: A lead to the page's own answers to what readers sent in ("Reader feedback raised three
#: questions, answered here:"): numbered answers to readers are the writer's.
_READERS_LEAD = lazyre.compile(r"\b(?:readers?|answer(?:s|ed)?|FAQs?)\b", re.I)
#: A numbered item that opens with a question ("1: How much? ..."): a question and its answer.
_QUESTION_ITEM = lazyre.compile(r"[\s*_]*(?:(?:reviewer|referee)\s*#?\s*\d{1,2}\s*[:.)\u2013\u2014-]|\d{1,2}:)\s+[^.!?\n]{1,120}\?", re.I)


def _reviews(page: _Page) -> list[tuple[int, int]]:
    """Peer reviewers' comments pasted under the writer's lead ("I got some feedback from the
    reviewers ..."): paragraphs numbered "1:", "2:" ... (or "Reviewer 1:", "Reviewer 2:"), two or
    more in order, right after a paragraph naming reviews or feedback. The span runs
    from the first comment to where the writer speaks again ("I", "we") after the last one. A lead
    to readers' questions, or items that each open with a question, are the page's own answers.
    (Bare "feedback" still leads: "I got some nice feedback" over a conference's reviews.)
    The numbered paragraphs are indexed once, so a page of thousands of leads stays linear."""
    doc = page.doc
    if ":" not in doc.prose:
        return []
    blocks = [b for b in page.blocks if doc.prose[b.start:b.end].strip()]
    numbered: dict[str, list[int]] = {}  # each number: the indices of the blocks it opens, in order
    firsts = []
    for i, b in enumerate(blocks):
        item = _REVIEW_ITEM.match(doc.prose, b.start)
        if item is not None:
            number = item.group(1) or item.group(2)
            numbered.setdefault(number, []).append(i)
            if number == "1" and i > 0:
                firsts.append(i)
    if not firsts:
        return []
    headings = [i for i, b in enumerate(blocks) if b.kind in _HEADING_KINDS]
    speaks: list[int] | None = None  # speaks[i]: the first block at or after i where the writer speaks
    spans = []
    done = 0
    for n in firsts:
        if n < done:
            continue  # inside a set of comments already found
        lead = blocks[n - 1]
        if not _REVIEW_LEAD.search(doc.prose, lead.start, lead.end) or _READERS_LEAD.search(doc.prose, lead.start, lead.end):
            continue
        if _QUESTION_ITEM.match(doc.prose, blocks[n].start):
            continue  # "1: How much? Adults can take ...": the page's answer to a question
        h = bisect.bisect_right(headings, n)
        k = headings[h] if h < len(headings) else len(blocks)  # the next heading ends the comments
        expected, last = 2, n
        while True:
            at = numbered.get(str(expected), [])
            j = bisect.bisect_right(at, last)
            if j >= len(at) or at[j] >= k:
                break
            expected, last = expected + 1, at[j]
        if expected < 3:
            continue  # one numbered paragraph is no set of reviews
        if speaks is None:
            speaks = [len(blocks)] * (len(blocks) + 1)
            for i in range(len(blocks) - 1, -1, -1):
                speaks[i] = i if _NARRATOR.search(doc.prose, blocks[i].start, blocks[i].end) else speaks[i + 1]
        stop = min(speaks[last + 1], k)  # the writer again: "That feedback came quickly and we ..."
        end = blocks[stop - 1].end
        spans.append((blocks[n].start, page.own_voice(blocks[n].start, end)))
        done = last + 1
    return spans


#: A paragraph's last sentence presenting the blocks after it as taken from a named source:
#: "Here is an outline of the steps, taken from the clinic's staff guide.", "Here are the
#: rules from the funder:" (not "Here is my draft of a reply", the writer's own).
_HERE_IS = lazyre.compile(r"(?:^|[.!?:]\s+|\n)[\s*_]*(?:here(?:'s|\u2019s|\s+is|\s+are)|below\s+(?:is|are))\s+(?:[\w'\u2019-]+\s+){1,6}?"
                          r"from\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|[A-Z])[^.!?:\n]{2,80}[.:][\s*_]*$", re.I)


#: What every such paragraph holds (plain substring tests: far cheaper than a pattern over the page).
_HERE_WORDS = ("ere's", "ere\u2019s", "ere is", "ere are", "elow is", "elow are")


#: What a lead presents from an event or the writer's experience, not from a document or an
#: author: "from the conference", "from years of nursing" (the writer's summary of it).
_EVENT_SOURCE = lazyre.compile(r"\b(?:conferences?|congress(?:es)?|meetings?|workshops?|symposi(?:um|a)|webinars?|seminars?"
                               r"|sessions?|courses?|visits?|trips?|years?|months?|weeks?|days?|experiences?|careers?)\b", re.I)
#: Words a lead uses for another's words it copies: "Here's one of my favourite quotes from ...".
_QUOTE_NOUN = lazyre.compile(r"\b(?:quotes?|quotations?|excerpts?|passages?|extracts?|paragraphs?|verbatim)\b", re.I)
#: A document or a person's text a lead can name as its source, even at an event ("from the
#: workshop summary", "from the congress's guideline").
_DOCUMENT_SOURCE = lazyre.compile(r"\b(?:guides?|guidelines?|guidance|leaflets?|handouts?|handbooks?|manuals?|reports?|papers?"
                                  r"|articles?|summar(?:y|ies)|minutes|slides|abstracts?|statements?|letters?|protocols?"
                                  r"|polic(?:y|ies)|books?|notes|transcripts?|proceedings|website|page|brochures?|releases?)\b", re.I)


def _here_is(page: _Page) -> list[tuple[int, int]]:
    """The blocks after a paragraph that ends by presenting them as another's text ("Here's a
    outline of the steps, taken from the clinic's staff guide."): up to the first block where
    the writer speaks again ("I", "my", "we", "you"), the next heading, or the writer's own voice.
    A lead in the writer's voice ("Here's what I learned from ...", "Here are my tips from ...")
    or naming an event or experience rather than a document ("... from the conference:") is the
    writer's own summary. Each block is read once for its voice (a page of thousands of leads
    stays linear)."""
    doc = page.doc
    if not any(word in doc.prose for word in _HERE_WORDS):
        return []  # most pages: no "here is" or "below is" at all
    blocks = [b for b in page.blocks if doc.prose[b.start:b.end].strip()]
    starts = [b.start for b in blocks]
    stops: list[int] | None = None  # stops[i]: the first block at or after i that is a heading or speaks
    spans = []
    for k in _blocks_holding(page, _HERE_WORDS):
        b = page.blocks[k]
        n = bisect.bisect_left(starts, b.start)
        if b.kind in _HEADING_KINDS or n >= len(blocks) - 1 or blocks[n].start != b.start:
            continue
        tail = " ".join(_plain(doc.prose[max(b.start, b.end - 400):b.end]).split())
        m = _HERE_IS.search(tail)
        if m is None or (_LEAD_VOICE.search(m.group(0)) and not _QUOTE_NOUN.search(m.group(0).split("from", 1)[0])):
            # "Here is a photo from our clinic", "Here's what I learned from ...": the writer's own
            # (but "Here's my favourite passage from the guide" is still the guide's words)
            continue
        source = m.group(0).split("from", 1)[-1]
        if _EVENT_SOURCE.search(source) and not _DOCUMENT_SOURCE.search(source):
            continue  # "Here are the main points from the meeting:": the writer's summary of it
        if stops is None:
            stops = [len(blocks)] * (len(blocks) + 1)
            for i in range(len(blocks) - 1, -1, -1):
                later = blocks[i]
                speaks = later.kind in _HEADING_KINDS or _NARRATOR.search(doc.prose, later.start, later.end) or _VOICE.search(
                    doc.prose, later.start, later.end)
                stops[i] = i if speaks else stops[i + 1]  # the writer again: "I", "we", or advice to "you"
        stop = stops[n + 1]
        if stop > n + 1:
            lo = blocks[n + 1].start
            spans.append((lo, page.own_voice(lo, blocks[stop - 1].end)))
    return spans


def _paper_title(text: str) -> bool:
    """A short line that can be a paper's title over its journal line: one sentence or phrase,
    not the writer's voice, not a link list ("**Half-lives differ by genotype.**")."""
    line = " ".join(_plain(text).split())
    return 3 <= len(line.split()) <= 40 and len(line) <= HEADER_CHARS and not _VOICE.search(line) and not _LINKED.search(text)


def _before_source_references(page: _Page, regions: list) -> list[tuple[int, int]]:
    """A pasted text that ends with its source's own numbered references: a reference list of
    :data:`SOURCE_REFERENCES` or more entries after prose carrying two or more reference numbers
    in the same section, with the writer's own comment after it (an own-comment heading or label
    before the next reference list or the page's end). The span runs from the section's start to
    the list's end; a page whose reference list is its own (nothing of the writer's after it)
    keeps its prose."""
    doc = page.doc
    refs = sorted((r.start, r.end) for r in regions if r.kind == "reference")
    if len(refs) < SOURCE_REFERENCES or not page.cite_marks():
        return []
    spans = []
    k = 0
    while k < len(refs):
        # a run of reference entries with nothing but blank lines or a label between them
        lo, hi, count = refs[k][0], refs[k][1], 1
        while k + 1 < len(refs) and not doc.prose[hi:refs[k + 1][0]].strip(" \t\r\n*_#:"):
            hi = max(hi, refs[k + 1][1])
            count += 1
            k += 1
        k += 1
        if count < SOURCE_REFERENCES:
            continue
        j = bisect.bisect_right(page.heading_starts, lo) - 1
        heading = page.headings[j] if j >= 0 else None
        start = heading.end if heading is not None else doc.body_start
        if heading is not None and (_REFERENCES.match(" ".join(_plain(heading.text or "").split()))
                                    or own_comment(heading.text or "")):
            continue  # a reference section of its own, or a list under the writer's comment
        marks = page.cite_marks()
        if bisect.bisect_left(marks, lo) - bisect.bisect_left(marks, start) < 2:
            continue  # the prose above does not cite it by number
        if page.own_voice(start, lo) < lo or not _comment_after(page, hi):
            continue  # the writer speaks above the list, or nothing of the writer's follows it
        spans.append((start, hi))
    return spans


#: A heading or label over links to more reading: the site's, but no comment on the text above it.
_MORE_READING = lazyre.compile(r"[\W_]*(?:see\s+also|related\b|more\s+on\b|further\s+reading|more\s+reading|links?\b)", re.I)


def _comment_after(page: _Page, hi: int) -> bool:
    """Whether the writer comments after a reference list ending at *hi*: a comment heading or
    label, or a horizontal rule before the writer's "I" ("See also", "Related" and link lists
    follow a page's own references as often as a source's)."""
    doc = page.doc
    voices = page._voices()
    for v in voices[bisect.bisect_left(voices, hi):]:
        if not _MORE_READING.match(" ".join(_plain(doc.prose[v:v + LABEL_CHARS]).split())):
            return True
    return False



# -- a reader's letter the page answers ---------------------------------------------------------
#: A block that opens a letter to a named person: "Dear Professor Lind,", "*Dear Dr. Okafor:", "Dear Ana -".
#: The writer's own greeting to a group ("Dear readers", "Dear friends", "Dear colleagues") opens the
#: writer's own words, not a letter the page answers.
_DEAR = lazyre.compile(r"[\s*_>]*(?:<(?:em|i|b|strong)>\s*)*Dear\s+(?!(?:readers?|friends|all|everyone|everybody|colleagues"
                       r"|members|subscribers|visitors|followers|patients|parents|listeners|viewers|fellow|you)\b)"
                       r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}\s*[,:!\u2013\u2014-]", re.I)
#: The letter's writer in the first person singular ("I", "my", "me").
_LETTER_VOICE = lazyre.compile(r"\b(?:I|I'm|I've|I'd|[Mm]y|[Mm]e)\b(?![-.]\w)")
#: A letter's sign-off: "Sincerely", "Thanks, Ana", "- Puzzled in Perth" at the end of a block.
_SIGN_OFF = lazyre.compile(r"(?:\b(?:sincerely|regards|thanks(?:\s+in\s+advance)?|thank\s+you|cheers|best\s+wishes|yours)\b"
                           r"[\s,.!*_]*(?:[A-Z][\w.'\u2019-]*\s*){0,3}|(?:^|\s)[-\u2013\u2014]\s*[A-Z][\w.'\u2019-]*"
                           r"(?:\s+(?:in\s+)?[A-Z][\w.'\u2019-]*){0,3})[\s*_.]*$", re.I)
#: A letter set in italics: "*Dear ...", "_Dear ...", "<em>Dear ...".
_ITALIC_OPEN = lazyre.compile(r"[\s>]*(?:(\*|_)(?!\1)|<(em|i)>)")


def _italics_close(text: str, start: int, end: int) -> int | None:
    """Where the italics that open the block at *start* close (after the closing mark), or
    None when the block does not open in italics or they run past its end."""
    m = _ITALIC_OPEN.match(text, start, end)
    if m is None:
        return None
    mark = m.group(1) or "</" + m.group(2) + ">"
    at = text.find(mark, m.end(), end)
    while at >= 0 and mark in "*_" and text[at + 1:at + 2] == mark:
        at = text.find(mark, at + 2, end)  # "**" inside is bold, not the closing mark
    return None if at < 0 else at + len(mark)


#: How many blocks after its greeting a reader's letter may run (its paragraphs and sign-off).
LETTER_BLOCKS = 4


#: A greeting to an office, not a reader: "Dear Minister,", "Dear Senator Vale,", "Dear Secretary of State".
_TO_OFFICE = lazyre.compile(r"[\s*_>]*(?:<(?:em|i|b|strong)>\s*)*Dear\s+(?:(?:Mr\.?|Madam|Mrs\.?|Ms\.?)\s+)?(?:Prime\s+)?"
                            r"(?:Ministers?|Secretary|Senators?|President|Commissioner|Governor|Mayor|Councill?or|MP|"
                            r"Congress(?:man|woman)|Representative|Chancellor|Premier|Chair(?:man|woman)?)\b", re.I)
#: A letter the page calls an open letter (in its section heading or the letter itself).
_OPEN_LETTER = lazyre.compile(r"\bopen\s+letter\b", re.I)
#: How an answer to a reader's letter opens: a greeting back ("Dear Reader,", "Dear Pat,"), an
#: answer label ("A:", "Answer:", "Reply -"), or "Dr Okafor replies".
_ANSWER_OPENS = lazyre.compile(r"[\s*_>]*(?:<[a-z]+>\s*)*(?:Dear\s+[A-Z]|(?:A|Ans|Answer|Reply|Response)\s*[:.\u2013\u2014-]|"
                               r"(?:[A-Z][\w.'\u2019-]*\s+){1,3}(?:answers|replies|responds)\b)")
#: A heading that introduces the answer.
_ANSWER_WORD = lazyre.compile(r"\b(?:answers?|repl(?:y|ies)|responses?)\b", re.I)


def _readers_letters(page: _Page) -> list[tuple[int, int]]:
    """A reader's letter the page answers: a block opening a section (or the page) with "Dear
    <name>," in a writer speaking of themself ("I", "my"), with the letter's later paragraphs
    while they too say "I" or "my", up to a block ending in its sign-off or a question mark, a
    heading, or the answer's own greeting ("Dear Reader, ..."). A letter asks (a question mark)
    or is signed, and the page answers it (text after it): the writer's own open letter ("Dear
    Minister, I write to ask you to ...", to the page's end) and a page that only greets its
    readers ("Dear friends, this month I ...") are the writer's and are not matched. A letter
    set in italics ends where they close (the answer often goes on in the same paragraph)."""
    doc = page.doc
    if "Dear" not in doc.prose and "DEAR" not in doc.prose and "dear" not in doc.prose:
        return []
    blocks = [b for b in page.blocks if doc.prose[b.start:b.end].strip()]
    spans = []
    for n, b in enumerate(blocks):
        if b.kind in _HEADING_KINDS or not _DEAR.match(doc.text, b.start, b.end):
            continue
        if n and blocks[n - 1].kind not in (*_HEADING_KINDS, "title") and not doc.prose[blocks[n - 1].start:blocks[n - 1].end].rstrip(
                " *_\t\n").endswith(":"):
            continue  # a greeting in the middle of the writer's text: not a letter opening a section
        if spans and spans[-1][1] >= b.start:
            continue  # the answer's own greeting right after the letter
        if not _LETTER_VOICE.search(doc.prose, b.start, b.end):
            continue  # "Dear Sam, the answer is ...": a greeting with no letter-writer behind it
        if _TO_OFFICE.match(doc.text, b.start, b.end) or _OPEN_LETTER.search(
                doc.prose, blocks[n - 1].start if n else b.start, b.end):
            continue  # the writer's own (open) letter to an official, rhetorical questions and all
        end = b.end
        last = b
        closed = _italics_close(doc.text, b.start, b.end)
        if closed is not None:
            # a letter set in italics ends with them; the answer may follow in the same paragraph
            if closed < b.end or any(x.kind not in _HEADING_KINDS for x in blocks[n + 1:]):
                spans.append((b.start, closed))
            continue
        for later in blocks[n + 1:n + 1 + LETTER_BLOCKS]:
            said = doc.prose[last.start:last.end].rstrip(" *_\t\n\"\u201d")
            if said.endswith("?") or _SIGN_OFF.search(said[-80:]):
                break  # the letter closes with its question or its signature
            if later.kind in _HEADING_KINDS or _DEAR.match(doc.text, later.start, later.end) or not _LETTER_VOICE.search(
                    doc.prose, later.start, later.end):
                break
            end = later.end
            last = later
        said = doc.prose[b.start:end].rstrip(" *_\t\n\"\u201d")
        signed = _SIGN_OFF.search(said[-80:]) is not None
        asked = "?" in said or signed
        after = [x for x in blocks[n + 1:] if x.start >= end]
        reply = next((x for x in after if x.kind not in _HEADING_KINDS), None)
        # answered: a signed letter with text after it, or a block shaped as the answer (a greeting
        # back, "A:", "Dr Roe replies", or under an "Answer" heading), not just any paragraph after it
        answered = reply is not None and (signed or _ANSWER_OPENS.match(doc.text, reply.start, reply.end) is not None or any(
            x.kind in _HEADING_KINDS and x.start < reply.start and _ANSWER_WORD.search(doc.prose, x.start, x.end)
            for x in after))
        if asked and answered:
            spans.append((b.start, end))
    return spans


# -- a programme's session listing ----------------------------------------------------------------
#: The label a conference or web-seminar programme puts between a session's title and its abstract:
#: "Speakers: Ann Roe, Northfield University.", "Presenter: ...", "Panelists: ..." (not an
#: "Instructor:" line, which as often introduces the writer's own biography).
_SPEAKERS = lazyre.compile(r"(?:^|(?<=[.;)\s]))(?i:speakers?|presenters?|panel(?:l)?ists?|presented\s+by)"
                           r"[*_]*\s*:[*_]*\s+(?=[A-Z])")
#: The words every such block holds (plain substring tests before the pattern).
_SPEAKER_WORDS = ("peaker", "resenter", "anelist", "anellist", "resented by")


def _session_abstracts(page: _Page) -> list[tuple[int, int]]:
    """A session's abstract in a programme the page pastes: in a list item (or a paragraph where
    the label starts a line or comes once per session, twice or more) that names the session's
    speakers after its title ("Data mining for safety signals. Speakers: Ann
    Roe, ... The session shows ..."), the text from that label to the block's end is the
    organisers' (a block where the writer says "I" or "my" after the label is the writer's own)."""
    doc = page.doc
    spans = []
    for n in _blocks_holding(page, _SPEAKER_WORDS):
        b = page.blocks[n]
        if b.kind in _HEADING_KINDS:
            continue
        m = _SPEAKERS.search(doc.prose, b.start, b.end)
        if m is None or m.start() == b.start or _FIRST_PERSON.search(doc.prose, m.end(), b.end):
            continue  # no title before the label, or the writer's own words after it
        line_start = doc.prose.rfind("\n", b.start, m.start()) + 1 or b.start
        if (b.kind not in ("list-item", "li") and _SPEAKERS.search(doc.prose, m.end(), b.end) is None
                and doc.prose[line_start:m.start()].strip(" \t*_-")):
            continue  # a "Speakers:" mid-paragraph in the writer's recap, not a programme's entry
        if len(doc.prose[m.end():b.end].split()) >= 25:
            spans.append((m.start(), b.end))
    return spans
