"""``required``: text that must appear, when a condition holds (disclaimers, COI statements)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from ..diagnostic import Finding
from ..markup.model import HEADING_KINDS
from ..document import Document
from ..errors import FileError, Skipped
from ..files import decode
from ..globs import matches
from ..markup import format_for
from ..medical.advice import (RELAYED_KINDS, aside_to_advice, cites_paper, credited_conclusion, practice_figure, refuted_claim, outline_reports, headline_advises, in_link_list, intake_from_source,
                              intake_reported_before, is_question, own_words, questionnaire_item, recommends, scope_note, relays_advice, reports_cost, reports_group_intake,
                              reports_group_intake_before, reports_in_outline, reports_research, reports_study,
                              reports_official, reports_past_figure, restates_or_encodes, tagged_report_line, under_report_heading,
                              reposted_report,
                              titles_reproduced_text, works_example)
from ..regions import REGION_KINDS
from .. import lazyre
from . import BuildContext
from .common import compile_regex

_REGEXES = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["patterns"],
    "properties": {
        "patterns": _REGEXES,
        "ignorecase": {"type": "boolean"},
        "scope": {"enum": ["prose", "raw"]},
        "position": {"enum": ["any", "start", "end"]},
        "lines": {"type": "integer", "minimum": 1},
        "site_disclaimer": {"type": "boolean"},
        "when": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "frontmatter": {"type": "object", "additionalProperties": {"type": "string"}},
                "files": {"type": "array", "items": {"type": "string"}},
                "prose": _REGEXES,
                "dose": {"enum": [True, False, "claim", "advice"]},
                "unless": _REGEXES,
                "title": _REGEXES,
                "outside": {"type": "array", "items": {"enum": list(REGION_KINDS)}},
                "match": {"enum": ["all", "any"]},
                "advice": {"type": "boolean"},
            },
        },
    },
}
DEFAULTS: dict[str, Any] = {"ignorecase": True, "scope": "prose", "position": "any", "lines": 20, "when": {},
                           "site_disclaimer": False}


def context_files(options: dict[str, Any], context: BuildContext) -> list[Path]:
    """The config's ``site.disclaimer`` files, when the rule accepts them (their content is
    part of the results cache's key: removing the disclaimer from a layout is seen)."""
    return list(context.disclaimer_files) if options.get("site_disclaimer") else []


def _said_site_wide(files: tuple[Path, ...], required: list[re.Pattern[str]], scope: str) -> bool:
    """Whether one of the site's shared files (a layout, partial, footer or disclaimer page)
    carries a wording the rule accepts: then every page shows it."""
    for path in files:
        try:
            text = decode(path.read_bytes(), str(path))
        except (OSError, FileError, Skipped):
            continue
        doc = Document.from_text(text, str(path), format_for(str(path)))
        if any(r.search(doc.prose if scope == "prose" else doc.text, doc.body_start) or r.search(text)
               for r in required):
            return True
    return False
PLACEHOLDERS = ("match", "trigger")


def _field_matches(value: Any, regex: re.Pattern[str]) -> bool:
    values = value if isinstance(value, list) else [value]
    return any(v is not None and regex.search(str(v)) for v in values)


def _inside(doc: Document, kinds: tuple[str, ...], offset: int) -> bool:
    key = "required-spans:" + ",".join(kinds)
    if key not in doc.cache:
        doc.cache[key] = doc.spans_of(kinds)
    spans = doc.cache[key]
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _title(doc: Document) -> str:
    """The page's title: front matter ``title``, else its first heading."""
    data = doc.front_matter.data if doc.front_matter else {}
    title = data.get("title") if isinstance(data, dict) else None
    if isinstance(title, str) and title.strip():
        return title
    return doc.headings[0].text if doc.headings else ""


@dataclass(frozen=True)
class Trigger:
    """What made the condition hold: the sentence (or title) at *offset*, so the message can
    say which line needs the disclaimer; *offset* None for a front matter field or a path."""

    offset: int | None
    text: str
    title: bool = False

    def describe(self, doc: Document) -> str:
        """`` (line 12: "Take 2,000 IU daily.")``, or empty when the reason has no place."""
        if self.offset is None:
            return ""
        words = " ".join(self.text.split())
        if len(words) > 80:
            words = words[:77].rstrip() + "..."
        where = "title, line" if self.title else "line"
        return f' ({where} {doc.position(self.offset)[0]}: "{words}")'


def not_advice(doc: Document, offset: int, sentence: str, quoted: tuple[str, ...] = ("quotation",)) -> bool:
    """A match that only looks like advice: in a question or a worked example, in a list of other pages (a
    link's text, a "See also" section), in a reproduced paper's own title (the heading
    over its authors and abstract), or in a claim the page quotes to refute; see
    :mod:`medlint.medical.advice`."""
    return (is_question(sentence) or works_example(sentence) or in_link_list(doc, offset)
            or titles_reproduced_text(doc, offset, quoted) or refuted_claim(doc, offset))


_TITLE_KEY = lazyre.compile(r"""^\s*["']?title["']?\s*[:=]""", re.M | re.I)


def _title_offset(doc: Document, title: str) -> int | None:
    """Where the title stands: its text in the front matter (else the line of its
    ``title`` key, when the text is written with escapes), else the first heading."""
    fm_end = doc.body_start
    if fm_end and doc.front_matter is not None:
        at = doc.text.find(title, 0, fm_end)
        if at >= 0:
            return at
        key = _TITLE_KEY.search(doc.text, 0, fm_end)
        if key:
            return key.start() + len(key.group()) - len(key.group().lstrip())
    return doc.headings[0].start if doc.headings else None


def reports_study_in_prose(doc: Document, offset: int, sentence: str) -> bool:
    """Whether the dose at *offset* stands in a sentence of prose (not a heading) that reports
    research (:func:`medlint.medical.advice.reports_study`). A heading with a dose is the page's
    headline and is judged as one: on a topic page a list of them presents the doses as treatment."""
    block = doc.block_at(offset)
    return (block is None or block.kind not in HEADING_KINDS) and reports_study(sentence)


def _in_unadvising_title(doc: Document, offset: int) -> bool:
    """Whether *offset* is in an HTML page's ``<title>`` that does not advise: the page's
    headline, judged as one (:func:`medlint.medical.advice.headline_advises`)."""
    block = doc.block_at(offset)
    return (block is not None and block.kind == "title"
            and not headline_advises(doc.prose[block.start:block.end]))


def _headline(doc: Document, title: str) -> str:
    """The page's headline for judging what the page is about: an HTML page's ``<title>`` when
    it has one (its first heading may be a section's), else the title."""
    block = next((b for b in doc.blocks if b.kind == "title"), None)
    return doc.prose[block.start:block.end].strip() if block is not None else title


def _title_heading(doc: Document, title: str) -> tuple[int, int]:
    """The span of the page's first heading when it repeats the title (an HTML page's ``<h1>``
    under its ``<title>``), else an empty span."""
    first = doc.headings[0] if doc.headings else None
    if first is None or first.text.strip() != title.strip():
        return (0, 0)
    return (first.start, first.end)


#: A sentence's end: not the full stop of "vs.", "et al.", "e.g.", "i.e." or a title ("Dr.", "dr."), which
#: leave the study the sentence names before the dose.
_SENTENCE_EDGE = lazyre.compile(r"(?<!\bvs)(?<!\bal)(?<!\be\.g)(?<!\bi\.e)(?<!\b[DMdm]r)(?<!\bProf)(?<!\bcf)[.!?](?=\s)|\n\s*\n")


#: How far a sentence may reach either side of a match, in characters other than white space.
_SENTENCE_REACH = 300


#: :data:`_SENTENCE_REACH` visible characters and the white space before each.
_VISIBLE_RUN = lazyre.compile(r"(?:\s*+\S){%d}" % _SENTENCE_REACH)


def _reach(prose: str, offset: int, step: int) -> int:
    """Where :data:`_SENTENCE_REACH` visible characters from *offset* end (*step* -1: back, 1: on),
    looking at most eight times as far (then that far, or the text's edge).
    White space is not counted: an HTML page's prose keeps its tags' indentation as runs of
    spaces, which would otherwise cut a sentence off from its subject. (A regex over the span,
    not a loop over its characters: this ran for every dose and condition a page has.)"""
    limit = 8 * _SENTENCE_REACH
    if step > 0:
        end = min(len(prose), offset + limit)
        m = _VISIBLE_RUN.match(prose, offset, end)
        return m.end() if m else end
    start = max(0, offset - limit)
    m = _VISIBLE_RUN.match(prose[start:offset][::-1])  # backwards: read the span reversed
    return offset - m.end() if m else start


def _sentence(prose: str, offset: int) -> tuple[int, int]:
    """The sentence around *offset* (at most 300 visible characters either side)."""
    lo = _reach(prose, offset, -1)
    hi = _reach(prose, offset, 1)
    cuts = [m.end() for m in _SENTENCE_EDGE.finditer(prose, lo, offset)]
    start = cuts[-1] if cuts else lo
    m = _SENTENCE_EDGE.search(prose, offset, hi)
    return start, m.end() if m else hi


def _sentence_in(doc: Document, offset: int) -> tuple[int, int]:
    """The sentence around *offset*, kept inside its block: a heading ends at its line even
    when the next heading follows with no blank line."""
    lo, hi = _sentence(doc.prose, offset)
    block = doc.block_at(offset)
    if block is not None:
        lo, hi = max(lo, block.start), min(hi, block.end)
    return lo, hi


#: How a condition that may also hold at the very start of the text opens: "(?:^|" and then what
#: must stand before its words elsewhere (a full stop, a line break).
_OPENS_AT_START = "(?:^|"


def _past_start(pattern: str, flags: int, path: list[Any]) -> Any | None:
    """The condition *pattern* without its ``^`` alternative, for searches that begin past the
    text's first character, where ``^`` (no multi-line flag: the text's start only) cannot
    match: the same matches, found about three times faster on real pages, since every other
    alternative opens with a character the regex engine can look for instead of trying the
    whole pattern at each offset. None when the pattern does not open so."""
    if not pattern.startswith(_OPENS_AT_START) or flags & re.M or "(?m" in pattern:
        return None
    return compile_regex("(?:" + pattern[len(_OPENS_AT_START):], path, flags)


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    flags = re.I if options["ignorecase"] else 0
    required = [compile_regex(p, ["patterns", i], flags) for i, p in enumerate(options["patterns"])]
    scope = options["scope"]
    position = options["position"]
    within = options["lines"]
    when = options["when"]
    fields = {k: compile_regex(v, ["when", "frontmatter", k], re.I) for k, v in when.get("frontmatter", {}).items()}
    prose_conditions = [compile_regex(p, ["when", "prose", i], re.I) for i, p in enumerate(when.get("prose", []))]
    # each with its faster form for a page whose body starts past the text's start (front matter)
    prose_past_start = [_past_start(p, re.I, ["when", "prose", i]) for i, p in enumerate(when.get("prose", []))]
    files = when.get("files", [])
    dose_condition = when.get("dose")
    need_all = when.get("match", "all") == "all"
    unless = [compile_regex(p, ["when", "unless", i], re.I) for i, p in enumerate(when.get("unless", []))]
    outside = tuple(when.get("outside", []))
    title_conditions = [compile_regex(p, ["when", "title", i], re.I) for i, p in enumerate(when.get("title", []))]
    advice = bool(when.get("advice"))
    # what a reproduced paper or abstract is, for title_counts
    quoted = ("quotation",)
    site_wide = options["site_disclaimer"] and _said_site_wide(context.disclaimer_files, required, scope)

    def counts(doc: Document, start: int) -> bool:
        """Whether a condition's match at *start* counts: not in a region the rule looks past
        (a quoted abstract, a reference list), not in a sentence an ``unless`` pattern vetoes;
        with ``advice``, only in the page's own words (not a reposted article, a pasted paper,
        a transcript, a report of a study)."""
        if outside and _inside(doc, outside, start):
            return False
        lo, hi = _sentence_in(doc, start)
        if advice and (not_advice(doc, start, doc.prose[lo:hi], quoted) or questionnaire_item(doc, start)):
            return False
        if any(r.search(doc.prose, lo, hi) for r in unless):
            return False
        return not advice or own_words(doc, start)

    def title_counts(doc: Document, title: str) -> bool:
        """Whether the title may make the page need a disclaimer (with ``advice``: not when
        it is a headline on what a group took, nor a headline reporting research over a page
        that only reports it; then the page's own words decide)."""
        if not advice:
            return True
        # news of a survey, a price, a finding, a study or a view, whatever the body
        return not (reports_group_intake(title) or reports_cost(title) or reports_research(title)
                    or reports_official(title))

    def set_aside(doc: Document, title: str) -> tuple[int, int]:
        """The span of the title's own heading (an HTML page's ``<h1>``) when the title does
        not count: what the title says is not read again as the body's words."""
        return (0, 0) if title_counts(doc, title) else _title_heading(doc, title)

    def prose_condition(doc: Document) -> Trigger | None:
        title = _title(doc)
        if (any(r.search(title) for r in title_conditions) and not any(r.search(title) for r in unless)
                and title_counts(doc, title)):
            return Trigger(_title_offset(doc, title), title, title=True)  # the page's title says what it is about
        # the title's span and the headline, read once a condition matches (most pages: never)
        aside: tuple[int, int, str] | None = None
        for r, past_start in zip(prose_conditions, prose_past_start):
            if past_start is not None and doc.body_start > 0:
                r = past_start
            for m in r.finditer(doc.prose, doc.body_start):
                # a pattern may open with the line break or full stop before its words
                start = m.start() + len(m.group()) - len(m.group().lstrip(" \t\r\n.!?:"))
                if aside is None:
                    aside = (*set_aside(doc, title), _headline(doc, title))
                lo_title, hi_title, headline = aside
                if lo_title <= start < hi_title or advice and reports_in_outline(doc, start, headline):
                    continue  # (a study's summary line on the page reporting it: "Supplementation may help")
                if counts(doc, start):
                    lo, hi = _sentence_in(doc, start)
                    return Trigger(start, doc.prose[lo:hi])
        return None

    def dose_counts(page: Document, d: Any) -> bool:
        """Whether the dose *d* on *page* makes the condition hold: any dose (``dose: true``),
        the page's claim or a report that still advises (``claim``), or a dose the page's own
        words recommend (``advice``: its sentence says "should", "need", "you", takes the
        imperative or judges the dose; a named body's recommendation relayed in the prose)."""
        from ..medical.claims import ADVICE_KINDS, heading_names_report, report_kind

        if dose_condition == "claim":
            kind = report_kind(page, d.start, d.end)
            if advice and kind == "authority":
                # a body's recommendation counts when the page relays it as standing advice ("WHO
                # recommends 400 IU"), not as news of a change ("RDA doubled to: 400 IU age 2-75")
                return relays_advice(page, d.start)
            return kind in (None, *ADVICE_KINDS)
        if dose_condition != "advice":
            return True
        kind = report_kind(page, d.start, d.end)
        if not own_words(page, d.start):
            return False
        if kind is None or kind == "title" and not heading_names_report(page, d.start):
            # a heading with a dose that names no study may still judge it ("4,000 IU daily is best")
            return recommends(page, d.start, d.end)
        block = page.block_at(d.start)
        return (kind in RELAYED_KINDS and (block is None or block.kind not in HEADING_KINDS)
                and (kind == "guideline" or relays_advice(page, d.start)))

    def dose_found(doc: Document) -> Trigger | None:
        from ..medical.claims import ADVICE_KINDS, report_kind
        from ..medical.dose import DOSE, find_doses

        title = _title(doc)
        if dose_condition in ("claim", "advice") and DOSE.search(title) and title_counts(doc, title):
            # a dose in the title is the page's claim, unless the title reports what others took;
            # with "advice", when the title recommends it ("Infants need 1,000 IU")
            heading = Document.from_text(title, doc.path, "markdown")

            def title_dose_counts(d: Any) -> bool:
                kind = report_kind(heading, d.start, d.end)
                if dose_condition == "advice":
                    return kind in (None, "title") and recommends(heading, d.start, d.end)
                # with ``advice``, a headline with a dose counts when it advises, not when it is
                # news of a finding, a practice or a comparison (the page's own words decide)
                return kind in (None, *ADVICE_KINDS) and (
                    not advice or headline_advises(heading.prose) or recommends(heading, d.start, d.end))

            if any(title_dose_counts(d)
                   and not (advice and (intake_from_source(heading.prose, d.end)
                                        or intake_reported_before(heading.prose[:d.start])))
                   for d in find_doses(heading)):
                return Trigger(_title_offset(doc, title), title, title=True)
            doses = find_doses(doc)
            if not doses:
                return None  # (before the headline's reading: most pages have no dose)
            # the title's doses are judged as a headline: its own heading (an HTML page's <h1>) is
            # not read again as the body's words
            lo_title, hi_title = _title_heading(doc, title)
        else:
            doses = find_doses(doc)
            if not doses:
                return None  # (before the title's reading: most pages have no dose)
            lo_title, hi_title = set_aside(doc, title)
        headline = _headline(doc, title)
        for d in doses:
            if lo_title <= d.start < hi_title or advice and _in_unadvising_title(doc, d.start):
                continue
            if (not outside or not _inside(doc, outside, d.start)) and dose_counts(doc, d):
                lo, hi = _sentence_in(doc, d.start)
                if advice and (not_advice(doc, d.start, doc.prose[lo:hi], quoted) or intake_from_source(doc.prose, d.end)
                               or reports_study_in_prose(doc, d.start, doc.prose[lo:hi]) or cites_paper(doc, d.start)
                               or reports_in_outline(doc, d.start, headline) or outline_reports(doc, d.start)
                               or tagged_report_line(doc, d.start) or under_report_heading(doc, d.start)
                               or reposted_report(doc, d.start, d.end, doc.prose[lo:hi])
                               or reports_past_figure(doc.prose[lo:d.start], doc.prose[d.end:hi]) or credited_conclusion(doc.prose[lo:d.start])
                               or practice_figure(doc, d.start, d.end, doc.prose[lo:hi], headline)
                               or restates_or_encodes(doc, d.start, doc.prose[lo:d.start])
                               or aside_to_advice(doc, d.start, doc.prose[lo:hi])
                               or reports_group_intake_before(doc.prose[lo:d.start])
                               or intake_reported_before(doc.prose[lo:d.start])
                               or scope_note(doc.prose[lo:d.start]) or questionnaire_item(doc, d.start)):
                    continue
                return Trigger(d.start, doc.prose[lo:hi])
        return None

    def applies(doc: Document) -> Trigger | None:
        """What makes the condition hold (the sentence, title or field), or None when it does not."""
        tests: list[Callable[[], Trigger | None]] = []
        if fields:
            data = doc.front_matter.data if doc.front_matter else {}
            tests.append(lambda: Trigger(None, "") if all(k in data and _field_matches(data[k], r)
                                                           for k, r in fields.items()) else None)
        if files:
            tests.append(lambda: Trigger(None, "") if matches(doc.path, files) else None)
        if prose_conditions or title_conditions:
            tests.append(lambda: prose_condition(doc))
        if dose_condition is not None:
            if dose_condition:
                tests.append(lambda: dose_found(doc))
            else:
                tests.append(lambda: None if dose_found(doc) else Trigger(None, ""))
        if not tests:
            return Trigger(None, "")
        if not need_all:
            return next((t for t in (test() for test in tests) if t is not None), None)
        found: list[Trigger] = []
        for test in tests:
            trigger = test()
            if trigger is None:
                return None
            found.append(trigger)
        # the most telling reason: one with a place in the page
        return next((t for t in found if t.offset is not None), found[0])

    def region(doc: Document) -> tuple[str, int, int]:
        text = doc.prose if scope == "prose" else doc.text
        start, end = doc.body_start, len(text)
        if position != "any":
            starts = doc.line_starts
            first = doc.position(start)[0]
            if position == "start":
                last_line = min(len(starts), first + within - 1)
                end = starts[last_line] if last_line < len(starts) else len(text)
            else:
                content = text.rstrip()
                last = doc.position(len(content))[0]
                start = max(start, starts[max(first, last - within + 1) - 1])
        return text, start, end

    def check(doc: Document) -> Iterable[Finding]:
        if site_wide:
            return
        trigger = applies(doc)
        if trigger is None:
            return
        text, start, end = region(doc)
        if any(r.search(text, start, end) for r in required):
            return
        site = getattr(doc, "site", None)
        if site is not None and any(
                any(r.search(f.prose if scope == "prose" else f.text, f.body_start) for r in required)
                for f in site.fragments(doc.path)):
            return  # another fragment of the same page says it (its position is the page's, unknown)
        at = doc.body_start
        yield Finding(at, at, {"match": "", "trigger": trigger.describe(doc)})

    return check
