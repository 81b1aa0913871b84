"""What kind of text each span of a document is, when it is not the page's own prose.

On real health sites most wrong findings come from rules reading text the
page did not write or that is not prose at all: author initials in a
reference list read as abbreviations, a pasted abstract's "recent" read as the
page's, a glossary line read as an undefined abbreviation. :func:`find_regions`
finds six kinds of span with stated, format-independent heuristics over the
document's blocks, headings and prose view (so Markdown and HTML alike):

``reference``
    bibliography sections (under a heading or a lone label line such as
    References, Bibliography, Sources, Literature cited, Further reading,
    Endnotes, Footnotes; a plain "Notes" section is the writer's own), blocks or lines shaped like citations (at least two of: an author
    list, a year, volume/issue/pages, a DOI/PMID), lines that hold nothing but
    an identifier, and inline citations (``Chung et al. (28)``, ``(Smith and
    Jones, 2019)``, ``Integr Cancer Ther 2012;11:1``, ``Berg TK. "Title"``); a citation
    line opening with its author's name before the work's linked title; a link whose text
    is a Title Case title named as a source ("from the [...]", "see [...]") or a question.
``quotation``
    block quotes (``>``, ``<blockquote>``), ``<q>`` and ``<cite>``, a paragraph
    wholly in italics after a colon or a reporting verb ("states that:", and the
    italic paragraphs that continue it), after a short lead whose sentence runs on
    into it, or over its PMID or DOI line (or with its citation after it in the same
    paragraph), a paragraph under a colon lead with its source's bare address after
    it, a passage whose opening quotation mark starts a paragraph or follows a label
    ("Excerpt:") and whose closing mark ends a later block (a quote over a paragraph
    and its list; its source's address may follow the mark), a description quoted
    from a reference work (``Medline "is a ..."``) to its last closing mark, and pasted
    abstracts: from a structured label (BACKGROUND:, METHODS:, RESULTS:... two
    distinct ones in a section, or one written in capitals), text after a short line
    that says it is reproduced ("Clipped from the PDF", "The following is translated
    from", up to the next heading), or an Abstract
    heading or label line, up to the next heading; an abstract introduced by
    its citation or its authors' affiliations (in a section's first six blocks:
    the rest of the section after them and the bylines, and the sections after it,
    under the paper's own headings, up to one whose heading narrates ("Our view") or
    whose first lines say "I", "my" or "you", or that lists references); and reproduced papers: the
    sections under a paper's headings (Introduction, Methods, Discussion... when
    the page has two or more of them), under numbered section headings
    ("1. Introduction", "3.1 Temporality", when it has two or more), or under a
    heading that ends with a full stop, as a paper's title does in PubMed
    ("Vitamin D and cancer."; up to the next heading, unless the heading or the
    text under it says "I" or "you", as a writer's own section may).
    Also paper prose copied without any marker: a section (between two headings)
    with two or more paragraphs written with numbered citations (``[12]``,
    ``<sup>3</sup>``, ``(42)``, ``shown.7``, ``insulin22,23``; two or more in each), or
    a single paragraph with three or more (a writer's own page cites in footnotes or
    links, a published paper with reference numbers); a section in a paper's voice
    where the writer never says "I" or "you" (:func:`_academic_features`: reference
    numbers, "et al.", author-year citations, statistics, "we found"); a paper's
    header by weaker marks too (two of: its authors' names, an e-mail address, a
    journal's volume or issue; or the names alone right above a long paragraph, for
    that section only); a header, or a line saying the text is reproduced, that ends
    its section carries into the sections after it, up to the writer's voice, a
    horizontal rule, a heading naming the writer's comment or "See also", or a
    section that is mostly links; a bare list of authors' names opening a section
    over a paragraph (a chapter's abstract under its title); and transcripts: lines opened
    by a speaker's name (``**KB**:``, ``Henry:``) when two or more speakers take two
    or more turns each (an interview's words are the speakers', not the page's; a turn goes
    on in the paragraphs after it up to the next speaker, heading or rule). Also a section
    under a heading that names another's text (a press release, transcript, captions, a
    guest essay, speakers' biographies, a call for papers, "Learning objectives from" a meeting,
    an e-mail, reply, letter or interview with someone,
    "From <address>", "(extracted from PDF)"), a section opening with a news dateline or
    with "This is a version of an email by ...", a line "A copy of a blog post at"; and a
    paper carried above resumes under its own Introduction after the page's comment, or past
    a horizontal rule when its own section sequence goes on (an Abstract label above, a
    Methods heading after) and the section gives the reader no advice.
``commentary``
    the page's own comment on a reproduced paper: the sections after the paper that a
    horizontal rule, a heading naming the writer's comment ("Summary by ...",
    "Comments"), "See also" or a list of links divides from it, up to the writer's
    "I" or "you" or a reference list. The page's prose (its stale words and hype are
    its own), but the doses and figures it restates are the paper's.
``definition``
    glossary lines and table rows (``EGD = esophagogastroduodenoscopy``,
    ``**HEP**: home exercise program``, ``| SNR | signal to noise |``),
    definition lists, and inline ``long form (ABBR)``, ``ABBR (long form)``,
    ``(long form: ABBR)``; :func:`defined_abbreviations` lists what they define.
``byline``
    author and affiliation lines: "By ...", "Author(s):", lists of three or
    more names, and short lines naming a university, department, hospital or
    institute in a comma-separated address.
``code-like``
    file paths, @handles, URL-encoded runs (``2000%20IU``) and file names.
``reproduced``
    text the page carries from another source without quotation marks: an article under a
    page-opening byline, citation or "The following is ...", the section under a heading that
    links to another site's page, a section led by a linked "Posted at"/"Copied from" line, a
    pasted PubMed abstract under its journal line and authors, and a pasted text that ends with
    its source's own numbered references; each up to where the writer's own voice resumes
    (:mod:`medlint.reproduced` states the heuristics and the one definition of the writer's own
    comment). ``excerpt`` is accepted in ``skip:`` as its old name.

Generator syntax (kramdown IALs, shortcodes, Liquid...) is not a region: the
Markdown reader masks it from prose for every rule (markup/generator.py).
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from . import fastre, lazyre
from .anchored import find_all, matches_from
from .reproduced import find_reproduced, own_comment

if TYPE_CHECKING:  # the document builds regions; regions only read it
    from .document import Document

#: ``excerpt`` is the old name of ``reproduced``: accepted in ``skip:``, never found itself.
REGION_KINDS = ("reference", "quotation", "definition", "byline", "code-like", "commentary", "reproduced", "excerpt")


@dataclass(frozen=True)
class Region:
    """A typed span of the document: ``kind`` is one of :data:`REGION_KINDS`."""

    kind: str
    start: int
    end: int


# -- sections named by a heading or a label line ---------------------------------------
_REFERENCE_TITLE = lazyre.compile(
    r"(?:\d+\.?\s*)?(?:(?:selected|key|further|cited|other|more)\s+)?(?:references?|bibliography|sources?|literature"
    r"(?:\s+cited)?|works\s+cited|citations?|reference\s+list|further\s+reading|end\s*notes"
    r"(?:\s+and\s+references)?|footnotes|references\s+and\s+notes)\s*:?",
    re.I,
)
_ABSTRACT_TITLE = lazyre.compile(r"(?:the\s+|structured\s+|paper'?s?\s+|study\s+)?abstract\s*:?", re.I)
_PAPER_SECTION = lazyre.compile(
    r"(?:introduction|background|methods|materials\s+and\s+methods|methodology|results|discussion|conclusions?"
    r"|results\s+and\s+discussion|limitations|key\s+points|highlights|summary\s+points)\s*:?", re.I)
_METHODS_OR_RESULTS = lazyre.compile(r"(?:(?:materials|patients|subjects)\s+and\s+)?(?:methods|methodology)|results\s*:?", re.I)
_NUMBERED_SECTION = lazyre.compile(r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.)\s*[A-Z][^.!?]{2,80}")
#: A paper's title as PubMed prints it, ending with a full stop ("Vitamin D and cancer."): a
#: page's own headings do not end with one, so the section under it is the paper's abstract.
_PAPER_TITLE = lazyre.compile(r"(?:\S+\s+){3,}\S*[^\W_]\.", re.S)
#: The writer speaking in the first person singular, or to the reader: a paper's abstract does neither.
#: (The lookbehinds follow the "I", so that every other position fails at once: this is
#: searched over whole sections.)
_FIRST_PERSON = lazyre.compile(r"\bI\b(?<![Tt]ype I)(?<![Ss]tage I)(?<![Pp]hase I)(?<![Cc]lass I)(?<![Gg]rade I)(?<!\d I)(?<![A-Z][A-Z] I)"
                               r"(?![-.]\w)(?!\s?U\b)"
                               r"|\b(?:I'm|I've|I'd|my|me|mine|[Yy]ou|[Yy]our|[Yy]ou're)\b")
#: A heading that speaks or narrates ("one of my biohacks.", "100% of his patients were cured.") is the writer's.
_NARRATED = lazyre.compile(_FIRST_PERSON.pattern + r"|\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Ww]e|[Oo]ur|[Uu]s)\b")
#: A short line that says the text after it is someone else's: "Clipped from the PDF",
#: "Excerpts from the book", "The following is translated from the Spanish guideline", "A copy of a blog post at",
#: "{Note: extracted only the vitamin D part}". Up to the next heading, that text is a quotation.
_REPRODUCED = lazyre.compile(
    r"^\W{0,3}(?:note\s*:\s*)?(?:"
    r"(?:clipped|copied|excerpt(?:s|ed)?|extract(?:s|ed)?|quoted|reprinted|reproduced|translated|transcribed)\b"
    r"(?:\s+\S+){0,8}?\s+(?:from|of|by)\b"
    r"|have\s+(?:only\s+)?(?:clipped|copied|excerpted|extracted|quoted|reproduced|translated)\b"
    r"|(?:an?\s+)?(?:copy|reprint|repost)\s+of\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:blog\s+post|post|article"
    r"|e-?mail|letter|message|newsletter|paper|press\s+release|interview|essay|editorial)\b(?!\s+(?:is|are|was|were|can|may|will)\b)"
    r"|(?:the\s+)?following\s+(?:text\s+)?(?:is|was|are|were)\s+(?:(?:an?\s+)?excerpts?|copied|reproduced|reprinted|"
    r"translated|extracted|excerpted|quoted|taken)\b)", re.I)
REPRODUCED_LABEL_CHARS = 160
#: A heading that is a source's address: "### From [http://blog.example.org/](...)" (read in the raw
#: text: the prose view blanks the address).
_FROM_ADDRESS = lazyre.compile(r"[#\s*_]*(?:<h[1-6][^>]*>\s*)?(?:copied\s+|reposted\s+)?from\s*:?\s*(?:\[|<a\s[^>]*>)?\s*(?:https?://|www\.)",
                               re.I)
#: A section's opening sentence saying the rest is a copy of someone's text: "This is an HTML
#: version of an email by Maria Novak on ...", "What follows is the text of a talk by ...".
#: Explicit enough to count in a paragraph of any length among the section's first blocks.
_VERSION_OF = lazyre.compile(
    r"[\s*_]*(?:this|the\s+following|what\s+follows|below)\s+is\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:version|copy|transcript|reprint|translation|text)\s+of\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:e-?mail|letter|article|talk|post|message|paper|speech|presentation|lecture|interview|essay)"
    r"\s+(?:by|from|written\s+by|given\s+by)\b", re.I)
LEAD_BLOCKS = 3
#: A news story's dateline opening a section: "July 26, 2011 — Depression affects...",
#: "LONDON, March 3 (Reuters) -", "(ScienceDaily) —". A page's own prose does not open so.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: (Matched from the block's first character that is neither space nor emphasis: a leading
#: run of blanked markup would make the optional parts backtrack over it.)
_DATELINE = lazyre.compile(
    r"(?:[A-Z][A-Z .'-]{2,30},\s*)?(?:" + _MONTH + r"\s+\d{1,2}(?:,\s*(?:19|20)\d\d)?|\d{1,2}\s+" + _MONTH
    + r"(?:\s+(?:19|20)\d\d)?)?\s*(?:\((?:Reuters|AP|AFP|UPI|HealthDay(?:\s+News)?|ScienceDaily|Xinhua|PRNewswire)\)\s*)?"
    r"(?<=\d|\))[*_]*\s*[\u2014\u2013-]{1,2}\s+(?=[A-Z])")

def _lead_end(text: str, start: int, end: int) -> int:
    """Where the block's own characters begin: past spaces (blanked markup) and emphasis marks."""
    while start < end and (text[start].isspace() or text[start] in "*_"):
        start += 1
    return start

#: A heading that says in parentheses its section is copied: "Conclusion (extracted from PDF)".
_REPRODUCED_NOTE = lazyre.compile(
    r"\((?:[\w\s]{0,20}\s)?(?:clipped|copied|excerpt(?:s|ed)?|extract(?:s|ed)?|quoted|reprinted|reproduced|translated|transcribed)"
    r"\s+(?:from|of|by)\b[^()]*\)", re.I)
#: A heading naming what follows as another's text: "Press Release by the Society", "News release:",
#: "Transcript of the video", "Video captions", "Guest essay by ...", "Biographies" of a meeting's speakers (their
#: programme's words; one "Biography" may be the writer's own), "Email from a reader", "Reply by Dr. X to ...", a
#: meeting's "Call for papers" or another's course's "Learning objectives from the X meeting" (the organisers'
#: words; a course page's own "Learning objectives" are its text),
#: "The Zinc Revolution: A Special Interview with Miriam Castell". Up to the next heading of its level,
#: it is a quotation.
_SOURCE_HEADING = lazyre.compile(
    r"[\W_]*(?:(?:press|news|media)\s+release|transcript|(?:video\s+|english\s+)?(?:captions|subtitles|narration)|guest\s+(?:post|essay|article|editorial|blog)|reposted|reprint"
    r"|(?:speakers?'?\s+|authors?'?\s+|presenters?'?\s+)?biographies|speakers?'?\s+biograph(?:y|ies)"
    r"|about\s+the\s+(?:speakers|authors|presenters|contributors)"
    r"|(?:e-?mails?|repl(?:y|ies))(?:\s+[\w.-]+){0,3}?\s+(?:by|from|to)\s"
    r"|(?:letters?|messages?|testimonials?)(?:\s+[\w.-]+){0,2}?\s+(?:by|from)\s"
    r"|(?:[^:\n]{0,60}:\s*)?(?:an?\s+)?(?:special\s+|exclusive\s+)?interview\s+(?:with|of)\s+(?:Dr\.?\s+)?[A-Z]"
    # a meeting's own announcement: "Call for papers", "Call for abstracts"; a course's "Learning objectives from ..."
    r"|call\s+for\s+(?:papers|abstracts|submissions|proposals|posters)\b|(?:course|learning|educational)\s+objectives\s+(?:(?:copied|taken|reproduced|reprinted)\s+)?(?:from|by)\s"
    # readers' comments: "Some of the comments on YouTube", "Readers' comments", and a comment's own
    # byline heading "Ana Souza 2 weeks ago" (a thread exported with its dates)
    r"|(?:some\s+(?:of\s+)?(?:the\s+)?)?(?:readers?|users?|viewers?|visitors?)[\u2019']?s?[\u2019']?\s+comments\b"
    r"|(?:some\s+of\s+)?(?:the\s+)?comments\s+(?:on|from|at)\s+(?:the\s+)?(?:YouTube|Facebook|Twitter|Reddit|Instagram|"
    r"video|blog|forum|article|post)\b"
    r"|[^\W\d_][\w.'\u2019-]*(?:\s+[\w.'\u2019-]+){0,3}\s+(?:\d{1,3}|an?|one)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\W*$)",
    re.I)
#: The page's own voice after a reproduced paper: the writer ("I") or advice to the reader
#: ("you"). A paper's "we" is its authors', so it does not end the paper. (Each pattern led by
#: a lookahead of its possible first characters: one test per character, not one per alternative.)
_WRITER_VOICE = lazyre.compile(r"(?=(?i:[imy]))(?:" + _FIRST_PERSON.pattern + r"|\b(?i:my|me|mine|you|your|you're|I'm|I've|I'd)\b)")
#: How much of a section after a reproduced paper is read for the writer's voice.
WRITER_VOICE_CHARS = 800
_NOT_A_TITLE_END = lazyre.compile(r"\b(?:etc|e\.g|i\.e|al|vs|Dr|Mr|Mrs|Ms|Inc|Ltd|Co|No|approx)\.$")

# -- structured abstracts --------------------------------------------------------------
_LABELS = (
    r"background|objectives?|aims?|purpose|introduction|context|importance|rationale|methods?|materials\s+and\s+methods"
    r"|design|setting|participants|patients|subjects|measurements|interventions?|main\s+outcome\s+measures?"
    r"|outcomes?|results?|findings|conclusions?|interpretation|discussion|evidence\s+acquisition|data\s+sources"
    r"|study\s+selection|data\s+extraction|evidence\s+synthesis|clinical\s+relevance|trial\s+registration"
    r"|study\s+design|methods\s+and\s+results|results\s+and\s+conclusions?|summary|significance|limitations"
    r"|purpose\s+of\s+(?:the\s+)?review|recent\s+findings|key\s+findings|main\s+results|authors'?\s+conclusions"
)
_LABEL_ONLY = lazyre.compile(r"(?:" + _LABELS + r")\s*:?", re.I)
_ABSTRACT_LABEL = lazyre.compile(r"[*_\s]*(" + _LABELS + r")[*_\s]*[:.][*_]*(?=\s|$)", re.I)

# -- citation shapes -------------------------------------------------------------------
# (A pattern led by ``(?=[...])`` names its alternatives' possible first characters: one test
# per character of the text instead of one per alternative; the matches are the same.)
_NAME = r"[A-Z][A-Za-z\u00c0-\u017f'\u2019-]+"
_AUTHORS = lazyre.compile(
    r"(?=[eA-Z])(?:\bet\s+al\b"
    r"|" + _NAME + r"(?:[ -]" + _NAME + r")?\s+[A-Z]{1,3}\b[,.;]"          # Kanis JA,
    r"|\b(?:[A-Z]\.\s?){1,3}\s?" + _NAME + r"\s*,"                          # M. F. Holick,
    r"|" + _NAME + r",\s+(?:[A-Z]\.\s?){1,3})"                              # Holick, M. F.
)
_AUTHOR_ITEM = lazyre.compile(r"(?=[A-Z])(?:" + _NAME + r"\s+[A-Z]{1,3}\b[,.;]|\b[A-Z]{1,3}\s+" + _NAME + r","
                              r"|\b(?:[A-Z]\.\s?){1,3}\s?" + _NAME + r",)")                  # P. Katrak, A. E. Bialocerkowski,
_YEAR = lazyre.compile(r"(?=[12])(?<!\d)(?:19|20)\d\d[a-z]?(?!\d)")
_VOLUME = lazyre.compile(
    r"(?=[\dpVv:,])(?:\b\d{1,4}\s*\(\s*[\dA-Za-z-]{1,8}\s*\)\s*:\s*[A-Za-z]?\d+"           # 11(2):123
    r"|(?:19|20)\d\d[a-z]?\s*(?:[A-Z][a-z]{2}(?:\s*\d{1,2})?\s*)?;\s*\d{1,4}(?:\s*\([^)]{1,8}\))?\s*:\s*[A-Za-z]?\d+"  # 2012;11:
    r"|\b\d{1,4}\s*\([^)\n]{1,10}\)\s*[;:,]\s*[A-Za-z]?\d+"                  # 323(7310); 446
    r"|(?:19|20)\d\d[a-z]?\s*:\s*\d{1,4}\s*\("                                   # 2001: 323(
    r"|(?:19|20)\d\d[a-z]?\s*,\s*\d{1,4}\s*:\s*[A-Za-z]?\d+\b"                           # 2012, 3:14
    r"|\bpp?\.\s*\d+|\b[Vv]ol\.\s*\d+|[:,]\s*[A-Za-z]?\d+\s*[-\u2013]\s*[A-Za-z]?\d+\s*\.?\s*$)"
)
_IDENTIFIER = lazyre.compile(r"\b(?:doi\s*:|PMID\s*:?\s*\d|PMCID\s*:?|PMC\d{4,})|\b10\.\d{4,9}/\S", re.I)
_ID_LINE = lazyre.compile(r"[\W_]*(?:doi|pmid|pmcid|pmc\d|isbn|issn)\b", re.I)
_INLINE_CITATION_PARTS = (
    _NAME + r"(?:\s+(?:and|&)\s+" + _NAME + r")?\s+et\s+al\.?,?\s*(?:\(\s*(?:\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*"
    r"|(?:19|20)\d\d[a-z]?)\s*\)|\[\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\]|(?:19|20)\d\d[a-z]?)?",
    r"\((?:e\.g\.,?\s+|see\s+)?" + _NAME + r"(?:\s+(?:et\s+al\.?|(?:and|&)\s+" + _NAME + r"))?,?\s+(?:19|20)\d\d[a-z]?"
    r"(?:\s*[;,]\s*[^()]{0,60}?(?:19|20)\d\d[a-z]?)*\)",
    r"(?:\b[A-Z][a-z]{0,14}\.?\s+){1,6}(?:19|20)\d\d\s*(?:[A-Z][a-z]{2}\s*)?;\s*\d{1,4}(?:\s*\([^)]{1,8}\))?\s*:\s*[A-Za-z]?\d+"
    r"(?:\s*[-\u2013]\s*\d+)?",
)
_INLINE_CITATION = lazyre.compile(r"(?=[A-Z(])(?:" + "|".join(_INLINE_CITATION_PARTS) + ")")
# -- definitions -----------------------------------------------------------------------
_ABBR = r"[A-Z][A-Za-z0-9&/-]{0,9}[A-Z0-9]s?"
#: ``ABBR = long form``, ``**ABBR**: long form``, ``ABBR - long form``, a definition list's ``ABBR\n: long form``.
_GLOSSARY = lazyre.compile(
    r"[ \t>|*_\"'\u201c]*(" + _ABBR + r")[*_\"'\u201d]*[ \t]*(?:=|:|\u2013|\u2014|-{1,2}|\|)\s*[*_]*([A-Za-z\u00c0-\u017f][^\n|]{2,})"
)
_PAREN_AFTER = lazyre.compile(r"\s*\(\s*([^()\n]{3,90}?)\s*\)")
_PAREN_COLON = lazyre.compile(r"\(([A-Za-z][^():\n]{2,80}?)\s*[:=,]\s*(" + _ABBR + r")\s*\)")
_ABBR_PAREN_COLON = lazyre.compile(r"\((" + _ABBR + r")\s*[:=,]\s*([A-Za-z][^():\n]{2,80}?)\)")
_IN_PARENS = lazyre.compile(r"\(\s*(" + _ABBR + r")\s*[;,)]")
_ABBR_WORD = fastre.compile(  # (scanned over whole pages: ``regex`` takes half the time)
    r"(?<![\w-])(" + _ABBR + r")(?![\w-])")

# -- bylines ---------------------------------------------------------------------------
_BYLINE_START = lazyre.compile(
    r"[*_\s]*(?:by|written\s+by|posted\s+by|reviewed\s+by|edited\s+by|authors?|contributors?|corresponding\s+authors?"
    r"|affiliations?|medically\s+reviewed\s+by)\b[*_]*\s*[:\s]", re.I)
_INSTITUTION = lazyre.compile(
    r"(?=[UDIHSCFLMR])\b(?:Universit(?:y|é|ät|à|at|eit|a)|Department|Dept\.?|Institute|Institut|Hospital|School\s+of|College|Faculty"
    r"|Cent(?:er|re)\s+for|Clinic|Laborator(?:y|ies)|Division\s+of|Medical\s+Center|Research\s+Unit)\b")
_AFFILIATION_MARK = lazyre.compile(r"\s*\(\s*[\dl]{1,2}(?:\s*[-\u2013,]\s*\d{1,2})*\s*\)|(?<=[a-z])\d{1,2}(?:,\d{1,2})*\b|(?<=\s)\d{1,2}(?:,\d{1,2})+(?=\s*[,;]|$)")
#: The marks without a bracket, for a line with no "(": the bracketed one, which starts with
#: white space, is then not tried at every space of the line (the same marks).
_UNBRACKETED_MARK = lazyre.compile(_AFFILIATION_MARK.pattern.split("|", 1)[1])
_DIGIT = lazyre.compile(r"\d")
_NAME_PART = lazyre.compile(r"(?:[A-Z][A-Za-z\u00c0-\u017f'\u2019.-]*|[A-Z]{1,3}|\d{1,2}|[*\u2020\u2021\u00a7]|and|van|von|de|der|di|da|le)")

# -- code-like runs ---------------------------------------------------------------------
_FILE_TYPES = r"(?:pdf|docx?|xlsx?|pptx?|csv|txt|jpe?g|png|gif|svg|html?|php|py|Rmd|sas|sps|sav|zip|json|ya?ml)"
#: A run of ``[\w.-]`` (or ``[\w-]``) characters has one outcome for every start inside it
#: (the run's end decides), so the path and file alternatives start only where the plain
#: pattern would first try in a run: at its start, or, when a ``/`` or an @handle stands
#: before the run (or a file name just matched in it), after its first ``.`` or ``-``.
#: Trying every position made 80 KB of ``a.`` or dashes quadratic (seconds per 20 KB);
#: the plain pattern (``re``, 3 times faster on prose) reads text without such runs.
_CODE_LIKE_RUNS = fastre.compile(
    r"(?<![\w/.:])(?:~|[A-Za-z]:)?(?:[/\\][\w.@%+~-]+){2,}[/\\]?"            # /Users/name/git/x, C:\a\b
    r"|(?:(?<![\w./-])|(?<=[.-])(?:(?<=/\w*[.-])|(?<=@\w+[.-])|(?<=(?:/[\w-]|@\w{1,31}-)[\w-]*\." + _FILE_TYPES + r"[.-])))"
    r"[\w.-]+/[\w.-]+/[\w./-]*\.[A-Za-z]{1,5}\b"                               # a/b/c.ext
    r"|(?<![\w@])@[A-Za-z_][\w]{1,30}\b"                                     # @handle
    r"|(?:(?=\w)(?:(?<![\w-])|(?<=-)(?<=(?<![\w-])-+))|(?=-)(?<=@\w+|\.[A-Za-z]{1,5}))"
    r"[\w-]+\." + _FILE_TYPES + r"\b"                                         # name.pdf
)
_CODE_LIKE_PARTS = (
    r"(?<![\w/.:])(?:~|[A-Za-z]:)?(?:[/\\][\w.@%+~-]+){2,}[/\\]?",           # /Users/name/git/x, C:\a\b
    r"(?<![\w/.])[\w.-]+/[\w.-]+/[\w./-]*\.[A-Za-z]{1,5}\b",                 # a/b/c.ext (not the tail of a URL)
    r"(?<![\w@])@[A-Za-z_][\w]{1,30}\b",                                    # @handle
    r"\b[\w-]+\." + _FILE_TYPES + r"\b",                                     # name.pdf
)
_CODE_LIKE = lazyre.compile("|".join(_CODE_LIKE_PARTS))
#: The plain pattern without the alternatives that cannot match on a page (see :func:`_code_like`).
_CODE_LIKE_SOME: dict[tuple[bool, bool, bool], re.Pattern[str]] = {}
#: A run this long makes the plain pattern slow (each start in it reads to its end).
_LONG_RUN = lazyre.compile(r"[\w.-]{64}")
#: What every code-like span holds: a path's two slashes, a handle's @, or a file name's ending
#: (most pages have none, "mg/day" is not one, and these scans are far cheaper than the patterns above).
_PATH_MARK = lazyre.compile(r"[/\\][\w.@%+~-]+[/\\]")
_FILE_NAME_END = lazyre.compile(r"\." + _FILE_TYPES + r"\b")


def _code_like(prose: str, start: int) -> Iterator[re.Match[str]]:
    """Paths, file names and @handles in *prose* from *start*. The run-aware pattern gives the
    plain one's spans on ordinary text (tested on random strings); on rare mixes of dots, dashes
    and slashes a span may start a few characters later."""
    path = _PATH_MARK.search(prose, start) is not None
    handle = prose.find("@", start) >= 0
    file = _FILE_NAME_END.search(prose, start) is not None
    if not (path or handle or file):
        return iter(())  # every alternative holds two slashes, an @ or a file type's ending
    if _LONG_RUN.search(prose, start):
        return _in_marked_words(_CODE_LIKE_RUNS, prose, start, path, handle, file)
    if path and handle and file:
        return _in_marked_words(_CODE_LIKE, prose, start, path, handle, file)
    # Without the alternatives that cannot match here (a path's and a/b/c.ext's slashes, a
    # handle's @, a file type's ending): the same spans, and one or two tries per word, not four.
    key = (path, handle, file)
    pattern = _CODE_LIKE_SOME.get(key)
    if pattern is None:
        wanted = (path, path, handle, file)
        pattern = _CODE_LIKE_SOME[key] = re.compile("|".join(p for p, w in zip(_CODE_LIKE_PARTS, wanted) if w))
    return _in_marked_words(pattern, prose, start, path, handle, file)


#: White space: no code-like span holds any (every character class of the patterns excludes it).
_SPACE = lazyre.compile(r"\s")


def _code_marks(prose: str, start: int, path: bool, handle: bool, file: bool) -> list[int]:
    """Where the marks every code-like span holds stand (a slash or backslash of a path, a
    handle's @, a file type's ending), sorted: only the words holding one can hold a span."""
    marks = [at for char, wanted in (("/", path), ("\\", path), ("@", handle)) if wanted
             for at in find_all(prose, char, start)]
    if file:
        marks.extend(m.start() for m in _FILE_NAME_END.finditer(prose, start))
    marks.sort()
    return marks


def _in_marked_words(pattern, prose: str, start: int, path: bool, handle: bool, file: bool) -> Iterator[re.Match[str]]:
    """``pattern.finditer(prose, start)``, read only in the words (runs without white space) that
    hold a mark (:func:`_code_marks`). No span holds white space, and a pattern's look-arounds and
    ``\\b`` read a white space character as they read the text's ends, so a scan from a word's
    start to its end finds that word's spans exactly as the scan of the whole page does; a word
    without a mark holds none. (Most of a page's words hold no mark: its paragraphs are read
    once, by ``str.find``, not by the pattern at every character.)"""
    done = start  # the end of the last word read
    for at in _code_marks(prose, start, path, handle, file):
        if at < done:
            continue  # in the word just read
        lo = at
        while lo > done and not prose[lo - 1].isspace():
            lo -= 1
        space = _SPACE.search(prose, at)
        done = space.start() if space else len(prose)
        yield from pattern.finditer(prose, lo, done)


def find_regions(doc: "Document") -> list[Region]:
    """Every region of *doc*, sorted by start (regions of different kinds may overlap)."""
    found: list[Region] = []
    found.extend(_sections(doc))
    found.extend(_quotes(doc))
    found.extend(Region("quotation", s, e) for s, e in _paper_prose(doc))
    found.extend(Region("quotation", s, e) for s, e in _transcript_turns(doc))
    found.extend(_line_regions(doc))
    found.extend(Region("code-like", m.start(), m.end()) for m in _code_like(doc.prose, doc.body_start))
    found.extend(Region("code-like", s, e) for s, e in _url_encoded(doc.prose, doc.body_start))
    found.extend(Region("reference", s, e) for s, e in _inline_citations(doc))
    found.extend(Region("reference", s, e) for s, e in _linked_titles(doc))
    found.extend(Region("reference", s, e) for s, e in _author_titles(doc.prose, doc.body_start))
    found.extend(Region("definition", s, e) for s, e, _ in _inline_definitions(doc))
    found.extend(Region("reproduced", s, e) for s, e in find_reproduced(doc, found, _feature_marks(doc)["cite"]))
    return sorted(found, key=lambda r: (r.start, r.end))




#: A word of a title: capitalised, or a small word titles leave in lower case.
_TITLE_SMALL = frozenset("a an and as at by for from in of on or the to vs via with without into over under".split())
#: A citation set into a sentence as its authors' surnames and initials, then the work's title in
#: quotation marks: 'The classic is Berg TK, Lund AM. "Hazard models for follow-up data" in its 1968 volume.'
_INITIALS_TITLE = lazyre.compile(r"(?<=[a-z'\u2019-] )[A-Z]{1,3}\.\s+[\u201c\"][^\"\u201d\n]{8,200}[\u201d\"]")
#: The authors before the last one's initials (read backwards from them: the scan finds the rarer initials first).
_AUTHORS_BEFORE = lazyre.compile(r"\b(?:[A-Z][a-z'\u2019-]+\s+[A-Z]{1,3},\s+){0,5}[A-Z][a-z'\u2019-]+\s+$")
#: How far before the initials the authors' names may start.
AUTHORS_BEFORE_CHARS = 120


def _author_titles(prose: str, start: int) -> Iterator[tuple[int, int]]:
    """Inline citations of :data:`_INITIALS_TITLE` with their authors' names before them."""
    for mark in ('. "', ". \u201c"):
        at = prose.find(mark, start)
        while at >= 0:
            for width in (1, 2, 3):  # the initials end right before the stop
                m = _INITIALS_TITLE.match(prose, at - width) if at - width >= start else None
                if m is not None:
                    before = _AUTHORS_BEFORE.search(prose, max(0, m.start() - AUTHORS_BEFORE_CHARS), m.start())
                    if before is not None:
                        yield before.start(), m.end()
                    break
            at = prose.find(mark, at + 1)
#: The words before a linked title that name it as a source: "comes from the [...]", "see [...]", "according to the [...]".
_SOURCE_BEFORE = lazyre.compile(r"\b(?:from|see|according\s+to)\s+(?:the\s+)?[*_\"\u201c(\[\s]*$", re.I)
#: A linked title holds at least this many words ("Guide to Control Charts" is a title; "the FDA" is not).
TITLE_WORDS = 4
#: A citation line: a person's name, a full stop or comma, then the linked title of the cited work
#: ("Ann Roe. [Estimating risk with GLM][r1] University handbook.", "Roe A, [Title](https://...)").
_CITATION_LEAD = lazyre.compile(r"[\s*_-]*(?:[A-Z][\w'\u2019-]+\s+){1,3}(?:[A-Z]{1,3}\b|[A-Z][\w'\u2019-]+)(?:,?\s+et\s+al)?"
                                r"[.,]\s*[*_\s\u201c\"]*\[")
#: A citation line is one short paragraph.
CITATION_LINE_CHARS = 400


def _linked_titles(doc: "Document") -> Iterator[tuple[int, int]]:
    """The titles of other works the page links to: a link whose text is a title in Title Case
    ("[Handbook of Applied Control Charts](...)", four or more words, every word but a small
    one capitalised) named as a source ("from the", "see", "according to" before it: in a
    sentence of the writer's, "the [RFP for the Grant Program]" is the writer's own noun) or a question ("[How do I fit a GLM to counts?](...)"), and the whole of a
    citation line that opens with its author's name before the linked title. The words are the
    cited work's, its abbreviations defined (or not) there."""
    for link in doc.links:
        if link.image or not link.text or link.text_start is None:
            continue
        words = link.text.replace("/", " ").split()
        if len(words) < TITLE_WORDS:
            continue
        titled = all(not w.islower() or w in _TITLE_SMALL or not w[0].isalpha()
                     for w in (w.strip("*_\"'\u201c\u201d([") or "x" for w in words))
        question = link.text.rstrip(" *_").endswith("?") and len(words) >= 6
        if question or (titled and _SOURCE_BEFORE.search(doc.prose, max(0, link.start - 40), link.start)):
            yield link.text_start, link.text_end if link.text_end is not None else link.text_start + len(link.text)
    text = doc.text
    if "[" not in text and "<a" not in text:
        return
    for b in doc.blocks:
        if b.kind in ("paragraph", "p", "list-item", "li") and b.end - b.start <= CITATION_LINE_CHARS and _CITATION_LEAD.match(
                text, b.start, b.end):
            yield b.start, b.end


_PERCENT_CODE = lazyre.compile(r"%[0-9A-Fa-f]{2}")
_RUN_STOP = lazyre.compile(r"[\s()\[\]<>\"']")


def _url_encoded(prose: str, start: int) -> Iterator[tuple[int, int]]:
    """Runs of non-space text holding a percent-encoded byte (``2000%20IU``): found from
    each ``%XX``, so a long line costs one pass."""
    end = -1
    for m in _PERCENT_CODE.finditer(prose, start):
        if m.start() < end:
            continue
        left = m.start()
        while left > start and not _RUN_STOP.match(prose, left - 1):
            left -= 1
        stop = _RUN_STOP.search(prose, m.end())
        end = stop.start() if stop else len(prose)
        yield left, end


def defined_abbreviations(doc: "Document") -> dict[str, int]:
    """Abbreviations the page defines, in any form this module knows, with the offset
    of their first definition: glossary lines, table rows, definition lists and the
    inline forms."""
    defined: dict[str, int] = {}
    for start, _, abbr in _glossary_lines(doc):
        defined.setdefault(abbr, start)
    for start, _, abbr in _inline_definitions(doc):
        defined.setdefault(abbr, start)
    for start, _, abbr in _cell_definitions(doc):
        defined.setdefault(abbr, start)
    return dict(sorted(defined.items(), key=lambda kv: kv[1]))


def _cell_definitions(doc: "Document") -> Iterator[tuple[int, int, str]]:
    """An HTML glossary table or definition list: ``<td>ABBR</td><td>long form</td>``,
    ``<dt>ABBR</dt><dd>long form</dd>``."""
    for block, nxt in zip(doc.blocks, doc.blocks[1:]):
        if block.kind in ("td", "th", "dt") and nxt.kind in ("td", "dd"):
            term = doc.prose_of(block.start, block.end).strip("*_ ")
            meaning = doc.prose_of(nxt.start, nxt.end)
            if re.fullmatch(_ABBR, term) and sum(c.isupper() for c in term) >= 2 and _is_long_form(meaning, term):
                yield block.start, nxt.end, _base(term)


def _base(abbr: str) -> str:
    return abbr[:-1] if abbr.endswith("s") and abbr[:-1].isupper() and len(abbr) > 2 else abbr


def _is_long_form(words: str, abbr: str) -> bool:
    """Words that may spell out *abbr*: letters, not a number, a year or a citation, and either
    two or more words or one word longer than the abbreviation (``DEET (diethyltoluamide)``)."""
    words = words.strip(" *_\"'")
    if not words or not words[0].isalpha() or re.search(r"\d{4}|et al|https?:", words):
        return False
    parts = words.split()
    if len(parts) >= 2:
        return True
    return len(words) > len(abbr) + 2 and words.isalpha() and not words.isupper()


def _norm_title(doc: "Document", start: int, end: int) -> str:
    return _strip_emphasis(doc.prose_of(start, end))


def _strip_emphasis(text: str) -> str:
    """*text* without the emphasis marks and white space at its ends: what
    ``re.sub(r"^[*_\\s]+|[*_\\s]+$", "", text)`` gives (``\\s`` is ``str.isspace``), without a pattern tried
    at every character of every heading of the page."""
    while True:
        stripped = text.strip().strip("*_")
        if stripped == text:
            return text
        text = stripped


def _before_markup(doc: "Document", offset: int) -> int:
    """Where the markup that opens a heading begins (``## `` or ``<h2>``, and any tags
    before it): the end of the section above it."""
    masked = doc.masked
    while offset > 0:
        i = bisect.bisect_right(masked, (offset - 1, len(doc.text) + 1)) - 1
        if i < 0 or not masked[i][0] <= offset - 1 < masked[i][1]:
            break
        offset = masked[i][0]
    return offset


def _sections(doc: "Document") -> Iterator[Region]:
    """Reference sections and abstracts named by a heading or a lone label line, up to
    the next heading of the same or a higher level (any heading, for a label line)."""
    text = doc.text
    headings = sorted(doc.headings, key=lambda h: h.start)
    starts = [_before_markup(doc, h.start) for h in headings]
    titles = [_norm_title(doc, h.start, h.end) for h in headings]
    # A reproduced paper: two or more of its section headings (Introduction, Methods,
    # Discussion...), or two or more numbered section headings ("1. Introduction", "3.1 Temporality").
    paper = {t.lower().rstrip(":") for t in titles if _PAPER_SECTION.fullmatch(t)}
    numbered = sum(1 for t in titles if _NUMBERED_SECTION.fullmatch(t))
    # A paper's own sub-sections ("Biochemical estimations", "Statistical analysis") stand after its
    # Methods or Results heading, before the next of its section headings, at their level or deeper (a
    # site's own page may have an Introduction and a Conclusion, but not a Methods section).
    sections = [i for i, t in enumerate(titles) if _PAPER_SECTION.fullmatch(t)] if len(paper) >= 2 else []
    inside = set()
    for a, b in zip(sections, sections[1:]):
        if b - a > 1 and _METHODS_OR_RESULTS.fullmatch(titles[a]) and all(
                headings[j].level >= headings[a].level for j in range(a + 1, b)):
            inside.update(range(a + 1, b))
    for i, h in enumerate(headings):
        title = titles[i]
        kind = "reference" if _REFERENCE_TITLE.fullmatch(title) else "quotation" if (
            _ABSTRACT_TITLE.fullmatch(title) or _REPRODUCED.search(title)
            or (_SOURCE_HEADING.match(title) and not _FIRST_PERSON.search(title))
            or _FROM_ADDRESS.match(text, h.start, h.end)
            or _REPRODUCED_NOTE.search(title)) else None
        titled = bool(kind is None and _PAPER_TITLE.fullmatch(title) and not _NOT_A_TITLE_END.search(title))
        if kind is None and ((len(paper) >= 2 and (_PAPER_SECTION.fullmatch(title) or (
                i in inside and not own_comment(title) and not _NARRATED.search(title)
                and not _WRITER_VOICE.search(doc.prose, h.end, min(len(text), h.end + WRITER_VOICE_CHARS)))))
                             or (numbered >= 2 and _NUMBERED_SECTION.fullmatch(title))
                             or titled):
            kind = "quotation"
        if kind is None:
            continue
        # A paper's title heads its abstract only: the page's comment may follow under any heading.
        end = next((starts[j] for j in range(i + 1, len(headings)) if titled or headings[j].level <= h.level), len(text))
        if titled and kind == "quotation" and (_NARRATED.search(title) or _FIRST_PERSON.search(
                doc.prose, h.end, min(end, h.end + 600))):
            continue  # "## Too few subjects in small studies." over "I can't tell you...": the writer's own
        yield Region(kind, h.end, end)
    # Label lines ("**References**", "Abstract:") and structured abstracts, per section.
    bounds = [doc.body_start] + starts + [len(text)]
    heading_starts = {h.start for h in headings}
    block_starts = [b.start for b in doc.blocks]
    carrying = False  # a paper reproduced from its citation on, through its own section headings
    commenting = False  # the page's comment on that paper, after a rule, a "Summary by" heading or a link list
    reproduced = False  # a paper has been carried on this page
    sequenced = False  # the paper carried shows its own section sequence (an Abstract label, structured labels)
    for n, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        resumed = reproduced and not carrying and n > 0 and bool(_RESUMES.fullmatch(titles[n - 1]))
        if resumed:
            # The paper goes on under its own Introduction after the page's comment and links.
            carrying, commenting = True, False
        reproduced = reproduced or carrying
        if carrying or commenting:
            title = titles[n - 1] if n > 0 else ""
            if (n > 0 and (_REFERENCE_TITLE.fullmatch(title) or _NARRATED.search(title))) or \
                    _WRITER_VOICE.search(doc.prose, lo, min(hi, lo + WRITER_VOICE_CHARS)):
                carrying = commenting = False  # the writer speaks ("I think", "you should"): the page's own again
            elif carrying and (resumed or _sequence_goes_on(doc, titles, n, lo, hi, sequenced) or not (
                    _SEE_ALSO.match(title) or own_comment(title)
                    or _RULE_LINE.search(text, max(bounds[n - 1] if n else lo, lo - RULE_LOOKBACK), lo)
                    or _link_list(doc, lo, hi, block_starts))):
                sequenced = sequenced or bool(_PAPER_SECTION.fullmatch(title) or _ABSTRACT_TITLE.fullmatch(title))
                yield Region("quotation", lo, hi)
                continue
            else:
                # The page's own summary of, comment on or reading list for the paper above:
                # its prose, but its doses and figures are the paper's (a "commentary" region).
                carrying, commenting = False, True
                yield Region("commentary", lo, hi)  # and the section is read for quotations of its own
        section = doc.blocks[bisect.bisect_left(block_starts, lo):bisect.bisect_left(block_starts, hi)]
        blocks = [b for b in section if b.start not in heading_starts and b.kind != "heading"]
        labels: list[tuple[int, str]] = []
        abstract = n > 0 and bool(_ABSTRACT_TITLE.fullmatch(titles[n - 1]) or _PAPER_SECTION.fullmatch(titles[n - 1]))
        for k, b in enumerate(blocks):
            # (A paragraph's words are joined only when they may make a label: most blocks hold more.)
            title = "" if _LONG_TITLE.match(doc.prose, b.start, b.end) else _norm_title(doc, b.start, b.end)
            short = bool(title) and len(title) <= 40  # (a label's title is never empty: it has a word)
            if short and _REFERENCE_TITLE.fullmatch(title):
                # A label line is weaker than a heading: the list after it, or the
                # reference-shaped blocks after it, not the prose that may follow.
                end = b.end
                for nxt in blocks[k + 1:]:
                    if nxt.kind not in ("list-item", "li", "footnote") and not _is_reference(
                            doc.prose[nxt.start:nxt.end], doc.text[nxt.start:nxt.end]):
                        break
                    end = nxt.end
                yield Region("reference", b.start, end)
                continue
            if short and _ABSTRACT_TITLE.fullmatch(title):
                yield Region("quotation", b.start, hi)
                abstract = True
                break
            m = _abstract_label(doc.prose, b.start, b.end)
            if m:
                labels.append((b.start, m.group(1)))
            elif short and len(title) <= 30 and _LABEL_ONLY.fullmatch(title):
                labels.append((b.start, title.rstrip(": ")))
        lead = None
        for k, b in enumerate(blocks):  # "Clipped from the PDF", "The following is translated from"
            said = doc.prose[b.start:b.end].strip()
            if (len(said) <= REPRODUCED_LABEL_CHARS and _REPRODUCED.search(said)) or (
                    k < LEAD_BLOCKS and _VERSION_OF.match(said)):
                lead = k
                break
        if lead is not None:
            rest = [b for b in blocks[lead + 1:] if doc.prose[b.start:b.end].strip()]
            if rest:
                yield Region("quotation", rest[0].start, hi)
            else:
                carrying = reproduced = True  # the lead ends its section: what it announces is under the headings after it
                continue
        first = next((b for b in blocks if doc.prose[b.start:b.end].strip()), None)
        if first is not None and _DATELINE.match(doc.prose, _lead_end(doc.prose, first.start, first.end), first.end) and not _WRITER_VOICE.search(
                doc.prose, first.start, min(hi, first.start + WRITER_VOICE_CHARS)):
            yield Region("quotation", first.start, hi)  # a news story, from its dateline on
            continue
        distinct = {" ".join(name.lower().split()) for _, name in labels}
        shouting = any(name.isupper() and len(name) > 3 for _, name in labels)
        if len(distinct) >= 2 or shouting:
            yield Region("quotation", labels[0][0], hi)
            abstract = True
        cited, carries = _after_citation(doc, blocks, hi)
        if cited is not None:
            if cited < hi:
                yield Region("quotation", cited, hi)
            carrying = carries and not _WRITER_VOICE.search(doc.prose, cited, hi)
            reproduced = reproduced or carrying
        elif n > 0 and _bylined(doc, blocks):
            yield Region("quotation", blocks[0].start, hi)
        sequenced = carrying and (sequenced or abstract)


#: Forty-one characters that are neither white space nor emphasis marks: a block that holds them
#: has a title (:func:`_norm_title`, which drops only those) longer than any label's forty.
_LONG_TITLE = lazyre.compile(r"(?:[\s*_]*[^\s*_]){41}")
#: The first word of a block, past blanked markup and emphasis marks.
_FIRST_WORD = lazyre.compile(r"[*_\s]*([^\W\d_]+)")
#: The first word of each structured-abstract label (:data:`_LABELS`), in lower case, in every
#: form the label's pattern allows ("aim", "aims", "authors" of "authors' conclusions").
_LABEL_FIRST_WORDS = frozenset(
    "background objective objectives aim aims purpose introduction context importance rationale method methods "
    "materials design setting participants patients subjects measurements intervention interventions main outcome "
    "outcomes result results findings conclusion conclusions interpretation discussion evidence data study clinical "
    "trial summary significance limitations recent key authors".split())


def _abstract_label(prose: str, start: int, end: int) -> re.Match[str] | None:
    """``_ABSTRACT_LABEL.match(prose, start, end)``, tried only when the block's first word can open
    a label: a label's first word is followed by no letter, so it is the block's first run of letters;
    an ASCII run not among :data:`_LABEL_FIRST_WORDS` opens none. (A run with other letters is tried:
    the pattern's case-insensitive match also takes "\u017f" for "s" and "\u212a" for "k".)"""
    word = _FIRST_WORD.match(prose, start, end)
    if word is None:
        return None  # no letter first: every label opens with one
    if word.group(1).isascii() and word.group(1).lower() not in _LABEL_FIRST_WORDS:
        return None
    return _ABSTRACT_LABEL.match(prose, start, end)


#: A paper's opening section: after the page's comment on a paper carried above, the paper resumes here;
#: and a paper carried from its abstract goes on here even past a horizontal rule (pasted papers keep
#: the rule a journal's page draws between the abstract and the text) when its own section sequence
#: goes on (:func:`_sequence_goes_on`).
_RESUMES = lazyre.compile(r"(?:\d{1,2}\.?\s*)?(?:introduction|background)\s*:?", re.I)
#: A paper's body sections after its Introduction (a site's page may have a "Conclusion", rarely these).
_PAPER_BODY = lazyre.compile(
    r"(?:(?:(?:materials|patients|subjects)\s+and\s+)?(?:methods|methodology)|results(?:\s+and\s+discussion)?|discussion"
    r"|limitations)\s*:?", re.I)
#: A sentence opening with advice to the reader ("Take 800 IU ...", "Ask your GP ..."): a paper's
#: Introduction reports, it does not instruct; such a section is the writer's.
_READER_ADVICE = lazyre.compile(
    r"(?:^|[.!?:]\s+|\n\s*)(?:[*_]+)?(?:take|ask|talk|avoid|try|eat|drink|start|stop|keep|see|check|make\s+sure"
    r"|don['\u2019]t|do\s+not|never|always)\s+\w", re.I)
#: How much of a section after a horizontal rule is read for that advice.
ADVICE_CHARS = 1500


def _sequence_goes_on(doc: "Document", titles: list[str], n: int, lo: int, hi: int, sequenced: bool) -> bool:
    """Whether section *n*, headed "Introduction" or "Background" under a paper carried above, is
    that paper's next section even past a horizontal rule: the paper showed its own section
    sequence above (an Abstract label, structured labels, its section headings) or a heading
    further down is another of its body's sections ("Methods", "Results", "Discussion"), and the
    section does not advise the reader. A writer's own "Background" under a pasted abstract the
    writer ruled off is the page's."""
    if n == 0 or not _RESUMES.fullmatch(titles[n - 1]):
        return False
    if not (sequenced or any(_PAPER_BODY.fullmatch(t) for t in titles[n:])):
        return False
    return _READER_ADVICE.search(doc.prose, lo, min(hi, lo + ADVICE_CHARS)) is None
#: A horizontal rule (``---``, ``<hr>``, a line of dashes) just above a heading: the writer
#: divides the pasted text from the page's own.
_RULE_LINE = lazyre.compile(r"(?m)^[ \t]*(?:(?:[-*_\u2013\u2014][ \t]*){3,}|<hr\s*/?>)[ \t]*$", re.I)
RULE_LOOKBACK = 300
#: A heading over the site's own pointers to more reading, never a reproduced paper's.
_SEE_ALSO = lazyre.compile(r"[\W_]*(?:see\s+also|related|more\s+on|other\s+(?:pages|articles|posts)|further\s+reading)\b", re.I)


def _link_list(doc: "Document", lo: int, hi: int, block_starts: list[int]) -> bool:
    """A section that is mostly links (half or more of its blocks hold one): the site's
    reading list or navigation, not a reproduced paper's prose."""
    blocks = [b for b in doc.blocks[bisect.bisect_left(block_starts, lo):bisect.bisect_left(block_starts, hi)]
              if b.kind != "heading" and doc.prose[b.start:b.end].strip()]
    if not blocks:
        return False
    if "regions.link-starts" not in doc.cache:
        doc.cache["regions.link-starts"] = sorted(link.start for link in doc.links if not link.image)
    starts = doc.cache["regions.link-starts"]
    linked = sum(1 for b in blocks if bisect.bisect_left(starts, b.start) < len(starts)
                 and starts[bisect.bisect_left(starts, b.start)] < b.end)
    return 2 * linked >= len(blocks)


def _after_citation(doc: "Document", blocks: list, hi: int) -> tuple[int | None, bool]:
    """A pasted abstract introduced by its citation: when one of a section's first six
    blocks is a citation line or an affiliation (a paper's authors' institutions), or two
    are weaker marks of a paper's header (its authors' names, an e-mail address, a
    journal's volume and issue), the prose after them (to the next heading) is the
    cited paper's. Returns where that prose starts (*hi* when the header is all the
    section holds: a paper's header, whose text is under the headings after it), and
    whether the paper goes on under the headings after it (a citation, an affiliation
    or two weaker marks; authors' names alone head one section)."""
    last, strong, weak, named = None, 0, 0, False
    for k, b in enumerate(blocks[:6]):
        prose, raw = doc.prose[b.start:b.end], doc.text[b.start:b.end]
        line = prose.strip()
        if not line:
            continue
        if _is_reference(prose, raw) or _is_affiliation(line):
            last, strong = k, strong + 1  # a paper's citation, or its authors' affiliations
        elif _is_byline(line) or _header_mark(line, raw):
            last, weak = k, weak + 1  # the authors after (or before) the citation, an e-mail, a journal issue
            named = bool(_TWO_AUTHORS.fullmatch(line.strip("*_ ")))
        elif strong or weak:
            if len(line) >= ACADEMIC_BLOCK_CHARS:
                # The abstract begins (a PMID line after it is no part of its header); its
                # authors' names alone, right above it, head it when it is not in the writer's voice.
                named = named and last == k - 1 and not _WRITER_VOICE.search(line)
                break
            named = False
    if last is None or not (strong or weak >= 2 or named):
        return None, False
    carries = bool(strong or weak >= 2)
    if last + 1 >= len(blocks):
        return (hi, carries) if carries and _only_a_header(doc, blocks) else (None, False)
    return blocks[last + 1].start, carries


_EMAIL = lazyre.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ISSUE = lazyre.compile(r"\b(?:Vol(?:ume)?\.?\s*\d+|Issue\s+\d+|No\.\s*\d+)|\b\d{1,4}\s*:\s*\d+\s*[-\u2013]\s*\d+\s*\((?:19|20)\d\d\)")
_PERSON = r"[A-Z][\w\u00c0-\u017f'\u2019-]*\.?(?:\s+[A-Z][\w\u00c0-\u017f'\u2019-]*\.?){1,3}"
#: Authors' names as a paper prints them: two or more, separated by commas, one with an
#: initial ("Peter Lindqvist, Marcus B. Oyelaran"), or three or more ("Overview Pain and
#: Vitamin D" is a title, not two people).
_TWO_AUTHORS = lazyre.compile(
    r"(?=.*\b[A-Z]\.?\s+[A-Z]|(?:[^,]+,){2})" + _PERSON + r"(?:\s*,\s*(?:and\s+|&\s*)?" + _PERSON + r")+")


def _header_mark(line: str, raw: str) -> bool:
    """A short line of a paper's header: an e-mail address (read in the raw text: the
    prose view blanks it), a journal's volume or issue, or its authors' names
    ("Samuel K. Ortega, Rachel D. Hume")."""
    if len(line) > HEADER_LINE_CHARS or line.endswith((".", ":", "?", "!")) and not _ISSUE.search(line):
        return False
    return bool(_EMAIL.search(raw) or _ISSUE.search(line) or _TWO_AUTHORS.fullmatch(line.strip("*_ ")))


#: A line of a paper's header besides its citation and authors (a journal name, an
#: e-mail address, a note expanding an acronym) is short.
HEADER_LINE_CHARS = 160


def _only_a_header(doc: "Document", blocks: list) -> bool:
    """A section that holds only a paper's header: at most five short lines (citation,
    authors, affiliations, journal name), no list but of affiliations (a reading list is the writer's)."""
    lines = [b for b in blocks if doc.prose[b.start:b.end].strip()]
    return 0 < len(lines) <= 5 and all(
        (b.kind not in ("list-item", "li") or _is_affiliation(doc.prose[b.start:b.end].strip()))
        and (len(doc.prose[b.start:b.end].strip()) <= HEADER_LINE_CHARS
                                               or _is_reference(doc.prose[b.start:b.end], doc.text[b.start:b.end])
                                               or _is_affiliation(doc.prose[b.start:b.end].strip()))
        for b in lines)


def _bylined(doc: "Document", blocks: list) -> bool:
    """A section under a heading that opens with a bare list of its authors' names
    (no "By", which a writer uses for the page's own byline) over a paragraph not in
    the writer's voice: a chapter's or paper's abstract under its title."""
    lines = [b for b in blocks if doc.prose[b.start:b.end].strip()]
    if len(lines) < 2:
        return False
    first = doc.prose[lines[0].start:lines[0].end].strip()
    if _BYLINE_START.match(first) or not _is_byline(first):
        return False
    names = [p for p in re.split(r",|;|\band\b", _AFFILIATION_MARK.sub("", first)) if p.strip()]
    if sum(1 for p in names if len(p.split()) >= 2) < 2:
        return False  # "Vitamin D, Magnesium and Zinc": not two people's names
    body = next((b for b in lines[1:] if len(doc.prose[b.start:b.end].strip()) >= ACADEMIC_BLOCK_CHARS), None)
    return body is not None and not _WRITER_VOICE.search(doc.prose, lines[0].start, lines[-1].end)


_QUOTE_TAGS = lazyre.compile(r"<(blockquote|q|cite)(?=[\s>])[^>]*>", re.I)


_ITALIC_BLOCK = lazyre.compile(r"\s*(?:<(?:em|i)>|\*(?!\*)|_(?!_))(?=\S).{20,}?\S(?:</(?:em|i)>|(?<!\*)\*|(?<!_)_)[\s.,;]*", re.S)
#: What introduces a quoted passage: a colon, or a reporting verb at the end of the block before it.
_INTRODUCES = lazyre.compile(r"(?::|\b(?:states?|stated|writes?|wrote|says?|said|notes?|noted|reports?|reported|concludes?|"
                             r"concluded|explains?|explained|reads?|put\s+it)(?:\s+that)?|\bas\s+follows)\s*$", re.I)


def _quotes(doc: "Document") -> Iterator[Region]:
    """Block quotes (the reader's blockquote blocks), HTML quotation elements, and a
    paragraph set wholly in italics after a colon or "states that" (how writers print
    a passage they quote when the site offers no block quote)."""
    previous = None
    quoting = False  # the italic paragraph before this one was a quoted passage
    blocks = doc.blocks
    for n, b in enumerate(blocks):
        if b.kind == "blockquote":
            yield Region("quotation", b.start, b.end)
        italic_end = _italic_end(doc, b) if b.kind in ("paragraph", "p") else None
        italic = italic_end is not None
        if italic and (quoting or (previous is not None and (_INTRODUCES.search(doc.prose, previous.start, previous.end)
                                                             or _runs_on(doc, previous)))
                       or italic_end < b.end or _cited_below(doc, blocks, n)):
            yield Region("quotation", b.start, italic_end)
            quoting = True  # the passage goes on in the next italic paragraph
        elif (previous is not None and b.kind in ("paragraph", "p")
              and (lead := doc.prose[previous.start:previous.end].rstrip(" *_\t\n")).endswith(":")
              and _source_after(doc, blocks, n) and _PRESENTS_COPY.search(lead)):
            # (the colon lead first: most paragraphs follow none, and the source line costs more)
            yield Region("quotation", b.start, b.end)
        if b.kind != "heading" and doc.prose[b.start:b.end].strip():
            previous = b
            quoting = quoting and italic
    yield from _quoted_blocks(doc)
    yield from _quoted_descriptions(doc)
    text = doc.text
    if "<" not in text:
        return
    from .markup.tags import find_close_tag

    for m in _QUOTE_TAGS.finditer(text, doc.body_start):
        if doc.is_prose(m.start()):
            continue  # a '<' in prose is not a tag
        name = m.group(1).lower()
        close = find_close_tag(text, name, m.end(), len(text))
        if close is not None:
            yield Region("reference" if name == "cite" else "quotation", m.end(), close[0])


#: The lead sentence of a quoted passage that runs on into it, ending on a word with no stop or
#: colon: "Her account of the first night", "The board's rules say a panel consists of".
_RUNS_ON = lazyre.compile(r"[A-Za-z][\w'\u2019)-]*[\s*_]*$")
#: A lead that runs on into a quotation is one short line, not a paragraph of the writer's.
RUN_ON_CHARS = 160
#: A source's address standing alone at a passage's end or on the line after it ("https://...",
#: "[www.example.edu/guide.htm](https://...)"): where the passage above was copied from.
_SOURCE_URL = lazyre.compile(r"(?:^|[\s.])(?:\[?\s*(?:https?://|www\d?\.)[^\s\]]+\s*\]?(?:\([^)\s]+\))?|<(?:https?://)[^>\s]+>)[\s.*_]*$")


#: A lead's last word that the next block must continue: a verb of saying, a preposition, an
#: article or "that" ("The rules say a panel consists of", "The label reads", "It states that").
_CONTINUED = lazyre.compile(r"\b(?:says?|said|reads?|states?|stated|writes?|wrote|notes?|adds?|goes|runs|"
                            r"of|that|as|with|to|in|for|by|from|on|at|the|a|an|is|are|was|were|includes?|follows)[\s*_]*$", re.I)
#: A lead that introduces someone's account with a verb of telling ("Ana Ruiz recalls her first
#: night"); a heading-like noun phrase ("The short version for busy parents") does not.
_TELLS = lazyre.compile(r"\b(?:recalls?|recounts?|remembers?|tells?|told|describes?|described|explains?|writes?|wrote|"
                        r"says?|said|puts?\s+it|reports?|relates?|shares?|speaks?|testifies|testified)\b", re.I)


def _runs_on(doc: "Document", block) -> bool:
    """Whether *block* is a short lead line whose sentence runs on into the block after it (no
    full stop, colon or question mark at its end): "Ana Ruiz tells what happened that night", then
    the italic account. A paragraph of the writer's own ends its sentence."""
    said = doc.prose[block.start:block.end].strip()
    return (block.kind in ("paragraph", "p") and 0 < len(said) <= RUN_ON_CHARS and "\n\n" not in said
            and _RUNS_ON.search(said) is not None
            and (_CONTINUED.search(said) is not None or _TELLS.search(said) is not None))


def _italic_end(doc: "Document", block) -> int | None:
    """Where the italic passage that fills *block* ends: the block's end when it is wholly in
    italics; the end of the italics when only the passage's citation (a year and an author)
    follows them in the same paragraph ("*...the last time.* **Title.** Roe A. In: ... 1992;
    53-59."); None otherwise."""
    m = _ITALIC_BLOCK.match(doc.text, b_start := block.start, block.end)
    if m is None:
        return None
    if m.end() >= block.end:
        return block.end
    rest = doc.text[m.end():block.end]
    tail = doc.prose[m.end():block.end].strip()
    if tail and len(tail) <= 2 * REPRODUCED_LABEL_CHARS and m.end() - b_start > len(tail) and (
            _is_reference(tail, rest) or (_YEAR.search(tail) is not None and _AUTHORS.search(tail) is not None)):
        return m.end()
    return None


_TAG_TEXT = lazyre.compile(r"<[^>]*>")
#: The writer speaking of themself: "I", "my", "me" (not "you", which copied instructions use too).
_SPEAKS_AS_I = lazyre.compile(r"\b(?:I|I'm|I've|I'd|[Mm]y|[Mm]e)\b(?![-.]\w)")
#: A sentence's end right before a source's address: '... are equal. https://...', '..." www...'.
_AFTER_SENTENCE = lazyre.compile(r"[.!?\"\u201d)][*_]*\s*$")


#: A colon lead that presents someone else's words: it names them as a quotation, excerpt or
#: summary, or says whose words follow ("the clinic writes:", "from the NHS site:"). A lead of
#: the writer's own ("Winter plan for the whole family:") does not.
_PRESENTS_COPY = lazyre.compile(r"\b(?:quotes?|quoted|quotations?|excerpts?|extracts?|passages?|summary|abstract|verbatim|"
                                r"says?|said|writes?|wrote|written|states?|stated|describes?|described|reads?|puts?\s+it|"
                                r"explains?|notes?|reports?|according\s+to|from|source)\b", re.I)


def _source_after(doc: "Document", blocks: list, n: int) -> bool:
    """Whether block *n* ends with its source's bare address, or the next block is only that
    address: a passage copied from a web page under a colon lead ("Note the program list
    below:" / the passage / "http://..."). A link inside the writer's sentence is not a source line."""
    b = blocks[n]
    if _SPEAKS_AS_I.search(doc.prose, b.start, b.end):
        return False  # the writer's own paragraph ("I found it at ..."; a copied text may address "you")
    tail = doc.text[max(b.start, b.end - 300):b.end].rstrip()
    url = _SOURCE_URL.search(tail)
    if url and len(doc.prose[b.start:b.end].split()) >= 12:
        # the address alone after the passage's last sentence, not the object of "see" or "at"
        return bool(_AFTER_SENTENCE.search(tail, 0, url.start() + 1))
    for later in blocks[n + 1:n + 2]:
        said = _TAG_TEXT.sub("", doc.text[later.start:later.end]).strip()
        return 0 < len(said) <= REPRODUCED_LABEL_CHARS and " " not in said and bool(_SOURCE_URL.search(said))
    return False


#: A description quoted from a reference work, its quotation mark opening after the name it
#: describes: 'Medline "is a database of ...', 'Vitamin K "refers to a group of ...'.
_QUOTED_DESCRIPTION = lazyre.compile(r"(?<=[\w.'\u2019-] )[\u201c\"](?:is|are|was|were|refers\s+to|means)\s")
#: The name the quoted description describes, right before its opening mark.
_DESCRIBED = lazyre.compile(r"\b[A-Z][\w.'\u2019-]*\s$")
#: Where such a quotation ends: a closing mark right after a sentence's stop.
_SENTENCE_CLOSE = lazyre.compile(r"[.!?][\u201d\"]")


def _described_marks(prose: str, start: int) -> Iterator[re.Match[str]]:
    """The matches of :data:`_QUOTED_DESCRIPTION`, in order, tried only at the quotation marks
    (a scan of every character of a long page costs more than the marks are)."""
    found = []
    for mark in ('"', "\u201c"):
        at = prose.find(mark, start)
        while at >= 0:
            m = _QUOTED_DESCRIPTION.match(prose, at)
            if m is not None:
                found.append(m)
            at = prose.find(mark, at + 1)
    return iter(sorted(found, key=lambda m: m.start()))


def _quoted_descriptions(doc: "Document") -> Iterator[Region]:
    """A description quoted from a reference work inside one paragraph: from the quotation mark
    after the name it describes to the first closing mark after a full stop that leaves the marks
    inside it paired. The quoted text may itself quote words ('... "Not now" ...'), so those inner
    pairs are skipped; a later, separate quotation in the paragraph is not part of it."""
    prose = doc.prose
    if ' "' not in prose and " \u201c" not in prose:
        return
    done = -1  # the end of the last block that held a description
    for m in _described_marks(prose, doc.body_start):
        b = doc.block_at(m.start())
        if b is None or b.kind not in _PROSE_BLOCKS or m.start() < done:
            continue
        if not _DESCRIBED.search(prose, max(b.start, m.start() - 40), m.start()):
            continue
        first = end = None
        for close in _SENTENCE_CLOSE.finditer(prose, m.end(), b.end):
            first = first or close
            inner = prose[m.end():close.start() + 1]
            if inner.count('"') % 2 == 0 and inner.count("\u201c") == inner.count("\u201d"):
                end = close  # the first close with the marks inside it paired: the description's end
                break
        end = end or first
        if end is not None:
            yield Region("quotation", m.start(), end.end())
            done = end.end()


#: How many blocks after its opening block a quotation may close in (a quoted paragraph and its list).
QUOTED_BLOCKS = 6
#: A block that opens with a quotation mark: the start of a quoted passage.
_OPENS_QUOTE = lazyre.compile(r"[\s*_>]*[\u201c\"]")
#: A passage opening after a label's colon inside a block: 'Excerpt: *"The model ...', 'He wrote: "...'.
_LABELLED_QUOTE = lazyre.compile(r"(?:^|\n)[^\n:]{0,40}\b[A-Za-z]+:[ \t]*[*_]*[\u201c\"](?=\w)")


def _labelled_quote(block: str) -> re.Match[str] | None:
    """:data:`_LABELLED_QUOTE` in *block*, which it needs a colon and a quotation mark to match:
    most blocks have no quotation mark, and the pattern is tried at each of their line starts."""
    if ":" not in block or ('"' not in block and "\u201c" not in block):
        return None
    return _LABELLED_QUOTE.search(block)


#: A block that ends with a closing quotation mark (before any citation in brackets).
_CLOSES_QUOTE = lazyre.compile(r"[\u201d\"][\s*_]*(?:\([^()\n]{0,80}\))?[\s*_.]*$")


#: A label opening the writer's own comment: "Our take:", "My verdict:", "Bottom line:", "Comment:".
_COMMENT_LABEL = lazyre.compile(
    r"[\W_]*(?:(?:our|my|the\s+editor'?s?|editor'?s?|site'?s?)\s+(?:[\w-]+\s+){0,2}?[\w-]+|bottom\s+line|take[- ]home(?:\s+message)?"
    r"|verdict|comments?|notes?|in\s+short|in\s+brief|tl;?\s?dr)(?::|\s+[\u2013\u2014-]\s)", re.I)
#: Advice in the writer's (or site's) own voice: "we recommend", "our advice is", "we think you".
_OUR_ADVICE = lazyre.compile(
    r"\b(?:we|our\s+(?:team|doctors?|nurses?|pharmacists?|dietitians?|clinic|practice|editors?))\s+(?:would\s+|now\s+|still\s+)?"
    r"(?:recommend|advise|suggest|urge|think|believe|feel|tell|prefer)\b|\bour\s+(?:advice|view|take|verdict|recommendation)\b", re.I)


def _cited_below(doc: "Document", blocks: list, n: int) -> bool:
    """Whether the block after block *n* is only its source's identifier ("PMID: 2764538", a DOI)
    and block *n* reads as that source's words: an italic paragraph over its citation is a passage
    quoted from that paper, unless the writer speaks in it (I, my, you), labels it as a comment
    ("Our take:", "Bottom line:") or gives advice as the site ("we recommend", "our advice"): a
    site's own italic summary set over the PMID it summarises is the page's text. (A paper's
    "we found" is its authors' and does not count.)"""
    for b in blocks[n + 1:n + 3]:
        said = doc.text[b.start:b.end].strip()
        if said:
            if not (len(said) <= REPRODUCED_LABEL_CHARS and _ID_LINE.match(said)):
                return False
            prose = doc.prose
            lead = _lead_end(prose, blocks[n].start, blocks[n].end)
            return not (_WRITER_VOICE.search(prose, blocks[n].start, blocks[n].end)
                        or _COMMENT_LABEL.match(prose, lead, min(blocks[n].end, lead + 60))
                        or _OUR_ADVICE.search(prose, blocks[n].start, blocks[n].end))
    return False


#: Quotation marks written as character references (the prose view blanks them): ``&ldquo;``,
#: ``&#8220;``, ``&#x201D;``, ``&quot;``.
_QUOTE_ENTITY = lazyre.compile(r"&(?:(ldquo|rdquo|quot)|#(8220|8221|34)|#[xX](201[cCdD]|22));")
_QUOTE_CHAR = lazyre.compile('[\u201c\u201d"]')
#: Blanked markup, emphasis and block-quote marks before a block's first character.
_BLOCK_LEAD = lazyre.compile(r"[\s*_>]*")
_ENTITY_QUOTE = {"ldquo": "\u201c", "rdquo": "\u201d", "quot": '"', "8220": "\u201c", "8221": "\u201d", "34": '"',
                 "201c": "\u201c", "201d": "\u201d", "22": '"'}


def _quote_marks(doc: "Document", start: int, end: int) -> list[tuple[int, str]]:
    """The quotation marks of a block in order, as (offset, mark): literal ones in the prose
    view, and character references read in the text, so that ``&#8220;`` counts as a curly
    opening mark just as the character does."""
    marks = [(m.start(), m.group()) for m in _QUOTE_CHAR.finditer(doc.prose, start, end)]
    if doc.text.find("&", start, end) >= 0:
        for m in _QUOTE_ENTITY.finditer(doc.text, start, end):
            marks.append((m.start(), _ENTITY_QUOTE[(m.group(1) or m.group(2) or m.group(3)).lower()]))
        marks.sort()
    return marks


def _unclosed_opener(marks: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The opening mark of a block that no mark after it in the block closes: the last curly
    opener without a closer after it, or the last straight mark of an odd number (they pair in
    order). None if every quotation in the block closes there."""
    depth, opener = 0, None
    for at, mark in marks:
        if mark == "\u201c":
            if depth == 0:
                opener = at
            depth += 1
        elif mark == "\u201d":
            depth = max(0, depth - 1)
    if depth > 0 and opener is not None:
        return opener, "\u201c"
    if not any(m == "\u201c" for _, m in marks):
        straight = [at for at, m in marks if m == '"']
        if len(straight) % 2:
            return straight[-1], '"'
    return None


def _closes_here(marks: list[tuple[int, str]], mark: str) -> bool:
    """Whether a later block closes a quotation opened before it: more curly closers than
    openers, or an odd number of straight marks (one is left to pair with the opener)."""
    if mark == "\u201c":
        return sum(m == "\u201d" for _, m in marks) > sum(m == "\u201c" for _, m in marks)
    return sum(m == '"' for _, m in marks) % 2 == 1


def _quoted_blocks(doc: "Document") -> Iterator[Region]:
    """A passage in quotation marks over several blocks: a paragraph that opens with a quotation
    mark and holds one it does not close, up to the block (within :data:`QUOTED_BLOCKS`, no
    heading between) that ends with the closing mark ("The growth response ... ," then bullet
    points, the last one ending "... data are lacking."). Quoted words are the source's; the rule
    that reads quotation marks inside one block cannot see a quotation that spans blocks.
    The passage starts at its unclosed opening mark, not at the block's start: a paragraph that
    opens with a scare-quoted word and ends by opening a reader's quotation is the writer's up
    to that mark. The closing block must really close it (an unmatched closing mark), and marks
    written as character references count as the characters."""
    prose = doc.prose
    if "\u201c" not in prose and '"' not in prose and "&" not in doc.text:
        return
    blocks = [b for b in doc.blocks if b.end > doc.body_start and prose[b.start:b.end].strip()]
    for i, b in enumerate(blocks):
        if b.kind not in _PROSE_BLOCKS:
            continue
        lead = _BLOCK_LEAD.match(prose, b.start, b.end).end()
        start = b.start
        if lead >= b.end or (prose[lead] not in "\u201c\"" and doc.text.find("&", b.start, lead + 1) < 0):
            opens = _labelled_quote(prose[b.start:b.end])  # (a slice: "^" is the block's start)
            if opens is None:
                continue  # no opening mark, as a character or a reference, before the first word
            start = b.start + opens.end() - 1  # after a label: 'Excerpt: *"...'
        marks = _quote_marks(doc, start, b.end)
        if not marks or marks[0][1] == "\u201d" or prose[start:marks[0][0]].strip(" \t\n*_>"):
            continue  # the block (or its label) does not open with a quotation mark
        unclosed = _unclosed_opener(marks)
        if unclosed is None:
            continue  # the quotation closes in its own block: the rule reads it there
        opener, mark = unclosed
        for later in blocks[i + 1:i + 1 + QUOTED_BLOCKS]:
            if later.kind in ("heading", "h1", "h2", "h3", "h4", "h5", "h6"):
                break
            inner = _quote_marks(doc, later.start, later.end)
            if inner and inner[0][1] == mark and not prose[later.start:inner[0][0]].strip(" \t\n*_>") \
                    and not _closes_here(inner, mark):
                break  # another quotation opens first
            if inner and _closes_here(inner, mark):
                piece = _entities_as_marks(doc, later.start, later.end).rstrip()
                closes = _CLOSES_QUOTE.search(piece)
                if closes is None and (source := _SOURCE_URL.search(piece)) and source.start() > 0:
                    # the passage's source on the line under its closing mark: "... does."* / www.example.edu/page
                    closes = _CLOSES_QUOTE.search(piece[:source.start()].rstrip())
                if closes:
                    yield Region("quotation", opener, later.end)
                    break


def _entities_as_marks(doc: "Document", start: int, end: int) -> str:
    """The block's prose with its quotation-mark references written as the marks (the prose
    view blanks them), right-stripped."""
    piece = doc.prose[start:end]
    if doc.text.find("&", start, end) >= 0:
        chars = list(piece)
        for m in _QUOTE_ENTITY.finditer(doc.text, start, end):
            chars[m.start() - start] = _ENTITY_QUOTE[(m.group(1) or m.group(2) or m.group(3)).lower()]
        piece = "".join(chars)
    return piece.rstrip()


#: A reference number as papers print it (not a Markdown footnote, which is the page's own).
_CITE_MARK = lazyre.compile(
    r"(?=[<\[\u00b9\u00b2\u00b3\u2070-\u2079(\d']|\s\()(?:"
    r"<sup[^>]*>\s*\[?\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\]?\s*</sup>"                  # <sup>[1]</sup>
    r"|(?<![\]\w^])\[\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\](?![(:\[])"                  # [1], [1-3]
    r"|[\u00b9\u00b2\u00b3\u2070-\u2079]+"                                               # superscript digits
    r"|(?<=[a-z)\]%])\s?\(\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\)(?=\s*[.,;:]|\s*$|\s+[A-Z])"  # word (42).
    r"|(?<=[a-z)]{2}[.,])\d{1,3}(?:[-\u2013,]\d{1,3})*(?=\s+[A-Z(]|\s*$)"                    # shown.7 The
    r"|(?<=[A-Za-z]{3})\d{1,3}(?:[,\u2013-]\d{1,3})+(?=[.,;:]?(?:\s|$))"                    # insulin22,23.
    r"|\(Refs?\.?\s+\d{1,3}"                                                                 # (Ref 127, 128
    r"|'\d{1,3}(?:,\d{1,3})*['\]])", re.M)                                                    # '75,76' and '60] (OCR)
_PROSE_BLOCKS = frozenset({"paragraph", "p", "list-item", "li", "div", "td"})


def _cited_like_a_paper(doc: "Document", start: int, end: int, starts: list[int] | None = None) -> int:
    """How many reference numbers the block holds, in the forms papers print them (*starts*:
    the page's reference numbers, when the caller asks for many blocks)."""
    if starts is None:
        starts = _feature_marks(doc)["cite"]
    return bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)


#: A paper's authors speaking of their own study ("we found", "our results", "in this
#: review we", "the present study"): a site's writer reports others' studies, not "ours".
_STUDY_VOICE = lazyre.compile(
    r"(?=[WwOoTtIi])(?:\b[Ww]e\s+(?:have\s+|had\s+|will\s+|also\s+|further\s+|then\s+|recently\s+|previously\s+|first\s+|now\s+)?"
    r"(?:found|observed|demonstrated|report(?:ed)?|investigated|examined|conducted|performed|hypothesi[sz]ed|aimed"
    r"|sought|assessed|evaluated|analy[sz]ed|measured|recruited|enrolled|randomi[sz]ed|identified|propose[d]?"
    r"|summari[sz]e[d]?|describe[d]?|explored?|tested|estimated|calculated|discuss(?:ed)?|review(?:ed)?"
    r"|throw|focus(?:ed)?\s+on)\b"
    r"|\b[Oo]ur\s+(?:recent\s+|previous\s+|present\s+|own\s+|preliminary\s+)?(?:study|studies|results|findings|data"
    r"|analys[ie]s|cohort|trial|review|work|laboratory|lab|group|sample|participants|meta-analysis|hypothesis)\b"
    r"|\b(?:[Tt]he|[Tt]his)\s+(?:present|current)\s+(?:study|review|paper|analysis|chapter|report)\b"
    r"|\b[Ii]n\s+this\s+(?:review|paper|article|chapter|study|report),?\s+we\b"
    r"|\b[Tt]his\s+(?:review|paper|article|chapter)\s+(?:gives|provides|summari[sz]es|reviews|describes|discusses"
    r"|examines|presents|highlights|focuses)\b)")
#: A paper's statistics: p-values, confidence intervals, odds, risk and hazard ratios.
_STATISTICS = lazyre.compile(
    r"(?=[Pp9aORH])(?:\b[Pp]\s*(?:[<>=\u2264\u2265]|&lt;|&gt;)\s*0?\.\d|\b95\s*%\s*(?:CI|confidence\s+interval)"
    r"|\b(?:a?OR|RR|a?HR)\s*[=:,]?\s*\d+\.\d+)")
#: (``regex`` finds the rare "et" far faster than ``re``: a tenth of the time on real pages.)
_ET_AL = fastre.compile(r"\bet\.?\s+al\b")
#: How long a prose block must be to count in a section's share of academic blocks.
ACADEMIC_BLOCK_CHARS = 200


def _academic_features(doc: "Document", start: int, end: int) -> set[str]:
    """Which marks of a published paper's prose a block carries: its reference numbers,
    "et al.", author-year citations, statistics, and its authors' "we found" voice.
    Each mark is found once per page (:func:`_feature_marks`), so a long page costs one
    pass per mark, not one per block."""
    found = set()
    for name, starts in _feature_marks(doc, every=True).items():
        i = bisect.bisect_left(starts, start)
        if i < len(starts) and starts[i] < end:
            found.add(name)
    return found


#: Anchors of :data:`_CITE_MARK`'s alternatives, each led by a literal character (which ``re`` finds
#: fast; a class of characters, or the pattern's look-ahead, it tries at every character): a digit
#: after a stop or comma that follows a letter ("shown.7"), and a digit on either side of a comma or
#: dash ("insulin22,23").
_STOP_DIGIT = (lazyre.compile(r"\.(?<=[a-z)]\.)\d"), lazyre.compile(r",(?<=[a-z)],)\d"))
_DIGIT_SEPARATOR_DIGIT = (lazyre.compile(r",(?<=\d,)\d"), lazyre.compile(r"-(?<=\d-)\d"),
                          lazyre.compile("\u2013(?<=\\d\u2013)\\d"))
_BRACKET_DIGIT = lazyre.compile(r"\[\d")
_PAREN_DIGIT = lazyre.compile(r"\(\d")
_QUOTE_DIGIT = lazyre.compile(r"'\d")
_SUPERSCRIPT_DIGITS = "\u00b9\u00b2\u00b3" + "".join(map(chr, range(0x2070, 0x207A)))


def _cite_mark_starts(text: str, start: int) -> list[int]:
    """Where :data:`_CITE_MARK` matches in *text* from *start*, tried only where a match can start:
    ``<sup``, a bracket before a digit, a superscript digit, a bracket before a digit and the white
    space before it, a digit after a stop or comma, the one to three digits before a comma or dash
    between digits, ``(Ref`` and a quote before a digit."""
    starts: set[int] = set()
    for literal in ("<sup", "(Ref", *_SUPERSCRIPT_DIGITS):
        starts.update(find_all(text, literal, start))
    starts.update(m.start() for m in _BRACKET_DIGIT.finditer(text, start))
    starts.update(m.start() for m in _QUOTE_DIGIT.finditer(text, start))
    for m in _PAREN_DIGIT.finditer(text, start):
        starts.update((m.start(), m.start() - 1))  # "(42)", " (42)"
    for pattern in _STOP_DIGIT:
        starts.update(m.start() + 1 for m in pattern.finditer(text, max(0, start - 1)))  # (the stop may be before *start*)
    for pattern in _DIGIT_SEPARATOR_DIGIT:
        for m in pattern.finditer(text, start):
            starts.update((m.start() - 1, m.start() - 2, m.start() - 3))
    return [m.start() for m in matches_from(_CITE_MARK, text, start, starts)]


def _inline_citations(doc: "Document") -> list[tuple[int, int]]:
    """Spans of the inline citations in the prose (``Chung et al. (28)``), found once per page."""
    key = "regions.inline-citations"
    if key not in doc.cache:
        doc.cache[key] = _inline_citation_spans(doc.prose, doc.body_start)
    return doc.cache[key]


#: Where an inline citation's alternatives anchor: "et al"; an opening bracket before a name;
#: a year before a journal's semicolon (rare on a page, unlike the capitals the pattern starts at).
_ET_AL_ANCHOR = lazyre.compile(r"et\s+al")
_PAREN_NAME_ANCHOR = lazyre.compile(r"\((?:e\.g\.,?\s+|see\s+)?[A-Z]")
_CAPITAL = lazyre.compile(r"[A-Z]")
#: The characters of the names before "et al" (with "and", "&" and white space between them),
#: and of the words before a journal's year.
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'\u2019-&"
                        + "".join(map(chr, range(0xC0, 0x180))))
_JOURNAL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _inline_citation_spans(prose: str, start: int) -> list[tuple[int, int]]:
    """The spans of ``_INLINE_CITATION.finditer(prose, start)``, the pattern tried only where a
    match can start: at the capitals in the run of names (and "and", "&", white space) right
    before each "et al", at each bracket opening on a name, and at the capitals in the run of
    words right before each year followed by a journal's semicolon. Every match starts at one of
    these (each alternative holds its anchor, and only those characters stand between its start
    and the anchor), so trying them in order, each from the end of the last match, finds the
    scan's matches; a page's capitals are many, its anchors few."""
    starts: set[int] = set()
    floor = start  # the runs already read end here (a later anchor's run stops at it)
    for m in _ET_AL_ANCHOR.finditer(prose, start):
        lo = m.start()
        while lo > floor and (prose[lo - 1] in _NAME_CHARS or prose[lo - 1].isspace()):
            lo -= 1
        starts.update(c.start() for c in _CAPITAL.finditer(prose, lo, m.start()))
        floor = m.start()
    for year in _journal_years(prose, start):
        lo = year
        while lo > start and (prose[lo - 1] in _JOURNAL_CHARS or prose[lo - 1].isspace()):
            lo -= 1  # (a run of words stops at the semicolon before it: each is read once)
        starts.update(c.start() for c in _CAPITAL.finditer(prose, lo, year))
    starts.update(m.start() for m in _PAREN_NAME_ANCHOR.finditer(prose, start))
    return [m.span() for m in matches_from(_INLINE_CITATION, prose, start, starts)]


def _journal_years(prose: str, start: int) -> Iterator[int]:
    """Where a year can start that a journal's semicolon follows (``2012;``, ``2019 Mar;``): four
    characters before each semicolon and its white space, or before the month and its white space."""
    for semicolon in find_all(prose, ";", start):
        end = _back_over_space(prose, semicolon, start)
        yield end - 4
        if _MONTH_ABBREVIATION.fullmatch(prose, max(start, end - 3), end):
            yield _back_over_space(prose, end - 3, start) - 4


#: A month as a journal line gives it before the semicolon (the pattern's ``[A-Z][a-z]{2}``).
_MONTH_ABBREVIATION = lazyre.compile(r"[A-Z][a-z]{2}")


def _back_over_space(prose: str, at: int, floor: int) -> int:
    """Where the white space right before *at* begins (not before *floor*)."""
    while at > floor and prose[at - 1].isspace():
        at -= 1
    return at


#: Anchors of :data:`_STATISTICS`: a comparison before a p-value, and an odds, risk or hazard ratio's "R".
_COMPARISONS = ("<", ">", "=", "\u2264", "\u2265", "&lt;", "&gt;")
_RATIO_R = lazyre.compile(r"R(?<=[ORH]R)")


def _statistics_starts(prose: str, start: int) -> list[int]:
    """Where :data:`_STATISTICS` matches from *start*, tried only where a match can start: the
    "p" before a comparison (and the white space between), "95", and the "OR", "RR", "HR" (or
    the "a" before "OR", "HR")."""
    starts: set[int] = set()
    for comparison in _COMPARISONS:
        for at in find_all(prose, comparison, start):
            starts.add(_back_over_space(prose, at, start) - 1)
    starts.update(find_all(prose, "95", start))
    for m in _RATIO_R.finditer(prose, start):
        starts.update((m.start() - 1, m.start() - 2))
    return [m.start() for m in matches_from(_STATISTICS, prose, start, starts)]


#: Anchors of :data:`_STUDY_VOICE`: "we" and "our" before white space, and the words "present",
#: "current", "this" and "This" that the other alternatives hold. (Each pattern opens with a
#: literal, which ``re`` scans for fastest; a class of letters it tests at each character.)
_WE_OUR = tuple(lazyre.compile(word + r"\s") for word in ("we", "We", "our", "Our"))


def _study_voice_starts(prose: str, start: int) -> list[int]:
    """Where :data:`_STUDY_VOICE` matches from *start*, tried only where a match can start: at
    "we" and "our", at "the" or "this" before "present" or "current", at "in" before "this",
    and at "this" or "This" itself."""
    starts = {m.start() for pattern in _WE_OUR for m in pattern.finditer(prose, start)}
    for word in ("present", "current"):
        for at in find_all(prose, word, start):
            before = _back_over_space(prose, at, start)
            starts.update((before - 3, before - 4))  # "the", "this"
    for at in find_all(prose, "this", start):
        starts.update((at, _back_over_space(prose, at, start) - 2))  # "this review", "in this"
    starts.update(find_all(prose, "This", start))
    return [m.start() for m in matches_from(_STUDY_VOICE, prose, start, starts)]


def _feature_marks(doc: "Document", every: bool = False) -> dict[str, list[int]]:
    """Where each mark of academic prose starts on the page, sorted (cached on the document).
    The reference numbers and author-year citations always (every page's regions read them);
    with *every*, also "et al.", statistics and the authors' voice, found only for a page
    with a section that asks (:func:`_academic_features`): most pages' sections are decided
    before, and these scans were a tenth of the regions' time."""
    key = "regions.academic-marks"
    marks = doc.cache.get(key)
    if marks is None:
        marks = doc.cache[key] = {
            "cite": _cite_mark_starts(doc.text, doc.body_start),
            "author-year": [s for s, _ in _inline_citations(doc)],
        }
    if every and "voice" not in marks:
        prose, lo = doc.prose, doc.body_start
        marks["et-al"] = [m.start() for m in _ET_AL.finditer(prose, lo)]
        marks["statistics"] = _statistics_starts(prose, lo)
        marks["voice"] = _study_voice_starts(prose, lo)
    return marks


def _paper_prose(doc: "Document") -> Iterator[tuple[int, int]]:
    """Sections of paper prose pasted without a marker, recognised by reference
    numbers: a section with two or more paragraphs citing twice or more (from its
    first prose block to its end), or one paragraph citing three times or more.
    Also by the marks of academic prose (:func:`_academic_features`) in a section where
    the writer never says "I" or "you": the whole section when two or more of its long
    blocks, and at least a third of them, carry such marks, or a long one speaks in its
    authors' voice ("we found", "this review describes"); otherwise each block carrying two kinds."""
    text = doc.text
    starts = sorted(_before_markup(doc, h.start) for h in doc.headings)
    bounds = [doc.body_start] + [s for s in starts if s > doc.body_start] + [len(text)]
    block_starts = [b.start for b in doc.blocks]
    heading_starts = {h.start for h in doc.headings}
    cites = _feature_marks(doc)["cite"]
    for lo, hi in zip(bounds, bounds[1:]):
        section = [b for b in doc.blocks[bisect.bisect_left(block_starts, lo):bisect.bisect_left(block_starts, hi)]
                   if b.kind in _PROSE_BLOCKS and b.start not in heading_starts]
        if not section:
            continue
        counts = [_cited_like_a_paper(doc, b.start, b.end, cites) for b in section]
        citing = [b for b, n in zip(section, counts) if n >= 2]
        if len(citing) >= 2:
            yield section[0].start, section[-1].end
            continue
        yield from ((b.start, b.end) for b, n in zip(section, counts) if n >= 3)
        if _WRITER_VOICE.search(doc.prose, lo, hi):
            continue  # the writer's own section, however much it cites
        features = [_academic_features(doc, b.start, b.end) for b in section]
        long_blocks = [f for b, f in zip(section, features) if len(doc.prose[b.start:b.end].strip()) >= ACADEMIC_BLOCK_CHARS]
        academic = sum(1 for f in long_blocks if f)
        if (academic >= 2 and 3 * academic >= len(long_blocks)) or any("voice" in f for f in long_blocks):
            yield section[0].start, section[-1].end
            continue
        yield from ((b.start, b.end) for b, f in zip(section, features) if len(f) >= 2)


#: A speaker's turn: ``**KB**: ...``, ``Henry: ...``, ``| Dr Smith: | ...``.
_TURN = lazyre.compile(r"[ \t>|*_]*([A-Z][\w.'\u2019-]{0,15}(?:[ \t]+[A-Z][\w.'\u2019-]{0,15}){0,2})[*_ \t]*:[*_ \t|]*(?=\S)")
_NOT_SPEAKERS = frozenset(
    "note notes nb source sources email e-mail tel phone fax web website url link update updated question answer q a "
    "title date author authors by ps tip warning caution important summary conclusion conclusions example step "
    "see also edit added comment reply dose doses source result results benefit benefits risk risks pros cons "
    "cause causes symptom symptoms treatment treatments diagnosis prevention tips fact myth reference status level "
    "type age sex price cost abstract objective method methods design setting".split())


def _transcript_turns(doc: "Document") -> Iterator[tuple[int, int]]:
    """The blocks of a transcript: two or more speakers with two or more turns each."""
    if ":" not in doc.text:
        return
    turns: list[tuple[str, int, int]] = []
    for b in doc.blocks:
        if b.kind == "heading":
            continue
        m = _TURN.match(doc.prose, b.start, b.end)
        if m is None or m.group(1).lower() in _NOT_SPEAKERS or _LABEL_ONLY.fullmatch(m.group(1)):
            continue
        turns.append((m.group(1), b.start, b.end))
    counts: dict[str, int] = {}
    for name, _, _ in turns:
        counts[name] = counts.get(name, 0) + 1
    speakers = {name for name, n in counts.items() if n >= 2}
    if len(speakers) < 2:
        return
    kept = [(s, e) for name, s, e in turns if name in speakers]
    heading_starts = sorted(_before_markup(doc, h.start) for h in doc.headings)
    block_starts = [b.start for b in doc.blocks]
    for k, (start, end) in enumerate(kept):
        # A turn goes on in the paragraphs after it, up to the next speaker, heading or
        # horizontal rule (the last turn for a few paragraphs at most).
        limit = kept[k + 1][0] if k + 1 < len(kept) else min(len(doc.text), end + LAST_TURN_CHARS)
        i = bisect.bisect_left(heading_starts, end)
        if i < len(heading_starts):
            limit = min(limit, heading_starts[i])
        rule = _RULE_LINE.search(doc.text, end, limit)
        if rule:
            limit = rule.start()
        last = end
        for b in doc.blocks[bisect.bisect_left(block_starts, end):]:
            if b.start >= limit:
                break
            if b.end <= limit and b.kind != "heading":
                last = max(last, b.end)
        yield start, last


#: How far the last speaker's turn of a transcript may run on without a heading or rule to end it.
LAST_TURN_CHARS = 3000


def _units(doc: "Document") -> Iterator[tuple[int, int]]:
    """Short blocks whole, long ones line by line: a reference list item is one unit,
    a long paragraph's lines are judged one at a time."""
    prose = doc.prose
    for b in doc.blocks:
        if b.kind == "heading":
            continue
        if b.end - b.start <= 700:
            yield b.start, b.end
            continue
        pos = b.start
        while pos < b.end:
            nl = prose.find("\n", pos, b.end)
            stop = b.end if nl < 0 else nl
            yield pos, stop
            pos = stop + 1


def _line_regions(doc: "Document") -> Iterator[Region]:
    prose = doc.prose
    for start, end in _units(doc):
        unit = prose[start:end]
        stripped = unit.strip()
        if not stripped:
            continue
        if _is_reference(unit, doc.text[start:end]):
            yield Region("reference", start, end)
        elif _is_byline(stripped):
            yield Region("byline", start, end)
    for start, end, _ in _glossary_lines(doc):
        yield Region("definition", start, end)
    for start, end, _ in _cell_definitions(doc):
        yield Region("definition", start, end)


@functools.lru_cache(maxsize=512)
def _is_reference(prose: str, raw: str) -> bool:
    """A citation: at least two of author list, year, volume/pages and identifier; or a
    line that is nothing but an identifier (``PMID: 123``, ``doi:10...``). Remembered: a
    section's first blocks are asked about again as the page's short units."""
    if _ID_LINE.match(prose) and len(prose.split()) <= 6:
        return True
    if len(prose) > 160 and len(prose.split()) > 80:  # (81 words take 161 characters)
        # A reference is rarely that long, a paragraph citing one often is; but a
        # reference list entry may carry its abstract: judge its head.
        head = prose.lstrip()[:300]
        return bool(_has_volume(head) and len(_AUTHOR_ITEM.findall(head)) >= 2 and _YEAR.search(head))
    if not _DIGIT.search(prose):
        return False  # no year, no volume or pages: each test below needs one
    # The author patterns are the costly ones: read only where a year or a volume decides.
    year = bool(_YEAR.search(prose))
    if year and len(_AUTHOR_ITEM.findall(prose)) >= 3:
        return True  # "Bellemare S, Hartling L, Wiebe N, ... 2004"
    if _has_volume(prose):
        return year or bool(_AUTHORS.search(prose)) or bool(_IDENTIFIER.search(raw))
    # Without volume and pages, a prose sentence citing "Smith et al. (2019)" has
    # authors and a year too: an identifier must make up the rest.
    return year and bool(_AUTHORS.search(prose)) and bool(_IDENTIFIER.search(raw))


def _has_volume(text: str) -> bool:
    """Whether :data:`_VOLUME` matches in *text*, asked only when *text* holds what one of its
    alternatives needs: a colon; a bracket and a semicolon or comma; "p." or "ol."; a comma and
    a dash (most lines of prose hold none of these pairs, and the pattern is tried at every digit)."""
    if ":" not in text and "p." not in text and "ol." not in text and not (
            ("(" in text and (";" in text or "," in text)) or ("," in text and ("-" in text or "\u2013" in text))):
        return False
    return _VOLUME.search(text) is not None


#: What every match of :data:`_UNBRACKETED_MARK` holds: a digit right after a lower-case letter, or
#: one or two digits after white space and before a comma and a digit (led by the digit: a scan
#: from digit to digit).
_UNBRACKETED_HINT = lazyre.compile(r"\d(?:(?<=[a-z]\d)|(?<=\s\d)\d?,\d)")
#: What every match of :data:`_INSTITUTION` holds (``in`` tests: cheaper than the pattern at each capital).
_INSTITUTION_STEMS = ("Universit", "Dep", "Institut", "Hospital", "School", "College", "Faculty", "Cent", "Clinic",
                      "Laborator", "Division", "Research")


@functools.lru_cache(maxsize=512)
def _is_byline(line: str) -> bool:
    """An author or affiliation line (remembered: a section's first blocks are asked about
    again as the page's short units)."""
    if len(line) > 400:
        return False
    if _BYLINE_START.match(line) and len(line.split()) <= 40:
        return True
    # Affiliation marks after a name are no part of it: "Simner CL (1)", "SM Shah1", "Beck-Nielsen 2,7".
    # (Every mark holds a digit or a bracket: most lines have neither.)
    marked = _AFFILIATION_MARK.sub("", line) if "(" in line else _UNBRACKETED_MARK.sub("", line) \
        if _UNBRACKETED_HINT.search(line) else line
    if _is_affiliation(marked):
        return True
    if marked == line and marked.count(",") + marked.count(";") + marked.count("and") < 2:
        return False  # at most two parts (the test below), told without splitting the line
    parts = [p.strip() for p in _NAME_SEPARATOR.split(marked) if p.strip()]
    if marked == line and len(parts) < 3:
        return False
    named = sum(1 for p in parts if len(p) <= 40 and len(p.split()) <= 5 and all(_NAME_PART.fullmatch(w) for w in p.split()))
    if (marked != line and 1 <= named == len(parts) and any(len(p.split()) >= 2 for p in parts)
            and not any(_NOT_A_NAME.match(p) for p in parts)):
        return True  # one author per line, with affiliation marks: "B. K. Ravichandran 2,3,*"
    if len(parts) < 3:
        return False
    return named >= 3 and named >= 0.8 * len(parts) and not line.rstrip().endswith(":")


#: (Asked of every short line of every page: compiled once, not looked up in ``re``'s cache per call.)
_NAME_SEPARATOR = lazyre.compile(r",|;|\band\b")
_LETTERS = lazyre.compile(r"[^\W\d_]+")
_NOT_A_NAME = lazyre.compile(r"(?:the|a|an|in|on|at|for|of|with|and|to|from|table|figure|fig|step|part)\s", re.I)
_SMALL_WORDS = frozenset("of and the for in de du la di der und at on".split())


#: The longest paragraph of run-together affiliations ("1 Department of ..., 2Department of ...").
AFFILIATIONS_CHARS = 2000


def _is_affiliation(line: str) -> bool:
    """An affiliation: a short line naming an institution, written as an address (its
    words, the small ones aside, nearly all capitalised), not a sentence."""
    if not any(stem in line for stem in _INSTITUTION_STEMS) or not _INSTITUTION.search(line):
        return False
    if len(line) > 300 and (len(line) > AFFILIATIONS_CHARS or len(_INSTITUTION.findall(line)) < 3):
        return False  # a paper's numbered affiliations run together in one paragraph name three or more
    words = [w for w in _LETTERS.findall(line) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _glossary_lines(doc: "Document") -> list[tuple[int, int, str]]:
    """(start, end, abbreviation) of every glossary line, table row or definition-list item."""
    key = "regions.glossary"
    if key in doc.cache:
        return doc.cache[key]
    out: list[tuple[int, int, str]] = []
    prose = doc.prose
    for b in doc.blocks:
        if b.kind == "heading":
            continue
        pos = b.start
        while pos < b.end:
            nl = prose.find("\n", pos, b.end)
            stop = b.end if nl < 0 else nl
            m = _GLOSSARY.match(prose, pos, stop)
            if m is None and nl >= 0 and prose.startswith(":", _skip_blank(prose, nl + 1, b.end)):
                # A definition list: the term alone on its line, ": meaning" on the next.
                term = prose[pos:stop].strip(" *_")
                if re.fullmatch(_ABBR, term):
                    meaning_end = prose.find("\n", nl + 1, b.end)
                    out.append((pos, b.end if meaning_end < 0 else meaning_end, _base(term)))
            elif (m is not None and sum(c.isupper() for c in m.group(1)) >= 2 and _is_long_form(m.group(2), m.group(1))
                  and not _ABSTRACT_LABEL.match(prose, pos, stop)):
                out.append((pos, stop, _base(m.group(1))))
            pos = stop + 1
    doc.cache[key] = out
    return out


#: The characters of an abbreviation (:data:`_ABBR`): a run of them ends where a match of
#: :data:`_ABBR_WORD` may end.
_ABBR_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&/-")


def _abbreviations_before_brackets(prose: str, start: int) -> Iterator[re.Match[str]]:
    """The matches of ``_ABBR_WORD.finditer(prose, start)`` that white space (or nothing) and an
    opening bracket follow, in order: the only ones :data:`_PAREN_AFTER` can follow. A match lies
    inside a run of :data:`_ABBR_CHARS` (and a scan enters each run afresh), so the run that ends
    right before each bracket (and its white space) is scanned alone, from the character before
    it (for the pattern's look-behind); a page's words are many, its brackets few."""
    done = start
    for bracket in find_all(prose, "(", start):
        end = _back_over_space(prose, bracket, start)
        lo = end
        while lo > done and prose[lo - 1] in _ABBR_CHARS:
            lo -= 1
        if lo == end:
            continue  # no abbreviation's character before the bracket
        for m in _ABBR_WORD.finditer(prose, max(start, lo - 1), end):
            if m.end() == end:
                yield m
        done = end


def _skip_blank(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t":
        pos += 1
    return pos


def _inline_definitions(doc: "Document") -> list[tuple[int, int, str]]:
    """``long form (ABBR)``, ``ABBR (long form)``, ``(long form: ABBR)``, ``(ABBR: long form)``."""
    key = "regions.inline"
    if key in doc.cache:
        return doc.cache[key]
    prose = doc.prose
    out: list[tuple[int, int, str]] = []
    for m in _IN_PARENS.finditer(prose, doc.body_start):
        abbr = m.group(1)
        if sum(c.isupper() for c in abbr) >= 2 and re.search(r"[A-Za-z]{3}\W*$", prose[max(0, m.start() - 12):m.start()]):
            out.append((m.start(), m.end(), _base(abbr)))  # long form (ABBR)
    for m in _abbreviations_before_brackets(prose, doc.body_start):
        after = _PAREN_AFTER.match(prose, m.end())
        if after and sum(c.isupper() for c in m.group(1)) >= 2 and _is_long_form(after.group(1), m.group(1)):
            out.append((m.start(), after.end(), _base(m.group(1))))  # ABBR (long form)
    for m in _PAREN_COLON.finditer(prose, doc.body_start):
        out.append((m.start(), m.end(), _base(m.group(2))))
    for m in _ABBR_PAREN_COLON.finditer(prose, doc.body_start):
        if sum(c.isupper() for c in m.group(1)) >= 2:
            out.append((m.start(), m.end(), _base(m.group(1))))
    out.sort()
    doc.cache[key] = out
    return out
