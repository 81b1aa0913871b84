"""``freshness``: claims of novelty on a page that is no longer new.

"Recent research", "a new study", "the latest evidence" on a page dated years
ago mislead readers about the state of the evidence; so does "as of 2011"
long after 2011. ``exceptions`` are regexes searched in the clause up to the
end of a phrase: a match there is not reported (a notice about the page itself).

Not reported either, because the reader can tell when "recent" was: a phrase in
link text that is the linked page's title (its words are in the address: written
when that page was), a phrase in a sentence that cites its source by number,
author and year, DOI or PMID (``unless_cited``: the citation dates it), and,
with ``dated_title`` (the default), a phrase on a page whose title names a year
("News for December 2012", "Conference 2013": recent as of that year). Nor a
phrase in someone's quoted words, in a title written in capitals outside a heading
("Recent Results Cancer Res", a headline in Title Case, linked or not), or "as of
2006" in link text whose address names 2006 (the linked page's dated headline).
Nor a phrase whose block is followed at once by the citation it speaks of ("A
recently published article:" over a reference with its year: the reader sees the
year), nor on a page whose opening lines say it is obsolete or kept for the record
(the page already warns the reader). With ``dated_title``, "as of 2012" on a page
whose title names 2012 or a later year (a dated newsletter, a past conference) is the
page's own date, not a stale claim.

Dated context, the policy: a relative word is dated when the reader sees a time for it in
the text itself: its sentence, the sentence just before or the heading over it names the
page's own year or a later one, the next paragraph gives the year of the publication it
speaks of, the other sentences of its paragraph cite their sources (a paper's voice, unless
the sentence says "I" or "my"), or it is told in the past ("they were currently"). An
earlier year in the sentence dates some past event, not "currently" ("in 1998 she joined
the practice, where she currently works"), unless the phrase's clause is told in the past
too ("a 1995 editorial argued that the trials run in recent years were too small"). The
front-matter date alone does not date it: many themes do not show it, copies and feeds drop
it, and it is what makes the page old in the first place. A dateline does: a blog entry or news
item whose opening lines print its date, in the front-matter year or the next ("Slow progress
(November 25, 2005)"), is read against that date, as a page whose title names its year is. Generic
senses are no claim about now either: "currently" said to the reader, people described by what they
recently did or now are, a fresh piece of work ("a new research grant"), a reader's letter the page
answers ("Dear Professor Plum, I recently ..."), the writer's words; and "this book" under a
citation giving its year is dated by it. "as of 1964" on a 2012 page is history, and a heading that
dates its own snapshot at the page's date with no figure in it ("Programme as of Spring 2013") says
when already; a figure ("1830 items as of Oct 2013") is still asked to be updated. Also not reported (``excerpts``):
the section under a heading that links to another site's page by its title (that page's
words, see the ``excerpt`` region, :mod:`medlint.regions`), and a paper's title copied as a heading ending
with a full stop. "as of 2012" already says when: its message asks to update the figure.
"""
from __future__ import annotations

import bisect
import datetime
import re
from typing import Any, Callable, Iterable, Iterator

from .. import fastre
from ..markup.model import HEADING_KINDS
from ..diagnostic import Finding
from ..document import Document
from ..medical.blockscan import any_between, blank_back, first_start, last_end
from ..medical.citations import cited, cited_loosely, window
from .. import lazyre
from . import BuildContext
from .common import compile_regex
from ..reproduced import in_reproduced
from .pattern import not_a_claim
from . import freshness_context
from .freshness_context import opening_year

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "years": {"type": "integer", "minimum": 0},
        "date_field": {"type": "string", "minLength": 1},
        "phrases": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "today": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
        "exceptions": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "unless_cited": {"type": "boolean"},
        "dated_title": {"type": "boolean"},
        "excerpts": {"type": "boolean"},
    },
}
DEFAULTS: dict[str, Any] = {"years": 3, "date_field": "date", "phrases": [], "exceptions": [], "unless_cited": True,
                            "dated_title": True, "excerpts": True}
PLACEHOLDERS = ("match", "problem", "advice")
#: What to do: a relative word needs its time named; a dated snapshot already has one, so only
#: updating it (or saying it is history) helps.
RELATIVE_ADVICE = "name the year it means, or review the page and update it"
SNAPSHOT_ADVICE = "update the figure or statement, or drop it if it no longer matters"
_STOP = fastre.compile(r"[.!?;](?=\s)|\n")
_TITLE_YEAR = lazyre.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: "(created October 18, 2007)" in a title dates the page, not its subject: no archive's date.
_CREATED = lazyre.compile(r"\b(?:created|updated|revised|written|posted)\b[^()]*", re.I)
_AS_OF = fastre.compile(r"\bas of (?:(?:early|mid|late|[A-Z][a-z]+)\s+)?((?:19|20)\d\d)\b", re.I)


#: Citations that date a source (a link may point anywhere, so it does not).
_SOURCES = ("doi", "pmid", "footnote", "numbered", "author-year")
_WORD = lazyre.compile(r"[^\W_]{3,}")


def _names_target(text: str, target: str) -> bool:
    """True if link text is the linked page's title: most of its words are in the
    address ("[Recent trials agree](/posts/recent-trials-agree)"), so it was written
    when that page was, not as this page's sentence."""
    words = [w.lower() for w in _WORD.findall(text)]
    address = target.lower()
    return len(words) >= 2 and sum(w in address for w in words) >= 0.7 * len(words)


_AFTER_STOP = lazyre.compile(r"[\s\d\[\],\u2013-]*")


_QUOTED = frozenset({"quoted"})
_CAPITALISED = lazyre.compile(r"[A-Z][\w'\u2019-]*")
_SMALL = frozenset("a an and as at by for from in into of on or the to with vs".split())
#: Capitalised words around a phrase that make it part of a title ("Recent Results Cancer Res").
TITLE_RUN = 4


def _title_case(text: str) -> bool:
    """Text written as a headline: three or more words, nearly all the long ones capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", text) if w.lower() not in _SMALL]
    return len(words) >= 3 and sum(bool(_CAPITALISED.fullmatch(w)) for w in words) >= 0.8 * len(words)


def _in_title(doc: Document, start: int, end: int) -> bool:
    """A capitalised phrase inside a run of capitalised words outside a heading: a
    journal's or an article's title ("Recent Results Cancer Res", "New Study: Vitamin D
    Pills Don't Strengthen Bones"), dated by its source, not the page's own claim."""
    if not all(_CAPITALISED.fullmatch(w) for w in doc.prose[start:end].split()):
        return False  # "Recent research by Harvard Medical School": a sentence, not a title
    block = doc.block_at(start)
    if block is None or block.kind in HEADING_KINDS:
        return False
    lo, hi = block.start, block.end
    before = re.findall(r"[^\s:]+", doc.prose[max(lo, start - 120):start])
    after = re.findall(r"[^\s:]+", doc.prose[end:min(hi, end + 160)])
    run = 1

    def count(words: list[str]) -> int:
        n = 0
        for w in words:
            w = w.strip("*_\"'\u201c\u201d()[],.;")
            if w.lower() in _SMALL and n:
                continue  # "Advances in Nutrition", not "research by Harvard"
            if not _CAPITALISED.fullmatch(w):
                break
            n += 1
        return n

    run += count(list(reversed(before))) + count(after)
    return run >= TITLE_RUN


def _cited_sentence(doc: Document, start: int, end: int) -> bool:
    """A citation in the sentence, or the reference number printed right after its full stop
    ("falls.<sup>4</sup>", "falls. [4]")."""
    lo, hi = window(doc, start, end, "sentence")
    if cited(doc, lo, hi, _SOURCES):
        return True
    key = ("freshness:loosely-cited", lo, hi)  # once per sentence, not per phrase
    if key not in doc.cache:
        doc.cache[key] = cited_loosely(doc, lo, hi)
    if doc.cache[key]:
        return True  # "A recent letter (1) highlights" on a page with its reference list
    stop = blank_back(doc.prose, lo, hi)  # the full stop; markup after it is blank in the prose
    after = _AFTER_STOP.match(doc.prose, stop)
    return bool(after and after.end() > stop and cited(doc, stop, after.end(), ("numbered",)))


_OBSOLETE = lazyre.compile(
    r"\b(?:obsolete|outdated|out[- ]of[- ]date|superseded|no\s+longer\s+(?:current|accurate|maintained|updated|valid|"
    r"relevant|applies)|(?:for|of)\s+historical\s+(?:interest|reasons|purposes|value)|historical\s+(?:perspective|record)|"
    r"kept\s+(?:here\s+)?(?:only\s+)?for\s+(?:the\s+)?(?:record|archive))\b", re.I)
#: How much of the body's start may hold a notice that the page is obsolete.
NOTICE_CHARS = 600
NOTICE_BLOCKS = 2


def _declared_obsolete(doc: Document) -> bool:
    """The page's first blocks say it is obsolete, outdated or kept for its history
    ("Note: this page is obsolete", "you may still find the historical perspective
    helpful"): the reader is warned that its "recent" and "currently" are old."""
    blocks = [b for b in doc.blocks if b.start >= doc.body_start][:NOTICE_BLOCKS]
    return any(b.start - doc.body_start < NOTICE_CHARS and _OBSOLETE.search(doc.text, b.start, b.end) for b in blocks)


_FIRST_PERSON = lazyre.compile(r"\b(?:I|my|me|mine)\b|\bI['\u2019]")


def _first_person(doc: Document, start: int, end: int) -> bool:
    """The phrase's sentence says "I", "me" or "my": the writer's own words."""
    lo, hi = window(doc, start, end, "sentence")
    key = ("freshness:first-person", lo, hi)  # once per sentence: a sentence that never ends holds many phrases
    if key not in doc.cache:
        doc.cache[key] = bool(_FIRST_PERSON.search(doc.prose, lo, hi))
    return doc.cache[key]


def _written_with_sources(doc: Document, start: int, end: int) -> bool:
    """Another sentence of the paragraph cites its source (a reference number, author and year,
    DOI, PMID, footnote) and the phrase's own sentence does not say "I" or "my": the paragraph is
    written in a paper's voice, with its sources at hand ("...doubled in five years (12). A recent audit
    found ..."), the way a review or a pasted paper is; its "recent" is the paper's. "Also see a
    recent post on my blog" beside a citation is still the writer's own."""
    block = doc.block_at(start)
    if block is None:
        return False
    lo, hi = window(doc, start, end, "sentence")
    if _first_person(doc, start, end):
        return False
    return ((lo > block.start and cited(doc, block.start, lo, _SOURCES))
            or (hi < block.end and cited(doc, hi, block.end, _SOURCES)))


def _next_block(doc: Document, start: int) -> Any:
    """The block right after the one holding *start* (None at the end)."""
    block = doc.block_at(start)
    if block is None:
        return None
    return next((b for b in doc.blocks if b.start >= block.end), None)


#: A citation's head: how far into the next block to look for its shape and year.
CITATION_HEAD_CHARS = 300
_PUBLICATION = lazyre.compile(r"\b(?:articles?|letters?|papers?|publications?|published|issues?|references?|reviews?|"
                              r"editorials?|books?|stud(?:y|ies)|trials?|commentar(?:y|ies)|reports?|tutorials?|"
                              r"(?:blog\s+)?posts?|op-?eds?|essays?|chapters?|columns?)\b", re.I)
#: A paragraph that points to the item cited right after it: "this article", "the blog post below", or its
#: author's words told in the present ("the author argues", "a parent laments"), as a summary of a cited
#: piece reads. "This page" is the writer's own.
_POINTS_TO = lazyre.compile(
    r"\b(?:this|these|the\s+(?:following|linked))\s+(?:[\w-]+\s+){0,2}?(?:books?|articles?|papers?|reports?|"
    r"stud(?:y|ies)|editorials?|chapters?|commentar(?:y|ies)|letters?|publications?|posts?|tutorials?|op-?eds?|"
    r"essays?|columns?|stor(?:y|ies)|documents?|videos?|talks?|webinars?|podcasts?|guidelines?)\b"
    r"|\b(?:argues|laments|writes|summari[sz]es|describes|discusses|outlines|explains)\b", re.I)
#: A date inside an address the citation prints ("<https://news.example.org/2014/03/18/...>", a bare address):
#: when the cited page appeared. An address hidden behind link text ("](https://...)", href="...") is not seen.
_URL_DATE = lazyre.compile(r"(?<![(\"'=])<?https?://[^\s<>\"')]*?/(?:19|20)\d\d/[01]?\d/")
#: A citation block this short is read whole for its date; a longer block only its head.
CITATION_CHARS = 400
#: How near the phrase the publication it speaks of must be named ("a recently published article").
PUBLICATION_WINDOW = 40


def _cited_next(doc: Document, start: int, end: int) -> bool:
    """The phrase speaks of a publication and the next block opens by giving its year ("A
    recent letter to the editor:" over "Smith J. Lancet 2005;1:2", "Other recent articles
    have lessons." over "In a 2000 NEJM review, ..."): the reader sees when. "The recent
    controversies" over a reference is still undated."""
    block = doc.block_at(start)
    if block is None or not (
            _PUBLICATION.search(doc.prose, max(block.start, start - PUBLICATION_WINDOW), min(block.end, end + PUBLICATION_WINDOW))
            or (any_between(doc, _POINTS_TO, block.start, block.end, block.start, block.end)
                and not _first_person(doc, start, end))):
        return False  # "The recent controversies matter." over a citation, or "... in my opinion": the writer's own
    following = _next_block(doc, start)
    while following is not None and not doc.prose[following.start:following.end].strip():
        following = _next_block(doc, following.start)  # "<!--more-->" between them is no text
    return following is not None and _gives_date(doc, following)


def _gives_date(doc: Document, block: Any) -> bool:
    """A citation block gives its date: a year (in a short block anywhere, as "Lee A. Title. News Daily,
    March 3, 2014." ends with it; in a long one near its head) or a date in the address it prints. A
    citation's lines run on to the blank line after it (a line opening "2005." reads as a list item)."""
    stop = doc.text.find("\n\n", block.start, block.start + CITATION_CHARS + 2)
    text = doc.text[block.start:max(block.end, stop if stop >= 0 else block.end)]
    head = text if len(text) <= CITATION_CHARS else text[:CITATION_HEAD_CHARS]
    return bool(_WHEN.search(head) or _URL_DATE.search(head))


#: "this book", "these articles": the phrase speaks of a publication already shown.
_THIS_PUBLICATION = lazyre.compile(r"\b(?:this|these)\s+(?:\w+\s+)?(?:books?|articles?|papers?|reports?|reviews?|"
                                   r"stud(?:y|ies)|editorials?|chapters?|commentar(?:y|ies)|letters?|publications?)\b", re.I)


#: How far back a later phrase of the same sentence searches again (a phrase's words and blanks).
_PUBLICATION_OVERLAP = 1000


def _publication_named(doc: Document, lo: int, end: int) -> bool:
    """"this book" between the sentence's start *lo* and *end*. The phrases of one sentence come in
    order, so a later one searches only on from where the last stopped (less an overlap for a match
    that straddles it): a line of 5,000 phrases with no full stop read its whole sentence 5,000 times."""
    key = ("freshness.this-publication", lo)
    searched, found = doc.cache.get(key, (lo, False))
    if found and searched <= end:
        return True
    if end < searched:
        searched = lo
    found = _THIS_PUBLICATION.search(doc.prose, max(lo, searched - _PUBLICATION_OVERLAP), end) is not None
    doc.cache[key] = (end, found)
    return found


def _cited_before(doc: Document, start: int, end: int) -> bool:
    """The sentence speaks of "this book" or "this article" and the block just above opens with a
    citation giving its year ("Institute of Medicine. 2012. Envisioning ..." over "This book outlines
    recent changes"): recent as of that publication, which the reader sees."""
    block = doc.block_at(start)
    if block is None:
        return False
    lo, _ = window(doc, start, end, "sentence")
    if not (_publication_named(doc, lo, end)
            or (lo > block.start and any_between(doc, _THIS_PUBLICATION, block.start, block.end, block.start, lo))):
        return False  # "this article" in the sentence, or earlier in its paragraph ("This article is gone. It tells ...")
    previous = _previous_block(doc, block)
    return previous is not None and _gives_date(doc, previous)


#: A year the sentence gives as a time: not an amount ("2000 IU", "2,000 women", "$2000"), not part of
#: a longer number or a date in digits' middle.
_WHEN = lazyre.compile(
    r"(?<![\d$\u00a3\u20ac,./-])((?:19|20)\d\d)(?![\d,.]\d)(?!\s*(?:IU|I\.U\.|iu|units?|mg|mcg|\u00b5g|ug|ng|nmol|pmol"
    r"|ml|mL|kcal|calories|steps|people|persons|patients|participants|subjects|adults|children|women|men|cases|deaths"
    r"|infants|respondents|volunteers|mothers|babies|pages|words|items|hits|results|times|dollars|euros|pounds)\b)")
#: Past narrative: "they were currently working on it" is current as of the story, not now.
_PAST_CURRENTLY = lazyre.compile(r"\b(?:was|were|had\s+been)\s+(?:\w+\s+)?$", re.I)


#: A publication given its year ("an article written in 2003 that talks about", "a 2003 report on",
#: "published in May 2003"): a later "recent" in the sentence is recent as of it.
_PUBLICATION_YEAR = lazyre.compile(
    r"\b(?:written|published|posted|released|issued|dated|appeared)\s+(?:in|on)\s+(?:[A-Z][a-z]+\.?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d(?!\d)"
    r"|(?<![\d$,.])(?:19|20)\d\d\s+(?:[A-Z][\w&.-]*\s+){0,3}(?:articles?|papers?|reports?|reviews?|books?|editorials?|letters?|posts?|"
    r"interviews?|commentar(?:y|ies)|surveys?|press\s+releases?)\b")


def _publication_dated(doc: Document, start: int, end: int) -> bool:
    """The sentence names a publication with its year before the phrase ("another article, written
    in 2003, that talks about recent growth"): the phrase says what was recent when it appeared,
    and the reader sees the year."""
    lo, hi = window(doc, start, end, "sentence")
    if freshness_context.named_before(doc, start, end, lo, _PUBLICATION_YEAR):
        return True  # "a report released in March 2009 ... Dietitians felt the new guidelines ..."
    named = last_end(doc, _PUBLICATION_YEAR, lo, hi, start)  # each sentence scanned once, not per phrase
    # in the phrase's own clause: "The paper appeared in 1990, though I have not tested it recently" is now
    return named > lo and last_end(doc, _TURN, lo, hi, start) < named


#: A turn to another clause, whose time the publication's year does not set.
_TURN = lazyre.compile(r"[;:()\u2013\u2014]|\b(?:though|although|but|whereas|while|and\s+(?:I|we))\b", re.I)


#: A block that introduces what follows: it ends with a colon or says "here are", "below", "the following".
_INTRODUCES = lazyre.compile(r":\s*\Z|\b(?:here\s+(?:are|is)|below|the\s+following|as\s+follows)\b", re.I)
#: How far below an introduction its items are read for their dates.
ITEMS_CHARS = 2000
#: How many dated items make the list dated.
DATED_ITEMS = 2


def _items_dated(doc: Document, start: int, page_year: int) -> bool:
    """The phrase is in a short block introducing a list or the sections below ("I am keeping track of
    several recent initiatives. Here are the details.", "Some recent papers:") and the text below
    gives dates at least twice, within a year or two of the page's: each item says when, so the
    reader sees what "recent" was."""
    block = doc.block_at(start)
    if block is None or _is_heading(block):
        return False
    key = ("freshness:items-dated", block.start, page_year)  # once per block
    if key not in doc.cache:
        doc.cache[key] = bool(_INTRODUCES.search(doc.prose, block.start, block.end)) and _dated_items(
            doc, block, page_year)
    return doc.cache[key]


def _dated_items(doc: Document, block: Any, page_year: int) -> bool:
    """At least DATED_ITEMS blocks below *block* give a date near the page's, from the first on."""
    dated = 0
    following = _next_block(doc, block.start)
    while following is not None and following.start < block.end + ITEMS_CHARS:
        text = doc.prose[following.start:following.end]
        if text.strip() and not _is_heading(following):
            if not any(page_year - 2 <= int(y) <= page_year + 1 for y in _WHEN.findall(text)):
                break  # an undated item: the list does not date itself (the first one must, too)
            dated += 1
        following = _next_block(doc, following.start)
    return dated >= DATED_ITEMS


#: A made-up case: a sentence that sets up a supposition, or a story the writer calls fictional.
_SUPPOSE = lazyre.compile(r"[\W_]*(?:suppose|imagine|pretend|hypothetically|let['\u2019]?s\s+say|let\s+us\s+say|"
                          r"what\s+if)\b", re.I)
_FICTION = lazyre.compile(r"\b(?:fictional|fictitious|hypothetical|imaginary|made[- ]up|invented)\b", re.I)


def _made_up(doc: Document, start: int, end: int) -> bool:
    """The sentence supposes a case ("Suppose a patient recently had a fall", "Imagine that ...") or
    it or the one before calls the story fictional or hypothetical ("I have a fictional story I tell.
    Someone brings me a recently published paper ..."): an invented case happens whenever it is told."""
    block = doc.block_at(start)
    lo, hi = window(doc, start, end, "sentence")
    if _SUPPOSE.match(doc.prose, lo, hi):
        return True
    if block is not None and lo - 2 >= block.start:
        lo = max(block.start, window(doc, lo - 2, lo - 1, "sentence")[0])
    told = first_start(doc, _FICTION, lo, hi, lo)  # the two sentences scanned once, not per phrase
    return told is not None and told < end


#: A yes/no question opens with an auxiliary ("Has there been any recent change?").
_YES_NO = lazyre.compile(r"[\W_]*(?:has|have|had|is|are|was|were|did|do|does|can|could|should|would|will|may)\b",
                         re.I)
_ANY_BEFORE = lazyre.compile(r"\bany(?:thing|one|body)?\s+(?:\w+\s+)?$", re.I)


def _asks_whether(doc: Document, start: int, end: int) -> bool:
    """"any recent" or "recently" in a yes/no question ("Has there been any recent change in the
    accrual rate?", "Have you been ill recently?"): it asks whether something happened, claiming
    nothing; "Did you see the recent report?" presumes the report and is still read."""
    lo, hi = window(doc, start, end, "sentence")
    key = ("freshness:yes-no", lo, hi)  # once per sentence
    if key not in doc.cache:
        doc.cache[key] = bool(doc.prose[lo:hi].rstrip().endswith("?") and _YES_NO.match(doc.prose, lo, hi))
    if not doc.cache[key]:
        return False
    return (doc.prose[start:end].lower() == "recently"
            or bool(_ANY_BEFORE.search(doc.prose, max(lo, start - 30), start)))


def _dated_sentence(doc: Document, start: int, end: int, page_year: int) -> bool:
    """The sentence, or the one before it in the same paragraph, names the page's own year or a
    later one ("the recent meta-analysis - 2018", "... for the 2007 cycle. This year, I want",
    "currently scheduled for June 6, 2011" on a 2011 page): the reader sees when "recent",
    "currently" or "this year" was. An earlier year dates some past event, not the claim ("In
    1998 she joined the practice, where she currently works"), so it does not count."""
    block = doc.block_at(start)
    lo, hi = (block.start, block.end) if _is_heading(block) else window(doc, start, end, "sentence")
    if not _is_heading(block) and opening_year(doc, lo, start, _CLAUSE_CUT):
        return True  # "In 2009, a recent trial showed ...": recent as of the year the sentence opens with
    if block is not None and lo - 2 >= block.start:
        lo = max(block.start, window(doc, lo - 2, lo - 1, "sentence")[0])
    elif block is not None:
        previous = _previous_block(doc, block)  # the sentence just read is the last of the paragraph above
        if previous is not None:
            above = window(doc, previous.end - 1, previous.end, "sentence")[0]
            # a heading is read with it only when that sentence names what the heading's phrase does
            # ("Several 2012 trials agree." over "## Four recent trials"); it ends another section
            # ("We opened in 2014." over "## Recent research" is undated)
            if not _is_heading(block) or _names_heading_noun(doc, end, hi, above, previous.end):
                lo = above
    years = _years_around(doc, lo, hi, start, end)
    if any(y >= page_year - 1 for y in years):
        return True
    if years and not _is_heading(block):
        # An earlier year, and the phrase's clause told in the past ("a 1995 editorial argued that the
        # trials they were running in recent years were too small"): recent as of that year.
        clause_lo = last_end(doc, _CLAUSE_CUT, lo, hi, start)  # the sentence's cuts found once, not per phrase
        stop = first_start(doc, _CLAUSE_CUT, lo, hi, end) if end <= hi else None
        return any_between(doc, _PAST, lo, hi, clause_lo, stop if stop is not None else hi)
    return False


def _told_when_next(doc: Document, start: int, end: int) -> bool:
    """"recently" and the next sentence of its paragraph opens with the year it tells of ("Lately I
    have taught the course myself, recently. In 2013, I ran it with ..."): the writer goes on to say
    when. An adjective ("a recent study. In 2010, the agency ...") names a thing the year may not date."""
    if doc.prose[start:end].lower() != "recently":
        return False
    block = doc.block_at(start)
    _, hi = window(doc, start, end, "sentence")
    if block is None or _is_heading(block) or hi >= block.end:
        return False
    nxt = hi
    while nxt < block.end and doc.prose[nxt].isspace():
        nxt += 1
    return nxt < block.end and freshness_context.opens_with_year(doc, nxt, block.end)


#: "this year" (or "this year's").
_THIS_YEAR = lazyre.compile(r"this\s+year\Z", re.I)


def _year_given_after(doc: Document, start: int, end: int, page_year: int) -> bool:
    """"this year" and the rest of its paragraph, or the paragraph right after it, names the page's year
    or the next ("We fund three projects this year." over "Applications are due by May 1, 2011."): the
    reader sees which year. A heading or no text after it dates nothing."""
    if not _THIS_YEAR.match(doc.prose[start:end]):
        return False
    block = doc.block_at(start)
    if block is None or _is_heading(block):
        return False
    following = _next_block(doc, start)
    while following is not None and not doc.prose[following.start:following.end].strip():
        following = _next_block(doc, following.start)  # "<!--more-->" between them is no text
    hi = following.end if following is not None and not _is_heading(following) else block.end
    return any(page_year <= int(y) <= page_year + 1 for y in _WHEN.findall(doc.prose, end, hi))


#: The word after a heading's relative phrase: what it calls recent ("Recent *trials* in brief").
_NEXT_WORD = lazyre.compile(r"[\W_]*([A-Za-z][A-Za-z-]{2,})")


#: Words for published findings: "2012 studies" above "## Six recent reports" names the same thing.
_FINDINGS_WORD = lazyre.compile(r"\b(?:stud(?:y|ies)|trials?|reports?|papers?|reviews?|research|findings?|"
                                r"(?:meta-)?analys[ei]s|articles?|publications?|evidence)\b", re.I)


def _names_heading_noun(doc: Document, end: int, hi: int, lo: int, stop: int) -> bool:
    """``prose[lo:stop]`` names the word after the heading's phrase ending at *end*, in the singular or
    the plural ("2012 studies" for "Recent study"), or both are words for published findings ("2012
    studies" over "Six recent reports"): the sentence above introduces the heading."""
    m = _NEXT_WORD.match(doc.prose, end, hi)
    if m is None:
        return False
    word = m.group(1).lower()
    if _FINDINGS_WORD.fullmatch(word):
        return _FINDINGS_WORD.search(doc.prose, lo, stop) is not None
    stem = word[:-3] if word.endswith("ies") else word[:-1] if word.endswith(("s", "y")) else word
    return re.search(rf"\b{re.escape(stem)}(?:y|ies|es|s)?\b", doc.prose[lo:stop], re.I) is not None


#: How far a year's lookahead ("2010 IU", "2010 participants") reads past its digits, and more.
_YEAR_REACH = 16


def _years_around(doc: Document, lo: int, hi: int, start: int, end: int) -> list[int]:
    """``_WHEN.findall(prose[lo:start]) + _WHEN.findall(prose[end:hi])`` as ints, from one scan of
    ``prose[lo:hi]`` per sentence (a sentence that never ends, with a phrase every few words, was
    read again for each). A year whose lookahead could reach *start* is read afresh, as the
    slice reads it; so is the slice after *end* when a digit opens it."""
    prose = doc.prose
    key = ("freshness:years", lo, hi)
    if key not in doc.cache:
        found = [(lo + m.start(), int(m.group(1))) for m in _WHEN.finditer(prose[lo:hi])]
        doc.cache[key] = ([p for p, _ in found], [y for _, y in found])
    where, years = doc.cache[key]
    cut = start - _YEAR_REACH
    while cut > lo and (prose[cut - 1].isspace() or prose[cut - 1].isdecimal()):
        cut -= 1  # no year (all digits) across the cut, and its lookahead stops before start
    if cut <= lo or start > hi:
        before = [int(y) for y in _WHEN.findall(prose[lo:start])]
    else:
        before = years[:bisect.bisect_left(where, cut)] + [int(y) for y in _WHEN.findall(prose, cut, start)]
    if end < lo or prose[end:end + 1].isdecimal():
        return before + [int(y) for y in _WHEN.findall(prose[end:hi])]
    return before + years[bisect.bisect_right(where, end):]


#: Where a clause begins or ends inside a sentence.
_CLAUSE_CUT = lazyre.compile(r"[,;:()\u2013\u2014]|\b(?:though|although|but|whereas|while|where)\b", re.I)
_PAST = lazyre.compile(r"\b(?:was|were|had)\b", re.I)


def _dated_section(doc: Document, start: int, page_year: int) -> bool:
    """The heading over the phrase names the page's year or a later one ("ChatGPT answer, Jan
    2024", "Update 2012"): a dated entry, whose "currently" is as of that date."""
    return any(int(y) >= page_year - 1 for y in _WHEN.findall(doc.heading_before(start)))


def _previous_block(doc: Document, block: Any) -> Any:
    """The block just before *block* (None for the first)."""
    i = doc.block_index(block)
    return doc.blocks[i - 1] if i else None


def _is_heading(block: Any) -> bool:
    """A heading block (Markdown's, or HTML's h1-h6)."""
    return block is not None and block.kind in HEADING_KINDS


#: A paper's title as PubMed prints it: a heading of several words ending with a full stop.
_PAPER_TITLE_END = lazyre.compile(r"[^\W\d]\.\W*\Z")
#: Fewer words are a label, not a title.
PAPER_TITLE_WORDS = 6


def _paper_title(doc: Document, start: int) -> bool:
    """The phrase is in a heading that ends with a full stop, as a paper's title does where it is
    copied from PubMed ("A review of recent evidence."): the paper's words, dated by the paper.
    A page's own headings do not end with a full stop."""
    block = doc.block_at(start)
    if not _is_heading(block):
        return False
    text = doc.prose[block.start:block.end].rstrip()
    # the end alone, then a word count: a pattern over the whole heading read it again from every word
    return bool(_PAPER_TITLE_END.search(text[-40:])) and len(text.split()) >= PAPER_TITLE_WORDS


#: Longer blocks are text, not a title line.
TITLE_LINE_CHARS = 200


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _repeats_title(doc: Document, start: int) -> bool:
    """The phrase is in a short block that repeats the page's front-matter title word for word (a
    talk's title set over its abstract, a heading echoing the title): the name of the piece, which
    the rule does not read in the front matter either, not a claim about now."""
    title = doc.front_matter.data.get("title") if doc.front_matter else None
    block = doc.block_at(start)
    if not isinstance(title, str) or block is None or block.end - block.start > 2 * TITLE_LINE_CHARS:
        return False
    line = doc.prose[block.start:block.end]
    return len(line) <= TITLE_LINE_CHARS and bool(_words(title)) and _words(line) == _words(title)


def _past_narrative(doc: Document, start: int, end: int) -> bool:
    """"currently" after "was", "were" or "had been": current in a story told in the past."""
    return doc.prose[start:end].lower() == "currently" and bool(
        _PAST_CURRENTLY.search(doc.prose, max(doc.body_start, start - 30), start))


_MONTH = freshness_context.MONTH
#: A calendar date: "November 2, 2005", "2 Nov 2005", "Nov. 2005", "2005-11-02".
_DATE = (rf"(?:{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)|\d{{1,2}}\s+{_MONTH}\s+((?:19|20)\d\d)"
         r"|((?:19|20)\d\d)-[01]\d-[0-3]\d)")
#: A dateline: a date in brackets ("Slow progress (November 25, 2005)"), a block that opens with a
#: date, or the page saying when it was written ("posted on 2 Nov 2005", "something I wrote back in 2007").
_DATELINE = lazyre.compile(
    rf"\(\s*(?:(?:created|written|posted|updated|revised|published|dated)\s+(?:on\s+)?)?{_DATE}\s*\)"
    rf"|\A[\W_]*{_DATE}(?!\d)"
    rf"|\b(?:posted|written|wrote|published|dated|created)\b[^.!?\n]{{0,30}}?\b(?:{_DATE}|((?:19|20)\d\d))(?!\d)", re.I)
#: How far into a block's start a dateline may stand.
DATELINE_CHARS = 240


def _dateline(doc: Document, page_year: int) -> bool:
    """The page's opening lines show when it was written ("**Slow progress (November 25, 2005)**",
    "Posted 2 Nov 2005", "something I wrote back in 2007"), in the year of its front-matter date
    or the next: a dated blog entry or news item, whose "recently" the reader reads against the date
    printed above it, as for a page whose title names its year. A date deeper in the text dates some
    event ("that will change in July 2018"), not the page."""
    blocks = [b for b in doc.blocks if b.start >= doc.body_start][:2]
    if blocks and not _is_heading(blocks[0]):
        blocks = blocks[:1]  # the opening paragraph, or a title heading and the line under it
    for block in blocks:
        if block.start - doc.body_start >= NOTICE_CHARS:
            break
        head = doc.prose[block.start:min(block.end, block.start + DATELINE_CHARS)]
        lead = len(head) - len(head.lstrip())
        for m in _DATELINE.finditer(head.strip()):
            group = next((i for i, y in enumerate(m.groups(), 1) if y), None)
            if group is None or doc.link_text_at(block.start + lead + m.start(group)) is not None:
                continue  # "[My application (September 5, 2007)](...)": the linked entry's date
            if 0 <= int(m.group(group)) - page_year <= 1:
                return True
    return False


#: A figure in a heading: a number standing alone that is no year ("1830 items", "cited 97 times").
_FIGURE = lazyre.compile(r"(?<![\w.,])(?!(?:19|20)\d\d(?![\d,]))\d[\d,.]*(?![\w])")


def _snapshot_heading(doc: Document, start: int, end: int, year: int, page_year: int) -> bool:
    """"as of <date>" in a heading with no figure in it, the date that of the page ("CureTogether
    categories as of Dec 2013", "Workshop programme as of Spring 2013" on a 2013 page): the heading
    labels a snapshot with the day it was taken, which is all the rule asks. A figure in the heading
    ("2140 entries as of Oct 2013", "cited 58 times as of May 2021") is one the page means to keep
    current, and a later date ("news as of July 2019" on a 2014 page) a section kept up to date since:
    both still reported."""
    block = doc.block_at(start)
    if not _is_heading(block) or not 0 <= year - page_year <= 1:
        return False
    text = doc.prose[block.start:start] + " " + doc.prose[end:block.end]
    return not _FIGURE.search(text)


#: A letter's salutation to a named person ("Dear Professor Mean,", "Dear Dr. Smith,"); not the writer
#: greeting the readers ("Dear Reader," opens the page's own answer).
_SALUTATION = lazyre.compile(
    r"[\W_]*Dear\s+(?!(?i:readers?|friends?|all|everyone|everybody|colleagues?|subscribers?|members?|visitors?|"
    r"patients?|parents?|sirs?|madam)\b)[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3},")


def _in_letter(doc: Document, start: int) -> bool:
    """The phrase is in a paragraph that opens as a letter to a named person ("Dear Professor Mean,
    I have recently conducted a survey ..."): a reader's letter the page answers, the writer's words
    as a quotation is, not the page's claim about now."""
    block = doc.block_at(start)
    return block is not None and not _is_heading(block) and bool(
        _SALUTATION.match(doc.prose, block.start, min(block.end, block.start + 80)))


#: "currently" said to the reader ("the patient currently sitting in front of you", "a niche that is
#: currently unused" in advice to you): the reader's present whenever they read.
_READER = lazyre.compile(r"\byou(?:r|rs|rself|['\u2019](?:re|ll|ve|d))?\b", re.I)


def _said_to_reader(doc: Document, start: int, end: int) -> bool:
    """"currently" in a sentence that speaks to the reader ("you", "your"): instructions or advice,
    true at whatever time the reader follows them, not a claim dated by the page."""
    if doc.prose[start:end].lower() != "currently":
        return False
    lo, hi = window(doc, start, end, "sentence")
    return bool(_READER.search(doc.prose, lo, hi))


def _year(value: Any) -> int | None:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.year
    m = re.match(r"\s*((?:19|20)\d\d)", str(value or ""))
    return int(m.group(1)) if m else None


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    years = options["years"]
    field = options["date_field"]
    phrases = [compile_regex(p, ["phrases", i], re.I) for i, p in enumerate(options["phrases"])]
    today = options.get("today")
    exceptions = [compile_regex(p, ["exceptions", i], re.I) for i, p in enumerate(options["exceptions"])]

    def excepted(doc: Document, start: int, end: int) -> bool:
        """An exception matches the clause up to the phrase's end: a sentence about the
        page itself ("this page is currently being updated") is no claim about evidence."""
        if not exceptions:
            return False
        block = doc.block_at(start)
        lo = max(block.start if block else doc.body_start, start - 200)
        stops = [m.end() for m in _STOP.finditer(doc.prose, lo, start)]
        lo = stops[-1] if stops else lo
        return any(e.search(doc.prose, lo, end) for e in exceptions)

    def in_link_text(doc: Document, start: int, year: str = "") -> bool:
        """Link text that is the linked page's title: its words are in the address, it is
        written in Title Case as headlines are, or it names the year the address names."""
        link = doc.link_text_at(start)
        if link is None:
            return False
        text = link.text or ""
        return _names_target(text, link.target) or _title_case(text) or bool(year and year in link.target)

    def title_years(doc: Document, subject: bool = False) -> list[int]:
        """The years the page's title (front matter, or a first-level heading first) names;
        with *subject*, not a date the title gives for the page itself ("created 2007-10-12")."""
        title = doc.front_matter.data.get("title") if doc.front_matter else None
        first = min(doc.headings, key=lambda h: h.start, default=None)
        shown = first.text if first is not None and first.level == 1 else ""
        text = f"{title if isinstance(title, str) else ''} {shown}"
        return [int(y) for y in _TITLE_YEAR.findall(_CREATED.sub(" ", text) if subject else text)]

    def dated_by_title(doc: Document) -> bool:
        """The page's title names a year: its "recent" is recent as of that year."""
        return bool(title_years(doc))

    def _phrase_matches(doc: Document, dated: int) -> Iterator[Any]:
        """The phrases' matches in order, none on a page whose opening says it is obsolete or
        gives its date (:func:`_declared_obsolete`, :func:`_dateline`): those are read only
        once a phrase is found (issue 23: most pages hold none)."""
        opening_settles: bool | None = None
        for regex in phrases:
            for m in regex.finditer(doc.prose, doc.body_start):
                if opening_settles is None:
                    opening_settles = _declared_obsolete(doc.whole) or _dateline(doc.whole, dated)
                if opening_settles:
                    return
                yield m

    def check(doc: Document) -> Iterator[Finding]:
        now = int(today[:4]) if today else datetime.date.today().year
        dated = _year(doc.front_matter.data.get(field)) if doc.front_matter else None
        titled = options["dated_title"] and dated_by_title(doc)
        if dated is not None and now - dated > years and not titled:
            for m in _phrase_matches(doc, dated):
                if excepted(doc, m.start(), m.end()) or in_link_text(doc, m.start()):
                    continue
                if _in_title(doc, m.start(), m.end()) or not_a_claim(doc, m.start(), m.end(), _QUOTED):
                    continue  # a journal's or article's title, or someone's quoted words
                if options["unless_cited"] and (_cited_sentence(doc.whole, m.start(), m.end())
                                                or _cited_next(doc.whole, m.start(), m.end())
                                                or _cited_before(doc.whole, m.start(), m.end())
                                                or _written_with_sources(doc.whole, m.start(), m.end())):
                    continue
                if (_dated_sentence(doc.whole, m.start(), m.end(), dated) or _dated_section(doc, m.start(), dated)
                        or _past_narrative(doc, m.start(), m.end()) or _said_to_reader(doc, m.start(), m.end())
                        or _in_letter(doc, m.start()) or _publication_dated(doc, m.start(), m.end())
                        or _asks_whether(doc, m.start(), m.end()) or _made_up(doc, m.start(), m.end())
                        or _items_dated(doc, m.start(), dated) or _told_when_next(doc.whole, m.start(), m.end())
                        or _year_given_after(doc.whole, m.start(), m.end(), dated)
                        or freshness_context.dated_section(doc.whole, m.start(), dated)):
                    continue  # the reader can tell when: a year in the sentence, or a story told in the past
                if _paper_title(doc, m.start()) or _repeats_title(doc, m.start()):
                    continue  # a paper's title is the paper's
                if options["excerpts"] and (in_reproduced(doc.whole, m.start())
                                            or freshness_context.carried(doc.whole, m.start())):
                    continue  # the linked page's words, dated by it, or text the page marks as carried
                yield Finding(m.start(), m.end(), {"match": " ".join(m.group().split()),
                                                   "problem": f"on a page dated {dated}",
                                                   "advice": RELATIVE_ADVICE})
        historical = None
        for m in _AS_OF.finditer(doc.prose, doc.body_start):
            year = int(m.group(1))
            if not_a_claim(doc, m.start(), m.end(), _QUOTED):
                continue  # "As of July 2011" in a definition the page quotes: the source's date
            if historical is None:
                historical = _declared_obsolete(doc.whole)
            if historical:
                continue  # the page says it is kept for its history: its snapshot dates are the record
            if titled and year <= max(title_years(doc, subject=True), default=0):
                continue  # "as of June 2013" on "Lectures on Vitamin D - 2013": the page's date
            if dated is not None and (year < dated - years or _snapshot_heading(doc, m.start(), m.end(), year, dated)):
                continue  # history ("it was clear as of 1964" on a 2012 page), or a heading dating its snapshot
            if now - year > years and not in_link_text(doc, m.start(), m.group(1)):
                yield Finding(m.start(), m.end(), {"match": " ".join(m.group().split()),
                                                   "problem": f"is {now - year} years ago",
                                                   "advice": SNAPSHOT_ADVICE})

    return check
