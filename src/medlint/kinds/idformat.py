"""``idformat``: citation identifiers written in a non-standard way, with a safe fix.

The identifiers are valid (the ``identifiers`` kind reports damaged ones, and
an identifier with a problem there is left to it); what this kind reports is
how they are written: ``PMID:     21711256`` or ``PMID 21711256`` for
``PMID: 21711256`` (the form PubMed and the NLM citation style print),
``PMC 1234567`` for ``PMC1234567``, ``NCT 01234567`` for ``NCT01234567``,
and, by the project's choice of style, ``doi: 10.x`` for
``https://doi.org/10.x`` (Crossref's display guidelines) or odd spacing in the
``doi:`` label.  Only prose is read: an identifier inside a URL, a link
target or code is never reported.
"""
from __future__ import annotations

import html
import re
from typing import Any, Callable, Iterable, Iterator

from ..diagnostic import Edit, Finding
from ..document import Document
from ..medical import identifiers as ids
from . import BuildContext, OptionError
from .identifiers import doi_sites
from .. import lazyre

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "pmid": {"type": "string", "pattern": r"\{\}"},
        "pmcid": {"type": "string", "pattern": r"\{\}"},
        "doi": {"enum": ["any", "label", "link"]},
        "doi_label": {"type": "string", "pattern": r"\{\}"},
        "resolver": {"type": "string", "pattern": "^https?://"},
    },
}
DEFAULTS: dict[str, Any] = {"pmid": "PMID: {}", "pmcid": "PMCID: {}", "doi": "any", "doi_label": "doi:{}",
                            "resolver": "https://doi.org/"}
FIXES = "safe"
PLACEHOLDERS = ("match", "replacement", "problem")

_GAP = r"[ \t\u00a0\u2009\u202f]"
# (Each pattern opens with its label's first letter, a lookahead or the literal itself with the
# lookbehind after it: the scan tries only where the label may start, matches unchanged.)
#: A labelled PMID in prose: the label, its punctuation and spacing, and the number (group 1).
_PMID = lazyre.compile(r"(?i)(?=p)(?<![\w/])PMID(?:" + _GAP + r"*[:#.]" + _GAP + r"*|" + _GAP + r"+)([1-9][0-9]{0,7})(?!\w|[.,]\d)")
#: A labelled PMCID: ``PMCID: PMC123``, ``PMCID PMC 123`` (group 1: the PMC number as written).
_PMCID = lazyre.compile(r"(?i)(?=p)(?<![\w/])PMCID(?:" + _GAP + r"*[:#]" + _GAP + r"*|" + _GAP + r"+)(PMC" + _GAP + r"*[1-9][0-9]{0,8})(?![\w])")
#: ``PMC 1234567`` with a gap (five digits or more: "available in PMC 2015 March 1" is a year).
_PMC_GAP = lazyre.compile(r"PMC(?<![\w/]PMC)" + _GAP + r"+([1-9][0-9]{4,8})(?![\w])")
#: ``NCT 01234567``, ``NCT-01234567``, ``NCT: 01234567`` (exactly 8 digits).
_NCT = lazyre.compile(r"NCT(?<![\w/]NCT)(?:" + _GAP + r"*[:#-]" + _GAP + r"*|" + _GAP + r"+)([0-9]{8})(?![\w])")
#: The ``doi`` label right before a DOI: its spacing and colon.
_DOI_LABEL = lazyre.compile(r"(?i)(?<![\w/.])doi(" + _GAP + r"*)(:?)(" + _GAP + r"*)$")


def _difference(written: str, want: str, name: str) -> str:
    """What differs between an identifier as written and as it should be, in a few words."""
    if re.sub(r"\W", "", written) == re.sub(r"\W", "", want):
        if written.replace(" ", "") == want.replace(" ", "") or re.sub(r"\s", "", written) == re.sub(r"\s", "", want):
            return f"spacing of the {name}"
        return f"punctuation of the {name} label"
    if written.lower() == want.lower() or re.sub(r"\W", "", written).lower() == re.sub(r"\W", "", want).lower():
        return f"the label is written in capitals, '{name}'"
    return f"standard form of the {name}"


def _finding(start: int, end: int, written: str, replacement: str, problem: str) -> Finding:
    return Finding(start, end, {"match": written, "replacement": replacement, "problem": problem},
                   Edit(start, end, replacement))


def _plain(doc: Document, start: int, end: int) -> bool:
    """True if nothing in text[start:end] is masked: a gap that holds a tag or a link
    target (``PMID</span> 123``, ``PMID [123](url)``) is markup, not spacing, and a fix
    must never remove it."""
    return doc.text[start:end] == doc.prose[start:end]


def _numbers(doc: Document, pmid: str, pmcid: str) -> Iterator[Finding]:
    prose = doc.prose
    taken: list[tuple[int, int]] = []
    for m in _PMCID.finditer(prose, doc.body_start):
        if not _plain(doc, m.start(), m.end()):
            continue
        number = re.sub(_GAP, "", m.group(1))
        if ids.pmcid_problem(number):
            continue  # pmcid-malformed's
        want = pmcid.format("PMC" + number[3:])
        taken.append((m.start(), m.end()))
        if m.group() != want:
            yield _finding(m.start(), m.end(), m.group(), want, _difference(m.group(), want, "PMCID"))
    for m in _PMC_GAP.finditer(prose, doc.body_start):
        if any(s <= m.start() < e for s, e in taken) or not _plain(doc, m.start(), m.end()):
            continue
        want = "PMC" + m.group(1)
        yield _finding(m.start(), m.end(), m.group(), want, "a PMCID has no space after 'PMC'")
    for m in _PMID.finditer(prose, doc.body_start):
        want = pmid.format(m.group(1))
        # "PMID:123" (no space) is the compact form journals and citation managers print;
        # it reads the same, so the style's spaced form does not report it.
        if m.group() not in (want, want.replace(": ", ":")) and not ids.pmid_problem(m.group(1)) and _plain(doc, m.start(), m.end()):
            yield _finding(m.start(), m.end(), m.group(), want, _difference(m.group(), want, "PMID"))
    for m in _NCT.finditer(prose, doc.body_start):
        if not _plain(doc, m.start(), m.end()):
            continue
        want = "NCT" + m.group(1)
        yield _finding(m.start(), m.end(), m.group(), want, "an NCT number is 'NCT' and 8 digits with nothing between")


def _dois(doc: Document, style: str, label: str, resolver: str) -> Iterator[Finding]:
    text = doc.text
    for site in doi_sites(doc):
        if site.context != "text":
            continue  # a link's text or address: already a link, or doi-mismatch's
        raw = site.raw(doc)
        if ids.doi_problems(raw, True, False, site.entities_decoded):
            continue  # doi-malformed's
        line_start = max(text.rfind("\n", 0, site.start) + 1, site.start - 12)
        m = _DOI_LABEL.search(doc.prose, line_start, site.start)
        if m is None or not _plain(doc, m.start(), site.start):
            continue  # a bare DOI in text: a style may want a label or a link, but it reads as one
        written = text[m.start():site.end]
        colon, after = m.group(2), m.group(3)
        if style == "link":
            if doc.format == "html" and doc.link_text_at(m.start()) is not None:
                continue  # already the text of a link: making it a link would nest one in another
            url = resolver + raw
            want = url
            if doc.format == "html":  # the DOI as written is HTML: unescape it before escaping the link
                url = resolver + html.unescape(raw)
                want = f'<a href="{html.escape(url)}">{html.escape(url, quote=False)}</a>'
            yield _finding(m.start(), site.end, written, want, "this project links DOIs: " + resolver + "10...")
        elif style == "label":
            want = label.format(raw)
            if written != want:
                yield _finding(m.start(), site.end, written, want, "this project writes DOIs as '" + label.format("10...") + "'")
        else:
            word = m.group()[:3]
            want = word + (":" + (" " if after else "") if colon else " ") + raw
            if want != written:
                yield _finding(m.start(), site.end, written, want, "spacing of the 'doi:' label")


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    for key in ("pmid", "pmcid", "doi_label"):
        if options[key].count("{}") != 1:
            raise OptionError([key], f"'{options[key]}' must hold '{{}}' once, where the identifier goes")
        try:
            options[key].format("1")
        except (IndexError, KeyError, ValueError):  # '{x} {}', '{}}', '{:>5}{}': not one plain slot
            raise OptionError([key], f"'{options[key]}' must hold '{{}}' once and no other braces "
                                     "(write '{{' or '}}' for a brace)") from None
    resolver = options["resolver"] if options["resolver"].endswith("/") else options["resolver"] + "/"

    def check(doc: Document) -> Iterator[Finding]:
        found = list(_numbers(doc, options["pmid"], options["pmcid"]))
        found.extend(_dois(doc, options["doi"], options["doi_label"], resolver))
        found.sort(key=lambda f: f.start)
        return iter(found)

    return check
