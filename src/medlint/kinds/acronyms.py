"""``acronyms``: an abbreviation the page never defines (Vale's *conditional*).

A definition counts wherever it stands on the page: ``long form (ABBR)``,
``ABBR (long form)``, ``(long form: ABBR)``, glossary lines such as
``ABBR = long form`` or ``**ABBR**: long form``, glossary tables and
definition lists (medlint.regions). Each abbreviation is reported once, at
its first use in the text the rule reads (a rule file's ``skip:`` takes
references, quotations and bylines out of it). Not abbreviations: uses in
headings and image alt text, lines written all in capitals, chemical formulas
(HCO3, 25(OH)D) and DNA sequences, roman numerals, names made of letters and a number
(vitamin B12, CYP24A1), a US state or Canadian province code after a place
name, a unit after a number (400 IU, 3 METs), and author initials. The uses a medical
editor would not ask to expand for other reasons (codes, citation lines, degrees,
quoted passages, software names, Schwartz-Hearst definitions) are judged by
:mod:`medlint.kinds.abbrevcontext`.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from ..diagnostic import Finding
from ..document import Document
from ..regions import defined_abbreviations
from ..site.glossary import site_definitions
from .. import lazyre
from . import BuildContext
from .longforms import TITLED_COMPOUND, defined_adjacent, written_out
from .abbrevpatterns import LetterPattern, kept
from .abbrevsources import PageSources
from .abbrevshapes import (built_notation, cited_initials, kind_named, parallel_parts, place_before_state,
                           repeated_pair)
from .capsnames import CapsNames
from .borrowed import programme_line, quoted_result, signed_sections
from .contractions import contraction_spelled_out
from .firms import firm_names
from .glosses import glossed
from .letterforms import letter_long_form
from .namedinitials import surname_initials
from .pagetitle import title_spells
from .papersections import paper_sections
from .abbrevcontext import (address_block, appositive_definitions, author_item, back_matter, citation_block, citation_line, code_keywords, code_like,
                            credit_line, gene_symbols,
                            company_names, copied_headline, dictionary_names,
                            external_headline, in_quoted_passage, initials, introduced_terms, legend_definitions,
                            numbered_code, person_initials, quote_marks, schwartz_hearst_definitions,
                            software_names, symbol_attached, what_it_is_definitions)

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "ignore": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "min_length": {"type": "integer", "minimum": 2},
        "max_length": {"type": "integer", "minimum": 2},
        "site_definitions": {"type": "boolean"},
    },
}
DEFAULTS: dict[str, Any] = {"ignore": [], "min_length": 2, "max_length": 8, "site_definitions": False}
#: A site glossary is read from the site index.
SITE_OPTIONS = ("site_definitions",)
PLACEHOLDERS = ("match",)

_ROMAN = lazyre.compile(r"[IVXLCDM]+")
#: Letters and a number: vitamin B12, D3, T4; gene and scale names (CYP24A1, IL6, SF36, PHQ9).
_LETTER_NUMBER = lazyre.compile(r"[A-Z]{1,5}\d+[A-Z0-9]*")
_INITIALS = lazyre.compile(r"([A-Z][a-z\u00c0-\u017f'’-]+) $")
#: After an author's initials: punctuation, the line's end, or an affiliation mark ("Wood CL (1),", "Shah SM1,").
_AFFILIATION = r"(?:[ \t]*\([ \t]*[\dl]{1,2}(?:[ \t]*[-\u2013,][ \t]*\d{1,2})*[ \t]*\)|\d{1,2}(?:,\d{1,2})*)?"
_AFTER_INITIALS = lazyre.compile(_AFFILIATION + r"(?:[,.;]|[ \t]*$)", re.M)
#: A year in brackets after initials: "Thor CG (1995)" is a citation even when the surname is an English word.
_YEAR_AFTER = lazyre.compile(r"[ \t]*\((?:19|20)\d\d[a-z]?\)")
#: A chemical formula: element symbols written in capitals, with a count (HCO3, CO2, H2O, PO4).
_FORMULA = lazyre.compile(r"(?:(?:H|B|C|N|O|F|P|S|K|V|Y|I|W|U|Cl|Na)\d*)+")
_SEQUENCE = lazyre.compile(r"[ACGTUN]{4,}")
_VOWEL = lazyre.compile(r"[AEIOUY]")
_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA "
    "RI SC SD TN TX UT VT VA WA WV WI WY DC PR AB BC MB NB NL NS NT NU ON PE QC SK YT".split())
_STATE_LIKE = lazyre.compile(r"\b[A-Z]{2}\b")
_PLACE_BEFORE = lazyre.compile(r"[A-Z][A-Za-z.'-]+,[ \t]*$")
#: A place name just before a state code written without its comma, and what may follow the code.
_PLACE_WORD_BEFORE = lazyre.compile(r"(?<![.!?:] )\b[A-Z][a-z]+[ \t]+$")
#: A place named after a preposition of place, then its state code: "in Morgantown WV with ...",
#: "from Kansas City MO to ...".
_LOCATIVE_PLACE = lazyre.compile(r"\b(?:in|at|from|near)[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}$")
_AFTER_STATE = lazyre.compile(r"[ \t]*(?:[.,;:)]|\d{5}|$)", re.M)
#: Short English words written in capitals for emphasis, never abbreviations a reader must learn.
_EMPHASIS_WORDS = frozenset(
    "no yes all one any not and but the you can now off so do is it be we if to of at by my me he she his her our "
    "new old too few out own why how who see get has had was are may ask use try top low day per its "
    "up two six ten end max min big bad far way lot let put yet did got".split())
#: A capitalised word right after the abbreviation: the abbreviation is part of a name.
_NAME_AFTER = lazyre.compile(r"[ \t]+[A-Z][a-z]{2,}\b(?![ \t]*[.!?:]?[ \t]*$)", re.M)
_SENTENCE_END = lazyre.compile(r"(?:^|[.!?:][\"')\]]*)[ \t*_>#|-]*$")
_NUMBER_BEFORE = lazyre.compile(r"\d[\d,.]*[ \t]*$")
_LETTER = lazyre.compile(r"[^\W\d_]+")
#: An author list around a match: "Farrow JM, Quist DG." or "TK Harlan, JR Bellamy".
#: An affiliation number may be glued to the initials ("Pinto JT1, Cooper AJ."); two editors may be
#: joined by "and" and followed by "ed." ("Annas GJ and Grodin MA ed."): that loose form (group 2)
#: counts only with a surname that is no English word ("Low BMD and High PTH" is a list of topics).
_AUTHOR = lazyre.compile(r"([A-Z][A-Za-z\u00c0-\u017f'’-]+)[ \t]+[A-Z]{1,3}(?![A-Za-z])" + _AFFILIATION
                         + r"(?:[,.;]|(?=([ \t]+(?:and|&)[ \t]+[A-Z][a-z]|[ \t]+\(?eds?\b)))"
                         r"|\b[A-Z]{1,3}\.?[ \t]+[A-Z][a-z\u00c0-\u017f'’-]+" + _AFFILIATION + ",")
_CAPS_WORD = lazyre.compile(r"[A-Z]{2,}")
#: A link text of one word in capitals, with the blanks an icon left in the prose view.
_ONE_CAPS = lazyre.compile(r"\s*[A-Z][A-Z0-9]{1,7}\s*")
#: After an English word in capitals: it names a key or a control (the TAB key, the OK button).
_KEY_AFTER = lazyre.compile(r"[ \t]+(?:key|keys|button|buttons|menu|tab|box|field|option)\b")
#: After any token: the label of a control in a program's window (the User DSN tab, the OK button).
_CONTROL_AFTER = lazyre.compile(r"[ \t]+(?:tab|button|menu|dialog|dialogue|checkbox|drop-down)\b(?![ \t]+(?:of|for)\b)")


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    ignore = set(options["ignore"])
    low, high = options["min_length"], options["max_length"]
    site_wide = options["site_definitions"]
    word = re.compile(r"(?<![\w\-\ufffd'’])([A-Z][A-Z0-9]{%d,%d}s?)(?![\w\-\ufffd'’])" % (low - 1, high - 1))

    def check(doc: Document) -> Iterator[Finding]:
        first_use, _ = scan(doc)
        if not first_use:
            return  # nothing to report: the other fragments' definitions are not read
        site = getattr(doc, "site", None)
        elsewhere: set[str] = set()
        for fragment in site.fragments(doc.path) if site is not None else []:
            elsewhere.update(defined_abbreviations(fragment))  # defined in another fragment of the same page
        if site_wide and site is not None:
            elsewhere.update(site_definitions(site))  # defined on the site's glossary page
        for base, at in sorted(first_use.items(), key=lambda kv: kv[1]):
            if base not in elsewhere:
                yield Finding(at, at + len(base), {"match": base})

    def scan(doc: Document) -> tuple[dict[str, int], dict[str, int]]:
        """Each abbreviation's first use in *doc* that the page does not define anywhere,
        and the abbreviations it defines (with the offset of their definition)."""
        prose = doc.prose
        from ..medical.speller import word_list

        english = word_list("english.txt")
        whole = doc.whole.prose
        # The page-level contexts (the text not read, the page's definitions) are built only
        # when a token first survives the cheap word-level checks: most pages have no candidate.
        not_read: list[tuple[int, int]] = []
        defined: dict[str, int] = {}
        pending: list[Callable[[], Iterable[str]]] = []
        page_built = False

        def build_page() -> None:
            not_read.extend((h.start, h.end) for h in doc.headings)
            spanned = [l for l in doc.links if l.text_start is not None and l.text_end is not None]
            icons = sorted(l.start for l in doc.links if l.image)
            not_read.extend((l.text_start, l.text_end) for l in spanned
                            if l.image or copied_headline(prose[l.text_start:l.text_end], l.target)
                            or (external_headline(prose[l.text_start:l.text_end], l.target)
                                and _opens_block(doc, prose, l.text_start))
                            or _icon_label(prose, l.text_start, l.text_end, icons))
            not_read.extend(paper_sections(doc))  # a pasted paper's Methods, Conclusions, figure captions
            not_read.extend(signed_sections(doc, english))  # a chapter under its author's name in bold
            defined.update(defined_abbreviations(doc.whole))
            whole_items = [(b.start, b.end) for b in doc.whole.blocks if b.kind in ("list-item", "li")]
            defined.update(dict.fromkeys(dictionary_names(whole, doc.whole.text, whole_items), 0))
            # The costlier readings of the page's definitions, cheapest first, each made only
            # when a token is still undefined after those before it (see is_defined).
            pending.extend([
                lambda: appositive_definitions(whole), lambda: what_it_is_definitions(whole),
                lambda: legend_definitions(whole), lambda: kind_named(whole),
                lambda: schwartz_hearst_definitions(whole),
                lambda: introduced_terms(whole),  # "denoted by SSW", "known as"
                lambda: code_keywords(whole),  # the FIRSTOBS option, the SEQN variable
            ])

        def is_defined(base: str) -> bool:
            """True if the page defines *base*: the readings still pending are made one by one
            until one names it (all of them for a token the page never defines)."""
            while base not in defined and pending:
                defined.update(dict.fromkeys(pending.pop(0)(), 0))
            return base in defined

        def all_defined() -> dict[str, int]:
            while pending:
                defined.update(dict.fromkeys(pending.pop(0)(), 0))
            return defined

        own: str | None = None  # the page's prose but its reference lists: where a long form may stand
        software: set[str] | None = None
        sources: PageSources | None = None
        genes: set[int] | None = None
        companies: set[str] | None = None
        firms: set[str] | None = None
        units: list[tuple[int, int]] | None = None
        marks: dict[str, list[int]] | None = None
        names: CapsNames | None = None
        citations: dict[int, bool] = {}
        whole_citations: dict[int, bool] = {}  # judged on the whole page: a neighbour may be a skipped reference
        shouting: dict[int, bool] = {}
        titled_seen: dict[str, bool] = {}
        written: dict[str, bool] = {}
        glosses: dict[str, object] = {}
        pairs: dict[str, bool] = {}
        first_use: dict[str, int] = {}
        for m in word.finditer(prose, doc.body_start):
            abbr = m.group(1)
            base = abbr[:-1] if abbr.endswith("s") and abbr[:-1].isupper() else abbr
            if base in first_use or base in defined or base in ignore or abbr in ignore:
                continue
            if (_ROMAN.fullmatch(base) or _LETTER_NUMBER.fullmatch(base) or _SEQUENCE.fullmatch(base)
                    or (_FORMULA.fullmatch(base) and any(c.isdigit() for c in base))):
                continue
            if len(base) >= 6 and not _VOWEL.search(base):
                continue  # six capitals or more and no vowel: a variable's name in a data set (LBXBPB)
            if _in_formula(prose, doc.text, m.start(), m.end(), base):
                continue  # chemical nomenclature: 25(OH)D, 1,25(OH)2D, 25[OH]D
            if symbol_attached(prose, m.start(), m.end()) or numbered_code(prose, m.end(), m.start()):
                continue  # a code: U+FFFD, .CSV, DVD+RW, MEDB 5506, SAS 9.4
            if code_like(prose, doc.text, m.start(), m.end()):
                continue  # a path or an address without its scheme, a quoted value in a list: c("UM", "H")
            if len(base) > 3 and base.lower() in english:
                continue  # a word in capitals for emphasis: NOTE, WARNING
            if _NUMBER_BEFORE.search(prose, max(doc.body_start, m.start() - 40), m.start()):
                continue  # a unit or count: 400 IU, 3 METs
            if base.lower() in _EMPHASIS_WORDS:
                continue  # a short word in capitals for emphasis: virtually NO vitamin D, PLOS ONE
            before = prose[max(doc.body_start, m.start() - 40):m.start()]
            if base in _STATES and (_PLACE_BEFORE.search(before) or _LOCATIVE_PLACE.search(before) or (
                    _PLACE_WORD_BEFORE.search(before) and _AFTER_STATE.match(prose, m.end()))
                    or place_before_state(before, doc.whole.prose)
                    or sum(t in _STATES for t in _STATE_LIKE.findall(prose, max(0, m.start() - 40), m.end() + 40)) >= 3):
                continue  # an address: Kansas City, MO; Manhattan KS; Morgantown WV with...; a list: AK, HI and AZ
            if _NAME_AFTER.match(prose, m.end()) and not _sentence_start(prose, m.start()):
                continue  # part of a name: the SPSS Data Driver, the NIST Engineering Statistics Handbook
            surname = _INITIALS.search(before)
            if base.isalpha() and len(base) <= 3 and surname and (
                    surname.group(1).lower() not in english and _AFTER_INITIALS.match(prose, m.end())
                    or _YEAR_AFTER.match(prose, m.end())):
                continue  # an author's initials: "Kampman MT, Eriksen EF", "Thor CG (1995)"
            if base.isalpha() and len(base) <= 3 and _author_list(prose, m.start(), m.end(), english):
                continue  # initials in an author list: "Farrow JM, Quist DG", "TK Harlan, JR Bellamy"
            if base.lower() in english and _caps_neighbour(prose, m.start(), m.end(), english):
                continue  # words in capitals: a menu path or button (OLD AND NEW VALUES)
            if _all_caps_line(prose, m.start(), shouting):
                continue  # a title or licence text in capitals
            if prose[m.end():m.end() + 1] == "!" and _alone_on_line(prose, m.start(), m.end()):
                continue  # an exclamation on its own line: BAM!
            if base.lower() in english and (_KEY_AFTER.match(prose, m.end()) or _alone_on_line(prose, m.start(), m.end())):
                continue  # a key, a button or a marker: the TAB key, END
            if _CONTROL_AFTER.match(prose, m.end()):
                continue  # a label in a program's window: the User DSN tab
            if initials(prose, m.start(), m.end()) or citation_line(prose, m.start(), citations):
                continue  # authors' initials, a citation the regions missed
            if person_initials(prose, m.start(), m.end()):
                continue  # a contributor named by initials: "DS argues", "(KW) asked"
            if not page_built:
                build_page()
                page_built = True
            if any(s <= m.start() < e for s, e in not_read) or is_defined(base):
                continue
            if genes is None:
                genes = gene_symbols(prose)
            if m.start() in genes:
                continue  # a gene's symbol, named as one: the GC gene, GC and DHCR7 genes
            if len(base) >= 6 and _cut_short(doc.whole.prose, base):
                continue  # a word cut short in capitals: BREASTFE for the pages' breastfeeding
            if len(base) >= 4 and base.endswith("S") and _spelled_out(doc.whole.prose, base[:-1], m.start(), titled_seen):
                continue  # a final S for the plural of its last word: "sudden infant deaths ... SIDS"
            if len(base) >= 3 and _spelled_out(doc.whole.prose, base, m.start(), titled_seen):
                continue  # its words are on the page: "comma separated values ... CSV"
            if len(base) >= 3 and base.isalpha():
                if own is None:
                    own = doc.whole.view(["reference"]).prose
                if written_out(own, base, written):
                    continue  # its words are a term of the page: "evidence-based medicine" twice, far from EBM
            if len(base) == 2 and base.isalpha() and _compound_spelled_out(doc.whole.prose, base, m.start(), english):
                continue  # one compound word near its use: "knee osteoarthritis ... other OA"
            if len(base) == 2 and base.isalpha() and _pair_spelled_out(doc.whole.prose, base, m.start(), titled_seen):
                continue  # "blood pressure ... BP", "Greater Manchester ... GM"
            block = doc.block_at(m.start())
            span = (block.start, block.end) if block else None
            if citation_block(prose, span, citations):
                continue  # a citation wrapped over lines: "Wheeler DJ" above "(2000) Knoxville"
            if units is None:
                units = [(b.start, b.end) for b in doc.blocks if b.kind != "heading"]
            i = bisect.bisect_right(units, (m.start(), len(prose))) - 1
            if base.isalpha() and len(base) <= 3 and i >= 0 and author_item(whole, units, i, whole_citations, english):
                continue  # one author an item: "- Halvorsen KT" over "- Van Dijk PA"
            if address_block(whole, span):
                continue  # a contact address: "City: São Paulo/SP", "CEP: 01234-000"
            if credit_line(prose, span):
                continue  # a picture credit: "Picture Library/AKG"
            if block is not None and back_matter(prose, block.start):
                continue  # a reproduced paper's "Competing interests:" or "Funding:"
            if marks is None:
                marks = quote_marks(prose)
            if in_quoted_passage(prose, m.start(), (block.start, block.end) if block else None, marks):
                continue  # someone else's words in quotation marks
            if software is None:
                software = software_names(doc.whole.prose)
            if base in software:
                continue  # the name of software its maker never expands: SAS code, SPSS 14
            if companies is None:
                companies = company_names(doc.whole.prose)
            if base in companies:
                continue  # a firm's name: ZRT Labs, DST systems
            if sources is None:
                sources = PageSources(doc.text, prose, doc.whole.prose,
                                      [(b.start, b.end, b.kind) for b in doc.blocks if b.kind != "heading"])
            if sources.passes(m.start(), m.end(), base):
                continue  # an extract in italics, a cited work, a package, a menu path... (abbrevsources)
            if firms is None:
                firms = firm_names(doc.whole.prose)
            if base in firms:
                continue  # a firm the page says makes or sells things: "KLX is making a test kit"
            if programme_line(prose, m.start()) or quoted_result(prose, m.start(), m.end()):
                continue  # a talk's title in a meeting's programme; a paper's result with its CI
            if surname_initials(doc, m.start(), m.end()):
                continue  # an author line under a title: "Lindqvist PK.", the surname never in lower case
            if own is None:
                own = doc.whole.view(["reference"]).prose
            if contraction_spelled_out(own, base):
                defined[base] = 0  # one word it contracts is on the page: "tuberculosis" for TB
                continue
            if title_spells(doc, base):
                defined[base] = 0  # spelt out in the page's title: "the Central Nervous System" for CNS
                continue
            if letter_long_form(prose, base):
                defined[base] = 0  # its words, in the text read, hold a letter: "vitamin D binding protein" for DBP
                continue
            if defined_adjacent(whole, base):
                defined[base] = 0  # its long form written out next to a use: "ventricular septal defect or VSD"
                continue
            if glossed(whole, base, m.start(), glosses):
                defined[base] = 0  # explained in another shape: a wrapped line, "University of Leeds" for LU (glosses)
                continue
            if built_notation(whole, base, m.start(), all_defined()):
                defined[base] = 0  # MSB after SSB and "mean square" (abbrevshapes)
                continue
            if parallel_parts(whole, base, m.start()):
                defined[base] = 0  # its parts named in parallel near a use: "the expectation step ... the maximization step"
                continue
            if len(base) == 2 and base.isalpha() and repeated_pair(own, base, pairs):
                defined[base] = 0  # a two-word term the page writes out again and again: "bone density" for BD
                continue
            if base.isalpha() and len(base) <= 3 and cited_initials(prose, m.start(), m.end()):
                continue  # an author's initials in a citation in prose: "Hale TK. "A trial ..." (1988)"
            if names is None:
                names = CapsNames(doc)
            if names.passes(m.start(), m.end(), base, software or ()):
                continue  # a name or a literal: c("QZ", "H"), Mac OS X, a forum's QRSFORUM (capsnames)
            first_use[base] = m.start()
        return first_use, defined

    return check


def _in_formula(prose: str, text: str, start: int, end: int, base: str) -> bool:
    """True if the token stands in brackets glued to a chemical name: ``25(OH)D``,
    ``1,25(OH)2D``, ``25<span>[OH]</span>D`` (a gap the prose view blanked from a tag
    counts as glued; a real space does not: ``cathepsin L (CTSL)`` is a definition), or an
    element formula after a number and a space (``25 (OH) D``)."""
    def glued(i: int, step: int) -> bool:
        """The character beyond the bracket at *i*, past blanked markup, is a letter or digit."""
        j = i + step
        while 0 <= j < len(prose) and prose[j] == " " and not text[j].isspace():
            j += step
        return 0 <= j < len(prose) and prose[j].isalnum()
    opening, closing = start - 1, end
    if not (prose[opening:start] in ("(", "[") and prose[closing:closing + 1] in (")", "]")):
        return False
    return (glued(opening, -1) or glued(closing, 1)
            or bool(_FORMULA.fullmatch(base) and re.search(r"\d[ \t]?$", prose[max(0, opening - 2):opening])))


def _cut_short(page: str, base: str) -> bool:
    """True if a word on the page opens with the token's letters and goes on (``BREASTFE`` on a
    page about breastfeeding): a word cut short, as a search box or a title's limit cuts it,
    not an abbreviation (six letters or more: a short token opens many words by chance)."""
    return bool(kept(r"(?<![\w-])%s[a-z]{2,}" % re.escape(base.lower()), re.I).search(page))


def _author_list(prose: str, start: int, end: int, english: object) -> bool:
    """True if two or more authors with initials stand within 60 characters of the token
    ("Farrow JM, Quist DG", "TK Harlan, JR Bellamy", "Annas GJ and Grodin MA ed."); a name
    joined by "and" or followed by "ed." counts only if a surname near it is no English word."""
    names = [(a.group(1), bool(a.group(2))) for a in _AUTHOR.finditer(prose, max(0, start - 60), end + 60)]
    foreign = any(surname and surname.lower() not in english for surname, _ in names)  # type: ignore[operator]
    return sum(1 for _, loose in names if foreign or not loose) >= 2


def _opens_block(doc: Document, prose: str, offset: int) -> bool:
    """True if only blanks and emphasis marks stand between its block's start and *offset*:
    a link that opens its line is listed as a title, one inside a sentence is the writer's."""
    block = doc.block_at(offset)
    return block is not None and not prose[block.start:offset].strip(" \t\n*_[")


def _icon_label(prose: str, start: int, end: int, icons: list[int]) -> bool:
    """True if a link's text is an icon and one word in capitals: a download button
    (an icon and ``RIS``, ``XML``) names a file format, not a term of the page."""
    i = bisect.bisect_left(icons, start)
    return i < len(icons) and icons[i] < end and bool(_ONE_CAPS.fullmatch(prose, start, end))


def _alone_on_line(prose: str, start: int, end: int) -> bool:
    """True if the token is the only word on its line: a marker such as END."""
    line_start = prose.rfind("\n", 0, start) + 1
    line_end = prose.find("\n", end)
    line = prose[line_start:len(prose) if line_end < 0 else line_end]
    return len(_LETTER.findall(line)) == 1


def _sentence_start(prose: str, offset: int) -> bool:
    """True if *offset* opens a sentence, a line or a list item (a capital after it says nothing)."""
    return bool(_SENTENCE_END.search(prose, max(0, offset - 20), offset))


_SMALL_WORDS = r"(?:of|and|the|for|in|on|to|with|by|an?)"
#: Up to two small words between the long form's words: "Journal of the American ..." for JASA.
_SMALL = r"(?:(?:of|and|the|for|in|on|to|with|by|a|an|&)[\s-]+){0,2}"
#: Spelled-out long forms tried per abbreviation; a window this wide around its use is searched in any case.
_NEAR = 300


def _spelled_out(prose: str, abbr: str, at: int, titled_seen: dict[str, bool] | None = None) -> bool:
    """True if the page spells *abbr* out without the brackets: words whose initials are its
    letters, in Title Case anywhere on the page ("National Health and Nutrition Examination
    Survey"), or in any case near its use, each word four letters or more ("a comma
    separated values file ... CSV")."""
    letters = [c for c in abbr if c.isalpha()]
    if len(letters) < 3 or len(letters) != len(abbr.rstrip("s")) and not abbr.isalpha():
        return False
    joined = r"[\s/-]+" + _SMALL
    # In Title Case, a small word may give its letter too: "Health And Nutrition", "Health and Nutrition".
    # The page-wide search is made once per abbreviation (titled_seen): a page that uses one
    # thousands of times must not be searched thousands of times.
    if titled_seen is None or abbr not in titled_seen:
        found = next(_titled_pattern(len(letters)).spans("".join(letters), prose) or iter(()), None) is not None
        if titled_seen is None:
            if found:
                return True
        else:
            titled_seen[abbr] = found
    if titled_seen is not None and titled_seen[abbr]:
        return True
    # In lower case, short words spell anything ("can increase symptoms"): only words of four letters or more.
    spans = _near_pattern(len(letters)).spans("".join(letters), prose, max(0, at - _NEAR), at + _NEAR)
    if spans is not None:
        return next(spans, None) is not None
    near = kept(r"(?<![\w-])" + joined.join(re.escape(c) + r"[\w'\u2019]{3,}" for c in letters), re.I)
    return bool(near.search(prose, max(0, at - _NEAR), at + _NEAR))


@lru_cache(maxsize=None)
def _titled_pattern(n: int) -> LetterPattern:
    """The Title Case long form of any abbreviation of *n* letters (see :func:`_spelled_out`):
    one pattern per length, the letters read by reference (abbrevpatterns.LetterPattern)."""
    return LetterPattern(lambda refs: r"(?<![\w-])" + (r"[\s/-]+" + _SMALL).join(
        r"(?:%s|(?=%s\b)%s)%s" % (upper, _SMALL_WORDS, lower, TITLED_COMPOUND) for upper, lower in refs), n)


@lru_cache(maxsize=None)
def _near_pattern(n: int) -> LetterPattern:
    """The long form in any case of any abbreviation of *n* letters, each word four letters or
    more (see :func:`_spelled_out`)."""
    return LetterPattern(lambda refs: r"(?<![\w-])" + (r"[\s/-]+" + _SMALL).join(
        upper + r"[\w'\u2019]{3,}" for upper, _ in refs), n, re.I)


def _pair_spelled_out(prose: str, abbr: str, at: int, titled_seen: dict[str, bool]) -> bool:
    """True if the page spells a two-letter abbreviation out: two words with its initials,
    in Title Case anywhere ("Greater Manchester" for GM), each of four letters or more, or
    in any case near its use ("ankylosing spondylitis ... AS", "expectation and
    maximization ... EM"), each of five letters or more (shorter words spell two letters
    by chance too often). The page-wide search is
    made once per abbreviation (*titled_seen*)."""
    first, second = (re.escape(c) for c in abbr)
    if abbr not in titled_seen:
        titled = kept(r"(?<![\w-])%s[a-z'\u2019]{3,}[\s-]+%s[a-z'\u2019]{3,}\b" % (first, second))
        titled_seen[abbr] = bool(titled.search(prose))
    if titled_seen[abbr]:
        return True
    near = kept(r"(?<![\w-])%s[\w'\u2019]{4,}[\s-]+(?:(?:and|&)\s+)?%s[\w'\u2019]{4,}\b" % (first, second), re.I)
    return bool(near.search(prose, max(0, at - _NEAR), at + _NEAR))


_LONG_WORD = lazyre.compile(r"(?<![\w-])[A-Za-z]{10,}(?![\w-])")


def _compound_spelled_out(prose: str, abbr: str, at: int, english: object) -> bool:
    """True if a two-letter abbreviation stands for one compound word spelled out near its
    use (within _NEAR characters): a word of ten letters or more that opens with the first
    letter and splits, at the second letter, into two parts of four letters or more, the
    second an English word ("osteo|arthritis" for OA, "ultra|violet" for UV). A chance split
    ("con|tract") needs a short word, which the length rules out."""
    first, second = abbr[0].lower(), abbr[1].lower()
    for m in _LONG_WORD.finditer(prose, max(0, at - _NEAR), at + _NEAR):
        word = m.group(0).lower()
        if word[0] != first:
            continue
        for i in range(4, len(word) - 3):
            if word[i] == second and word[i:] in english:  # type: ignore[operator]
                return True
    return False


def _all_caps_line(prose: str, offset: int, seen: dict[int, bool]) -> bool:
    """True if the line holding *offset* has four or more words, nearly all in capitals, or two
    or three, all in capitals and one of four letters or more (a name or a title: EILISH O'REGAN)."""
    start = prose.rfind("\n", 0, offset) + 1
    if start not in seen:
        end = prose.find("\n", offset)
        words = _LETTER.findall(prose, start, len(prose) if end < 0 else end)
        long_words = [w for w in words if len(w) > 1]
        upper = sum(w.isupper() for w in long_words)
        seen[start] = (len(long_words) >= 4 and upper >= 0.8 * len(long_words)
                       or 2 <= len(long_words) == upper and any(len(w) >= 4 for w in long_words))
    return seen[start]


def _caps_neighbour(prose: str, start: int, end: int, english: object) -> bool:
    """True if the word before or after is also an English word written in capitals."""
    before = prose[max(0, start - 30):start].split()
    after = prose[end:end + 30].split()
    for word in (before[-1:] + after[:1]):
        word = word.strip(".,;:|()\"'")
        if _CAPS_WORD.fullmatch(word) and word.lower() in english:  # type: ignore[operator]
            return True
    return False
