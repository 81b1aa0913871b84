"""Uses of a word in capitals that a medical editor would not ask the writer to expand.

Helpers of :mod:`medlint.kinds.acronyms`, each a stated heuristic read from the text
around one use (or, for definitions and software names, from the whole page once):

- a token glued to a symbol is a code, not an abbreviation: a code point (``U+FFFD``),
  a file extension (``.CSV``), a product variant (``DVD+RW``), a brand mark (``SAS®``),
  a function (``EXP(B)``), a version (``PL/1``);
- a token followed by a code number is a course or model code (``MEDB 5506``,
  ``CSCI E-96``); a year, a quantity or a short value (``LR 4``) is not such a number;
- a line shaped like a citation (a year and a volume/pages, ``Available in``, a DOI,
  or two author-initials pairs) is a reference the region heuristics missed;
- a parenthesised list of four or more groups of one to three capitals is a list of
  authors' initials (``(NV, LB, SC, and GS)``), a line in capitals with a single
  initial is a name (``JOHN Q. PUBLIC``); capitals after a person's name and a comma are
  degrees (``Lorna P. Whitcombe, RN``); and so is a line of three or more personal names
  with few words in lower case (an author line: ``Caihong Wu,a  Yuan Song,c ... ORCID``);
- a token a page uses as the name of software (followed by *syntax*, *code*,
  *software*, *version 9*...; after *written in*, *programming in*, *the output from*;
  "SAS stores"; "run a bootstrap in SPSS,") is a product name
  its maker never expands;
- ``long form (ABBR)`` where the abbreviation's letters appear in order in the words
  before the bracket, the first at a word's start: the definition test of Schwartz and
  Hearst (2003, "A simple algorithm for identifying abbreviation definitions in
  biomedical text"), which accepts gene-style and hyphenated long forms
  (``cathepsin L (CTSL)``, ``UV-B (UVB)``);
- text the page did not write: a short block that reads as a citation as a whole (hard-wrapped
  Markdown breaks one over lines), an author's name alone in a list item next to a citation or
  another author, a paper's back matter ("Competing interests:"), another site's
  headline in Title Case as a link's text;
- names the page explains in other ways than brackets: notation a sentence introduces
  ("denoted by SSW", "known as"), a sentence that says what a name is ("CHARLS is a database"),
  a list explaining names one an item (a data dictionary), keywords of code ("the SEQN
  variable"), firms' names ("ZRT Labs").
"""
from __future__ import annotations

import bisect
import re
from typing import Container

from .. import lazyre
from .abbrevpatterns import kept

#: Glued on the left: a code point (U+, \\u, &#x, 0x), a file extension or a dotted name, a variant.
#: An attribute's value: 'class="DA"' in markup shown as text.
_SYMBOL_BEFORE = lazyre.compile(r"(?:[Uu]\+|\\[ux]|&#x|0x|[.+#@$&={]|=[ \t]*[\"'])$")
#: Glued on the right: a variant, a brand mark, a damaged character pair ("VDR?/?").
#: A function or a version glued on: "EXP(B)", "LOG(x)", "PL/1", "OS/2".
#: A dotted name glued on: a function of a program's language ("XDATE.MONTH(date)", "DT.fread(").
_SYMBOL_AFTER = lazyre.compile(r"[+#@&=}\u00ae\u2122\u00a9]|\?[/?\-]|\((?:[\w.,*+-]{0,12})\)|/\d"
                               r"|\.[A-Z][A-Z_]{2,}\b|\.[A-Za-z_]\w*\(")
#: A number after the token: a course, model or version code ("MEDB 5506", "CSCI E-96", "SAS 9.4").
_CODE_NUMBER = lazyre.compile(
    r"[ \t]+(?:[A-Z]-?(\d+)|(\d{3,}))\b(?![ \t]*(?:%|[-\u2013]\d|(?:nm|mg|g|kg|ng|ml|mL|l|L|IU|pg|mmol|nmol|\u00b5g|mcg"
    r"|units?|U|h|hours?|min|days?|weeks?|months?|years?|patients?|people|cases?)\b))")
_YEAR = lazyre.compile(r"(?:1[89]|20)\d\d")
#: Before a meeting named with its year: "at the BRSM 2019", "during QKLS 2021", "attended ENDO 2014".
_AT_EVENT = lazyre.compile(r"\b(?:at|during|attend(?:ed|ing|s)?)[ \t]+(?:the[ \t]+)?$")
_YEAR_NEXT = lazyre.compile(r"[ \t]+(?:19|20)\d\d\b(?![ \t]*[-\u2013/]\d)")
_ZERO_CODE = lazyre.compile(r"[ \t]+0\d{2,}\b")
#: A year and an event's name, up to two words between ("AMIA 2017 Joint Summit"), or the line's end.
_EVENT_YEAR = lazyre.compile(r"[ \t]+(?:19|20)\d\d(?:(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+(?:Conference|Congress|Meeting|Symposium"
                             r"|Summit|Workshop|Convention|Annual|Scientific\s+Sessions?)\b|[*_ \t]*$)", re.M)
#: A degree written in two parts, the second in mixed case: "MB ChB", "MB BCh".
_DEGREE_PART_AFTER = lazyre.compile(r"[ \t]+(?:ChB|BCh|BChir|BAO)\b")
#: A line that is only an author's surname and initials, "Moreno LT.", under a paper's citation.
_AUTHOR_LINE = lazyre.compile(r"[ \t*_-]*[A-Z][a-z\u00c0-\u017f'\u2019-]+(?:[ \t]+[A-Z][a-z\u00c0-\u017f'\u2019-]+)?"
                              r"[ \t]+[A-Z]{1,3}\.?[ \t*_]*")

_YEAR_IN = lazyre.compile(r"\b(?:1[89]|20)\d\d\b")
#: Signs of a citation, any one of which (with a year) makes the line a reference.
_CITATION_SIGN = lazyre.compile(
    r"\bAvailable\s+(?:in|at|from|online)\b|\bDOI\s*:|\b(?:Accessed|Retrieved)(?:\s+(?:on|from))?\b|\bdoi\s*:?\s*10\.|\b10\.\d{4,}/|\bISBN\b|\bPMID\b"
    r"|\b\d{1,4}\s*\(\s*\d{1,4}\s*\)\s*:\s*[A-Za-z]?\d+|\b(?:19|20)\d\d\s*[;,]\s*\d{1,4}\s*[:(]"
    r"|\bet\s+al\b\.?,?\s*\(?(?:19|20)\d\d", re.I)
#: An author with initials: "Jonas WB," "Carey RG," "Fagan TJ."
_AUTHOR_INITIALS = lazyre.compile(r"\b[A-Z][a-z\u00c0-\u017f'\u2019-]+[ \t]+[A-Z]{1,3}[,.]")

_INITIALS_LIST = lazyre.compile(r"\((?:[ \t]*[A-Z]{1,3}[ \t]*,){3,}[ \t]*(?:and[ \t]+)?[A-Z]{1,3}[ \t]*\)")
#: In an affiliation line (a department, university...), three initials are enough: "(FMY, CAT, and SG)".
_INITIALS_LIST_SHORT = lazyre.compile(r"\((?:[ \t]*[A-Z]{1,3}[ \t]*,){2,}[ \t]*(?:and[ \t]+)?[A-Z]{1,3}[ \t]*\)")
_AFFILIATION_WORD = lazyre.compile(r"\b(?:Department|University|Institute|School|College|Faculty|Hospital|Center|Centre)\b")
#: Degrees and credentials after a person's name: "Lorna P. Whitcombe, RN", "Nadia F. Kessler DNP, APRN".
_CREDENTIAL_BEFORE = lazyre.compile(
    r"\b[A-Z][a-z\u00c0-\u017f]+(?:[ \t]+[A-Z]\.)*[ \t]+[A-Z][a-z\u00c0-\u017f'\u2019-]+,?"
    r"(?:[ \t]+[A-Z][A-Za-z]{1,5}\.?(?:[ \t]*\([A-Za-z]+\))?,?)*[ \t]+$")
_CREDENTIAL_AFTER = lazyre.compile(r"[ \t]*(?:[,;)]|$|[ \t]-)", re.M)
#: What tells a person's name from two capitalised words ("Rheumatoid Arthritis, TB"): a middle
#: initial or a degree in mixed case before the token (PhD, BSc), or what follows it (the line's
#: end, ", a professor").
_PERSON_SIGN = lazyre.compile(r"[ \t][A-Z]\.[ \t]|\b(?:Ph\.?D|B[Ss]c|M[Ss]c|DrPH|MBBS|MBChB|Hons)\b")
_CREDENTIAL_END = lazyre.compile(r"[ \t]*(?:$|,[ \t]+(?:a|an|the|who)\b)", re.M)
#: A person's name in an author line: "Caihong Wu,a", "Yuan Song,c", "Shoumeng Yan*d".
_PERSON = lazyre.compile(r"\b[A-Z][a-z\u00c0-\u017f'\u2019-]+[ \t]+[A-Z][a-z\u00c0-\u017f'\u2019-]+[ \t]*[,*\u2020\u2021]")
_SINGLE_INITIAL = lazyre.compile(r"(?<![\w.])[A-Z]\.(?=[ \t])")

#: Nouns that make the token before them the name of software, a language or a file format.
_SOFTWARE_NOUN = (r"software|syntax|code|program(?:s|me|mes|ming)?|macros?|procedures?|procs?|packages?|scripts?"
                  r"|commands?|output|datasets?|data\s+sets?|data\s+steps?|libraries|library|queries|query"
                  r"|files?|format|language|studio|server|users?|licen[cs]es?|installation|window|menus?|dialog(?:ue)?s?"
                  r"|editor|functions?|mainframes?|computers?|version|release|Enterprise\s+Guide")
_SOFTWARE_AFTER = lazyre.compile(r"([A-Z](?<!\w[A-Z])[A-Z0-9]{1,7})(?:'s)?\s+(?:" + _SOFTWARE_NOUN + r")\b")
_SOFTWARE_BEFORE = lazyre.compile(
    r"[wWpPcCsS\u017fvVlLiI\u0130\u0131dDoOmMbBfFgGrR](?<!\w[wWpPcCsS\u017fvVlLiI\u0130\u0131dDoOmMbBfFgGrR])"
    r"(?i:(?<=w)ritten\s+in|(?<=p)rogramming\s+in|(?<=p)rogrammed\s+in|(?<=c)oded\s+in|(?<=c)ode\s+in|(?<=s)yntax\s+in"
    r"|(?<=v)ersion\s+of|(?<=c)opy\s+of|(?<=l)icen[cs]e\s+for|(?<=i)nstall(?:ed|ing)?|(?<=d)ownload(?:ed|ing)?"
    r"|(?:(?<=o)utput|(?<=s)yntax|(?<=c)ode|(?<=m)enus?|(?<=b)utton|(?<=d)ialog(?:ue)?|(?<=p)rocedures?|(?<=c)ommands?"
    r"|(?<=f)unctions?|(?<=g)raphs?|(?<=p)lots?|(?<=r)ecode|(?<=m)acros?|(?<=f)iles?|(?<=d)atasets?|(?<=d)ata\s+sets?"
    r"|(?<=p)rograms?)\s+(?:from|in|of)(?:\s+the)?)\s+([A-Z][A-Z0-9]{1,7})\b")
#: "a program like SPSS", "software such as SAS or SPSS", "Introduction to SQL": the names that follow.
_SOFTWARE_LIKE = lazyre.compile(
    r"\b(?:(?:software|programs?|packages?|languages?)\b[^.!?\n()]{0,60}?(?:\([ \t]*(?:e\.g\.,?[ \t]*)?|\b(?:like|such[ \t]+as|e\.g\.,?|including)[ \t]+)"
    r"|(?:Introduction|Intro)[ \t]+to[ \t]+)([A-Z][\w+#-]*(?:(?:[ \t]*,\s*|\s+(?:and|or)\s+|,\s*(?:and|or)\s+)"
    r"[A-Z][\w+#-]*)*)")
_CAPS_TOKEN = lazyre.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")
#: Capitalised names in a list: "R, SAS, SPSS, and Stata", "SAS / SPSS".
_NAME_LIST = lazyre.compile(r"[A-Z](?<!\w[A-Z])[\w+#-]*(?:(?:[ \t]*[,/]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)[A-Z][\w+#-]*)+")
_LIST_SPLIT = lazyre.compile(r"[ \t]*[,/]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
#: A maker's name before a product's: "IBM SPSS".
_MAKER = lazyre.compile(r"([A-Z](?<!\w[A-Z])[A-Z0-9]{1,7})[ \t]+([A-Z][A-Z0-9]{1,7})\b")
#: Makers of software named in capitals; what follows one of them is its product ("IBM JCL").
_MAKERS = frozenset({"IBM", "SAS", "HP", "DEC", "SGI", "SPSS"})
#: What software does and organisations do not: "SAS stores", "SPSS computes".
_SOFTWARE_VERB = lazyre.compile(r"([A-Z](?<!\w[A-Z])[A-Z0-9]{1,7})[ \t]+(?:also[ \t]+|will[ \t]+|can[ \t]+)?"
                                r"(?:stores|computes|calculates|crashes|imports|exports|outputs|prints|plots|fits)\b")
#: Analysis done in it: "run a bootstrap in SPSS,", "analyze this data in SPSS", "using SAS to fit";
#: the name ends its clause (not "in COPD patients").
_ANALYSED_IN = lazyre.compile(
    r"[aArRfFcCmMpPgGiI\u0130\u0131eEsS\u017fuU](?<!\w[aArRfFcCmMpPgGiI\u0130\u0131eEsS\u017fuU])"
    r"(?i:(?:(?<=a)naly[sz]|(?<=r)un|(?<=f)it|(?<=c)od|(?<=m)erg|(?<=c)omput|(?<=c)alculat|(?<=p)lot|(?<=g)raph|(?<=i)mport"
    r"|(?<=e)xport|(?<=p)rogram|(?<=r)ecod|(?<=s)imulat|(?<=e)stimat)\w*"
    r"\b[^.!?\n]{0,40}?\bin|(?<=u)sing)[ \t]+([A-Z][A-Z0-9]{1,7})(?=[ \t]*(?:[.,;:?!)]|$|to[ \t]))", re.M)
_SOFTWARE_VERSION = lazyre.compile(r"([A-Z](?<!\w[A-Z])[A-Z0-9]{1,7})[ \t]+(?:v\.?[ \t]*|version[ \t]+|release[ \t]+)\d+(?:\.\d)?")

#: A legend: "BMI, body mass index;", "CYP, cytochrome P450;" (a short long form opening in lower
#: case, ended by ; or .).
_LEGEND = lazyre.compile(r"([A-Z](?<![\w-][A-Z])[A-Za-z0-9-]{1,9}),[ \t]+([a-z][\w\u00c0-\u017f' -]{2,60}?)(?=[;.])")
#: In a list under an "Abbreviations" label or heading, a long form may hold capitals, digits and
#: signs ("CYP, cytochrome P450;", "AA, Arachidonic acid;", "PKX, Zn2+/thiol-linked surface protease;").
_LEGEND_LISTED = lazyre.compile(
    r"([A-Z](?<![\w-][A-Z])[A-Za-z0-9-]{1,9}),[ \t]+([A-Za-z0-9][\w\u00c0-\u017f'+/(), -]{2,80}?)(?=;|\.(?:\s|$))")
#: The label of a list of abbreviations: a heading or a line's opening "Abbreviations:".
_ABBREVIATIONS_LABEL = lazyre.compile(r"(?im)^[#*_> \t]*(?:list[ \t]+of[ \t]+)?abbreviations?(?:[ \t]+used)?[*_ \t]*:?")
#: How far after its label a list of abbreviations is read.
LEGEND_LIST_CHARS = 4000
#: "long form (ABBR)": the bracket; the words before it are read from a window (a regex that
#: matched them would backtrack at every word of a long page).
_PAREN_ABBR = lazyre.compile(r"\([ \t]*(?:(?:abbreviated|abbr\.|hereafter|or|aka)[ \t]+)?"
                             r"([A-Z][A-Za-z0-9-]{1,9}(?:/[A-Z][A-Za-z0-9-]{1,9})*)[ \t]*\)")
_WINDOW = 160
#: "ABBR (short for long form)", "ABBR, short for long form", "ABBR (Extract, Transform, and
#: Load)", "the ABBR concept (Long, Form)", "a DXA scan (dual-energy X-ray absorptiometry)": the
#: long form after the abbreviation (and one word naming what it is), within a line break or two.
_ABBR_THEN_LONG = lazyre.compile(
    r"([A-Z](?<![\w-][A-Z])[A-Za-z0-9]{1,9})(?:(?:[ \t]+[a-z]{3,12})?\s*\(\s*|,\s+(?=(?:short|stands|standing)\s+for\b))"
    r"(?:(?:short|stands|standing)\s+for|meaning|i\.e\.,?)?\s*([A-Za-z][^()\n]{2,80}(?:\n[^()\n]{1,80}){0,2}?)(?=[).;]|,\s+(?:a|an|the|which)\b)")


def symbol_attached(prose: str, start: int, end: int) -> bool:
    """True if a symbol is glued to the token: ``U+FFFD``, ``.CSV``, ``DVD+RW``, ``SAS®``."""
    return bool(_SYMBOL_BEFORE.search(prose, max(0, start - 3), start) or _SYMBOL_AFTER.match(prose, end))


def numbered_code(prose: str, end: int, start: int | None = None) -> bool:
    """True if a code number follows: three digits or more that are no year and no quantity
    (``MEDB 5506``), or a letter and digits (``CSCI E-96``), or a number with a leading zero
    (``SAT 0229-0266``: no quantity is written so); or a year and an event's name (``ENDO 2014
    Conference``), or a year after *at* or *during* (``posters at the BRSM 2019``, ``during QKLS
    2021``: a meeting). A short number is a value (``LR 4``, ``PTH 65``) and says nothing."""
    if _ZERO_CODE.match(prose, end) or _EVENT_YEAR.match(prose, end):
        return True
    if start is not None and _AT_EVENT.search(prose, max(0, start - 20), start) and _YEAR_NEXT.match(prose, end):
        return True
    m = _CODE_NUMBER.match(prose, end)
    return bool(m) and not _YEAR.fullmatch(m.group(1) or m.group(2))


def _line_bounds(prose: str, offset: int) -> tuple[int, int]:
    start = prose.rfind("\n", 0, offset) + 1
    end = prose.find("\n", offset)
    return start, len(prose) if end < 0 else end


def citation_line(prose: str, offset: int, seen: dict[int, bool]) -> bool:
    """True if the line holding *offset* is shaped like a citation: a year with a volume and
    pages, ``Available in``, a DOI, ISBN or PMID, ``et al. (2001)``, or two or more authors
    with initials. Each line is judged once (*seen*)."""
    start, end = _line_bounds(prose, offset)
    if start not in seen:
        line = prose[start:end]
        seen[start] = bool(_YEAR_IN.search(line)) and (
            bool(_CITATION_SIGN.search(line)) or len(_AUTHOR_INITIALS.findall(line)) >= 2)
    return seen[start]


def initials(prose: str, start: int, end: int) -> bool:
    """True if the token is one of a bracketed list of initials (``(NV, LB, SC, and GS)``),
    the initials on a line of one author (``Moreno LT.``), the first part of a degree
    (``MB ChB``), or part of a name written in capitals with a single initial (``ZALMAN S. AGUS``)."""
    line_start, line_end = _line_bounds(prose, start)
    line = prose[line_start:line_end]
    if _DEGREE_PART_AFTER.match(prose, end) or (
            _AUTHOR_LINE.fullmatch(line) and _YEAR_IN.search(prose, max(0, line_start - 120), line_start)):
        return True  # "MB ChB"; a line of one author under a citation's year: "Moreno LT."
    lists = _INITIALS_LIST_SHORT if _AFFILIATION_WORD.search(line) else _INITIALS_LIST
    for m in lists.finditer(prose, max(0, start - 60), end + 60):
        if m.start() <= start and end <= m.end():
            return True
    named = _CREDENTIAL_BEFORE.search(prose, max(line_start, start - 80), start)
    if named and _CREDENTIAL_AFTER.match(prose, end) and (
            _PERSON_SIGN.search(named.group(0)) or _CREDENTIAL_END.match(prose, end)):
        return True
    if not any(c.islower() for c in line) and len(line.split()) <= 6 and _SINGLE_INITIAL.search(line):
        return True
    words = line.split()
    return (len(_PERSON.findall(line)) >= 3
            and sum(w[:1].islower() for w in words) <= 0.2 * len(words))


#: Verbs of saying or thinking: the token before them is a person ("DS argues", "(DR) mentioned").
_SAYS = lazyre.compile(
    r"\)?[ \t]+(?:also[ \t]+)?(?:argue|ask|say|said|mention|write|wrote|suggest|note|point|repl|respond|comment|echo"
    r"|add|agree|disagree|claim|believe|think|thought|explain|disput|object)"
    r"[a-z]*\b")
#: A person noun just before a bracketed token: "a regular contributor to the list (KW)".
_PERSON_NOUN = lazyre.compile(
    r"\b(?:contributor|member|colleague|reader|poster|subscriber|participant|correspondent|someone|somebody"
    r"|person|friend|student|respondent|commenter|reviewer)s?\b[^.!?()\n]{0,40}\([ \t]*$", re.I)
#: "echoed by JW." "a point made by RB,": a person named by initials after "by", ending the clause.
_BY_PERSON = lazyre.compile(r"\bby[ \t]+$")
_ARTICLE_BEFORE = lazyre.compile(r"\b(?:the|a|an|The|A|An)[ \t]+$")
_CLAUSE_END = lazyre.compile(r"[ \t]*(?:[.,;:!?)]|$)", re.M)
#: After a name in capitals: an appositive that names it ("SUNWATCH, the Global UV Index Network").
_PREPOSITION_BEFORE = lazyre.compile(r"\b(?i:in|at|for|with|on|after|before|from|by|during|among|unlike|like|the)[ \t]+$")
#: After an appositive: the list it belongs to goes on ("the EAR, the Safe Ceiling, or which").
_LIST_GOES_ON = lazyre.compile(r"\s*(?:,\s*)?(?:and|or|the)\b")
_APPOSITIVE = lazyre.compile(r"([A-Z](?<![\w-][A-Z])[A-Z0-9]{1,7}),[ \t]+(?:the|an?)[ \t]+(?:[A-Z][\w'\u2019-]*[ \t]+(?:(?:of|for|and|on|in|the)[ \t]+)?){1,5}[A-Z][\w'\u2019-]*")


def person_initials(prose: str, start: int, end: int) -> bool:
    """True if two capitals stand for a person, as a mailing-list digest names its
    contributors: before a verb of saying (``DS argues``, ``(DR) mentioned``), in brackets
    after a person noun (``a regular contributor to the list (KW)``), or after *by* at a
    clause's end (``echoed by JW.``). Only two letters, and not after an article: an
    organisation that speaks is longer and takes one ("the AAP recommends")."""
    token = prose[start:end]
    if not (token.isalpha() and len(token) == 2) or _ARTICLE_BEFORE.search(prose, max(0, start - 5), start):
        return False
    if _SAYS.match(prose, end):
        return True
    before = prose[max(0, start - 60):start]
    if _PERSON_NOUN.search(before) and prose[end:end + 1] == ")":
        return True
    return bool(_BY_PERSON.search(prose, max(0, start - 4), start) and _CLAUSE_END.match(prose, end))


def appositive_definitions(prose: str) -> set[str]:
    """Names followed by an appositive in Title Case that says what they are
    (``SUNWATCH, the Global UV Index Network``): the reader is told, as by a definition, and
    the later uses need no long form either. Not after a preposition or an article ("In
    COPD, the Global Initiative ..." opens a clause; "the WHO, the United Nations ..."
    lists bodies), nor where a list goes on after it ("the EAR, the Safe Ceiling, or")."""
    return {m.group(1) for m in _APPOSITIVE.finditer(prose)
            if not _PREPOSITION_BEFORE.search(prose, max(0, m.start() - 12), m.start())
            and not _LIST_GOES_ON.match(prose, m.end())}


_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*")
#: The end of a headline copied with its source: "... early breast cancers - MD Edge", "... | Reuters".
_SOURCE_SUFFIX = lazyre.compile(r"[ \t][-\u2013\u2014|][ \t]+(?!" + _MONTH + r"\b)[A-Z][\w&.'\u2019]*"
                                 r"(?:[ \t]+[A-Z][\w&.'\u2019]*){0,3}[ \t]*$")


def copied_headline(link_text: str, target: str) -> bool:
    """True if a link to another site shows a headline copied with its source's name after a
    dash or bar (``Compelling case for skipping RT - MD Edge``): the article's words, whose
    abbreviations its own page defines. A title the writer ends with a date (``- June 2018``)
    is the writer's own summary."""
    return target.startswith(("http://", "https://")) and bool(_SOURCE_SUFFIX.search(link_text.strip()))


def software_names(prose: str) -> set[str]:
    """Tokens the page uses as the name of software, a language or a format at least once:
    ``SAS code``, ``SPSS syntax``, ``SAS 9.4``, ``written in FORTRAN``, ``a program like
    SPSS``, ``Introduction to SQL``; then the other names listed with one of them (``SAS,
    SPSS, and Stata``) and a maker's name before one (``IBM SPSS``)."""
    names = {m.group(1) for m in _SOFTWARE_AFTER.finditer(prose)}
    names.update(m.group(1) for m in _SOFTWARE_BEFORE.finditer(prose))
    names.update(m.group(1) for m in _SOFTWARE_VERSION.finditer(prose))
    names.update(m.group(1) for m in _SOFTWARE_VERB.finditer(prose))
    names.update(m.group(1) for m in _ANALYSED_IN.finditer(prose))
    for m in _SOFTWARE_LIKE.finditer(prose):
        names.update(_CAPS_TOKEN.findall(m.group(1)))
    if names:
        for m in _NAME_LIST.finditer(prose):
            members = _LIST_SPLIT.split(m.group(0))
            if any(member.strip() in names for member in members):
                names.update(t for t in (member.strip() for member in members) if _CAPS_TOKEN.fullmatch(t))
        names.update(m.group(1) for m in _MAKER.finditer(prose) if m.group(2) in names)
    names.update(m.group(2) for m in _MAKER.finditer(prose) if m.group(1) in _MAKERS)  # IBM JCL
    return names


def schwartz_hearst_definitions(prose: str) -> set[str]:
    """Abbreviations written in brackets after their long form, by the Schwartz-Hearst test:
    each letter of the abbreviation, right to left, is found in order in the words before
    the bracket, the first one at the start of a word, within min(|A| + 5, 2|A|) words."""
    found: set[str] = set()
    for m in _PAREN_ABBR.finditer(prose):
        before = prose[max(0, m.start() - _WINDOW):m.start()]
        before = before[max(before.rfind("("), before.rfind(")"), before.rfind("\n\n")) + 1:]
        words = before.split()
        for abbr in m.group(1).split("/"):  # "(ADD/ADHD)": each name of the pair
            short = abbr[:-1] if abbr.endswith("s") and abbr[:-1].isupper() else abbr
            if sum(c.isupper() for c in short) < 2 or not words:
                continue
            if _sh_match(short, " ".join(words[-min(len(short) + 5, 2 * len(short)):])):
                found.add(short)
    found.update(_abbreviation_then_long_form(prose))
    found.update(_pair_then_long_forms(prose))
    return found


#: "SSR/SST (Sum of Squares Regression divided by Sum of Squares Total)": a ratio or pair of
#: abbreviations, then their long forms in the same order in one bracket.
_PAIR_THEN_LONG = lazyre.compile(r"([A-Z](?<![\w-][A-Z])[A-Za-z0-9]{1,7})/([A-Z][A-Za-z0-9]{1,7})\s*\(([^()]{5,160})\)")
_PAIR_SPLIT = lazyre.compile(r"\s*(?:/|\bdivided\s+by\b|\bover\b|\band\b|\bvs\.?|\bversus\b|[,;])\s*")


def _pair_then_long_forms(prose: str) -> set[str]:
    """Both names of a pair written with a slash and followed by their two long forms in one
    bracket (``SSR/SST (Sum of Squares Regression / Sum of Squares Total)``), each found
    in its own part: its letters initials of the part's words in order, or by the
    Schwartz-Hearst test."""
    found: set[str] = set()
    for m in _PAIR_THEN_LONG.finditer(prose):
        parts = [p for p in _PAIR_SPLIT.split(" ".join(m.group(3).split())) if p]
        if len(parts) != 2:
            continue
        for abbr, long in zip((m.group(1), m.group(2)), parts):
            if sum(c.isupper() for c in abbr) >= 2 and (_initials_in_order(abbr, long) or _sh_match(abbr, long)):
                found.add(abbr)
    return found


def _initials_in_order(abbr: str, long: str) -> bool:
    """True if the abbreviation's letters are, in order, initials of the long form's words,
    the first word's and the last word's among them ("SSR": Sum of Squares Due to Regression)."""
    initials = [w[0].lower() for w in re.split(r"[\s/-]+", long) if w[:1].isalpha()]
    letters = [c.lower() for c in abbr if c.isalpha()]
    if not initials or not letters or initials[0] != letters[0] or initials[-1] != letters[-1]:
        return False
    i = 0
    for c in initials:
        if i < len(letters) and c == letters[i]:
            i += 1
    return i == len(letters)


def _abbreviation_then_long_form(prose: str) -> set[str]:
    """Abbreviations followed by their long form: ``GLMM (short for Generalised Linear
    Mixed Model)``, ``ETL (Extract, Transform, and Load)`` (a line break inside the brackets
    is still the same definition), ``HEP, short for home exercise program``. The long form
    starts with the abbreviation's first letter and passes the Schwartz-Hearst test, its
    words no more than min(|A| + 5, 2|A|)."""
    found: set[str] = set()
    for m in _ABBR_THEN_LONG.finditer(prose):
        abbr, long = m.group(1), " ".join(m.group(2).split())
        if sum(c.isupper() for c in abbr) < 2 or not long[:1].lower() == abbr[0].lower() or long.startswith(abbr):
            continue  # "CH sufferers (CHers)" is the abbreviation again, not its long form
        if len(long.split()) <= min(len(abbr) + 5, 2 * len(abbr)) and _sh_match(abbr, long):
            found.add(abbr)
    return found


def legend_definitions(prose: str) -> set[str]:
    """Abbreviations defined in a legend, the form of table footnotes and abstracts
    (``Abbreviations: BMI, body mass index; CI, confidence interval``): ``ABBR, long form``
    ended by a semicolon or a full stop, the long form passing the Schwartz-Hearst test; or
    any such pair (two or more) in the list after an "Abbreviations" label or heading, where
    the page says each entry is a definition (``CYP, cytochrome P450; DBP, vitamin D-binding
    protein``)."""
    found: set[str] = set()
    for m in _LEGEND.finditer(prose):
        abbr, long = m.group(1), m.group(2)
        if sum(c.isupper() for c in abbr) >= 2 and _sh_match(abbr, long) and long.lower().startswith(abbr[0].lower()):
            found.add(abbr)
    for label in _ABBREVIATIONS_LABEL.finditer(prose):
        # A list the page labels as its abbreviations defines each entry, whatever the long form's
        # letters ("DBP, vitamin D-binding protein"): two entries in a row at least, each within a
        # few characters of the last.
        pairs, last = [], label.end()
        for m in _LEGEND_LISTED.finditer(prose, label.end(), label.end() + LEGEND_LIST_CHARS):
            if m.start() - last > 8:
                break
            pairs.append(m.group(1))
            last = m.end() + 1
        if len(pairs) >= 2:
            found.update(abbr for abbr in pairs if sum(c.isupper() for c in abbr) >= 2)
    return found


def quote_marks(prose: str) -> dict[str, list[int]]:
    """Where the page's double quotation marks stand (straight, opening, closing): found
    once per page, so each use is judged by bisection, not by reading its block again."""
    return {mark: [m.start() for m in re.finditer(mark, prose)] for mark in ('"', "\u201c", "\u201d")}


def in_quoted_passage(prose: str, start: int, block: tuple[int, int] | None, marks: dict[str, list[int]]) -> bool:
    """True if the token stands inside a passage of six or more words in double quotes
    (straight or curly) within its block: someone else's words, quoted. *marks* is
    :func:`quote_marks` of the page."""
    lo, hi = block if block else _line_bounds(prose, start)
    straight, opens, closes = marks['"'], marks["\u201c"], marks["\u201d"]
    first, here = bisect.bisect_left(straight, lo), bisect.bisect_left(straight, start)
    last_open = opens[bisect.bisect_left(opens, start) - 1] if bisect.bisect_left(opens, start) else -1
    last_close = closes[bisect.bisect_left(closes, start) - 1] if bisect.bisect_left(closes, start) else -1
    odd = (here - first) % 2 == 1
    opened = last_open >= lo and last_open > last_close
    if not odd and not opened:
        return False
    quote_at = max(straight[here - 1] if odd else -1, last_open if opened else -1)
    after = straight if odd else closes
    i = bisect.bisect_left(after, start)
    end = after[i] if i < len(after) and after[i] < hi else hi
    return len(prose[quote_at + 1:min(end, quote_at + 241)].split()) >= 6


def _sh_match(short: str, long: str) -> bool:
    """Schwartz and Hearst's matching: the abbreviation's characters (letters and digits)
    right to left in the long form, the first character at a word start; and, against
    chance matches in short words, at least half of them at word starts (words split at
    spaces, hyphens and slashes), and not the abbreviation itself standing there."""
    chars = [c.lower() for c in short if c.isalnum()]
    text = long.lower()
    s, l = len(chars) - 1, len(text) - 1
    at: list[int] = []
    while s >= 0:
        c = chars[s]
        while l >= 0 and (text[l] != c or (s == 0 and l > 0 and text[l - 1].isalnum())):
            l -= 1
        if l < 0:
            return False
        at.append(l)
        s -= 1
        l -= 1
    starts = sum(1 for i in at if i == 0 or not text[i - 1].isalnum())
    return 2 * starts >= len(chars) and not kept(r"(?<!\w)%s(?!\w)" % re.escape(short)).search(long[min(at):])


#: A sign that a short block is a book or web citation, wrapped over lines as hard-wrapped
#: Markdown writes it: an author with initials and the year in brackets ("Carey RG, Lloyd RC
#: (1995)", "RH Hoyle (1999)"), or an access date ("Accessed on 2004-03-11").
_BOOK_ENTRY = lazyre.compile(
    r"\b[A-Z][a-z\u00c0-\u017f'\u2019-]+[ \t\n]+[A-Z]{1,3}\b[ \t\n]*(?:,[^()\n]{0,80})?\((?:19|20)\d\d[a-z]?\)"
    r"|\b[A-Z]{1,3}[ \t\n]+[A-Z][a-z\u00c0-\u017f'\u2019-]+[ \t\n]*\((?:19|20)\d\d[a-z]?\)"
    r"|\b(?:Accessed|Retrieved)(?:[ \t\n]+on)?[ \t\n]+(?:(?:19|20)\d\d|\d{1,2}[ \t/-]|[A-Z][a-z]{2})")
#: The longest block judged whole as a citation; a longer one is judged a line at a time.
CITATION_BLOCK_CHARS = 400


def citation_block(prose: str, block: tuple[int, int] | None, seen: dict[int, bool]) -> bool:
    """True if a short block (a paragraph or list item of at most CITATION_BLOCK_CHARS) reads
    as a citation as a whole: :func:`citation_line`'s signs over its lines joined, or a book
    or web entry (:data:`_BOOK_ENTRY`). Hard-wrapped Markdown breaks a citation over lines, so
    the initials on one line ("Wheeler DJ") and the year on the next say nothing apart."""
    if block is None or block[1] - block[0] > CITATION_BLOCK_CHARS:
        return False
    lo, hi = block
    if -lo - 1 not in seen:  # keyed apart from citation_line's line starts
        text = " ".join(prose[lo:hi].split())
        # "is available in Word format" in a sentence is no citation's "Available in": capitals only
        signs = [s for s in _CITATION_SIGN.findall(text) if not s.startswith(("available", "accessed", "retrieved"))]
        seen[-lo - 1] = bool(_BOOK_ENTRY.search(text)) or bool(_YEAR_IN.search(text)) and (
            bool(signs) or len(_AUTHOR_INITIALS.findall(text)) >= 2)
    return seen[-lo - 1]


#: A block that is one author's name and initials, as a list of authors gives them one an item.
_ONE_AUTHOR = lazyre.compile(r"[*_\s-]*(?:[A-Z][a-z\u00c0-\u017f'\u2019-]+[ \t]+){1,3}[A-Z]{1,3}\.?[*_,;\s]*")


def author_item(prose: str, blocks: list[tuple[int, int]], index: int, seen: dict[int, bool],
                english: "Container[str]") -> bool:
    """True if block *index* is one author's name ("Van Dijk PA") next to a citation
    (:func:`citation_block`: its first author broken off from it) or to another author's
    name ("Halvorsen KT": a list of authors, one an item), one of the two names holding a
    word that is no English word ("Low BMD" over "High PTH" is a list of topics)."""
    def name(i: int) -> str | None:
        if not 0 <= i < len(blocks):
            return None
        m = _ONE_AUTHOR.fullmatch(" ".join(prose[blocks[i][0]:blocks[i][1]].split()))
        return m.group(0) if m else None

    def foreign(text: str) -> bool:
        return any(w.lower() not in english for w in _NAME_WORD.findall(text))

    here = name(index)
    if here is None:
        return False
    for i in (index - 1, index + 1):
        other = name(i)
        if other is not None and (foreign(here) or foreign(other)):
            return True
        if 0 <= i < len(blocks) and citation_block(prose, blocks[i], seen):
            return True
    return False


_NAME_WORD = lazyre.compile(r"\b[A-Z][a-z\u00c0-\u017f'\u2019-]+")


#: Words that say the sentence introduces a token as notation or a name: "is denoted by SS or
#: SSW", "another abbreviation often seen is MSR", "known as MCWIRB"; the token follows
#: within 40 characters of the same clause.
_INTRODUCED = lazyre.compile(
    r"[aAcCdDkK\u212arRwW](?<!\w[aAcCdDkK\u212arRwW])(?i:(?<=d)enoted|(?<=a)bbreviated|(?<=a)bbreviations?|(?<=a)cronyms?|(?<=c)alled"
    r"|(?<=k)nown\s+as|(?<=r)eferred\s+to\s+as|(?<=w)ritten\s+as)\b"
    r"([^.!?;:\n]{0,40})")
_INTRODUCED_TOKEN = lazyre.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,7})(?![\w-])")
#: The token's letters explained after it: "MSR, with the R standing for Regression".
#: A value a sentence names as a code: "noted by the code PV", "coded as VP".
_CODED = lazyre.compile(r"(?:t(?<!\wt)he[ \t]+codes?|c(?<!\wc)oded[ \t]+(?:as[ \t]+)?)[ \t]*([A-Z][A-Z0-9]{1,7})(?![\w-])")
_STANDING_FOR = lazyre.compile(r"([A-Z](?<![\w-][A-Z])[A-Z0-9]{1,7}),?[ \t]+with[ \t]+the[ \t]+[A-Z]{1,2}[ \t]+"
                               r"(?:stand(?:s|ing)|is[ \t]+short)[ \t]+for\b")


def introduced_terms(prose: str) -> set[str]:
    """Tokens a sentence introduces as the name of what it describes: after *denoted by*,
    *called*, *known as*, *the abbreviation ... is* (within 40 characters, in the same
    clause), as a code ("the code PV"), or with their letters explained ("MSR, with the R
    standing for Regression"). A
    notation explained in a sentence is defined, as by a bracket, for the whole page."""
    found = {t for m in _INTRODUCED.finditer(prose) for t in _INTRODUCED_TOKEN.findall(m.group(1))}
    found.update(_STANDING_FOR.findall(prose))
    found.update(_CODED.findall(prose))
    return found


#: A block that gives a name and what it means: "AGEYRS, the age at interview in years",
#: "SEXCODE: Sex of the respondent", "MPLUS, [www.statmodel.com](...)".
_DICTIONARY_ITEM = lazyre.compile(r"[*_\s]*([A-Z][A-Z0-9_]{1,11})[*_]*[ \t]*(?:[:=,]|[ \t][-\u2013\u2014])(?:\s*(\S.*))?\s*", re.S)


_LINK_IN = lazyre.compile(r"https?://|www\.|\]\(")


def dictionary_names(prose: str, text: str, blocks: list[tuple[int, int]]) -> set[str]:
    """Names a list explains one an item, as a data dictionary or a list of products does:
    two or more list items in a row opening with a name in capitals and a colon, comma or
    dash before what it is (``AGEYRS, the age at interview``; ``MPLUS, www.statmodel.com``:
    a link, which the prose view blanks, read from *text*). Each item says what its name
    means, so the name is defined for the page."""
    names: set[str] = set()
    run: list[str] = []
    for lo, hi in blocks + [(0, 0)]:
        m = _DICTIONARY_ITEM.fullmatch(prose, lo, hi) if hi > lo else None
        meaning = (m.group(2) or "").strip() if m else ""
        linked = not meaning and bool(m) and bool(_LINK_IN.search(text, m.end(1), hi))
        if m and not _CAPS_TOKEN.match(meaning) and (len(meaning.split()) >= 2 or linked):
            run.append(m.group(1))
            continue
        if len(run) >= 2:
            names.update(run)
        run = []
    return names


#: Words after a name that make it a firm's: "ZRT Labs", "DST systems", "NBTY Inc", a publisher's "CRC Press".
_COMPANY_AFTER = lazyre.compile(
    r"([A-Z](?<!\w[A-Z])[A-Z0-9]{1,7})[ \t]+(?i:labs?|laboratories|inc|incorporated|corp|corporation|ltd|llc|gmbh|plc"
    r"|systems|pharmaceuticals|pharma|technologies|biosciences|diagnostics|company|press|publishers|publishing)\b\.?")


#: Words after a name that make it a mailing list's or a forum's: "the MEDSTATS email discussion
#: group", "the SEMNET listserv" (four letters or more: "the IRB forum" is a board's forum).
_FORUM_AFTER = lazyre.compile(r"([A-Z](?<!\w[A-Z])[A-Z0-9]{3,11})(?:-L)?[ \t]+(?i:forums?|listserv|newsgroups?|mailing[ \t]+lists?"
                              r"|(?:e-?mail[ \t]+)?discussion[ \t]+(?:group|list))\b")


def company_names(prose: str) -> set[str]:
    """Tokens the page uses as a firm's name at least once (``ZRT Labs``, ``DST systems``,
    a publisher's ``CRC Press``, a mailing list's ``MEDSTATS forum``):
    a firm's name is its brand, never expanded, and so on every use on the page."""
    return {m.group(1) for m in _COMPANY_AFTER.finditer(prose)} | set(_FORUM_AFTER.findall(prose))


#: Labels that open a paper's back matter: its contributors, funding, competing interests.
_BACK_MATTER = lazyre.compile(
    r"[*_\s]*(?:competing\s+interests?|conflicts?\s+of\s+interests?|declaration\s+of\s+interests?|contributors"
    r"|author(?:s'|'s)?\s+contributions?|funding|acknowledge?ments?|ethic(?:s|al)\s+approval|data\s+sharing"
    r"|provenance(?:\s+and\s+peer\s+review)?|transparency|patient\s+consent|disclosures?)[*_\s]*[:.]", re.I)


def back_matter(prose: str, start: int) -> bool:
    """True if the block starting at *start* opens with a paper's back-matter label
    ("Competing interests:", "Contributors:", "Funding:"): a reproduced paper's boilerplate."""
    return bool(_BACK_MATTER.match(prose, start))


#: Link text that is a headline: four words or more, nearly all capitalised.
_TITLE_WORD = lazyre.compile(r"[^\W\d_][\w'\u2019-]*")
_MINOR = frozenset("a an and as at but by for from in into of on or per the to vs via with".split())


def external_headline(link_text: str, target: str) -> bool:
    """True if a link to another site shows its article's headline, in Title Case (four
    words or more, every word but the small ones capitalised: "CAFOs, Your Gut, and Mental
    Health"): the other site's title, quoted as it stands, not the page's prose (the rule
    takes it so only where the link opens its line, as a listed title does)."""
    if not target.startswith(("http://", "https://")):
        return False
    words = _TITLE_WORD.findall(link_text)
    major = [w for w in words if w.lower() not in _MINOR]
    return len(words) >= 4 and len(major) >= 3 and all(w[0].isupper() for w in major)


#: A page about a language with statements, options and procedures.
_CODE_LANGUAGE = lazyre.compile(r"(?:S(?<!\wS)(?:AS|PSS|QL|tata)|P(?<!\wP)ROC|p(?<!\wp)roc)\b|R(?<!\wR)\s+(?:code|packages?|functions?|scripts?)\b")
_KEYWORD_TOKEN = lazyre.compile(r"([A-Z](?<![\w-][A-Z])[A-Z0-9_]{1,11})(?=[ \t]+(?i:variables?|keywords?|macros?|subcommands?"
                                r"|(statements?|options?|procedures?|arguments?|parameters?))\b)")
#: The keyword after its word: "a procedure GENMOD", "the option NOPRINT" (on a page about code).
_KEYWORD_AFTER_WORD = lazyre.compile(r"(?:p(?<!\wp)rocedure|s(?<!\ws)tatement|o(?<!\wo)ption|s(?<!\ws)ubcommand|c(?<!\wc)ommand|m(?<!\wm)acro)[ \t]+([A-Z][A-Z0-9_]{1,11})\b")
#: Variables named before or after their word: "the variables ACTHDR1, ACTHDR2 and PNS1", "set
#: CSTRATM as the stratum variable".
_VARIABLE_LIST = lazyre.compile(r"variables(?<!\wvariables)[ \t]+([A-Z][A-Z0-9_]{1,11}(?:(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)"
                                r"[A-Z][A-Z0-9_]{1,11})+)\b")
_VARIABLE_AS = lazyre.compile(r"([A-Z](?<![\w-][A-Z])[A-Z0-9_]{1,11})[ \t]+as[ \t]+the[ \t]+(?:[\w-]+[ \t]+){0,2}variable\b")


def code_keywords(page: str) -> set[str]:
    """Tokens the page uses as a program's or a data set's keyword at least once (the SEQN
    variable, the variables AGEYRS and SEXCODE, CPSUM as the cluster variable; the FIRSTOBS option
    or the procedure GENMOD, the SGPLOT procedure, the VAR statement on a page naming
    SAS, SPSS, SQL, Stata or R code, where "the ASA statement", "the HRT option" and "the
    LEEP procedure" are no keywords): code the reader types, with no long form to give."""
    code = None
    found = set()
    for m in _KEYWORD_TOKEN.finditer(page):
        if m.group(2) and code is None:
            code = bool(_CODE_LANGUAGE.search(page))
        if not m.group(2) or code:
            found.add(m.group(1))
    after = _KEYWORD_AFTER_WORD.findall(page)
    if after and (code if code is not None else _CODE_LANGUAGE.search(page)):
        found.update(after)
    for m in _VARIABLE_LIST.finditer(page):
        found.update(_CAPS_TOKEN.findall(m.group(1)))
    found.update(_VARIABLE_AS.findall(page))
    return found


#: "CHARLS is a database that ...": a sentence that opens with the name and says what kind of
#: body, product or resource it is.
_WHAT_IT_IS = lazyre.compile(
    r"(?:^[ \t]*|(?<=[.!?]\s))[*_]*([A-Z][A-Z0-9]{1,7})[*_]*\s+is\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:project|company|firm|organi[sz]ation|program(?:me)?|database|website|web\s+site|library|package|service"
    r"|network|platform|consortium|initiative|registry|repository|society|foundation|charity|agency|journal"
    r"|magazine|newsletter|conference|mailing\s+list|discussion\s+group|archive|series|suite)\b", re.M)


def what_it_is_definitions(prose: str) -> set[str]:
    """Names a sentence opens with to say what kind of thing they are ("CHARLS is a database
    that stores survey data", "MEDSTATS is a mailing list"): the reader is told what the name
    stands for, as by an appositive; a disease ("COPD is a lung disease") is not such a thing."""
    return set(_WHAT_IT_IS.findall(prose))


#: A picture credit: "Picture Library/AKG", "Photo: Reuters", "Image courtesy of NASA".
_CREDIT = lazyre.compile(r"\b(?i:(?:photo|picture|image)s?\s+(?:library|credit|courtesy|agency)|photo(?:graph)?\s*:|"
                         r"credit\s*:|courtesy\s+of|getty\s+images)|\u00a9")
CREDIT_WORDS = 20


def credit_line(prose: str, block: tuple[int, int] | None) -> bool:
    """True if the block is a short picture credit (at most CREDIT_WORDS words naming a
    photo library, "Photo:", "Credit:", "courtesy of", a copyright sign): it names the
    agency as it signs, not a term the reader must learn."""
    if block is None:
        return False
    text = prose[block[0]:block[1]]
    return len(text.split()) <= CREDIT_WORDS and bool(_CREDIT.search(text))


#: Marks of a postal or contact address: labelled fields, a phone number, a postcode label.
_ADDRESS_MARK = lazyre.compile(
    r"\b(?i:address(?:es)?|phone|tel|telephone|fax|city|correspondence|e-?mail|website|zip|postcode|CEP)\s*:|\(\+\d{1,3}\)|\+\d{1,3}[ \t]?\d"
    r"|[\w.+-]+@[\w-]+\.[\w.]+")
ADDRESS_WORDS = 80


def address_block(prose: str, block: tuple[int, int] | None) -> bool:
    """True if the block is a contact or postal address (at most ADDRESS_WORDS words with two
    or more of: labelled fields such as 'Address:', 'Phone:', 'City:', 'Correspondence:', a
    phone number, an e-mail address): its state and postcode abbreviations (``São Paulo/SP``,
    ``CEP``) are the post's, not terms of the page."""
    if block is None:
        return False
    text = prose[block[0]:block[1]]
    return len(text.split()) <= ADDRESS_WORDS and len(_ADDRESS_MARK.findall(text)) >= 2


#: Words after a name that make it a gene's symbol (HGNC's approved symbols are the names genes go
#: by in text: "the GC gene", "MTHFR polymorphisms", "CFH Y402H genotype").
_GENE_WORDS = r"(?:genes?|genotypes?|genotyping|alleles?|polymorphisms?|haplotypes?|SNPs?|gene[ \t]+variants?)\b"
_GENE_AFTER = lazyre.compile(r"([A-Z](?<!\w[A-Z])[A-Z0-9]{1,7})(?:[ \t]+[A-Z]\d+[A-Z])?[ \t]+" + _GENE_WORDS)
#: A list of names that ends with "genes": "GC, CYP2R1 and DHCR7 genes".
_GENE_LIST = lazyre.compile(
    r"[A-Z](?<!\w[A-Z])[A-Z0-9-]{1,9}(?:(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)[A-Z][A-Z0-9-]{1,9}){1,8}"
    r"[ \t]+(?:genes|gene[ \t]+variants|polymorphisms|genotypes)\b")


def gene_symbols(prose: str) -> set[int]:
    """Offsets of tokens written as a gene's symbol: followed by *gene*, *genotype*, *allele*,
    *polymorphism*, *haplotype*, *SNP* (past a variant code: ``CFH Y402H genotype``), or one of a
    list ending with *genes* (``GC, CYP2R1 and DHCR7 genes``). The symbol is the gene's name
    (the rule already passes symbols with digits, CYP24A1); the text says what it names. Only
    that use passes: a later use alone, as the protein, is still read."""
    found = {m.start(1) for m in _GENE_AFTER.finditer(prose)}
    for m in _GENE_LIST.finditer(prose):
        found.update(t.start() for t in _CAPS_TOKEN.finditer(prose, m.start(), m.end()))
    return found


#: A run of text with no blank in it that is a path or an address: a slash and a domain or a
#: file's extension ("example.edu/~kim/teaching/WBI/power.html").
_PATHLIKE = lazyre.compile(r"/.*[a-z0-9]\.[a-z]{2,5}\b|[a-z0-9]\.[a-z]{2,5}\b.*/", re.S)
#: A quoted token in a list of quoted values, as code writes them: c("UM", "UM", "H").
_QUOTED_ITEM_BEFORE = lazyre.compile(r"(?:[\"'][ \t]*,[ \t]*|[(\[][ \t]*)[\"']$")
_QUOTED_ITEM_AFTER = lazyre.compile(r"[\"'](?:[ \t]*,[ \t]*[\"']|[ \t]*[)\]])")


#: What ends a run of a path: a blank, a tag's or a link's brackets, a quotation mark (a link's
#: text "[IRB](https://example.org/irb)" is no part of its address).
_RUN_STOPS = frozenset(" \t\n\r<>[]()\"'")


def code_like(prose: str, text: str, start: int, end: int) -> bool:
    """True if the token is part of a path or web address written without its scheme
    (``example.edu/\\~kim/WBI/power.html``: read from the source *text*, whose escapes the
    prose view blanks, up to a blank, a bracket or a quotation mark), or a quoted value in a
    list of them (``c("UM", "UM", "H")``): code or an address, with no long form to give."""
    a, b = start, end
    while a > 0 and text[a - 1] not in _RUN_STOPS and start - a < 200:
        a -= 1
    while b < len(text) and text[b] not in _RUN_STOPS and b - end < 200:
        b += 1
    if "/" in text[a:b] and _PATHLIKE.search(text, a, b):
        return True
    return bool(_QUOTED_ITEM_BEFORE.search(prose, max(0, start - 6), start) and _QUOTED_ITEM_AFTER.match(prose, end))
