"""``dosage``: doses with no citation, above the upper intake level, or in error-prone notation."""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator

from .. import fastre
from ..medical.citations import KINDS as CITATION_KINDS
from ..medical.citations import SOURCE_LINE_CHARS, cited, cited_nearby, literature_link, source_line_follows, window
from ..diagnostic import Edit, Finding
from ..document import Document
from ..medical.claims import (SOURCED_KINDS, advises, heading_advises, in_linked_headline, in_quotation, in_worked_example,
                              over_image, product_content, report_kind, under_paper_header)
from ..medical.dose import dose_context, find_doses, load_limits, parse_number
from ..medical.measured import not_a_dose
from ..medical.reposted import in_comment, in_title_list
from ..medical.headingspans import in_heading, last_before
from ..medical.advice import reports_practice, reports_research
from ..medical.substance import SOURCES, page_title, sentence_bounds
from . import BuildContext
from .common import compile_regex
from .. import lazyre

NOTATIONS = ["trailing-zero", "naked-decimal", "unit-u", "cc", "qd", "qod", "microgram-sign", "spacing"]
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "window": {"enum": ["paragraph", "sentence"]},
        "citations": {"type": "array", "minItems": 1, "items": {"enum": list(CITATION_KINDS)}},
        "skip_quotes": {"type": "boolean"},
        "reports": {"type": "boolean"},
        "limits": {"type": "string"},
        "acknowledged": {"type": "array", "items": {"type": "string"}},
        "notations": {"type": "array", "items": {"enum": NOTATIONS}},
    },
}
CHECKS = ("needs-citation", "above-upper-limit", "notation")
PLACEHOLDERS = ("match", "problem", "replacement", "substance", "daily", "limit", "frequency", "where", "source")
FILE_OPTIONS = ("limits",)
#: The options each check reads (``medlint explain`` shows only these).
CHECK_OPTIONS = {"needs-citation": ("window", "citations", "skip_quotes", "reports", "limits"),
                 "above-upper-limit": ("limits", "acknowledged"), "notation": ("notations",)}

#: Words that show a paragraph already warns about a high dose.
ACKNOWLEDGED = [
    r"upper\s+(?:intake\s+)?(?:limit|level)", r"tolerable\s+upper", r"upper\s+tolerable", r"\bULs?\b", r"toxic(?:ity)?", r"overdos",
    r"hypercalc", r"(?:medical|doctor'?s?|physician'?s?|clinical|close)\s+supervision", r"supervised",
    r"prescri(?:bed|ption)", r"under\s+the\s+care\s+of",
    # blood tests while on the dose, which is what supervision is: "never take over 5,000 without
    # checking your levels", "get your level tested"
    r"\b(?:check|test|monitor|measur)\w*\s+(?:your|their|the\s+patient'?s)\s+(?:[\w()-]+\s+){0,3}?levels?\b",
    r"\b(?:get|have)\s+your\s+(?:[\w()-]+\s+){0,3}?levels?\s+(?:checked|tested|measured|monitored)\b",
    # a dose titrated to a blood level, which takes the tests: "(titrate to hold serum 25(OH)D close to 80 ng/mL)"
    r"\b(?:adjust|titrat)\w*\b[^.;!?]{0,40}?\b(?:serum|blood|levels?|25\s*\(?OH\)?\s*D)\b",
]

DEFAULTS: dict[str, Any] = {"window": "paragraph", "citations": list(CITATION_KINDS), "skip_quotes": True,
                           "reports": False, "acknowledged": ACKNOWLEDGED, "notations": NOTATIONS}
#: Fixes each check offers (see ruleset.fixes_of).
FIXES = {"notation": "safe"}

_UNITS_WORDS = r"(?:mg|mcg|g|mL|ml|units?|IU|µg|μg)\b"
_NOTATION_RULES: list[tuple[str, Any, Callable[[re.Match[str]], str | None], str]] = [
    ("trailing-zero", fastre.compile(r"(?<![\d.])(\d+)\.0+(?=\s*" + _UNITS_WORDS + ")"),
     lambda m: m.group(1), "trailing zero: '{m}' is misread as ten times the dose when the point is missed"),
    ("trailing-zero", fastre.compile(r"(?<![\d.])(\d+\.\d*[1-9])0+(?=\s*" + _UNITS_WORDS + ")"),
     lambda m: m.group(1), "trailing zero after the decimal point"),
    ("naked-decimal", fastre.compile(r"(?<![\d.,\w])\.(\d+)(?=\s*" + _UNITS_WORDS + ")"),
     lambda m: "0." + m.group(1), "no zero before the decimal point: '.5' is misread as '5'"),
    ("unit-u", fastre.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s?[Uu]\b(?![.\-'&])"),
     lambda m: m.group(1) + " units", "'U' for units is misread as 0, 4 or cc; write 'units'"),
    ("cc", fastre.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s?cc\b"), lambda m: m.group(1) + " mL", "'cc' is misread as 'u'; write 'mL'"),
    ("qd", fastre.compile(r"\b(?:q\.d\.|QD|qd|q\.d)(?!\w)"), lambda m: "daily", "'qd' is misread as 'qid' (four times a day); write 'daily'"),
    ("qod", fastre.compile(r"\b(?:q\.o\.d\.|QOD|qod)(?!\w)"), lambda m: "every other day", "'qod' is misread as 'qd' or 'qid'; write 'every other day'"),
    ("microgram-sign", fastre.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?[\u00b5\u03bc]g\b"), lambda m: m.group(1) + " mcg", "'µg' is misread as 'mg' when the µ is unclear; write 'mcg'"),
    ("spacing", fastre.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)(mg|mcg|mL|ml|IU|units?)\b"),
     lambda m: f"{m.group(1)} {m.group(2)}", "no space between the number and its unit: '10mg' is misread as '100 g'"),
]


#: What each notation's pattern cannot match without, checked on the page first (issue 23: the
#: patterns that open with a lookbehind and a number try every digit of every page; most pages
#: hold none of these shapes). Each is a part every match of its pattern holds: a literal string
#: (any of a tuple), or a pattern searched in the same engine with the same classes.
#: A point, digits, then the unit: "5.0 mg", "2.50 mg", ".5 mg".
_POINT_UNIT = fastre.compile(r"\.\d+\s*" + _UNITS_WORDS)
_PREFILTERS: dict[str, Any] = {
    "trailing-zero": _POINT_UNIT,
    "naked-decimal": _POINT_UNIT,
    "unit-u": fastre.compile(r"\d\s?[Uu]\b"),
    "cc": fastre.compile(r"(?<=\d\s?)cc"),
    "qd": ("q.d", "QD", "qd"),
    "qod": ("q.o.d.", "QOD", "qod"),
    "microgram-sign": ("\u00b5g", "\u03bcg"),
    "spacing": fastre.compile(r"\d(?:mg|mcg|mL|ml|IU|unit)"),
}


def _may_match(prefilter: Any, prose: str, start: int, cache: dict[Any, bool]) -> bool:
    """Whether a notation's pattern may match in *prose* from *start*: its prefilter
    (:data:`_PREFILTERS`) is found (remembered in *cache* for the page's other notations)."""
    key = id(prefilter)
    found = cache.get(key)
    if found is None:
        if isinstance(prefilter, tuple):
            found = any(prose.find(literal, start) >= 0 for literal in prefilter)
        else:
            found = prefilter.search(prose, start) is not None
        cache[key] = found
    return found


#: Notations whose numbers are doses only in a dose's context ("14.90 units" in a statistics table is not).
_NEEDS_DOSE_CONTEXT = {"trailing-zero", "naked-decimal", "unit-u", "spacing"}
#: A unit that makes the number a dose by itself.
_STRONG_UNIT = lazyre.compile(r"\s*(?:mg|mcg|IU|[\u00b5\u03bc]g)\b")


def _limits_file(options: dict[str, Any], context: BuildContext) -> str | None:
    """The upper-limits table the options name (None: the bundled one)."""
    return str(context.project_file(options["limits"], ["limits"])) if options.get("limits") else None


_TABLE_BLOCKS = ("table-row", "td", "th")


def _needs_citation(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterator[Finding]]:
    scope = options["window"]
    kinds = tuple(options["citations"])
    skip_quotes = options["skip_quotes"]
    reports = options["reports"]
    limits = _limits_file(options, context)

    def check(doc: Document) -> Iterator[Finding]:
        tables: dict[int, list[Any]] = {}
        uncited: list[tuple[Any, Any]] = []
        sourced: set[tuple[float, float, str]] = set()  # the amounts the page gives with a source
        for dose in find_doses(doc, limits):
            block = doc.block_at(dose.start)
            if skip_quotes and block is not None and block.kind == "blockquote":
                sourced.add(_amount_key(dose))
                continue  # a quoted abstract is the paper's claim, cited by the quote itself
            kind = None if reports else report_kind(doc, dose.start, dose.end, framing=True)
            if kind in SOURCED_KINDS:
                sourced.add(_amount_key(dose))
            if kind:
                continue  # what a trial arm received, the writer's own regimen, physiology
            lo, hi = window(doc, dose.start, dose.end, scope)
            if cited(doc, lo, hi, kinds) or cited_nearby(doc, dose.start, kinds):
                sourced.add(_amount_key(dose))
                continue
            uncited.append((dose, block))
        studied, practised = _title_amounts(doc, limits) if uncited and not reports else (set(), set())
        sourced |= studied
        for dose, block in uncited:
            key = _amount_key(dose)
            if not reports and (key in practised or (key in sourced and in_comment(doc, dose.start))) and not advises(doc, dose.start):
                continue  # the writer's comment restating the arm of a study the page carries ("800 IU likely too little"),
                # or the dose of the programme the page reports ("Only 200 IU for pregnant women")
            if block is not None and block.kind in _TABLE_BLOCKS:
                tables.setdefault(_table_start(doc, block), []).append(dose)
                continue
            yield Finding(dose.start, dose.end, {**_values(dose), "where": scope})
        for doses in tables.values():  # a table of doses is one finding, at its first uncited dose
            if not reports and _table_sourced(doc, doses[0], kinds):
                continue
            where = "table" if len(doses) == 1 else f"table ({len(doses)} uncited doses)"
            yield Finding(doses[0].start, doses[0].end, {**_values(doses[0]), "where": where})

    return check


def _amount_key(dose: Any) -> tuple[float, float, str]:
    """A dose's amount, to know the same dose when the page states it again."""
    return (round(dose.low, 3), round(dose.high, 3), dose.unit.lower())


Amounts = set[tuple[float, float, str]]


def _title_amounts(doc: Document, limits: str | None) -> tuple[Amounts, Amounts]:
    """The doses of a page title that reports a study ("800 IU for infant and 2000 IU for mother
    is good, not great - RCT") on a page that cites it (a DOI or PMID): the study's arms, which
    the writer's comment restates; and those of a title that reports what a group or programme
    gives ("Ministry is giving only 200 IU of D3 to 40 million mothers"), which the page's
    description of that programme restates."""
    title = page_title(doc).strip()
    if not title:
        return set(), set()
    studied = reports_research(title) and cited(doc, doc.body_start, len(doc.text), ("doi", "pmid"))
    practised = reports_practice(title)
    if not studied and not practised:
        return set(), set()
    amounts = {_amount_key(d) for d in find_doses(Document.from_text(title, path="title.md"), limits)}
    return (amounts if studied else set()), (amounts if practised else set())


#: A heading over a table of what people took or reported: "Data for clients 6 weeks or longer".
_DATA_HEADING = lazyre.compile(r"\b(?:data|results?|responses|survey|reported|outcomes?|findings|case\s+(?:studies|reports?))\b",
                               re.I)


def _table_sourced(doc: Document, dose: Any, kinds: tuple[str, ...]) -> bool:
    """Whether a table of doses has its source or is a report: a short line right after the
    table that links a paper or a document (the protocol's PDF under its dose table), or a
    heading that calls the table data or results (what patients reported taking)."""
    if _DATA_HEADING.search(doc.heading_before(dose.start)):
        return True
    blocks = doc.blocks
    i = doc.block_index(doc.block_at(dose.start))
    if i is None:
        return False
    while i + 1 < len(blocks) and blocks[i + 1].kind in _TABLE_BLOCKS:
        i += 1
    for nxt in blocks[i + 1:i + 1 + TABLE_SOURCE_BLOCKS]:
        if in_heading(doc, nxt.start, widen=True):
            break
        if len(doc.prose_of(nxt.start, nxt.end).strip()) > SOURCE_LINE_CHARS:
            break
        if cited(doc, nxt.start, nxt.end, tuple(k for k in kinds if k in ("doi", "pmid"))) or (
                "link" in kinds and literature_link(doc, nxt.start, nxt.end)):
            return True
    return False


#: How many short blocks after a table may hold its source line (a note on the table, then the link).
TABLE_SOURCE_BLOCKS = 2


def _table_start(doc: Document, block: Any) -> int:
    """Where the run of table blocks holding *block* starts: the table's identity."""
    blocks = doc.blocks
    if "table-run-starts" not in doc.cache:  # each block's run of table blocks, found once per page
        runs, first = [], 0
        for k, b in enumerate(blocks):
            if k == 0 or b.kind not in _TABLE_BLOCKS or blocks[k - 1].kind not in _TABLE_BLOCKS:
                first = k
            runs.append(first)
        doc.cache["table-run-starts"] = runs
    i = doc.block_index(block)
    return blocks[doc.cache["table-run-starts"][i]].start if i is not None else block.start


#: A daily amount this many times the limit is no intake of the substance but a quantity of
#: it ("2 g of crystalline vitamin D3 isolated from 150,000 g of oil").
IMPLAUSIBLE = 1000.0
#: A microgram substance written in milligrams this many times over its limit is a lost
#: "µ" (a copied or re-encoded page) far more often than an intake: 4 mg of vitamin D a
#: day is 160,000 IU. Doses in IU are read as written.
UNIT_SLIP = 20.0
#: What the body or the sun makes is no intake: "whole-body sun exposure provides 10,000 IU".
_MADE_BY = lazyre.compile(r"\b(?:sun\w*|UVB?|skin|tanning|sunbath\w*|exposure)\b[^.;!?]{0,150}?\b(?:provides?|gives?|makes?|"
                          r"produces?|generates?|synthesi[sz]es?|yields?)\b"
                          # past the list's earlier amounts ("yields 20,000 IU in tanned people and 8,000 IU
                          # in dark-skinned people"), not into advice ("..., but take 5,000 IU")
                          r"(?:(?!\b(?:but|so|take|taking|supplement\w*|should|must)\b)[^.;!?]){0,90}$", re.I)


def _above_limit(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterator[Finding]]:
    limits = _limits_file(options, context)
    table = load_limits(limits)
    ack = [compile_regex(p, ["acknowledged", i], re.I) for i, p in enumerate(options["acknowledged"])]

    def check(doc: Document) -> Iterator[Finding]:
        for dose in find_doses(doc, limits):
            entry = table.get(dose.substance or "")
            if not entry or "limit" not in entry or dose.hypothetical:
                continue
            unit = entry["limit"]["unit"]
            daily = dose.daily(unit, entry.get("iu"))  # None: a one-off dose, or per kg with no weight
            amount = entry["limit"]["amount"]
            if daily is None or daily <= amount * 1.0001 or daily > amount * IMPLAUSIBLE:
                continue
            if unit == "mcg" and dose.unit == "mg" and daily > amount * UNIT_SLIP:
                continue  # "4.0 mg/day" of vitamin D: a lost µ, not a dose forty times the limit
            if _not_an_intake(doc, dose.start, dose.end) or in_linked_headline(doc, dose.start) or (
                    dose.per_day is None and _unit_content(doc, dose)):
                continue
            if _not_advice(doc, dose, entry):
                continue
            if any(r.search(text, lo, hi) for text, lo, hi in _ack_windows(doc, dose) for r in ack):
                continue
            values = _values(dose)
            own = dose.high * (dose.weight if dose.per_kg and dose.weight else 1.0)
            own *= dose.per_day if dose.per_day is not None else 1.0
            shown = _amount(own, dose.unit) + (f" ({_amount(daily, unit)})" if dose.unit != unit else "")
            if dose.per_day is None:
                shown += " a day, if taken daily (no frequency is written)"
            elif dose.per_day < 1:
                shown += f" a day ({dose.frequency}, as a daily average)"
            else:
                shown += " a day"
            if dose.per_kg and dose.weight:
                shown += f" for {dose.weight:g} kg"
            values["daily"] = shown
            values["limit"] = entry.get("note") or f"{_amount(entry['limit']['amount'], unit)} a day"
            where = SOURCES.get(dose.substance_from or "sentence", "")
            values["source"] = f" ({where})" if where else ""
            yield Finding(dose.start, dose.end, values)

    return check


_LIST_BLOCKS = ("list-item", "li")
#: A list up to this many items (and notes among them) is read whole for a caveat.
SHORT_LIST = 12


def _indent(doc: Document, block: Any) -> int:
    """The white space before a block on its line: the items of one list share it, a nested
    list's items have more (an HTML list's items, wherever they stand, count as one list)."""
    line = doc.text[doc.text.rfind("\n", 0, block.start) + 1:block.start]
    return len(line) - len(line.lstrip(" \t"))


#: A note box right after the dose's paragraph or list: "> Note: ...", "**Caution:** ...".
_NOTE = lazyre.compile(r"\W{0,6}(?:note|caution|warning|important|beware|n\.?b\.?)\b", re.I)


def _ack_windows(doc: Document, dose: Any) -> list[tuple[str, int, int]]:
    """Where a warning about the dose may stand, as the reader meets it: the dose's paragraph;
    for a list item, the whole list (a short list that states the upper limit in one item
    and "a million people take 5,000 IU daily" in another has warned the reader; not a
    nested list's other levels, nor a long list); a table row's line that continues on the
    next (a cell broken over two lines); and a note right after the paragraph or list
    ("> Note: ... can be toxic", "**Caution:** ..."), read in the file's text: the rule's
    view blanks a quoted box, which the reader still sees."""
    windows = [(doc.prose, *window(doc, dose.start, dose.end, "paragraph"))]
    block = doc.block_at(dose.start)
    i = doc.block_index(block) if block is not None else None
    if i is None:
        return windows
    blocks = doc.blocks
    first = last = i
    if block.kind in _LIST_BLOCKS:
        indent = _indent(doc, block)
        while first > 0 and blocks[first - 1].kind in _LIST_BLOCKS and _indent(doc, blocks[first - 1]) == indent:
            first -= 1
        while last + 1 < len(blocks) and (blocks[last + 1].kind == "blockquote" or (
                blocks[last + 1].kind in _LIST_BLOCKS and _indent(doc, blocks[last + 1]) == indent)):
            last += 1
        if last - first + 1 > SHORT_LIST:
            first = last = i  # a long list (a page's FAQ): its other items are other topics
    elif block.kind in _TABLE_BLOCKS and last + 1 < len(blocks) and blocks[last + 1].kind in _TABLE_BLOCKS and \
            not doc.text[blocks[last + 1].start:blocks[last + 1].end].lstrip().startswith("|"):
        last += 1
    windows.extend((doc.prose, b.start, b.end) for b in blocks[first:last + 1] if b is not block)
    nxt = blocks[last + 1] if last + 1 < len(blocks) else None
    if nxt is not None and (_NOTE.match(doc.prose, nxt.start, nxt.end) or _NOTE.match(doc.text, nxt.start, nxt.end)):
        windows.append((doc.text, nxt.start, nxt.end))
    return windows


#: What one capsule, tablet or drop holds: "each capsule provides 50,000 IU", "50,000 IU per softgel".
_UNIT = r"(?:capsules?|caps|tablets?|tabs|softgels?|pills?|drops?|sachets?|ampoules?|vials?|pearls?|gummies|gummy)"
_HOLDS_BEFORE = lazyre.compile(r"\b(?:each|every|one|a|per|the)\s+(?:\S+\s+){0,2}?" + _UNIT + r"\b[^.;!?]{0,30}$", re.I)
_HOLDS_AFTER = lazyre.compile(r"\s*(?:of\s+(?:\S+\s+){1,3}?)?(?:per|in\s+(?:each|every|one|a))\s+(?:\w+\s+)?" + _UNIT + r"\b", re.I)


#: Reports that are no advice to take the dose every day: a named body's or person's figure (a
#: reference value, "one agency states that up to 8,000 IU is safe"), graded guideline
#: text, a hypothetical or worked example, a sum. A trial's dose, the writer's own regimen and
#: a quotation in the page's prose stay: the reader still meets an above-limit daily dose with
#: no warning (labelled so on vdw-dev). A pasted paper under its byline is the paper's text,
#: as the quotation regions the rule skips are.
_NOT_ADVICE_KINDS = ("authority", "guideline", "hypothetical", "arithmetic")
#: A heading that names a study: "Hives treated by 60,000 IU weekly – RCT May 2020" is the
#: title of a trial's report, not the page's advice.
_STUDY_TITLE = lazyre.compile(r"\b(?:RCTs?|randomi[sz]ed|trials?|stud(?:y|ies)|meta-?analys[ie]s|(?:systematic\s+)?reviews?|"
                              r"pilot|cohort)\b", re.I)
#: Advice against the dose: "Should not take 50,000 IU weekly when breastfeeding", "never exceed".
_NEGATED = lazyre.compile(r"(?:\b(?:should|must|do|does|did|can|could|would|will)\s*(?:not|n[o\u2019']t)|\bnever|\bdon[\u2019']?t)"
                          r"\s+(?:\w+\s+){0,2}?(?:take|use|give|exceed|go\s+(?:above|over|beyond))\b[^.;!?]{0,40}$|\bavoid\w*\b[^.;!?]{0,40}$",
                          re.I)
#: A statement the page marks as a myth: "There is no risk to starting 5,000 IU (FALSE - ...)",
#: "Myth: everyone needs 10,000 IU".
_REFUTED = lazyre.compile(r"\(\s*(?:FALSE|(?i:untrue|myth))\s*(?:[:\u2013\u2014)-]|\s-)|^\W*(?i:myth|false)\s*[:\u2013\u2014-]")
#: A paragraph that gives a named speaker's words in quotation marks: 'Jane Roe, RN: "...'.
_SPEAKER_QUOTE = lazyre.compile(r"\W{0,4}(?:[A-Z][\w.'\u2019-]*\s+){1,4}[A-Z][\w'\u2019-]+(?:,\s*(?:[A-Z][\w.]*\s*){1,3})?\s*:\s*[\"\u201c]")
#: A dose the page says is in use: "50,000 IU is used frequently", "is commonly prescribed".
_IN_USE = lazyre.compile(r"[\s*_]*(?:of\s+[\w\s-]{0,20}?)?(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:being\s+)?(?:used|prescribed|given|sold)\b",
                         re.I)
#: The conclusion of a sum: "a drop typically holds 2,000 IU, so each child got 60,000 IU per
#: day", "which means they received": what someone worked out that somebody got, no advice.
_DERIVED = lazyre.compile(r"\b(?:so|thus|therefore|hence|which\s+means|meaning)\b(?:(?!\b(?:you|your|take|should|must|need)\b)[^.;!?]){0,60}?"
                          r"\b(?:got|gets|received|ingested|consumed|ended\s+up\s+(?:with|taking)|(?:were|was)\s+(?:getting|given))\s+"
                          r"(?:about\s+|around\s+|roughly\s+|approximately\s+|nearly\s+|over\s+|~)?[\s*_]*$", re.I)
#: An amount with its unit, earlier in the dose's sentence (what the sum started from).
_AN_AMOUNT = lazyre.compile(r"\d[\d,.]*\s*(?:IU|mg|mcg|\u00b5g|drops?|capsules?|tablets?)\b", re.I)
#: How far after the dose's sentence a myth mark may stand.
REFUTED_AFTER = 12
#: Food, against a limit that counts supplements only (magnesium, niacin, folic acid).
_FOOD = lazyre.compile(r"\b(?:diet\w*|foods?|dairy|eating|meals?|nuts|vegetables?)\b", re.I)


def _not_advice(doc: Document, dose: Any, entry: dict[str, Any]) -> bool:
    """Why an above-limit dose is not the page advising a daily intake, if it is not: a report
    of someone else's words or figures (see ``_NOT_ADVICE_KINDS``), a study's title in a heading,
    a pasted abstract over its PMID, a warning against the dose, a capsule's or product's size
    with no frequency, food against a supplements-only limit, or a heading stacked with others
    (a list of studies', charts' or pages' titles, as ``dose-needs-citation`` reads it) that
    does not itself advise ("Take 50,000 IU weekly" is advice in any list). (A
    reposted handout, which that rule also reads as a source's, is not used here: the reader
    still meets its doses with no warning.)"""
    kind = report_kind(doc, dose.start, dose.end)
    if kind in _NOT_ADVICE_KINDS:
        return True
    block = doc.block_at(dose.start)
    if kind == "quoted" and speaker_quoted(doc, dose.start):
        return True  # 'Jane Roe, RN: "... many admit to taking 100,000 IU weekly"': a named speaker's remark
    if dose.per_day is None and _IN_USE.match(doc.prose, dose.end):
        return True  # "50,000 IU is used frequently": a dose in use, how often not said
    if kind == "title" and block is not None and _STUDY_TITLE.search(doc.prose[block.start:block.end]):
        return True
    if (in_title_list(doc, dose.start) or over_image(doc, dose.start)) and not heading_advises(doc, dose.start):
        return True  # a heading stacked with others (a list of other items' titles), or a figure's title
    if in_worked_example(doc, dose.start):
        return True  # the figures of a worked example ("Example: ... If you want 10,000 IU/day, add ...")
    if under_paper_header(doc, dose.start) or source_line_follows(doc, dose.start):
        return True  # an abstract with its "PMID: ..." line under it: the paper's text
    lo = block.start if block else doc.body_start
    before = re.split(r"[.;!?]\s", doc.prose[max(lo, dose.start - 160):dose.start])[-1]
    hi = block.end if block else len(doc.prose)
    s_lo, s_hi = sentence_bounds(doc.prose, dose.start, dose.end, lo, hi)
    # the myth mark stands in the dose's sentence or right after its full stop ("... 5,000 IU. (FALSE - ...)")
    if _NEGATED.search(before) or _REFUTED.search(doc.prose[s_lo:min(hi, s_hi + REFUTED_AFTER)]):
        return True
    if estimated(doc, dose.start):
        return True  # "a drop is typically 2,000 IU, so each child got 60,000 IU a day": an estimate
    if dose.per_day is None and (product_content(doc, dose.start, dose.end) or _named_size(doc, dose)):
        return True
    note = str(entry.get("note") or "")
    if "supplement" in note:
        s_lo, s_hi = window(doc, dose.start, dose.end, "sentence")
        if _FOOD.search(doc.prose, s_lo, s_hi):
            return True
    return False


def speaker_quoted(doc: Document, start: int) -> bool:
    """Whether *start* is inside quotation marks in a paragraph that opens with a named
    speaker's label ('Jane Roe, RN: "...'): that speaker's words, not the page's."""
    block = doc.block_at(start)
    return block is not None and bool(_SPEAKER_QUOTE.match(doc.prose, block.start, block.end)) and in_quotation(doc, start)


def estimated(doc: Document, start: int) -> bool:
    """Whether the amount at *start* concludes a sum its sentence works out from an earlier
    amount ("a drop typically holds 2,000 IU, so each child got 60,000 IU per day"): an
    estimate of what someone got, not an intake the page advises."""
    block = doc.block_at(start)
    lo, hi = (block.start, block.end) if block is not None else (doc.body_start, len(doc.prose))
    before = re.split(r"[.;!?]\s", doc.prose[max(lo, start - 160):start])[-1]
    if not _DERIVED.search(before):
        return False
    s_lo, _ = sentence_bounds(doc.prose, start, start + 1, lo, hi)
    return bool(_AN_AMOUNT.search(doc.prose, s_lo, start))


_SIZE = lazyre.compile(r"(\d[\d,.]*)\s*(IU|iu|mg|mcg)\s+(?:[\w-]+\s+){0,3}?(?:capsules?|caps|tablets?|tabs|softgels?|pills?|"
                       r"gel\s*caps|pearls?)\b")


def _named_size(doc: Document, dose: Any) -> bool:
    """Whether the dose's paragraph or its section's heading names a capsule or pill of this
    dose's amount ("### Dosing with 5,000 IU softgels", "5,000 IU vitamin D pills"): with no
    frequency of its own, the amount is that unit's size ("typically 5,000 IU"), not a daily
    intake. (A size named elsewhere on the page says nothing of this paragraph's doses.)"""
    block = doc.block_at(dose.start)
    texts = [doc.prose[block.start:block.end]] if block is not None else []
    heading = last_before(doc, dose.start)
    if heading is not None:
        texts.append(doc.prose[heading.start:heading.end])
    for text in texts:
        for m in _SIZE.finditer(text):
            amount = parse_number(m.group(1), "IU")
            if amount == dose.high and m.group(2).lower() == dose.unit.lower():
                return True
    return False


def _unit_content(doc: Document, dose: Any) -> bool:
    """A dose with no frequency that is what one capsule holds."""
    before = re.split(r"[.;!?]\s", doc.prose[max(doc.body_start, dose.start - 80):dose.start])[-1]
    return bool(_HOLDS_BEFORE.search(before) or _HOLDS_AFTER.match(doc.prose, dose.end))


def _not_an_intake(doc: Document, start: int, end: int) -> bool:
    """A dose the sun or the body makes, or one asked about rather than stated."""
    block = doc.block_at(start)
    lo = block.start if block else doc.body_start
    before = re.split(r"[.;!?]\s", doc.prose[max(lo, start - 160):start])[-1]
    if _MADE_BY.search(before) or report_kind(doc, start, end) == "physiology":
        return True
    after = re.split(r"[.;!]\s|\n", doc.prose[end:end + 160], maxsplit=1)[0]
    return "?" in after


#: Notations of an amount (a number and its unit); the others ("qd", "qod") are words.
_AMOUNT_NOTATIONS = set(NOTATIONS) - {"qd", "qod"}


def _notation(options: dict[str, Any]) -> Callable[[Document], Iterator[Finding]]:
    """Error-prone notation of a dose. An amount that is no dose (a lab value, a measured
    volume, a conversion factor, web-address text: ``medical/measured.py``) is not reported."""
    wanted = set(options["notations"])
    rules = [r for r in _NOTATION_RULES if r[0] in wanted]

    def check(doc: Document) -> Iterator[Finding]:
        seen: set[int] = set()
        possible: dict[Any, bool] = {}
        for name, regex, replace, problem in rules:
            if not _may_match(_PREFILTERS[name], doc.prose, doc.body_start, possible):
                continue
            for m in regex.finditer(doc.prose, doc.body_start):
                if m.start() in seen or (m.end() > m.start() and not doc.is_prose(m.end() - 1)):
                    continue
                strong = _STRONG_UNIT.search(m.group()) or _STRONG_UNIT.match(doc.prose, m.end())
                if name in _NEEDS_DOSE_CONTEXT and not strong and not dose_context(doc, m.start(), m.end()):
                    continue
                if name in _AMOUNT_NOTATIONS and not_a_dose(doc, m.start(), m.end()):
                    continue
                seen.add(m.start())
                replacement = replace(m)
                fix = Edit(m.start(), m.end(), replacement) if replacement is not None else None
                yield Finding(m.start(), m.end(), {"match": m.group().strip(), "problem": problem.format(m=m.group().strip()),
                                                   "replacement": replacement or ""}, fix)

    return check


def _amount(value: float, unit: str) -> str:
    text = f"{value:,.0f}" if value >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}"


def _values(dose: Any) -> dict[str, Any]:
    return {"match": " ".join(dose.text.split()), "substance": dose.substance or "", "frequency": dose.frequency or ""}


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    if context.check == "needs-citation":
        return _needs_citation(options, context)
    if context.check == "above-upper-limit":
        return _above_limit(options, context)
    return _notation(options)
