"""Numeric efficacy and risk claims: what a treatment or exposure does, in figures.

A reader weighs "reduced relapse rate by 40%" or "twice as likely to fracture"
as evidence, so an editor asks where the figure comes from.  :func:`find_effect_claims`
finds four shapes in a document's prose view:

``percent-change``
    a per cent change in an outcome: "reduced relapse rate by 40%", "a 33%
    reduction in risk", "11% lower mortality", "an absolute risk reduction of
    2%", and two groups' rates compared: "60% of the treated group, compared
    with 74% of the placebo group";
``ratio``
    relative risk, risk, odds, hazard and rate ratios with their value
    ("hazard ratio 0.70", "OR = 1.4", "a relative risk of 2");
``times``
    "three times more likely", "twice the risk", "a 2.4-fold increased risk";
``nnt``
    the number needed to treat or harm ("NNT = 25", "number needed to treat of 50").

:func:`not_a_claim` then names the figures that are not the page's claim about
health: hypotheticals and worked examples ("suppose the odds ratio is 2", "an
odds ratio of 0.75 means"), questions, arithmetic, prices and discounts,
statistics about the site itself (its readers, visits, polls), changes of a
dose (the dose rules' business) and lab reference ranges.  The patterns are
English and deliberately narrow: a figure with no outcome beside it (a pay
rise, a dropout rate) is not an efficacy or risk claim.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from ..document import Document
from .. import lazyre

CLAIM_KINDS = ("percent-change", "ratio", "times", "nnt")

#: A number, from its first digit (a run of digits is not rescanned from each of its digits).
_NUM = r"(?<![\d.,])\d+(?:[.,]\d+)?"
_PCT = _NUM + r"(?:\s*(?:-|\u2013|to)\s*" + _NUM + r")?\s?(?:%|\s?per\s?cent\b)"
_ABOUT = r"(?:(?:about|approximately|around|roughly|nearly|almost|up\s+to|over|more\s+than|at\s+least|as\s+much\s+as|only|just|~|>|<)\s*)?"

#: An outcome of disease or a measure of benefit: what a risk ratio must be about to be a health claim.
_DISEASE_WORDS = (
    r"mortality|deaths?|dying|died|die|fatal\w*|survival|surviv\w*|deficien\w*|infarction|coronary|cardiovascular|"
    r"CVD|relaps\w*|recurrences?|recover\w*|headaches?|fever|nausea|vomiting|wheez\w*|hospitali[sz]ations?|"
    r"admissions?|fractures?|falls|infections?|colds?|flu|influenza|cancers?|tumou?rs?|disease|illness|symptoms?|"
    r"pain|progression|lesions?|attacks?|seizures?|migraines?|exacerbations?|asthma|depression|diabetes|strokes?|"
    r"dementia|remission|complications?|side[\s-]effects?|adverse|morbidity|heart\s+failure|blood\s+pressure|"
    r"cholesterol|inflammation|bone\s+(?:loss|density)|BMD|HbA1c|\w+(?:itis|osis|oma|emia|aemia|pathy)s?")
_DISEASE = lazyre.compile(r"\b(?:" + _DISEASE_WORDS + r")\b", re.I)
#: What a per cent figure is about: a risk, an outcome of disease, a measure of benefit.
_OUTCOME = lazyre.compile(r"\b(?:risks?|odds|chances?|likel(?:y|ihood)|probability|incidence|prevalence|events?|"
                          r"respond\w*|response|severity|cases|outcomes?|" + _DISEASE_WORDS + r")\b", re.I)

_CHANGE_VERB = (r"(?:reduc|lower|decreas|increas|rais|cut|drop|fell|fall|declin|improv|boost|halv|slash|elevat|"
                r"rose|rise|rising|doubl|tripl|prevent|shrank|shrunk|shrink|diminish|worsen|shorten|extend|prolong|lengthen)\w*")
_CHANGE_NOUN = (r"(?:reduction|decrease|increase|improvement|drop|decline|rise|fall|cut|gain|excess|"
                r"benefit)")
_COMPARATIVE = (r"(?:lower|higher|greater|less|more|fewer|reduced|reduction|decreased?|increased?|"
                r"improvement|drop|decline|rise|relative|absolute|excess)")
_GROUP = lazyre.compile(r"\b(?:groups?|arms?|placebo|controls?|those|patients|participants|subjects|people|"
                        r"users|non-?users|taking|treated|untreated|supplemented|cohort)\b", re.I)

_PERCENT_CHANGE = [
    # "reduced relapse rate by 40%", "cut the risk by up to 50%"
    lazyre.compile(r"\b" + _CHANGE_VERB + r"\b[^.;!?\n%]{0,60}?\bby\s+" + _ABOUT + _PCT, re.I),
    # "a reduction in relapses of 40%", "an absolute risk reduction of 2%"
    lazyre.compile(r"\b" + _CHANGE_NOUN + r"\s+(?:in\s+[^.;!?\n%\d]{1,40}?\s+)?(?:of|by)\s+" + _ABOUT + _PCT, re.I),
    # "a 40% lower risk", "33% more likely", "57% lower rate of new lesions"
    lazyre.compile(_ABOUT + _PCT + r"\s*(?:-\s*)?" + _COMPARATIVE + r"\b(?:\s+[\w-]+){0,6}", re.I),
]
#: Two groups' rates compared: "60.3% of the treated group, compared with 74.1% of the placebo group".
_COMPARED = lazyre.compile(_PCT + r"[^.;!?\n]{0,80}?\b(?:compared\s+(?:to|with)|versus|vs\.?|v\.)\s*[^.;!?\n\d]{0,40}?" + _PCT, re.I)

_RATIO_NAME = (r"(?:adjusted\s+|pooled\s+|summary\s+)?(?:relative\s+risk|risk\s+ratio|odds\s+ratio|hazard\s+ratio|"
               r"(?:incidence\s+)?rate\s+ratio)")
_RATIO = lazyre.compile(
    r"\b" + _RATIO_NAME + r"(?:[ \t]*[(\[][^)\]\n]{1,12}[)\]])?(?:[ \t]+(?:for|of)[ \t]+(?:(?-i:[a-z][a-z-]*)[ \t]+){1,4}?)?"
    r"[ \t]*(?:(?:of|was|were|is|=|:|,)[ \t]*)*" + _ABOUT + _NUM + r"(?![\d.,]*(?:[A-Za-z%]|-\w|/\d))", re.I)
#: A ratio this large is a page number or a count, not a measure of risk ("cumulative hazard ratio 388").
MAX_RATIO = 100.0
#: A number that labels rather than measures: "the relative risk of type 1 diabetes".
_LABEL_NUMBER = lazyre.compile(r"\b(?:type|stage|grade|phase|class|level|group|arm|day|week|month|year|cohort)\s*[\d.,]+$", re.I)
#: The abbreviations, in capitals only ("or 1.05" is not an odds ratio), with a decimal value.
_RATIO_ABBR = lazyre.compile(r"\ba?(?:RR|OR|HR|IRR)\s*(?:[=:,]\s*|\s)(?:[<>~]\s*)?\d\.\d+")
_NNT = lazyre.compile(r"\b(?:NNT|NNH|number\s+needed\s+to\s+(?:treat|harm))\b(?:\s*\((?:NNT|NNH)\))?\s*"
                      r"(?:(?:of|was|were|is|=|:|,)\s*)*" + _ABOUT + r"\d+(?:\.\d+)?")
_NUMBER_WORD = r"(?:two|three|four|five|six|seven|eight|nine|ten|twenty|\d+(?:\.\d+)?)"
_TIMES = lazyre.compile(
    r"\b(?:" + _NUMBER_WORD + r"[\s-]times|twice|thrice)\s+(?:(?:more|less|as)\s+likely|(?:the|their|your)\s+"
    r"(?:risk|odds|chance|rate|likelihood)|(?:higher|greater|lower|increased)\s+(?:risk|odds|chances?|rates?|"
    r"incidence|mortality|likelihood))\b"
    r"|\b" + _NUMBER_WORD + r"[\s-]?fold\s+(?:(?:higher|greater|increased?|lower|reduced|decreased?)\s+)?(?:risk|odds|"
    r"chances?|likelihood|incidence|mortality|reduction|increase)\b"
    r"|\b(?:doubles?|doubled|doubling|triples?|tripled|halves|halved|halving)\s+(?:the\s+|their\s+|your\s+|one's\s+)?"
    r"(?:risk|odds|chances?|likelihood|incidence|mortality)\b", re.I)

_CLAUSE_CUT = lazyre.compile(r"[.;!?](?=\s|$)|\n\s*\n|\n\s*[*\-+]\s")


@dataclass(frozen=True)
class EffectClaim:
    """A figure that claims an effect or a risk: its span in the document and its shape."""

    start: int
    end: int
    kind: str
    text: str


def find_effect_claims(doc: Document, kinds: tuple[str, ...] | list[str] = CLAIM_KINDS) -> list[EffectClaim]:
    """The efficacy and risk figures in the prose view, in order, one per span (a
    figure matched by two shapes is reported once, by the longer match)."""
    prose, start = doc.prose, doc.body_start
    found: list[EffectClaim] = []
    shapes: list[tuple[str, re.Pattern[str]]] = []
    if "percent-change" in kinds:
        shapes += [("percent-change", r) for r in _PERCENT_CHANGE] + [("percent-change", _COMPARED)]
    if "ratio" in kinds:
        shapes += [("ratio", _RATIO), ("ratio", _RATIO_ABBR)]
    if "times" in kinds:
        shapes.append(("times", _TIMES))
    if "nnt" in kinds:
        shapes.append(("nnt", _NNT))
    for kind, regex in shapes:
        for m in regex.finditer(prose, start):
            lo, hi = m.start(), m.end()
            text = prose[lo:hi]
            lo += len(text) - len(text.lstrip())
            hi -= len(text) - len(text.rstrip())
            if hi <= lo or not doc.is_prose(lo):
                continue
            if kind == "ratio" and (_LABEL_NUMBER.search(prose, lo, hi) or _ratio_value(prose[lo:hi]) >= MAX_RATIO):
                continue
            if not _about_an_outcome(doc, kind, regex, lo, hi):
                continue
            if regex is _PERCENT_CHANGE[-1]:
                hi = _trimmed_tail(prose, lo, hi)
            found.append(EffectClaim(lo, hi, kind, " ".join(prose[lo:hi].split())))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[EffectClaim] = []
    for claim in found:
        if kept and claim.start < kept[-1].end:
            continue
        kept.append(claim)
    return kept


_COMPARATIVE_HEAD = lazyre.compile(_ABOUT + _PCT + r"\s*(?:-\s*)?" + _COMPARATIVE + r"\b", re.I)


def _trimmed_tail(prose: str, lo: int, hi: int) -> int:
    """Where "40% lower risk of hip fracture in women" should end in a message: after its last
    outcome word ("...fracture"), or after the comparative when no outcome follows it."""
    head = _COMPARATIVE_HEAD.match(prose, lo, hi)
    last = None
    for last in _OUTCOME.finditer(prose, head.end() if head else lo, hi):
        pass
    if last is not None:
        return last.end()
    return head.end() if head else hi


def _ratio_value(text: str) -> float:
    """The value a ratio match ends with ("1,25" is a decimal comma, "1,250" a thousands one)."""
    number = re.search(r"(\d+)(?:([.,])(\d+))?$", text)
    if number is None:
        return 0.0
    whole, mark, part = number.groups()
    if mark == "," and len(part or "") == 3:
        return float(whole + part)
    return float(f"{whole}.{part}" if part else whole)


def _about_an_outcome(doc: Document, kind: str, regex: re.Pattern[str], lo: int, hi: int) -> bool:
    """Whether a figure is about a risk or an outcome of disease: a per cent change or a
    multiple names one near it, a ratio names a disease or outcome in its sentence (NNT is a
    measure of treatment by its name); two compared rates must be two groups'."""
    if kind == "nnt":
        return True
    before, after = clause_around(doc, lo, hi)
    if kind == "ratio":  # "the odds ratio is 3" in a lesson names no disease; "HR for death 0.7" does
        return bool(_DISEASE.search(doc.prose, lo, hi) or _DISEASE.search(before) or _DISEASE.search(after))
    if kind == "times":  # "a 12-fold increase in speed" is no risk
        return bool(_OUTCOME.search(doc.prose, lo, hi) or _OUTCOME.search(after[:40]))
    outcome = bool(_OUTCOME.search(doc.prose, lo, hi) or _OUTCOME.search(before[-80:]) or _OUTCOME.search(after[:60]))
    if regex is _COMPARED:  # two groups' rates of an outcome, not of a blood level above a cut-off
        return outcome and bool(_GROUP.search(doc.prose[lo:hi]) or _GROUP.search(after[:60]))
    return outcome


def clause_around(doc: Document, lo: int, hi: int) -> tuple[str, str]:
    """The claim's sentence before and after its span, in the prose view (within its block)."""
    block = doc.block_at(lo)
    start = max(block.start if block else doc.body_start, lo - 300)
    end = min(max(block.end, hi) if block else len(doc.prose), hi + 300)
    before = doc.prose[start:lo]
    cut = max((m.end() for m in _CLAUSE_CUT.finditer(before)), default=0)
    after = doc.prose[hi:end]
    stop = _CLAUSE_CUT.search(after)
    return " ".join(before[cut:].split()), " ".join(after[:stop.end() if stop else len(after)].split())


# -- what is not the page's claim ----------------------------------------------------------

_HYPOTHETICAL = lazyre.compile(
    r"\b(?:if|suppose[sd]?|supposing|imagine|hypothetical(?:ly)?|let'?s\s+say|say\s+that|assume[sd]?|assuming|"
    r"pretend|whether|what\s+would|would\s+you|consider\s+an?|for\s+(?:example|instance)\s*,?\s+(?:an?|if))\b", re.I)
#: A measure defined rather than reported: "an odds ratio of 0.75 means", "a 100% increase means".
_EXPLAINS = lazyre.compile(r"^[^.;!?]{0,25}?\b(?:means?|meaning|indicates?|implies|imply|tells?\s+you|corresponds?|"
                           r"represents?|translates?|is\s+(?:equivalent|interpreted|the\s+same)|would\s+(?:mean|be|indicate))\b",
                           re.I)
_INDEFINITE_MEASURE = lazyre.compile(r"\b(?:an?|any)(?:\s+[\w-]+){0,2}\s*$", re.I)
#: A sentence that interprets a figure already given: "This implies that the odds improve by 17%",
#: "An odds ratio of 1.33 means that the outcome is 33% more likely".
_INTERPRETS = lazyre.compile(r"\b(?:this|which|that|it)\s+(?:\w+\s+)?(?:implies|means|tells\s+you|indicates|translates|"
                             r"corresponds|represents)\b|\b(?:an?|any)\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?[\d.]+%?\s+"
                             r"(?:means|indicates|implies|corresponds|represents|tells\s+you)\b", re.I)
_ARITHMETIC = lazyre.compile(r"\d%?\s*[/\u00d7\u00f7*]\s*\(?\d|=\s*[-\d.]+\s*[/\u00d7\u00f7*]|"
                             r"\b(?:calculat\w*|comput\w*|formula|divid\w*|multipl\w*|invert\w*|you\s+get|gives\s+you|"
                             r"log\s+(?:odds|hazard|relative|risk))\b", re.I)
_SITE = lazyre.compile(
    r"\b(?:(?:this|our|the)\s+(?:site|website|web\s+site|page|blog|newsletter|forum|podcast|channel|survey|poll)|"
    r"visitors?|readers?|readership|page\s*views?|pageviews|traffic|downloads?|subscribers?|followers|members|"
    r"respondents|of\s+you\b|clicks?|sign-?ups?|sales|revenue|donations?)\b", re.I)
_PRICE = lazyre.compile(r"[$\u20ac\u00a3\u00a5]\s*\d|\b(?:price[sd]?|pricing|costs?|costing|discounts?|off\s+(?:the|your|all|list)|"
                        r"save|saving|savings|sale|coupon|cheaper|expensive|fees?|funding|salary|salaries|pay|wages?|"
                        r"budget|tax(?:es)?|premiums?|interest\s+rate|inflation|stock|market)\b", re.I)
_DOSE_CHANGE = lazyre.compile(r"\b(?:dose|doses|dosage|dosing|intake)\b", re.I)
#: The vocabulary of a statistics lesson or a worked analysis: a figure in a paragraph that uses
#: two of these is about the method ("the antilog of the coefficient gives an odds ratio of 2.2").
_WORKED = lazyre.compile(
    r"\b(?:log(?:arithm)?s?\s+(?:of\s+)?(?:the\s+)?(?:odds|hazard|risk|relative)|(?:natural\s+)?log(?:arithm)?s?\b|antilog|"
    r"exponentiat\w*|coefficients?|regression|logistic|poisson|standard\s+(?:deviation|error)|reciprocal|software|"
    r"SPSS|SAS|Stata|data\s*set|spreadsheet|in\s+this\s+example|for\s+example|worked\s+example|columns?|rows?|"
    r"formula|equation|calculat\w*|comput\w*|tells\s+you|you\s+get|you\s+would|sample\s+size|hypothetical|"
    r"textbook|homework|exercise\s+\d|student)\b"
    r"|\(?\d[\d.]*\s*/\s*\d[\d.]*\s*=", re.I)
#: How many distinct lesson words make a paragraph a worked example.
WORKED_TERMS = 2
_LAB_RANGE = lazyre.compile(r"\b(?:normal|reference|target)\s+(?:range|interval|values?|limits?)\b", re.I)


def not_a_claim(doc: Document, claim: EffectClaim) -> str | None:
    """Why the figure is not the page's own efficacy or risk claim, or None when it is."""
    before, after = clause_around(doc, claim.start, claim.end)
    sentence = f"{before} {claim.text} {after}"
    if after.rstrip().endswith("?"):
        return "question"
    if _HYPOTHETICAL.search(before):
        return "hypothetical"
    tail = claim.text[_first_number_end(claim.text):] + " " + after
    if _EXPLAINS.search(tail) and (_INDEFINITE_MEASURE.search(before) or claim.kind != "percent-change"):
        return "explanation"
    if _INTERPRETS.search(before):
        return "explanation"
    if _ARITHMETIC.search(sentence):
        return "arithmetic"
    if _SITE.search(sentence):
        return "site-statistics"
    if _PRICE.search(sentence):
        return "price"
    if _LAB_RANGE.search(sentence):
        return "lab-range"
    if claim.kind == "percent-change" and _DOSE_CHANGE.search(_changed_thing(before, claim.text)):
        return "dose"
    if _worked_example(doc, claim.start):
        return "worked-example"
    if in_unlabelled_abstract(doc, claim.start):
        return "abstract"
    return None


#: A structured abstract's label that lost its colon when pasted: "Methods In a cohort of...".
_BARE_LABEL = lazyre.compile(r"[*_\s]*(background|objectives?|aims?|purpose|context|methods?|design|setting|participants|"
                             r"interventions?|measurements|results|findings|conclusions?|interpretation)[*_]*\s+(?=[A-Z0-9])",
                             re.I)


def in_unlabelled_abstract(doc: Document, offset: int) -> bool:
    """Whether *offset* lies in a pasted structured abstract whose labels have no colons (so the
    quotation regions do not see it): its section has blocks opening with two distinct labels
    ("Objective To examine...", "Results Overall, 23%..."), and *offset* comes after the first."""
    starts = heading_starts(doc)
    i = bisect.bisect_right(starts, offset)
    lo = starts[i - 1] if i > 0 else doc.body_start
    hi = starts[i] if i < len(starts) else len(doc.text)
    key = f"bare-abstract:{lo}"
    if key not in doc.cache:
        labels: dict[str, int] = {}
        first = block_index(doc, lo)
        for block in doc.blocks[first:]:
            if block.start >= hi:
                break
            if block.start >= lo:
                m = _BARE_LABEL.match(doc.prose, block.start, block.end)
                if m and m.group(1)[0].isupper():
                    labels.setdefault(m.group(1).lower().rstrip("s"), block.start)
        doc.cache[key] = min(labels.values()) if len(labels) >= 2 else None
    first = doc.cache[key]
    return first is not None and offset >= first


def _worked_example(doc: Document, start: int) -> bool:
    """Whether the claim's paragraph teaches or performs an analysis rather than reports a finding
    (answered once per paragraph: a paragraph of many figures is read once)."""
    block = doc.block_at(start)
    lo, hi = (block.start, block.end) if block else (max(doc.body_start, start - 400), start + 400)
    key = f"worked-example:{lo}:{hi}"
    if key not in doc.cache:
        terms = {" ".join(m.group().lower().split()) for m in _WORKED.finditer(doc.prose, lo, hi)}
        doc.cache[key] = len(terms) >= WORKED_TERMS
    return doc.cache[key]


# -- the page's layout, by bisection (a page of thousands of figures is not scanned per figure) --

def heading_starts(doc: Document) -> list[int]:
    """The headings' start offsets, in order."""
    if "effects:heading-starts" not in doc.cache:
        doc.cache["effects:heading-starts"] = sorted(h.start for h in doc.headings)
    return doc.cache["effects:heading-starts"]


def sorted_headings(doc: Document) -> list[Any]:
    """The headings, in the order of :func:`heading_starts`."""
    if "effects:headings" not in doc.cache:
        doc.cache["effects:headings"] = sorted(doc.headings, key=lambda h: h.start)
    return doc.cache["effects:headings"]


def heading_at(doc: Document, offset: int) -> Any:
    """The heading *offset* lies in, or None."""
    headings = sorted_headings(doc)
    i = bisect.bisect_right(heading_starts(doc), offset) - 1
    if i >= 0 and headings[i].start <= offset < max(headings[i].end, headings[i].start + 1):
        return headings[i]
    return None


def block_index(doc: Document, offset: int) -> int:
    """The index in ``doc.blocks`` of the first block starting at or after *offset*."""
    if "effects:block-starts" not in doc.cache:
        doc.cache["effects:block-starts"] = [b.start for b in doc.blocks]
    return bisect.bisect_left(doc.cache["effects:block-starts"], offset)


def _first_number_end(text: str) -> int:
    number = re.search(r"\d[\d.,]*\s?(?:%|per\s?cent)?", text)
    return number.end() if number else 0


def _changed_thing(before: str, text: str) -> str:
    """The words naming what changed: the figure's own words and the two words before it
    ("increase the dose by 25%", "vitamin D intake rose by 10%")."""
    return " ".join(before.split()[-2:] + text.split()[:6])
