"""Dose expressions in prose: where they are and what they mean.

A dose is an amount (or a range) followed by a dose unit: ``5,000 - 10,000
IU``, ``up to 14,000 IU per day``, ``0.5 mg``, ``2 tablets daily``.  Lab
values (``30 ng/mL``, ``200 mg/dL``), percentages, years, ages and sample
sizes carry no dose unit and are not doses.  The parser also finds the
substance (``substance.py``: the sentence first, then the page's context) and
the frequency as written (daily, weekly, every N days, a one-off dose, per kg),
which turns a dose into a daily equivalent, or into none for a one-off dose.
Lists with a unit on each part ("400 mg and 2.5 g") are separate doses;
product names ("Omega 3-6-9", "K2-7") and counts ("1 210mg") are no amounts.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Document
from .substance import sentence_bounds, substance_of
from .. import lazyre, patterncache

#: Thousands marks: comma, thin and no-break spaces, space, full stop, and the Swiss apostrophe (60'000).
_SEP = "[,\u2009\u202f\u00a0 .'\u2019]"
NUMBER = (r"(?:\d{1,3}(?:" + _SEP + r"\d{3})+(?![\d])|\d+)(?:[.,]\d+)?|\.\d+")
UNITS = {
    "IU": r"IU|iu|Iu|I\.U\.|[Ii]nternational\s+[Uu]nits?",
    "units": r"[Uu]nits?",
    "mg": r"mg|milligrams?",
    "mcg": r"mcg|\u00b5g|\u03bcg|ug|micrograms?",
    "g": r"g|grams?",
    "mL": r"mL|ml|millilit(?:er|re)s?",
    "mmol": r"mmol|millimoles?",
    "drops": r"drops?",
    "tablets": r"tablets?|capsules?|softgels?|pills?|caps",
}
_UNIT = "|".join(f"(?P<u_{key}>{pattern})" for key, pattern in UNITS.items())
_QUALIFIER = r"(?P<qual>up\s+to|at\s+least|as\s+much\s+as|no\s+more\s+than|more\s+than|over|less\s+than|under|about|around|approximately|~)"
_LOW_UNIT = "|".join(f"(?P<lu_{key}>{pattern})" for key, pattern in UNITS.items())
#: (The lookahead names every character a dose can start with, a qualifier's or a number's: the
#: pattern is searched over every page and every view of it, and one test per character fails
#: fast where the qualifier's alternatives and the number's lookbehinds were tried in turn.)
DOSE = lazyre.compile(
    r"(?=[\d.~aumnlo])(?:" + _QUALIFIER + r"\s+)?"
    # Not a digit of a product name or code: "B12", "D3", "Omega 3-6-9", "K2-7".
    r"(?<![\w.,\u00b5\u03bc/])(?<![\d.][eE][-+])(?<!\d[-\u2013])(?<![A-Za-z]\d[-\u2013])(?P<low>" + NUMBER + r")"
    r"(?:\s*(?:" + _LOW_UNIT + r"))?"
    r"(?:\s*(?P<conn>-|\u2013|\u2014|to|and)\s*(?P<high>" + NUMBER + r"))?"
    r"\s*(?:" + _UNIT + r")(?![\w\u00b5])"
    r"(?P<per>\s*/\s*(?:kg|day|d|24\s*h|week|wk|month|mo|m(?![\w/])|dose)\b)?"
)
#: Where a dose ends its amounts: a digit, then a unit (the last amount's, or the first one's
#: own unit: "500 mg capsules", "400 mg and 2.5 g"). Every :data:`DOSE` match holds one, so
#: text with none from a point on holds no dose; a search for it runs at the speed of a scan
#: for digits, where :data:`DOSE` tests every letter a qualifier can start with.
_NEAR_UNIT = lazyre.compile(r"\d\s*(?:" + "|".join(UNITS.values()) + r")")
#: The characters a dose may hold before that digit (qualifier, amounts, their separators, a
#: first unit, the range's connective), read backwards from it: runs of non-letters, and at most
#: six words (three of a qualifier, two of "International Units", one of "to"/"and") of at most
#: fourteen letters ("approximately"). Its match on the reversed text reaches at least as far
#: back as any dose holding the digit can start.
_BACK = "[\\d\\s,.'\u2019~\\-\u2013\u2014]*"
_DOSE_PREFIX_BACK = lazyre.compile(_BACK + r"(?:[A-Za-z\u00b5\u03bc]{1,14}" + _BACK + r"){0,6}")
#: How much text before a digit is read first when looking for where its dose may start.
_BACK_WINDOW = 128
#: A unit followed by '/L', '/dL', '/mL' is a concentration (a lab value), not a dose.
_CONCENTRATION = lazyre.compile(r"\s*/\s*(?:d?[lL]|m[lL]|\d*\s*m[lL]|ml|cm2|cm\u00b2|m2|m\u00b2)(?![\w])")
_NUM_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10,
              "twelve": 12, "second": 2, "other": 2, "third": 3, "fourth": 4}
_EVERY_N = lazyre.compile(r"\bevery\s+(?P<n>\d+(?:\.\d+)?|" + "|".join(_NUM_WORDS) + r")"
                          r"(?:\s*(?:-|\u2013|to|or)\s*\d+)?\s*(?P<span>hours?|hrs?|h|days?|d|weeks?|wks?|months?|mos?|years?)\b", re.I)
#: The next amount: a number with a unit, or a large number on its own ("150,000 IU with 30,000 a day").
_NEXT_AMOUNT = lazyre.compile(r"\d[\d,. ]*\s*(?:IU|iu|mg|mcg|\u00b5g|ug|g|units?)\b|(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d{4,})(?![\w.,])")
_LIST_GAP = lazyre.compile(r"\s*(?:,|or|and|to|-|\u2013)?\s*(?:or|and)?\s*")
_SPAN_DAYS = {"h": 1 / 24, "d": 1.0, "w": 7.0, "m": 30.0, "y": 365.0}
_FREQUENCIES = [
    (lazyre.compile(r"(?:twice|two\s+times)\s+(?:a|per|each)\s+day|twice[\s-]+daily|\bb\.?i\.?d\b", re.I), 2.0, "twice a day"),
    (lazyre.compile(r"(?:three\s+times|thrice)\s+(?:a|per|each)\s+day|\bt\.?i\.?d\b", re.I), 3.0, "three times a day"),
    (lazyre.compile(r"every\s+other\s+day|alternate\s+days|\bq\.?o\.?d\b", re.I), 0.5, "every other day"),
    (lazyre.compile(r"(?:twice|two\s+times)\s+(?:a|per|each)\s+week|twice[\s-]+weekly", re.I), 2 / 7, "twice a week"),
    (lazyre.compile(r"(?:three\s+times|thrice)\s+(?:a|per|each)\s+week", re.I), 3 / 7, "three times a week"),
    (lazyre.compile(r"every\s+(?:two|2|second|other)\s+weeks?|fortnightly|bi-?weekly", re.I), 1 / 14, "every two weeks"),
    (lazyre.compile(r"\b(?:per|a|each|every|once\s+a)\s+week\b|\b(?:once\s+)?weekly\b|/\s*(?:week|wk)\b", re.I), 1 / 7, "weekly"),
    (lazyre.compile(r"\b(?:per|a|each|every|once\s+a)\s+month\b|\bmonthly\b|/\s*(?:month|mo|m(?![\w/]))\b", re.I), 1 / 30, "monthly"),
    (lazyre.compile(r"\b(?:per|a|each|every|once\s+a)\s+year\b|\b(?:yearly|annual(?:ly)?)\b", re.I), 1 / 365, "yearly"),
    (lazyre.compile(r"\b(?:per|a|each|every)\s+day\b|\bdaily\b|/\s*(?:day|d|24\s*h)\b|\bq\.?d\b|\bonce\s+a\s+day\b", re.I), 1.0, "daily"),
]
#: A dose given once, not a regimen: never compared with a daily limit.
_ONE_OFF = lazyre.compile(
    r"\b(?:single|one[\s-]off|one[\s-]time|once(?!\s+(?:a|per|every|each|daily|weekly|monthly|yearly|again|more)\b)|"
    r"bolus(?:es)?|loading(?:\s+doses?)?|stat|stoss\w*|megadose|inject\w*|intra-?muscular\w*|intra-?venous\w*|"
    r"infus\w+|shots?|i\.[mv]\.|(?-i:IM|IV)(?![\w-])|"
    # a course's total, taken over days or weeks: "a loading course of a total of about 400,000 IU over 6 weeks"
    r"restor\w*\s+doses?|repletion\s+doses?|initial\s+doses?|(?:a\s+)?total\s+of|in\s+total|cumulative|"
    r"(?:over|during|within)\s+(?:a|an|one|the)?\s*(?:\d+|two|three|four|few)?[\s-]*(?:days?|weeks?|wks?|months?)(?=\W|$)|"
    # a dose for an acute event, not a regimen: "30,000 IU in case of trauma", "at the first sign of flu"
    r"in\s+case\s+of|(?:in|for)\s+(?:an?\s+)?emergenc(?:y|ies)|at\s+the\s+(?:first\s+)?(?:signs?|onset|start)\s+of)\b", re.I)
#: A price per day is no dose's frequency: "10,000 IU capsules cost 12 cents/day", "$0.05 a day".
_PRICE_RATE = lazyre.compile(r"(?:[$\u00a3\u20ac]\s?\d[\d.,]*|\d[\d.,]*\s*(?:cents?|\u00a2|dollars?|pence|euros?|USD))\s*"
                             r"(?:/\s*|per\s+|a\s+)(?:day|d|week|wk|month|mo|year)\b", re.I)
#: Before the amount only the adjective forms say how often: "a daily dose of 4,000 IU",
#: not "on a day when snowfall equals 3 units".
_BEFORE_FREQUENCY = lazyre.compile(r"\b(?:twice[- ]daily|daily|twice[- ]weekly|weekly|fortnightly|bi-?weekly|monthly|"
                                   r"yearly|annual)\b", re.I)
_PER_FREQUENCY = {"/day": ("daily", 1.0), "/d": ("daily", 1.0), "/24h": ("daily", 1.0),
                  "/week": ("weekly", 1 / 7), "/wk": ("weekly", 1 / 7), "/month": ("monthly", 1 / 30),
                  "/mo": ("monthly", 1 / 30), "/m": ("monthly", 1 / 30)}
#: "per kg" after the unit, also past the substance: "10,000 IU of D3/kg of diet".
_PER_KG = lazyre.compile(r"(?:[^.;:!?()\d]|(?<=[A-Za-z])\d){0,30}?(?:/\s*kg\b|\bper\s+(?:kg|kilo\w*)\b|\ba\s+kg\b)", re.I)
#: A body weight in the sentence makes a per-kg dose a dose: "a 70 kg adult".
_WEIGHT = lazyre.compile(r"(?<![/\w])(\d{2,3}(?:\.\d+)?)\s*(?:kg|kilo(?:gram)?s?)\b(?!\s*(?:/|per|of\s+(?:diet|feed|food)))", re.I)
#: The cap of a per-kg dose: "(600,000 IU max)", "max 600,000 IU", "to a maximum of 300,000 IU".
_CAP_BEFORE = lazyre.compile(r"\b(?:max(?:imum)?|up\s+to\s+a\s+max\w*)(?:\s+(?:of|dose))?\s*[:=]?\s*$", re.I)
_CAP_AFTER = lazyre.compile(r"\s*(?:max(?:imum)?)\b", re.I)
#: What a dose of food or feed holds, not a dose: "13 mcg / 100 g", "6,000 IU per egg".
_CONTENT_OF = lazyre.compile(r"(?:[^.;:!?()\d/]|(?<=[A-Za-z])\d){0,30}?(?:/|\bper\b)\s*(?:\d[\d,.]*\s*(?:g|grams?|ml|mL|kg|l|L|oz)\b|egg|litre|liter|serving\s+of\s+food)", re.I)
#: A hypothetical dose is not the page's recommendation: "a trial could have used 250 mg".
_HYPOTHETICAL = lazyre.compile(r"\b(?:could|might|may|would)\s+(?:not\s+)?have\s+(?:used|taken|given|chosen|received|tried)\b"
                               # the dose is the condition, not the advice: "(1,000 mcg of K2 if taking 10,000 IU)"
                               r"|\bif\s+(?:(?:you|they|one|he|she)\s+(?:are|is)\s+|you're\s+|(?:you|they|one)\s+)?(?:already\s+)?"
                               r"(?:taking|take|takes|on)\s+(?:about\s+|around\s+|over\s+|more\s+than\s+)?$", re.I)
_MASS_IN_MG = {"mg": 1.0, "mcg": 0.001, "g": 1000.0}
#: Larger amounts are no dose, whatever the unit (and would overflow when converted).
MAX_AMOUNT = 1e12
#: Units that name a dose by themselves; the others ("2 units", "2500 grams") need a dose's context.
STRONG_UNITS = {"IU", "mg", "mcg"}
_DOSE_WORDS = lazyre.compile(
    r"\b(?:tak(?:e|es|ing|en)|took|dos(?:e|es|ed|ing|age)|supplement\w*|prescri\w+|inject\w*|infus\w+|"
    r"administer\w*|insulin|heparin|tablets?|capsules?|pills?|drops?|oral(?:ly)?|intravenous\w*|"
    r"medication\w*|drug\w*|vitamin\w*|syrup|solution|suspension|elixir|spoons?|teaspoons?)\b",
    re.I,
)


@dataclass
class Dose:
    """A dose found in a document; ``start``/``end`` are file offsets."""

    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str
    qualifier: str | None = None
    substance: str | None = None
    frequency: str | None = None
    per_day: float | None = None  # doses a day; None when unknown or a single dose
    per_kg: bool = False
    #: Where the substance was named (a key of ``substance.SOURCES``), None if nowhere.
    substance_from: str | None = None
    #: The body weight the sentence gives for a per-kg dose, in kg.
    weight: float | None = None
    #: The cap of a per-kg dose ("max 600,000 IU"): as unknown as the per-kg dose itself.
    cap: bool = False
    #: Said of a dose that was not given: "could have used 250 mg".
    hypothetical: bool = False

    def daily(self, unit: str, iu: float | None = None) -> float | None:
        """The highest daily amount in *unit* (a mass unit), or None if it cannot be known:
        a one-off dose, or a per-kg dose (or its cap) with no body weight given."""
        if self.frequency == "once" or self.cap or (self.per_kg and self.weight is None):
            return None
        amount = self.high * (self.weight if self.per_kg and self.weight else 1.0)
        if self.unit == "IU":
            if iu is None:
                return None
            amount *= iu  # now in the limit's unit
        elif self.unit in _MASS_IN_MG and unit in _MASS_IN_MG:
            amount = amount * _MASS_IN_MG[self.unit] / _MASS_IN_MG[unit]
        else:
            return None
        return amount * (self.per_day if self.per_day is not None else 1.0)


def parse_number(text: str, unit: str) -> float | None:
    """Read an amount written with any of the usual thousands and decimal marks."""
    s = re.sub("[\u2009\u202f\u00a0 '\u2019]", "", text)
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in s:
        groups = s.split(",")
        s = s.replace(",", "") if all(len(g) == 3 for g in groups[1:]) else s.replace(",", ".")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    elif re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", s) and unit in ("IU", "units"):
        s = s.replace(".", "")  # 10.000 IU: a European thousands mark
    try:
        return float(s)
    except ValueError:
        return None


def load_limits(path: str | None = None) -> dict[str, Any]:
    """The substance table: names (compiled) and upper limits; read again when the file changes."""
    file = str(Path(path)) if path else _BUNDLED_LIMITS
    try:
        info = os.stat(file)
        stamp: tuple[int, int] = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = (-1, -1)
    return _load_limits(file, stamp)


#: The bundled upper-limits table (its path made once: :func:`load_limits` runs for every page).
_BUNDLED_LIMITS = str(Path(__file__).parent.parent / "data" / "upper-limits.yaml")


def limits_for(doc: Document, path: str | None = None) -> dict[str, Any]:
    """:func:`load_limits`, asked once per page (and its views): the file's date is read
    once per check of a page, not once per number that may be a dose."""
    key = "dose-limits:" + (path or "")
    cache = doc.whole.cache
    table = cache.get(key)
    if table is None:
        table = cache[key] = load_limits(path)
    return table


@functools.lru_cache(maxsize=8)
def _load_limits(file: str, stamp: tuple[int, int]) -> dict[str, Any]:
    from ..yamlsource import load_yaml_text

    data = load_yaml_text(Path(file).read_text(encoding="utf-8"))
    table = {}
    for name, entry in (data.get("substances") or {}).items():
        pattern = r"(?<![\w-])(?:" + "|".join(entry.get("names") or [re.escape(name)]) + r")(?![\w-])"
        table[name] = {**entry, "regex": patterncache.compile(pattern, re.I)}
    return table


#: Emphasis marks standing alone (not inside a word): "**D3**", "_weekly_".
_EMPHASIS = lazyre.compile(r"(?<!\w)[*_]+|[*_]+(?!\w)")
#: How far either side of an amount its frequency is looked for in the prose view, whose
#: blanked markup (tags, link targets) takes room the reader never sees.
_RAW_REACH = 400


def _visible(text: str) -> str:
    """*text* as the reader sees it: no emphasis marks, and each run of spaces (where the
    prose view blanked a tag, a link's target or a line break) one space. "20,000 IU of
    **<span>D3</span>** extra per week" is weekly: the words are 60 characters on screen,
    not the hundred of markup between them."""
    return " ".join(_EMPHASIS.sub(" ", text).split())


def _frequency(prose: str, start: int, end: int, s_lo: int, s_hi: int) -> tuple[str | None, float | None]:
    """How often the dose is taken, as written in its sentence ``[s_lo, s_hi)``: a regimen
    after the amount, an adjective before it, else a one-off word anywhere in the sentence
    ("a single dose", "an IM injection of", "a 400,000 IU bolus")."""
    after = _visible(prose[end:min(s_hi, end + _RAW_REACH)])[:60]
    after = re.split(r"\(|\)", after, maxsplit=1)[0]
    after = _own_words(_PRICE_RATE.sub(" ", after))
    before = _visible(prose[max(s_lo, start - _RAW_REACH):start])[-40:]
    every = _EVERY_N.search(after)
    written = [(m.start(), i) for i, (regex, _, _) in enumerate(_FREQUENCIES) if (m := regex.search(after))]
    if written:  # the one nearest the amount: "50,000 IU weekly or bi-weekly" is weekly
        start, i = min(written)
        if not (every and every.start() < start):
            return _FREQUENCIES[i][2], _FREQUENCIES[i][1]
    if every:
        n = every.group("n").lower()
        count = float(_NUM_WORDS.get(n, 0) or n)
        days = count * _SPAN_DAYS[every.group("span")[0].lower()]
        if days > 0:
            return f"every {every.group('n')} {every.group('span')}", 1 / days
    adjective = _BEFORE_FREQUENCY.search(before)
    if adjective:
        for regex, factor, name in _FREQUENCIES:
            if regex.search(adjective.group()):
                return name, factor
    if _ONE_OFF.search(prose, s_lo, s_hi):
        return "once", None
    return None, None


#: The next step of a regimen: "a loading dose of 100,000 IU followed by 4,000 units each day".
_THEN = lazyre.compile(r"\b(?:followed\s+by|then|after\s+which|and\s+later)\b", re.I)


def _own_words(after: str) -> str:
    """The words after a dose up to the next amount, which has its own frequency ("200,000 IU,
    then 100,000 IU monthly"), unless only a list separates them ("40,000 or 60,000 IU weekly");
    and never past "followed by" or "then", which start the regimen's next step."""
    then = _THEN.search(after)
    if then:
        after = after[:then.start()]
    pos = 0
    while True:
        following = _NEXT_AMOUNT.search(after, pos)
        if following is None:
            return after
        if not _LIST_GAP.fullmatch(after, pos, following.start()):
            return after[:following.start()]
        pos = following.end()


def _split_count(text: str, m: re.Match[str]) -> int:
    """Where the amount really starts when a plain space was read as a thousands mark but
    the unit is run into the number: "1 210mg" in a list is one of 210 mg (0: no split)."""
    low = m.group("low")
    if " " not in low or m.group("high") or re.match(r"\s", text[m.end("low"):]):
        return 0
    return m.start("low") + low.rindex(" ") + 1


def dose_context(doc: Document, start: int, end: int) -> bool:
    """True if the sentence around a number reads as a dose (a dose word or a substance nearby)."""
    block = doc.block_at(start)
    lo, hi = (block.start, block.end) if block else (doc.body_start, len(doc.prose))
    before = re.split(r"[.;!?]\s", doc.prose[max(lo, start - 100):start])[-1]
    after = re.split(r"[.;!?]\s", doc.prose[end:min(hi, end + 60)], maxsplit=1)[0]
    around = before + " " + after
    return bool(_DOSE_WORDS.search(around)) or any(e["regex"].search(around) for e in limits_for(doc).values())


def _dose_start_bound(prose: str, pos: int, digit: int) -> int:
    """The first offset (not before *pos*) where a dose holding the amount's digit at *digit*
    can start: back from it over what :data:`_DOSE_PREFIX_BACK` allows, reading a window that
    doubles until the run stops inside it (or reaches *pos*)."""
    window = _BACK_WINDOW
    while True:
        lo = max(pos, digit - window)
        back = _DOSE_PREFIX_BACK.match(prose[lo:digit][::-1]).end()
        if back < digit - lo or lo == pos:
            return digit - back
        window *= 2


def next_dose(prose: str, pos: int) -> re.Match[str] | None:
    """``DOSE.search(prose, pos)``, faster: no dose starts before the first digit followed by
    a unit (:data:`_NEAR_UNIT`) less what a dose may hold before it, so the search starts there
    (about three times faster on real pages, which have long runs of text with no dose)."""
    near = _NEAR_UNIT.search(prose, pos)
    if near is None:
        return None
    return DOSE.search(prose, _dose_start_bound(prose, pos, near.start()))


def find_doses(doc: Document, limits: str | None = None) -> list[Dose]:
    """All doses in the document's prose (cached on the document)."""
    key = "doses:" + (limits or "")
    if key in doc.cache:
        return doc.cache[key]
    # Views of a page that blank the same spans have the same prose, so the same doses: two
    # rules skipping different region kinds often blank the same text (a page with no
    # reference list). The doses are read, never changed, by the rules.
    same_prose: dict[tuple[str, tuple[tuple[int, int], ...]], list[Dose]] = doc.whole.cache.setdefault("doses-by-view", {})
    view_key = (key, tuple(doc.skipped))
    if view_key in same_prose:
        doc.cache[key] = same_prose[view_key]
        return doc.cache[key]
    table = limits_for(doc, limits)
    prose = doc.prose
    doses: list[Dose] = []
    pos = doc.body_start
    while True:
        m = next_dose(prose, pos)
        if m is None:
            break
        pos = m.end()
        split = _split_count(prose, m)
        if split:  # "1 210mg": read again from the real amount
            m = DOSE.match(prose, split) or m
            pos = m.end()
        doses.extend(_doses_of(doc, m, table))
    per_kg = [d for d in doses if d.per_kg]
    for dose in doses if per_kg else []:  # "10,000 IU/kg (600,000 IU max)": the cap of a per-kg dose
        if not dose.per_kg and _is_cap(prose, dose) and any(_same_sentence(doc, dose, o) for o in per_kg):
            dose.cap = True
    doc.cache[key] = same_prose[view_key] = doses
    return doses


def _doses_of(doc: Document, m: re.Match[str], table: dict[str, Any]) -> list[Dose]:
    """The doses one match holds: one, or two for a list with a unit on each part ("400 mg
    and 2.5 g", "5 mg - 2 g"), which is no range."""
    prose = doc.prose
    if _CONCENTRATION.match(prose, m.end()) or _CONTENT_OF.match(prose, m.end()):
        return []
    unit = next(k[2:] for k, v in m.groupdict().items() if k.startswith("u_") and v)
    low_unit = next((k[3:] for k, v in m.groupdict().items() if k.startswith("lu_") and v), None)
    if low_unit and not m.group("high"):  # "500 mg capsules": 500 mg, not 500 capsules
        dose = _make(doc, m, table, m.start("qual") if m.group("qual") else m.start("low"), m.end(f"lu_{low_unit}"),
                     m.group("low"), None, low_unit, "")
        return [dose] if dose else []
    if low_unit and m.group("high") and (low_unit != unit or m.group("conn") == "and"):
        first_end = m.end(f"lu_{low_unit}")
        return [d for d in (_make(doc, m, table, m.start("low"), first_end, m.group("low"), None, low_unit, ""),
                            _make(doc, m, table, m.start("high"), m.end(), m.group("high"), None, unit,
                                  m.group("per") or "")) if d]
    dose = _make(doc, m, table, m.start("qual") if m.group("qual") else m.start("low"), m.end(),
                 m.group("low"), m.group("high"), unit, m.group("per") or "")
    return [dose] if dose else []


def _make(doc: Document, m: re.Match[str], table: dict[str, Any], start: int, end: int, low_text: str,
          high_text: str | None, unit: str, per_text: str) -> Dose | None:
    """One dose from ``[start, end)``, with its substance, frequency and weight; None if it is none."""
    prose = doc.prose
    low = parse_number(low_text, unit)
    high = parse_number(high_text, unit) if high_text else low
    if low is None or high is None or not (0 <= low <= MAX_AMOUNT and 0 <= high <= MAX_AMOUNT):
        return None  # unreadable, or no dose (a 400-digit number would print as "inf")
    block = doc.block_at(start)
    lo, hi = (block.start, block.end) if block else (doc.body_start, len(prose))
    per = per_text.replace(" ", "").lower()
    core_end = end - len(per_text)
    qualifier = m.group("qual") if start == m.start("qual") else None
    dose = Dose(start, end, doc.text[start:end], min(low, high), max(low, high), unit,
                qualifier=" ".join(qualifier.split()).lower() if qualifier else None,
                per_kg=per.startswith("/kg") or bool(_PER_KG.match(prose, end)))
    dose.substance, dose.substance_from = substance_of(doc, start, core_end, lo, hi, unit, table)
    s_lo, s_hi = sentence_bounds(prose, start, end, lo, hi)
    dose.frequency, dose.per_day = _PER_FREQUENCY.get(per, (None, None))
    if dose.frequency is None:
        dose.frequency, dose.per_day = _frequency(prose, start, end, s_lo, s_hi)
    if dose.per_kg:
        weight = _WEIGHT.search(prose, s_lo, s_hi)
        dose.weight = float(weight.group(1)) if weight else None
    dose.hypothetical = bool(_HYPOTHETICAL.search(_visible(prose[s_lo:start]) + " "))
    if unit not in STRONG_UNITS and not (dose.substance or dose_context(doc, start, end)):
        return None
    return dose


def _same_sentence(doc: Document, a: Dose, b: Dose) -> bool:
    block = doc.block_at(a.start)
    lo, hi = (block.start, block.end) if block else (doc.body_start, len(doc.prose))
    s_lo, s_hi = sentence_bounds(doc.prose, a.start, a.end, lo, hi)
    return s_lo <= b.start < s_hi


def _is_cap(prose: str, dose: Dose) -> bool:
    return bool(_CAP_BEFORE.search(prose[max(0, dose.start - 30):dose.start]) or _CAP_AFTER.match(prose, dose.end)
                or (dose.qualifier in ("up to", "no more than")))
