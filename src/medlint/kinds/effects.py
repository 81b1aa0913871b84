"""``effects``: numeric efficacy and risk claims with no citation near them.

The figures come from :mod:`medlint.medical.effects` and the citation
recognition from :mod:`medlint.medical.citations`, the same one that
``dose-needs-citation`` uses, so a source that satisfies one rule satisfies both.
"""
from __future__ import annotations

import bisect
import re
from typing import Any, Callable, Iterable, Iterator

from ..diagnostic import Finding
from ..document import Document
from ..medical.citations import KINDS as CITATION_KINDS
from ..medical.citations import cited, cited_earlier, cited_loosely, cited_nearby, window
from ..medical.effects import (CLAIM_KINDS, block_index, clause_around, find_effect_claims, heading_at,
                               heading_starts, not_a_claim, sorted_headings)
from .. import lazyre
from . import BuildContext
from .pattern import not_a_claim as quoted_or_linked

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "window": {"enum": ["paragraph", "sentence"]},
        "citations": {"type": "array", "minItems": 1, "items": {"enum": list(CITATION_KINDS)}},
        "claims": {"type": "array", "minItems": 1, "items": {"enum": list(CLAIM_KINDS)}},
        "refer_back": {"type": "boolean"},
    },
}
DEFAULTS: dict[str, Any] = {"window": "paragraph", "citations": list(CITATION_KINDS), "claims": list(CLAIM_KINDS),
                           "refer_back": True}
PLACEHOLDERS = ("match", "claim", "where")

#: Words by which a claim refers back to a study the page has just named: "the trial found",
#: "in this study", "the authors report", "they found".
_REFERS_BACK = lazyre.compile(
    r"\b(?:the|this|that|these|those|their|its)\s+(?:\w+\s+){0,2}?(?:study|studies|trial|trials|RCT|analysis|"
    r"meta-analysis|review|paper|report|cohort|researchers|investigators|authors|results?|findings|data)\b"
    r"|\b(?:they|researchers|investigators|authors)\s+(?:\w+\s+)?(?:found|report(?:ed)?|observed|showed|saw|noted)\b",
    re.I)
_TABLE_BLOCKS = ("table-row", "td", "th")
_LIST_BLOCKS = ("list-item", "li")
#: Contexts (of the pattern kind) in which a figure is someone else's words: quoted, or a linked title.
_THEIR_WORDS = frozenset({"quoted", "link-text"})
_CLAIM_NAMES = {"percent-change": "per cent change", "ratio": "risk ratio", "times": "relative risk", "nnt": "number needed to treat"}


def _check(options: dict[str, Any]) -> Callable[[Document], Iterator[Finding]]:
    scope = options["window"]
    kinds = tuple(options["citations"])
    shapes = tuple(options["claims"])
    refer_back = options["refer_back"]

    def check(doc: Document) -> Iterator[Finding]:
        groups: dict[tuple[str, int], list[Any]] = {}
        for claim in find_effect_claims(doc, shapes):
            if not_a_claim(doc, claim) or quoted_or_linked(doc, claim.start, claim.end, _THEIR_WORDS):
                continue  # a hypothetical, the site's own statistics...; someone's words in quotation marks
            block = doc.block_at(claim.start)
            heading = heading_at(doc, claim.start)
            where, lo = scope, claim.start
            if heading is not None:
                if _section_cited(doc, heading, kinds):
                    continue  # a heading's claim is sourced by its section, or is a title in a list of them
                where, lo = "section", heading.start
            else:
                lo, hi = window(doc, claim.start, claim.end, scope)
                if cited(doc, lo, hi, kinds) or cited_nearby(doc, claim.start, kinds):
                    continue
                if "numbered" in kinds and cited_loosely(doc, lo, hi):
                    continue
                if refer_back and _refers_back(doc, claim.start, claim.end) and cited_earlier(doc, claim.start, kinds):
                    continue
                if block is not None and block.kind in _LIST_BLOCKS and _list_lead_cited(doc, block, kinds):
                    continue
            values = {"match": claim.text, "claim": _CLAIM_NAMES[claim.kind], "where": where}
            if block is not None and block.kind in _TABLE_BLOCKS + _LIST_BLOCKS:
                group = "table" if block.kind in _TABLE_BLOCKS else "list"
                groups.setdefault((group, _run_start(doc, block)), []).append((claim, values))
                continue
            groups.setdefault((where, lo), []).append((claim, values))
        for (group, _), rows in sorted(groups.items(), key=lambda item: item[1][0][0].start):
            claim, values = rows[0]
            if len(rows) > 1:  # one source fixes them all: one finding, with the count
                values = {**values, "where": f"{group} ({len(rows)} uncited figures)"}
            elif group == "table":
                values = {**values, "where": "table"}
            yield Finding(claim.start, claim.end, values)

    return check


def _section_cited(doc: Document, heading: Any, kinds: tuple[str, ...]) -> bool:
    """Whether a heading's claim has its source: the heading itself or its section (up to the next
    heading of the same or a higher level) cites one, or the section is empty (the heading is a
    title in a list of titles, whose pages hold the evidence)."""
    headings = sorted_headings(doc)
    i = bisect.bisect_right(heading_starts(doc), heading.start)
    inner = headings[i].start if i < len(headings) else len(doc.text)
    end = next((headings[k].start for k in range(i, len(headings)) if headings[k].level <= heading.level), len(doc.text))
    body = doc.prose[max(heading.end, heading.start + 1):inner]
    if not body.strip():
        return True
    return cited(doc, heading.start, end, kinds)


def _list_lead_cited(doc: Document, block: Any, kinds: tuple[str, ...]) -> bool:
    """Whether the paragraph that introduces the list holding *block* (ending in a colon) cites a
    source ("In [the trial](...), the treated group had:" followed by the figures as items)."""
    blocks = doc.blocks
    i = _run_index(doc, block)
    if i == 0 or heading_at(doc, blocks[i - 1].start) is not None:
        return False
    lead = blocks[i - 1]
    return doc.prose[lead.start:lead.end].rstrip().endswith(":") and cited(doc, lead.start, lead.end, kinds)


def _refers_back(doc: Document, start: int, end: int) -> bool:
    before, after = clause_around(doc, start, end)
    return bool(_REFERS_BACK.search(before) or _REFERS_BACK.search(after))


def _run_start(doc: Document, block: Any) -> int:
    """Where the run of table rows (or list items) holding *block* starts: the table's identity."""
    return doc.blocks[_run_index(doc, block)].start


def _run_index(doc: Document, block: Any) -> int:
    """The index of the first block of the run of table rows (or list items) holding *block*,
    remembered for every block of the run (a long list is walked once)."""
    kinds = _TABLE_BLOCKS if block.kind in _TABLE_BLOCKS else _LIST_BLOCKS
    runs = doc.cache.setdefault("effects:runs", {})
    blocks = doc.blocks
    i = block_index(doc, block.start)
    while i < len(blocks) - 1 and (blocks[i].start, blocks[i].end) != (block.start, block.end):
        i += 1
    walked = []
    while i > 0 and blocks[i - 1].kind in kinds and i not in runs:
        walked.append(i)
        i -= 1
    first = runs.get(i, i)
    for k in walked:
        runs[k] = first
    return first


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    return _check(options)
