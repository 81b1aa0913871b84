"""Shapes in which a page explains or excuses an abbreviation that the long-form checks miss.

Each test is a class of false alarm a medical editor rejects, not a list of names:

- a two-word term the page writes out again and again ("bone density" five times, then BD):
  the reader has met the words, even far from the abbreviation;
- notation built from parts the page has explained ("sum of squares within" is SSW, then
  "mean square" is explained, so MSW needs nothing more);
- a surname's initials in a citation written in prose ("the source is Hale TK. "A trial of
  ..." (1988)"), where the surname is an English word too;
- the parts named in parallel near a use ("the expectation step ... the maximization step"
  for EM);
- a state code after a city, with no comma, after "to" or "and" ("moved to Fresno CA for");
- a name a sentence says the kind of ("the ABCD initiative promotes ...", "from ZRIN, an
  open registry of ...", "because ZRIN is a registry").

(An institution spelt out with a comma before its place, "University of Ontario, Lake View"
for UOLV, was tried and dropped: a place's initials join the name's by chance, "Hospital for
Sick Children, Toronto" spelling HSCT, a transplant.)
"""
from __future__ import annotations

import re
from typing import Iterable

from .. import lazyre
from .abbrevpatterns import kept
from .wholeword import writes

#: Words of five letters or more that make no term with a neighbour.
_NOT_TERM_WORDS = frozenset(
    "after before among about above below under within without which while where their there these those "
    "other could would should being since until often every still across along".split())
#: How often a two-word term must be written out on the page to explain its initials anywhere.
PAIR_REPEATS = 3


def repeated_pair(prose: str, abbr: str, seen: dict[str, bool]) -> bool:
    """True if *prose* writes a two-word term with *abbr*'s two letters as initials, each word
    five letters or more, PAIR_REPEATS times or more ("bone density" over and over, BD in a
    table far below): a term the page is about is no chance pairing of words. Asked once
    per abbreviation (*seen*)."""
    if abbr not in seen:
        first, second = (re.escape(c) for c in abbr)
        pattern = kept(r"(?<![\w-])%s[a-z'\u2019]{4,}[ \t\n]+%s[a-z'\u2019]{4,}(?![\w-])" % (first, second), re.I)
        count = 0
        for m in pattern.finditer(prose):
            if any(w.lower() in _NOT_TERM_WORDS for w in m.group(0).split()):
                continue  # "cancers after", "after vaccination": a chance pair, not a term
            count += 1
            if count >= PAIR_REPEATS:
                break
        seen[abbr] = count >= PAIR_REPEATS
    return seen[abbr]


#: How far before or after a use the words of a notation's head may stand.
_HEAD_NEAR = 600


def built_notation(prose: str, abbr: str, at: int, defined: Iterable[str]) -> bool:
    """True if *abbr* is notation built from explained parts, as a grid: it splits into a head
    of two letters or more and a tail; the page defines two abbreviations with another head and
    that tail and a second tail, as long as *abbr* (SSB, SSW); the page uses *abbr*'s head with
    the second tail too (MSW beside MSB); and the head's words stand on the page, each four
    letters or more, twice, once near the use ("mean square" for the MS of MSB). One shared
    letter alone is chance; a grid of two heads by two tails is a notation."""
    if len(abbr) < 3 or not abbr.isalpha():
        return False
    others = {d for d in defined if d != abbr and d.isalpha() and len(d) >= 2}
    for cut in range(2, len(abbr)):
        head, tail = abbr[:cut], abbr[cut:]
        if not any(_grid(prose, head, tail, d[:-len(tail)], others)
                   for d in others if len(d) == len(abbr) and d.endswith(tail) and d[:-len(tail)] != head):
            continue
        words = kept(r"(?<![\w-])" + r"[ \t\n-]+".join(re.escape(c) + r"[a-z'\u2019]{3,}" for c in head)
                           + r"(?![\w-])", re.I)
        hits = words.finditer(prose)
        if (words.search(prose, max(0, at - _HEAD_NEAR), at + _HEAD_NEAR)
                and next(hits, None) is not None and next(hits, None) is not None):
            return True
    return False


def _grid(prose: str, head: str, tail: str, other_head: str, defined: set[str]) -> bool:
    """True if some second tail completes the grid: *other_head* + it is defined and *head* +
    it is used on the page (SSW defined, MSW used, for MSB beside SSB)."""
    for d in defined:
        if d.startswith(other_head) and len(d) > len(other_head):
            second = d[len(other_head):]
            if second != tail and re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(head + second), prose):
                return True
    return False


#: Nouns that name one part of a procedure, when the parts are named in parallel.
_PART_NOUNS = ("step", "phase", "stage", "component")


#: A noun after the abbreviation that makes it a procedure with parts.
_PROCEDURE_AFTER = lazyre.compile(r"[ \t]+(?:algorithm|method|cycle|procedure|process|model|framework|approach)s?\b", re.I)
def parallel_parts(prose: str, abbr: str, at: int) -> bool:
    """True if the text near a use (within _HEAD_NEAR characters) names the abbreviation's parts
    in parallel, one word of five letters or more per letter, in order, each before the same
    part noun ("the expectation step ... the maximization step" for EM; "the plan phase, the do
    phase ..." needs words of five letters). Two to four letters."""
    if not 2 <= len(abbr) <= 4 or not abbr.isalpha():
        return False
    # The abbreviation's own sentence must present it as a procedure with parts: a procedure
    # noun right after it ("the PQ algorithm", "the EM cycle") or a part noun in the sentence
    # ("PQ alternates two steps"); "the drug SC" near "the starting phase" is chance (REVIEW3 V9).
    begin = max(prose.rfind(". ", 0, at), prose.rfind("\n\n", 0, at), 0)
    end = [e for e in (prose.find(". ", at), prose.find("\n\n", at), len(prose)) if e >= 0]
    sentence = prose[begin:min(end)]
    tied = _PROCEDURE_AFTER.match(prose, at + len(abbr)) or any(
        re.search(r"\b%ss?\b" % n, sentence, re.I) for n in _PART_NOUNS)
    if not tied:
        return False
    lo, hi = max(0, at - _HEAD_NEAR), at + _HEAD_NEAR
    for noun in _PART_NOUNS:
        pos = lo
        for c in abbr:
            m = kept(r"(?<![\w-])%s[a-z'\u2019]{4,}[ \t\n]+%ss?\b" % (re.escape(c), noun), re.I).search(prose, pos, hi)
            if m is None:
                break
            pos = m.end()
        else:
            return True
    return False


#: After an author's initials in prose: a full stop, then a quoted title or "et al"; or a comma and a year.
_CITED_AFTER = lazyre.compile(r"\.?[ \t]+(?:[\"\u201c\u2018*_]|et[ \t]+al\b)|,[ \t]+(?:19|20)\d\d\b")
#: A surname in mid-sentence: after a lower-case word, a comma, a colon or a bracket ("is Hale TK").
_SURNAME_BEFORE = lazyre.compile(r"[a-z,:(][ \t]+[A-Z][a-z\u00c0-\u017f'\u2019-]+[ \t]+$")
_CITED_YEAR = lazyre.compile(r"\(?\b(?:1[89]|20)\d\d[a-z]?\b\)?")
#: How far after the initials the citation's year may stand.
_YEAR_REACH = 300


def cited_initials(prose: str, start: int, end: int) -> bool:
    """True if one to three capitals after a capitalised word are an author's initials in a
    citation written in prose, the surname in mid-sentence: a quoted title, "et al" or ", year"
    follows ("the source is Hale TK. "A trial of ..." Lancet (1988)"), and a year stands within
    _YEAR_REACH characters in the same paragraph. Such a surname may be an English word, which the
    plain author check refuses."""
    if end - start > 3 or not _SURNAME_BEFORE.search(prose, max(0, start - 40), start):
        return False
    if not _CITED_AFTER.match(prose, end):
        return False
    stop = prose.find("\n\n", end)
    reach = min(end + _YEAR_REACH, len(prose) if stop < 0 else stop)
    return bool(_CITED_YEAR.search(prose, end, reach))


#: A city named after "to", "and" or "via", then its state code with no comma: "moved to Fresno CA".
_JOINED_PLACE = lazyre.compile(r"\b(?:to|and|via|between)[ \t]+((?:[A-Z][a-z]+[ \t]+){1,3})$")


def place_before_state(before: str, page: str) -> bool:
    """True if *before* (the text just ahead of a state code) ends with a place named after
    "to", "and", "via" or "between", one of whose words *page* never writes in lower case (a
    city's name: "to Fresno", not "to Improve" on a page that says "improve")."""
    m = _JOINED_PLACE.search(before)
    return bool(m) and any(not writes(page, re.escape(w.lower())) for w in m.group(1).split())


#: Kinds of named thing whose name the reader needs no long form for, once told the kind.
_KINDS = (r"(?:initiative|registry|consortium|collaboration|foundation|network|repository|archive|project"
          r"|website|web\s+site|package|library|platform|mailing\s+list|statement|checklist|effort|database"
          r"|society|journal|newsletter|charity|organi[sz]ation)")
#: Kinds a name before them must be the name of: "the NIH website", "the UC library" name an owner,
#: but "the ABCD initiative" is the initiative itself.
#: Owner-style nouns (statement, checklist, project, package, website ...) are left out: "the ADA
#: statement" names who made the statement, not what ADA is; they count only in an appositive.
_OWN_KINDS = r"(?:initiative|registry|consortium|collaboration|network)"
#: Verbs of recommending after the kind: the name is an owner speaking ("the ADA network advises").
_ADVICE_VERBS = r"(?:recommends|advises|says|suggests|states|urges|warns|calls|tells|endorses|proposes)"
#: "the ABCD initiative promotes ...": a name, its kind, then what it does.
_THE_KIND = lazyre.compile(r"[Tt](?<!\w[Tt])he[ \t]+([A-Z][A-Z0-9]{1,7})[ \t\n]+" + _OWN_KINDS
                           + r"[ \t\n]+(?!" + _ADVICE_VERBS + r"\b)(?:is|was|has|that|which|[a-z]{3,}s)\b")
#: "from ZRIN, an open registry of ...", "ZRIN, a "community-run, non-profit effort to ...": an
#: appositive of up to four words before the kind (a comma may follow a word of a quoted
#: description); or "because ZRIN is a registry", up to three words before the kind.
_KIND_APPOSITIVE = lazyre.compile(r"([A-Z](?<![\w-][A-Z])[A-Z0-9]{1,7})(?:,[ \t]+(?:an?|the)[ \t]+[\"\u201c]?(?:[\w-]+,?[ \t]+){0,4}?"
                                  r"|[ \t]+is[ \t]+(?:an?|the)[ \t]+(?:[\w-]+[ \t]+){0,3}?)" + _KINDS + r"\b")


def kind_named(prose: str) -> set[str]:
    """Names a sentence says the kind of, and so explains for the page: "the ABCD initiative
    promotes ...", "ZRIN, an open registry of ...", "because ZRIN is a registry"."""
    return set(_THE_KIND.findall(prose)) | set(_KIND_APPOSITIVE.findall(prose))
