"""``spelling``: unknown words in prose, with the best correction as an unsafe fix when it is clearly ahead.

Reads prose only (never code, URLs, e-mail addresses, link targets, front
matter, file names, DOIs or numbers with units).  Words in capitals
(acronyms), words with digits and mixed-case words are skipped; a
capitalised word inside a sentence is taken as a proper noun; hyphenated
compounds are checked part by part; possessives and contractions, inflected
and prefixed forms of known words are understood.
"""
from __future__ import annotations

import bisect
import collections
import functools
import re
import weakref
from typing import Any, Callable, Iterable, Iterator

from ..diagnostic import Edit, Finding
from ..document import Document
from ..medical.speller import Speller, kept_every_letter
from . import BuildContext, OptionError
from .spellcontext import why_not_a_typo, written_as_code_on_page
from .common import compile_regex
from .encoding import mojibake_spans
from .. import lazyre

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "variant": {"enum": ["any", "us", "gb"]},
        "proper_nouns": {"enum": ["skip", "check"]},
        "vocabulary": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "words": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "reject": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "ignore_patterns": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "min_length": {"type": "integer", "minimum": 1},
        "suggest": {"type": "boolean"},
        "software_terms": {"type": "boolean"},
    },
}
DEFAULTS: dict[str, Any] = {"variant": "any", "proper_nouns": "skip", "vocabulary": [], "words": [], "reject": [],
                           "ignore_patterns": [], "min_length": 3, "suggest": True,
                           "software_terms": True}
#: Fixes this kind offers (see ruleset.fixes_of): a suggestion is a guess.
FIXES = "unsafe"
PLACEHOLDERS = ("match", "suggestion", "replacement")
FILE_OPTIONS = ("vocabulary",)

_TOKEN = lazyre.compile(r"(?<![\w'\u2019-])[^\W_][\w'\u2019-]*")
_SKIP_SPANS = lazyre.compile(
    r"\b10\.\d{4,9}/\S+"  # DOIs
    r"|\b[\w.-]+\.(?:jpe?g|png|gif|svg|webp|pdf|docx?|xlsx?|pptx?|csv|txt|md|html?|zip|mp[34]|tiff?|bmp"
    r"|aspx?|php|jsp|cgi|rmd|qmd|sas|sav|sps|dta|rds|py|js|css|json|xml|ya?ml)\b"  # file names
    r"|(?<!\w)\*\.[A-Za-z]{1,5}\b"  # a file type as a pattern: *.sav
    r"|\bwww\.[\w-]+(?:\.[\w-]+)+/?[\w./%~-]*"  # a host written with www.
    r"|\b[A-Za-z]+\d[\w-]*|\b\d+[A-Za-z]+\b"  # codes with digits: B12, 25OHD, 3rd
    r"|\b(?:[\w-]+\.)+(?:com|org|edu|gov|net|int|info|io|uk|ca|au|nz|de|fr|nl|eu|us|ch|se|no|dk|jp|in|mil)\b/?[\w./%~-]*"  # domains
    r"|\\[A-Za-z]+"  # TeX commands outside math
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|(?<![\w@])@\w+"  # @handles
    r"|(?:~|\b[A-Za-z]:)?(?:[/\\][\w.@%+~-]+){2,}"  # paths: /Users/name/git/x, C:\a\b
, re.I)
_RUN = lazyre.compile(r"\S*")
#: A backslash-escaped apostrophe and a contraction's ending after a word ("wouldn\\'t",
#: "patient\\'s"): Markdown escapes and quoted strings write the apostrophe so.
_ESCAPED_CONTRACTION = lazyre.compile(r"\\['\u2019](t|s|re|ve|ll|d|m)\b")
_ESCAPED_APOSTROPHE = lazyre.compile(r"\\['\u2019]")
_SENTENCE_END = ".!?:"
_OPENERS = " \t\r\n\"'\u201c\u2018([*_\u2014\u2013-"
_CONTRACTIONS = ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m")
#: After a surname in a reference list: initials and a comma or full stop ("Smith JA,", "Lee K.",
#: "Liu L" ending a line, "Sidhu PS1,", "Jungert A(1)", "Schuster I:").
_AUTHOR = lazyre.compile(r" [A-Z]{1,3}\d*[ \t]?(?:[,.;:(]| et al| and |$)", re.M)
#: Just before a name: a title, or one to three initials ("M. F. Holick", "Dr. Smith"), read
#: as such rather than as the end of a sentence.
_BEFORE_NAME = lazyre.compile(r"(?:\b(?:Dr|Drs|Mr|Mrs|Ms|Mx|Prof|Sir|St)\.|(?<![\w.])(?P<initials>(?:[A-Z]\.[ \t]?-?){1,3}))"
                              r"[ \t]*\Z")
#: Lower-case words that may stand before a lone initial ("by J. Smith"); after any other
#: lower-case word a capital and a full stop end a sentence ("vitamin D. Sunlight").
_NAME_INTRODUCERS = frozenset(("by", "and", "with", "from", "to", "of", "see", "per", "cf", "dr", "prof"))
_WORD_BEFORE = lazyre.compile(r"([A-Za-z]+)([^A-Za-z]*)\Z")
#: After a name: "et al." (possibly after a second name joined by and/&), "and colleagues",
#: a year in brackets ("Holick (2007) showed", "Holick and Chen (2007)"), or "'s study".
_ET_AL_AFTER = lazyre.compile(
    r"(?:['\u2019]s)?[ \t]+(?:(?:and|&)[ \t]+[A-Z][\w'\u2019-]*[ \t]+)?et[ \t]*al\b"
    r"|[ \t]+(?:and|&)[ \t]+(?:colleagues|co-?workers|co-?authors)\b"
    r"|(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w'\u2019-]*)?[ \t]*\((?:19|20)\d\d[a-z]?[),;]"
    r"|['\u2019]s[ \t]+(?:study|studies|group|team|lab|laboratory|trial|paper|review|cohort|data)\b")
#: After a capitalised word at a sentence start, what makes it a name: a list of names
#: ("Sackett, Straus, Richardson"), surname first ("Aitchison, John (1971)"), a middle
#: initial ("Peter D. Congdon"), a surname and the next name ("Marhani Midin, Rosdinom"), a
#: surname and a degree ("Jannet Svensson, MD") or, ending its line, a surname and a comma or
#: an affiliation mark ("Ruban Dhaliwal," "Ana Lopes 2*": a byline's list of authors).
_NAME_AFTER = lazyre.compile(
    r",[ \t]+[A-Z][a-z'\u2019-]+(?:,|[ \t]+(?:and|&)[ \t]|[ \t]*\()"
    r"|[ \t]+(?:[A-Z]\.[ \t]*){1,2}[A-Z][a-z]"
    r"|[ \t]+[A-Z][a-z'\u2019-]+,[ \t]+[A-Z][a-z]"
    r"|[ \t]+[A-Z][a-z'\u2019-]+[ \t]+[A-Z]{1,3}\d*[,.;(]"  # "Aksu Cerman A1,": given name, surname, initials
    r"|[ \t]+[A-Z][a-z'\u2019]+(?:-[A-Z][a-z'\u2019]+)?,[ \t]*(?:M\.?D\b|Ph\.?D\b|MSc\b|BSc\b|MPH\b|RN\b|R\.?D\b|DO\b|PharmD\b)"
    r"|[ \t]+[A-Z][a-z'\u2019]+(?:-[A-Z][a-z'\u2019]+)?(?:,|[ \t]*\d{1,2}[*\u2020\u2021,]*|[*\u2020\u2021]+,?)[ \t]*$",
    re.M)
#: Bound prefixes written before a hyphen (proto-oncogene, co-codamol, non-invasive):
#: not words of their own, so not judged when a hyphen follows.
_BOUND_PREFIXES = frozenset((
    "proto", "pre", "post", "non", "anti", "semi", "multi", "pseudo", "neo", "peri", "intra", "inter", "extra",
    "hemi", "hypo", "hyper", "sub", "supra", "trans", "ultra", "micro", "macro", "mono", "poly", "tri", "tetra",
    "quasi", "meta", "para", "endo", "exo", "auto", "mid", "mis", "dis", "counter", "retro", "infra", "immuno",
    "neuro", "cardio", "osteo", "psycho", "bio", "uni", "bis", "iso", "homo", "hetero", "epi", "ortho"))
#: A part this short before a hyphen is a clipped form or an abbreviation (``env-variables``,
#: ``dev-tools``), not a word to correct.
_CLIPPED = 3
_INLINE_WORDS = lazyre.compile(r"<!--\s*medlint-words:(.*?)-->", re.S)
_REGEX_CHARS = lazyre.compile(r"[\\^$.*+?()\[\]{}|]")


def _read_vocabulary(paths: list[str], context: BuildContext) -> tuple[list[str], list[re.Pattern[str]]]:
    """Accept files: one word or regex a line (Vale's accept.txt); '#' starts a comment."""
    words: list[str] = []
    patterns: list[re.Pattern[str]] = []
    for index, name in enumerate(paths):
        path = context.project_file(name, ["vocabulary", index])
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise OptionError(["vocabulary", index], f"cannot read {name}: {exc.strerror or exc}") from None
        for number, line in enumerate(lines, 1):
            entry = line.split(" #")[0].strip()
            if not entry or entry.startswith("#"):
                continue
            if _REGEX_CHARS.search(entry):
                try:
                    patterns.append(re.compile(entry))
                except re.error as exc:
                    raise OptionError(["vocabulary", index], f"{name}:{number}: invalid regular expression {entry!r}: {exc}") from None
            else:
                words.append(entry)
    return words, patterns


def speller_for(options: dict[str, Any], context: BuildContext) -> Speller:
    """The speller a rule's options describe (defaults merged), its vocabulary files read."""
    words, patterns = _read_vocabulary(options["vocabulary"], context)
    return Speller(options["variant"], words + list(options["words"]), patterns, options["reject"],
                   software=options["software_terms"])


def _sentence_start(prose: str, start: int, block_start: int) -> bool:
    i = start - 1
    while i >= block_start and prose[i] in _OPENERS:
        if prose[i] == "\n" and i > block_start and prose[i - 1] == "\n":
            return True
        i -= 1
    return i < block_start or prose[i] in _SENTENCE_END


class _SkipSpans:
    """Where the prose holds DOIs, file names, domains, codes and TeX. None of these
    spans holds white space, so whether an offset lies in one is decided by
    scanning only the run of non-space characters around it, when asked (most
    words are never asked about: see *fine* in :func:`words_of`)."""

    def __init__(self, prose: str, start: int) -> None:
        self.prose, self.start = prose, start
        self.run_end = start
        self.spans: list[tuple[int, int]] = []

    def __contains__(self, offset: int) -> bool:  # asked with offsets in increasing order
        if offset >= self.run_end:
            prose, run_start = self.prose, offset
            floor = max(self.start, self.run_end)
            while run_start > floor and not prose[run_start - 1].isspace():
                run_start -= 1
            run = _RUN.match(prose, offset)  # \S* always matches
            self.run_end = run.end() if run else offset
            self.spans = [(m.start(), m.end()) for m in _SKIP_SPANS.finditer(prose, run_start, self.run_end)]
        return any(start <= offset < end for start, end in self.spans)


def words_of(doc: Document, proper_nouns: str = "skip", min_length: int = 3,
             ignore: Iterable[re.Pattern[str]] = (), fine: Callable[[str], bool] | None = None,
             passed: set[str] | None = None) -> Iterator[tuple[int, str]]:
    """(offset, word) for every word of the prose a speller should judge; with
    *fine*, only those it does not find fine (which saves looking for DOIs and
    file names around words that could not be flagged anyway), and a hyphenated
    compound is judged whole first: known whole (or closed up), it is fine.

    *passed* remembers the tokens passed over whatever their place: a plain word *fine*
    accepts, a plain word shorter than *min_length*, a token holding a digit, a compound
    known whole. Which of these a token is depends on its letters, *min_length* and *fine*
    alone, so the set may be shared by every page judged with the same *fine* and
    *min_length* (the common words of a site are then judged once per run, not
    once per occurrence). The one exception, a word before an escaped apostrophe
    (``wouldn\\'t``), is read in full on the pages that have one."""
    prose = doc.prose
    if passed is None:
        passed = set()
    skip = _SkipSpans(prose, doc.body_start)
    ignore = list(ignore)
    names: list[tuple[int, int]] | None = None

    def in_names(offset: int) -> bool:
        """Inside a reference or byline region (read when a rule's ``skip:`` does not blank
        them): capitalised words there are names, not judged."""
        nonlocal names
        if names is None:
            names = doc.spans_of(("reference", "byline")) if proper_nouns == "skip" else []
        i = bisect.bisect_right(names, (offset, len(prose) + 1)) - 1
        return i >= 0 and names[i][0] <= offset < names[i][1]

    def wanted(word: str | None, token_start: int) -> str | None:
        """*word* if it is not fine, not ignored, and not inside a DOI, file name,
        domain, path, handle or e-mail address (asked last: the dearest question)."""
        if not word or (fine and fine(word)) or (ignore and any(p.fullmatch(word) for p in ignore)):
            return None
        if word[0].isupper() and in_names(token_start):
            return None
        return None if token_start in skip else word

    done = doc.body_start
    blocks = doc.blocks or []
    regions = [(b.start, b.end) for b in blocks] or [(doc.body_start, len(prose))]
    # Where an escaped apostrophe stands (most pages: nowhere), so that a word is matched
    # against the escaped-contraction pattern only when one follows it.
    escapes = {m.start() for m in _ESCAPED_APOSTROPHE.finditer(doc.text)} if "\\" in doc.text else set()
    for block_start, block_end in regions:
        block_start = max(block_start, done)
        if escapes:
            matches: Iterable[re.Match[str]] = _TOKEN.finditer(prose, block_start, block_end)
        else:
            matches = _tokens_not_passed(prose, block_start, block_end, passed)
        for m in matches:
            token = m.group()
            if token in passed and not escapes:
                continue
            start = m.start()
            if token.isalpha():  # the common case: one plain word
                if len(token) < min_length:
                    passed.add(token)  # too short wherever it stands (passed is kept per min_length)
                    continue
                if (start + len(token)) in escapes and (
                        escaped := _ESCAPED_CONTRACTION.match(doc.text, start + len(token))) is not None:
                    # "wouldn\'t": an apostrophe escaped for Markdown or a quoted string is the apostrophe
                    # (read from the text: the Markdown reader blanks the backslash in the prose)
                    word = _judgeable(token + "'" + escaped.group(1), prose, start, block_start, proper_nouns,
                                      min_length, escaped.end())
                    if (kept := wanted(word, start)) is not None:
                        yield start, kept
                    continue
                if fine is not None and fine(token):
                    # Most words: known. A plain word is judged as itself or not at all (every
                    # contraction ending holds an apostrophe), so its place need not be read.
                    passed.add(token)
                    continue
                word = token if token.islower() else _judgeable(token, prose, start, block_start, proper_nouns,
                                                                min_length, start + len(token))
                if (kept := wanted(word, start)) is not None:
                    yield start, kept
                continue
            written = token
            token = token.rstrip("'\u2019-")
            if any(c.isdigit() or c == "_" for c in token):
                passed.add(written)
                continue
            token_end = start + len(token)
            if "-" in token:
                if fine and _compound_fine(token, fine):
                    passed.add(written)
                    continue
                parts = token.split("-")
                if len(parts) == 2 and len(parts[1]) == 1 and parts[1].islower():
                    continue  # a name ending in a lone letter, as mailing lists are (edstat-l, medstats-l)
            else:
                parts = [token]
            offset = start
            for index, part in enumerate(parts):
                if part and not (index < len(parts) - 1 and (part.lower() in _BOUND_PREFIXES or len(part) <= _CLIPPED)):
                    word = _judgeable(part, prose, offset, block_start, proper_nouns, min_length, token_end)
                    if (kept := wanted(word, start)) is not None:
                        yield offset, kept
                offset += len(part) + 1
        done = max(done, block_end)


def _tokens_not_passed(prose: str, start: int, end: int, passed: set[str]) -> Iterator[re.Match[str]]:
    """The matches of :data:`_TOKEN` in ``prose[start:end]`` whose text is not in *passed*,
    in order: the same as those of ``_TOKEN.finditer`` that are not passed over, but the
    tokens are listed by ``findall`` (most are passed over: a match object and a loop turn
    each cost more than the list) and only the others are placed. A token is placed at the
    first place after the one before it where its text stands as a whole token: any such
    place is a match of the pattern, so no earlier one holds the same text (it would be
    listed, and not passed over either)."""
    needed = [token for token in _TOKEN.findall(prose, start, end) if token not in passed]
    at = start
    for token in needed:
        i = prose.find(token, at, end)
        while True:
            m = _TOKEN.match(prose, i, end)
            if m is not None and m.end() == i + len(token):
                break
            i = prose.find(token, i + 1, end)
        yield m
        at = m.end()


def _compound_fine(token: str, fine: Callable[[str], bool]) -> bool:
    """A hyphenated compound known as written or closed up (co-codamol, proto-oncogene
    as protooncogene), possessive or contraction aside."""
    whole = token.replace("\u2019", "'").strip("'")
    for ending in _CONTRACTIONS:
        if whole.lower().endswith(ending):
            whole = whole[: -len(ending)]
            break
    if not whole.replace("-", "").isalpha():
        return False
    return fine(whole) or fine(whole.replace("-", ""))


def _after_initials(prose: str, offset: int) -> bool:
    """Whether the capitalised word at *offset* follows initials or a title ("M. F. Holick",
    "by J. Smith", "Dr. Kampman"), whose full stop does not end a sentence."""
    before = prose[max(0, offset - 40):offset]
    m = _BEFORE_NAME.search(before)
    if not m:
        return False
    initials = m.group("initials")
    if initials is None or initials.count(".") > 1:
        return True
    word = _WORD_BEFORE.search(before, 0, m.start())
    return (word is None or not word.group(1).islower() or word.group(1) in _NAME_INTRODUCERS
            or any(c in _SENTENCE_END or c.isdigit() for c in word.group(2)))  # "review. M. Holick", "671 D. Dror"


def _judgeable(part: str, prose: str, offset: int, block_start: int, proper_nouns: str, min_length: int,
               token_end: int | None = None) -> str | None:
    word = part.replace("\u2019", "'").strip("'")
    lower = word.lower()
    for ending in _CONTRACTIONS:
        if lower.endswith(ending) and len(word) > len(ending) + 1:
            word = word[: -len(ending)]
            break
    if len(word) < min_length or not word.isalpha():
        return None
    if word.isupper():
        return None  # an acronym
    if any(c.isupper() for c in word[1:]):
        return None  # mixed case: McDonald, iPhone, pH
    if word[0].isupper() and proper_nouns == "skip":
        if not _sentence_start(prose, offset, block_start):
            return None  # a proper noun
        after = offset + len(part) if token_end is None else token_end
        if _AUTHOR.match(prose, after) or _NAME_AFTER.match(prose, after):
            return None  # "Kampman MT, ...", "Bischoff-Ferrari HA,", "Peter D. Congdon": a name
        if _ET_AL_AFTER.match(prose, after):
            return None  # "Holick et al.", "Holick and Chen et al."
        if _after_initials(prose, offset):
            return None  # "M. F. Holick": the full stop after "F" ends no sentence
    return word


def inline_words(doc: Document) -> set[str]:
    found: set[str] = set()
    for start, end in doc.comments:
        m = _INLINE_WORDS.match(doc.text, start, end)
        if m:
            found.update(m.group(1).split())
    return found


#: Per speller and minimum length, the tokens :func:`words_of` passes over wherever they stand (see its *passed*).
_PASSED: weakref.WeakKeyDictionary[Speller, dict[int, set[str]]] = weakref.WeakKeyDictionary()


def unknown_words(doc: Document, speller: Speller, options: dict[str, Any],
                  ignore: Iterable[re.Pattern[str]] = ()) -> Iterator[tuple[int, str, str]]:
    """(offset, token as written, word judged) for every unknown or rejected word."""
    local = inline_words(doc)
    local_lower = {w.lower() for w in local if w.islower()}
    per_length = _PASSED.get(speller)
    if per_length is None:
        per_length = _PASSED[speller] = {}
    passed = per_length.setdefault(options["min_length"], set())
    for offset, word in words_of(doc, options["proper_nouns"], options["min_length"], ignore,
                                 speller.fine, passed):
        if speller.rejected(word) or not (word in local or word.lower() in local_lower):
            yield offset, doc.text[offset:offset + len(word)], word


#: Letters of scripts other than Latin (Greek, Cyrillic, Arabic, Hebrew, CJK, ...): an
#: English speller has nothing to say about them.
_NON_LATIN = lazyre.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")
#: "nofollow" of an escaped 'rel="nofollow"', "sameas" of "{FOOTNOTE(sameas=12)}".
_ATTRIBUTE = lazyre.compile(r"=(?!=)")
_ATTRIBUTE_RUN = lazyre.compile(r"\b[\w-]+=\"[^\"\n]{0,200}\"")
_LETTER_WORD = lazyre.compile(r"[^\W\d_]{2,}")
#: A paragraph whose words are this share unknown (of at least FOREIGN_MIN_WORDS words) is
#: in another language, or so garbled that word-by-word findings would bury the page:
#: nothing in it is reported word by word.
FOREIGN_SHARE = 0.4
FOREIGN_MIN_WORDS = 6


def _block_start(doc: Document, offset: int) -> int:
    block = doc.block_at(offset)
    return block.start if block is not None else -1


def _foreign_blocks(doc: Document, found: list[tuple[int, str, str]], sure: Callable[[str], bool]) -> set[int]:
    """Starts of the blocks most of whose words are unknown (another language). Not a
    block where most unknown words have a sure English correction: that is English
    typed in haste ("We definately recieve the reelase"), and each slip is reported."""
    per_block: collections.defaultdict[int, list[str]] = collections.defaultdict(list)
    for offset, _, word in found:
        per_block[_block_start(doc, offset)].append(word)
    out = set()
    for start, unknown in per_block.items():
        if start < 0 or len(unknown) < FOREIGN_MIN_WORDS * FOREIGN_SHARE:
            continue
        block = doc.block_at(start)
        words = len(_LETTER_WORD.findall(doc.prose, block.start, block.end)) if block is not None else 0
        if words >= FOREIGN_MIN_WORDS and len(unknown) >= FOREIGN_SHARE * words:
            if 2 * sum(map(sure, unknown)) < len(unknown):
                out.add(start)
    return out


def _slug_link_texts(doc: Document) -> list[tuple[int, int]]:
    """Spans of link texts that are the target's slug ("what-is-nnt" linking to
    /what-is-nnt/): a name of the page, not prose."""
    spans = []
    for link in doc.links:
        if link.text_start is None or link.text_end is None or not link.text:
            continue
        text = link.text.strip().lower()
        if text and " " not in text and ("-" in text or "_" in text) and text in link.target.lower():
            spans.append((link.text_start, link.text_end))
    return spans


def suggestion_text(candidates: list[str]) -> str:
    """The message's tail: "; did you mean 'a'?" or "; did you mean 'a', 'b' or 'c'?" (then
    no fix is offered: none is clearly ahead), nothing when there is no candidate."""
    if not candidates:
        return ""
    quoted = [f"'{c}'" for c in candidates]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"; did you mean {listed}?"


def judged_places(doc: Document, speller: Speller, options: dict[str, Any], ignore: Iterable[re.Pattern[str]] = ()
                  ) -> tuple[list[tuple[int, str, str]], list[str | None]]:
    """The unknown words of *doc* (offset, as written, as judged) and, for each, why its
    place says it is no typo (a name, code, a species epithet...: see spellcontext), or
    None. Shared by the rule and ``medlint words --trace``."""
    found = list(unknown_words(doc, speller, options, ignore))
    repeats = collections.Counter(word.lower() for _, _, word in found)
    check_capitals = options["proper_nouns"] == "check"
    reasons = [None if speller.rejected(word) else why_not_a_typo(
        doc, offset, word, repeats[word.lower()], functools.partial(speller.suggestions, word),
        kept_every_letter, speller.known, check_capitals, speller.near_term, speller.screened_term,
        speller.term_only) for offset, _, word in found]
    return found, reasons


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    speller = speller_for(options, context)
    ignore = [compile_regex(p, ["ignore_patterns", i]) for i, p in enumerate(options["ignore_patterns"])]
    suggest = options["suggest"]

    def with_suggestion(offset: int, shown: str, word: str) -> Finding:
        found = speller.suggestions(word)
        candidates = [c for c in found.candidates if c.lower() != word.lower()]
        best = found.fix if candidates and found.fix == candidates[0] else None
        values = {"match": shown, "suggestion": suggestion_text([best] if best else candidates), "replacement": best or ""}
        fix = Edit(offset, offset + len(word), best, safe=False) if best else None
        return Finding(offset, offset + len(word), values, fix)

    def check(doc: Document) -> Iterator[Finding]:
        damaged = mojibake_spans(doc.prose, doc.body_start)
        at = 0
        found, reasons = judged_places(doc, speller, options, ignore)
        foreign = _foreign_blocks(doc, found, lambda word: speller.suggestions(word).sure)
        slugs = _slug_link_texts(doc)
        if '="' in doc.prose:  # escaped HTML left as text: 'rel="external nofollow"'
            slugs += [(m.start(), m.end()) for m in _ATTRIBUTE_RUN.finditer(doc.prose, doc.body_start)]
        # A word the page names as software or writes as code once is that name everywhere on it.
        software = {word.lower() for (_, _, word), why in zip(found, reasons) if why in ("software", "code")}
        code_words: dict[str, bool] = {}
        for (offset, shown, word), why in zip(found, reasons):
            if why:
                continue  # a name, code or the page's own term (see spellcontext)
            if not speller.rejected(word):
                if word.lower() in software:
                    continue
                if word not in code_words:
                    code_words[word] = written_as_code_on_page(doc, word)
                if code_words[word]:
                    continue
            if _NON_LATIN.search(word) or _ATTRIBUTE.match(doc.prose, offset + len(word)) or (
                    offset > 0 and doc.prose[offset - 1] == "=" and doc.prose[offset - 2:offset] != "=="):
                continue  # another script, or a name=value run of markup left as text
            if foreign and _block_start(doc, offset) in foreign:
                continue
            if slugs and any(s <= offset < e for s, e in slugs):
                continue
            end = offset + len(word)
            while at < len(damaged) and damaged[at][1] < offset:
                at += 1
            if at < len(damaged) and damaged[at][0] <= end:
                # "isnâ" of "isnâ€™t", "ttingen" of "G\ufffdttingen" (touching counts): encoding-damage
                # reports it; a spelling fix would garble it
                continue
            values = {"match": shown, "suggestion": "", "replacement": ""}
            # The suggestion comes later, and only if no suppression drops the finding.
            later = functools.partial(with_suggestion, offset, shown, word) if suggest else None
            yield Finding(offset, offset + len(word), values, None, later)

    if suggest:
        check.prepare = speller.prepare  # type: ignore[attr-defined]  # loaded before a parallel run forks
    return check


def unknown_word_counts(documents: Iterable[Document], options: dict[str, Any],
                        context: BuildContext) -> tuple[collections.Counter[str], dict[str, set[str]]]:
    """For triage (``medlint words``): the unknown words of *documents* under a spelling
    rule's *options*, counted (a lower-case key unless the word is capitalised), with
    the files each stands in."""
    speller = speller_for(options, context)
    # The rule's ignore_patterns apply here too: list only what 'medlint check' would report.
    ignore = [compile_regex(p, ["ignore_patterns", i]) for i, p in enumerate(options["ignore_patterns"])]
    counts: collections.Counter[str] = collections.Counter()
    files: dict[str, set[str]] = collections.defaultdict(set)
    for doc in documents:
        for _, _, word in unknown_words(doc, speller, options, ignore):
            key = word if word[:1].isupper() and not word.islower() else word.lower()
            counts[key] += 1
            files[key].add(doc.path)
    return counts, files
