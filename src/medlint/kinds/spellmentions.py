"""Places where an unknown word with no sure correction is mentioned rather than misspelt:
a software name beside the software it belongs to, a phrase in another language, a name
starting a citation, a commenter's handle, a symbol a formula defines, a part of an address.

Each test here is asked only of a lower-case word the speller has no sure correction for
(see :func:`medlint.kinds.spellcontext.why_not_a_typo`): a slip of an ordinary word nearly
always has one, so these places excuse names and foreign words without hiding typos.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Callable

from .. import lazyre
from ..document import Document
from ..medical.speller import fold_accents

if TYPE_CHECKING:
    from ..markup.model import Block

#: Software a name in prose often belongs to: the word just before or after one of these
#: ("the R interface (rjagzx)", "ggplot2 shapex", "the jdoex github site") is that software's
#: package, command or file, not a slip.
SOFTWARE_MARKERS = frozenset((
    "R", "SAS", "SPSS", "Stata", "STATA", "Python", "JAGS", "BUGS", "WinBUGS", "OpenBUGS", "CRAN", "GitHub", "github",
    "Github", "RStudio", "Bioconductor", "LaTeX", "Markdown", "markdown", "RMarkdown", "Quarto", "Hugo", "ggplot2",
    "Jupyter", "MATLAB", "Matlab", "PowerShell", "npm", "pip", "conda", "Java", "JavaScript", "SQL", "git", "Git",
))
#: Nouns that say a word names a thing of software when the word has no sure correction
#: ("the tapplyx function", "a format like slidyx", "the run initzx button"); with a sure
#: correction the word is judged as any word ("liver funtcion" is reported by its noun,
#: "the kidnye function" by its own).
TOOL_NOUNS = frozenset((
    "function", "functions", "procedure", "procedures", "format", "formats", "engine", "engines", "button",
    "buttons", "option", "options", "repository", "repositories", "site", "website", "channel", "operator",
    "operators", "argument", "arguments", "interface", "tutorial", "vignette", "template", "theme", "themes",
    "keyword", "keywords", "menu", "tab", "dialog", "toolbar", "tag", "tags", "variable", "variables", "dataset",
    "datasets",
))
_WORD = lazyre.compile(r"[A-Za-z][\w'\u2019+]*")
#: Between a word and its neighbour: spaces, brackets, quotes; no sentence end or comma.
_GAP = r"[ \t\"'\u201c\u201d\u2018\u2019()\[\]*_`]*"
_NEXT = lazyre.compile(_GAP + r"([A-Za-z][\w+]*)")
#: Software before the word counts with a bracket or quote between ("within R (rjagzx)"):
#: a bare word after it is as often the sentence going on ("JavaScript tsesx").
_PREVIOUS = lazyre.compile(r"([A-Za-z][\w+]*)[ \t]*[\"'\u201c\u2018(\[`][ \t\"'\u201c\u2018(\[`*_]*\Z")
#: A comma-separated run of names ending in a noun ("qfoox, qbarx, and qbazx functions").
_LIST_THEN_NOUN = lazyre.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?[A-Za-z][\w.]{0,29}){1,12}[ \t]+([A-Za-z]+)")
#: "the noun like/such as x", "a noun, x": the noun introduces the name.
_NOUN_INTRODUCES = lazyre.compile(r"([A-Za-z]+)[ \t]*(,|:|[ \t]like|[ \t]such[ \t]+as)?[ \t]*\Z")
#: ", the R package for ...", ", a package that ...": an apposition naming what the word is.
_APPOSITION = lazyre.compile(r"[ \t]*,[ \t]+(?:an?|the|its|our)[ \t]+(?:[\w-]+[ \t]+){0,2}?([A-Za-z]+)\b")


def beside_software(prose: str, start: int, end: int, strong_nouns: frozenset[str]) -> bool:
    """The word stands next to the name of software it belongs to, or a noun of software
    (strong ones: package, library...; or tool nouns: function, format, button...) names it:
    after it, before it (a tool noun only with "like", "such as", a comma or a colon
    between), closing a list it is in, or in an apposition ("x, the R package for ...")."""
    if _near_marker(prose[start:end]):
        return False  # "girhubx": a slip of the software's own name
    nouns = strong_nouns | TOOL_NOUNS
    m = _NEXT.match(prose, end)
    if m and (m.group(1) in SOFTWARE_MARKERS or m.group(1).lower() in nouns):
        return True
    window = max(0, start - 60)
    m = _PREVIOUS.search(prose, window, start)
    if m and m.group(1) in SOFTWARE_MARKERS:
        return True
    m = _NOUN_INTRODUCES.search(prose, window, start)
    # a tool noun right before the word is as often the sentence going on ("variables namedx",
    # "modules wichx"): it introduces a name only with "like", "such as", a comma or a colon
    if m and (m.group(1).lower() in strong_nouns or (m.group(2) and m.group(1).lower() in TOOL_NOUNS)):
        return True
    m = _LIST_THEN_NOUN.match(prose, end)
    if m and m.group(1).lower() in nouns:
        return True
    m = _APPOSITION.match(prose, end)
    return bool(m and (m.group(1).lower() in strong_nouns or m.group(1) in SOFTWARE_MARKERS))


def _near_marker(word: str) -> bool:
    """One edit (a letter changed, added, dropped or two swapped) from a software name."""
    lower = word.lower()
    for marker in _lower_markers():
        if abs(len(marker) - len(lower)) > 1 or marker == lower:
            continue
        if len(marker) == len(lower):
            diff = [i for i in range(len(lower)) if lower[i] != marker[i]]
            if len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and lower[diff[0]] == marker[diff[1]] and lower[diff[1]] == marker[diff[0]]):
                return True
        else:
            short, long_ = sorted((lower, marker), key=len)
            if any(long_[:i] + long_[i + 1:] == short for i in range(len(long_))):
                return True
    return False


@functools.lru_cache(maxsize=1)
def _lower_markers() -> frozenset[str]:
    return frozenset(m.lower() for m in SOFTWARE_MARKERS if len(m) >= 5)


#: Short words of German, French, Spanish, Portuguese and Italian that English does not use
#: (those it also uses, as "die", "con", "per", "van", "al" and "et" of "et al.", are left out).
FOREIGN_FUNCTION_WORDS = frozenset((
    "und", "der", "zur", "zum", "für", "mit", "von", "dem", "ein", "eine", "nicht", "ist", "das", "auf", "bei", "aus",
    "oder", "sind", "wir", "les", "des", "du", "une", "avec", "pour", "dans", "sur", "aux", "nous", "vous",
    "los", "las", "el", "por", "una", "que", "muy", "pero", "não", "uma", "dos", "muito", "mas", "também",
    "você", "isso", "della", "delle", "degli", "il", "gli", "che", "di", "de", "en", "le", "la", "och", "og", "ikke",
    "het", "een", "voor",
))
#: Letters that English words do not carry (its loanwords are known with accents folded).
_FOREIGN_LETTERS = lazyre.compile(r"[äöüßéèêëàâçôûùõãíóúñìòåøæœłńśźżčřšžąęőűğşıěůć]")
#: Letters no English word carries, not even a loanword (as café, naïve, jalapeño do):
#: a word with one is a word of another language, alone as much as in a phrase ("smørbrødx").
_NON_ENGLISH_LETTERS = lazyre.compile(r"[ßåøæłńśźżčřšžąęőűğşıěůć]")
#: How many words either side of the word a foreign phrase is looked for in, and how many
#: foreign marks (a function word of another language, a letter English does not use) it needs.
FOREIGN_WINDOW = 4
FOREIGN_MARKS = 2
_LINE_WORDS = lazyre.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _foreign_mark(word: str) -> bool:
    lower = word.lower()
    return lower in FOREIGN_FUNCTION_WORDS or bool(_FOREIGN_LETTERS.search(lower))


def _damaged(word: str) -> bool:
    """A letter beside its own accented form ("peqeñno"): damaged text, not a foreign word."""
    folded = [fold_accents(c) for c in word.lower()]
    return any(a == b and word[i] != word[i + 1] for i, (a, b) in enumerate(zip(folded, folded[1:])))


def foreign_phrase(prose: str, start: int, end: int) -> bool:
    """The word stands in a phrase of another language: it or a word touching it is a
    function word of another language or carries a letter English does not use, and the
    phrase around it (four words either side, same line) has at least two such marks
    ("Klinik für Haut undx Allergologie", "Service de néphrologiex"); or it has a letter
    no English word carries (see :data:`_NON_ENGLISH_LETTERS`)."""
    line_start = prose.rfind("\n", 0, start) + 1
    line_end = prose.find("\n", end)
    line_end = len(prose) if line_end < 0 else line_end
    before = [m.group() for m in _LINE_WORDS.finditer(prose, max(line_start, start - 120), start)][-FOREIGN_WINDOW:]
    after = [m.group() for m in _LINE_WORDS.finditer(prose, end, min(line_end, end + 120))][:FOREIGN_WINDOW]
    word = prose[start:end]
    if _damaged(word):
        return False
    if _NON_ENGLISH_LETTERS.search(word.lower()):
        return True
    touching = [word] + before[-1:] + after[:1]
    if not any(_foreign_mark(w) for w in touching):
        return False
    return sum(map(_foreign_mark, before + [word] + after)) >= FOREIGN_MARKS


#: Words that, lower case and before a full stop, do not end a sentence (abbreviations),
#: so a lower-case word after them is not a sentence's first word.
_ABBREVIATIONS = frozenset((
    "fig", "figs", "no", "nos", "vol", "vols", "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "inc", "ltd", "co",
    "corp", "dept", "univ", "eq", "eqs", "ref", "refs", "tab", "suppl", "ed", "eds", "pp", "p", "ch", "sec", "approx",
    "vs", "cf", "al", "eg", "ie", "etc", "ca", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "ver", "op", "cit", "ibid", "viz", "resp", "min", "max", "avg", "est", "diss", "rev", "med",
))
#: A sentence's end before the word: a capitalised word (a name: "Ana Poirot.", "Poirot
#: J.") or a bracket ("(2024).") and a full stop.
_CAPITAL_SENTENCE_END = lazyre.compile(r"(?:\b([A-Z][A-Za-z'\u2019-]+)|\(([^()\n]{0,30})\))\.[ \t]+\Z")
#: After the word: a colon or a full stop, the title ending at its name ("quorpix: tools for ...",
#: "pkgx. Available at ...").
_TITLE_ENDS = lazyre.compile(r"[ \t]*[:.]")


def lower_case_sentence_start(prose: str, start: int, end: int | None = None) -> bool:
    """A lower-case name opening a citation's title after the authors: after a name and a full
    stop, the title is that name alone (a colon or full stop right after it: "Ana Poirot.
    semtoolx: tools for ...", "Dev Rao. pkgx. Available at ..."); after a bracket holding a
    year or an issue and a full stop ("(2024). vexlar tools", "3(2). pii: ..."), any word.
    English capitalises a sentence's first word, so one written in lower case there is a
    name spelt so. Prose going on after a name ("I asked Dr Jones. hwoever she ...") is a
    sentence, its lower-case first word a slip. Not after abbreviations (Fig., Dr.) nor a
    lone initial ("J. B. ruhlmeyerx" is a name with its first letter lost)."""
    m = _CAPITAL_SENTENCE_END.search(prose, max(0, start - 40), start)
    if not m:
        return False
    if m.group(1) is None:  # a bracket: a year or an issue in it makes it a citation's
        return any(c.isdigit() for c in m.group(2)) or _title_is_the_name(prose, start, end)
    return m.group(1).lower() not in _ABBREVIATIONS and _title_is_the_name(prose, start, end)


def _title_is_the_name(prose: str, start: int, end: int | None) -> bool:
    if end is None:
        end = start
        while end < len(prose) and (prose[end].isalnum() or prose[end] in "_+"):
            end += 1
    return bool(_TITLE_ENDS.match(prose, end))


#: "### handle 16 days ago", "Jane Roe 1 month ago": a comment's author and when it was posted.
_POSTED_AGO = lazyre.compile(r"(?:[ \t]+[A-Z][\w'\u2019-]*){0,2}[ \t|,*_-]*(?:\d+|an?|one)[ \t]+(?:second|minute|hour|day|week|month|year)s?[ \t]+ago\b",
                             re.IGNORECASE)


def commenter_handle(prose: str, start: int, end: int) -> bool:
    """The word heads a comment, before how long ago it was posted ("jdoe77x 3 weeks ago",
    "Janex Roe 1 month ago"): a user's name or handle, which is what its owner typed."""
    line_start = prose.rfind("\n", 0, start) + 1
    # at the line's start, or glued to the comment before it ("...thanks!!!jdoe77x 3 weeks ago")
    opens = not prose[line_start:start].strip(" \t#*_>|-") or (start > 0 and prose[start - 1] in "!.?)\"'")
    return opens and bool(_POSTED_AGO.match(prose, end))


#: A symbol a formula defines: "where x is ...", "Let x represent ...", "the kth power".
_DEFINED_AFTER = lazyre.compile(r"[ \t]+(?:is|are|=|denotes|represents|represent|denote|be|stands)\b")
_DEFINER_BEFORE = lazyre.compile(r"\b(?:where|[Ll]et)[ \t]+\Z")
_INDEX_ORDINAL = lazyre.compile(r"[a-z]th")
_ORDINAL_BEFORE = lazyre.compile(r"\b(?:the|a|an|each|every)[ \t]+\Z", re.IGNORECASE)


def defined_symbol(prose: str, start: int, end: int, word: str) -> bool:
    """A symbol of a formula: defined in the sentence ("where pbarx is the mean", "Let nijx
    represent the count") or an index's ordinal ("the kth power", "the ith study")."""
    if _INDEX_ORDINAL.fullmatch(word) and _ORDINAL_BEFORE.search(prose, max(0, start - 8), start):
        return True
    return bool(_DEFINER_BEFORE.search(prose, max(0, start - 8), start)) and bool(_DEFINED_AFTER.match(prose, end))


_ADDRESS_PARTS = lazyre.compile(r"[a-z0-9]+")
_BARE_ADDRESS = lazyre.compile(r"https?://[^\s<>\"')\]]+|www\.[^\s<>\"')\]]+", re.IGNORECASE)
#: "www.example.es / pathx": a part of an address written with spaces round its slash.
_HOST_SLASH_BEFORE = lazyre.compile(r"(?:www\.|https?://)?[\w-]+(?:\.[\w-]+)+[ \t]*/[ \t]*\Z")


#: "/starter-academic" after "ownerx": a repository named owner/repository, its name hyphenated.
_REPOSITORY_AFTER = lazyre.compile(r"/[A-Za-z0-9][\w.]*-[\w.-]+")


def address_part(doc: Document, start: int, end: int, word: str) -> bool:
    """The word is a whole part of an address the page links to or writes out (a host
    label, a path segment: the user in ``github.com/jdoex/...``, a site ``rudx.is``), follows
    a host and a spaced slash, or owns a repository (``ownerx/starter-site``): the name of a
    site, user or repository."""
    if _HOST_SLASH_BEFORE.search(doc.text, max(0, start - 80), start):  # the reader may blank the host
        return True
    if _REPOSITORY_AFTER.match(doc.prose, end):
        return True
    parts = doc.cache.get("spelling-address-parts")
    if parts is None:
        targets = [link.target for link in doc.links if link.target]
        targets += _BARE_ADDRESS.findall(doc.text)
        parts = doc.cache["spelling-address-parts"] = {
            p for target in targets for piece in re.split(r"[/?#&=]", target.lower())
            for p in ([piece] + piece.split(".")) if p and p.isalpha()}
    return word.lower() in parts and bool(_ADDRESS_PARTS.fullmatch(word.lower()))


#: A lead-in that says a list names software: "R packages I use:", "## Libraries", "Install these tools".
#: Not "function" nor "application": a list of symptoms of poor kidney function is no software's.
_PROGRAM_LEAD = lazyre.compile(r"\b(?:packages?|librar(?:y|ies)|software|programs?|apps?|tools?|extensions?"
                               r"|plug-?ins?|add-?ins?|modules?|install(?:ed|ing)?)\b", re.IGNORECASE)
#: A sentence's end inside a lead-in: only its last sentence leads into the list.
_LEAD_SENTENCE_END = lazyre.compile(r"[.!?][ \t\n]+(?=\S)")
#: The most siblings of an item looked at, either side.
SIBLINGS = 12
_ITEM_TRIM = " \t\r\n*_`+-.,;:"
#: Between two items of one list: white space and list markers ("- ", "2. ", "+ ").
_BETWEEN_ITEMS = lazyre.compile(r"(?:\s|[-*+>]|\d{1,3}[.)])*")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def single_word_item(doc: Document, start: int, end: int, known: Callable[[str], bool] | None = None) -> bool:
    """The word is all of a list item's text, a comma or full stop aside (``+ tinytexx``), in a
    list of names: one the lead-in before it says is of software ("Packages I use:", a heading
    "Libraries"), or one most of whose items are names, this one among them (the others
    unknown to *known* and no slip of a known word). A list of symptoms, foods or steps is
    a list of words, and a word in it no speller knows is a slip ("Common symptoms:" /
    "- headake")."""
    block = doc.block_at(start)
    if block is None or block.kind not in ("list-item", "li"):
        return False
    if _item_text(doc, block).lower() != doc.prose[start:end].lower():
        return False
    index = doc.block_index(block)
    if index is None:
        return False
    first, last = _list_run(doc, index)
    lead = _lead_in(doc, first)
    if lead and _PROGRAM_LEAD.search(lead):
        return True
    if known is None:
        return False
    siblings = [_item_text(doc, b) for b in doc.blocks[max(first, index - SIBLINGS):min(last, index + SIBLINGS) + 1]
                if b is not block and b.kind == block.kind]
    if not siblings:
        return False
    # most items are names, this one (no sure correction) among them: 2 of 3, 3 of 5
    judged = doc.cache.setdefault("spelling-name-like-items", {})
    total, names, others = 1 + len(siblings), 1, 0
    for item in siblings:  # (stopping once the count is settled)
        if item not in judged:
            judged[item] = _name_like(item, known)
        names, others = (names + 1, others) if judged[item] else (names, others + 1)
        if 2 * names > total or 2 * others >= total:
            break
    return 2 * names > total


def _item_text(doc: Document, block: "Block") -> str:
    return doc.prose[block.start:block.end].strip(_ITEM_TRIM)


def _list_run(doc: Document, index: int) -> tuple[int, int]:
    """The indices of the first and last item of the list the block at *index* is in: the
    items of its kind around it with only white space or list markers between them."""
    first = last = index
    blocks, prose = doc.blocks, doc.prose

    def joined(a: "Block", b: "Block") -> bool:
        return a.kind == b.kind and bool(_BETWEEN_ITEMS.fullmatch(prose, a.end, b.start))

    while first > 0 and joined(blocks[first - 1], blocks[first]):
        first -= 1
    while last + 1 < len(blocks) and joined(blocks[last], blocks[last + 1]):
        last += 1
    return first, last


def _lead_in(doc: Document, first: int) -> str:
    """The text of the block (a paragraph or a heading) just before the list starting at block *first*."""
    if first <= 0:
        return ""
    before = doc.blocks[first - 1]
    text = doc.prose[before.start:before.end][-200:]
    ends = [m.end() for m in _LEAD_SENTENCE_END.finditer(text)]
    return text[ends[-1]:] if ends else text


def _name_like(item: str, known: Callable[[str], bool]) -> bool:
    """An item that is one word no speller knows and no slip of a known word (a letter
    changed, added, dropped or two swapped): a name, as a package's is."""
    word = item.lower()
    if not word.isalpha() or known(word) or known(item):
        return False
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    edits |= {a + c + b for a, b in splits for c in _LETTERS}
    edits.discard(word)
    return not any(known(e) for e in edits)


#: After a capitalised word at a sentence start, what makes it a name: a noun of a site or
#: software ("Healthdocx website"), or a given name and initials after a comma, surname first
#: ("Quennelx, Marta L. (2001)").
_CAPITAL_NAME_AFTER = lazyre.compile(
    r"[ \t]+(?:website|site|blog|app|software|package|library|toolbox|forum|wiki)\b"
    r"|,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z]\.)+")


#: Before a capitalised word, a label that credits a person (a photo credit, a signature,
#: a contact line): "Photo: Marta Quell", "Courtesy of ...", "Correspondence: Dr ...".
_CREDIT_BEFORE = lazyre.compile(
    r"\b(?:photo(?:graph)?|image|picture|illustration|credits?|courtesy(?:[ \t]+of)?|authors?|posted[ \t]+by"
    r"|written[ \t]+by|correspondence|contact|reviewers?|editors?|signed)[ \t]*[:\u2014\u2013-]?[ \t]*"
    r"(?:[A-Z][a-z'\u2019-]+[ \t]+)?\Z", re.IGNORECASE)


def capitalised_name_place(prose: str, start: int, end: int) -> bool:
    """A capitalised word a name's place marks: a noun of a site or software after it, a given
    name and initials after it (surname first), or a credit label before it."""
    return bool(_CAPITAL_NAME_AFTER.match(prose, end)) or bool(
        _CREDIT_BEFORE.search(prose, max(0, start - 60), start))


_ELONGATED = lazyre.compile(r"(\w)\1{3,}|(\w)\2{2,}\Z")


def elongated(word: str) -> bool:
    """A letter held for effect ("soooo", "ummm", "thankssss"): four in a row, or three
    ending the word. A slip doubles a letter or triples one inside a word ("efffector")."""
    return bool(_ELONGATED.search(word.lower()))


#: The longest word taken as an abbreviation by the full stop after it.
ABBREVIATED_LENGTH = 6
_STOP_WITHOUT_SENTENCE_END = lazyre.compile(r"\.[ \t]*(?:[-\u2013\u2014]|[a-z])")


def abbreviated(prose: str, end: int, word: str) -> bool:
    """A short word with a full stop that ends no sentence (what follows is lower case or a
    dash: "handbx. - 3rd edition", "persx. comm."): an abbreviation. Not before a number or a
    bracket, where a citation's "et al." slip stands ("Vance etulx. 2002")."""
    return len(word) <= ABBREVIATED_LENGTH and bool(_STOP_WITHOUT_SENTENCE_END.match(prose, end))


#: A name in a list of names, before the word: ", Given " (the word is the surname); after
#: it: ", Given Surname" and a comma or "&"/"and" ("..., Rana kowalczykx, Omar Haddad, ...").
_NAME_LIST_BEFORE = lazyre.compile(r"(?:,|&|\band)[ \t]+[A-Z][a-z'\u2019-]+[ \t]+\Z")
_NAME_LIST_AFTER = lazyre.compile(r"[ \t]*\d{0,2}[*,][ \t]*[A-Z][a-z'\u2019-]+(?:[ \t]+[A-Z][a-z'\u2019-]+){1,2}[ \t]*\d{0,2}[ \t]*(?:,|&|\band\b)")


def in_name_list(prose: str, start: int, end: int) -> bool:
    """A lower-case word after a given name, inside a comma-separated list of names (an
    author list written with one surname in lower case): that surname."""
    return bool(_NAME_LIST_BEFORE.search(prose, max(0, start - 40), start)) and bool(_NAME_LIST_AFTER.match(prose, end))


#: A letter set apart by emphasis just before the word ("**h** epaticx **v** ein", "<b>v</b> einx"):
#: the word's first letter, bolded to spell out an acronym.
_EMPHASISED_INITIAL = lazyre.compile(r"(?:(\*\*|__|\*|_)[A-Za-z]\1|<(b|strong|em|i|u)>[A-Za-z]</\2>)[ \t]*\Z",
                                     re.IGNORECASE)


def after_emphasised_initial(text: str, start: int) -> bool:
    """The rest of a word whose first letter is emphasised apart to spell out an acronym."""
    return bool(_EMPHASISED_INITIAL.search(text, max(0, start - 20), start))


#: The longest quotation (in words) whose word, used again on the page, is taken as mentioned
#: rather than used (a word alone in quotation marks is mentioned anyway).
QUOTED_WORDS = 3
_QUOTE_OPEN_BEFORE = lazyre.compile(r"(?:^|(?<=[\s(\[]))([\"\u201c\u2018'])((?:[^\W\d_][\w'\u2019-]*[ \t,.!?]*){0,2})\Z",
                                    re.MULTILINE)
_CLOSING = {'"': '"', "\u201c": "\u201d", "\u2018": "\u2019", "'": "'"}


def quoted_mention(prose: str, start: int, end: int, text: str | None = None) -> bool:
    """The word is quoted as a term, name or sound the writer mentions rather than uses: alone
    in its quotation marks (a variable named "tmpx", the term "balnex"), or in a quotation of
    at most three words when the page has the word again, in its prose, title or code (*text*,
    the page's whole text; the prose when not given): the "human zorvesomex" of a page about
    it. A slip inside a short quoted phrase ('the "vitamin defficency" problem') is still a
    slip: the phrase is used, not its one odd word named."""
    m = _QUOTE_OPEN_BEFORE.search(prose, max(0, start - 40), start)
    if not m:
        return False
    close = _CLOSING[m.group(1)]
    rest = re.match(r"((?:[ \t,.!?]*[^\W\d_][\w'\u2019-]*){0,%d})[ \t,.!?]*" % (QUOTED_WORDS - 1), prose[end:end + 60])
    after = end + (rest.end() if rest else 0)
    if prose[after:after + 1] != close or (close == "'" and prose[after + 1:after + 2].isalpha()):
        return False
    inside = prose[m.start(1) + 1:after]
    count = len(re.findall(r"[^\W\d_]+", inside))
    if count == 1:
        return True
    return count <= QUOTED_WORDS and _used_elsewhere(prose if text is None else text, start, end)


def _used_elsewhere(text: str, start: int, end: int) -> bool:
    """*text* has the word at *start* again, elsewhere (as a word, or in an address or slug)."""
    pattern = r"(?<![^\W_])%s(?![^\W_])" % re.escape(text[start:end])
    return any(m.start() != start for m in re.finditer(pattern, text, re.IGNORECASE))


#: After a reference's surname: initials and a comma, full stop or "et al." ("Moradi-lakehx A,").
_INITIALS_AFTER = lazyre.compile(r"[ \t]+[A-Z]{1,3}\d*[ \t]?(?:[,.;:(]|[ \t]*et[ \t]+al\b|[ \t]*$)", re.MULTILINE)
_CAPITAL_PART_BEFORE = lazyre.compile(r"\b[A-Z][a-z'\u2019]+-\Z")


def surname_part(prose: str, start: int, end: int) -> bool:
    """The lower-case part of a hyphenated surname in a reference (``Moradi-lakehx A,``): a
    capitalised part before the hyphen, initials after the name."""
    return bool(_CAPITAL_PART_BEFORE.search(prose, max(0, start - 30), start)) and bool(_INITIALS_AFTER.match(prose, end))
