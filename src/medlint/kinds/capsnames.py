"""Capitals used as a name, a title or a literal, which no reader needs expanded.

Helpers of :mod:`medlint.kinds.acronyms` for uses where the capitals are not the page's
own abbreviation of a term, told by where they stand rather than by which letters they are:

- the text of a link that opens a list item, in a list whose items open with links: a
  list of links to other entries, each named by its own title (the expansion belongs on
  the linked page; the same letters in the page's own prose are still read);
- a quoted value in code: one of a run of quoted values separated by commas, even over
  blank lines (``"QZ",`` on the next line of a ``c(...)``), when the run is opened as code
  (``c(``, ``[``, ``=``) or has three values or more and no "and" before its last (lab labels
  quoted in prose are not code), or a quoted literal of two or more words in capitals (a
  variable name ``"BODY HT"``) and its words quoted alone;
- a document code joined by slashes with a number (``ZQMP/EWP/1234/98``);
- one of a list of file formats (``HTML, XRTF, PDF``): a format is named, not expanded;
- a person's initials after a surname inside quotation marks, as typed into a search
  (``"Kovar KQ"``): the initials, wherever else the page uses them;
- a product's name with its version letter (``Mac OS X``);
- the page's own defined name written in other capitals (``PCORnet (long form)`` then
  ``PCORNET``);
- a slip of two adjacent letters in a name the page writes correctly elsewhere, or a name of
  software with one letter too many (``SPSSX`` for ``SPSS``);
- a coined name: a few capitals glued to an English word (a forum's ``QRSFORUM``, a
  program's ``QTPLAN``);
- a statistic's symbol spelt in letters (``XBAR``), a code word with its bits (``AB (101)``);
- a name with a one-letter capital prefix and a slash (``C/QBP``; not "W/" for "with"); two initials naming a message's
  sender (``a post by KQ``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Container

from .. import lazyre
from .abbrevpatterns import kept

if TYPE_CHECKING:
    from ..document import Document

#: A quoted value with a comma before or after it, blanks and line breaks allowed: code's list of values.
_QUOTED_BEFORE = lazyre.compile(r"[\"'][ \t]*,\s*[\"']$")
_QUOTED_AFTER = lazyre.compile(r"[\"']\s*,\s*[\"']")
#: One more value of the run, before or after: ``"QZ", `` / ``, "H"``.
_VALUE_BEFORE = lazyre.compile(r"[\"'][^\"'\n]{0,40}[\"'][ \t]*,\s*$")
_VALUE_AFTER = lazyre.compile(r"[ \t]*,\s*[\"'][^\"'\n]{0,40}[\"']")
#: What opens a run of values in code: ``c(``, ``[``, ``{``, ``=``, ``<-``.
_CODE_OPENS = lazyre.compile(r"(?:[(\[{=]|<-)\s*$")
#: A prose list's last item after the run: ``"HDL", "LDL" and "TG"``.
_PROSE_LAST = lazyre.compile(r"[ \t]*,?\s+(?:and|or|nor)\s+[\"']")
#: A quoted literal wholly in capitals, of two words or more: "BODY HT", "LAST VISIT DATE".
_CAPS_LITERAL = lazyre.compile(r"\"([A-Z][A-Z0-9_]*(?:[ \t]+[A-Z][A-Z0-9_]*)+)\"")
#: A run joined by slashes, with two slashes or more and a number: a document's code.
_SLASH_CODE = lazyre.compile(r"[A-Z][A-Z0-9]*(?:/[A-Z0-9]+){2,}")
#: File formats a writer lists together; a token listed beside two of them is a format too.
_FORMATS = frozenset("HTML XHTML PDF CSV TSV XML JSON TXT DOC DOCX RTF XLS XLSX PPT PPTX PNG JPEG JPG GIF TIFF SVG "
                     "EPS PostScript LaTeX Markdown Word Excel PowerPoint EPUB ODT".split())
#: One item of a list before a token: the item and its separator.
_ITEM_BEFORE = lazyre.compile(r"([\w.+-]+)(?:[ \t]*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+)$")
_ITEM_AFTER = lazyre.compile(r"(?:[ \t]*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+)([\w.+-]+)")
#: A statistic's symbol spelt in letters: x-bar, p-hat written XBAR, PHAT.
_NOTATION = lazyre.compile(r"[A-Z](?:BAR|HAT)")
#: A code word with its bits after it in brackets: "AB (101)".
_CODE_WORD_AFTER = lazyre.compile(r"[ \t]*\([01]{1,12}\)")
#: A surname and one to three initials inside quotation marks: a name typed into a search box.
_QUOTED_NAME = lazyre.compile(r"[\"\u201c][A-Z][a-z\u00c0-\u017f'\u2019-]+[ \t]+([A-Z]{1,3})[\"\u201d]")
#: A product's name and its version letter: a capitalised word before, one capital after ("Mac OS X").
_NAME_BEFORE = lazyre.compile(r"\b[A-Z][a-z]+[ \t]+$")
_VERSION_LETTER_AFTER = lazyre.compile(r"[ \t]+[B-HJ-Z](?![\w'\u2019-])")
#: A message and its sender: "a post by JW", "an e-mail from KQ" (a person named by initials).
_MESSAGE_BY = lazyre.compile(r"\b(?i:e-?mail|post|posting|message|note|reply|comment)s?[ \t]+(?:by|from)[ \t]+$")
#: One letter and a slash glued before the token: a name with a letter prefix ("C/QBP beta").
#: A capital only, and not W ("W/CKD" is "with"): clinical shorthand (w/, s/, c/, h/, b/) is lower case.
_LETTER_SLASH = lazyre.compile(r"(?<![\w/])[A-VX-Z]/$")
_MIXED = lazyre.compile(r"(?<![\w-])([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?![\w-])")
_CAPS = lazyre.compile(r"(?<![\w-])[A-Z][A-Z0-9]{3,}(?![\w-])")


class CapsNames:
    """The page-wide facts the tests need, found once per document and only when asked."""

    def __init__(self, doc: "Document") -> None:
        self.doc = doc
        self._initials: set[str] | None = None
        self._mixed: dict[str, set[str]] | None = None
        self._caps_words: dict[str, tuple[int, int]] | None = None

    def passes(self, start: int, end: int, base: str, software: Container[str] = ()) -> bool:
        """True if the capitals at *start*..*end* are a name, a title or a literal (see the module);
        *software* holds the names the page uses as software's (one letter more is a slip)."""
        prose = self.doc.prose
        return (quoted_value(prose, start, end)
                or _slash_code(prose, start, end)
                or format_list(prose, start, end, base)
                or base in self._quoted_initials()
                or product_version(prose, start, end)
                or self._recased_definition(base)
                or self._transposed(base)
                or base[:-1] in software and len(base) >= 4
                or glued_name(base)
                or bool(_NOTATION.fullmatch(base))
                or bool(_CODE_WORD_AFTER.match(prose, end))
                or bool(_LETTER_SLASH.search(prose, max(0, start - 3), start))
                or len(base) == 2 and bool(_MESSAGE_BY.search(prose, max(0, start - 20), start)))

    def _quoted_initials(self) -> set[str]:
        """Initials the page quotes after a surname: a person's, on every use."""
        if self._initials is None:
            self._initials = set(_QUOTED_NAME.findall(self.doc.whole.prose))
        return self._initials

    def _recased_definition(self, base: str) -> bool:
        """True if the page defines the same letters in mixed case: ``PCORnet (long form)``
        or ``long form (PCORnet)``; the capitals are a recasing of that defined name."""
        page = self.doc.whole.prose
        if self._mixed is None:
            self._mixed = {}
            for m in _MIXED.finditer(page):
                self._mixed.setdefault(m.group(1).upper(), set()).add(m.group(1))
        for word in self._mixed.get(base, ()):
            if word != base:
                name = re.escape(word)
                if kept(r"(?<![\w-])%s\s*\(\s*[A-Za-z][^()]{8,}\)|\(\s*%s\s*\)" % (name, name)).search(page):
                    return True
        return False

    def _transposed(self, base: str) -> bool:
        """True if swapping two adjacent letters of *base* (four letters or more) gives other
        capitals the page writes more often, or as often and first: a slip in a name (``SEMNET`` written
        ``SEMENT``). The form written most (or first) is the name, and is read as any other."""
        if len(base) < 4:
            return False
        if self._caps_words is None:
            self._caps_words = {}
            for m in _CAPS.finditer(self.doc.whole.prose):
                first, count = self._caps_words.get(m.group(0), (m.start(), 0))
                self._caps_words[m.group(0)] = (first, count + 1)
        first, count = self._caps_words.get(base, (len(self.doc.whole.prose), 0))
        for i in range(len(base) - 1):
            if base[i] != base[i + 1]:
                other = self._caps_words.get(base[:i] + base[i + 1] + base[i] + base[i + 2:])
                if other is not None and (other[1] > count or other[1] == count and other[0] < first):
                    return True
        return False


#: English words that are, in capitals, abbreviations of their own: an ending that reads as one
#: ("...AIDS", "...SCAN") makes the token an abbreviation, not a word glued to a prefix.
_ABBREVIATION_WORDS = frozenset("aids scan care rest fast stat mash nash sars mers gerd copd dash mind".split())


def glued_name(base: str) -> bool:
    """True if the token is two to four capitals glued to an English word of four letters or
    more (a forum's "QRSFORUM", a consortium's "ZEMATECH", a program's "QTPLAN"): a coined
    name, which its owners never expand (six letters or more in all, a plural S aside, and the
    word not itself an abbreviation in capitals)."""
    if base.endswith("S"):
        base = base[:-1]  # a plural in capitals ("NSAIDS"): its singular must be the coined name
    if len(base) < 6 or not base.isalpha():
        return False
    from ..medical.speller import word_list

    english = word_list("english.txt")
    return any(base[k:].lower() in english and base[k:].lower() not in _ABBREVIATION_WORDS
               for k in range(2, min(5, len(base) - 3)))


def quoted_value(prose: str, start: int, end: int) -> bool:
    """True if the token is a quoted value of code: one of a run of quoted values joined by
    commas (line breaks allowed), or a word of a quoted literal in capitals of two words or
    more that its paragraph quotes ("BODY HT", then "HT" alone)."""
    if prose[start - 1:start] in ("\"", "'") and prose[end:end + 1] == prose[start - 1]:
        if _QUOTED_BEFORE.search(prose, max(0, start - 8), start) or _QUOTED_AFTER.match(prose, end):
            if _code_run(prose, start - 1, end + 1):
                return True
    para_start = prose.rfind("\n\n", 0, start) + 1
    para_end = prose.find("\n\n", end)
    para_end = len(prose) if para_end < 0 else para_end
    literals = [m for m in _CAPS_LITERAL.finditer(prose, para_start, para_end)]
    if not literals:
        return False
    word = prose[start:end]
    inside = any(m.start() < start < m.end() for m in literals)
    alone = prose[start - 1:start] == "\"" and prose[end:end + 1] == "\""
    return (inside or alone) and any(word in m.group(1).split() for m in literals)


def _code_run(prose: str, a: int, b: int) -> bool:
    """True if the run of comma-joined quoted values around ``prose[a:b]`` reads as code: opened by
    ``c(``, ``[``, ``=`` or ``<-``, or three values or more with no "and"/"or" closing it as a prose
    list does ("your report lists "HDL", "LDL" and "TG"" names lab labels, not code)."""
    count = 1
    for _ in range(200):
        m = _VALUE_BEFORE.search(prose, max(0, a - 80), a)
        if not m:
            break
        a, count = m.start(), count + 1
    for _ in range(200):
        m = _VALUE_AFTER.match(prose, b)
        if not m:
            break
        b, count = m.end(), count + 1
    if _CODE_OPENS.search(prose, max(0, a - 6), a):
        return True
    return count >= 3 and not _PROSE_LAST.match(prose, b)


def _slash_code(prose: str, start: int, end: int) -> bool:
    """True if the token opens or stands in a slash-joined code with a number (``ZQMP/EWP/1234/98``)."""
    a = start
    while a > 0 and (prose[a - 1].isalnum() or prose[a - 1] == "/"):
        a -= 1
    m = _SLASH_CODE.match(prose, a)
    return bool(m and m.end() >= end and any(c.isdigit() for c in m.group(0)))


def format_list(prose: str, start: int, end: int, base: str) -> bool:
    """True if the token is an item of a list that names two file formats or more besides
    it ("HTML, XRTF, PDF, or PostScript"): a format's name, as a writer lists them."""
    items: list[str] = []
    at = start
    for _ in range(4):
        m = _ITEM_BEFORE.search(prose, max(0, at - 40), at)
        if not m:
            break
        items.append(m.group(1))
        at = m.start()
    at = end
    for _ in range(4):
        m = _ITEM_AFTER.match(prose, at)
        if not m:
            break
        items.append(m.group(1).rstrip("."))
        at = m.end()
    return sum(item in _FORMATS and item != base for item in items) >= 2


def product_version(prose: str, start: int, end: int) -> bool:
    """True if a capitalised word stands before the token and a version letter after it,
    mid-sentence: a product's name such as ``Mac OS X``."""
    before = _NAME_BEFORE.search(prose, max(0, start - 20), start)
    if not before or re.search(r"[.!?:]\s*$", prose[max(0, before.start() - 3):before.start()]):
        return False
    return bool(_VERSION_LETTER_AFTER.match(prose, end))
