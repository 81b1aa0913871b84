"""Where an unknown word is not a slip: the shapes and places that mark a name, code or a
deliberate term rather than a typo.

An editor reading an unknown word asks two questions: is it close to a word the
writer surely meant (a *sure* correction, see :meth:`Speller.suggestions`), and
does the place it stands in say what it is?  A typo is an ordinary word with a
slip in it, so it nearly always has a sure correction, stands once, and stands in
running prose.  Names, commands and terms are none of these: a capitalised word
with no sure correction is a name (author, place, product); a word written as a
function call or a dot-file is code; a word named by the noun after it ("the
seaborn library") is software; a link's text that is a token of the link's own
address names the page or site; a word the page repeats is the page's own term.
These are judged here, on one page at a time (no site-wide pass), so a one-file
run gives the same answer as a full run.
"""
from __future__ import annotations

import re
from typing import Callable

from .. import lazyre
from ..anchored import find_all
from ..markup.model import HEADING_KINDS
from ..document import Document
from ..medical.speller import Suggestion
from .spellsections import affiliation_line, author_line, machine_translated
from .spellmentions import (abbreviated, address_part, after_emphasised_initial, beside_software, capitalised_name_place, commenter_handle,
                            defined_symbol, elongated, foreign_phrase, in_name_list, lower_case_sentence_start,
                            quoted_mention, single_word_item, surname_part)

#: How many times a page must use an unknown word (with no sure correction) for it to be
#: taken as that page's own term: a slip is seldom made the same way three times.
REPEATED = 3
#: How many times a page must use a term the build screened out of the lists for its closeness
#: to a frequent word (``resistin``, ``pregnane``) for it to be that term: the list is one
#: witness, the page's second use another (a slip is seldom made the same way twice).
SCREENED_REPEATED = 2
#: A capitalised word is reported only with a sure correction that is this long, or that
#: keeps every letter (a swap, a doubled letter): short names sit one edit from many
#: words (Lan/Plan, Bailar/Basilar), long typos of ordinary words do not.
CAPITAL_SURE_LENGTH = 8
#: Nouns that say the word before them names software or code ("the seaborn library",
#: "a yaml header", "the forvalues statement"), or, before the word, introduce it
#: ("the package knitr").  Only nouns that name software: "function", "method" or
#: "file" also follow ordinary words (liver function), where a typo must still be found.
SOFTWARE_NOUNS = frozenset((
    "package", "packages", "library", "libraries", "command", "commands", "statement", "module", "modules",
    "plugin", "plugins", "extension", "toolbox", "framework", "header", "macro", "macros", "syntax", "script",
    "scripts", "software", "app", "api", "cmdlet", "shortcode", "webcomic", "widget", "addin",
))
_NEXT_WORD = re.compile(r"[ \t]*\n?[ \t]*([A-Za-z]+)")
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)[ \t]*\n?[ \t]*\Z")
_URL_TOKENS = re.compile(r"[a-z0-9]+")
_VOWELS = frozenset("aeiouy")


def code_like(prose: str, start: int, end: int) -> bool:
    """Written as code: a call (``survfit(``), a member (``pkg::fun``, ``obj$field``) or a
    dot-file (``.gitignore``, the dot after white space or at the line start)."""
    after = prose[end:end + 2]
    if after[:1] == "(" or after == "::" or after[:1] == "$":
        return True
    before = prose[max(0, start - 2):start]
    if before.endswith("::") or before.endswith("$"):
        return True
    return before.endswith(".") and (len(before) < 2 or before[0].isspace() or before[0] in "(\"'`[")


#: "a new package, broom" / "the R package: magrittr": the noun, a comma or colon, then the name.
_PREVIOUS_WORD_PUNCT = re.compile(r"([A-Za-z]+)[ \t]*[,:]?[ \t]*\n?[ \t]*\Z")
#: "the packages I use: dplyr, ggplot2, and tidyr": a plural software noun, a colon in the same
#: sentence, then a comma-separated run of short names up to the word.
_LIST_INTRO = re.compile(r"\b(?:packages|libraries|modules|plugins|extensions)\b[^.:;\n]{0,80}:"
                         r"(?:[ \t]*[\w.]{1,30},)*[ \t]*(?:and[ \t]+|or[ \t]+)?\Z", re.IGNORECASE)


def named_as_software(prose: str, start: int, end: int) -> bool:
    """The noun after the word (or before it, perhaps with a comma or colon between) says it
    names software or code, or the word stands in a list of names a plural such noun
    introduces ("packages I use: dplyr, tidyr")."""
    m = _NEXT_WORD.match(prose, end)
    if m and m.group(1).lower() in SOFTWARE_NOUNS:
        return True
    m = _PREVIOUS_WORD_PUNCT.search(prose, max(0, start - 40), start)
    if m and m.group(1).lower() in SOFTWARE_NOUNS:
        return True
    return bool(_LIST_INTRO.search(prose, max(0, start - 400), start))


def written_as_code_on_page(doc: Document, word: str) -> bool:
    """The page writes *word* as code somewhere (``library(knitr)``, ``install.packages("dplyr")``,
    ```knitr```, ``knitr::knit``, ``import seaborn`` opening a line, never "from scurvey" in
    prose), or uses it as a name in its code (``gsub(x)`` or ``cluster sdmvpsu;`` in a code
    block, ``pc.plot(x, ulabs)`` in inline code): a name of software, a function or a variable,
    so the same word in prose ("the gsub function", "the variable sdmvpsu") is that name, not a slip."""
    w = re.escape(word)
    if word[:1].isalpha() and word[-1:].isalnum():
        if _code_form_in_text(doc, word):
            return True
    elif _may_be_written_as_code(doc, word) and re.search(
            rf"(?:\b(?:library|require|requireNamespace|install\.packages)\([\"']?{w}\b"
            rf"|^[ \t]*(?:import|from)[ \t]+{w}\b|`{w}`|\b{w}::)", doc.text, re.MULTILINE):
        return True
    code = code_text(doc)
    lowered = _ascii_lower(doc, code)
    if not code or (lowered and word.isascii() and word.lower() not in lowered):
        return False  # no code, or none holding the word in any case (most pages: no pattern to compile)
    return bool(re.search(rf"(?<![\w'\u2019]){w}(?![\w'\u2019])", code, re.IGNORECASE))


def _ascii_lower(doc: Document, code: str) -> str:
    """The page's code in lower case when it is all ASCII, else empty (no test): in ASCII code,
    an ASCII word the case-blind pattern finds is a substring of it (no Kelvin sign, no long s)."""
    key = "spelling-code-lower"
    found = doc.whole.cache.get(key)
    if found is None:
        found = doc.whole.cache[key] = code.lower() if code.isascii() else ""
    return found


#: The calls that load a package: ``library(knitr)``, ``install.packages("dplyr")``.
_LOADERS = ("library", "require", "requireNamespace", "install.packages")


def _code_form_in_text(doc: Document, word: str) -> bool:
    """Whether the page's text writes *word* (a letter first, a letter or digit last) in one
    of the code forms of :func:`written_as_code_on_page`: loaded (``library(knitr)``, the
    call name at a word boundary, ``\\b`` after the word), imported at a line's start,
    in backticks, or before ``::`` at a word boundary. The same answer as that function's
    pattern (``\\b`` beside a word character is a neighbour that is none: not alphanumeric
    nor ``_``), found from the places of plain substrings instead of trying four forms at
    every character of the page."""
    text = doc.text
    if f"`{word}`" in text:
        return True
    if any(_word_boundary_before(text, i) for i in find_all(text, f"{word}::")):
        return True
    for opener in ("(", "(\"", "('"):
        for i in find_all(text, opener + word):
            if _word_boundary_after(text, i + len(opener) + len(word)) and any(
                    text.endswith(name, 0, i) and _word_boundary_before(text, i - len(name)) for name in _LOADERS):
                return True
    return any(text.startswith(word, end) and _word_boundary_after(text, end + len(word))
               for end in _import_ends(doc))


def _word_boundary_before(text: str, i: int) -> bool:
    """``\\b`` before a word character at *i*: the text starts there or no word character precedes."""
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")


def _word_boundary_after(text: str, i: int) -> bool:
    """``\\b`` after a word character ending at *i*: the text ends there or no word character follows."""
    return i >= len(text) or not (text[i].isalnum() or text[i] == "_")


def _import_ends(doc: Document) -> list[int]:
    """Where the name of each import line of the page starts (see :data:`_IMPORT_LINE`), read once."""
    imports = doc.cache.get("spelling-import-lines")
    if imports is None:
        imports = doc.cache["spelling-import-lines"] = [m.end() for m in _IMPORT_LINE.finditer(doc.text)]
    return imports


#: A line opening with ``import`` or ``from``, up to the name it imports.
_IMPORT_LINE = lazyre.compile(r"^[ \t]*(?:import|from)[ \t]+", re.MULTILINE)


def _may_be_written_as_code(doc: Document, word: str) -> bool:
    """Whether the page holds what each form of :func:`written_as_code_on_page`'s pattern
    needs around *word* (plain substring tests, and the page's import lines read once):
    that pattern tries four forms at every character of the page, for every unknown word."""
    text = doc.text
    if (f"({word}" in text or f"(\"{word}" in text or f"('{word}" in text or f"`{word}`" in text
            or f"{word}::" in text or word[:1] in " \t"):
        return True
    return any(text.startswith(word, end) for end in _import_ends(doc))


#: Code in a page's text: fenced blocks, inline code, and HTML ``pre`` and ``code`` elements.
_CODE_SPANS = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1|`[^`\n]+`|<(pre|code)\b[^>]*>.*?</\2[ \t]*>",
                         re.DOTALL | re.MULTILINE | re.IGNORECASE)
#: A Markdown line indented four columns: code, when none of it is prose (the reader said so)
#: and it holds no tag or address (an indented HTML line's attributes and links are not code).
_INDENTED_LINE = re.compile(r"^(?: {4}|\t)[^\n]*\S[^\n]*", re.MULTILINE)
_NOT_CODE_LINE = re.compile(r"<|://")


def code_text(doc: Document) -> str:
    """The text of the page's code (see :data:`_CODE_SPANS`; indented Markdown code lines too),
    read once per page and only when an unknown word asks."""
    whole = doc.whole
    found = whole.cache.get("spelling-code-text")
    if found is None:
        text, prose, body = whole.text, whole.prose, whole.body_start  # front matter is no code
        parts = [m.group() for m in _CODE_SPANS.finditer(text, body)]
        if whole.format == "markdown":
            parts += [m.group() for m in _INDENTED_LINE.finditer(text, body)
                      if not prose[m.start():m.end()].strip() and not _NOT_CODE_LINE.search(m.group())]
        found = whole.cache["spelling-code-text"] = "\n".join(parts)
    return found


#: "pii: S0261-5614(13)00051-4", "ajcn.051664": a label or journal code and the identifier
#: it introduces (four or more digits, letters, dashes and brackets, no space after a dot).
_IDENTIFIER_AFTER = re.compile(r"(?::[ \t]*[A-Z0-9][A-Za-z0-9()\-]{3,}|\.[0-9]{4,})")


def labels_identifier(prose: str, start: int, end: int) -> bool:
    """Lower case and directly followed by an identifier of four or more digits
    (``pii: S0022...``, ``ajcn.051664``): a citation's label or journal code, not prose.
    A typo of an ordinary word is seldom glued to a number of that shape."""
    if not prose[start:end].islower():
        return False
    m = _IDENTIFIER_AFTER.match(prose, end)
    return bool(m and sum(c.isdigit() for c in m.group()) >= 4)


#: The time nouns before "olds" in "five year olds", "18-month-olds".
_AGE_UNIT = re.compile(r"(?:year|month|week|day)s?[ \t-]\Z", re.IGNORECASE)


def age_noun(prose: str, start: int, word: str) -> bool:
    """"olds" after a time noun ("27-66 year olds"): the plural noun of an age, which word
    lists leave out because "old" is an adjective."""
    return word.lower() == "olds" and bool(_AGE_UNIT.search(prose, max(0, start - 8), start))


def names_its_target(doc: Document, start: int, word: str) -> bool:
    """The word is the whole text of a link, or a token of a text with no space in it
    (``[parisk/skel](https://github.com/parisk/skel)``), and a token of the link's address or
    reference label (``[openrefine](http://x.org/openrefine/)``, ``[xml](.../wiki/XML)``,
    ``[qgis][qgis-site]``): the name of what it links to, not prose."""
    link = doc.link_text_at(start)
    if link is None or not link.text:
        return False
    text = link.text.strip().lower()
    if text != word.lower() and (any(c.isspace() for c in text) or word.lower() not in _URL_TOKENS.findall(text)):
        return False  # a word of the link's text, unless the text is one run such as "parisk/skel"
    tokens = set(_URL_TOKENS.findall(link.target.lower()))
    if link.label:
        tokens.update(_URL_TOKENS.findall(link.label.lower()))
    return word.lower() in tokens


def reference_to_itself(text: str, start: int, end: int) -> bool:
    """``[qgis][qgis-site]`` written out even when the reference is not defined: the word is
    the link's whole text and a token of its label."""
    if start < 1 or text[start - 1] != "[" or text[end:end + 2] != "][":
        return False
    close = text.find("]", end + 2, end + 200)
    return close > 0 and text[start:end].lower() in _URL_TOKENS.findall(text[end + 2:close].lower())


_LABEL_BEFORE = re.compile(r"\]\[[^\[\]\n]{0,100}\Z")


def in_reference_label(text: str, start: int, end: int) -> bool:
    """Inside the label of ``[text][label]`` (written out even when undefined): a key, not prose."""
    return bool(_LABEL_BEFORE.search(text, max(0, start - 102), start)) and "]" in text[end:end + 100].split("\n", 1)[0]


def lower_case_paragraph_start(doc: Document, start: int) -> bool:
    """A paragraph that starts with a lower-case word: English capitalises a sentence's first
    word, so one written in lower case there is a name spelt so (``stringr simplifies...``)."""
    block = doc.block_at(start)
    if block is None or block.kind not in ("paragraph", "p"):
        return False
    return doc.prose[block.start:start].strip(" \t\r\n*_\"'(\u201c") == ""


_DESIGNATOR_AFTER = re.compile(r"\.?[ \t]+[A-Z]\d{0,2}(?![\w-])")
#: The longest abbreviation taken as naming a lettered thing (vit D, grp A).
ABBREVIATION_LENGTH = 4


def before_designator(prose: str, start: int, end: int) -> bool:
    """A short word before a lone capital letter (``vit D``, ``vit. B12`` is a code):
    an abbreviation naming a lettered thing, not a slip."""
    return end - start <= ABBREVIATION_LENGTH and bool(_DESIGNATOR_AFTER.match(prose, end))


#: A metric prefix written out before a unit symbol (``microg``, ``nanomol``, ``millil``):
#: how PubMed and older journals write units, not a slip; or the micro sign (``µmol``, ``μg``).
_SPELT_UNIT = re.compile(r"(?:micro|nano|pico|milli|centi|kilo|mega|[\u00b5\u03bc])(?:g|l|m|mol|mmol|s|u|iu|eq)"
                         r"|u(?:grams?|mol|mmol|moles?)", re.I)  # "u" for the micro sign in plain ASCII: ugram, umol


def spelt_unit(word: str) -> bool:
    return bool(_SPELT_UNIT.fullmatch(word))


#: The capitalised genus just before an epithet, inside a sentence (after a lower-case
#: word, a comma or an opening bracket): "spiders (Theraphosa blondi)", "of Nigella sativa";
#: not a sentence's first word ("Calcific tendenitis", "The githum site").
_GENUS_BEFORE = re.compile(r"(?:[a-z,;][ \t]+|[(\[])[A-Z][a-z]{2,}[ \t]+\Z")
#: Endings of Latin species epithets (sativa, rhamnosus, blondi, coli, jejuni, aeruginosa,
#: pneumoniae, faecalis, sinensis, oryzae); not -es, an English plural as often.
_EPITHET_ENDING = re.compile(r"(?:i|ae|us|um|is|a|ensis|oides|ella|ii)\Z")


def species_epithet(prose: str, start: int, word: str) -> bool:
    """A lower-case word with a Latin ending right after a capitalised word inside a
    sentence (``Theraphosa blondi``): the epithet of a binomial, genus first, which no
    word list can hold whole. Asked only when the word has no sure correction."""
    return bool(_EPITHET_ENDING.search(word)) and bool(_GENUS_BEFORE.search(prose, max(0, start - 40), start))


#: " (at) host (dot) edu", " [at] host": an e-mail address written out to dodge harvesters.
_SPELT_ADDRESS_AFTER = re.compile(r"[ \t]*[(\[{][ \t]*(?:at|dot)[ \t]*[)\]}][ \t]*[\w-]+", re.I)
_SPELT_ADDRESS_BEFORE = re.compile(r"[\w-][ \t]*[(\[{][ \t]*(?:at|dot)[ \t]*[)\]}][ \t]*\Z", re.I)


def spelt_address(prose: str, start: int, end: int) -> bool:
    """A part of an e-mail address spelt out (``jdoe (at) example (dot) org``): the user
    name, host or domain, with a bracketed "at" or "dot" beside it."""
    return bool(_SPELT_ADDRESS_AFTER.match(prose, end) or _SPELT_ADDRESS_BEFORE.search(prose, max(0, start - 12), start))


_MARKUP_RUN = re.compile(r"([=*_~'^+|])\1+")


def split_by_markup(doc: Document, start: int, end: int) -> bool:
    """A piece of a word cut by markup (``hypochlor<b>aemia</b>``, wiki ``chlor===aemia``):
    a letter stands right before or after the word with only markup between (tags or a
    run of doubled markup signs), so the word is a fragment, not a word of its own."""
    text = doc.text
    i = start
    while i > 0 and not text[i - 1].isspace() and not text[i - 1].isalnum():
        i -= 1
    if 0 < i < start and text[i - 1].isalpha() and doc.is_prose(i - 1) and _markup_between(doc, i, start):
        return True
    j = end
    while j < len(text) and not text[j].isspace() and not text[j].isalnum():
        j += 1
    return end < j < len(text) and text[j].isalpha() and doc.is_prose(j) and _markup_between(doc, end, j)


def _markup_between(doc: Document, start: int, end: int) -> bool:
    return all(not doc.is_prose(k) for k in range(start, end)) or bool(_MARKUP_RUN.fullmatch(doc.text, start, end))


def vowelless(word: str, known: Callable[[str], bool]) -> bool:
    """A short run of consonants (``pcnt``, ``xkcd``, ``ffw``): an abbreviation, a code or
    a variable name, unless a vowel left out makes it a word (``knwn``, ``frst``)."""
    lower = word.lower()
    if len(lower) > VOWELLESS_LENGTH or not lower.isascii() or _VOWELS & set(lower):
        return False
    return not any(known(lower[:i] + v + lower[i:]) for i in range(len(lower) + 1) for v in "aeiouy")


#: The longest vowel-less word taken as an abbreviation.
VOWELLESS_LENGTH = 5


#: Accents of French, Portuguese and other languages that English words do not carry
#: (its loanwords, café and naïve, are known with their accents folded).
_FOREIGN_ACCENTS = frozenset("éèêàâçôûõãî")


def foreign(word: str, found: Suggestion) -> bool:
    """A word with accents English does not use and no English word near it (``générale``):
    a word of another language. Garbled text (``ninños``) usually keeps candidates."""
    return bool(_FOREIGN_ACCENTS & set(word.lower())) and not found.candidates  # accents first: candidates may be dear


_WORDS_BEFORE_PARENTHESIS = re.compile(r"((?:[A-Za-z]+[ \t-]+){1,4})\([ \t]*\Z")


def defined_abbreviation(prose: str, start: int, end: int) -> bool:
    """A short form defined in parentheses after its long form, built from the starts of
    its words (``Information Visualization (infovis)``): the writer's own term."""
    if prose[end:end + 1] != ")":
        return False
    m = _WORDS_BEFORE_PARENTHESIS.search(prose, max(0, start - 80), start)
    if not m:
        return False
    words = re.findall(r"[a-z]+", m.group(1).lower())
    return any(_prefixes_make(prose[start:end].lower(), words[i:]) for i in range(max(0, len(words) - 4), len(words) - 1))


def _prefixes_make(short: str, words: list[str]) -> bool:
    """Whether *short* is a start of each of *words* in turn (two or more), run together."""
    if not words:
        return not short
    first, rest = words[0], words[1:]
    return any(short[:n] == first[:n] and _prefixes_make(short[n:], rest)
               for n in range(1, min(len(first), len(short)) + 1))


def single_word_heading(doc: Document, start: int, end: int) -> bool:
    """The word is all of a heading's text (``## knitr``): a section named after a thing."""
    block = doc.block_at(start)
    if block is None or block.kind not in HEADING_KINDS:
        return False
    text = doc.prose[block.start:block.end].strip(" \t\r\n#*_`")
    return text.lower() == doc.prose[start:end].lower()


#: Words that a run-together slip leaves out ("ofvitamin", "authorshiphas"): a word split
#: into one of these and a known word is a missing space, not a closed compound.
FUNCTION_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have", "he", "her", "his",
    "if", "in", "into", "is", "it", "its", "not", "of", "on", "or", "our", "she", "so", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "to", "was", "we", "were", "which", "who", "will",
    "with", "you"))
#: The shortest part of a closed compound (heat + map, cross + tabulation).
COMPOUND_PART = 3


def closed_compound(word: str, known: Callable[[str], bool]) -> bool:
    """Two known content words written solid (``heatmap``, ``roundtable``, ``tidyverse``):
    a closed compound the vocabulary lacks, as writers coin them, when no correction is
    sure and either none is near or the split into two frequent words is among them
    (``cutpoints``: "cut points" or "outpoints"; the caller asks that: ``con`` + ``tros``
    is a slip of controls);
    a split that leaves out a function word (``ofvitamin``) is a missing space instead."""
    lower = word.lower()
    if not lower.isalpha() or garbled(lower):
        return False
    for i in range(COMPOUND_PART, len(lower) - COMPOUND_PART + 1):
        left, right = lower[:i], lower[i:]
        if left in FUNCTION_WORDS or right in FUNCTION_WORDS:
            continue
        if known(left) and known(right):
            return True
    return False


def compound_over_corrections(word: str, candidates: tuple[str, ...]) -> bool:
    """Whether a closed compound's unsure corrections leave it a compound: there are none
    near, or the split into two frequent words is among them and every one-word correction
    changes a letter (``cutpoints``: "cut points" or "outpoints"; ``fishbone``: "wishbone"
    or "fish bone").  A word that is a correction with a letter added, left out or two
    swapped is that slip (``guncertain`` of uncertain), the commonest kinds."""
    if not candidates:
        return True
    lower = word.lower()
    return any(" " in c for c in candidates) and all(
        " " in c or (len(c) == len(lower) and sorted(c) != sorted(lower)) for c in candidates)


def garbled(word: str) -> bool:
    """Letters no English word is made of: non-ASCII letters (``subjectï``, mojibake and
    OCR damage) or no vowel at all. Such a word is reported however often it
    stands: damage repeats as the text it damaged does (a short run of consonants is
    judged first, by :func:`vowelless`)."""
    return not word.isascii() or not (_VOWELS & set(word.lower()))


def capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


#: Before a capitalised word, what makes it a name the page uses: initials or a title
#: ("Marianne T. Holloway", "M. T. Holloway", "Dr. Holloway"; not one capital and full
#: stop after a lower-case word, "vitamin D."), or a given name inside a sentence
#: ("professor Marianne Holloway", "said, Marianne Holloway").
_NAME_PLACE_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+[ \t]+(?:[A-Z]\.[ \t]*){1,2}|(?<![\w.])(?:[A-Z]\.[ \t]*){2,3}"
                                r"|\b(?:Dr|Mr|Mrs|Ms|Prof)\.?[ \t]+|(?:[a-z]|,)[ \t]+[A-Z][a-z]+[ \t]+)\Z")


def named_on_page(doc: Document, start: int, word: str) -> bool:
    """The page writes *word* elsewhere as a name is written, after an initial, a title or
    a given name ("Dermatologist Marianne T. Holloway of Boston"): at a sentence start
    it is that name, not a slip. Headings do not count (title case capitalises any word)."""
    prose = doc.prose
    for m in re.compile(rf"(?<![\w'\u2019-]){re.escape(word)}(?![\w-])").finditer(prose, doc.body_start):
        if m.start() == start:
            continue
        block = doc.block_at(m.start())
        if block is not None and block.kind in HEADING_KINDS:
            continue
        floor = max(doc.body_start, m.start() - 40, block.start if block is not None else 0)  # in the same block
        if _NAME_PLACE_BEFORE.search(prose, floor, m.start()):
            return True
    return False


def capital_sure(word: str, found: Suggestion, kept: Callable[[str, str], bool]) -> bool:
    """A capitalised word's correction is sure enough to report it: sure, and long or a
    slip that kept every letter (see :data:`CAPITAL_SURE_LENGTH`)."""
    fix = found.fix
    return bool(fix) and (len(word) >= CAPITAL_SURE_LENGTH or kept(word.lower(), fix.lower()))


_WORD_BEFORE_ON_LINE = re.compile(r"([A-Za-z]+)[ \t]+\Z")
_WORD_AFTER_ON_LINE = re.compile(r"[ \t]+([A-Za-z]+)")
#: The shortest Latin neighbour that makes a phrase (bifida, nigra, sensu).
LATIN_NEIGHBOUR = 4


def latin_phrase(prose: str, start: int, end: int, screened: Callable[[str], bool],
                 term_only: Callable[[str], bool]) -> bool:
    """A word the medical or scientific lists hold but the build screened out for its
    closeness to an English word (``spina``, ``substantia``, ``stricto``), beside a word only
    those lists hold (``spina bifida``, ``substantia nigra``, ``stricto sensu``): a Latin
    phrase. Beside an English word it is judged as any word (``spina cord`` is a slip)."""
    before = _WORD_BEFORE_ON_LINE.search(prose, max(0, start - 40), start)
    after = _WORD_AFTER_ON_LINE.match(prose, end)
    neighbours = [m.group(1) for m in (before, after) if m is not None and len(m.group(1)) >= LATIN_NEIGHBOUR]
    return bool(neighbours) and screened(prose[start:end]) and any(term_only(w) for w in neighbours)


def why_not_a_typo(doc: Document, start: int, word: str, repeats: int, found: Callable[[], Suggestion],
                   kept: Callable[[str, str], bool], known: Callable[[str], bool], check_capitals: bool,
                   near_term: Callable[[str], bool] = lambda word: False,
                   screened: Callable[[str], bool] = lambda word: False,
                   term_only: Callable[[str], bool] = lambda word: False) -> str | None:
    """Why the unknown *word* at *start* is a name, code or a term rather than a typo
    (None when it may well be a typo). *found* gives its corrections (asked only when
    needed: a capitalised word, or a place that says it is a name); *repeats* is how
    often the page uses it; *near_term* says whether a listed term is one edit away (an
    epithet one edit from a listed one is its slip); *screened* and *term_only* find Latin
    phrases (see :func:`latin_phrase`)."""
    prose = doc.prose
    end = start + len(word)
    if code_like(prose, start, end):
        return "code"
    if labels_identifier(prose, start, end):
        return "identifier"
    if age_noun(prose, start, word):
        return "term"
    if (names_its_target(doc, start, word) or reference_to_itself(doc.text, start, end)
            or in_reference_label(doc.text, start, end)):
        return "link name"
    if spelt_unit(word):
        return "unit"
    if spelt_address(prose, start, end):
        return "address"
    if split_by_markup(doc, start, end) or after_emphasised_initial(doc.text, start):
        return "fragment"
    if surname_part(prose, start, end):
        return "name"
    if machine_translated(doc, start):
        return "foreign"
    if author_line(doc, start) or affiliation_line(doc, start):
        return "name"
    if capitalised(word):
        if not check_capitals and (not capital_sure(word, found(), kept) or named_on_page(doc, start, word)
                                   or commenter_handle(prose, start, end) or capitalised_name_place(prose, start, end)):
            return "name"
        return None
    if named_as_software(prose, start, end):
        return "software"
    if latin_phrase(prose, start, end, screened, term_only):
        return "phrase"
    if repeats >= SCREENED_REPEATED and screened(word):
        return "term"  # a listed term the build screened out, which the page uses again: two witnesses
    if found().sure:
        return None
    if single_word_heading(doc, start, end) or lower_case_paragraph_start(doc, start):
        return "name"
    # places that say an unsure word is mentioned, not misspelt (see spellmentions)
    if beside_software(prose, start, end, SOFTWARE_NOUNS):
        return "software"
    if foreign_phrase(prose, start, end):
        return "foreign"
    if (lower_case_sentence_start(prose, start, end) or single_word_item(doc, start, end, known)
            or commenter_handle(prose, start, end) or in_name_list(prose, start, end)):
        return "name"
    if defined_symbol(prose, start, end, word):
        return "symbol"
    if address_part(doc, start, end, word):
        return "address part"
    if elongated(word):
        return "elongation"
    if quoted_mention(prose, start, end, doc.text):
        return "mention"
    if abbreviated(prose, end, word):
        return "abbreviation"
    if foreign(word, found()):
        return "foreign"
    if species_epithet(prose, start, word) and not near_term(word):  # "Lactobacillus euteri" is a slip
        return "species"
    if vowelless(word, known):
        return "abbreviation"
    if before_designator(prose, start, end) or defined_abbreviation(prose, start, end):
        return "abbreviation"
    if closed_compound(word, known) and compound_over_corrections(word, found().candidates):
        return "compound"
    if repeats >= REPEATED and not garbled(word):
        return "term"
    return None
