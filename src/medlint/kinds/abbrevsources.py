"""More uses of capitals a medical editor would not ask the writer to expand.

Helpers of :mod:`medlint.kinds.acronyms`, kept apart from :mod:`medlint.kinds.abbrevcontext`
so that each reads as one stated heuristic:

- text the page sets off as someone else's: a run of paragraphs each opening in italics
  (an extract), or an italic paragraph after a line ending in a colon ("has the following
  quote:"); the source defines its terms, or not, and the page cannot edit them;
- a work the page cites in the form "Author Name, Other Name. Title. Available at ..."
  (full names, no initials, often no year) or "Author Name (2004) City: Publisher":
  its title is the source's, not the writer's prose;
- a long form whose words open with the abbreviation's parts rather than its initials
  ("cumulative sum" for CUSUM, "Analysis of Means" for ANOM), near its use;
- names of software packages: "the MBESS R package", and a list of one-name items under
  a sentence about packages, programs or software ("four packages do this:");
- the labels of a program's interface: a menu path (``Choose CHARTS | HISTOGRAM``) and a
  button or key named as "labelled RCL";
- the source a figure is credited to at the end of its list item ("-- CISCRP");
- a device format named with its device ("spare SIM card", "HDMI cable");
- a short word typed in capitals by mistake at a sentence's start ("AS we found");
- the waves and intervals of an electrocardiogram ("the QT interval", "the ST segment"), which
  are letters, not initials;
- a label in capitals typed as the screen shows it, before its control's noun (``the SAVE
  AS RTF button``);
- a structured abstract pasted as one block or a run of them (``BACKGROUND: ... DESIGN: ...``);
- the opening of a name that hard-wrapped Markdown breaks after the token ("the ACP" at a
  line's end, "Journal Club" on the next): the rule passes ``the ACP Journal Club`` on one line;
- a journal named in a short citation ("Lee et al 2001 ABCJ") or as the source of an article
  ("a JXYZ article"), as the rule's list of journal names never asks them expanded.
"""
from __future__ import annotations

import bisect
import re

from .. import lazyre
from .abbrevpatterns import kept
from .wholeword import writes

#: The opening of a block in italics: Markdown ``*...*`` or ``_..._`` (not bold), or HTML
#: ``<em>``/``<i>``; group "body" is what the italics hold.
_ITALIC_OPEN = lazyre.compile(
    r"[ \t]*(?:[-+*][ \t]+|\d{1,2}[.)][ \t]+|>[ \t]*)?"
    r"(?:<(?P<tag>em|i)\b[^>]*>(?P<html>.*?)</(?P=tag)>"
    r"|(?P<mark>[*_])(?![*_\s])(?P<md>.+?)(?<![\s*_])(?P=mark)(?![*_\w]))", re.S | re.I)
#: The fewest words an italic opening needs to be a passage (not a title or a stressed phrase).
EXTRACT_WORDS = 15
_LEAD_IN_END = lazyre.compile(r":[*_\s]*$")


def italic_span(text: str, block: tuple[int, int]) -> tuple[int, int] | None:
    """The span of the italic passage that opens *block* in the source *text*, if it holds
    EXTRACT_WORDS words or more."""
    m = _ITALIC_OPEN.match(text, block[0], block[1])
    if not m:
        return None
    body = "html" if m.group("html") is not None else "md"
    if len(re.findall(r"[^\W\d_]+", m.group(body))) < EXTRACT_WORDS:
        return None
    return m.start(body), m.end(body)


def in_italic_extract(text: str, prose: str, blocks: list[tuple[int, int]], index: int, offset: int) -> bool:
    """True if *offset* lies in an italic passage that opens block *index* and is set off
    as an extract: the block before ends with a colon ("the article has this quote:"), or
    the block before or after also opens with an italic passage (a run of quoted
    paragraphs, as a job description or a newsletter's notice pasted whole)."""
    span = italic_span(text, blocks[index])
    if span is None or not span[0] <= offset < span[1]:
        return False
    if index > 0 and _LEAD_IN_END.search(prose, blocks[index - 1][0], blocks[index - 1][1]):
        return True
    return any(0 <= i < len(blocks) and italic_span(text, blocks[i]) is not None for i in (index - 1, index + 1))


#: A person's full name: two to four capitalised words or initials ("Tiago A. Almeida").
_NAME = r"(?:[A-Z][a-z\u00c0-\u017f'\u2019-]+|[A-Z]\.)(?:[ \t\n]+(?:[A-Z][a-z\u00c0-\u017f'\u2019-]+|[A-Z]\.)){1,3}"
#: A block that opens with authors' full names and a full stop, then a title.
_AUTHORS_OPENING = lazyre.compile(
    r"[-+*>\s]*(?P<names>%s(?:(?:,[ \t\n]+(?:and[ \t\n]+)?|[ \t\n]+and[ \t\n]+)%s)*)(?<!\b[A-Z])\.[ \t\n]+[A-Z0-9\"'\u201c]"
    % (_NAME, _NAME))
_NAME_SPLIT = lazyre.compile(r",[ \t\n]+(?:and[ \t\n]+)?|[ \t\n]+and[ \t\n]+")
#: What makes such an opening a citation: where the work is found, its edition or publisher.
_WORK_SIGN = lazyre.compile(r"\bAvailable[ \t\n]+(?:in|at|from|online)\b|\b(?:\d+(?:st|nd|rd|th)[ \t\n]+edition"
                            r"|Press|Publishers?|Publishing|Wiley|Springer|Elsevier|Sage|Hall)\b")
#: Full names, then the year in brackets: "Christopher Jennison, Bruce W. Turnbull (2000)".
_NAMES_YEAR = lazyre.compile(r"\b%s(?:,[ \t\n]+%s)*,?[ \t\n]+\((?:19|20)\d\d[a-z]?\)" % (_NAME, _NAME))
#: The longest block judged as one citation.
WORK_CHARS = 500


def cited_work(prose: str, block: tuple[int, int] | None) -> bool:
    """True if a short block cites a work by its authors' full names: it opens with the names
    and a full stop, then a title, with two authors or more or a sign of a work (``Available
    at``, an edition, a publisher); or it gives full names and the year in brackets. An
    abbreviation in the work's title is the source's own (INLA in a book's title)."""
    if block is None or block[1] - block[0] > WORK_CHARS:
        return False
    m = _AUTHORS_OPENING.match(prose, block[0], block[1])
    if m and (len(_NAME_SPLIT.split(m.group("names"))) >= 2 or _WORK_SIGN.search(prose, m.end(), block[1])):
        return True
    return bool(_NAMES_YEAR.search(prose, block[0], block[1]))


_SMALL = frozenset({"of", "and", "the", "for", "in", "on", "to", "with", "by", "a", "an", "at"})
_WORD = lazyre.compile(r"[A-Za-z][a-z'\u2019]*|[A-Z]+(?![a-z])")
#: How far from the use a long form made of parts is searched for.
PARTS_NEAR = 400
#: What joins a long form and its abbreviation written as a pair: a bracket, a dash, a comma,
#: an equals sign or "or" ("cumulative sum (CUSUM)", "CUSUM - cumulative sum", "CUSUM, or cumulative sum").
_SENTENCE_END = lazyre.compile(r"[.!?][\"')\]]*\s|\n[ \t]*\n")
_JOIN = r"[ \t]*(?:[(\[,=:\u2013\u2014-]|--|or\b|aka\b)?[ \t]*(?:or[ \t]+)?[(\[]?[ \t]*"


def _parts(words: list[str], at: int, target: str) -> list[tuple[int, list[tuple[int, int]]]]:
    """Each way the words from index *at* open with *target* cut into parts: the index after
    the last word, and (word index, letters given) for each word that gives letters."""
    found: list[tuple[int, list[tuple[int, int]]]] = []

    def match(i: int, j: int, first: bool, given: list[tuple[int, int]]) -> None:
        if j == len(target):
            found.append((i, given))
            return
        if i >= len(words):
            return
        word = words[i].lower()
        if word.startswith(target):
            return  # the abbreviation itself, in any case or plural: "Cusums"
        if word in _SMALL and not first:
            if word[0] == target[j] and j + 1 < len(target):
                match(i + 1, j + 1, False, given + [(i, 1)])
            match(i + 1, j, False, given)
            return
        if len(word) < 3:
            return
        for n in range(min(len(word), len(target) - j), 0, -1):
            if first and n < 2:
                break
            if first and n == len(target):
                continue  # the whole abbreviation in one word: no long form
            if word[:n] == target[j:j + n]:
                match(i + 1, j + n, False, given + [(i, n)])

    match(at, 0, True, [])
    return found


def parts_spelled_out(prose: str, abbr: str, at: int, block: tuple[int, int] | None = None) -> bool:
    """True if, within PARTS_NEAR characters of the use, consecutive words open with the
    abbreviation's letters cut into parts, the first part two letters or more ("CUmulative
    SUM" for CUSUM, "ANalysis Of Means" for ANOM): a long form built from syllables, not
    initials. Four letters or more; a word giving letters has three letters or more, except a
    small word between two others giving its initial; the abbreviation itself is no word of it.

    Ordinary words open with a page's letters by chance ("COmmon Problems During" for COPD),
    so the words must also be marked as a long form: written next to the abbreviation
    ("cumulative sum (CUSUM)", "CUSUM, or cumulative sum"), in capitals (Title Case, or a
    capital opening each part: "CUmulative SUM"), or, with two parts of two letters or more
    ("CUmulative SUM", not "COmmon Problems During"), in the use's sentence or its paragraph
    (*block*, the use's block: "apply a CUSUM chart. ... plot the cumulative sum of ...") or
    twice on the page."""
    if len(abbr) < 4 or not abbr.isalpha():
        return False
    target = abbr.lower()
    spans = list(_WORD.finditer(prose, max(0, at - PARTS_NEAR), at + PARTS_NEAR))
    words = [w.group(0) for w in spans]
    for k, w in enumerate(words):
        if w[:2].lower() != target[:2] or w.lower() in _SMALL:
            continue
        for stop, given in _parts(words, k, target):
            start, end = spans[k].start(), spans[stop - 1].end()
            if _marked(prose, abbr, (start, end), at, block, [(words[i], n) for i, n in given]):
                return True
    return False


def _marked(prose: str, abbr: str, span: tuple[int, int], at: int, block: tuple[int, int] | None,
            given: list[tuple[str, int]]) -> bool:
    """True if the long form at *span* is set out as one for the use at *at* (see
    :func:`parts_spelled_out`)."""
    start, end = span
    words = [w for w, _ in given if w.lower() not in _SMALL]
    if len(words) >= 2 and all(w[0].isupper() for w in words):
        return True  # "Analysis of Means", "CUmulative SUM"
    if kept(_JOIN + re.escape(abbr) + r"\b").match(prose[end:end + 40]):
        return True  # "cumulative sum (CUSUM)"
    if kept(r"\b" + re.escape(abbr) + _JOIN + "$").search(prose[max(0, start - 40):start]):
        return True  # "CUSUM (cumulative sum)"
    if sum(1 for _, n in given if n >= 2) < 2:
        return False
    if block is not None and block[0] <= start and end <= block[1]:
        return True  # "apply a CUSUM chart. ... plot the cumulative sum of the errors"
    if not _SENTENCE_END.search(prose, min(start, at), max(end, at + len(abbr))):
        return True  # "a CUSUM chart plots the cumulative sum of the errors"
    phrase = prose[start:end]
    return writes(prose, re.escape(phrase), re.I, times=2)


#: A software package named with its language: "the MBESS R package", "the PYMC Python library".
_PACKAGE = lazyre.compile(r"([A-Z](?<!\w[A-Z])[A-Z0-9]{1,7})[ \t]+(?:R|Python|Stata|SAS|Julia|Perl|Java(?:Script)?)[ \t]+"
                          r"(?:packages?|library|libraries|modules?|commands?|functions?)\b")
#: A sentence that announces a list of programs: "four packages do this:", "Some software for it include".
_PROGRAM_LEAD = lazyre.compile(r"\b(?:packages?|software|programs?|libraries|library|applications|apps|tools)\b"
                               r".*(?::[*_\s]*|\binclude[*_\s]*)$", re.I | re.S)
#: The longest sentence read as such a lead-in.
LEAD_CHARS = 400
_CAPS = lazyre.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")
#: The most words an item of such a list holds: a name, perhaps with a word or two.
ITEM_WORDS = 3


def package_names(prose: str, blocks: list[tuple[int, int, str]]) -> set[str]:
    """Names the page gives as software packages: with their language ("the MBESS R
    package"), or as the items of a list of one name each (a link's text, as a rule) under a
    sentence about packages, programs or software that ends with a colon or "include"."""
    names = set(_PACKAGE.findall(prose))
    lead: tuple[int, int] | None = None
    for lo, hi, kind in blocks:
        if kind not in ("list-item", "li"):
            lead = (lo, hi) if hi - lo <= LEAD_CHARS and _PROGRAM_LEAD.search(prose, lo, hi) else None
            continue
        if lead is not None and len(prose[lo:hi].split()) <= ITEM_WORDS:
            names.update(_CAPS.findall(prose, lo, hi))
    return names


#: A menu path: words joined by bars or arrows after a verb of choosing ("Choose CHARTS | HISTOGRAM").
_MENU_ITEM = r"[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}"
_MENU_PATH = lazyre.compile(r"\b(?i:select|choose|click(?:[ \t]+on)?|pick|go[ \t]+to|open)[ \t]+" + _MENU_ITEM
                            + r"(?:[ \t]*(?:\||>|->|\u2192|\u25b8)[ \t]*" + _MENU_ITEM + ")+")
#: A control named by its label: "the key labelled RCL or MRX", "a key marked DEL".
_LABELLED = lazyre.compile(r"(?:l(?<!\wl)abell?ed|m(?<!\wm)arked|t(?<!\wt)itled|c(?<!\wc)aptioned)[ \t]+(?:as[ \t]+)?[\"'\u201c]?"
                           r"([A-Z][A-Z0-9]{1,7})[\"'\u201d]?(?:(?:[ \t]*,[ \t]*|[ \t]+or[ \t]+|[ \t]+and[ \t]+)[\"'\u201c]?([A-Z][A-Z0-9]{1,7})\b)?")


#: Words in capitals before a control's noun: a label as the screen shows it ("the SAVE AS RTF button").
_CAPS_CONTROL = lazyre.compile(r"[A-Z](?<!\w[A-Z])[A-Z0-9]+[ \t]+(?:[A-Z][A-Z0-9]+[ \t]+){0,5}[A-Z][A-Z0-9]+[ \t]+(?=(?:field|box|button|tab|menu|window"
                               r"|dialog|dialogue|list|panel|option|checkbox)s?\b)")


def interface_labels(prose: str) -> set[int]:
    """Offsets of tokens that are labels of a program's or a device's interface: the parts of
    a menu path after a verb of choosing (``Choose CHARTS | HISTOGRAM``) and a control named
    by its label (``the key labelled RCL or MRX``): text on a screen, quoted as it stands."""
    found: set[int] = set()
    for m in _MENU_PATH.finditer(prose):
        found.update(t.start() for t in _CAPS.finditer(prose, m.start(), m.end()))
    for m in _LABELLED.finditer(prose):
        found.update(m.start(g) for g in (1, 2) if m.group(g))
    for m in _CAPS_CONTROL.finditer(prose):
        found.update(t.start() for t in _CAPS.finditer(prose, m.start(), m.end()))
    return found


#: A source credited after a spaced dash at the end of its line: "... a month -- CISCRP".
_CREDIT_AFTER = lazyre.compile(r"[ \t](?:--|\u2013|\u2014)[ \t]*$")
_LINE_END = lazyre.compile(r"[ \t.]*$", re.M)


def credited_source(prose: str, start: int, end: int) -> bool:
    """True if the token alone, after a spaced dash, ends its line: the name a figure or a
    quotation is credited to ("72% of trials run late -- ABCD"), as the source signs it."""
    return bool(_CREDIT_AFTER.search(prose, max(0, start - 4), start) and _LINE_END.match(prose, end))


#: A device a format or standard names: "a spare SIM card", "the SIM card", "an HDMI cable".
_DEVICE_AFTER = lazyre.compile(r"[ \t]+(?:cards?|slots?|drives?|ports?|cables?|sticks?|connectors?|adapters?|sockets?)\b")


def device_name(prose: str, end: int) -> bool:
    """True if a device's noun follows the token (``SIM card``, ``HDMI cable``): the format's
    name is the product's, which shops and manuals never expand."""
    return bool(_DEVICE_AFTER.match(prose, end))


#: Short English words a writer may type in capitals by mistake at a sentence's start.
_SLIP_WORDS = frozenset({"AS", "IN", "ON", "AT", "OF", "IT", "IF", "SO", "TO"})
#: What follows such a slip: a pronoun or an article in lower case ("AS we found").
_SLIP_AFTER = lazyre.compile(r"[ \t]+(?:you|we|I|they|he|she|it|the|a|an|this|that|these|those|our|your|my|its|their)\b")
_SENTENCE_OPEN = lazyre.compile(r"(?:^|[.!?][\"')\]]*[ \t]+)[ \t*_>#+-]*$", re.M)


def capital_slip(prose: str, start: int, end: int) -> bool:
    """True if a two-letter word typed in capitals opens a sentence and a pronoun or an
    article follows (``AS we found``, ``IN the end``): a slip of the shift key, not an
    abbreviation ("AS patients" is ankylosing spondylitis and still read)."""
    return (prose[start:end] in _SLIP_WORDS and bool(_SLIP_AFTER.match(prose, end))
            and bool(_SENTENCE_OPEN.search(prose, max(0, start - 10), start)))


#: The waves of an electrocardiogram, named by letters that stand for nothing: "QT interval", "ST segment".
_ECG = lazyre.compile(r"[PQRSTU]{2,3}")
_ECG_AFTER = lazyre.compile(r"[ \t]*(?:-[ \t]*)?(?:intervals?|segments?|complex(?:es)?|waves?|prolongation|elevation|depression)\b")


def ecg_wave(prose: str, start: int, end: int) -> bool:
    """True if the token is an electrocardiogram's wave letters before *interval*, *segment*,
    *complex* or *wave* (``QT interval``, ``QRS complex``): letters, with no long form to give."""
    return bool(_ECG.fullmatch(prose, start, end) and _ECG_AFTER.match(prose, end))


#: A short citation before the token: "Lee et al 2001 ", "Lee et al. (2001), ".
_ET_AL_YEAR = lazyre.compile(r"\bet\s+al\.?,?\s+\(?(?:19|20)\d\d[a-z]?\)?[,;]?\s+$")
#: A journal named as an article's source: "a JXYZ article", "the ABCJ editorial".
_ARTICLE_AFTER = lazyre.compile(r"[ \t]+(?:articles?|editorials?)\b")
_ARTICLE_BEFORE = lazyre.compile(r"\b(?:an?|the|this|that)[ \t]+$", re.I)


def journal_named(prose: str, start: int, end: int) -> bool:
    """True if the token names a journal: after a short citation's "et al" and year (``Lee et
    al 2001 ABCJ``), or as the source of an article (``in a JXYZ article``)."""
    if _ET_AL_YEAR.search(prose, max(0, start - 40), start):
        return True
    return bool(_ARTICLE_AFTER.match(prose, end) and _ARTICLE_BEFORE.search(prose, max(0, start - 60), start))


#: A section label of a structured abstract, in capitals: "BACKGROUND:", "MAIN OUTCOME MEASURES:".
_ABSTRACT_LABEL = lazyre.compile(
    r"\b(?:BACKGROUND|CONTEXT|IMPORTANCE|OBJECTIVES?|AIMS?|PURPOSE|DESIGN|SETTINGS?|PARTICIPANTS|PATIENTS|SUBJECTS"
    r"|METHODS?|INTERVENTIONS?|MEASUREMENTS|MAIN[ \t]+OUTCOME[ \t]+MEASURES?|RESULTS?|FINDINGS|CONCLUSIONS?"
    r"|INTERPRETATION)[ \t]*:")


def structured_abstract(prose: str, blocks: list[tuple[int, int]], index: int) -> bool:
    """True if block *index* is part of a pasted structured abstract: it holds two section
    labels in capitals (``BACKGROUND: ... DESIGN: ...``), or opens with one next to a block
    that opens with another. The paper's words: its terms are defined, or not, by the paper."""
    lo, hi = blocks[index]
    if len(_ABSTRACT_LABEL.findall(prose, lo, hi)) >= 2:
        return True

    def opens(i: int) -> bool:
        return 0 <= i < len(blocks) and bool(_ABSTRACT_LABEL.match(prose, blocks[i][0] + _lead(prose, blocks[i])))

    return opens(index) and (opens(index - 1) or opens(index + 1))


def _lead(prose: str, block: tuple[int, int]) -> int:
    """How many blanks and emphasis marks open *block*."""
    text = prose[block[0]:block[1]]
    return len(text) - len(text.lstrip(" \t\n*_>"))


#: A capitalised word at the start of the next line, not the last word of its line: a name goes on.
_NAME_NEXT_LINE = lazyre.compile(r"[ \t]*\n[ \t]*[A-Z][a-z]{2,}\b(?![ \t]*[.!?:]?[ \t]*$)", re.M)
_SENTENCE_BEFORE = lazyre.compile(r"(?:^|[.!?:][\"')\]]*)[ \t*_>#|-]*$")


def name_wrapped(prose: str, start: int, end: int, block_end: int) -> bool:
    """True if the token ends its line inside a block, and the next line opens with a
    capitalised word that goes on ("the ACP" / "Journal Club reviews"): one name broken by
    hard wrapping, as the rule passes the same words on one line. Not at a sentence's start,
    where any word is capitalised."""
    m = _NAME_NEXT_LINE.match(prose, end)
    return bool(m) and m.end() <= block_end and not _SENTENCE_BEFORE.search(prose, max(0, start - 20), start)


class PageSources:
    """The heuristics of this module over one page, each page-wide part computed once.

    *text* is the page's source, *prose* the prose the rule reads (same offsets), *page*
    the whole page's prose (where long forms are searched), *blocks* its blocks in order."""

    def __init__(self, text: str, prose: str, page: str, blocks: list[tuple[int, int, str]]) -> None:
        self.text, self.prose, self.page, self.blocks = text, prose, page, blocks
        self._spans = [(lo, hi) for lo, hi, _ in blocks]
        self._packages: set[str] | None = None
        self._labels: set[int] | None = None
        self._cited: dict[int, bool] = {}
        self._spelled: set[str] = set()  # spelled out by parts near one use: defined for the page

    def passes(self, start: int, end: int, base: str) -> bool:
        """True if the use at *start*..*end* of *base* is one a medical editor would leave."""
        prose = self.prose
        if base in self._spelled or capital_slip(prose, start, end) or device_name(prose, end):
            return True
        if credited_source(prose, start, end) or ecg_wave(prose, start, end) or journal_named(self.page, start, end):
            return True
        if self._labels is None:
            self._labels = interface_labels(prose)
        if start in self._labels:
            return True
        if self._packages is None:
            self._packages = package_names(prose, self.blocks)
        if base in self._packages:
            return True
        i = bisect.bisect_right(self._spans, (start, len(prose))) - 1
        if i >= 0 and start < self._spans[i][1]:
            if i not in self._cited:
                self._cited[i] = cited_work(prose, self._spans[i])
            if (self._cited[i] or in_italic_extract(self.text, prose, self._spans, i, start)
                    or structured_abstract(prose, self._spans, i) or name_wrapped(prose, start, end, self._spans[i][1])):
                return True
        block = self._spans[i] if i >= 0 and start < self._spans[i][1] else None
        if parts_spelled_out(self.page, base, start, block):
            self._spelled.add(base)
            return True
        return False
