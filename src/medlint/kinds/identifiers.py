"""``identifiers``: DOIs, PMIDs, PMCIDs, NCT numbers, ISBNs and ISSNs.

Each bundled rule runs one ``check``.  DOIs are found in three contexts,
which decide what counts as damage: a resolver URL (a link target, HTML
attribute or bare URL) is a DOI and nothing else, so a trailing '.' there is
damage; a link whose text is just the DOI is the same; a DOI in running text
ends where the sentence's punctuation begins.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import unquote

from ..medical import identifiers as ids
from ..diagnostic import Edit, Finding
from ..document import Document
from ..markup.model import Link
from .. import lazyre
from . import BuildContext

CHECKS = ("doi-malformed", "doi-mismatch", "doi-resolver", "doi-unresolved",
          "pmid", "pmcid", "nct", "isbn", "issn")
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "resolver": {"type": "string", "pattern": "^https?://"},
        "timeout": {"type": "number", "exclusiveMinimum": 0},
        "cache_days": {"type": "number", "minimum": 0},
        "run_timeout": {"type": "number", "exclusiveMinimum": 0},
    },
}
DEFAULTS: dict[str, Any] = {"resolver": "https://doi.org", "timeout": 10.0, "cache_days": 30.0, "run_timeout": 120.0}
#: Fixes each check offers (see ruleset.fixes_of).
FIXES = {"doi-malformed": "safe", "doi-resolver": "safe", "pmcid": "safe"}
PLACEHOLDERS = ("match", "problem", "replacement", "doi")
#: The options each check reads (``medlint explain`` shows only these): only the online look-up has any.
CHECK_OPTIONS = {check: () for check in CHECKS} | {"doi-unresolved": ("resolver", "timeout", "cache_days", "run_timeout")}

_LINK_TEXT_PREFIX = lazyre.compile(r"(?i)^(?:doi\s*:?\s*|(?:https?://)?(?:dx\.|www\.)?doi\.org/)")


@dataclass
class DoiSite:
    """One DOI as written in the document."""

    start: int
    end: int
    context: str  # "url", "link-text" or "text"
    strict: bool
    trailing_is_damage: bool
    entities_decoded: bool
    link: Link | None = None

    def raw(self, doc: Document) -> str:
        return doc.text[self.start:self.end]


def doi_sites(doc: Document) -> list[DoiSite]:
    """Every DOI in the document's links, link text and prose."""
    sites: list[DoiSite] = []
    text = doc.text
    decodes = doc.format != "text"  # Markdown and HTML decode entities; plain text shows them
    link_texts: list[tuple[int, int]] = []
    for link in doc.links:
        if link.kind != "reference" and link.target_start is not None and link.target_end is not None:
            found = ids.doi_from_url(text[link.target_start:link.target_end])
            if found:
                start = link.target_start + found[1]
                sites.append(DoiSite(start, link.target_end, "url", True, True, decodes, link))
        if link.text_start is not None and link.text_end is not None and link.kind != "html":
            link_texts.append((link.text_start, link.text_end))
            label = text[link.text_start:link.text_end]
            for m in ids.DOI_IN_TEXT.finditer(text, link.text_start, link.text_end):
                token = m.group()
                before = text[link.text_start:m.start()]
                whole = _LINK_TEXT_PREFIX.sub("", label.strip()) == token
                labeled = bool(ids.DOI_LABEL.search(before) or before.rstrip().lower().endswith("doi.org/"))
                end = m.end() if whole else m.start() + len(ids.strip_trailing(token))
                sites.append(DoiSite(m.start(), end, "link-text", labeled or whole, whole, decodes, link))
    link_texts.sort()
    for m in ids.DOI_IN_TEXT.finditer(text, doc.body_start):
        s = m.start()
        if not doc.is_prose(s):
            continue
        i = bisect.bisect_right(link_texts, (s, len(text))) - 1
        if i >= 0 and link_texts[i][0] <= s < link_texts[i][1]:
            continue  # read above, as link text
        token = ids.strip_trailing(_before_markup(text, s, m.end()), emphasis=True)
        labeled = bool(ids.DOI_LABEL.search(text[max(0, s - 12):s]))
        sites.append(DoiSite(s, s + len(token), "text", labeled, False, decodes))
    sites.sort(key=lambda site: site.start)
    return sites


def _before_markup(text: str, start: int, end: int) -> str:
    """The token text[start:end] up to the first HTML tag in it (SICI's '<91::' is no tag)."""
    from ..markup.tags import parse_tag

    lt = text.find("<", start, end)
    while lt >= 0:
        if parse_tag(text, lt, len(text)) is not None:
            return text[start:lt]
        lt = text.find("<", lt + 1, end)
    return text[start:end]


def _site_problems(doc: Document, site: DoiSite) -> list[ids.DoiProblem]:
    raw = site.raw(doc)
    problems = ids.doi_problems(raw, site.strict, site.trailing_is_damage, site.entities_decoded)
    if not problems and site.context == "url" and unquote(raw) != raw:
        decoded = ids.doi_problems(unquote(raw), site.strict, True, True)
        problems = [ids.DoiProblem(p.problem + " (percent-encoded)", 0, len(raw), None) for p in decoded]
    return problems


def _doi_malformed(doc: Document) -> Iterator[Finding]:
    sites = doi_sites(doc)
    found = [(site, _site_problems(doc, site)) for site in sites]
    # A DOI damaged alike in an inline link's text and its address ("[10.1/x.](https://doi.org/10.1/x.)")
    # is one defect: one finding over both, with one fix that mends both.
    merged: dict[int, tuple[DoiSite, list[ids.DoiProblem]]] = {}
    for site, problems in found:
        link = site.link
        if site.context != "url" or not problems or link is None or link.kind != "inline":
            continue
        shown = next(((s, p) for s, p in found if s.link is link and s.context == "link-text" and p), None)
        if shown is not None and [p.problem for p in shown[1]] == [p.problem for p in problems]:
            merged[id(shown[0])] = (site, problems)
            merged[id(site)] = (shown[0], shown[1])
    done: set[int] = set()
    for site, problems in found:
        raw = site.raw(doc)
        if id(site) in merged:
            if id(site) in done:
                continue
            other, other_problems = merged[id(site)]
            done.add(id(other))
            first, second = sorted([(site, problems), (other, other_problems)], key=lambda pair: pair[0].start)
            yield _merged_finding(doc, first, second)
            continue
        for p in problems:
            fix = Edit(site.start + p.start, site.start + p.end, p.replacement) if p.replacement is not None else None
            yield Finding(site.start + p.start, site.start + p.end,
                          {"match": raw, "problem": p.problem, "replacement": p.replacement or "", "doi": raw}, fix)


def _merged_finding(doc: Document, first: tuple[DoiSite, list[ids.DoiProblem]],
                    second: tuple[DoiSite, list[ids.DoiProblem]]) -> Finding:
    """One finding from the first damage to the last, its fix every replacement in between."""
    start = first[0].start + first[1][0].start
    end = second[0].start + second[1][-1].end
    edits = sorted((site.start + p.start, site.start + p.end, p.replacement)
                   for site, problems in (first, second) for p in problems)
    fix = None
    if all(replacement is not None for _, _, replacement in edits):
        out, at = [], start
        for s, e, replacement in edits:
            out.append(doc.text[at:s])
            out.append(str(replacement))
            at = e
        out.append(doc.text[at:end])
        fix = Edit(start, end, "".join(out))
    raw = second[0].raw(doc) if second[0].context == "url" else first[0].raw(doc)
    problem = "; ".join(dict.fromkeys(p.problem for p in first[1]))
    replacement = next((p.replacement for p in first[1] if p.replacement is not None), "")
    return Finding(start, end, {"match": raw, "problem": problem + " (in the link's text and its address)",
                                "replacement": replacement or "", "doi": raw}, fix)


def _doi_mismatch(doc: Document) -> Iterator[Finding]:
    for site in doi_sites(doc):
        link = site.link
        if site.context != "link-text" or link is None or link.target_start is None or link.target_end is None:
            continue
        found = ids.doi_from_url(doc.text[link.target_start:link.target_end])
        if not found:
            continue
        shown, target = site.raw(doc), found[0]
        if ids.normalize_doi(shown) != ids.normalize_doi(target):
            yield Finding(site.start, site.end, {"match": shown, "doi": target})


def _doi_resolver(doc: Document) -> Iterator[Finding]:
    for link in doc.links:
        if link.kind == "reference" or link.target_start is None:
            continue
        m = ids.RESOLVER.match(doc.text, link.target_start, link.target_end or link.target_start)
        if m:
            yield Finding(m.start(), m.end(), {"match": m.group(), "replacement": "https://doi.org/"},
                          Edit(m.start(), m.end(), "https://doi.org/"))


def _doi_unresolved(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterator[Finding]]:
    """Well-formed DOIs that the resolver does not know (online rules only)."""
    from ..medical.doi_client import DoiClient

    cache = context.cache_dir / "doi.json" if context.cache_dir is not None else None
    client = DoiClient(options["resolver"], options["timeout"], cache, options["cache_days"], options["run_timeout"])

    def check(doc: Document) -> Iterator[Finding]:
        found = []
        for site in doi_sites(doc):
            raw = site.raw(doc)
            if ids.doi_problems(raw, True, site.trailing_is_damage, site.entities_decoded):
                continue  # malformed: doi-malformed reports it
            found.append((site, ids.normalize_doi(raw), raw))
        answers = client.exist(sorted({doi for _, doi, _ in found}))
        for site, doi, raw in found:
            if answers.get(doi) is False:
                yield Finding(site.start, site.end, {"match": raw, "doi": doi})
            elif answers.get(doi) is None:  # never dropped silently
                reason = client.failures.get(doi, "the look-up failed")
                yield Finding(site.start, site.end, {"match": raw, "doi": doi}, severity="info",
                              message=f"could not check DOI '{raw}': {reason}")

    return check


def _number_check(text_patterns: list[re.Pattern[str]], url_pattern: re.Pattern[str] | None,
                  problem: Callable[[str], str | None],
                  fix: Callable[[str], str | None] | None = None) -> Callable[[Document], Iterator[Finding]]:
    """A check of identifiers found by regexes in prose and, optionally, in link targets."""

    def check(doc: Document) -> Iterator[Finding]:
        seen: set[int] = set()
        for pattern in text_patterns:
            for m in pattern.finditer(doc.prose, doc.body_start):
                group = next(g for g in range(1, (pattern.groups or 0) + 1) if m.group(g) is not None)
                if m.start(group) in seen:
                    continue
                seen.update(range(m.start(), m.end()))
                yield from _report(m.group(group), m.start(group), problem, fix)
        if url_pattern is None:
            return
        for link in doc.links:
            if link.kind == "reference" or link.target_start is None or link.target_end is None:
                continue
            for m in url_pattern.finditer(doc.text, link.target_start, link.target_end):
                yield from _report(m.group(1), m.start(1), problem, fix)

    return check


def _report(value: str, start: int, problem: Callable[[str], str | None],
            fix: Callable[[str], str | None] | None) -> Iterator[Finding]:
    message = problem(value)
    if message:
        replacement = fix(value) if fix else None
        edit = Edit(start, start + len(value), replacement) if replacement else None
        yield Finding(start, start + len(value), {"match": value, "problem": message, "replacement": replacement or ""}, edit)


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    check = context.check
    if check == "doi-malformed":
        return _doi_malformed
    if check == "doi-mismatch":
        return _doi_mismatch
    if check == "doi-resolver":
        return _doi_resolver
    if check == "doi-unresolved":
        return _doi_unresolved(options, context)
    if check == "pmid":
        return _number_check([ids.PMID_TEXT], ids.PMID_URL, ids.pmid_problem)
    if check == "pmcid":
        return _number_check([ids.PMCID_LABELED, ids.PMCID_BARE], ids.PMCID_URL, ids.pmcid_problem, ids.pmcid_fix)
    if check == "nct":
        return _number_check([ids.NCT_TEXT], ids.NCT_URL, ids.nct_problem)
    if check == "isbn":
        return _number_check([ids.ISBN_TEXT], None, ids.isbn_problem)
    return _number_check([ids.ISSN_TEXT], None, ids.issn_problem)
