"""Citation identifiers: where they are in text and URLs, and whether they are whole.

Sources of the syntax rules:

- DOI: DOI Handbook §2.2 (https://www.doi.org/the-identifier/resources/handbook/2_numbering):
  ``10.`` + registrant code (digits, optionally dotted) + ``/`` + suffix of
  printable characters.  Crossref's recommended pattern
  ``/^10.\\d{4,9}/[-._;()/:A-Z0-9]+$/i`` (https://www.crossref.org/blog/dois-and-matching-regular-expressions/)
  matches 74.4M of 74.9M Crossref DOIs; the rest are mostly old Wiley SICI
  DOIs with ``<``, ``>`` and ``#``, which must survive intact.  The pattern
  accepts a trailing period, so context decides whether one is damage: in a
  URL or a link that is only the DOI, it is; after a DOI in running text, it
  is the sentence's full stop.
- PMID: https://www.nlm.nih.gov/bsd/mms/medlineelements.html#pmid (1-8 digits,
  no leading zero; current PMIDs are about 42 million).
- PMCID: https://www.ncbi.nlm.nih.gov/pmc/about/public-access-info/ (``PMC`` + digits).
- NCT: https://clinicaltrials.gov/data-api/about-api/study-data-structure (``NCT`` + 8 digits).
- ISBN: ISO 2108 (ISBN-10 mod 11, ISBN-13 mod 10 with weights 1 and 3).
- ISSN: ISO 3297 (mod 11 with weights 8..2, ``X`` for 10).

idutils was considered and not used: it validates whole strings, not running
text, accepts trailing periods and any integer as a PMID, and brings isbnlib.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote

from .. import fastre
from ..punctuation import trim_trailing
from .. import lazyre

# -- DOIs -------------------------------------------------------------------

#: A DOI-looking token in text: stops at white space, quotes and brackets of markup.
DOI_IN_TEXT = fastre.compile(r"(?:(?<=doi\.org/)|(?<![\w/.]))10\.\d+(?:\.\d+)*/[^\s\"'\[\]{}|\\^`]+", re.I)
#: ``doi:`` / ``DOI`` labels before a DOI in text (any registrant, so damage there is reported).
DOI_LABEL = lazyre.compile(r"(?i)\bdoi\s*:?\s*$")
#: A DOI resolver URL; group 1 is the DOI as written in the URL.
DOI_URL = lazyre.compile(r"(?i)^(?:https?:)?//(?:dx\.|www\.)?(?:doi\.org|hdl\.handle\.net)/+(.*)$")
RESOLVER = lazyre.compile(r"(?i)(?:http://(?:dx\.|www\.)?doi\.org/|https://(?:dx\.|www\.)doi\.org/)")
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
INVISIBLE = "\u00a0\u200b\u200c\u200d\u2060\ufeff\u00ad\u2009\u202f"
ENTITY = lazyre.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
TRAILING = ".,;:"


def strip_trailing(token: str, emphasis: bool = False) -> str:
    """A DOI token without the punctuation that ends the sentence around it
    (and, in running Markdown text, the ``*``/``_`` of emphasis around it)."""
    return trim_trailing(token, TRAILING + ("*_~" if emphasis else ""), ")>")


@dataclass(frozen=True)
class DoiProblem:
    """What is wrong with a DOI, where (offsets within it), and the repair."""

    problem: str
    start: int
    end: int
    replacement: str | None  # None: no certain repair


#: A DOI written as a template, its registrant code (and maybe more) in placeholder letters:
#: "10.xxxx/xxxxx", "xx.xxxx/x.x", "10.####/abc": a form to fill in, not a DOI copied wrong.
_PLACEHOLDER_DOI = lazyre.compile(r"(?:10|[xX#]{2})\.[xX#]{2,}(?:\.[xX#]+)*/")


def is_placeholder_doi(doi: str) -> bool:
    """Whether *doi* is a template's placeholder (see ``_PLACEHOLDER_DOI``)."""
    return _PLACEHOLDER_DOI.match(doi) is not None


def doi_problems(doi: str, strict: bool, trailing_is_damage: bool, entities_decoded: bool = False) -> list[DoiProblem]:
    """Problems of one DOI as written; offsets are relative to *doi*.

    *strict* applies the prefix and suffix syntax (for DOIs that are claimed
    as DOIs: a resolver URL or a ``doi:`` label); otherwise only unmistakable
    damage is reported.  Where the markup decodes entities (Markdown, HTML),
    ``&lt;`` is just how ``<`` is written and only a double-escaped entity
    (``&amp;lt;``) is damage.
    """
    problems: list[DoiProblem] = []
    if is_placeholder_doi(doi):
        return problems
    for m in re.finditer("[" + DASHES + "]", doi):
        problems.append(DoiProblem(f"'{m.group()}' (U+{ord(m.group()):04X}) where a hyphen '-' belongs", m.start(), m.end(), "-"))
    for m in re.finditer("[" + INVISIBLE + "]", doi):
        problems.append(DoiProblem(f"invisible character U+{ord(m.group()):04X} inside the DOI", m.start(), m.end(), ""))
    for m in re.finditer(r"\s+", doi):
        problems.append(DoiProblem("white space inside the DOI", m.start(), m.end(), ""))
    for m in ENTITY.finditer(doi):
        if entities_decoded:
            double = re.match(r"&amp;(#?\w+;)", doi[m.start():])
            if not double:
                continue
            problems.append(DoiProblem(f"double-escaped HTML entity '{double.group()}' inside the DOI",
                                       m.start(), m.start() + len(double.group()), html.unescape("&" + double.group(1))))
        else:
            problems.append(DoiProblem(f"HTML entity '{m.group()}' inside the DOI", m.start(), m.end(), html.unescape(m.group())))
    if trailing_is_damage:
        kept = strip_trailing(doi)
        if len(kept) < len(doi):
            extra = doi[len(kept):]
            problems.append(DoiProblem(f"trailing '{extra}' is not part of the DOI", len(kept), len(doi), ""))
    if strict and not problems:
        prefix = re.match(r"10\.(\d+)((?:\.\d+)*)/", doi)
        if doi.lower().startswith("doi:"):
            problems.append(DoiProblem("'doi:' does not belong inside a DOI URL", 0, 4, ""))
        elif not prefix:
            problems.append(DoiProblem("a DOI starts with '10.', a registrant code and '/'", 0, len(doi), None))
        elif not 4 <= len(prefix.group(1)) <= 9:
            problems.append(DoiProblem(f"registrant code '{prefix.group(1)}' should have 4 to 9 digits", 3, 3 + len(prefix.group(1)), None))
        elif prefix.end() == len(doi):
            problems.append(DoiProblem("the DOI has no suffix after '/'", 0, len(doi), None))
        else:
            suffix = doi[prefix.end():]
            bad = re.search(r"[^-._;()/:A-Za-z0-9<>#\[\]+*~'@=!$,%&?]", suffix)
            if bad:
                at = prefix.end() + bad.start()
                problems.append(DoiProblem(f"character '{bad.group()}' (U+{ord(bad.group()):04X}) is not valid in a DOI", at, at + 1, None))
    return problems


def doi_from_url(url: str) -> tuple[str, int] | None:
    """(DOI as written, its offset in *url*) if *url* is a DOI resolver link."""
    m = DOI_URL.match(url)
    if not m or not m.group(1):
        return None
    return m.group(1), m.start(1)


def normalize_doi(doi: str) -> str:
    """Comparable form: percent-decoded, dashes and case folded, no stray ends."""
    doi = html.unescape(unquote(doi))
    for dash in DASHES:
        doi = doi.replace(dash, "-")
    doi = re.sub("[" + INVISIBLE + r"\s]", "", doi)
    return strip_trailing(doi).casefold()


# -- PubMed, PMC, ClinicalTrials.gov ------------------------------------------

PMID_TEXT = fastre.compile(r"(?i)\bPMID\b\s*[:#.]?\s*([0-9][0-9A-Za-z]*)")
PMID_URL = fastre.compile(r"(?i)(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov/pubmed)/+([0-9][0-9A-Za-z]*)")
PMCID_LABELED = fastre.compile(r"(?i)\bPMCID\b\s*[:#]?\s*((?:PMC\s?)?[0-9][0-9A-Za-z]*)")
PMCID_BARE = fastre.compile(r"(?<![\w])(PMC\s?[0-9][0-9A-Za-z]*)")
PMCID_URL = fastre.compile(r"(?i)(?:ncbi\.nlm\.nih\.gov/pmc/articles|pmc\.ncbi\.nlm\.nih\.gov/articles|europepmc\.org/article/PMC)/+((?i:PMC)[0-9A-Za-z]*|[0-9][0-9A-Za-z]*)")
NCT_TEXT = fastre.compile(r"(?<![A-Za-z0-9])(NCT\s*[:#-]?\s*[0-9]+)(?![0-9])")
NCT_URL = fastre.compile(r"(?i)clinicaltrials\.gov/(?:ct2/show/(?:record/)?|study/)(NCT[A-Za-z0-9]*)")


def pmid_problem(value: str) -> str | None:
    if not value.isdigit():
        return f"'{value}' is not a number"
    if value.startswith("0"):
        return "a PMID has no leading zero"
    if len(value) > 8:
        return f"a PMID has at most 8 digits, this one has {len(value)}"
    return None


def pmcid_problem(value: str) -> str | None:
    compact = value.replace(" ", "")
    digits = compact[3:] if compact.upper().startswith("PMC") else compact
    if not compact.upper().startswith("PMC"):
        return "a PMCID starts with 'PMC'"
    if not compact.startswith("PMC"):
        return "'PMC' is written in capitals"
    if not digits.isdigit():
        return f"'{digits}' is not a number"
    if digits.startswith("0") or len(digits) > 9:
        return "a PMCID is 'PMC' and up to 9 digits with no leading zero"
    return None


def pmcid_fix(value: str) -> str | None:
    digits = re.sub(r"(?i)^pmc", "", value.replace(" ", ""))
    return "PMC" + digits if digits.isdigit() and not digits.startswith("0") else None


def nct_problem(value: str) -> str | None:
    digits = re.sub(r"(?i)^NCT\s*[:#-]?\s*", "", value)
    if not digits.isdigit():
        return f"'{value}' is not 'NCT' and 8 digits"
    if len(digits) != 8:
        return f"an NCT number has exactly 8 digits, this one has {len(digits)}"
    return None


# -- ISBN and ISSN ----------------------------------------------------------------

ISBN_TEXT = fastre.compile(r"(?i)\bISBN(?:-1[03])?\b\s*:?\s*((?:97[89][\s-]?)?[0-9][0-9\s-]{7,14}[0-9X])(?![0-9A-Za-z-])")
ISSN_TEXT = fastre.compile(r"(?i)\b[EP]?-?ISSN(?:-L)?\b\s*:?\s*([0-9]{4}[-\u2010\u2013 ]?[0-9]{3}[0-9X])(?![0-9A-Za-z])")


def isbn_problem(raw: str) -> str | None:
    digits = re.sub(r"[\s-]", "", raw).upper()
    if len(digits) == 10:
        if not re.fullmatch(r"[0-9]{9}[0-9X]", digits):
            return "an ISBN-10 has 9 digits and a check digit"
        total = sum((10 - i) * int(c) for i, c in enumerate(digits[:9]))
        check = (11 - total % 11) % 11
        expected = "X" if check == 10 else str(check)
    elif len(digits) == 13:
        if not digits.isdigit():
            return "an ISBN-13 has 13 digits"
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits[:12]))
        expected = str((10 - total % 10) % 10)
    else:
        return f"an ISBN has 10 or 13 digits, this one has {len(digits)}"
    if digits[-1] != expected:
        return f"check digit is '{digits[-1]}' but should be '{expected}': a digit is wrong or swapped"
    return None


def issn_problem(raw: str) -> str | None:
    digits = re.sub(r"[^0-9Xx]", "", raw).upper()
    total = sum((8 - i) * int(c) for i, c in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    expected = "X" if check == 10 else str(check)
    if digits[-1] != expected:
        return f"check digit is '{digits[-1]}' but should be '{expected}': a digit is wrong or swapped"
    return None
